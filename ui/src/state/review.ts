// A mentor's review and the club folder (issue 15), the window's side. The owner: "멘토에게 보내기" from the
// preview (the same leak guard and confirmed flagged words as the export; a refusal is shown like an export's),
// the post's notes with accept / decline / undo (the post is reloaded from Rust after each answer: the title or
// a block changed there). The mentor: the review screen (the club inbox, the bundles opened, one bundle with its
// draft notes and "답장 보내기"). A mentor needs no shop profile: `mentorMode` shows the review screen in place of
// the first run until they go back to it.
import { batch, signal } from '@preact/signals';
import type { BundleView, ClubItem, NoteAnswer, NoteInput, Opened, Review, SentBundle, WrittenReply } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, busy, error, goTo, job, onEnter, post, showToast } from './core';
import { GUARD_REFUSALS } from './export';
import { loadGuard } from './guard';
import { acceptPost, exportResult, flushPost } from './post';
import { flaggedTerms, flagsConfirmed, scanNow } from './scan';
import { goScreen } from './screens';
import { switchJob } from './session';

/** The code of the error on screen (read after a failed call). */
const errorCode = (): string | undefined => error.value?.code;

// ---- the owner: send, the post's notes ----
export const sendingReview = signal(false);
/** The bundle just written (its file shown in the preview), for the post it was made of. */
export const sentBundle = signal<(SentBundle & { postId: number }) | null>(null);
/** The reviews of the post on screen (sent bundles with the mentor's notes). */
export const postNotes = signal<{ postId: number; reviews: Review[] } | null>(null);
/** The note an answer is running for (its buttons wait). */
export const answering = signal<number | null>(null);

/** "멘토에게 보내기": save, scan, then send with the flagged words the owner confirmed (as the export does). */
export async function sendToMentor() {
  const p = post.value;
  if (!p || busy.value || sendingReview.value) return;
  await flushPost();
  await scanNow();
  if (!flagsConfirmed.value) return;
  sendingReview.value = true;
  error.value = null;
  const res = await attempt(() => api.sendForReview(p.id, flaggedTerms.value));
  sendingReview.value = false;
  if (!res) {
    const code = errorCode();
    if (code === 'cancelled') error.value = null; // the folder dialog was closed: nothing happened
    if (code === 'flagged_text') await scanNow();
    if (code && GUARD_REFUSALS.includes(code)) await loadGuard();
    return;
  }
  sentBundle.value = { ...res, postId: p.id };
  void loadPostNotes(p.id);
}

export async function loadPostNotes(postId: number) {
  const reviews = await attempt(() => api.postReviews(postId));
  if (reviews && post.value?.id === postId) postNotes.value = { postId, reviews };
}

/** Reads the post again from Rust (an accepted rewrite or its undo changed it there). */
async function reloadPost(postId: number) {
  const jobId = job.value?.id;
  if (jobId === undefined) return;
  const s = await attempt(() => api.openJob(jobId));
  if (s?.post && s.post.id === postId && post.value?.id === postId) {
    batch(() => {
      acceptPost(s.post);
      exportResult.value = null;
    });
    void scanNow();
  }
}

/** Accepts, declines or undoes one note; the post on screen follows what Rust made of it. */
export async function answerNote(noteId: number, answer: NoteAnswer) {
  const p = post.value;
  if (!p || answering.value !== null) return;
  await flushPost(); // the answer compares with the saved text
  answering.value = noteId;
  const review = await attempt(() => api.answerReviewNote(noteId, answer));
  if (review) {
    const cur = postNotes.value;
    if (cur && cur.postId === p.id)
      postNotes.value = { postId: p.id, reviews: cur.reviews.map((r) => (r.id === review.id ? review : r)) };
    const note = review.notes.find((n) => n.id === noteId);
    if (note?.rewrite) await reloadPost(p.id);
    if (answer === 'accept' && note?.rewrite) showToast(t('noteAcceptedToast'));
    if (answer === 'undo') showToast(t('noteUndoneToast'));
  }
  answering.value = null;
}

// ---- opening a review file (either side) ----
/** A pack was opened: where it is (packs are opened in 설정). */
export const packOpened = signal<string | null>(null);

/** Opens what pick_review_file / take_club_file answered: a bundle on the review screen, a reply at its post's
 * notes, a pack with a word about 설정. */
