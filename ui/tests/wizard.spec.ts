// End-to-end tests of the window against the mocked backend: the whole wizard in Korean and in English
// (photos → job → safety → platform → write → preview), reorder by buttons and by pointer drag, remove + undo, restore
// after reopening, hostile text, errors, keyboard reach, the CSP and the shipped font. The leak guard's own
// cases are in guard.spec.ts; here the job is our own product, so the guard lets it through.
import { expect, type Page, test } from '@playwright/test';
import { backendOrder, cardIds, commands, cspViolations, drop, openFresh, ready, shot } from './helpers';

const PHOTOS = [
  '/home/owner/사진/01_소재.jpg',
  '/home/owner/사진/02_황삭.jpg',
  '/home/owner/사진/03_정삭.jpg',
  '/home/owner/사진/04_측정.jpg',
  '/home/owner/사진/작업메모.txt',
];

const FACTS = {
  'job-title': 'SUS304 샤프트 정밀 가공',
  'job-material': 'SUS304',
  'job-process': 'CNC 선반',
  'job-machine': 'CNC 선반 8인치',
  'job-tolerance': '±0.01 mm',
  'job-finish': 'Ra 0.8',
  'job-quantity': '20개',
  'job-lead-time': '5일',
  'job-story': '길이가 길어서 떨림이 생겼습니다. 방진구를 대고 맞췄습니다.',
};

async function dragCard(page: Page, fromIndex: number, toIndex: number) {
  const cards = page.getByTestId('photo-card');
  await cards.nth(fromIndex).getByTestId('photo-drag').scrollIntoViewIfNeeded();
  const a = (await cards.nth(fromIndex).getByTestId('photo-drag').boundingBox())!;
  const b = (await cards.nth(toIndex).getByTestId('photo-drag').boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(
      a.x + a.width / 2 + ((b.x - a.x) * i) / steps,
      a.y + a.height / 2 + ((b.y - a.y) * i) / steps,
    );
  }
  await page.mouse.up();
}

