// A photo's role as chips (소재, 가공 중, 완성, 측정, 장비), pressed again to take it off: the same control in the
// photo step and beside each photo of the write step, so the next draft writes the step that fits the photo.

import type { Photo, PhotoRole } from '../backend';
import { roleKeys, roleText, t } from '../i18n';
import { setRole } from '../state';

const ROLES = Object.keys(roleKeys) as PhotoRole[];

export function RoleChips({
  photo,
  testId,
  extraClass = '',
  disabled = false,
}: {
  photo: Photo;
  testId: string;
  extraClass?: string;
  disabled?: boolean;
}) {
  return (
    <div class={`role-chips${extraClass ? ` ${extraClass}` : ''}`} role="group" aria-label={t('roleLabel')}>
      {ROLES.map((r) => (
        <button
          key={r}
          type="button"
          class="chip"
          data-testid={testId}
          data-role={r}
          disabled={disabled}
          aria-pressed={photo.role === r}
          onClick={() => setRole(photo.id, r)}
        >
          {roleText(r)}
        </button>
      ))}
    </div>
  );
}
