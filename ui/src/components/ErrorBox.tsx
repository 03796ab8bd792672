// A calm message box for any failed command, in the current language (the backend sends both). Never a stack
// trace; the owner can close it and carry on.
import { errorText, t } from '../i18n';
import { clearError, error } from '../state';

export function ErrorBox() {
  const e = error.value;
  if (!e) return null;
  return (
    <div class="error-box" role="alert" data-testid="error" data-code={e.code}>
      <span class="error-icon" aria-hidden="true">!</span>
      <div class="error-text">
        <strong>{t('errorTitle')}</strong>
        <p>{errorText(e)}</p>
      </div>
      <button type="button" class="btn btn-secondary" onClick={clearError}>{t('close')}</button>
    </div>
  );
}
