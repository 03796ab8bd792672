// 검토 (the mentor's screen): the files waiting in the club folder, the bundles already opened, "검토 파일 열기";
// one bundle shows the post as it will look (title, headings, paragraphs, photos with captions, lists, tables,
// tags, the coach's score and checks), with "의견 쓰기" beside the title and every block: a comment and, for text,
// a suggested rewrite prefilled with the text as it is. Draft notes sit beside their block (edit, delete) until
// "답장 보내기" writes them into one reply file. Needs no shop profile (the first run's mentor button opens it).
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { BundleBlock, BundleView, ClubItem, NoteTarget, ReviewNote } from '../backend';
import { targetLabel, when } from '../components/ReviewNotes';
import { pick, t } from '../i18n';
import {
  bundle,
  closeBundle,
  deleteNote,
  enterReview,
  goScreen,
  inbox,
  mentorMode,
  openClubItem,
  openReceived,
  openReviewFile,
  packOpened,
  received,
  replying,
  replySent,
  reviewer,
  saveNote,
  sendReply,
} from '../state';

const sameTarget = (a: NoteTarget, b: NoteTarget) =>
  a.kind === b.kind && (a.kind === 'title' || (b.kind === 'block' && a.index === b.index));

/** The text a suggestion rewrites (null: a table, comment only). */
function textOf(b: BundleBlock): string | null {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.text;
    case 'photo':
      return b.caption;
    case 'list':
      return b.items.join('\n');
    default:
      return null;
  }
}

function NoteForm({
  target,
  text,
  note,
  onDone,
}: {
  target: NoteTarget;
  text: string | null;
  note: ReviewNote | null;
  onDone: () => void;
}) {
  const comment = useSignal(note?.comment ?? '');
  const suggestion = useSignal(note?.rewrite?.text ?? text ?? '');
  const saving = useSignal(false);
  const save = async (e: Event) => {
    e.preventDefault();
    if (saving.value) return;
    saving.value = true;
    const s = suggestion.value;
    const ok = await saveNote(note?.id ?? null, {
      target,
      comment: comment.value,
      suggestion: text === null || s.trim() === (text ?? '').trim() ? null : s,
    });
    saving.value = false;
    if (ok) onDone();
  };
  return (
    <form class="rv-form" data-testid="note-form" onSubmit={save}>
      <label class="field">
        <span class="field-label">{t('noteComment')}</span>
        <textarea
          data-testid="note-comment-input"
          rows={3}
          value={comment.value}
          onInput={(e) => {
            comment.value = e.currentTarget.value;
          }}
        />
      </label>
      {text !== null && (
        <label class="field">
          <span class="field-label">{t('noteSuggest')}</span>
          <span class="hint">{t('noteSuggestHint')}</span>
          <textarea
            data-testid="note-suggest-input"
            rows={Math.min(8, Math.max(2, Math.ceil(suggestion.value.length / 40)))}
            value={suggestion.value}
            onInput={(e) => {
              suggestion.value = e.currentTarget.value;
            }}
          />
        </label>
      )}
      <div class="rv-form-actions">
        <button type="button" class="btn btn-secondary" data-testid="note-cancel" onClick={onDone}>
          {t('noteCancel')}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="note-save" disabled={saving.value}>
          {t('noteSave')}
        </button>
      </div>
    </form>
  );
}

/** The notes beside one part of the post, and its "의견 쓰기". */
function NoteSide({ v, target, text }: { v: BundleView; target: NoteTarget; text: string | null }) {
  const editing = useSignal<number | 'new' | null>(null);
  const notes = v.review.notes.filter((n) => sameTarget(n.target, target));
  const label = targetLabel(
    target,
    v.post.blocks.map((b) => b.kind),
  );
  const testTarget = target.kind === 'title' ? 'title' : String(target.index);
  return (
    <aside class="rv-side" data-testid="note-side" data-target={testTarget} aria-label={label}>
      {notes.map((n) =>
        editing.value === n.id ? (
          <NoteForm key={n.id} target={target} text={text} note={n} onDone={() => (editing.value = null)} />
        ) : (
          <div key={n.id} class="rv-draft" data-testid="note-draft" data-note-id={n.id} data-state={n.state}>
            {n.comment && <p class="rv-comment">{n.comment}</p>}
            {n.rewrite && (
              <p class="rv-draft-rewrite">
                <span class="rv-label">{t('noteAfter')}</span> {n.rewrite.text}
              </p>
            )}
            {n.state === 'draft' && (
              <div class="rv-draft-actions">
                <span class="rv-draft-state">{t('noteDraft')}</span>
                <button
                  type="button"
                  class="btn btn-small"
                  data-testid="note-edit"
                  onClick={() => (editing.value = n.id)}
                >
                  {t('noteEdit')}
                </button>
                <button
                  type="button"
                  class="btn btn-small"
                  data-testid="note-delete"
                  onClick={() => void deleteNote(n.id)}
                >
                  {t('noteDelete')}
                </button>
              </div>
            )}
          </div>
        ),
      )}
      {editing.value === 'new' ? (
        <NoteForm target={target} text={text} note={null} onDone={() => (editing.value = null)} />
      ) : (
        <button
          type="button"
          class="btn btn-secondary rv-write"
          data-testid="note-write"
          onClick={() => (editing.value = 'new')}
        >
          ✎ {t('noteWrite')}
          <span class="sr-only"> ({label})</span>
        </button>
      )}
    </aside>
  );
}

