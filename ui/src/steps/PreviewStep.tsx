// Step 5, 미리보기·내보내기: the editable title, the text scan's findings, the post as it will look on the
// platform (flagged words marked), and the export result. The export button itself is the footer's primary
// action; when the leak guard would refuse, a calm notice says so and leads to the safety check.
import { useEffect, useRef } from 'preact/hooks';
import { pick, t } from '../i18n';
import { editTitle, exportResult, flushPost, goTo, guard, post, regenerateDraft, busy } from '../state';
import { FindingsPanel } from '../components/FindingsPanel';
import { PostPreview } from '../components/PostPreview';

export function PreviewStep() {
  const p = post.value;
  const res = exportResult.value;
  const g = guard.value?.jobId === p?.jobId ? guard.value : null;
  const resultBox = useRef<HTMLDivElement>(null);
  // The export button is at the bottom: bring the result into view when it arrives.
  useEffect(() => { if (res) resultBox.current?.scrollIntoView({ block: 'start' }); }, [res]);
  if (!p) {
    return (
      <section class="step step-preview" aria-labelledby="step-title">
        <h1 id="step-title" tabIndex={-1}>{t('previewHeading')}</h1>
        <p class="lead">{t('noPost')}</p>
        <button type="button" class="btn btn-secondary" onClick={() => void goTo('platform')}>{t('goPlatform')}</button>
      </section>
    );
  }
  return (
    <section class="step step-preview" aria-labelledby="step-title">
      {res && (
        <div class="export-result" data-testid="export-result" role="status" ref={resultBox}>
          <strong class="export-result-title">✓ {t('exportDone')}</strong>
          <code class="export-folder" data-testid="export-folder">{res.folder}</code>
          <details class="export-files" open={res.files.length <= 8}>
            <summary>{t('exportFiles')} ({res.files.length})</summary>
            <ul>
              {res.files.map((f) => <li key={f}>{f}</li>)}
            </ul>
          </details>
        </div>
      )}
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>{t('previewHeading')}</h1>
        <button type="button" class="link" data-testid="regenerate" disabled={busy.value !== null} onClick={() => void regenerateDraft()}>
          {t('regenerate')}
        </button>
      </div>
      <label class="field field-wide">
        <span class="field-label">{t('postTitle')}</span>
        <input type="text" class="input-big" data-testid="post-title" value={p.title}
          onInput={(e) => editTitle(e.currentTarget.value)} onBlur={() => void flushPost()} />
      </label>
      {g && !g.canExport && (
        <div class="guard-notice" data-testid="guard-notice" data-policy={g.policy}>
          <p><strong>{t('guardBlocked')}</strong> {pick(g.reasonKo, g.reasonEn)}</p>
          <button type="button" class="btn btn-secondary" onClick={() => void goTo('safety')}>{t('goSafety')}</button>
        </div>
      )}
      <FindingsPanel />
      <p class="hint">{t('editHint')}</p>
      <PostPreview post={p} />
    </section>
  );
}
