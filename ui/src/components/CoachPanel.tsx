// The coach beside the text (design §6): the score, big, with a bar; how many checks pass; the suggested
// keywords (one click puts one in the title); then every check, failing first — a status mark, what, why in one
// sentence, the photos it is about, and a one-click fix where the backend offers one. Nothing here blocks the
// owner: he can go on to the preview whatever the score.

import type { CheckStatus, CoachCheck } from '../backend';
import { pick, t } from '../i18n';
import {
  coach,
  coachBusy,
  coachLoading,
  fixCheck,
  lessonByCheck,
  openLessonScreen,
  photos,
  sortedChecks,
  useKeyword,
} from '../state';

const MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✕', warn: '!' };
const STATUS_KEY = { pass: 'statusPass', fail: 'statusFail', warn: 'statusWarn' } as const;

function CheckItem({ c }: { c: CoachCheck }) {
  const busy = coachBusy.value !== null;
  const shots = c.photoIds.map((id) => photos.value.find((p) => p.id === id)).filter((p) => !!p);
  const lesson = lessonByCheck.value.get(c.id);
  return (
    <li class={`check check-${c.status}`} data-testid="coach-check" data-id={c.id} data-status={c.status}>
      <span class="check-mark" aria-hidden="true">
        {MARK[c.status]}
      </span>
      <div class="check-body">
        <strong class="check-title">
          <span class="sr-only">{t(STATUS_KEY[c.status])}: </span>
          {pick(c.titleKo, c.titleEn)}
        </strong>
        {c.status !== 'pass' && <p class="check-why">{pick(c.whyKo, c.whyEn)}</p>}
        {shots.length > 0 && (
          <ul class="check-photos" aria-label={t('checkPhotos')}>
            {shots.map((p) => (
              <li key={p.id} data-testid="check-photo" data-photo-id={p.id}>
                <img src={p.thumbUrl} alt={p.caption || p.originalName} title={p.originalName} />
              </li>
            ))}
          </ul>
        )}
        {c.fix && c.status !== 'pass' && (
          <button
            type="button"
            class="btn btn-fix"
            data-testid="coach-fix"
            disabled={busy}
            aria-busy={coachBusy.value === c.fix}
            onClick={() => void fixCheck(c)}
          >
            {pick(c.fixLabelKo, c.fixLabelEn) || pick(c.titleKo, c.titleEn)}
          </button>
        )}
        {lesson && (
          <button
            type="button"
            class="btn-link check-learn"
            data-testid="coach-learn"
            data-lesson={lesson.id}
            aria-label={t('coachLearnLabel', { s: lesson.title })}
            onClick={() => void openLessonScreen(lesson.id)}
          >
            {t('coachLearn')}
          </button>
        )}
      </div>
    </li>
  );
}

export function CoachPanel() {
  const c = coach.value;
  const checks = sortedChecks.value;
  const score = c ? Math.max(0, Math.min(100, Math.round(c.score))) : 0;
  const level = score >= 80 ? 'good' : score >= 50 ? 'mid' : 'low';
  return (
    <aside class="coach-panel" data-testid="coach-panel" aria-labelledby="coach-title" aria-busy={coachLoading.value}>
      <h2 id="coach-title">{t('coachTitle')}</h2>
      {!c ? (
        <p class="coach-loading" role="status">
          {t('coachChecking')}
        </p>
      ) : (
        <>
          <div
            class={`coach-score score-${level}`}
            data-testid="coach-score"
            data-score={score}
            role="status"
            aria-label={t('coachScoreLabel', { n: score })}
          >
            <div class="coach-score-line">
              <span class="coach-score-num">{t('coachScore', { n: score })}</span>
              <span class="coach-score-passed" data-testid="coach-passed">
                {t('coachPassed', { passed: c.passed, total: c.total })}
              </span>
            </div>
            <div class="coach-bar" aria-hidden="true">
              <span class="coach-bar-fill" style={{ width: `${score}%` }} />
            </div>
            {coachLoading.value && <span class="coach-refresh">{t('coachChecking')}</span>}
          </div>
          {c.passed === c.total && c.total > 0 && <p class="coach-allgood">{t('coachAllGood')}</p>}
          {c.keywords.length > 0 && (
            <div class="coach-keywords">
              <h3>{t('keywordsTitle')}</h3>
              <ul class="keyword-chips">
                {c.keywords.map((kw) => (
                  <li key={kw}>
                    <button
                      type="button"
                      class={`keyword-chip${kw === c.mainKeyword ? ' is-main' : ''}`}
                      data-testid="keyword-chip"
                      data-keyword={kw}
                      disabled={coachBusy.value !== null}
                      aria-label={t('keywordChipLabel', { s: kw })}
                      onClick={() => void useKeyword(kw)}
                    >
                      {kw}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ol class="checks">
            {checks.map((ch) => (
              <CheckItem key={ch.id} c={ch} />
            ))}
          </ol>
          <p class="coach-anyway">{t('coachAnyway')}</p>
        </>
      )}
    </aside>
  );
}
