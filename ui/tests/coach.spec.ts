// The write step (글 다듬기) against the mocked backend (tests/mock-coach.ts): the live checklist and score
// beside the editable post, one-click fixes that raise the score and can be undone, keyword chips, the photo
// check with its thumbnails, the optional AI helper (set up in Settings; polish, a 401, a cancel), keyboard
// reach of the fixes, and the YouTube checks (the check ids are core/src/coach's). Saves a picture of the coach panel to test-results/coach-panel.png.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { commands, cspViolations, drop, openFresh, shot } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const PHOTOS = [
  '/home/owner/사진/01_소재.jpg',
  '/home/owner/사진/02_황삭.jpg',
  '/home/owner/사진/03_dark_정삭.jpg',
  '/home/owner/사진/04_측정.jpg',
];

async function toWrite(page: Page, platform: 'naver' | 'youtube' = 'naver') {
  await drop(page, PHOTOS);
  await expect(page.getByTestId('photo-card')).toHaveCount(4);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill('SUS304 샤프트 정밀 가공');
  await page.getByTestId('job-material').fill('SUS304');
  await page.getByTestId('job-process').fill('CNC 선반');
  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  await page.getByTestId('step-platform').click();
  await page.getByTestId(`platform-${platform}`).click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await expect(page.getByTestId('coach-score')).toHaveAttribute('data-score', /^\d+$/);
}

const score = async (page: Page) => Number(await page.getByTestId('coach-score').getAttribute('data-score'));
const checkItem = (page: Page, id: string) => page.locator(`[data-testid="coach-check"][data-id="${id}"]`);
const checkIds = async (page: Page) =>
  (await page.getByTestId('coach-check').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))).sort();
const statusOf = (page: Page, id: string) => checkItem(page, id).getAttribute('data-status');

// The check ids of core/src/coach (checks.rs, mod.rs): the blog's, the video's, and those of every platform.
const COMMON = ['leak_guard', 'photo_quality', 'contact_profile', 'photo_captions'];
const BLOG = [
  'title_keyword',
  'text_length',
  'photo_count',
  'keyword_first_paragraph',
  'contact_block',
  'copied_text',
  'tags',
];
const YOUTUBE = [
  'video_title_length',
  'video_title_keyword',
  'description_what_who',
  'chapters',
  'video_tags',
  'thumbnail_words',
  'video_length',
];

async function enableAi(page: Page) {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('ai-enabled')).toBeVisible();
  await expect(page.getByTestId('ai-base-url')).toHaveAttribute('placeholder', 'http://127.0.0.1:11434/v1');
  await page.getByTestId('ai-enabled').check();
  await page.getByTestId('ai-base-url').fill('http://127.0.0.1:11434/v1');
  await page.getByTestId('ai-model').fill('gemma3');
  await page.getByTestId('ai-key').fill('sk-test-secret-123');
  await page.getByTestId('ai-save').click();
  await expect(page.getByTestId('ai-has-key')).toHaveAttribute('data-has-key', 'true');
  // The key went to the "keychain" and never comes back to the window: the field is empty again.
  await expect(page.getByTestId('ai-key')).toHaveValue('');
  expect(await page.evaluate(() => window.__mockCoach.storedKey())).toBe('sk-test-secret-123');
  const sent = JSON.stringify(await commands(page, 'save_ai_settings'));
  expect(sent).not.toContain('sk-test-secret-123'); // the mock's command log never holds the key either
  await page.getByTestId('nav-wizard').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
}

