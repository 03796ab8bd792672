// The window's state and every action the owner can take, in one place. Components read signals and call
// these functions; only this module talks to backend.ts. Saves are optimistic and debounced (the owner types
// slowly and must never wait), every failure lands in `error` as a calm message, and removals are undoable.
import { batch, computed, effect, signal } from '@preact/signals';
import * as api from './backend';
import type {
  AppError, AppInfo, Block, ExportResult, ImportItem, ImportSummary, Job, JobFields, Lang, Photo, PhotoRole,
  Platform, Post, Presets, Session,
} from './backend';
import { lang, t, type Key } from './i18n';

export type Step = 'photos' | 'job' | 'platform' | 'preview';
export const STEPS: Step[] = ['photos', 'job', 'platform', 'preview'];
export const STEP_LABEL: Record<Step, Key> = {
  photos: 'stepPhotos', job: 'stepJob', platform: 'stepPlatform', preview: 'stepPreview',
};

export const ready = signal(false);
export const info = signal<AppInfo | null>(null);
export const presets = signal<Presets>({ materials: [], processes: [] });
export const step = signal<Step>('photos');
export const job = signal<Job | null>(null);
export const photos = signal<Photo[]>([]);
export const post = signal<Post | null>(null);
export const error = signal<AppError | null>(null);
export const dropActive = signal(false);
export const importing = signal<{ done: number; total: number; active: boolean } | null>(null);
export const importBusy = signal(false); // an import (or the OS file dialog before it) is under way
export const importResults = signal<ImportItem[]>([]);
export const importSummary = signal<ImportSummary | null>(null);
export const jobSave = signal<'idle' | 'saving' | 'saved'>('idle');
export const busy = signal<null | 'draft' | 'export' | 'session'>(null);
export const exportResult = signal<ExportResult | null>(null);
export const selectedPlatform = signal<Platform>('naver');
export const jobList = signal<Job[] | null>(null);

export interface Toast { id: number; text: string; undo?: () => void }
export const toast = signal<Toast | null>(null);

export const stepIndex = computed(() => STEPS.indexOf(step.value));
export const stepDone = computed<Record<Step, boolean>>(() => ({
  photos: photos.value.length > 0,
  job: !!job.value?.title.trim(),
  platform: !!post.value,
  preview: post.value?.status === 'exported' || !!exportResult.value,
}));

effect(() => { document.body.dataset.step = step.value; });
effect(() => { document.documentElement.lang = lang.value; });

// ---- errors ----
export function showError(e: unknown) { error.value = api.toAppError(e); }
export function clearError() { error.value = null; }

/** Run a backend call; on failure show the message and return undefined (never throw into the UI). */
async function attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    showError(e);
    return undefined;
  }
}

// ---- toast ----
let toastSeq = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function showToast(text: string, undo?: () => void) {
  clearTimeout(toastTimer);
  const id = ++toastSeq;
  toast.value = { id, text, undo };
  toastTimer = setTimeout(() => { if (toast.value?.id === id) toast.value = null; }, undo ? 12000 : 4000);
}
export function dismissToast() { clearTimeout(toastTimer); toast.value = null; }

// ---- start-up ----
export async function init() {
  const appInfo = await attempt(api.appInfo);
  if (appInfo) { info.value = appInfo; lang.value = appInfo.lang === 'en' ? 'en' : 'ko'; }
  const p = await attempt(api.presets);
  if (p) presets.value = p;
  const s = await attempt(api.currentSession);
  if (s) applySession(s);
  ready.value = true;
  await subscribe();
}

