// The job's photos: importing (dropped paths or the OS dialog, with per-file progress), the order (drag or
// buttons, optimistic and rolled back on failure), role and caption (debounced), and removal (from the job and
// its posts) with undo.
import { batch, signal } from '@preact/signals';
import type { ImportItem, ImportSummary, Photo, PhotoRole, RemovedPhoto } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, dismissToast, job, jobId, onLeave, photos, showToast } from './core';
import { acceptChangedPosts } from './post';

export const dropActive = signal(false);
export const importing = signal<{ done: number; total: number; active: boolean } | null>(null);
export const importBusy = signal(false); // an import (or the OS file dialog before it) is under way
export const importResults = signal<ImportItem[]>([]);
export const importSummary = signal<ImportSummary | null>(null);

/** Forget the last import's panel (a new session starts clean). */
export function resetImport() {
  importing.value = null;
  importResults.value = [];
  importSummary.value = null;
}

let importChain: Promise<unknown> = Promise.resolve();

export function onProgress(p: api.ImportProgress) {
  batch(() => {
    importing.value = { done: p.done, total: p.total, active: p.done < p.total };
    importResults.value = [...importResults.value, p.item];
    const ph = p.item.photo;
    if (
      ph &&
      (p.item.outcome === 'imported' || p.item.outcome === 'duplicate') &&
      !photos.value.some((x) => x.id === ph.id)
    ) {
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
      batch(() => {
        importBusy.value = false;
        if (importing.value) importing.value = { ...importing.value, active: false };
      });
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
        if (ph && it.outcome !== 'rejected' && !photos.value.some((x) => x.id === ph.id))
          photos.value = [...photos.value, ph];
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
  batch(resetImport);
}

export function pickPhotos() {
  return importFrom(() => api.pickAndImport(jobId()));
}
export function importDropped(paths: string[]) {
  return importFrom(() => api.importPaths(jobId(), paths));
}

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

/** Takes a photo out of the job; the backend takes it out of the job's posts too (photo blocks, video seconds)
 * and says what it removed, which the toast's "되돌리기" hands back to restore_photo. */
export async function removePhotoAt(id: number) {
  const before = photos.value;
  if (!before.some((p) => p.id === id)) return;
  const jid = jobId();
  await flushCaption(id);
  photos.value = before.filter((p) => p.id !== id);
  const res = await attempt(() => api.removePhoto(jid, id));
  if (!res?.removed) {
    photos.value = before;
    return;
  }
  const removed = res.removed;
  batch(() => {
    photos.value = res.photos;
    acceptChangedPosts(res.posts);
  });
  showToast(t(res.posts.length ? 'photoRemovedFromPosts' : 'photoRemoved'), () => {
    void undoRemove(removed);
  });
}

async function undoRemove(removed: RemovedPhoto) {
  dismissToast();
  if (job.value?.id !== removed.jobId) return;
  const res = await attempt(() => api.restorePhoto(removed));
  if (!res) return;
  batch(() => {
    photos.value = res.photos;
    acceptChangedPosts(res.posts);
  });
  showToast(t('undone'));
}

const captionTimers = new Map<number, ReturnType<typeof setTimeout>>();
export async function setMeta(id: number, role: PhotoRole | null, caption: string) {
  photos.value = photos.value.map((p) => (p.id === id ? { ...p, role, caption } : p));
  const res = await attempt(() => api.setPhotoMeta(jobId(), id, role, caption));
  if (res) {
    // Keep a caption typed meanwhile, and the boxes (the window's copy is the newest; redact.ts saves it).
    photos.value = photos.value.map((p) =>
      p.id === id ? { ...res, caption: p.caption, role: p.role, redactions: p.redactions } : p,
    );
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
  captionTimers.set(
    id,
    setTimeout(() => {
      void flushCaption(id);
    }, 700),
  );
}
export async function flushCaption(id: number) {
  if (!captionTimers.has(id)) return;
  clearTimeout(captionTimers.get(id));
  captionTimers.delete(id);
  const p = photos.value.find((x) => x.id === id);
  if (p) await setMeta(id, p.role, p.caption);
}
export async function flushCaptions() {
  await Promise.all([...captionTimers.keys()].map(flushCaption));
}

onLeave('photos', flushCaptions);
