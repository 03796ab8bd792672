// The text scan's result above the preview: each flagged word with where it is (title, body, caption, tag),
// the rule that caught it and a one-click safe replacement; what the owner keeps must be confirmed with the
// tick box before export (the backend logs it). All of it is text: names and words come from the owner.
import { fieldKey, pick, t } from '../i18n';
import { busy, confirmFlags, findings, flagsConfirmed, replaceFinding, scanning } from '../state';

export function FindingsPanel() {
  const list = findings.value;
  if (list.length === 0) {
    return (
      <p class="scan-ok" data-testid="scan-ok" aria-live="polite">
        {scanning.value ? t('scanning') : `✓ ${t('scanNone')}`}
      </p>
    );
  }
  return (
    <section class="scan-panel" data-testid="findings" aria-labelledby="scan-title">
      <h2 id="scan-title">{t('scanTitle', { n: list.length })}</h2>
      <p class="hint">{t('scanHelp')}</p>
      <ul class="finding-list">
        {list.map((f, i) => (
          <li
            key={`${f.field}-${f.blockIndex}-${f.itemIndex}-${f.row}-${f.column}-${f.start}-${i}`}
            class="finding"
            data-testid="finding"
            data-kind={f.kind}
            data-field={f.field}
            data-row={f.row ?? undefined}
            data-column={f.column ?? undefined}
          >
            <span class="finding-where" data-place={f.place?.kind ?? 'post'}>
              {f.whereKo ? pick(f.whereKo, f.whereEn) : t(fieldKey[f.field])}
              {f.row != null && f.column != null && (
                <span class="finding-cell" data-testid="finding-cell">
                  {' · '}
                  {pick(`표 ${f.row + 1}행 ${f.column + 1}열`, `table row ${f.row + 1}, column ${f.column + 1}`)}
                </span>
              )}
            </span>
            <mark class="finding-text">{f.text}</mark>
            <span class="finding-rule">{pick(f.ruleKo, f.ruleEn)}</span>
            <button
              type="button"
              class="btn btn-small"
              data-testid="finding-replace"
              disabled={busy.value !== null}
              onClick={() => void replaceFinding(f)}
            >
              {t('replaceWith', { s: f.suggestion })}
            </button>
          </li>
        ))}
      </ul>
      <label class={`confirm-flags${flagsConfirmed.value ? ' is-checked' : ''}`}>
        <input
          type="checkbox"
          data-testid="confirm-flags"
          checked={flagsConfirmed.value}
          onChange={(e) => confirmFlags(e.currentTarget.checked)}
        />
        <span>
          <strong>{t('confirmFlags')}</strong>
          <span class="hint">{flagsConfirmed.value ? t('confirmFlagsNote') : t('exportNeedsConfirm')}</span>
        </span>
      </label>
    </section>
  );
}
