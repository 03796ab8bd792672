// Export: save, send the flagged texts the owner confirmed, and show the folder. A leak-guard refusal comes
// back as an AppError like any other (export_forbidden, approval_missing, flagged_text) and is shown calmly;
// flagged_text also re-scans, so the list on screen is what the backend saw. A video export shows its progress
// (export-progress events) and can be cancelled; a cancel is not an error: a calm note says nothing was left.
// After a Naver export the copy buttons put the package's title, body and tags on the clipboard: Rust copies
// the texts the leak guard cleared and the export wrote, never what is on screen.
import { batch, signal } from '@preact/signals';
import * as api from '../backend';
import { attempt, busy, error, info, post } from './core';
import { loadGuard } from './guard';
import { exportResult, flushPost } from './post';
import { flaggedTerms, flagsConfirmed, scanNow } from './scan';
import { cancelRequested, exportCancelled, exportProgress, flushVideoPost, isVideoPlatform } from './video';

export type { NaverPart } from '../backend';

export const GUARD_REFUSALS = ['export_forbidden', 'approval_missing'];

/** The texts of a Naver package the copy buttons copy, in the guide's order. */
export const NAVER_PARTS: api.NaverPart[] = ['title', 'body', 'tags'];
/** The parts copied since the export on screen (their buttons show a tick). */
export const copiedParts = signal<api.NaverPart[]>([]);
/** The part copied last: its message says what is on the clipboard and where to paste it. */
export const lastCopied = signal<api.NaverPart | null>(null);

/** Copies one text of the exported Naver package to the clipboard (from Rust, as exported). */
export async function copyPart(part: api.NaverPart) {
  const p = post.value;
  if (!p || !exportResult.value) return;
  const ok = await attempt(async () => {
    await api.copyExportText(p.id, part);
    return true;
  });
  if (!ok) {
    lastCopied.value = null;
    return;
  }
  batch(() => {
    lastCopied.value = part;
    if (!copiedParts.value.includes(part)) copiedParts.value = [...copiedParts.value, part];
  });
}

export async function exportNow() {
  const p = post.value;
  if (!p || busy.value) return;
  await flushPost();
  if (isVideoPlatform(p.platform)) await flushVideoPost();
  await scanNow(); // the list the owner confirmed must be the one for the saved text
  if (!flagsConfirmed.value) return;
  busy.value = 'export';
  batch(() => {
    exportResult.value = null;
    exportCancelled.value = false;
    cancelRequested.value = false;
    exportProgress.value = isVideoPlatform(p.platform) ? { done: 0, total: 0, etaMs: null } : null;
  });
  const stop = isVideoPlatform(p.platform)
    ? await attempt(() =>
        api.onExportProgress((ev) => {
          if (busy.value === 'export') exportProgress.value = ev;
        }),
      )
    : undefined;
  const res = await attempt(() => api.exportPost(p.id, flaggedTerms.value));
  stop?.();
  busy.value = null;
  exportProgress.value = null;
  if (!res) {
    const code = error.value?.code;
    if (code === 'cancelled' && cancelRequested.value) {
      batch(() => {
        error.value = null;
        exportCancelled.value = true;
        cancelRequested.value = false;
      });
      return;
    }
    if (code === 'flagged_text') await scanNow();
    if (code && GUARD_REFUSALS.includes(code)) await loadGuard();
    return;
  }
  batch(() => {
    exportResult.value = res;
    copiedParts.value = [];
    lastCopied.value = null;
    if (post.value?.id === p.id) post.value = { ...post.value, status: 'exported', exportPath: res.folder };
  });
  const i = await attempt(api.appInfo);
  if (i) info.value = i;
}

/** Asks the running export to stop (it stops at the next frame and leaves no folder). */
export async function cancelExportNow() {
  if (busy.value !== 'export' || cancelRequested.value) return;
  cancelRequested.value = true;
  await attempt(api.cancelExport);
}

export async function changeExportDir() {
  const dir = await attempt(api.chooseExportDir);
  if (dir && info.value) info.value = { ...info.value, exportDir: dir };
}
