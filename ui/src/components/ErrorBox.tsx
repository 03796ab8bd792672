// A calm message box for any failed command, in the current language (the backend sends both). Never a stack
// trace; the owner can close it and carry on. A leak-guard refusal also offers the way to the safety check.
import { errorText, t } from '../i18n';
import { clearError, error, GUARD_REFUSALS, goTo, step } from '../state';

export function ErrorBox() {
  const e = error.value;
  if (!e) return null;
  return (
    <div class="error-box" role="alert" data-testid="error" data-code={e.code}>
      <span class="error-icon" aria-hidden="true">
        !
      </span>
      <div class="error-text">
        <strong>{t('errorTitle')}</strong>
        <p>{errorText(e)}</p>
      </div>
      {GUARD_REFUSALS.includes(e.code) && step.value !== 'safety' && (
        <button
          type="button"
          class="btn btn-secondary"
          data-testid="error-go-safety"
          onClick={() => {
            clearError();
            void goTo('safety');
          }}
        >
          {t('goSafety')}
        </button>
      )}
      <button type="button" class="btn btn-secondary" onClick={clearError}>
        {t('close')}
      </button>
    </div>
  );
}
