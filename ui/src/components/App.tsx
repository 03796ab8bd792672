// The frame around every step: header, the left rail, one big work area, the footer with the one primary
// action, plus the things that float above it all (drop highlight, undo toast, error box, job picker).
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { ready, step } from '../state';
import { Header } from './Header';
import { Rail } from './Rail';
import { Footer } from './Footer';
import { ErrorBox } from './ErrorBox';
import { DropOverlay } from './DropOverlay';
import { PhotosStep } from '../steps/PhotosStep';
import { JobStep } from '../steps/JobStep';
import { SafetyStep } from '../steps/SafetyStep';
import { PlatformStep } from '../steps/PlatformStep';
import { PreviewStep } from '../steps/PreviewStep';

export function App() {
  const main = useRef<HTMLElement>(null);
  const s = step.value;
  // Each step starts at its top, and keyboard users land in the new step.
  useEffect(() => {
    if (!main.current) return;
    main.current.scrollTop = 0;
    const h = main.current.querySelector<HTMLElement>('h1');
    if (h && document.activeElement !== document.body && !main.current.contains(document.activeElement)) h.focus({ preventScroll: true });
  }, [s]);

  return (
    <div class="app">
      <Header />
      <div class="app-body">
        <Rail />
        <div class="work">
          <main class="work-area" ref={main} id="work-area">
            <ErrorBox />
            {!ready.value ? <p class="loading">{t('loading')}</p>
              : s === 'photos' ? <PhotosStep />
              : s === 'job' ? <JobStep />
              : s === 'safety' ? <SafetyStep />
              : s === 'platform' ? <PlatformStep />
              : <PreviewStep />}
          </main>
          <Footer />
        </div>
      </div>
      <DropOverlay />
    </div>
  );
}
