// 배우기 / Learn and 설정 → 템플릿 묶음 against the mock backend (tests/mock-packs.ts): the lesson list, one lesson
// drawn from plain blocks (headings, bold, a list, a drawing), the language switch, the coach's "배우기 ›" link
// opening the lesson that explains that check, and a pack's preview, the trust question asked once, the
// installed list and its removal.
import { expect, type Page, test } from '@playwright/test';
import { cspViolations, drop, openFresh, shot } from './helpers';

async function toWrite(page: Page) {
  await drop(page, ['/home/owner/사진/01_소재.jpg', '/home/owner/사진/02_황삭.jpg']);
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill('SUS304 샤프트 정밀 가공');
  await page.getByTestId('owner-own').check();
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-naver').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await expect(page.getByTestId('coach-score')).toHaveAttribute('data-score', /^\d+$/);
}

test('the Learn screen lists the lessons and draws one from its blocks, in either language', async ({ page }) => {
  const watch = await openFresh(page);
  await page.getByTestId('nav-lessons').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'lessons');
  await expect(page.getByTestId('nav-lessons')).toHaveAttribute('aria-current', 'page');
  const items = page.getByTestId('lesson-item');
  await expect(items).toHaveCount(4);
  await expect(items.first()).toContainText('기계 부품 사진 잘 찍기');

  await page.locator('[data-testid="lesson-item"][data-id="naver-search"]').click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toHaveAttribute('data-id', 'naver-search');
  await expect(page.locator('h1')).toHaveText('네이버 검색에 잘 나오는 글');
  await expect(lesson.locator('h2')).toHaveText('왜 중요할까요');
  await expect(lesson.locator('strong')).toHaveText('꼭 기억하세요');
  await expect(lesson.locator('.lesson-list li')).toHaveCount(2);
  const img = page.getByTestId('lesson-image');
  await expect(img).toHaveAttribute('alt', '설명 그림');
  await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await shot(page, 'lesson');

  // The open lesson follows the language switch.
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('h1')).toHaveText('Posts Naver search finds');
  await expect(lesson.locator('strong')).toHaveText('remember this');
  await page.getByTestId('lesson-back').click();
  await expect(page.getByTestId('lesson-item').first()).toContainText('Taking good photos of parts');
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test("each coach check links to the lesson that explains it ('배우기 ›')", async ({ page }) => {
  const watch = await openFresh(page);
  await toWrite(page);
  const check = (id: string) => page.locator(`[data-testid="coach-check"][data-id="${id}"]`);
  await expect(check('tags').getByTestId('coach-learn')).toHaveText('배우기 ›');
  await expect(check('tags').getByTestId('coach-learn')).toHaveAttribute('data-lesson', 'naver-search');
  await expect(check('leak_guard').getByTestId('coach-learn')).toHaveAttribute('data-lesson', 'leak-guard');
  // Every check on the list has its link.
  const checks = await page.getByTestId('coach-check').count();
  await expect(page.getByTestId('coach-learn')).toHaveCount(checks);

  await check('photo_count').getByTestId('coach-learn').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'lessons');
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-id', 'photographing-parts');
  await expect(page.locator('h1')).toHaveText('기계 부품 사진 잘 찍기');
  // Back to the wizard: the write step as it was.
  await page.getByTestId('nav-wizard').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  expect(watch.pageErrors).toEqual([]);
});

test('a pack: what it changes, the trust question once, installed, its lesson listed, removed', async ({ page }) => {
  const watch = await openFresh(page);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('packs-none')).toBeVisible();
  await page.getByTestId('pack-pick').click();
  const preview = page.getByTestId('pack-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('pack-author')).toContainText('김멘토');
  await expect(page.getByTestId('pack-author')).toContainText('1A2B-3C4D-5E6F-7A8B');
  await expect(page.locator('[data-testid="pack-file"][data-path="templates/blog_body.ko.j2"]')).toContainText(
    '기본 파일 대신',
  );
  await expect(page.getByTestId('pack-keywords')).toContainText('멘토추천 검색어');
  await expect(page.getByTestId('pack-weight')).toContainText('contact_block: 1 → 3');

  // Cancel installs nothing.
  await page.getByTestId('pack-cancel').click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('packs-none')).toBeVisible();

  // A new author: asked once, with the name and the fingerprint.
  await page.getByTestId('pack-pick').click();
  await page.getByTestId('pack-install').click();
  await expect(page.getByTestId('pack-trust')).toContainText('이 사람을 믿을까요?');
  await expect(page.getByTestId('pack-trust')).toContainText('1A2B-3C4D-5E6F-7A8B');
  await shot(page, 'pack-trust');
  await page.getByTestId('pack-trust-yes').click();
  await expect(page.getByTestId('pack-done')).toContainText('문래 멘토 묶음');
  await expect(page.getByTestId('pack-installed')).toHaveCount(1);
  const installs = await page.evaluate(() =>
    window.__mockPacks
      .calls()
      .filter((c) => c.cmd === 'install_pack')
      .map((c) => c.args),
  );
  expect(installs).toEqual([{ path: '/home/owner/받은 파일/문래-멘토-묶음.gbpack', trust: true }]);

  // Trusted now: the next install of the same author is not asked about.
  await page.getByTestId('pack-pick').click();
  await page.getByTestId('pack-install').click();
  await expect(page.getByTestId('pack-trust')).toHaveCount(0);
  await expect(page.getByTestId('pack-done')).toBeVisible();

  // The pack's lesson is on the Learn screen until the pack is removed.
  await page.getByTestId('nav-lessons').click();
  await expect(page.getByTestId('lesson-item')).toHaveCount(5);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('pack-remove').click();
  await expect(page.getByTestId('packs-none')).toBeVisible();
  await page.getByTestId('nav-lessons').click();
  await expect(page.getByTestId('lesson-item')).toHaveCount(4);

  // Make a pack of the shop's own files.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('pack-name').fill('우리 묶음');
  await page.getByTestId('pack-export').click();
  await expect(page.getByTestId('pack-exported')).toContainText('우리 묶음-1a2b3c4d.gbpack');
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});
