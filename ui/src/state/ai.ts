// The optional AI helper (off by default): its settings (the key itself never reaches the window, only
// `hasKey`), and "polish / shorter / friendlier" on the focused paragraph or the whole post. The backend saves
// the rewritten post; on any failure the post stays as it was and the plain message is shown. A rewrite can be
// stopped (cancel_ai), and a finished one undone from the toast.
import { signal } from '@preact/signals';
import type { AiSettings, AiStyle } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { coachBusy, focusedBlock, refreshCoach, restorePost } from './coach';
import { attempt, clearError, onEnter, post, showError, showToast } from './core';
import { acceptPost, exportResult, flushPost } from './post';

export const ai = signal<AiSettings | null>(null);
/** The style being asked for while a rewrite runs. */
export const aiRunning = signal<AiStyle | null>(null);
export const aiCancelling = signal(false);

export async function loadAi() {
  const s = await attempt(api.aiSettings);
  if (s) ai.value = s;
}
onEnter('write', loadAi);

/** Save the settings; `apiKey` null keeps the stored key, '' deletes it, anything else replaces it. */
export async function saveAi(
  settings: { enabled: boolean; baseUrl: string; model: string },
  apiKey: string | null,
): Promise<boolean> {
  const s = await attempt(() => api.saveAiSettings(settings, apiKey));
  if (!s) return false;
  ai.value = s;
  showToast(t('aiSaved'));
  return true;
}

/** The paragraph the AI will work on (null = every paragraph of the post). */
export function aiTarget(): number | null {
  const i = focusedBlock.value;
  const b = i === null ? undefined : post.value?.blocks[i];
  return b && b.kind === 'paragraph' ? i : null;
}

export async function aiRewriteNow(style: AiStyle) {
  if (aiRunning.value || coachBusy.value) return;
  await flushPost();
  const before = post.value;
  if (!before) return;
  const blockIndex = aiTarget();
  clearError();
  aiRunning.value = style;
  aiCancelling.value = false;
  coachBusy.value = 'ai';
  try {
    const res = await api.aiRewrite(before.id, style, blockIndex);
    if (post.value?.id === res.id) {
      acceptPost({ ...res, video: post.value.video });
      exportResult.value = null;
      showToast(t('aiDone'), () => {
        void restorePost(before);
      });
    }
  } catch (e) {
    const err = api.toAppError(e);
    if (err.code === 'cancelled') showToast(t('aiCancelled'));
    else showError(err); // the draft was left as it was
  } finally {
    aiRunning.value = null;
    aiCancelling.value = false;
    coachBusy.value = null;
  }
  await refreshCoach();
}

export async function aiCancelNow() {
  if (!aiRunning.value) return;
  aiCancelling.value = true;
  await attempt(api.cancelAi);
}
