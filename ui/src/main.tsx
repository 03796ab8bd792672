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
import { App } from './components/App';
import { init } from './state';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(<App />, root);
void init();
