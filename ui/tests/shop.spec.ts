// The shop profile (first run in three screens, later editable), the calendar with the weekly goal and the
// streak, the post history (open the folder, mark as published) and the start reminder, against the mock.
//
// The mock's fresh state counts the profile as saved, so no other spec meets the first run. To see it:
// `openFresh(page)`, then `window.__mockShop.firstRun()` and a reload (see tests/mock-shop.ts for the hooks).
import { expect, type Page, test } from '@playwright/test';
import { drop, openFresh, shot } from './helpers';

const PHOTOS = ['/home/owner/사진/IMG_3001.jpg', '/home/owner/사진/IMG_3002.jpg'];

async function startFirstRun(page: Page) {
  const watch = await openFresh(page);
  await page.evaluate(() => window.__mockShop.firstRun());
  await page.reload();
  await expect(page.getByTestId('firstrun')).toHaveAttribute('data-screen', '1');
  await page.evaluate(() => document.fonts.ready);
  return watch;
}
const savedProfile = (page: Page) => page.evaluate(() => window.__mockShop.state().profile);

/** Make a Naver post for a job with photos and export it through the wizard; returns the post id. */
async function exportOne(page: Page, title: string, photos = PHOTOS): Promise<number> {
  await drop(page, photos);
  await expect(page.getByTestId('photo-card')).toHaveCount(photos.length);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill(title);
  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-naver').click();
  await expect(page.locator('body')).not.toHaveAttribute('data-step', 'platform');
  await page.getByTestId('step-preview').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  return page.evaluate((t) => {
    const s = window.__mock.state();
    const job = s.jobs.find((j) => j.title === t)!;
    return s.posts.find((p) => p.jobId === job.id)!.id;
  }, title);
}
const today = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });

