// Entry point: loads the styles (and with them the shipped Pretendard font), mounts the app, restores the session.
import { render } from 'preact';
import './styles/fonts.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/photos.css';
import './styles/job.css';
import './styles/safety.css';
import './styles/platform.css';
import './styles/preview.css';
import './styles/coach.css';
import { effect } from '@preact/signals';
import { App } from './components/App';
import { init, ready, shopReady } from './state';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(<App />, root);
void init();

// The window benchmark (issue 14) reads this mark: the first screen drawn after start-up, once the session and
// the shop profile are in (the frame after the render that shows them).
let marked = false;
effect(() => {
  if (marked || !ready.value || !shopReady.value) return;
  marked = true;
  requestAnimationFrame(() => {
    setTimeout(() => performance.mark('gb:first-screen'), 0);
  });
});
