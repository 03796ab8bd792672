// The post: choosing the platform makes the draft (only when there is none for it yet), edits to the title and
// blocks are shown at once and saved debounced, and "write again" can be undone from the toast.
import { batch, signal } from '@preact/signals';
import * as api from '../backend';
import type { Block, ExportResult, Platform, Post } from '../backend';
import { t } from '../i18n';
import { attempt, busy, dismissToast, goTo, jobId, onLeave, post, showToast } from './core';
import { flushJob } from './job';
import { flushCaptions } from './photos';

export const selectedPlatform = signal<Platform>('naver');
export const exportResult = signal<ExportResult | null>(null);

export async function choosePlatform(p: Platform) {
  selectedPlatform.value = p;
  if (post.value && post.value.platform === p) { await goTo('write'); return; }
  await flushJob();
  await flushCaptions();
  busy.value = 'draft';
  const made = await attempt(() => api.makeDraft(jobId(), p));
  busy.value = null;
  if (!made) return;
  batch(() => { acceptPost(made); exportResult.value = null; });
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
  batch(() => { acceptPost(made); exportResult.value = null; });
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
  postTimer = setTimeout(() => { void flushPost(); }, 700);
}
export const editTitle = (title: string) => editPost((p) => ({ ...p, title }));
export const editBlock = (index: number, block: Block) =>
  editPost((p) => ({ ...p, blocks: p.blocks.map((b, i) => (i === index ? block : b)) }));
export const editBlocks = (blocks: Block[]) => editPost((p) => ({ ...p, blocks }));

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
