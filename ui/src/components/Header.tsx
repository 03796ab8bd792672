// The top bar: which job this is, the screens (작업 = the wizard, 서재 = the library, 달력, 가게 정보, 설정), "new job", the job
// picker and the language switch. Nothing else, so the owner's eye goes to the work area.
import { useState } from 'preact/hooks';
import { type Key, t } from '../i18n';
import { busy, goScreen, job, SCREENS, type Screen, screen, startNewJob } from '../state';

const NAV: Record<Screen, Key> = {
  wizard: 'navWizard',
  library: 'navLibrary',
  calendar: 'navCalendar',
  profile: 'navProfile',
  lessons: 'navLessons',
  settings: 'navSettings',
  review: 'navReview',
};

import { JobPicker } from './JobPicker';
import { LangToggle } from './LangToggle';

export function Header() {
  const [picking, setPicking] = useState(false);
  const title = job.value?.title.trim();
  return (
    <header class="header">
      <div class="brand" aria-hidden="true">
        <span class="brand-mark">공</span>
      </div>
      <div class="header-titles">
        <span class="app-name">{t('appName')}</span>
        <span class="header-job" data-testid="current-job">
          <span class="header-job-label">{t('currentJob')}</span>
          <span class="header-job-title">{title || t('untitled')}</span>
        </span>
      </div>
      <nav class="header-nav" aria-label={t('navLabel')}>
        <ul>
          {SCREENS.map((sc) => (
            <li key={sc}>
              <button
                type="button"
                class={`nav-btn${screen.value === sc ? ' is-current' : ''}`}
                data-testid={`nav-${sc}`}
                aria-current={screen.value === sc ? 'page' : undefined}
                onClick={() => void goScreen(sc)}
              >
                {t(NAV[sc])}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div class="header-actions">
        <button
          type="button"
          class="btn btn-ghost"
          data-testid="new-job"
          disabled={busy.value !== null}
          onClick={() => void startNewJob()}
        >
          <span aria-hidden="true">＋ </span>
          {t('newJob')}
        </button>
        <button
          type="button"
          class="btn btn-ghost"
          data-testid="job-picker"
          aria-haspopup="dialog"
          onClick={() => setPicking(true)}
        >
          {t('jobs')}
        </button>
        <LangToggle />
      </div>
      {picking && <JobPicker onClose={() => setPicking(false)} />}
    </header>
  );
}
