// Step 3, 보안 점검 (the leak guard, design §5): what the customer's policy allows (and the approval form when it
// asks for one; a "never" customer stops the wizard here), each photo large with black boxes over what must
// not show, what the export strips from the photo file, the job's record, and the owner's own watch words.
// Everything the owner, the customer or the camera wrote is rendered as text.
import { useEffect, useState } from 'preact/hooks';
import type { Approval } from '../backend';
import { RedactEditor } from '../components/RedactEditor';
import { lang, pick, t } from '../i18n';
import {
  goTo,
  guard,
  guardHistory,
  job,
  loadMetadata,
  metadata,
  photos,
  recordApproval,
  saveWatchWords,
  selectedPhotoId,
  selectPhoto,
  switchJob,
  watchWords,
} from '../state';

const HOW: ('howPhone' | 'howText' | 'howEmail' | 'howSpoken')[] = ['howPhone', 'howText', 'howEmail', 'howSpoken'];

function fmtDate(iso: string, withTime = false) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(
    lang.value === 'ko' ? 'ko-KR' : 'en-GB',
    withTime
      ? { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { year: 'numeric', month: 'long', day: 'numeric' },
  );
}

function ApprovalView({ a }: { a: Approval }) {
  return (
    <dl class="approval" data-testid="approval">
      <div>
        <dt>{t('approvalWho')}</dt>
        <dd>
          {a.approvedBy} ({a.clientName})
        </dd>
      </div>
      {a.how && (
        <div>
          <dt>{t('approvalHowShort')}</dt>
          <dd>{a.how}</dd>
        </div>
      )}
      <div>
        <dt>{t('approvalWhen')}</dt>
        <dd>{fmtDate(a.approvedAt)}</dd>
      </div>
      {a.note && (
        <div>
          <dt>{t('approvalNote')}</dt>
          <dd>{a.note}</dd>
        </div>
      )}
    </dl>
  );
}

function ApprovalForm() {
  const [by, setBy] = useState('');
  const [how, setHow] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    if (!by.trim()) {
      setMissing(true);
      return;
    }
    setSaving(true);
    const ok = await recordApproval({ approvedBy: by, how, note, approvedAt: date || null });
    setSaving(false);
    if (ok) {
      setBy('');
      setHow('');
      setDate('');
      setNote('');
    }
  }
  return (
    <form class="approval-form" onSubmit={(e) => void submit(e)} aria-labelledby="approval-title">
      <h3 id="approval-title">{t('approvalTitle')}</h3>
      <label class="field">
        <span class="field-label">{t('approvalBy')}</span>
        <input
          type="text"
          data-testid="approval-by"
          value={by}
          placeholder={t('approvalByPh')}
          aria-invalid={missing && !by.trim()}
          onInput={(e) => {
            setBy(e.currentTarget.value);
            setMissing(false);
          }}
        />
        {missing && (
          <span class="field-error" role="alert">
            {t('approvalByMissing')}
          </span>
        )}
      </label>
      <div class="field">
        <label class="field-label" for="approval-how">
          {t('approvalHow')}
        </label>
        <div class="how-row">
          <div class="how-chips" role="group" aria-label={t('approvalHow')}>
            {HOW.map((k) => (
              <button key={k} type="button" class="chip" aria-pressed={how === t(k)} onClick={() => setHow(t(k))}>
                {t(k)}
              </button>
            ))}
          </div>
          <input
            id="approval-how"
            type="text"
            data-testid="approval-how"
            value={how}
            placeholder={t('approvalHowPh')}
            onInput={(e) => setHow(e.currentTarget.value)}
          />
        </div>
      </div>
      <label class="field">
        <span class="field-label">{t('approvalDate')}</span>
        <input
          type="date"
          class="input-date"
          data-testid="approval-date"
          value={date}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('approvalNote')}</span>
        <input
          type="text"
          data-testid="approval-note"
          value={note}
          placeholder={t('approvalNotePh')}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <div class="form-actions">
        <button type="submit" class="btn btn-accent-outline" data-testid="approval-save" disabled={saving}>
          {t('approvalSave')}
        </button>
      </div>
    </form>
  );
}

function GuardStatus() {
  const g = guard.value;
  if (!g) return <p class="loading">{t('loading')}</p>;
  const name = g.client?.name ?? '';
  // A post about a product draws on all the product's jobs: approvals are recorded in those jobs, not here.
  const productPost = job.value?.kind === 'product_post' || !!g.sourceJob;
  const source = g.sourceJob ?? null;
  const tone = g.policy === 'never' ? 'stop' : g.canExport ? 'ok' : 'warn';
  return (
    <section
      class={`guard-status is-${tone}`}
      data-testid="guard-status"
      data-policy={g.policy}
      data-can-export={String(g.canExport)}
      aria-live="polite"
    >
      <div class="guard-head">
        <span class="guard-icon" aria-hidden="true">
          {tone === 'ok' ? '✓' : '!'}
        </span>
        {g.policy === 'never' ? (
          <div>
            <p class="guard-big">{t('guardNever')}</p>
            <p>{t('guardNeverMore', { name })}</p>
          </div>
        ) : productPost ? (
          <p class="guard-main">{g.canExport ? t('guardProductOk') : pick(g.reasonKo, g.reasonEn)}</p>
        ) : g.ownerKind === null ? (
          <div>
            <p class="guard-main">{t('guardUnset')}</p>
            <p>{t('guardUnsetMore')}</p>
          </div>
        ) : g.ownerKind === 'own' ? (
          <p class="guard-main">{t('guardOwn')}</p>
        ) : g.policy === 'public' ? (
          <p class="guard-main">{t('guardPublic', { name })}</p>
        ) : (
          <p class="guard-main">{t(g.approval ? 'guardAskOk' : 'guardAskNeeds', { name })}</p>
        )}
      </div>
      {g.photoIssue && (
        // A photo of the post makes it stricter than the job's own rule: say which and why.
        <p
          class="guard-photo-issue"
          data-testid="guard-photo-issue"
          data-photo-id={g.photoIssue.photoId}
          data-code={g.photoIssue.code}
        >
          {pick(g.reasonKo, g.reasonEn)}
        </p>
      )}
      {productPost && (
        <div class="product-post-notice" data-testid="product-post-notice" data-source-job-id={source?.jobId ?? ''}>
          <p class="guard-main">{t('productPostNotice')}</p>
          {source && (
            <button
              type="button"
              class="btn btn-secondary"
              data-testid="product-go-source"
              onClick={() => void switchJob(source.jobId).then(() => goTo('safety'))}
            >
              {t('productGoSource', { title: source.title.trim() || t('untitled') })}
            </button>
          )}
        </div>
      )}
      {g.ownerKind === null && !productPost && (
        <button type="button" class="btn btn-secondary" data-testid="guard-go-job" onClick={() => void goTo('job')}>
          {t('goJob')}
        </button>
      )}
      {g.policy === 'ask' &&
        g.client &&
        !productPost &&
        (g.approval ? (
          <>
            <h3 class="approval-title">{t('approvalRecorded')}</h3>
            <ApprovalView a={g.approval} />
          </>
        ) : (
          <ApprovalForm />
        ))}
    </section>
  );
}

