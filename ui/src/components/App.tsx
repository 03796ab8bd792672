// The frame around every step: header, the left rail, one big work area, the footer with the one primary
// action, plus the things that float above it all (drop highlight, undo toast, error box, job picker).
// Beside the wizard: the side screens (calendar, shop profile, settings) fill the work area instead of the
// steps (no rail, no footer); the first run fills the whole window while the shop profile was never saved.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { leaveMentor, mentorMode, ready, screen, shopReady, showFirstRun, step } from '../state';
import { JobStep } from '../steps/JobStep';
import { PhotosStep } from '../steps/PhotosStep';
import { PlatformStep } from '../steps/PlatformStep';
import { PreviewStep } from '../steps/PreviewStep';
import { SafetyStep } from '../steps/SafetyStep';
import { WriteStep } from '../steps/WriteStep';
import { DropOverlay } from './DropOverlay';
import { ErrorBox } from './ErrorBox';
import { Footer } from './Footer';
import { Header } from './Header';
import { LangToggle } from './LangToggle';
import { Rail } from './Rail';
import '../styles/screens.css';
import '../styles/library.css';
import '../styles/review.css';
import { CalendarScreen } from '../screens/CalendarScreen';
import { FirstRun } from '../screens/FirstRun';
import { LessonsScreen } from '../screens/LessonsScreen';
import { LibraryScreen } from '../screens/LibraryScreen';
import { ProfileScreen } from '../screens/ProfileScreen';
import { ReviewScreen } from '../screens/ReviewScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { Reminder } from './Reminder';
import { Toast } from './Toast';

export function App() {
  const main = useRef<HTMLElement>(null);
  const s = step.value;
  const sc = screen.value;
  // Each step starts at its top, and keyboard users land in the new step.
  useEffect(() => {
    if (!main.current) return;
    main.current.scrollTop = 0;
    const h = main.current.querySelector<HTMLElement>('h1');
    if (h && document.activeElement !== document.body && !main.current.contains(document.activeElement))
      h.focus({ preventScroll: true });
  }, [s, sc]);

  if (ready.value && showFirstRun.value) return mentorMode.value ? <MentorApp /> : <FirstRun />;
  const wizard = sc === 'wizard';

  return (
    <div class="app">
      <Header />
      <div class="app-body">
        {wizard && <Rail />}
        <div class="work">
          <main class="work-area" ref={main} id="work-area">
            <ErrorBox />
            {wizard && ready.value && shopReady.value && <Reminder />}
            {!ready.value || !shopReady.value ? (
              <p class="loading">{t('loading')}</p>
            ) : sc === 'library' ? (
              <LibraryScreen />
            ) : sc === 'calendar' ? (
              <CalendarScreen />
            ) : sc === 'profile' ? (
              <ProfileScreen />
            ) : sc === 'lessons' ? (
              <LessonsScreen />
            ) : sc === 'settings' ? (
              <SettingsScreen />
            ) : sc === 'review' ? (
              <ReviewScreen />
            ) : s === 'photos' ? (
              <PhotosStep />
            ) : s === 'job' ? (
              <JobStep />
            ) : s === 'safety' ? (
              <SafetyStep />
            ) : s === 'platform' ? (
              <PlatformStep />
            ) : s === 'write' ? (
              <WriteStep />
            ) : (
              <PreviewStep />
            )}
          </main>
          {wizard ? (
            <Footer />
          ) : (
            <div class="screen-toast">
              <Toast />
            </div>
          )}
        </div>
      </div>
      <DropOverlay />
    </div>
  );
}

/** A mentor's PC (no shop profile): the review screen alone, with the way back to the first run. */
function MentorApp() {
  return (
    <div class="app firstrun-app mentor-app" data-testid="mentor-app">
      <header class="header">
        <div class="brand" aria-hidden="true">
          <span class="brand-mark">공</span>
        </div>
        <div class="header-titles">
          <span class="app-name">{t('appName')}</span>
        </div>
        <div class="header-actions">
          <button type="button" class="btn btn-ghost" data-testid="mentor-back" onClick={leaveMentor}>
            <span aria-hidden="true">← </span>
            {t('mentorBackFirstRun')}
          </button>
          <LangToggle />
        </div>
      </header>
      <main class="firstrun-main mentor-main" id="work-area">
        <ErrorBox />
        <ReviewScreen />
      </main>
      <div class="screen-toast">
        <Toast />
      </div>
    </div>
  );
}
