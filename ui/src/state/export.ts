// Export: save, send the flagged texts the owner confirmed, and show the folder. A leak-guard refusal comes
// back as an AppError like any other (export_forbidden, approval_missing, flagged_text) and is shown calmly;
// flagged_text also re-scans, so the list on screen is what the backend saw.
import { batch } from '@preact/signals';
import * as api from '../backend';
import { attempt, busy, error, info, post } from './core';
import { loadGuard } from './guard';
import { exportResult, flushPost } from './post';
import { flaggedTerms, flagsConfirmed, scanNow } from './scan';

export const GUARD_REFUSALS = ['export_forbidden', 'approval_missing'];

export async function exportNow() {
  const p = post.value;
  if (!p || busy.value) return;
  await flushPost();
  await scanNow(); // the list the owner confirmed must be the one for the saved text
  if (!flagsConfirmed.value) return;
  busy.value = 'export';
  exportResult.value = null;
  const res = await attempt(() => api.exportPost(p.id, flaggedTerms.value));
  busy.value = null;
  if (!res) {
    const code = error.value?.code;
    if (code === 'flagged_text') await scanNow();
    if (code && GUARD_REFUSALS.includes(code)) await loadGuard();
    return;
  }
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
