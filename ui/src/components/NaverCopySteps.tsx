// After a Naver export: the steps of `올리는 방법.txt` (the guide in the package) with the three copy buttons
// where the guide uses them — the title, the body, the tags — so the owner goes down the list once. Each
// button says what it put on the clipboard and where to paste it; the text comes from the exported package.
import type { ComponentChildren } from 'preact';
import { type Key, t } from '../i18n';
import { busy, copiedParts, copyPart, lastCopied, type NaverPart } from '../state';

const BUTTON: Record<NaverPart, Key> = { title: 'copyTitle', body: 'copyBody', tags: 'copyTags' };
const COPIED: Record<NaverPart, Key> = { title: 'copiedTitle', body: 'copiedBody', tags: 'copiedTags' };

function CopyButton({ part }: { part: NaverPart }) {
  const done = copiedParts.value.includes(part);
  return (
    <div class="copy-row">
      <button
        type="button"
        class={done ? 'btn btn-secondary copy-btn copy-done' : 'btn btn-primary copy-btn'}
        data-testid={`copy-${part}`}
        data-copied={done ? 'true' : 'false'}
        disabled={busy.value !== null}
        onClick={() => void copyPart(part)}
      >
        {done ? '✓ ' : ''}
        {t(BUTTON[part])}
      </button>
      {lastCopied.value === part && (
        <span class="copy-message" data-testid="copy-message" data-part={part} role="status">
          {t(COPIED[part])}
        </span>
      )}
    </div>
  );
}

function Step({ n, children }: { n: number; children: ComponentChildren }) {
  return (
    <li class="naver-step" data-testid="naver-step" data-step={n}>
      {children}
    </li>
  );
}

/** The upload guide with the copy buttons, for the Naver package just exported. */
export function NaverCopySteps() {
  return (
    <section class="naver-steps" data-testid="naver-steps" aria-labelledby="naver-steps-title">
      <h2 id="naver-steps-title" class="naver-steps-title">
        {t('naverStepsTitle')}
      </h2>
      <ol>
        <Step n={1}>{t('naverStep1')}</Step>
        <Step n={2}>
          <p>{t('naverStep2')}</p>
          <CopyButton part="title" />
        </Step>
        <Step n={3}>
          <p>{t('naverStep3')}</p>
          <CopyButton part="body" />
        </Step>
        <Step n={4}>
          <p>{t('naverStep4')}</p>
          <ul class="naver-photo-how">
            <li>{t('naverStep4a')}</li>
            <li>{t('naverStep4b')}</li>
            <li>{t('naverStep4c')}</li>
          </ul>
          <p>{t('naverStep4d')}</p>
        </Step>
        <Step n={5}>
          <p>{t('naverStep5')}</p>
          <CopyButton part="tags" />
        </Step>
        <Step n={6}>{t('naverStep6')}</Step>
      </ol>
    </section>
  );
}