function MetaList({ photoId }: { photoId: number }) {
  const items = metadata.value[photoId];
  return (
    <section class="meta" aria-labelledby="meta-title">
      <h2 id="meta-title">{t('metaTitle')}</h2>
      <p class="hint">{t('metaHelp')}</p>
      {!items ? (
        <p>{t('loading')}</p>
      ) : items.length === 0 ? (
        <p class="meta-empty" data-testid="meta-empty">
          ✓ {t('metaEmpty')}
        </p>
      ) : (
        <ul class="meta-list">
          {items.map((m, i) => (
            <li key={i} class="meta-item" data-testid="meta-item" data-kind={m.kind}>
              <span class="meta-label">{pick(m.labelKo, m.labelEn)}</span>
              <span class="meta-value">{m.value}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Photos() {
  const list = photos.value;
  const selId = list.some((p) => p.id === selectedPhotoId.value) ? selectedPhotoId.value : (list[0]?.id ?? null);
  useEffect(() => {
    if (selId !== null) void loadMetadata(selId);
  }, [selId]);
  if (list.length === 0) return <p class="empty">{t('redactNoPhotos')}</p>;
  const index = list.findIndex((p) => p.id === selId);
  const photo = list[index];
  return (
    <>
      <ol class="safety-strip">
        {list.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              class={`safety-photo${p.id === selId ? ' is-selected' : ''}`}
              data-testid="safety-photo"
              data-photo-id={p.id}
              aria-pressed={p.id === selId}
              aria-label={`${t('photoN', { n: i + 1 })}: ${p.originalName}`}
              onClick={() => selectPhoto(p.id)}
            >
              <img src={p.thumbUrl} alt="" draggable={false} />
              <span class="strip-num" aria-hidden="true">
                {i + 1}
              </span>
              {p.redactions.length > 0 && (
                <span class="strip-boxes" aria-hidden="true">
                  ■ {p.redactions.length}
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
      {photo && (
        <div class="safety-work">
          <div class="safety-photo-name">{photo.originalName}</div>
          <RedactEditor photo={photo} index={index} />
          <MetaList photoId={photo.id} />
        </div>
      )}
    </>
  );
}

function History() {
  const list = guardHistory.value;
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('historyTitle')}</h2>
      {list.length === 0 ? (
        <p class="empty">{t('historyEmpty')}</p>
      ) : (
        <ol class="history-list">
          {list.map((h, i) => (
            <li
              key={`${h.at}-${i}`}
              class={`history-entry is-${h.kind}`}
              data-testid="history-entry"
              data-kind={h.kind}
            >
              <time dateTime={h.at}>{fmtDate(h.at, true)}</time>
              <span>{pick(h.textKo, h.textEn)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function WatchWords() {
  const words = watchWords.value;
  const [text, setText] = useState<string | null>(null); // null = not edited: show the saved list
  const shown = text ?? (words ?? []).join('\n');
  return (
    <details class="watch" open>
      <summary>
        <h2>{t('watchTitle')}</h2>
        {words && words.length > 0 && <span class="badge">{words.length}</span>}
      </summary>
      <p class="hint">{t('watchHelp')}</p>
      <textarea
        data-testid="watch-words"
        rows={5}
        value={shown}
        aria-label={t('watchTitle')}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="form-actions">
        <button
          type="button"
          class="btn btn-secondary"
          data-testid="watch-words-save"
          onClick={() =>
            void saveWatchWords(shown).then((ok) => {
              if (ok) setText(null);
            })
          }
        >
          {t('watchSave')}
        </button>
      </div>
    </details>
  );
}

export function SafetyStep() {
  const g = guard.value;
  const never = g?.policy === 'never';
  return (
    <section class="step step-safety" aria-labelledby="step-title">
      <h1 id="step-title" tabIndex={-1}>
        {t('safetyTitle')}
      </h1>
      {!never && <p class="lead">{t('safetyHelp')}</p>}
      <GuardStatus />
      {!never && (
        <section class="redact-section" aria-labelledby="redact-title">
          <h2 id="redact-title">{t('redactTitle')}</h2>
          <p class="hint">{t('redactHelp')}</p>
          <Photos />
        </section>
      )}
      <History />
      {!never && <WatchWords />}
    </section>
  );
}