test('the score rises as fixes are clicked; undo puts the post back', async ({ page }) => {
  const watch = await openFresh(page);
  await toWrite(page);
  await expect(page.getByTestId('post-editor')).toBeVisible();
  await expect(page.getByTestId('coach-check')).toHaveCount(11);
  expect(await checkIds(page)).toEqual([...BLOG, ...COMMON].sort());
  // Failing first: the first item is not a pass, the last ones are.
  await expect(page.getByTestId('coach-check').first()).not.toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('coach-check').last()).toHaveAttribute('data-status', 'pass');
  // The dark photo is flagged with its thumbnail.
  await expect(checkItem(page, 'photo_quality')).toHaveAttribute('data-status', 'warn');
  await expect(checkItem(page, 'photo_quality').getByTestId('check-photo')).toHaveCount(1);
  await expect(checkItem(page, 'photo_quality').locator('img')).toHaveJSProperty('complete', true);
  await expect(page.getByTestId('ai-off')).toBeVisible();
  await expect(page.getByTestId('ai-polish')).toHaveCount(0);

  // Advice ('warn') that no click can fix: too little text, too few photos (4 of 8).
  for (const id of ['text_length', 'photo_count']) {
    await expect(checkItem(page, id)).toHaveAttribute('data-status', 'warn');
    await expect(checkItem(page, id).getByTestId('coach-fix')).toHaveCount(0);
  }
  for (const id of ['copied_text', 'tags', 'leak_guard', 'contact_profile']) {
    await expect(checkItem(page, id)).toHaveAttribute('data-status', 'pass');
  }
  await expect(checkItem(page, 'contact_block').getByTestId('coach-fix')).toHaveText('연락처 넣기');

  let last = await score(page);
  expect(last).toBe(Math.round((4 * 100) / 11));
  for (const id of ['title_keyword', 'keyword_first_paragraph', 'contact_block', 'photo_captions']) {
    await expect(checkItem(page, id)).toHaveAttribute('data-status', 'fail');
    await checkItem(page, id).getByTestId('coach-fix').click();
    await expect(checkItem(page, id)).toHaveAttribute('data-status', 'pass');
    await expect.poll(() => score(page)).toBeGreaterThan(last);
    last = await score(page);
    await expect(page.getByTestId('undo')).toBeVisible();
  }
  expect((await commands(page, 'apply_fix')).map((c) => (c as { fix: string }).fix)).toEqual([
    'title_keyword',
    'keyword_first_paragraph',
    'contact_block',
    'photo_captions',
  ]);
  // Every failing check is fixed; only advice without a fix is left.
  await expect(page.getByTestId('coach-fix')).toHaveCount(0);
  expect(last).toBe(Math.round((8 * 100) / 11));
  await expect(page.getByTestId('post-title')).toHaveValue('문래동 CNC 선반 SUS304 샤프트 정밀 가공');
  await expect(page.getByTestId('block-text').first()).toHaveValue(
    /^문래동 CNC 선반 SUS304 샤프트 작업을 소개합니다\.\n/,
  );
  await expect(page.getByTestId('block-caption').first()).not.toHaveValue('');

  // Undo the last fix (photo_captions): the captions are empty again, the check fails, the score drops back.
  await page.getByTestId('undo').click();
  await expect(checkItem(page, 'photo_captions')).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('block-caption').first()).toHaveValue('');
  await expect.poll(() => score(page)).toBeLessThan(last);
  const saved = (await commands(page, 'save_post')).at(-1) as {
    post: { blocks: { kind: string; caption?: string }[] };
  };
  expect(saved.post.blocks.filter((b) => b.kind === 'photo').every((b) => b.caption === '')).toBe(true);

  // Editing the text re-runs the coach after the save (debounced).
  const coachCalls = (await commands(page, 'coach_post')).length;
  await page.getByTestId('post-title').fill('SUS304 샤프트');
  await expect(checkItem(page, 'title_keyword')).toHaveAttribute('data-status', 'fail');
  expect((await commands(page, 'coach_post')).length).toBeGreaterThan(coachCalls);

  // The picture of the coach panel for CI.
  await page.getByTestId('post-title').fill('문래동 CNC 선반 SUS304 샤프트 가공');
  await expect(checkItem(page, 'title_keyword')).toHaveAttribute('data-status', 'pass');
  await page.setViewportSize({ width: 1400, height: 2000 }); // the whole panel, not scrolled
  await page
    .getByTestId('toast')
    .getByRole('button')
    .last()
    .click({ timeout: 1000 })
    .catch(() => undefined); // the toast may be gone
  await page.getByTestId('coach-panel').screenshot({ path: path.join(here, '..', 'test-results', 'coach-panel.png') });
  await page.setViewportSize({ width: 1200, height: 820 });
  await page.evaluate(() => document.getElementById('work-area')!.scrollTo(0, 0));
  await shot(page, 'coach-write-step');

  // Whatever the score, "next" leads on to the preview.
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('preview-title')).toHaveText('문래동 CNC 선반 SUS304 샤프트 가공');
  expect(watch.pageErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('a keyword chip puts the keyword into the title', async ({ page }) => {
  await openFresh(page);
  await toWrite(page);
  const chip = page.getByTestId('keyword-chip').filter({ hasText: /^SUS304 샤프트 가공$/ });
  await expect(chip).toHaveCount(1);
  await chip.click();
  await expect(page.getByTestId('post-title')).toHaveValue(/^SUS304 샤프트 가공/);
  expect((await commands(page, 'apply_fix')).at(-1)).toMatchObject({ fix: 'title_keyword', arg: 'SUS304 샤프트 가공' });
  // The main keyword chip makes the title check pass.
  await page.getByTestId('keyword-chip').first().click();
  await expect(page.getByTestId('post-title')).toHaveValue(/^문래동 CNC 선반 SUS304 샤프트/);
  await expect(checkItem(page, 'title_keyword')).toHaveAttribute('data-status', 'pass');
});

test('the fixes are reachable by keyboard', async ({ page }) => {
  await openFresh(page);
  await toWrite(page);
  await page.getByTestId('post-title').focus();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'coach-fix');
  }
  expect(reached).toBe(true);
  const id = await page.evaluate(() =>
    document.activeElement!.closest('[data-testid="coach-check"]')!.getAttribute('data-id'),
  );
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(checkItem(page, id!)).toHaveAttribute('data-status', 'pass');
});

