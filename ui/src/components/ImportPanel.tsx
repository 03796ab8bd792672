// Import progress (a real progress bar fed by the "import-progress" events) and the plain-words result for
// each file: problems (already there, could not be added and why) as rows on top, the added files as small
// chips below, so the photos themselves stay in view.

import type { ImportItem } from '../backend';
import { pick, t } from '../i18n';
import { clearImport, importBusy, importing, importResults, importSummary } from '../state';

function reason(item: ImportItem): string {
  if (item.outcome === 'duplicate') return pick(item.reasonKo, item.reasonEn) || t('outcomeDuplicate');
  if (item.outcome === 'rejected') return pick(item.reasonKo, item.reasonEn) || t('outcomeRejected');
  return t('outcomeImported');
}

export function ImportPanel() {
  const imp = importing.value;
  const results = importResults.value;
  const summary = importSummary.value;
  if (!imp && results.length === 0) return null;
  const done = imp?.done ?? results.length;
  const total = imp?.total ?? results.length;
  const problems = results
    .filter((r) => r.outcome !== 'imported')
    .sort((a, b) => (a.outcome === b.outcome ? 0 : a.outcome === 'rejected' ? -1 : 1));
  const added = results.filter((r) => r.outcome === 'imported');
  return (
    <div class="import-panel">
      <div class="import-head">
        <div
          class="import-progress"
          data-testid="import-progress"
          data-done={done}
          data-total={total}
          data-active={imp?.active ? 'true' : 'false'}
        >
          <div class="import-progress-text">
            {imp?.active ? t('importing', { done, total }) : t('importFinished', { done, total })}
          </div>
          <progress max={Math.max(total, 1)} value={done} aria-label={t('importing', { done, total })} />
        </div>
        {!importBusy.value && (
          <button type="button" class="btn btn-small" data-testid="import-close" onClick={clearImport}>
            {t('close')}
          </button>
        )}
      </div>
      {summary && (
        <p class="import-summary">
          {t('importSummary', {
            imported: summary.imported,
            duplicates: summary.duplicates,
            rejected: summary.rejected,
          })}
        </p>
      )}
      {problems.length > 0 && (
        <ul class="import-results">
          {problems.map((item, i) => (
            <li
              key={`${item.path}-${i}`}
              class={`import-result is-${item.outcome}`}
              data-testid="import-result"
              data-outcome={item.outcome}
            >
              <span class="import-result-icon" aria-hidden="true">
                {item.outcome === 'rejected' ? '×' : '='}
              </span>
              <span class="import-result-name" title={item.path}>
                {item.fileName}
              </span>
              <span class="import-result-reason">{reason(item)}</span>
            </li>
          ))}
        </ul>
      )}
      {added.length > 0 && (
        <ul class="import-ok" aria-label={t('outcomeImported')}>
          {added.map((item, i) => (
            <li
              key={`${item.path}-${i}`}
              class="import-result is-imported"
              data-testid="import-result"
              data-outcome="imported"
              title={item.path}
            >
              <span class="import-result-icon" aria-hidden="true">
                ✓
              </span>
              <span class="import-result-name">{item.fileName}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