/** The whole wizard; `en` switches the language first. Screenshots go to test-results/screens/. */
async function walk(page: Page, lang: 'ko' | 'en') {
  const L =
    lang === 'ko'
      ? {
          next: '다음',
          dup: '이미 있는 사진입니다',
          notPhoto: '사진 파일이 아닙니다',
          removed: '사진을 뺐습니다',
          done: '다 됐습니다',
        }
      : {
          next: 'Next',
          dup: 'Already in the library',
          notPhoto: 'Not a photo file',
          removed: 'Photo removed',
          done: 'Done!',
        };

  if (lang === 'en') {
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('next')).toContainText('Next');
  }
  await expect(page.locator('body')).toHaveAttribute('data-step', 'photos');
  await shot(page, `${lang}-1-photos-empty`);

  // Files dragged over the window light it up; leaving removes the highlight.
  await page.evaluate(() => window.__mock.drag('enter'));
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await shot(page, `${lang}-1-photos-dragover`);
  await page.evaluate(() => window.__mock.drag('leave'));
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);

  // Drop: thumbnails appear while the import is still running.
  await page.evaluate(() => window.__mock.setImportDelay(400));
  await drop(page, PHOTOS);
  const progress = page.getByTestId('import-progress');
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const cards = document.querySelectorAll('[data-testid="photo-card"]').length;
          const done = Number(
            document.querySelector('[data-testid="import-progress"]')?.getAttribute('data-done') ?? 0,
          );
          return cards >= 1 && done < 5 && cards === done; // cards arrive one by one, before the import ends
        }),
      { intervals: [50] },
    )
    .toBe(true);
  await expect(progress).toHaveAttribute('data-total', '5');
  await expect(progress).toHaveAttribute('data-done', '5');
  await expect(page.getByTestId('photo-card')).toHaveCount(4);
  await expect(page.getByTestId('import-result')).toHaveCount(5);
  const rejected = page.locator('[data-testid="import-result"][data-outcome="rejected"]');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText('작업메모.txt');
  await expect(rejected).toContainText(L.notPhoto);

  // The same photo again: said plainly, not added twice.
  await page.evaluate(() => window.__mock.setImportDelay(20));
  await drop(page, ['/media/usb/DCIM/02_황삭.jpg']);
  const dup = page.locator('[data-testid="import-result"][data-outcome="duplicate"]');
  await expect(dup).toHaveCount(1);
  await expect(dup).toContainText(L.dup);
  await expect(page.getByTestId('photo-card')).toHaveCount(4);

  const [p1, p2, p3, p4] = await cardIds(page);
  expect(new Set([p1, p2, p3, p4]).size).toBe(4);

  // Reorder with the buttons (keyboard path).
  await page.getByTestId('photo-card').nth(0).getByTestId('photo-move-right').click();
  await expect.poll(() => cardIds(page)).toEqual([p2, p1, p3, p4]);
  await expect.poll(() => backendOrder(page)).toEqual([p2, p1, p3, p4]);
  await page.getByTestId('photo-card').nth(3).getByTestId('photo-move-left').click();
  await expect.poll(() => backendOrder(page)).toEqual([p2, p1, p4, p3]);

  // Reorder by dragging with the mouse (pointer events): card 1 onto card 3's place.
  await dragCard(page, 0, 2);
  await expect.poll(() => cardIds(page)).toEqual([p1, p4, p2, p3]);
  await expect.poll(() => backendOrder(page)).toEqual([p1, p4, p2, p3]);
  // A plain click on a thumbnail is not a drag.
  await page.getByTestId('photo-card').nth(1).getByTestId('photo-drag').click();
  expect(await backendOrder(page)).toEqual([p1, p4, p2, p3]);

  // Remove, then undo: the photo comes back in its place.
  await page.getByTestId('photo-card').nth(1).getByTestId('photo-remove').click();
  await expect.poll(() => cardIds(page)).toEqual([p1, p2, p3]);
  await expect.poll(() => backendOrder(page)).toEqual([p1, p2, p3]);
  await expect(page.getByTestId('toast')).toContainText(L.removed);
  await shot(page, `${lang}-1-photos-undo`);
  await page.getByTestId('undo').click();
  await expect.poll(() => cardIds(page)).toEqual([p1, p4, p2, p3]);
  await expect.poll(() => backendOrder(page)).toEqual([p1, p4, p2, p3]);

  // Role and caption.
  const first = page.getByTestId('photo-card').nth(0);
  await first.locator('[data-testid="photo-role"][data-role="stock"]').click();
  await expect(first.locator('[data-testid="photo-role"][data-role="stock"]')).toHaveAttribute('aria-pressed', 'true');
  await first.getByTestId('photo-caption').fill('SUS304 환봉 소재');
  await page.getByTestId('photo-card').nth(1).locator('[data-testid="photo-role"][data-role="in_process"]').click();
  await expect
    .poll(async () => (await commands(page, 'set_photo_meta')).at(-1))
    .toMatchObject({ photoId: p4, role: 'in_process' });
  await expect
    .poll(async () =>
      (await commands(page, 'set_photo_meta')).some(
        (a) =>
          (a as { photoId: number; caption: string }).photoId === p1 &&
          (a as { caption: string }).caption === 'SUS304 환봉 소재',
      ),
    )
    .toBe(true);
  await page.evaluate(() => document.getElementById('work-area')!.scrollTo(0, 0));
  await shot(page, `${lang}-1-photos`);

  // Step 2: the job's facts, saved when leaving the step; it is our own product.
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'job');
  for (const [testid, value] of Object.entries(FACTS)) await page.getByTestId(testid).fill(value);
  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  await page.evaluate(() => document.getElementById('work-area')!.scrollTo(0, 0));
  await expect(page.getByTestId('job-save-state')).not.toBeEmpty();
  await shot(page, `${lang}-2-job`);
  await page.getByTestId('next').click();

  // Step 3: the safety check lets our own product through.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'safety');
  await expect(page.getByTestId('guard-status')).toHaveAttribute('data-can-export', 'true');
  await expect(page.getByTestId('safety-photo')).toHaveCount(4);
  await shot(page, `${lang}-3-safety`);
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'platform');
  const saved = (await commands(page, 'update_job')).at(-1) as { fields: Record<string, string> };
  expect(saved.fields).toMatchObject({
    title: FACTS['job-title'],
    material: 'SUS304',
    leadTime: '5일',
    story: FACTS['job-story'],
  });
  await expect(page.getByTestId('current-job')).toContainText(FACTS['job-title']);

  // Step 4: choose Naver → the draft is made → the write step (the coach) → the preview.
  await shot(page, `${lang}-4-platform`);
  await page.getByTestId('platform-naver').click();
  // Step 5: the draft opens in the write step with the coach beside it; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await expect(page.getByTestId('coach-score')).toHaveAttribute('data-score', /^\d+$/);
  await expect(page.getByTestId('block-text').first()).toBeVisible();
  await shot(page, `${lang}-5-write`);
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  expect(await commands(page, 'make_draft')).toEqual([expect.objectContaining({ platform: 'naver' })]);

  // Step 6: the title and the photos in the owner's order.
  await expect(page.getByTestId('post-title')).toHaveValue(FACTS['job-title']);
  await expect(page.getByTestId('preview')).toContainText(FACTS['job-title']);
  const inPost = await page
    .getByTestId('preview-photo')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.photoId)));
  expect(inPost).toEqual([p1, p4, p2, p3]);
  await expect(page.getByTestId('preview-photo').first().locator('img')).toHaveJSProperty('complete', true);
  await expect(page.getByTestId('preview-tag').first()).toContainText('#');
  await shot(page, `${lang}-5-preview`);
  await page.setViewportSize({ width: 1200, height: 3200 });
  await shot(page, `${lang}-5-preview-full`);
  await page.setViewportSize({ width: 1200, height: 820 });

  // Edit a paragraph (a textarea, not contenteditable) and the title; both reach save_post.
  await page.getByTestId('preview-paragraph').first().click();
  const editor = page.getByTestId('preview-paragraph-editor');
  await editor.fill('고친 첫 문단입니다.');
  await page.getByTestId('post-title').fill('문래동 CNC 선반 SUS304 샤프트 가공');
  await expect(page.getByTestId('preview-title')).toHaveText('문래동 CNC 선반 SUS304 샤프트 가공');
  await expect(page.getByTestId('preview-paragraph').first()).toHaveText('고친 첫 문단입니다.');

  // Export: saves first, then shows the folder and the files.
  await page.getByTestId('export').click();
  const result = page.getByTestId('export-result');
  await expect(result).toContainText(L.done);
  await expect(result).toContainText('/home/owner/공방포스트 내보내기/2024-05-14-01');
  await expect(result).toContainText('본문.txt');
  const savedPost = (await commands(page, 'save_post')).at(-1) as {
    post: { title: string; blocks: { text?: string }[] };
  };
  expect(savedPost.post.title).toBe('문래동 CNC 선반 SUS304 샤프트 가공');
  expect(savedPost.post.blocks[0].text).toBe('고친 첫 문단입니다.');
  await expect(page.getByTestId('export-dir')).toHaveText('/home/owner/공방포스트 내보내기');
  await shot(page, `${lang}-5-exported`);
  return { order: [p1, p4, p2, p3] };
}

