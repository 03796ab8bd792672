// The post: choosing the platform makes the draft (only when there is none for it yet), edits to the title and
// blocks are shown at once and saved debounced, and "write again" can be undone from the toast. The post's photos
// are added (from the job's photos), taken out and moved in the write step; the backend refuses any other photo.
import { batch, signal } from '@preact/signals';
import type { Block, ExportResult, Photo, Platform, Post } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, busy, dismissToast, goTo, jobId, onLeave, post, showToast } from './core';
import { flushJob } from './job';
import { flushCaptions } from './photos';

export const selectedPlatform = signal<Platform>('naver');
export const exportResult = signal<ExportResult | null>(null);

export async function choosePlatform(p: Platform) {
  selectedPlatform.value = p;
  if (post.value && post.value.platform === p) {
    await goTo('write');
    return;
  }
  await flushJob();
  await flushCaptions();
  busy.value = 'draft';
  const made = await attempt(() => api.makeDraft(jobId(), p));
  busy.value = null;
  if (!made) return;
  batch(() => {
    acceptPost(made);
    exportResult.value = null;
  });
  await goTo('write');
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
  batch(() => {
    acceptPost(made);
    exportResult.value = null;
  });
  showToast(t('regenerated'), () => {
    dismissToast();
    const cur = post.value;
    if (!cur || cur.id !== made.id) return;
    editPost(() => ({ ...cur, title: old.title, blocks: old.blocks, tags: old.tags }));
    void flushPost().then(() => showToast(t('undone')));
  });
}

// ---- edits (debounced save) ----
let postTimer: ReturnType<typeof setTimeout> | undefined;
let postVersion = 0;
let savedPostVersion = 0;
let postSaving: Promise<void> | null = null;

/** Take a post the backend sent as the saved truth (a draft, a replace, a new session). */
export function acceptPost(p: Post | null) {
  clearTimeout(postTimer);
  postTimer = undefined;
  savedPostVersion = postVersion;
  post.value = p;
}

function editPost(change: (p: Post) => Post) {
  const p = post.value;
  if (!p) return;
  post.value = change(p);
  exportResult.value = null; // "done" no longer describes the text on screen
  postVersion++;
  clearTimeout(postTimer);
  postTimer = setTimeout(() => {
    void flushPost();
  }, 700);
}
export const editTitle = (title: string) => editPost((p) => ({ ...p, title }));
export const editBlock = (index: number, block: Block) =>
  editPost((p) => ({ ...p, blocks: p.blocks.map((b, i) => (i === index ? block : b)) }));
export const editBlocks = (blocks: Block[]) => editPost((p) => ({ ...p, blocks }));

/** Posts the backend changed on its own (a photo taken out of the job, or put back): the one on screen is
 * taken as saved, keeping the video settings only if the backend did not send new ones. */
export function acceptChangedPosts(changed: Post[]) {
  const cur = post.value;
  const mine = cur && changed.find((p) => p.id === cur.id);
  if (mine) acceptPost(mine);
}

// ---- the post's photos (write step): only the job's photos, added, taken out and moved among themselves ----
const isPhoto = (b: Block): b is Extract<Block, { kind: 'photo' }> => b.kind === 'photo';

/** Takes the photo block at `index` out of the post (the job keeps the photo); the toast can put it back. */
export function removePostPhoto(index: number) {
  const p = post.value;
  const b = p?.blocks[index];
  if (!p || !b || !isPhoto(b)) return;
  const postId = p.id;
  editPost((x) => ({ ...x, blocks: x.blocks.filter((_, i) => i !== index) }));
  void flushPost();
  showToast(t('postPhotoRemoved'), () => {
    dismissToast();
    const cur = post.value;
    if (!cur || cur.id !== postId) return;
    const blocks = [...cur.blocks];
    blocks.splice(Math.min(index, blocks.length), 0, b);
    editPost((x) => ({ ...x, blocks }));
    void flushPost().then(() => showToast(t('undone')));
  });
}

/** Swaps the photo block at `index` with the previous (-1) or next (+1) photo block; the text stays put. */
export function movePostPhoto(index: number, delta: -1 | 1) {
  const p = post.value;
  if (!p?.blocks[index] || !isPhoto(p.blocks[index])) return;
  let j = index + delta;
  while (j >= 0 && j < p.blocks.length && !isPhoto(p.blocks[j])) j += delta;
  if (j < 0 || j >= p.blocks.length) return;
  const blocks = [...p.blocks];
  [blocks[index], blocks[j]] = [blocks[j], blocks[index]];
  editPost((x) => ({ ...x, blocks }));
  void flushPost();
}

/** Adds one of the job's photos after the post's last photo (at the end when it has none), with its caption. */
export function addPostPhoto(photo: Photo) {
  const p = post.value;
  if (!p || p.blocks.some((b) => isPhoto(b) && b.photoId === photo.id)) return;
  let at = p.blocks.length;
  for (let i = p.blocks.length - 1; i >= 0; i--)
    if (isPhoto(p.blocks[i])) {
      at = i + 1;
      break;
    }
  const blocks = [...p.blocks];
  blocks.splice(at, 0, { kind: 'photo', photoId: photo.id, caption: photo.caption });
  editPost((x) => ({ ...x, blocks }));
  void flushPost();
}

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
      // The video settings are saved by their own command (state/video.ts): keep the ones on screen.
      if (postVersion === v) post.value = { ...saved, video: post.value.video };
    }
  })();
  await postSaving;
  postSaving = null;
}

onLeave('preview', flushPost);
onLeave('write', flushPost);
