// Step 5, 글 다듬기 / Write: the draft as editable fields on the left, the coach beside it (below on a narrow
// window). The optional AI helper sits above the text when the owner turned it on in the settings; otherwise
// one quiet line says where it can be turned on. "Next" (the footer) always leads on to the preview.

import type { AiStyle } from '../backend';
import { CoachPanel } from '../components/CoachPanel';
import { PostEditor } from '../components/PostEditor';
import { t } from '../i18n';
import {
  ai,
  aiCancelling,
  aiCancelNow,
  aiRewriteNow,
  aiRunning,
  aiTarget,
  coachBusy,
  focusedBlock,
  goTo,
  isVideoPlatform,
  post,
} from '../state';

const STYLES: { style: AiStyle; key: 'aiPolish' | 'aiShorter' | 'aiFriendlier'; testid: string }[] = [
  { style: 'polish', key: 'aiPolish', testid: 'ai-polish' },
  { style: 'shorter', key: 'aiShorter', testid: 'ai-shorter' },
  { style: 'friendlier', key: 'aiFriendlier', testid: 'ai-friendlier' },
];

function AiBar() {
  const s = ai.value;
  if (!s) return null;
  if (!s.enabled)
    return (
      <p class="ai-off hint" data-testid="ai-off">
        {t('aiOffNote')}
      </p>
    );
  const running = aiRunning.value;
  const target = aiTarget();
  return (
    <div class="ai-bar" data-testid="ai-bar" aria-busy={!!running}>
      <div class="ai-bar-row">
        <strong class="ai-bar-title">{t('aiTitle')}</strong>
        {STYLES.map((x) => (
          <button
            key={x.style}
            type="button"
            class="btn btn-secondary btn-ai"
            data-testid={x.testid}
            disabled={!!running || coachBusy.value !== null}
            aria-pressed={running === x.style}
            onMouseDown={(e) => e.preventDefault() /* keep the paragraph focused */}
            onClick={() => void aiRewriteNow(x.style)}
          >
            {t(x.key)}
          </button>
        ))}
      </div>
      {running ? (
        <p class="ai-working" role="status" data-testid="ai-working">
          <span class="spinner" aria-hidden="true" />
          {t('aiWorking')}
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="ai-cancel"
            disabled={aiCancelling.value}
            onClick={() => void aiCancelNow()}
          >
            {t('aiCancel')}
          </button>
        </p>
      ) : (
        <p class="ai-target" data-testid="ai-target" data-block={target ?? ''}>
          {target === null ? (
            <>
              {t('aiTargetAll')} <span class="hint">· {t('aiTargetHint')}</span>
            </>
          ) : (
            <>
              {t('aiTargetBlock', { n: target + 1 })}
              <button
                type="button"
                class="link"
                onClick={() => {
                  focusedBlock.value = null;
                }}
              >
                {t('aiTargetClear')}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}

export function WriteStep() {
  const p = post.value;
  if (!p) {
    return (
      <section class="step step-write" aria-labelledby="step-title">
        <h1 id="step-title" tabIndex={-1}>
          {t('writeHeading')}
        </h1>
        <p class="lead">{t('noPost')}</p>
        <button type="button" class="btn btn-secondary" onClick={() => void goTo('platform')}>
          {t('goPlatform')}
        </button>
      </section>
    );
  }
  return (
    <section class="step step-write" aria-labelledby="step-title">
      <h1 id="step-title" tabIndex={-1}>
        {t('writeHeading')}
      </h1>
      <p class="lead">{isVideoPlatform(p.platform) ? t('writeHelpVideo') : t('writeHelp')}</p>
      <div class="write-grid">
        <div class="write-main">
          <AiBar />
          <PostEditor post={p} />
        </div>
        <CoachPanel />
      </div>
    </section>
  );
}
