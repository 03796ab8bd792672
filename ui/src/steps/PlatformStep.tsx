// Step 3, 어디에 올릴까요: big cards (three blog targets, YouTube and Shorts). Naver Blog first and marked as recommended. Choosing a card makes
// the draft (only when there is none for that platform yet) and goes straight to the write step (글 다듬기).

import type { Platform } from '../backend';
import { type Key, t } from '../i18n';
import { busy, choosePlatform, post, selectedPlatform } from '../state';

const CARDS: { p: Platform; name: Key; desc: Key; mark: string }[] = [
  { p: 'naver', name: 'naver', desc: 'naverDesc', mark: 'N' },
  { p: 'html', name: 'html', desc: 'htmlDesc', mark: '</>' },
  { p: 'markdown', name: 'markdown', desc: 'markdownDesc', mark: 'M↓' },
  { p: 'youtube', name: 'youtube', desc: 'youtubeDesc', mark: '▶' },
  { p: 'shorts', name: 'shorts', desc: 'shortsDesc', mark: '▮' },
];

export function PlatformStep() {
  const sel = selectedPlatform.value;
  const draftFor = post.value?.platform;
  const making = busy.value === 'draft';
  return (
    <section class="step step-platform" aria-labelledby="step-title">
      <h1 id="step-title" tabIndex={-1}>
        {t('platformTitle')}
      </h1>
      <p class="lead">{t('platformHelp')}</p>
      <div class="platform-cards">
        {CARDS.map((c) => (
          <button
            key={c.p}
            type="button"
            aria-pressed={sel === c.p}
            class={`platform-card platform-${c.p}${sel === c.p ? ' is-selected' : ''}`}
            data-testid={`platform-${c.p}`}
            disabled={busy.value !== null}
            onClick={() => void choosePlatform(c.p)}
          >
            <span class={`platform-mark mark-${c.p}`} aria-hidden="true">
              {c.mark}
            </span>
            <span class="platform-text">
              <span class="platform-name">
                {t(c.name)}
                {c.p === 'naver' && <span class="badge">{t('recommended')}</span>}
              </span>
              <span class="platform-desc">{t(c.desc)}</span>
              {draftFor === c.p && <span class="platform-draft">✓ {t('draftReady')}</span>}
            </span>
          </button>
        ))}
      </div>
      {making && (
        <p class="busy-line" role="status">
          <span class="spinner" aria-hidden="true" />
          {t('making')}
        </p>
      )}
    </section>
  );
}
