// The copy buttons after a Naver export, against the mock: they sit in the upload steps in the guide's order
// (title, body, tags, as in assets/templates/naver_howto.ko.txt), each asks the backend for its part of the
// exported package and says what it copied, in Korean or English. A failure shows the calm error, not a tick.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { commands, drop, openFresh, shot } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const GUIDE = readFileSync(path.join(here, '..', '..', 'assets', 'templates', 'naver_howto.ko.txt'), 'utf8');
const PHOTOS = ['/home/owner/사진/IMG_4001.jpg', '/home/owner/사진/IMG_4002.jpg'];
const PARTS = ['title', 'body', 'tags'] as const;

/** A job with photos, our own product, a post for `platform`, exported; returns the post id. */
async function exported(page: Page, platform: 'naver' | 'html', title = 'SUS304 샤프트 가공'): Promise<number> {
  await drop(page, PHOTOS);
  await expect(page.getByTestId('photo-card')).toHaveCount(PHOTOS.length);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill(title);
  await page.getByTestId('owner-own').check();
  await page.getByTestId('step-platform').click();
  await page.getByTestId(`platform-${platform}`).click();
  await expect(page.locator('body')).not.toHaveAttribute('data-step', 'platform');
  await page.getByTestId('step-preview').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  return page.evaluate(() => {
    const s = window.__mock.state();
    return s.posts.find((p) => p.status === 'exported')!.id;
  });
}

const clipboard = (page: Page) => page.evaluate(() => window.__mock.clipboard());

test('Korean: the three copy buttons in the guide order, each copies its part and says so', async ({ page }) => {
  const watch = await openFresh(page);
  const postId = await exported(page, 'naver');
  const steps = page.getByTestId('naver-step');
  await expect(steps).toHaveCount(6);

  // In order on the page, and each inside the step of the guide that uses it.
  const order = await page
    .locator('[data-testid^="copy-"]:is(button)')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid));
  expect(order).toEqual(['copy-title', 'copy-body', 'copy-tags']);
  await expect(steps.nth(1).getByTestId('copy-title')).toBeVisible();
  await expect(steps.nth(2).getByTestId('copy-body')).toBeVisible();
  await expect(steps.nth(4).getByTestId('copy-tags')).toBeVisible();
  // The labels are the ones the package's guide names, and the guide names them in the same order.
  const labels = await Promise.all(PARTS.map((p) => page.getByTestId(`copy-${p}`).textContent()));
  expect(labels).toEqual(['① 제목 복사', '② 본문 복사', '③ 태그 복사']);
  const at = labels.map((l) => GUIDE.indexOf(`[${l}]`));
  expect(at.every((i) => i > 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  // One way to place the photos: no dragging of the whole folder (the old step 4 mixed two ways).
  expect(GUIDE).not.toContain('한꺼번에');
  await expect(steps.nth(3)).toContainText('01.jpg 한 장만');
  await expect(page.getByTestId('copy-message')).toHaveCount(0);

  const post = await page.evaluate(() => window.__mock.state().posts.find((p) => p.status === 'exported')!);
  const messages = {
    title: '제목을 복사했습니다 — 네이버 글쓰기의 제목 칸에 붙여 넣으세요',
    body: '본문을 복사했습니다 — 본문 칸에 붙여 넣으세요',
    tags: '태그를 복사했습니다 — 발행 창의 태그 칸에 붙여 넣으세요',
  };
  for (const [i, part] of PARTS.entries()) {
    await page.getByTestId(`copy-${part}`).click();
    const msg = page.getByTestId('copy-message');
    await expect(msg).toHaveAttribute('data-part', part);
    await expect(msg).toContainText(messages[part]);
    await expect(page.getByTestId(`copy-${part}`)).toHaveAttribute('data-copied', 'true');
    const sent = await commands(page, 'copy_export_text');
    expect(sent).toHaveLength(i + 1);
    expect(sent.at(-1)).toEqual({ postId, part });
  }
  // The mock copies what was exported: the tags line, as in 태그.txt.
  expect(await clipboard(page)).toBe(post.tags.map((t) => `#${t}`).join(' '));
  await shot(page, 'ko-6-copy-buttons');
  expect(watch.pageErrors).toEqual([]);
});

test('English: the same buttons and messages in English', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await exported(page, 'naver');
  await expect(page.getByTestId('naver-steps')).toContainText('How to post on Naver Blog');
  await page.getByTestId('copy-title').click();
  await expect(page.getByTestId('copy-message')).toHaveText(
    "Title copied — paste it into the title field of Naver's editor (Ctrl+V).",
  );
  await page.getByTestId('copy-body').click();
  await expect(page.getByTestId('copy-message')).toContainText('Body copied');
  await expect(page.getByTestId('copy-message')).toHaveCount(1);
  await page.getByTestId('copy-tags').click();
  await expect(page.getByTestId('copy-message')).toContainText('Tags copied');
  expect(await commands(page, 'copy_export_text')).toHaveLength(3);
});

test('a refused copy shows the calm error and no tick; other platforms have no copy buttons', async ({ page }) => {
  await openFresh(page);
  await exported(page, 'naver');
  await page.evaluate(() =>
    window.__mock.failNext('copy_export_text', {
      code: 'clipboard',
      messageKo: '클립보드에 복사하지 못했습니다. 내보낸 폴더의 파일을 열어 복사해 주세요.',
      messageEn: 'Could not copy to the clipboard.',
    }),
  );
  await page.getByTestId('copy-body').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'clipboard');
  await expect(page.getByTestId('copy-message')).toHaveCount(0);
  await expect(page.getByTestId('copy-body')).toHaveAttribute('data-copied', 'false');
  // Editing the title after the export hides the result and its buttons: nothing on screen copies old text.
  await page.getByTestId('post-title').fill('고친 제목');
  await expect(page.getByTestId('naver-steps')).toHaveCount(0);

  await openFresh(page);
  await exported(page, 'html', 'AL6061 브라켓');
  await expect(page.getByTestId('export-result')).toContainText('post.md');
  await expect(page.getByTestId('naver-steps')).toHaveCount(0);
  await expect(page.locator('[data-testid="copy-title"]')).toHaveCount(0);
});