test('first run: three screens, every field saved, equipment chips toggle, then the wizard', async ({ page }) => {
  const watch = await startFirstRun(page);
  // Nothing of the wizard behind it yet.
  await expect(page.getByTestId('next')).toHaveCount(0);
  await expect(page.getByTestId('profile-name')).toBeFocused();
  await shot(page, 'firstrun-1');

  await page.getByTestId('profile-name').fill('대성정밀');
  await page.getByTestId('profile-owner').fill('김대성');
  await page.getByTestId('profile-phone').fill('010-1234-5678');
  await page.getByTestId('profile-email').fill('daesung@naver.com');
  await page.getByTestId('firstrun-next').click();

  await expect(page.getByTestId('firstrun')).toHaveAttribute('data-screen', '2');
  await page.getByTestId('profile-address').fill('서울 영등포구 문래로 12');
  await page.getByTestId('profile-regions').fill('문래동, 영등포구');
  await expect(page.getByTestId('region-chip')).toHaveText(['문래동', '영등포구']);
  await page.getByTestId('profile-website').fill('https://blog.naver.com/daesung');
  await page.getByTestId('profile-kakao').fill('http://pf.kakao.com/_daesung');
  // Back keeps what was typed.
  await page.getByTestId('firstrun-back').click();
  await expect(page.getByTestId('firstrun')).toHaveAttribute('data-screen', '1');
  await expect(page.getByTestId('profile-owner')).toHaveValue('김대성');
  await page.getByTestId('firstrun-next').click();
  await expect(page.getByTestId('profile-regions')).toHaveValue('문래동, 영등포구');
  await page.getByTestId('firstrun-next').click();

  await expect(page.getByTestId('firstrun')).toHaveAttribute('data-screen', '3');
  const chips = page.getByTestId('profile-equipment');
  await expect(chips).toHaveCount(9);
  const lathe = page.locator('[data-testid=profile-equipment][data-value="CNC 선반"]');
  const mct = page.locator('[data-testid=profile-equipment][data-value="MCT"]');
  const wire = page.locator('[data-testid=profile-equipment][data-value="와이어컷"]');
  await expect(lathe).toHaveAttribute('aria-pressed', 'false');
  await lathe.click();
  await expect(lathe).toHaveAttribute('aria-pressed', 'true');
  await wire.click();
  await wire.click();
  await expect(wire).toHaveAttribute('aria-pressed', 'false');
  await mct.click();
  await page.getByTestId('profile-equipment-own').fill('5축 MCT');
  await page.locator('[data-testid=profile-material-chip][data-value="SUS304"]').click();
  await expect(page.getByTestId('profile-materials')).toHaveValue('SUS304');
  await page.getByTestId('profile-materials').fill('SUS304, AL6061');
  await expect(page.locator('[data-testid=profile-material-chip][data-value="AL6061"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByTestId('profile-tolerance').fill('±0.01');
  await page.getByTestId('profile-sizes').fill('Ø5–Ø300');
  await page.getByTestId('profile-lots').fill('1개부터');
  await page.getByTestId('profile-logo-pick').click();
  await expect(page.getByTestId('profile-logo')).toBeVisible();
  await shot(page, 'firstrun-3');
  await page.getByTestId('firstrun-next').click();

  await expect(page.getByTestId('firstrun')).toHaveCount(0);
  await expect(page.getByTestId('next')).toBeEnabled();
  const p = await savedProfile(page);
  expect(p).toMatchObject({
    name: '대성정밀',
    owner: '김대성',
    phone: '010-1234-5678',
    email: 'daesung@naver.com',
    address: '서울 영등포구 문래로 12',
    regionKeywords: ['문래동', '영등포구'],
    website: 'https://blog.naver.com/daesung',
    kakao: 'http://pf.kakao.com/_daesung',
    equipment: ['CNC 선반', 'MCT', '5축 MCT'],
    materials: ['SUS304', 'AL6061'],
    tolerance: '±0.01',
    sizes: 'Ø5–Ø300',
    lotSizes: '1개부터',
    saved: true,
  });
  expect(p.logoDataUrl).toMatch(/^data:image\/png;base64,/);

  await page.reload();
  await expect(page.getByTestId('next')).toBeEnabled();
  await expect(page.getByTestId('firstrun')).toHaveCount(0);
  expect(watch.pageErrors).toEqual([]);
});

test('first run: "나중에 할게요" saves what is there and never shows again', async ({ page }) => {
  const watch = await startFirstRun(page);
  await page.getByTestId('profile-name').fill('문래정밀');
  await page.getByTestId('firstrun-next').click();
  await page.getByTestId('profile-regions').fill('문래동');
  await page.getByTestId('firstrun-skip').click();
  await expect(page.getByTestId('firstrun')).toHaveCount(0);
  await expect(page.getByTestId('next')).toBeEnabled();
  expect(await savedProfile(page)).toMatchObject({
    name: '문래정밀',
    regionKeywords: ['문래동'],
    owner: '',
    saved: true,
  });
  expect((await page.evaluate(() => window.__mock.calls())).filter((c) => c.cmd === 'save_shop_profile')).toHaveLength(
    1,
  );

  await page.reload();
  await expect(page.getByTestId('next')).toBeEnabled();
  await expect(page.getByTestId('firstrun')).toHaveCount(0);
  expect(watch.pageErrors).toEqual([]);
});

test('first run by keyboard only', async ({ page }) => {
  await startFirstRun(page);
  const kb = page.keyboard;
  await expect(page.getByTestId('profile-name')).toBeFocused();
  await kb.type('키보드정밀');
  await kb.press('Tab');
  await expect(page.getByTestId('profile-owner')).toBeFocused();
  await kb.type('박키보');
  await kb.press('Tab');
  await kb.type('02-123-4567');
  await kb.press('Tab');
  await expect(page.getByTestId('profile-email')).toBeFocused();
  await kb.press('Enter'); // Enter in a field goes on
  await expect(page.getByTestId('firstrun')).toHaveAttribute('data-screen', '2');
  await expect(page.getByTestId('profile-address')).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByTestId('profile-regions')).toBeFocused();
  await kb.type('문래동, 양평동');
  await kb.press('Enter');
  await expect(page.getByTestId('firstrun')).toHaveAttribute('data-screen', '3');
  // The first machine chip has the focus: Space toggles it, Tab goes to the next.
  const first = page.getByTestId('profile-equipment').first();
  await expect(first).toBeFocused();
  await kb.press('Space');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(page.getByTestId('profile-equipment').nth(1)).toHaveAttribute('aria-pressed', 'true');
  // Tab on to the tolerance field, then Tab to the primary button and press it.
  for (let i = 0; i < 40; i++) {
    if (await page.getByTestId('profile-tolerance').evaluate((el) => el === document.activeElement)) break;
    await kb.press('Tab');
  }
  await expect(page.getByTestId('profile-tolerance')).toBeFocused();
  await kb.type('±0.005');
  for (let i = 0; i < 12; i++) {
    if (await page.getByTestId('firstrun-next').evaluate((el) => el === document.activeElement)) break;
    await kb.press('Tab');
  }
  await expect(page.getByTestId('firstrun-next')).toBeFocused();
  await kb.press('Enter');
  await expect(page.getByTestId('firstrun')).toHaveCount(0);
  expect(await savedProfile(page)).toMatchObject({
    name: '키보드정밀',
    owner: '박키보',
    phone: '02-123-4567',
    regionKeywords: ['문래동', '양평동'],
    equipment: ['CNC 선반', 'MCT'],
    tolerance: '±0.005',
    saved: true,
  });
  // The screens in the header are reachable by keyboard too.
  await page.getByTestId('nav-calendar').focus();
  await kb.press('Enter');
  await expect(page.getByTestId('nav-calendar')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('calendar')).toBeVisible();
});

test('the profile stays editable later; unsaved edits are saved on leaving the screen', async ({ page }) => {
  const watch = await openFresh(page);
  await page.getByTestId('nav-profile').click();
  await expect(page.getByTestId('nav-profile')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('nav-wizard')).not.toHaveAttribute('aria-current', 'page');
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'profile');
  await page.getByTestId('profile-name').fill('영등포정밀');
  await page.getByTestId('profile-phone').fill('010-9999-0000');
  const grinder = page.locator('[data-testid=profile-equipment][data-value="평면 연삭"]');
  await grinder.click();
  await expect(grinder).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('profile-unsaved')).toBeVisible();
  await shot(page, 'profile');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('toast')).toContainText('저장했습니다');
  await expect(page.getByTestId('profile-unsaved')).toHaveCount(0);
  expect(await savedProfile(page)).toMatchObject({
    name: '영등포정밀',
    phone: '010-9999-0000',
    equipment: ['평면 연삭'],
  });

  // Unsaved edits go with the owner to the next screen.
  await page.getByTestId('profile-lots').fill('100개까지');
  await page.getByTestId('nav-wizard').click();
  await expect(page.getByTestId('next')).toBeEnabled();
  await expect.poll(async () => (await savedProfile(page)).lotSizes).toBe('100개까지');

  // Back again: the saved values are there (and the chip still pressed) after a reload.
  await page.reload();
  await page.getByTestId('nav-profile').click();
  await expect(page.getByTestId('profile-name')).toHaveValue('영등포정밀');
  await expect(grinder).toHaveAttribute('aria-pressed', 'true');
  await grinder.click();
  await expect(grinder).toHaveAttribute('aria-pressed', 'false');

  // Settings: the language switch.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-lang-ko')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('settings-lang-en').click();
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  await shot(page, 'settings-en');
  await page.getByTestId('settings-lang-ko').click();
  await expect(page.getByTestId('nav-settings')).toHaveText('설정');
  expect(await savedProfile(page)).toMatchObject({ equipment: [] });
  expect(watch.pageErrors).toEqual([]);
});