test('AI help: set up in Settings, polish a paragraph, undo, a 401 leaves the text, cancel stops it', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await toWrite(page);
  await enableAi(page);
  await expect(page.getByTestId('ai-off')).toHaveCount(0);
  const para = page.locator('[data-testid="block-text"][data-kind="paragraph"]').first();
  const before = await para.inputValue();

  // Polish the focused paragraph: only that block is sent and changed.
  await para.click();
  await expect(page.getByTestId('ai-target')).toHaveAttribute('data-block', '0');
  await page.getByTestId('ai-polish').click();
  await expect(para).not.toHaveValue(before);
  const polished = await para.inputValue();
  expect((await commands(page, 'ai_rewrite')).at(-1)).toMatchObject({ style: 'polish', blockIndex: 0 });
  await expect(page.getByTestId('toast')).toContainText('AI가 글을 고쳤습니다');
  await page.getByTestId('undo').click();
  await expect(para).toHaveValue(before);

  // A 401: the plain message, the text as it was.
  await page.evaluate(() => window.__mockCoach.aiError('ai_auth'));
  await para.click();
  await page.getByTestId('ai-polish').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'ai_auth');
  await expect(page.getByTestId('error')).toContainText('API 키');
  await expect(para).toHaveValue(before);
  await shot(page, 'coach-ai-401');
  await page.getByTestId('error').getByRole('button').last().click();

  // Cancel a slow reply: busy state, then a calm note; the text as it was.
  await page.evaluate(() => window.__mockCoach.aiDelay(10_000));
  await page.getByTestId('ai-target').getByRole('button').click(); // the whole post
  await expect(page.getByTestId('ai-target')).toHaveAttribute('data-block', '');
  await page.getByTestId('ai-friendlier').click();
  await expect(page.getByTestId('ai-cancel')).toBeVisible();
  await expect(page.getByTestId('ai-polish')).toBeDisabled();
  await shot(page, 'coach-ai-busy');
  await page.getByTestId('ai-cancel').click();
  await expect(page.getByTestId('ai-cancel')).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('그만뒀습니다');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(para).toHaveValue(before);
  expect((await commands(page, 'cancel_ai')).length).toBe(1);

  // And a whole-post rewrite that goes through changes the paragraphs.
  await page.evaluate(() => window.__mockCoach.aiDelay(50));
  await page.getByTestId('ai-shorter').click();
  await expect(page.getByTestId('toast')).toContainText('AI가 글을 고쳤습니다');
  expect((await commands(page, 'ai_rewrite')).at(-1)).toMatchObject({ style: 'shorter', blockIndex: null });
  expect(polished).not.toBe(before);
  expect(watch.pageErrors).toEqual([]);
});

