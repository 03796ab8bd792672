// The safety step's photo work: which photo is shown large, the black boxes drawn over it (fractions of the
// upright photo, saved debounced and at once when a drag ends, undoable after a delete) and the list of what
// the export strips from that photo (read by the backend from the photo's own bytes).
import { signal } from '@preact/signals';
import type { MetaItem, RedactBox } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, dismissToast, onLeave, photos, showToast } from './core';

export const selectedPhotoId = signal<number | null>(null);
/** What the export removes, per photo id (undefined = loading). */
export const metadata = signal<Record<number, MetaItem[] | undefined>>({});

export const MIN_BOX = 0.01;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
/** Keep a box inside the photo and at least MIN_BOX wide and high. */
export function clampBox(b: RedactBox): RedactBox {
  const w = Math.min(1, Math.max(MIN_BOX, b.w));
  const h = Math.min(1, Math.max(MIN_BOX, b.h));
  const x = Math.min(1 - w, clamp01(b.x));
  const y = Math.min(1 - h, clamp01(b.y));
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  return { x: r(x), y: r(y), w: r(w), h: r(h) };
}

const metaLoading = new Set<number>();
export function resetRedact() {
  metaLoading.clear();
  selectedPhotoId.value = null;
  metadata.value = {};
}

export function selectPhoto(id: number) {
  selectedPhotoId.value = id;
  void loadMetadata(id);
}

export async function loadMetadata(id: number) {
  if (metadata.value[id] || metaLoading.has(id)) return;
  metaLoading.add(id);
  const items = await attempt(() => api.photoMetadata(id));
  metaLoading.delete(id);
  if (items) metadata.value = { ...metadata.value, [id]: items };
}

const timers = new Map<number, ReturnType<typeof setTimeout>>();

/** Show boxes at once (while dragging) without saving; saveBoxes() or flushBoxes() send them. */
export function previewBoxes(photoId: number, boxes: RedactBox[]) {
  photos.value = photos.value.map((p) => (p.id === photoId ? { ...p, redactions: boxes } : p));
}

/** Change the boxes and save them shortly (debounced), or at once with `now`. */
export function saveBoxes(photoId: number, boxes: RedactBox[], now = false) {
  previewBoxes(photoId, boxes.map(clampBox));
  clearTimeout(timers.get(photoId));
  timers.set(
    photoId,
    setTimeout(() => {
      void flushBoxes(photoId);
    }, 300),
  );
  if (now) return flushBoxes(photoId);
  return Promise.resolve();
}

export async function flushBoxes(photoId: number) {
  if (!timers.has(photoId)) return;
  clearTimeout(timers.get(photoId));
  timers.delete(photoId);
  const p = photos.value.find((x) => x.id === photoId);
  if (!p) return;
  const sent = p.redactions;
  const res = await attempt(() => api.setRedactions(photoId, sent));
  // Take the backend's copy unless the owner changed the boxes again meanwhile.
  // (Its thumbnail address too: it names the boxes burned into the thumbnail.)
  if (res)
    photos.value = photos.value.map((x) =>
      x.id === photoId && x.redactions === sent
        ? { ...x, redactions: res.redactions, thumbUrl: res.thumbUrl, rawThumbUrl: res.rawThumbUrl }
        : x,
    );
}
export async function flushAllBoxes() {
  await Promise.all([...timers.keys()].map(flushBoxes));
}

/** Remove one box; the toast offers to put it back. */
export function deleteBox(photoId: number, index: number) {
  const p = photos.value.find((x) => x.id === photoId);
  if (!p?.redactions[index]) return;
  const before = p.redactions;
  void saveBoxes(
    photoId,
    before.filter((_, i) => i !== index),
    true,
  );
  showToast(t('boxRemoved'), () => {
    dismissToast();
    void saveBoxes(photoId, before, true).then(() => showToast(t('undone')));
  });
}

onLeave('safety', flushAllBoxes);
