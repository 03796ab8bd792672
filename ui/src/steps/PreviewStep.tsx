// Step 5, 미리보기·내보내기: the editable title, the text scan's findings, the post as it will look on the platform
// (flagged words marked), and the export result (for Naver, the upload steps with the copy buttons). The export
// button itself is the footer's primary action; when the leak guard would refuse, a calm notice says so and leads
// to the safety check. A YouTube or Shorts post shows the video panel instead of the page, and the render's
// progress with a cancel.
import { useEffect, useRef } from 'preact/hooks';
import { FindingsPanel } from '../components/FindingsPanel';
import { NaverCopySteps } from '../components/NaverCopySteps';
import { PostPreview } from '../components/PostPreview';
import { ReviewNotes } from '../components/ReviewNotes';
import { VideoPanel } from '../components/VideoPanel';
import { pick, t } from '../i18n';
import {
  busy,
  cancelExportNow,
  cancelRequested,
  editTitle,
  exportCancelled,
  exportProgress,
  exportResult,
  flushPost,
  goTo,
  guard,
  isVideoPlatform,
  post,
  regenerateDraft,
} from '../state';

function leftText(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  const r = s % 60;
  return m > 0 ? `${m}:${String(r).padStart(2, '0')}` : t('secondsUnit', { s: r });
}

/** The render's progress while a video export runs: frames done / total, the time left, and a cancel. */
function ExportProgressBox() {
  const pr = exportProgress.value;
  const box = useRef<HTMLDivElement>(null);
  const running = busy.value === 'export' && !!pr;
  useEffect(() => {
    if (running) box.current?.scrollIntoView({ block: 'nearest' });
  }, [running]);
  if (!running || !pr) return null;
  const pct = pr.total > 0 ? Math.min(100, (pr.done / pr.total) * 100) : 0;
  return (
    <div class="export-progress" data-testid="export-progress" data-done={pr.done} data-total={pr.total} ref={box}>
      <strong class="export-progress-title">{t('exportProgressTitle')}</strong>
      <div
        class="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={pr.total || 1}
        aria-valuenow={pr.done}
        aria-label={t('exportProgressTitle')}
      >
        <span class="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <div class="export-progress-line">
        <span data-testid="export-frames">{t('exportFrames', { done: pr.done, total: pr.total || '…' })}</span>
        <span data-testid="export-eta">
          {pr.etaMs === null ? t('timeLeftUnknown') : t('timeLeft', { t: leftText(pr.etaMs) })}
        </span>
        <button
          type="button"
          class="btn btn-secondary"
          data-testid="export-cancel"
          disabled={cancelRequested.value}
          onClick={() => void cancelExportNow()}
        >
          {cancelRequested.value ? t('cancelling') : t('cancelExport')}
        </button>
      </div>
    </div>
  );
}

export function PreviewStep() {
  const p = post.value;
  const res = exportResult.value;
  const g = guard.value?.jobId === p?.jobId ? guard.value : null;
  const resultBox = useRef<HTMLDivElement>(null);
  // The export button is at the bottom: bring the result into view when it arrives.
  useEffect(() => {
    if (res) resultBox.current?.scrollIntoView({ block: 'start' });
  }, [res]);
  if (!p) {
    return (
      <section class="step step-preview" aria-labelledby="step-title">
        <h1 id="step-title" tabIndex={-1}>
          {t('previewHeading')}
        </h1>
        <p class="lead">{t('noPost')}</p>
        <button type="button" class="btn btn-secondary" onClick={() => void goTo('platform')}>
          {t('goPlatform')}
        </button>
      </section>
    );
  }
  return (
    <section class="step step-preview" aria-labelledby="step-title">
      <ExportProgressBox />
      {exportCancelled.value && !res && (
        <p class="export-cancelled" data-testid="export-cancelled" role="status">
          {t('exportCancelledMsg')}
        </p>
      )}
      {res && (
        <div class="export-result" data-testid="export-result" role="status" ref={resultBox}>
          <strong class="export-result-title">✓ {t('exportDone')}</strong>
          <code class="export-folder" data-testid="export-folder">
            {res.folder}
          </code>
          {res.logoLeftOff.length > 0 && (
            <p class="hint" data-testid="export-logo-left-off">
              {t('wmLeftOff')}: {res.logoLeftOff.map((n) => `${n}`).join(', ')}
            </p>
          )}
          <details class="export-files" open={res.files.length <= 8}>
            <summary>
              {t('exportFiles')} ({res.files.length})
            </summary>
            <ul>
              {res.files.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </details>
          {p.platform === 'naver' && <NaverCopySteps />}
        </div>
      )}
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {t('previewHeading')}
        </h1>
        <button
          type="button"
          class="link"
          data-testid="regenerate"
          disabled={busy.value !== null}
          onClick={() => void regenerateDraft()}
        >
          {t('regenerate')}
        </button>
      </div>
      <label class="field field-wide">
        <span class="field-label">{t('postTitle')}</span>
        <input
          type="text"
          class="input-big"
          data-testid="post-title"
          value={p.title}
          onInput={(e) => editTitle(e.currentTarget.value)}
          onBlur={() => void flushPost()}
        />
      </label>
      {g && !g.canExport && (
        <div class="guard-notice" data-testid="guard-notice" data-policy={g.policy}>
          <p>
            <strong>{t('guardBlocked')}</strong> {pick(g.reasonKo, g.reasonEn)}
          </p>
          <button type="button" class="btn btn-secondary" onClick={() => void goTo('safety')}>
            {t('goSafety')}
          </button>
        </div>
      )}
      <FindingsPanel />
      <ReviewNotes />
      {isVideoPlatform(p.platform) ? (
        <VideoPanel post={p} />
      ) : (
        <>
          <p class="hint">{t('editHint')}</p>
          <PostPreview post={p} />
        </>
      )}
    </section>
  );
}