test('a YouTube post: the video checks are shown, the keyword moves to the front of the title', async ({ page }) => {
  await openFresh(page);
  await toWrite(page, 'youtube');
  await expect(page.getByTestId('coach-check')).toHaveCount(11);
  expect(await checkIds(page)).toEqual([...YOUTUBE, ...COMMON].sort());
  await expect(checkItem(page, 'title_keyword')).toHaveCount(0); // the blog's title check is not a video's
  await expect(checkItem(page, 'video_title_length')).toHaveAttribute('data-status', 'pass');
  await expect(checkItem(page, 'description_what_who')).toHaveAttribute('data-status', 'pass');
  await expect(checkItem(page, 'video_tags')).toHaveAttribute('data-status', 'pass');
  await expect(checkItem(page, 'thumbnail_words')).toHaveAttribute('data-status', 'pass');
  // Advice without a fix: 4 photos of 4 s make neither three 10-second chapters nor 30 seconds of video.
  for (const id of ['chapters', 'video_length']) {
    await expect(checkItem(page, id)).toHaveAttribute('data-status', 'warn');
    await expect(checkItem(page, id).getByTestId('coach-fix')).toHaveCount(0);
  }
  await expect(page.getByTestId('block-caption')).toHaveCount(4);

  // The title's keyword fix is `title_keyword`: on a video it moves the keyword to the front.
  await expect(checkItem(page, 'video_title_keyword')).toHaveAttribute('data-status', 'fail');
  const before = await score(page);
  const fix = checkItem(page, 'video_title_keyword').getByTestId('coach-fix');
  await expect(fix).toHaveText('키워드를 앞으로');
  await fix.click();
  await expect(checkItem(page, 'video_title_keyword')).toHaveAttribute('data-status', 'pass');
  expect((await commands(page, 'apply_fix')).at(-1)).toMatchObject({ fix: 'title_keyword', arg: null });
  await expect(page.getByTestId('post-title')).toHaveValue('문래동 CNC 선반 SUS304 샤프트 정밀 가공');
  await expect.poll(() => score(page)).toBeGreaterThan(before);

  // Undo puts the title back and the check fails again.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('post-title')).toHaveValue('SUS304 샤프트 정밀 가공');
  await expect(checkItem(page, 'video_title_keyword')).toHaveAttribute('data-status', 'fail');
  expect(await statusOf(page, 'video_title_length')).toBe('pass');
  await expect.poll(() => score(page)).toBe(before);

  await page.getByTestId('next').click();
  await expect(page.getByTestId('video-panel')).toBeVisible();
  await expect(page.getByTestId('yt-title')).toHaveText('SUS304 샤프트 정밀 가공');
  await expect(page.getByTestId('yt-description')).toContainText('가공 영상입니다');
});

// Issue 10, item 3: the AI help obeys the leak guard — the same verdict as export, before anything is sent.
test("AI help is refused for a customer job without an approval, with the guard's message; after the approval it works", async ({
  page,
}) => {
  const watch = await openFresh(page);
  await toWrite(page);
  // The job turns out to be a customer's who must be asked first.
  await page.getByTestId('step-job').click();
  await page.getByTestId('owner-client').check();
  await page.getByTestId('client-add').click();
  await page.getByTestId('client-name').fill('대한정밀');
  await page.getByTestId('client-policy-ask').check();
  await page.getByTestId('client-save').click();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'ask');
  await page.getByTestId('step-write').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await enableAi(page);
  const para = page.locator('[data-testid="block-text"][data-kind="paragraph"]').first();
  const before = await para.inputValue();
  await para.click();
  await page.getByTestId('ai-polish').click();
  // The guard's own refusal, in plain words, with the way to the safety check; nothing was sent.
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'approval_missing');
  await expect(page.getByTestId('error')).toContainText('대한정밀');
  await expect(page.getByTestId('error')).toContainText('허락');
  await expect(page.getByTestId('error-go-safety')).toBeVisible();
  expect(await page.evaluate(() => window.__mockCoach.aiRequests())).toEqual([]);
  await expect(para).toHaveValue(before);
  await shot(page, 'coach-ai-refused');

  // Record the approval in the safety check; then the AI help goes.
  await page.getByTestId('error-go-safety').click();
  await page.getByTestId('approval-by').fill('김철수 과장');
  await page.getByTestId('approval-save').click();
  await expect(page.getByTestId('approval')).toContainText('김철수 과장');
  await page.getByTestId('step-write').click();
  await para.click();
  await page.getByTestId('ai-polish').click();
  await expect(page.getByTestId('toast')).toContainText(/AI가 글을 고쳤습니다|The AI rewrote/);
  expect(await page.evaluate(() => window.__mockCoach.aiRequests())).toHaveLength(1);
  expect(watch.pageErrors).toEqual([]);
});