test('walks the wizard in Korean: drop, reorder, undo, facts, Naver, preview, export; reopen restores it', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await expect(page.getByTestId('step-photos')).toContainText('사진 넣기');
  const { order } = await walk(page, 'ko');

  // Close and reopen: the job, its photos in order, the facts and the draft are all back.
  await page.reload();
  await ready(page);
  await expect(page.locator('body')).toHaveAttribute('data-step', 'photos');
  await expect.poll(() => cardIds(page)).toEqual(order);
  await expect(page.getByTestId('photo-card').nth(0).getByTestId('photo-caption')).toHaveValue('SUS304 환봉 소재');
  await page.getByTestId('step-job').click();
  await expect(page.getByTestId('job-title')).toHaveValue(FACTS['job-title']);
  await expect(page.getByTestId('job-story')).toHaveValue(FACTS['job-story']);
  await page.getByTestId('step-preview').click();
  await expect(page.getByTestId('post-title')).toHaveValue('문래동 CNC 선반 SUS304 샤프트 가공');

  // Choosing the same platform again keeps the edited draft (no second make_draft).
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-naver').click();
  await expect(page.getByTestId('post-title')).toHaveValue('문래동 CNC 선반 SUS304 샤프트 가공');
  expect(await commands(page, 'make_draft')).toHaveLength(0);

  expect(watch.dialogs).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('walks the wizard in English, and the language switch is remembered', async ({ page }) => {
  const watch = await openFresh(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await walk(page, 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('step-photos')).toContainText('Add photos');
  await expect(page.getByTestId('step-photos')).not.toContainText('사진 넣기');
  expect(await commands(page, 'set_lang')).toEqual([{ lang: 'en' }]);

  await page.reload();
  await ready(page);
  await expect(page.getByTestId('step-job')).toContainText('The job');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('step-job')).toContainText('작업 정보');
  await expect(page.getByTestId('next')).toContainText('다음');
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('hostile text in a job title and a file name is shown as text and runs nothing', async ({ page }) => {
  const watch = await openFresh(page);
  const evil = '<img src=x onerror=alert(1)>';
  const evil2 = '<img src=x onerror="window.__pwned=1">';
  await page.getByTestId('pick-photos').click(); // the mock's dialog picks two photos
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await drop(page, [`/tmp/${evil}.jpg`, `/tmp/${evil2}.jpg`]);
  await expect(page.getByTestId('photo-card')).toHaveCount(4);
  await expect(page.getByTestId('photo-card').nth(2)).toContainText(`${evil}.jpg`);
  await expect(page.getByTestId('photo-card').nth(3)).toContainText(`${evil2}.jpg`);
  await expect(page.locator('[data-testid="import-result"]', { hasText: `${evil}.jpg` })).toBeVisible();

  await page.getByTestId('next').click();
  await page.getByTestId('job-title').fill(evil);
  await page.getByTestId('job-story').fill(evil2);
  await expect(page.getByTestId('current-job')).toContainText(evil);
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'safety');
  await page.getByTestId('next').click();
  await page.getByTestId('platform-html').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.getByTestId('preview')).toContainText(evil);
  await expect(page.getByTestId('preview')).toContainText(evil2);
  await expect(page.getByTestId('preview-title')).toHaveText(evil);
  await shot(page, 'hostile-preview');

  // Nothing ran, and no <img src=x> element was created anywhere.
  await page.waitForTimeout(300);
  expect(watch.dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(watch.pageErrors).toEqual([]);
});

test('errors show a calm message in the current language, never a stack trace', async ({ page }) => {
  const watch = await openFresh(page);
  await drop(page, PHOTOS.slice(0, 2));
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await page.getByTestId('step-job').click();
  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-markdown').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');

  await page.evaluate(() =>
    window.__mock.failNext('export_post', {
      code: 'export_dir_not_writable',
      messageKo: '저장 폴더에 쓸 수 없습니다. 다른 폴더를 골라 주세요.',
      messageEn: 'The export folder cannot be written to. Please choose another folder.',
    }),
  );
  await page.getByTestId('export').click();
  const box = page.getByTestId('error');
  await expect(box).toContainText('저장 폴더에 쓸 수 없습니다');
  await expect(page.getByTestId('export-result')).toHaveCount(0);
  await shot(page, 'ko-error');
  await page.getByTestId('lang-toggle').click();
  await expect(box).toContainText('The export folder cannot be written to');
  await shot(page, 'en-error');
  await box.getByRole('button').click();
  await expect(box).toHaveCount(0);

  // A raw failure (not an AppError) becomes a generic message; the raw text stays out of sight.
  await page.getByTestId('step-photos').click();
  await page.evaluate(() =>
    window.__mock.failNext('set_photo_order', 'Error: db locked\n    at order (src/photos.rs:42)'),
  );
  await page.getByTestId('photo-card').nth(0).getByTestId('photo-move-right').click();
  await expect(box).toContainText('Something unexpected went wrong');
  await expect(box).not.toContainText('db locked');
  await expect(box).not.toContainText('photos.rs');
  // The optimistic move was rolled back.
  const ids = await cardIds(page);
  expect(ids).toEqual(await backendOrder(page));

  // The folder link changes where exports go.
  await page.getByTestId('step-preview').click();
  await page.getByTestId('choose-export-dir').click();
  await expect(page.getByTestId('export-dir')).toHaveText('/home/owner/바탕화면/블로그 올릴 것');
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-result')).toContainText('/home/owner/바탕화면/블로그 올릴 것/');
  await expect(page.getByTestId('export-result')).toContainText('post.md');
  expect(watch.pageErrors).toEqual([]);
});

test('everything is reachable by keyboard with a visible focus ring', async ({ page }) => {
  await openFresh(page);
  await drop(page, PHOTOS.slice(0, 3));
  await expect(page.getByTestId('photo-card')).toHaveCount(3);
  const before = await cardIds(page);

  // Tab from the top until the first "later" button has focus, then press Enter.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'photo-move-right');
  }
  expect(reached).toBe(true);
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expect.poll(() => cardIds(page)).toEqual([before[1], before[0], before[2]]);
  // Focus stayed with the moved photo's button, so pressing again keeps moving it.
  await page.keyboard.press('Enter');
  await expect.poll(() => cardIds(page)).toEqual([before[1], before[2], before[0]]);
  await shot(page, 'ko-keyboard-focus');

  // The rail steps and the language switch are buttons in the tab order.
  await page.getByTestId('step-platform').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-step', 'platform');
  await page.getByTestId('platform-naver').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
});

