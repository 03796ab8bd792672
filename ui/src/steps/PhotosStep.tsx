// Step 1, 사진 넣기: the drop target and "choose photos" button, the import progress and per-file results,
// then the photo grid (reorder, role, caption, remove with undo).

import { ImportPanel } from '../components/ImportPanel';
import { PhotoGrid } from '../components/PhotoGrid';
import { t } from '../i18n';
import { importBusy, importing, photos, pickPhotos } from '../state';

export function PhotosStep() {
  const list = photos.value;
  const imp = importing.value;
  const compact = list.length > 0;
  return (
    <section class="step step-photos" aria-labelledby="step-title">
      <h1 id="step-title" tabIndex={-1}>
        {t('photosTitle')}
      </h1>
      <div class={`dropzone${compact ? ' is-compact' : ''}`} data-testid="dropzone">
        <span class="dropzone-icon" aria-hidden="true">
          ↓
        </span>
        <p class="dropzone-text">{compact ? t('photosHelpMore') : t('photosHelp')}</p>
        <button
          type="button"
          class={`btn ${compact ? 'btn-secondary' : 'btn-accent-outline'} btn-pick`}
          data-testid="pick-photos"
          disabled={importBusy.value}
          onClick={() => void pickPhotos()}
        >
          {t('pickPhotos')}
        </button>
      </div>
      <ImportPanel />
      {list.length > 0 ? (
        <>
          <div class="grid-head">
            <h2>{t('photoCount', { n: list.length })}</h2>
            <p class="hint">{t('reorderHelp')}</p>
          </div>
          <PhotoGrid />
        </>
      ) : (
        !imp && <p class="empty">{t('noPhotos')}</p>
      )}
    </section>
  );
}
