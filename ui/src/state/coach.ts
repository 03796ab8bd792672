// The coach beside the write step (design §6): the saved post is checked by the backend (coach_post), the score
// and the checks are shown failing first, and a one-click fix (apply_fix) changes the post and is offered for
// undo. The coach looks again after every save: edits are saved debounced (state/post.ts) and the coach follows
// about 600 ms after the last keystroke. A stale answer (the owner typed on, or another post) is dropped.
import { computed, effect, signal } from '@preact/signals';
import type { Coach, CoachCheck, Post } from '../backend';
import * as api from '../backend';
import { pick, t } from '../i18n';
import { attempt, dismissToast, onEnter, post, showToast, step } from './core';
import { acceptPost, exportResult, flushPost } from './post';

export const coach = signal<Coach | null>(null);
export const coachLoading = signal(false);
/** A fix or an AI rewrite is running: the editor and the fix buttons wait. */
export const coachBusy = signal<string | null>(null);
/** The block the owner last worked in (the AI acts on it when it is a paragraph; null = the whole post). */
export const focusedBlock = signal<number | null>(null);

/** The coach has looked at the post on screen (the rail ticks the write step). */
export const coachSeen = computed(() => !!coach.value && coach.value.postId === post.value?.id);

const ORDER: Record<string, number> = { fail: 0, warn: 1, pass: 2 };
/** Failing checks first, then advice, then what already passes; the backend's order within each. */
export const sortedChecks = computed<CoachCheck[]>(() => {
  const c = coach.value;
  if (!c) return [];
  return c.checks
    .map((ch, i) => ({ ch, i }))
    .sort((a, b) => (ORDER[a.ch.status] ?? 1) - (ORDER[b.ch.status] ?? 1) || a.i - b.i)
    .map((x) => x.ch);
});

export function resetCoach() {
  coach.value = null;
  focusedBlock.value = null;
  lastCoached = '';
}

const contentKey = (p: Post) => JSON.stringify([p.id, p.title, p.blocks, p.tags]);
let lastCoached = '';
let coachTimer: ReturnType<typeof setTimeout> | undefined;
let coachSeq = 0;

/** Save what is pending, then ask the coach about the saved post. */
export async function refreshCoach() {
  clearTimeout(coachTimer);
  await flushPost();
  const p = post.value;
  if (!p) {
    coach.value = null;
    return;
  }
  const key = contentKey(p);
  const seq = ++coachSeq;
  coachLoading.value = true;
  const res = await attempt(() => api.coachPost(p.id));
  if (seq !== coachSeq) return;
  coachLoading.value = false;
  if (!res || post.value?.id !== p.id) return;
  lastCoached = key;
  coach.value = res;
}

// Look again whenever the text on screen changes in the write step (debounced: the owner types slowly).
effect(() => {
  const p = post.value;
  if (step.value !== 'write' || !p) return;
  if (contentKey(p) === lastCoached) return;
  clearTimeout(coachTimer);
  coachTimer = setTimeout(() => {
    void refreshCoach();
  }, 600);
});

// Another post (a new job, another platform): what was focused there means nothing here.
let shownPostId: number | undefined;
effect(() => {
  const id = post.value?.id;
  if (id === shownPostId) return;
  shownPostId = id;
  focusedBlock.value = null;
});

onEnter('write', async () => {
  if (post.value && coach.value?.postId !== post.value.id) coach.value = null;
  await refreshCoach();
});

/** Put the post back as it was before an action (saved through save_post), then let the coach look again. */
export async function restorePost(before: Post) {
  dismissToast();
  await flushPost();
  const cur = post.value;
  if (!cur || cur.id !== before.id) return;
  const saved = await attempt(() =>
    api.savePost({ ...cur, title: before.title, blocks: before.blocks, tags: before.tags }),
  );
  if (!saved || post.value?.id !== saved.id) return;
  acceptPost({ ...saved, video: post.value.video });
  exportResult.value = null;
  await refreshCoach();
  showToast(t('undone'));
}

/** Run a one-click fix (`arg`: e.g. the keyword chosen), show the new post and offer to undo it. */
export async function applyCoachFix(fix: string, arg: string | null, toastText: string) {
  if (coachBusy.value) return;
  await flushPost();
  const before = post.value;
  if (!before) return;
  coachBusy.value = fix;
  const res = await attempt(() => api.applyFix(before.id, fix, arg));
  coachBusy.value = null;
  if (!res || post.value?.id !== res.id) return;
  acceptPost({ ...res, video: post.value.video });
  exportResult.value = null;
  await refreshCoach();
  showToast(toastText, () => {
    void restorePost(before);
  });
}

export const fixCheck = (c: CoachCheck) =>
  c.fix
    ? applyCoachFix(c.fix, null, t('fixApplied', { s: pick(c.fixLabelKo, c.fixLabelEn) || pick(c.titleKo, c.titleEn) }))
    : Promise.resolve();
export const useKeyword = (kw: string) => applyCoachFix('title_keyword', kw, t('keywordApplied', { s: kw }));
