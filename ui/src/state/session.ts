// Start-up and whole-session moves: load the app info, presets and the last job; open another job or a new
// one (saving everything pending first); the language switch; listening for imports and file drops.
import { batch, effect, signal } from '@preact/signals';
import type { Job, Lang, Session } from '../backend';
import * as api from '../backend';
import { lang } from '../i18n';
import { attempt, busy, goTo, info, job, photos, presets, ready, showError, step } from './core';
import { loadGuard, resetGuard } from './guard';
import { flushJob, loadClients, resetJobEdits } from './job';
import { dropActive, flushCaptions, importDropped, onProgress, resetImport } from './photos';
import { acceptPost, exportResult, flushPost, selectedPlatform } from './post';
import { flushAllBoxes, resetRedact } from './redact';
import { resetScan } from './scan';

effect(() => {
  document.body.dataset.step = step.value;
});
effect(() => {
  document.documentElement.lang = lang.value;
});

export async function init() {
  const appInfo = await attempt(api.appInfo);
  if (appInfo) {
    info.value = appInfo;
    lang.value = appInfo.lang === 'en' ? 'en' : 'ko';
  }
  const p = await attempt(api.presets);
  if (p) presets.value = p;
  const s = await attempt(api.currentSession);
  if (s) applySession(s);
  ready.value = true;
  void loadClients();
  await subscribe();
}

async function subscribe() {
  try {
    await api.onImportProgress(onProgress);
    await api.onFileDrag((ev) => {
      if (ev.type === 'drop') {
        dropActive.value = false;
        if (ev.paths.length) {
          void goTo('photos');
          void importDropped(ev.paths);
        }
      } else {
        dropActive.value = ev.type !== 'leave';
      }
    });
  } catch (e) {
    showError(e);
  }
}

function applySession(s: Session) {
  batch(() => {
    job.value = s.job;
    photos.value = s.photos;
    acceptPost(s.post);
    if (s.post) selectedPlatform.value = s.post.platform;
    exportResult.value = null;
    resetImport();
    resetJobEdits();
    resetGuard();
    resetRedact();
    resetScan();
    step.value = 'photos';
  });
  void loadGuard();
}

export async function flushAll() {
  await Promise.all([flushJob(), flushPost(), flushCaptions(), flushAllBoxes()]);
}

// ---- jobs ----
export const jobList = signal<Job[] | null>(null);
export async function startNewJob() {
  await flushAll();
  busy.value = 'session';
  const s = await attempt(api.newJob);
  busy.value = null;
  if (s) applySession(s);
}
export async function loadJobList() {
  jobList.value = null;
  const list = await attempt(api.listJobs);
  jobList.value = list ?? [];
}
export async function switchJob(id: number) {
  await flushAll();
  busy.value = 'session';
  const s = await attempt(() => api.openJob(id));
  busy.value = null;
  if (s) applySession(s);
}

// ---- language ----
export async function toggleLang() {
  const next: Lang = lang.value === 'ko' ? 'en' : 'ko';
  lang.value = next; // switch at once; the backend only remembers it
  const i = await attempt(() => api.setLang(next));
  if (i) info.value = i;
}

// Save what is pending when the window goes away (best effort; the debounce is short anyway).
window.addEventListener('pagehide', () => {
  void flushAll();
});