test('the logo mark: off by default, corner, size and strength with a live preview, saved with the profile', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await page.getByTestId('nav-profile').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'profile');
  // No logo: nothing to set.
  await expect(page.getByTestId('watermark')).toHaveCount(0);
  await page.getByTestId('profile-logo-pick').click();
  await expect(page.getByTestId('profile-logo')).toBeVisible();
  await expect(page.getByTestId('watermark-on')).not.toBeChecked();
  await expect(page.getByTestId('watermark-preview')).toHaveCount(0);

  await page.getByTestId('watermark-on').check();
  const preview = page.getByTestId('watermark-preview-logo');
  await expect(preview).toBeVisible();
  const corner = (c: string) => page.locator(`[data-testid=watermark-corner][data-value=${c}]`);
  await expect(corner('bottomRight')).toHaveAttribute('aria-pressed', 'true');
  await corner('topLeft').click();
  await expect(corner('topLeft')).toHaveAttribute('aria-pressed', 'true');
  await expect(corner('bottomRight')).toHaveAttribute('aria-pressed', 'false');
  // The preview follows: the logo sits at the top left of the stand-in photo.
  const box = async () => {
    const frame = (await page.getByTestId('watermark-preview').boundingBox())!;
    const logo = (await preview.boundingBox())!;
    return { dx: logo.x - frame.x, dy: logo.y - frame.y, w: logo.width, h: logo.height, fw: frame.width };
  };
  const topLeft = await box();
  expect(topLeft.dx).toBeLessThan(10);
  expect(topLeft.dy).toBeLessThan(10);
  await page.locator('[data-testid=watermark-size][data-value="22"]').click();
  const large = await box();
  expect(Math.max(large.w, large.h)).toBeGreaterThan(Math.max(topLeft.w, topLeft.h));
  await page.getByTestId('watermark-opacity').fill('50');
  await expect(page.getByTestId('watermark-opacity-value')).toHaveText('50%');
  await expect(preview).toHaveCSS('opacity', '0.5');
  await expect(page.getByTestId('profile-unsaved')).toBeVisible();
  await shot(page, 'profile-watermark');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('toast')).toContainText('저장했습니다');
  expect((await savedProfile(page)).watermark).toEqual({
    on: true,
    corner: 'topLeft',
    sizePercent: 22,
    opacityPercent: 50,
  });

  // After a reload the controls show what was saved.
  await page.reload();
  await page.getByTestId('nav-profile').click();
  await expect(page.getByTestId('watermark-on')).toBeChecked();
  await expect(corner('topLeft')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-testid=watermark-size][data-value="22"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('watermark-opacity')).toHaveValue('50');
  // Turned off again: saved as off, the choices kept for next time.
  await page.getByTestId('watermark-on').uncheck();
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('toast')).toContainText('저장했습니다');
  expect((await savedProfile(page)).watermark).toMatchObject({ on: false, corner: 'topLeft' });
  expect(watch.pageErrors).toEqual([]);
});

