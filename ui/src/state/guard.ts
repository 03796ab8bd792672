// The leak guard's verdict for the job (own product / customer policy / approval), the approvals the owner
// records, the job's history (append-only, shown newest first) and the owner's own list of sensitive words.
// The backend decides; the window only shows the verdict and never treats it as permission by itself.
import { signal } from '@preact/signals';
import type { Guard, HistoryEntry } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, guardEnter, job, onEnter, showToast } from './core';

export const guard = signal<Guard | null>(null);
export const guardHistory = signal<HistoryEntry[]>([]);
export const watchWords = signal<string[] | null>(null); // null = not loaded yet

/** Steps that come after the safety check; a "never" job does not reach them, by any way round. */
export const PAST_SAFETY = ['platform', 'write', 'preview'];
guardEnter((target) => (guard.value?.policy === 'never' && PAST_SAFETY.includes(target) ? 'safety' : null));

export function resetGuard() {
  guard.value = null;
  guardHistory.value = [];
}

export async function loadGuard() {
  const j = job.value;
  if (!j) return;
  const g = await attempt(() => api.jobGuard(j.id));
  if (g && job.value?.id === j.id) guard.value = g;
}

export async function loadHistory() {
  const j = job.value;
  if (!j) return;
  const h = await attempt(() => api.jobHistory(j.id));
  if (h && job.value?.id === j.id) guardHistory.value = h;
}

export interface ApprovalInput {
  approvedBy: string;
  how: string;
  note: string;
  approvedAt: string | null;
}
/** Record who at the customer agreed (appended, never edited). True when it was recorded. */
export async function recordApproval(a: ApprovalInput): Promise<boolean> {
  const j = job.value;
  if (!j) return false;
  const g = await attempt(() =>
    api.recordApproval(j.id, a.approvedBy.trim(), a.how.trim(), a.note.trim(), a.approvedAt || null),
  );
  if (!g || job.value?.id !== j.id) return false;
  guard.value = g;
  await loadHistory();
  return true;
}

export async function loadWatchWords() {
  const w = await attempt(api.listWatchWords);
  if (w) watchWords.value = w;
}
/** Save the list typed one word per line (blank lines dropped). */
export async function saveWatchWords(text: string): Promise<boolean> {
  const words = [
    ...new Set(
      text
        .split('\n')
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
  const w = await attempt(() => api.setWatchWords(words));
  if (!w) return false;
  watchWords.value = w;
  showToast(t('watchWordsSaved'));
  return true;
}

onEnter('safety', () => Promise.all([loadGuard(), loadHistory(), loadWatchWords()]).then(() => undefined));
onEnter('preview', loadGuard);
