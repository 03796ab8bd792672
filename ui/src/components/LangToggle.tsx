// The one language switch (한국어 ⇄ English) of every header: the wizard's, the first run's and a mentor's.
import { lang, t } from '../i18n';
import { toggleLang } from '../state';

export function LangToggle() {
  return (
    <button
      type="button"
      class="btn btn-ghost btn-lang"
      data-testid="lang-toggle"
      title={t('langToggleLabel')}
      lang={lang.value === 'ko' ? 'en' : 'ko'}
      onClick={() => void toggleLang()}
    >
      {t('langToggle')}
    </button>
  );
}