test('calendar: an export marks today; history opens the folder and marks it published', async ({ page }) => {
  const watch = await openFresh(page);
  const postId = await exportOne(page, '문래동 SUS304 샤프트');
  const day = await today(page);

  await page.getByTestId('nav-calendar').click();
  const cell = page.locator(`[data-testid=calendar-day][data-date="${day}"]`);
  await expect(cell).toHaveAttribute('data-count', '1');
  await expect(page.locator('[data-testid=calendar-day][data-count="0"]').first()).toBeVisible();
  await expect(page.getByTestId('this-week')).toHaveAttribute('data-count', '1');

  const item = page.locator(`[data-testid=history-item][data-post-id="${postId}"]`);
  await expect(item).toHaveAttribute('data-status', 'exported');
  await expect(item).toContainText('문래동 SUS304 샤프트');
  await expect(item).toContainText('네이버 블로그');
  await item.getByTestId('open-folder').click();
  await expect(page.getByTestId('toast')).toContainText('폴더를 열었습니다');
  const opened = (await page.evaluate(() => window.__mock.calls())).filter((c) => c.cmd === 'open_export_folder');
  expect(opened.map((c) => c.args)).toEqual([{ postId }]);

  await item.getByTestId('mark-published').click();
  await expect(item.getByTestId('published-url')).toBeFocused();
  await page.keyboard.type('https://blog.naver.com/daesung/223456');
  await page.keyboard.press('Enter');
  await expect(item).toHaveAttribute('data-status', 'published');
  await expect(item.getByTestId('history-url')).toContainText('https://blog.naver.com/daesung/223456');
  await expect(item.getByTestId('mark-published')).toHaveCount(0);
  await expect(cell).toHaveAttribute('data-count', '2'); // the export and the publication
  await expect(page.getByTestId('this-week')).toHaveAttribute('data-count', '1'); // still one post this week

  // A folder that is gone: the button is disabled and says why.
  await page.evaluate((id) => window.__mockShop.removeFolder(id), postId);
  await page.getByTestId('nav-wizard').click();
  await page.getByTestId('nav-calendar').click();
  await expect(item.getByTestId('open-folder')).toBeDisabled();
  await expect(item.getByTestId('folder-note')).toContainText('폴더가 없습니다');

  // Month navigation.
  const month = await page.getByTestId('calendar').getAttribute('data-month');
  await page.getByTestId('calendar-prev').click();
  await expect(page.getByTestId('calendar')).not.toHaveAttribute('data-month', month!);
  await expect(page.locator(`[data-testid=calendar-day][data-date="${day}"]`)).toHaveCount(0);
  await page.getByTestId('calendar-next').click();
  await expect(page.getByTestId('calendar')).toHaveAttribute('data-month', month!);
  await expect(cell).toHaveAttribute('data-count', '2');
  // Scroll the work area (only it scrolls) so the month is in the picture.
  await page.locator('#work-area').evaluate((m) => {
    const c = m.querySelector('[data-testid=calendar]')!;
    m.scrollTop += c.getBoundingClientRect().top - m.getBoundingClientRect().top - 12;
  });
  await shot(page, 'calendar');
  expect(watch.pageErrors).toEqual([]);
});

