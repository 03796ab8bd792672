// The first run: three short screens before anything else (1 name and contact, 2 place and online addresses,
// 3 machines, materials, capabilities and the logo). Enter in any field goes on; "나중에 할게요" saves what is
// there and starts, so the owner is never held up. Shown while the profile was never saved.
import { useEffect, useRef } from 'preact/hooks';
import { ErrorBox } from '../components/ErrorBox';
import { LangToggle } from '../components/LangToggle';
import { type Key, t } from '../i18n';
import {
  finishFirstRun,
  firstRunBack,
  firstRunNext,
  firstRunScreen,
  savingProfile,
  skipFirstRun,
  startMentor,
} from '../state';
import { ContactFields, PlaceFields, WorkFields } from './ProfileFields';

const TITLES: Record<1 | 2 | 3, { title: Key; lead: Key }> = {
  1: { title: 'firstRunTitle1', lead: 'firstRunLead1' },
  2: { title: 'firstRunTitle2', lead: 'firstRunLead2' },
  3: { title: 'firstRunTitle3', lead: 'firstRunLead3' },
};

export function FirstRun() {
  const n = firstRunScreen.value;
  const formRef = useRef<HTMLFormElement>(null);
  // Each screen starts with its first field focused, so the owner can simply type (and keyboard users land there).
  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLElement>('.firstrun-fields input, .firstrun-fields button');
    first?.focus();
  }, [n]);
  const submit = (e: Event) => {
    e.preventDefault();
    if (savingProfile.value) return;
    if (n < 3) firstRunNext();
    else void finishFirstRun();
  };
  return (
    <div class="app firstrun-app">
      <header class="header">
        <div class="brand" aria-hidden="true">
          <span class="brand-mark">공</span>
        </div>
        <div class="header-titles">
          <span class="app-name">{t('appName')}</span>
        </div>
        <div class="header-actions">
          <LangToggle />
        </div>
      </header>
      <main class="firstrun-main" id="work-area">
        <ErrorBox />
        <form
          ref={formRef}
          class="firstrun"
          data-testid="firstrun"
          data-screen={n}
          onSubmit={submit}
          aria-labelledby="firstrun-title"
          noValidate
        >
          <p class="firstrun-welcome">{t('firstRunWelcome')}</p>
          <div class="firstrun-progress">
            <ol class="firstrun-dots" aria-hidden="true">
              {[1, 2, 3].map((i) => (
                <li key={i} class={i === n ? 'is-current' : i < n ? 'is-done' : ''}>
                  {i < n ? '✓' : i}
                </li>
              ))}
            </ol>
            <span class="firstrun-count">{t('firstRunStep', { n })}</span>
          </div>
          <h1 id="firstrun-title" tabIndex={-1}>
            {t(TITLES[n].title)}
          </h1>
          <p class="lead">{t(TITLES[n].lead)}</p>
          <div class="firstrun-fields">{n === 1 ? <ContactFields /> : n === 2 ? <PlaceFields /> : <WorkFields />}</div>
          <div class="firstrun-actions">
            <div class="firstrun-actions-left">
              {n > 1 && (
                <button type="button" class="btn btn-secondary" data-testid="firstrun-back" onClick={firstRunBack}>
                  <span aria-hidden="true">← </span>
                  {t('back')}
                </button>
              )}
            </div>
            <div class="firstrun-skip">
              <button
                type="button"
                class="link"
                data-testid="firstrun-skip"
                aria-describedby="firstrun-skip-hint"
                disabled={savingProfile.value}
                onClick={() => void skipFirstRun()}
              >
                {t('firstRunSkip')}
              </button>
              <span class="hint" id="firstrun-skip-hint">
                {t('firstRunSkipHint')}
              </span>
            </div>
            <button
              type="submit"
              class="btn btn-primary btn-big"
              data-testid="firstrun-next"
              disabled={savingProfile.value}
            >
              <span class="btn-big-main">
                {n < 3 ? t('firstRunNext') : t('firstRunFinish')}
                <span aria-hidden="true"> →</span>
              </span>
            </button>
          </div>
        </form>
        <div class="firstrun-mentor">
          <button type="button" class="btn btn-secondary btn-big" data-testid="firstrun-mentor" onClick={startMentor}>
            {t('mentorButton')}
          </button>
          <span class="hint">{t('mentorButtonHint')}</span>
        </div>
      </main>
    </div>
  );
}
