// The video of a YouTube / Shorts post: its settings (seconds per photo, per-photo seconds, captions burned in,
// the title card; the music is picked and removed with its own commands) are edited on screen at once and saved debounced with save_video; captions and the photo
// order live in the post's photo blocks and are saved with the post. After any save the plan (the cut list)
// is fetched again and the preview player shows the new frames (gbframe URLs, versioned by the save).
import { signal } from '@preact/signals';
import type { Block, ExportProgress, ExportTexts, Platform, VideoPlan, VideoSettings } from '../backend';
import * as api from '../backend';
import { attempt, onEnter, onLeave, post, step } from './core';
import { editBlock, editBlocks, exportResult, flushPost } from './post';
import { scanNow } from './scan';

export const MIN_SECONDS = 3;
export const MAX_SECONDS = 6;
export const SECONDS_STEP = 0.5;

export const isVideoPlatform = (p: Platform | undefined | null) => p === 'youtube' || p === 'shorts';

export const plan = signal<VideoPlan | null>(null);
/** Changes with every plan fetched: part of the frame URLs, so the player never shows an older frame. */
export const planVersion = signal('');
export const planLoading = signal(false);
/** What the export will write and draw (export_texts): the same texts the leak guard scans. */
export const videoTexts = signal<ExportTexts | null>(null);
/** The running video export's progress (null when none runs). */
export const exportProgress = signal<ExportProgress | null>(null);
/** Set when the owner pressed cancel and the export stopped: a calm note instead of an error. */
export const exportCancelled = signal(false);
export const cancelRequested = signal(false);

const clampSeconds = (s: number) =>
  Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Math.round(s / SECONDS_STEP) * SECONDS_STEP));

// ---- settings (debounced save_video) ----
let videoTimer: ReturnType<typeof setTimeout> | undefined;
let videoDirty = false;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function editVideo(change: (v: VideoSettings) => VideoSettings) {
  const p = post.value;
  if (!p || !isVideoPlatform(p.platform)) return;
  post.value = { ...p, video: change(p.video) };
  exportResult.value = null;
  videoDirty = true;
  clearTimeout(videoTimer);
  videoTimer = setTimeout(() => {
    void flushVideo().then(afterVideoSave);
  }, 600);
}

export const setSecondsPerPhoto = (s: number) => editVideo((v) => ({ ...v, secondsPerPhoto: clampSeconds(s) }));
/** `null` = the photo follows the seconds per photo. */
export const setPhotoSeconds = (photoId: number, s: number | null) =>
  editVideo((v) => {
    const photoSeconds = { ...v.photoSeconds };
    if (s === null) delete photoSeconds[String(photoId)];
    else photoSeconds[String(photoId)] = clampSeconds(s);
    return { ...v, photoSeconds };
  });
export const setBurnCaptions = (on: boolean) => editVideo((v) => ({ ...v, burnCaptions: on }));
export const setTitleCard = (titleCard: string) => editVideo((v) => ({ ...v, titleCard }));
export const setTitleCardSub = (titleCardSub: string) => editVideo((v) => ({ ...v, titleCardSub }));

// ---- music (picked through the app's file dialog; checked and copied into the library by the app) ----
/** Picks the video's background music (set_music's dialog); the video stays silent when nothing is picked. */
export async function pickMusic() {
  const p = post.value;
  if (!p || !isVideoPlatform(p.platform)) return;
  await flushVideo();
  const saved = await attempt(() => api.pickMusic(p.id));
  if (saved && post.value?.id === saved.id) {
    post.value = { ...post.value, video: saved.video, updatedAt: saved.updatedAt };
    exportResult.value = null;
  }
}
/** Takes the music away: the video is silent again (the stored copy stays for other posts). */
export async function clearMusic() {
  const p = post.value;
  if (!p?.video.music) return;
  await flushVideo();
  const saved = await attempt(() => api.setMusic(p.id, null));
  if (saved && post.value?.id === saved.id) {
    post.value = { ...post.value, video: saved.video, updatedAt: saved.updatedAt };
    exportResult.value = null;
  }
}

export async function flushVideo() {
  clearTimeout(videoTimer);
  videoTimer = undefined;
  const p = post.value;
  if (!p || !videoDirty || !isVideoPlatform(p.platform)) return;
  videoDirty = false;
  const saved = await attempt(() => api.saveVideo(p.id, p.video));
  if (saved && post.value?.id === saved.id) {
    // Only the video and the time: the blocks on screen may have edits still being saved.
    post.value = { ...post.value, video: videoDirty ? post.value.video : saved.video, updatedAt: saved.updatedAt };
  }
}

// ---- captions and order (the post's photo blocks; saved with the post) ----
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    void flushPost().then(refreshPlan);
  }, 800);
}
export function editVideoCaption(blockIndex: number, caption: string) {
  const b = post.value?.blocks[blockIndex];
  if (b?.kind !== 'photo') return;
  editBlock(blockIndex, { ...b, caption });
  scheduleRefresh();
}
/** Swaps a photo with the previous (-1) or next (+1) photo; the text blocks stay where they are. */
export function moveVideoPhoto(blockIndex: number, dir: -1 | 1) {
  const p = post.value;
  if (!p) return;
  const photoIdx = p.blocks.flatMap((b, i) => (b.kind === 'photo' ? [i] : []));
  const at = photoIdx.indexOf(blockIndex);
  const other = photoIdx[at + dir];
  if (at < 0 || other === undefined) return;
  const blocks: Block[] = p.blocks.slice();
  [blocks[blockIndex], blocks[other]] = [blocks[other], blocks[blockIndex]];
  editBlocks(blocks);
  scheduleRefresh();
}

/** The video settings feed the title card, the captions file and the description: plan, texts and scan follow. */
async function afterVideoSave() {
  await refreshPlan();
  if (step.value === 'preview') await scanNow();
}

// ---- the texts an export writes (the YouTube preview shows these, not the blocks) ----
let textsSeq = 0;
export async function refreshExportTexts() {
  const p = post.value;
  if (!p || !isVideoPlatform(p.platform)) {
    videoTexts.value = null;
    return;
  }
  const seq = ++textsSeq;
  const got = await attempt(() => api.exportTexts(p.id));
  if (seq !== textsSeq || post.value?.id !== p.id) return;
  videoTexts.value = got ?? null;
}

// ---- the plan ----
let planSeq = 0;
export async function refreshPlan() {
  const p = post.value;
  if (!p || !isVideoPlatform(p.platform)) {
    plan.value = null;
    return;
  }
  const seq = ++planSeq;
  planLoading.value = true;
  void refreshExportTexts();
  const got = await attempt(() => api.videoPlan(p.id));
  if (seq !== planSeq) return;
  planLoading.value = false;
  if (got && post.value?.id === p.id) {
    plan.value = got;
    planVersion.value = `${post.value.updatedAt}.${seq}`;
  }
}

/** Saves what is pending for the video (settings and the post's blocks), then the plan is current. */
export async function flushVideoPost() {
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  await flushPost();
  await flushVideo();
}

onEnter('preview', async () => {
  if (isVideoPlatform(post.value?.platform)) await refreshPlan();
});
onLeave('preview', flushVideoPost);