test('Hangul renders from the shipped Pretendard font', async ({ page }) => {
  await openFresh(page);
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replace(/"/g, '') === 'Pretendard')
      .map((f) => ({ weight: f.weight, status: f.status }));
  });
  expect(fonts).toEqual(
    expect.arrayContaining([
      { weight: '400', status: 'loaded' },
      { weight: '700', status: 'loaded' },
    ]),
  );
  expect(await page.evaluate(() => document.fonts.check('18px Pretendard', '공방포스트 사진 넣기'))).toBe(true);
  // This browser has no system fonts (tests/fonts.conf): Hangul set in a missing family falls back to
  // nothing and draws narrow boxes, set in Pretendard it draws real glyphs of a different width.
  const widths = await page.evaluate(() => {
    const c = document.createElement('canvas').getContext('2d')!;
    c.font = '40px Pretendard';
    const real = c.measureText('가나다라마바사').width;
    c.font = '40px NoSuchFont';
    const none = c.measureText('가나다라마바사').width;
    return { real, none };
  });
  expect(widths.real).toBeGreaterThan(200);
  expect(Math.abs(widths.real - widths.none)).toBeGreaterThan(1);
});

test('a new job starts empty, and the job list opens an earlier job with everything in it', async ({ page }) => {
  const watch = await openFresh(page);
  await drop(page, PHOTOS.slice(0, 2));
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill('AL6061 브라켓 시제품');
  await page.getByTestId('step-platform').click(); // leaving the step saves

  await page.getByTestId('new-job').click();
  await expect(page.getByTestId('current-job')).not.toContainText('AL6061');
  await expect(page.locator('body')).toHaveAttribute('data-step', 'photos');
  await expect(page.getByTestId('photo-card')).toHaveCount(0);
  await drop(page, ['/home/owner/사진/05_완성.jpg']);
  await expect(page.getByTestId('photo-card')).toHaveCount(1);

  await page.getByTestId('job-picker').click();
  const items = page.getByTestId('job-item');
  await expect(items).toHaveCount(2);
  await shot(page, 'ko-job-list');
  await items.filter({ hasText: 'AL6061 브라켓 시제품' }).click();
  await expect(page.getByTestId('job-list')).toBeHidden();
  await expect(page.getByTestId('current-job')).toContainText('AL6061 브라켓 시제품');
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await page.getByTestId('step-job').click();
  await expect(page.getByTestId('job-title')).toHaveValue('AL6061 브라켓 시제품');
  expect(watch.pageErrors).toEqual([]);
});
