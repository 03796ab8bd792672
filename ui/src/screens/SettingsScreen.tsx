// Settings: the screen language (two big buttons, the current one pressed) and the optional AI helper's form
// (components/AiSettings, owned by the write step), the backup (components/BackupSettings), the club folder
// (components/ClubSettings) and the template packs (components/PackSettings).

import type { Lang } from '../backend';
import { AiSettings } from '../components/AiSettings';
import { BackupSettings } from '../components/BackupSettings';
import { ClubSettings } from '../components/ClubSettings';
import { PackSettings } from '../components/PackSettings';
import { lang, t } from '../i18n';
import { toggleLang } from '../state';

export function SettingsScreen() {
  const set = (l: Lang) => {
    if (lang.value !== l) void toggleLang();
  };
  return (
    <section class="step screen screen-settings" aria-labelledby="step-title">
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {t('settingsTitle')}
        </h1>
      </div>
      <section class="sc-card settings-section" aria-labelledby="settings-lang">
        <h2 id="settings-lang">{t('settingsLang')}</h2>
        <p class="hint">{t('settingsLangHelp')}</p>
        <div class="sc-chips" role="group" aria-labelledby="settings-lang">
          <button
            type="button"
            class={`sc-chip sc-chip-big${lang.value === 'ko' ? ' is-on' : ''}`}
            lang="ko"
            data-testid="settings-lang-ko"
            aria-pressed={lang.value === 'ko'}
            onClick={() => set('ko')}
          >
            {t('langKo')}
          </button>
          <button
            type="button"
            class={`sc-chip sc-chip-big${lang.value === 'en' ? ' is-on' : ''}`}
            lang="en"
            data-testid="settings-lang-en"
            aria-pressed={lang.value === 'en'}
            onClick={() => set('en')}
          >
            {t('langEn')}
          </button>
        </div>
      </section>
      <section class="sc-card settings-section" aria-labelledby="settings-backup">
        <BackupSettings />
      </section>
      <section class="sc-card settings-section" aria-labelledby="settings-club">
        <ClubSettings />
      </section>
      <section class="sc-card settings-section" aria-labelledby="settings-packs">
        <PackSettings />
      </section>
      <section class="sc-card settings-section">
        <AiSettings />
      </section>
    </section>
  );
}