test('weekly goal, this week and the streak from seeded weeks', async ({ page }) => {
  const watch = await openFresh(page);
  // This week 1, last week 2, two weeks ago 1, three weeks ago none, four weeks ago 3.
  await page.evaluate(() => window.__mockShop.seedWeeks([1, 2, 1, 0, 3]));
  await page.getByTestId('nav-calendar').click();
  await expect(page.getByTestId('this-week')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('streak')).toHaveAttribute('data-weeks', '0'); // no goal yet

  await page.getByTestId('goal-input').fill('1');
  await page.getByTestId('goal-save').click();
  await expect(page.getByTestId('toast')).toContainText('한 주에 1개');
  await expect(page.getByTestId('streak')).toHaveAttribute('data-weeks', '3');
  await expect(page.getByTestId('this-week')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('week-bar')).toHaveCount(8);
  const bars = await page
    .getByTestId('week-bar')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.count));
  expect(bars).toEqual(['0', '0', '0', '3', '0', '1', '2', '1']);

  // A goal of 2: this week is short (1 of 2), so the streak counts from last week: 1.
  await page.getByTestId('goal-input').fill('2');
  await page.getByTestId('goal-input').press('Enter');
  await expect(page.getByTestId('streak')).toHaveAttribute('data-weeks', '1');
  await expect(page.getByTestId('this-week')).toContainText('1 / 2');
  expect(await page.evaluate(() => window.__mockShop.state().goal)).toBe(2);

  // Out of range: a plain note, nothing saved.
  await page.getByTestId('goal-input').fill('20');
  await page.getByTestId('goal-save').click();
  await expect(page.locator('#goal-help')).toContainText('0에서 14 사이');
  expect(await page.evaluate(() => window.__mockShop.state().goal)).toBe(2);

  // Behind on the goal: the gentle reminder on the next start.
  await page.reload();
  await expect(page.getByTestId('reminder')).toHaveAttribute('data-behind', 'true');
  await expect(page.getByTestId('reminder')).toContainText('2개 중 1개');
  await page.getByTestId('reminder-dismiss').click();
  await expect(page.getByTestId('reminder')).toHaveCount(0);
  expect(watch.pageErrors).toEqual([]);
});

test('the reminder lists a job with photos but no post; clicking it opens the job', async ({ page }) => {
  const watch = await openFresh(page);
  await expect(page.getByTestId('reminder')).toHaveCount(0); // nothing to remind of yet
  await drop(page, PHOTOS);
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill('황동 니플 200개');
  await page.getByTestId('step-photos').click();
  const firstJob = await page.evaluate(() => window.__mock.state().currentJob);
  await page.getByTestId('new-job').click();
  await expect(page.getByTestId('current-job')).toContainText('(제목 없음)');

  await page.reload();
  const reminder = page.getByTestId('reminder');
  await expect(reminder).toHaveAttribute('data-behind', 'false');
  await expect(reminder).toContainText('이 작업은 아직 글이 없어요');
  const jobBtn = reminder.getByTestId('reminder-job');
  await expect(jobBtn).toHaveCount(1);
  await expect(jobBtn).toContainText('황동 니플 200개');
  await expect(jobBtn).toContainText('사진 2장');
  await expect(jobBtn.locator('img')).toBeVisible();
  await shot(page, 'reminder');
  await jobBtn.click();
  await expect(page.getByTestId('current-job')).toContainText('황동 니플 200개');
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await expect(reminder).toHaveCount(0);
  expect(await page.evaluate(() => window.__mock.state().currentJob)).toBe(firstJob);
  expect(watch.pageErrors).toEqual([]);
});

test('picking a job from the list while on a side screen goes back to the wizard', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('nav-calendar').click();
  await expect(page.getByTestId('calendar')).toBeVisible();
  await page.getByTestId('new-job').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'wizard');
  await expect(page.getByTestId('nav-wizard')).toHaveAttribute('aria-current', 'page');
});
