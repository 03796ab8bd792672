// "멘토 의견" in the preview: every note of the post's reviews — who, when, what it is about (제목 / N번째 부분 /
// 사진 N), the comment and a suggested rewrite as before → after — with 받아들이기 / 안 받기, and 되돌리기 once
// answered. Replies waiting in the club folder are offered here too, and "답장 열기" opens a reply file.
import type { NoteTarget, Post, ReviewNote } from '../backend';
import { t } from '../i18n';
import {
  answering,
  answerNote,
  openClubItem,
  openReviewFile,
  post,
  postNotes,
  sendingReview,
  sentBundle,
  waitingReplies,
} from '../state';

/** "제목", "사진 2" (photos counted in post order) or "3번째 부분". */
export function targetLabel(target: NoteTarget, kinds: string[]): string {
  if (target.kind === 'title') return t('noteTitle');
  const i = target.index;
  if (kinds[i] === 'photo') return t('notePhoto', { n: kinds.slice(0, i + 1).filter((k) => k === 'photo').length });
  return t('notePart', { n: i + 1 });
}

/** A date-time as the owner reads it: 2026-12-03 14:05. */
export function when(at: string | null): string {
  if (!at) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function Note({ note, p }: { note: ReviewNote; p: Post }) {
  const waiting = answering.value !== null;
  const answered = note.state === 'accepted' || note.state === 'declined';
  return (
    <li
      class={`rv-note rv-note-${note.state}`}
      data-testid="review-note"
      data-note-id={note.id}
      data-state={note.state}
      data-target={note.target.kind === 'title' ? 'title' : String(note.target.index)}
    >
      <div class="rv-note-head">
        <span class="rv-target" data-testid="note-target">
          {targetLabel(
            note.target,
            p.blocks.map((b) => b.kind),
          )}
        </span>
        <span class="rv-who" data-testid="note-author">
          {note.author}
        </span>
        <span class="rv-when">{when(note.createdAt)}</span>
        <span class="rv-state" data-testid="note-state">
          {note.state === 'accepted'
            ? t('noteAccepted')
            : note.state === 'declined'
              ? t('noteDeclined')
              : t('noteOpen')}
        </span>
      </div>
      {note.comment && (
        <p class="rv-comment" data-testid="note-comment">
          {note.comment}
        </p>
      )}
      {note.rewrite && (
        <div class="rv-rewrite">
          <div class="rv-before">
            <span class="rv-label">{t('noteBefore')}</span>
            <p data-testid="note-before">{note.rewrite.original}</p>
          </div>
          <span class="rv-arrow" aria-hidden="true">
            →
          </span>
          <div class="rv-after">
            <span class="rv-label">{t('noteAfter')}</span>
            <p data-testid="note-after">{note.rewrite.text}</p>
          </div>
        </div>
      )}
      <div class="rv-actions">
        {answered ? (
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="note-undo"
            disabled={waiting}
            onClick={() => void answerNote(note.id, 'undo')}
          >
            ↶ {t('noteUndo')}
          </button>
        ) : (
          <>
            <button
              type="button"
              class="btn btn-primary"
              data-testid="note-accept"
              disabled={waiting}
              onClick={() => void answerNote(note.id, 'accept')}
            >
              ✓ {t('noteAccept')}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              data-testid="note-decline"
              disabled={waiting}
              onClick={() => void answerNote(note.id, 'decline')}
            >
              {t('noteDecline')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

export function ReviewNotes() {
  const p = post.value;
  if (!p) return null;
  const notes = postNotes.value?.postId === p.id ? postNotes.value.reviews : [];
  const list = notes.flatMap((r) => r.notes.filter((n) => n.state !== 'draft'));
  const sent = sentBundle.value?.postId === p.id ? sentBundle.value : null;
  return (
    <section class="rv-panel" data-testid="review-notes" aria-labelledby="rv-notes-title">
      <div class="rv-panel-head">
        <h2 id="rv-notes-title">{t('notesTitle')}</h2>
        <button
          type="button"
          class="btn btn-secondary"
          data-testid="notes-open-reply"
          disabled={sendingReview.value}
          onClick={() => void openReviewFile()}
        >
          {t('notesOpenReply')}
        </button>
      </div>
      {sent && (
        <div class="rv-sent" data-testid="review-sent" role="status">
          <strong>✓ {t('reviewSentTitle')}</strong>
          <code class="export-folder" data-testid="review-sent-file">
            {sent.file}
          </code>
          <p class="hint">{t('reviewSentHelp')}</p>
        </div>
      )}
      {waitingReplies.value.length > 0 && (
        <ul class="rv-waiting">
          {waitingReplies.value.map((it) => (
            <li key={it.name} data-testid="notes-club-reply" data-name={it.name}>
              <span>
                {t('clubKindReply')}: <strong>{it.from}</strong> · {it.title}
              </span>
              <button
                type="button"
                class="btn btn-primary"
                data-testid="notes-club-open"
                onClick={() => void openClubItem(it)}
              >
                {t('clubOpen')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.length === 0 ? (
        <p class="hint" data-testid="notes-none">
          {t('notesNone')}
        </p>
      ) : (
        <>
          <p class="hint">{t('notesHelp')}</p>
          <ul class="rv-notes">
            {list.map((n) => (
              <Note key={n.id} note={n} p={p} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