// Issue 10, item 7: plain http only inside the shop (with a word that it is not encrypted), a public host needs
// https, and the key is bound to the address it was saved for.
test('AI settings: plain http is marked unencrypted, a public http address is refused, the key stays with its address', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('ai-settings')).toHaveAttribute('data-loaded', 'true');
  const url = page.getByTestId('ai-base-url');
  await page.getByTestId('ai-enabled').check();
  await page.getByTestId('ai-model').fill('gemma3');

  // The shop's own Ollama over plain http: allowed, with the word that the link is not encrypted.
  await url.fill('http://192.168.0.20:11434/v1');
  await expect(page.getByTestId('ai-plain-http')).toContainText('암호화되지 않은 연결입니다');
  await page.getByTestId('ai-key').fill('sk-shop-key');
  await page.getByTestId('ai-save').click();
  await expect(page.getByTestId('ai-has-key')).toHaveAttribute('data-has-key', 'true');
  await expect(page.getByTestId('ai-key-host')).toContainText('192.168.0.20:11434');

  // A public host over plain http: refused on save, in plain words; nothing changes.
  await url.fill('http://api.example.com/v1');
  await expect(page.getByTestId('ai-plain-http')).toBeVisible();
  await page.getByTestId('ai-save').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'ai_insecure');
  await expect(page.getByTestId('error')).toContainText('https://');
  await shot(page, 'ai-settings-insecure');
  await page.getByTestId('error').getByRole('button').last().click();
  expect(await page.evaluate(() => window.__mockCoach.state().ai.baseUrl)).toBe('http://192.168.0.20:11434/v1');

  // https to another host: no word about encryption; the saved key is said to stay behind…
  await url.fill('https://api.example.com/v1');
  await expect(page.getByTestId('ai-plain-http')).toHaveCount(0);
  await expect(page.getByTestId('ai-key-other-host')).toContainText('192.168.0.20:11434');
  await page.getByTestId('ai-save').click();
  // …and after saving, there is no key for the new address: the form asks for one.
  await expect(page.getByTestId('ai-has-key')).toHaveAttribute('data-has-key', 'false');
  await expect(page.getByTestId('ai-key-ask')).toContainText('api.example.com');
  expect(await page.evaluate(() => window.__mockCoach.storedKey())).toBeNull();
  await page.getByTestId('ai-key').fill('sk-cloud-key');
  await page.getByTestId('ai-save').click();
  await expect(page.getByTestId('ai-has-key')).toHaveAttribute('data-has-key', 'true');
  expect(await page.evaluate(() => window.__mockCoach.storedKeys())).toEqual({
    'http://192.168.0.20:11434': 'sk-shop-key',
    'https://api.example.com': 'sk-cloud-key',
  });
  // Back to the shop's address: its own key again.
  await url.fill('http://192.168.0.20:11434/v1');
  await page.getByTestId('ai-save').click();
  await expect(page.getByTestId('ai-key-host')).toContainText('192.168.0.20:11434');
  expect(await page.evaluate(() => window.__mockCoach.storedKey())).toBe('sk-shop-key');
  expect(JSON.stringify(await commands(page, 'save_ai_settings'))).not.toContain('sk-');
  expect(watch.pageErrors).toEqual([]);
});