function BlockView({ v, b, index }: { v: BundleView; b: BundleBlock; index: number }) {
  switch (b.kind) {
    case 'heading':
      return <h2 class="post-heading">{b.text}</h2>;
    case 'paragraph':
      return <p class="post-para">{b.text}</p>;
    case 'list':
      return (
        <ul class="post-list">
          {b.items.map((it, i) => (
            <li key={i}>{it}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table class="post-table">
          <tbody>
            {b.rows.map(([k, val], r) => (
              <tr key={r}>
                <th scope="row">{k}</th>
                <td>{val}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'photo': {
      const src = v.photos[b.photo - 1];
      return (
        <figure class="post-photo" data-testid="bundle-photo" data-index={index}>
          {src ? (
            <img src={src} alt={b.caption || t('notePhoto', { n: b.photo })} />
          ) : (
            <div class="post-photo-missing">{t('missingPhoto')}</div>
          )}
          {b.caption && <figcaption>{b.caption}</figcaption>}
        </figure>
      );
    }
    default:
      return null;
  }
}

function BundleReview({ v }: { v: BundleView }) {
  const drafts = v.review.notes.filter((n) => n.state === 'draft').length;
  const sent = replySent.value;
  const c = v.coach;
  return (
    <div class="rv-bundle" data-testid="bundle" data-review-id={v.review.id}>
      <div class="step-head">
        <button type="button" class="btn btn-secondary" data-testid="review-back" onClick={closeBundle}>
          <span aria-hidden="true">← </span>
          {t('reviewBack')}
        </button>
        <h1 id="step-title" tabIndex={-1}>
          {t('reviewOf', { shop: v.shop })}
        </h1>
        <span class="hint">{t('reviewSentAt', { when: when(v.createdAt) })}</span>
      </div>
      <details class="rv-coach sc-card" data-testid="bundle-coach" data-score={c.score}>
        <summary>
          <strong>{t('reviewScore', { score: c.score, passed: c.passed, total: c.total })}</strong> ·{' '}
          {t('reviewChecks')}
        </summary>
        <ul class="rv-checks">
          {c.checks.map((ch) => (
            <li key={ch.id} data-testid="bundle-check" data-status={ch.status} class={`rv-check rv-check-${ch.status}`}>
              <span aria-hidden="true">{ch.status === 'pass' ? '✓' : ch.status === 'warn' ? '!' : '✗'}</span>{' '}
              <strong>{pick(ch.titleKo, ch.titleEn)}</strong> — {pick(ch.whyKo, ch.whyEn)}
            </li>
          ))}
        </ul>
      </details>
      <p class="hint">{t('reviewHowTo')}</p>
      <div class="rv-doc preview-frame" data-testid="bundle-post" data-platform={v.post.platform}>
        <div class="rv-row">
          <div class="post-page rv-cell">
            <h1 class="post-title" data-testid="bundle-title">
              {v.post.title}
            </h1>
          </div>
          <NoteSide v={v} target={{ kind: 'title' }} text={v.post.title} />
        </div>
        {v.post.blocks.map((b, i) => (
          <div class="rv-row" key={i} data-testid="bundle-block" data-index={i} data-kind={b.kind}>
            <div class="post-page rv-cell">
              <BlockView v={v} b={b} index={i} />
            </div>
            <NoteSide v={v} target={{ kind: 'block', index: i }} text={textOf(b)} />
          </div>
        ))}
        {v.post.tags.length > 0 && (
          <div class="rv-row">
            <div class="post-page rv-cell">
              <ul class="post-tags">
                {v.post.tags.map((tag) => (
                  <li key={tag} class="tag" data-testid="bundle-tag">
                    #{tag.replace(/^#/, '')}
                  </li>
                ))}
              </ul>
            </div>
            <div class="rv-side" />
          </div>
        )}
      </div>
      <form
        class="rv-reply sc-card"
        data-testid="reply-form"
        onSubmit={(e) => {
          e.preventDefault();
          void sendReply();
        }}
      >
        <label class="field">
          <span class="field-label">{t('replyName')}</span>
          <input
            type="text"
            class="input-big"
            data-testid="reviewer-name"
            value={reviewer.value}
            onInput={(e) => {
              reviewer.value = e.currentTarget.value;
            }}
          />
        </label>
        {!(sent && drafts === 0) && (
          <p class="hint" data-testid="reply-count" data-count={drafts}>
            {drafts > 0 ? t('replyCount', { n: drafts }) : t('replyNone')}
          </p>
        )}
        <button
          type="submit"
          class="btn btn-primary btn-big"
          data-testid="reply-send"
          disabled={replying.value || drafts === 0}
          aria-busy={replying.value}
        >
          {replying.value ? t('replySending') : t('replySend')}
        </button>
        {sent && (
          <div class="rv-sent" data-testid="reply-sent" role="status">
            <strong>✓ {t('replySent', { n: sent.notes })}</strong>
            <code class="export-folder" data-testid="reply-file">
              {sent.file}
            </code>
          </div>
        )}
      </form>
    </div>
  );
}

const KIND: Record<ClubItem['kind'], 'clubKindBundle' | 'clubKindReply' | 'clubKindPack'> = {
  bundle: 'clubKindBundle',
  reply: 'clubKindReply',
  pack: 'clubKindPack',
};

export function ReviewScreen() {
  useEffect(() => {
    void enterReview();
  }, []);
  const v = bundle.value;
  if (v) {
    return (
      <section class="step screen screen-review" aria-labelledby="step-title">
        <BundleReview v={v} />
      </section>
    );
  }
  return (
    <section class="step screen screen-review" aria-labelledby="step-title" data-testid="review-screen">
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {t('reviewTitle')}
        </h1>
      </div>
      <p class="lead">{t('reviewLead')}</p>
      <div class="sc-chips">
        <button
          type="button"
          class="btn btn-primary btn-big"
          data-testid="review-open-file"
          onClick={() => void openReviewFile()}
        >
          {t('reviewOpenFile')}
        </button>
      </div>
      {packOpened.value && (
        <p class="rv-pack" role="status" data-testid="review-pack">
          {t('reviewPack', { path: packOpened.value })}
          {!mentorMode.value && (
            <>
              {' '}
              <button type="button" class="link" onClick={() => void goScreen('settings')}>
                {t('navSettings')}
              </button>
            </>
          )}
        </p>
      )}
      <section class="sc-card settings-section" aria-labelledby="rv-inbox">
        <h2 id="rv-inbox">{t('reviewInbox')}</h2>
        {inbox.value.length === 0 ? (
          <p class="hint" data-testid="club-inbox-empty">
            {t('reviewInboxNone')}
          </p>
        ) : (
          <ul class="rv-list" data-testid="club-inbox">
            {inbox.value.map((it) => (
              <li key={it.name} class="rv-item" data-testid="club-item" data-kind={it.kind} data-name={it.name}>
                <span class={`rv-kind rv-kind-${it.kind}`}>{t(KIND[it.kind])}</span>
                <span class="rv-item-main">
                  <strong>{it.title || it.name}</strong>
                  <span class="hint">
                    {it.from} · {when(it.createdAt)}
                  </span>
                  {it.kind === 'pack' && <span class="hint">{t('clubPackNote')}</span>}
                </span>
                {it.kind !== 'pack' && (
                  <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="club-open"
                    onClick={() => void openClubItem(it)}
                  >
                    {t('clubOpen')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="sc-card settings-section" aria-labelledby="rv-received">
        <h2 id="rv-received">{t('reviewReceived')}</h2>
        {received.value.length === 0 ? (
          <p class="hint">{t('reviewReceivedNone')}</p>
        ) : (
          <ul class="rv-list">
            {received.value.map((r) => (
              <li key={r.id} class="rv-item" data-testid="received-item" data-review-id={r.id}>
                <span class="rv-item-main">
                  <strong>{r.title}</strong>
                  <span class="hint">
                    {r.shopName} ·{' '}
                    {r.repliedAt
                      ? t('reviewReplied', { when: when(r.repliedAt) })
                      : t('reviewNotReplied', { n: r.notes.length })}
                  </span>
                </span>
                <button
                  type="button"
                  class="btn btn-secondary"
                  data-testid="received-open"
                  onClick={() => void openReceived(r.id)}
                >
                  {t('clubOpen')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
