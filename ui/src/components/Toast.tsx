// The short message after an action that can be undone ("사진을 뺐습니다 · 되돌리기") — undo instead of
// "are you sure?".
import { t } from '../i18n';
import { dismissToast, toast } from '../state';

export function Toast() {
  const x = toast.value;
  return (
    <div class="toast-slot" role="status" aria-live="polite">
      {x && (
        <div class="toast" data-testid="toast">
          <span>{x.text}</span>
          {x.undo && (
            <button type="button" class="btn btn-toast" data-testid={x.undoTestId ?? 'undo'} onClick={x.undo}>
              {t('undo')}
            </button>
          )}
          <button type="button" class="toast-close" aria-label={t('close')} onClick={dismissToast}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