async function subscribe() {
  try {
    await api.onImportProgress(onProgress);
    await api.onFileDrag((ev) => {
      if (ev.type === 'drop') {
        dropActive.value = false;
        if (ev.paths.length) { void goTo('photos'); void importDropped(ev.paths); }
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
    post.value = s.post;
    if (s.post) selectedPlatform.value = s.post.platform;
    exportResult.value = null;
    importing.value = null;
    importResults.value = [];
    importSummary.value = null;
    jobSave.value = 'idle';
    step.value = 'photos';
  });
}

const jobId = () => job.value?.id ?? 0;

// ---- language ----
export async function toggleLang() {
  const next: Lang = lang.value === 'ko' ? 'en' : 'ko';
  lang.value = next; // switch at once; the backend only remembers it
  const i = await attempt(() => api.setLang(next));
  if (i) info.value = i;
}

// ---- navigation ----
export async function goTo(target: Step) {
  if (target === step.value) return;
  if (step.value === 'job') await flushJob();
  if (step.value === 'preview') await flushPost();
  toast.value = null; // an undo offer belongs to the step where the action happened
  step.value = target;
  window.scrollTo(0, 0);
}
export async function next() {
  if (step.value === 'platform') return choosePlatform(selectedPlatform.value);
  const i = stepIndex.value;
  if (i < STEPS.length - 1) await goTo(STEPS[i + 1]);
}
export async function back() {
  const i = stepIndex.value;
  if (i > 0) await goTo(STEPS[i - 1]);
}

// ---- jobs ----
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

// ---- job facts (debounced save) ----
let jobTimer: ReturnType<typeof setTimeout> | undefined;
let jobVersion = 0;
let savedJobVersion = 0;
let jobSaving: Promise<void> | null = null;

export function editJob(field: keyof JobFields, value: string) {
  const j = job.value;
  if (!j) return;
  job.value = { ...j, [field]: value };
  jobVersion++;
  jobSave.value = 'idle';
  clearTimeout(jobTimer);
  jobTimer = setTimeout(() => { void flushJob(); }, 700);
}

export async function flushJob() {
  clearTimeout(jobTimer);
  jobTimer = undefined;
  if (jobSaving) await jobSaving;
  const j = job.value;
  if (!j || jobVersion === savedJobVersion) return;
  const v = jobVersion;
  const fields: JobFields = {
    title: j.title, material: j.material, process: j.process, machine: j.machine, tolerance: j.tolerance,
    finish: j.finish, quantity: j.quantity, leadTime: j.leadTime, story: j.story,
  };
  jobSave.value = 'saving';
  jobSaving = (async () => {
    const saved = await attempt(() => api.updateJob(j.id, fields));
    if (saved && job.value?.id === saved.id) {
      savedJobVersion = v;
      // Keep what the owner typed while the save was under way.
      job.value = jobVersion === v ? saved : { ...job.value, id: saved.id, createdAt: saved.createdAt, updatedAt: saved.updatedAt };
      jobSave.value = jobVersion === v ? 'saved' : 'idle';
    } else if (!saved) {
      jobSave.value = 'idle';
    }
  })();
  await jobSaving;
  jobSaving = null;
}

// ---- photos ----
let importChain: Promise<unknown> = Promise.resolve();

function onProgress(p: api.ImportProgress) {
  batch(() => {
    importing.value = { done: p.done, total: p.total, active: p.done < p.total };
    importResults.value = [...importResults.value, p.item];
    const ph = p.item.photo;
    if (ph && (p.item.outcome === 'imported' || p.item.outcome === 'duplicate')
        && !photos.value.some((x) => x.id === ph.id)) {
      photos.value = [...photos.value, ph];
    }
  });
}

function importFrom(run: () => Promise<ImportSummary | null>) {
  importChain = importChain.then(async () => {
    batch(() => {
      importBusy.value = true;
      importing.value = null; // the panel appears with the first progress event (not while a file dialog is open)
      importResults.value = [];
      importSummary.value = null;
    });
    const id = jobId();
    const summary = await attempt(run);
    if (!summary) {
      batch(() => { importBusy.value = false; if (importing.value) importing.value = { ...importing.value, active: false }; });
      return;
    }
    // The summary is the truth even if an event was missed: fill in what the events did not bring.
    batch(() => {
      const total = summary.items.length;
      importing.value = { done: total, total, active: false };
      importResults.value = summary.items;
      importSummary.value = summary;
      for (const it of summary.items) {
        const ph = it.photo;
        if (ph && it.outcome !== 'rejected' && !photos.value.some((x) => x.id === ph.id)) photos.value = [...photos.value, ph];
      }
    });
    // The job's photo list after the import (duplicates may or may not join the job): ask the backend.
    if (job.value?.id === id) {
      const s = await attempt(() => api.openJob(id));
      if (s && job.value?.id === id) photos.value = s.photos;
    }
    importBusy.value = false;
  });
  return importChain;
}

export function clearImport() {
  if (importBusy.value) return;
  batch(() => { importing.value = null; importResults.value = []; importSummary.value = null; });
}

export function pickPhotos() { return importFrom(() => api.pickAndImport(jobId())); }
export function importDropped(paths: string[]) { return importFrom(() => api.importPaths(jobId(), paths)); }

let orderSeq = 0;
/** Show an order at once (used live while dragging); commitOrder() tells the backend. */
export function previewOrder(ids: number[]) {
  const byId = new Map(photos.value.map((p) => [p.id, p]));
  photos.value = ids.map((id) => byId.get(id)).filter((p): p is Photo => !!p);
}
export async function commitOrder(before: Photo[]) {
  const ids = photos.value.map((p) => p.id);
  if (ids.join() === before.map((p) => p.id).join()) return;
  const seq = ++orderSeq;
  const res = await attempt(() => api.setPhotoOrder(jobId(), ids));
  if (seq !== orderSeq) return;
  if (res) photos.value = res;
  else photos.value = before;
}
export async function movePhoto(id: number, delta: -1 | 1) {
  const before = photos.value;
  const i = before.findIndex((p) => p.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= before.length) return;
  const ids = before.map((p) => p.id);
  [ids[i], ids[j]] = [ids[j], ids[i]];
  previewOrder(ids);
  await commitOrder(before);
}

export async function removePhotoAt(id: number) {
  const before = photos.value;
  const index = before.findIndex((p) => p.id === id);
  if (index < 0) return;
  const removed = before[index];
  const jid = jobId();
  photos.value = before.filter((p) => p.id !== id);
  const res = await attempt(() => api.removePhoto(jid, id));
  if (!res) { photos.value = before; return; }
  photos.value = res;
  showToast(t('photoRemoved'), () => { void undoRemove(jid, removed, index); });
}

async function undoRemove(jid: number, removed: Photo, index: number) {
  dismissToast();
  if (job.value?.id !== jid) return;
  const ids = photos.value.map((p) => p.id).filter((x) => x !== removed.id);
  ids.splice(Math.min(index, ids.length), 0, removed.id);
  const res = await attempt(() => api.setPhotoOrder(jid, ids));
  if (!res) return;
  photos.value = res;
  // Put back the role and caption if re-attaching lost them.
  const back = res.find((p) => p.id === removed.id);
  if (back && (back.role !== removed.role || back.caption !== removed.caption)) {
    await setMeta(removed.id, removed.role, removed.caption);
  }
  showToast(t('undone'));
}

const captionTimers = new Map<number, ReturnType<typeof setTimeout>>();
export async function setMeta(id: number, role: PhotoRole | null, caption: string) {
  photos.value = photos.value.map((p) => (p.id === id ? { ...p, role, caption } : p));
  const res = await attempt(() => api.setPhotoMeta(jobId(), id, role, caption));
  if (res) {
    // Keep a caption typed meanwhile.
    photos.value = photos.value.map((p) => (p.id === id ? { ...res, caption: p.caption, role: p.role } : p));
  }
}
export function setRole(id: number, role: PhotoRole) {
  const p = photos.value.find((x) => x.id === id);
  if (!p) return;
  void setMeta(id, p.role === role ? null : role, p.caption);
}
export function editCaption(id: number, caption: string) {
  photos.value = photos.value.map((p) => (p.id === id ? { ...p, caption } : p));
  clearTimeout(captionTimers.get(id));
  captionTimers.set(id, setTimeout(() => { void flushCaption(id); }, 700));
}
export async function flushCaption(id: number) {
  if (!captionTimers.has(id)) return;
  clearTimeout(captionTimers.get(id));
  captionTimers.delete(id);
  const p = photos.value.find((x) => x.id === id);
  if (p) await setMeta(id, p.role, p.caption);
}
async function flushCaptions() { await Promise.all([...captionTimers.keys()].map(flushCaption)); }

// ---- platform and draft ----
export async function choosePlatform(p: Platform) {
  selectedPlatform.value = p;
  if (post.value && post.value.platform === p) { await goTo('preview'); return; }
  await flushJob();
  await flushCaptions();
  busy.value = 'draft';
  const made = await attempt(() => api.makeDraft(jobId(), p));
  busy.value = null;
  if (!made) return;
  batch(() => { post.value = made; exportResult.value = null; });
  await goTo('preview');
}

export async function regenerateDraft() {
  const old = post.value;
  if (!old) return;
  await flushJob();
  await flushCaptions();
  await flushPost();
  busy.value = 'draft';
  const made = await attempt(() => api.makeDraft(jobId(), old.platform));
  busy.value = null;
  if (!made) return;
  batch(() => { post.value = made; exportResult.value = null; });
  showToast(t('regenerated'), () => {
    dismissToast();
    const cur = post.value;
    if (!cur || cur.id !== made.id) return;
    const restored: Post = { ...cur, title: old.title, blocks: old.blocks, tags: old.tags };
    post.value = restored;
    postVersion++;
    void flushPost().then(() => showToast(t('undone')));
  });
}

// ---- post edits (debounced save) ----
let postTimer: ReturnType<typeof setTimeout> | undefined;
let postVersion = 0;
let savedPostVersion = 0;
let postSaving: Promise<void> | null = null;

function editPost(change: (p: Post) => Post) {
  const p = post.value;
  if (!p) return;
  post.value = change(p);
  postVersion++;
  clearTimeout(postTimer);
  postTimer = setTimeout(() => { void flushPost(); }, 700);
}
export const editTitle = (title: string) => editPost((p) => ({ ...p, title }));
export const editBlock = (index: number, block: Block) =>
  editPost((p) => ({ ...p, blocks: p.blocks.map((b, i) => (i === index ? block : b)) }));

export async function flushPost() {
  clearTimeout(postTimer);
  postTimer = undefined;
  if (postSaving) await postSaving;
  const p = post.value;
  if (!p || postVersion === savedPostVersion) return;
  const v = postVersion;
  postSaving = (async () => {
    const saved = await attempt(() => api.savePost(p));
    if (saved && post.value?.id === saved.id) {
      savedPostVersion = v;
      if (postVersion === v) post.value = saved;
    }
  })();
  await postSaving;
  postSaving = null;
}

async function flushAll() {
  await Promise.all([flushJob(), flushPost(), flushCaptions()]);
}

// ---- export ----
export async function exportNow() {
  const p = post.value;
  if (!p || busy.value) return;
  await flushPost();
  busy.value = 'export';
  exportResult.value = null;
  const res = await attempt(() => api.exportPost(p.id));
  busy.value = null;
  if (!res) return;
  batch(() => {
    exportResult.value = res;
    if (post.value?.id === p.id) post.value = { ...post.value, status: 'exported', exportPath: res.folder };
  });
  const i = await attempt(api.appInfo);
  if (i) info.value = i;
}

export async function changeExportDir() {
  const dir = await attempt(api.chooseExportDir);
  if (dir && info.value) info.value = { ...info.value, exportDir: dir };
}

// Save what is pending when the window goes away (best effort; the debounce is short anyway).
window.addEventListener('pagehide', () => { void flushAll(); });
