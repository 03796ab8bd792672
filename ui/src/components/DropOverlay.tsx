// The highlight shown while files from the file manager are dragged over the window (Tauri tells us; the
// page itself never sees these drags).
import { t } from '../i18n';
import { dropActive } from '../state';

export function DropOverlay() {
  if (!dropActive.value) return null;
  return (
    <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div class="drop-overlay-box">
        <span class="drop-overlay-icon">↓</span>
        <strong>{t('dropHere')}</strong>
        <span>{t('dropHint')}</span>
      </div>
    </div>
  );
}