async function show(o: Opened | null | undefined) {
  if (!o) return;
  packOpened.value = null;
  if (o.kind === 'bundle') {
    batch(() => {
      bundle.value = o.view;
      replySent.value = null;
    });
    if (!mentorMode.value) await goScreen('review');
    void loadReviewLists();
    return;
  }
  if (o.kind === 'pack') {
    packOpened.value = o.path;
    return;
  }
  void loadReviewLists();
  void loadWaitingReplies();
  await openReplyPost(o.review);
}

/** A reply: the wizard opens its post at the preview, where the notes are. */
async function openReplyPost(review: Review) {
  const postId = review.postId;
  const hist = postId === null ? undefined : await attempt(api.postHistory);
  const item = hist?.find((h) => h.postId === postId);
  if (!item || postId === null) {
    showToast(t('reviewReplyNoPost'));
    return;
  }
  if (mentorMode.value) mentorMode.value = false;
  if (job.value?.id !== item.jobId || post.value?.id !== postId) await switchJob(item.jobId);
  await goScreen('wizard');
  await goTo('preview');
  await loadPostNotes(postId);
  showToast(t('reviewReplyOpened'));
}

export async function openReviewFile() {
  await show(await attempt(api.pickReviewFile));
}
export async function openClubItem(item: ClubItem) {
  await show(await attempt(() => api.takeClubFile(item.name)));
}

// ---- the mentor ----
/** The review screen in place of the first run (a mentor's PC has no shop profile). */
export const mentorMode = signal(false);
export const inbox = signal<ClubItem[]>([]);
export const received = signal<Review[]>([]);
export const bundle = signal<BundleView | null>(null);
export const reviewer = signal('');
export const replySent = signal<WrittenReply | null>(null);
export const replying = signal(false);

export async function loadReviewLists() {
  const [i, r] = await Promise.all([attempt(api.clubInbox), attempt(api.receivedReviews)]);
  batch(() => {
    if (i) inbox.value = i;
    if (r) received.value = r;
  });
}

export async function enterReview() {
  packOpened.value = null;
  await loadReviewLists();
  if (!reviewer.value) {
    const name = await attempt(api.reviewerName);
    if (name) reviewer.value = name;
  }
}

export async function openReceived(reviewId: number) {
  const v = await attempt(() => api.reviewBundle(reviewId));
  if (v)
    batch(() => {
      bundle.value = v;
      replySent.value = null;
    });
}
export function closeBundle() {
  bundle.value = null;
  replySent.value = null;
  void loadReviewLists();
}

/** Saves a note (new when `noteId` is null); true when saved. */
export async function saveNote(noteId: number | null, note: NoteInput): Promise<boolean> {
  const b = bundle.value;
  if (!b) return false;
  const v = await attempt(() =>
    noteId === null ? api.addReviewNote(b.review.id, note) : api.updateReviewNote(noteId, note),
  );
  if (!v) return false;
  bundle.value = v;
  return true;
}
export async function deleteNote(noteId: number) {
  const v = await attempt(() => api.deleteReviewNote(noteId));
  if (v) bundle.value = v;
}

export async function sendReply() {
  const b = bundle.value;
  if (!b || replying.value) return;
  replying.value = true;
  error.value = null;
  const res = await attempt(() => api.sendReviewReply(b.review.id, reviewer.value.trim()));
  replying.value = false;
  if (!res) {
    if (errorCode() === 'cancelled') error.value = null;
    return;
  }
  replySent.value = res;
  const v = await attempt(() => api.reviewBundle(b.review.id));
  if (v) bundle.value = v;
}

/** "멘토이신가요?" on the first run: the review screen, no profile asked. */
export function startMentor() {
  mentorMode.value = true;
  void enterReview();
}
export function leaveMentor() {
  batch(() => {
    mentorMode.value = false;
    bundle.value = null;
    replySent.value = null;
    packOpened.value = null;
    error.value = null;
  });
}

/** Replies waiting in the club folder for this library (the preview's notes panel offers to open them). */
export const waitingReplies = signal<ClubItem[]>([]);
async function loadWaitingReplies() {
  const i = await attempt(api.clubInbox);
  if (i) {
    inbox.value = i;
    waitingReplies.value = i.filter((x) => x.kind === 'reply');
  }
}
// Arriving at the preview: the post's notes and the replies waiting in the club folder.
onEnter('preview', () => {
  const p = post.value;
  if (p) void loadPostNotes(p.id);
  void loadWaitingReplies();
});
