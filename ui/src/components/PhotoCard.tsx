// One photo in the job: its number in the post, the thumbnail (the drag handle), the file name (always as
// text), the role chips, the caption, and the move/remove buttons.

import type { Photo } from '../backend';
import { t } from '../i18n';
import { editCaption, flushCaption, removePhotoAt } from '../state';
import { RoleChips } from './RoleChips';

interface Props {
  photo: Photo;
  index: number;
  count: number;
  onGrab: (e: PointerEvent) => void;
  onMove: (delta: -1 | 1) => void;
}

export function PhotoCard({ photo, index, count, onGrab, onMove }: Props) {
  const n = index + 1;
  const capId = `cap-${photo.id}`;
  return (
    <li class="photo-card" data-testid="photo-card" data-photo-id={photo.id}>
      <div class="photo-thumb" data-testid="photo-drag" title={t('dragLabel', { n })} onPointerDown={onGrab}>
        <img src={photo.thumbUrl} alt={photo.originalName} draggable={false} loading="lazy" decoding="async" />
        <span class="photo-num" aria-hidden="true">
          {n}
        </span>
        <button
          type="button"
          class="photo-remove"
          data-testid="photo-remove"
          aria-label={t('removeLabel', { n })}
          onClick={() => void removePhotoAt(photo.id)}
        >
          <span aria-hidden="true">× </span>
          {t('removePhoto')}
        </button>
      </div>
      <div class="photo-body">
        <div class="photo-name" title={photo.originalName}>
          {photo.originalName}
        </div>
        <RoleChips photo={photo} testId="photo-role" />
        <label class="photo-caption" for={capId}>
          <span class="field-label">{t('caption')}</span>
          <input
            id={capId}
            type="text"
            data-testid="photo-caption"
            value={photo.caption}
            placeholder={t('captionPlaceholder')}
            onInput={(e) => editCaption(photo.id, e.currentTarget.value)}
            onBlur={() => void flushCaption(photo.id)}
          />
        </label>
        <div class="photo-actions">
          <button
            type="button"
            class="btn btn-small"
            data-testid="photo-move-left"
            disabled={index === 0}
            aria-label={t('moveLeftLabel', { n })}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true">◀</span>
            {t('moveLeft')}
          </button>
          <button
            type="button"
            class="btn btn-small"
            data-testid="photo-move-right"
            disabled={index === count - 1}
            aria-label={t('moveRightLabel', { n })}
            onClick={() => onMove(1)}
          >
            {t('moveRight')}
            <span aria-hidden="true">▶</span>
          </button>
        </div>
      </div>
    </li>
  );
}
