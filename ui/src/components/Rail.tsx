// The left rail: the five steps, numbered, the current one marked. Every step can be clicked (or reached by Tab);
// a tick shows what is already done so the owner always knows where he is.
import { t } from '../i18n';
import { goTo, guard, PAST_SAFETY, STEP_LABEL, STEPS, step, stepDone } from '../state';

export function Rail() {
  const current = step.value;
  const done = stepDone.value;
  // A "never" job stops at the safety check: the steps after it cannot be opened from here either.
  const stopped = guard.value?.policy === 'never';
  return (
    <nav class="rail" aria-label={t('stepsLabel')}>
      <ol>
        {STEPS.map((s, i) => (
          <li key={s}>
            <button
              type="button"
              class={`rail-step${s === current ? ' is-current' : ''}${done[s] ? ' is-done' : ''}`}
              data-testid={`step-${s}`}
              aria-current={s === current ? 'step' : undefined}
              disabled={stopped && PAST_SAFETY.includes(s)}
              onClick={() => void goTo(s)}
            >
              <span class="rail-num" aria-hidden="true">
                {done[s] && s !== current ? '✓' : i + 1}
              </span>
              <span class="rail-label">{t(STEP_LABEL[s])}</span>
              {done[s] && <span class="sr-only"> ({t('stepDone')})</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
