// The bottom bar: "back" on the left, the one primary action on the right ("next", or "export" on the last
// step), always in the same place; between them the undo toast, so it never covers the work.
import { t } from '../i18n';
import {
  back,
  busy,
  changeExportDir,
  exportNow,
  flagsConfirmed,
  info,
  next,
  post,
  ready,
  STEP_LABEL,
  STEPS,
  sendingReview,
  sendToMentor,
  step,
  stepIndex,
  stoppedHere,
} from '../state';
import { Toast } from './Toast';

export function Footer() {
  const i = stepIndex.value;
  const last = step.value === 'preview';
  const nextStep = STEPS[i + 1];
  return (
    <footer class="footer">
      <div class="footer-left">
        {i > 0 && (
          <button type="button" class="btn btn-secondary btn-back" data-testid="back" onClick={() => void back()}>
            <span aria-hidden="true">← </span>
            {t('back')}
          </button>
        )}
      </div>
      <Toast />
      {last ? (
        <div class="footer-right">
          <div class="export-dir">
            <span class="export-dir-label">{t('exportDir')}</span>
            <span class="export-dir-path" data-testid="export-dir">
              {info.value?.exportDir ?? t('exportDirUnset')}
            </span>
            <button type="button" class="link" data-testid="choose-export-dir" onClick={() => void changeExportDir()}>
              {t('changeDir')}
            </button>
          </div>
          <button
            type="button"
            class="btn btn-secondary btn-big btn-mentor"
            data-testid="send-review"
            disabled={!post.value || busy.value !== null || sendingReview.value || !flagsConfirmed.value}
            title={flagsConfirmed.value ? undefined : t('exportNeedsConfirm')}
            aria-busy={sendingReview.value}
            onClick={() => void sendToMentor()}
          >
            {sendingReview.value ? t('sendingReview') : t('sendReview')}
          </button>
          <button
            type="button"
            class="btn btn-primary btn-big"
            data-testid="export"
            disabled={!post.value || busy.value !== null || !flagsConfirmed.value}
            title={flagsConfirmed.value ? undefined : t('exportNeedsConfirm')}
            aria-busy={busy.value === 'export'}
            onClick={() => void exportNow()}
          >
            {busy.value === 'export' ? t('exporting') : t('export')}
          </button>
        </div>
      ) : (
        <div class="footer-right">
          <button
            type="button"
            class="btn btn-primary btn-big"
            data-testid="next"
            disabled={!ready.value || busy.value !== null || stoppedHere.value}
            aria-busy={busy.value === 'draft'}
            onClick={() => void next()}
          >
            <span class="btn-big-main">
              {busy.value === 'draft' ? t('making') : t('next')}
              <span aria-hidden="true"> →</span>
            </span>
            {stoppedHere.value ? (
              <span class="btn-big-sub">{t('stoppedHere')}</span>
            ) : (
              nextStep && busy.value !== 'draft' && <span class="btn-big-sub">{t(STEP_LABEL[nextStep])}</span>
            )}
          </button>
        </div>
      )}
    </footer>
  );
}
