// 서재 (the library, issue 14) against the mock (tests/mock-library.ts): search by part of a Korean word, the
// filters, archive and delete with undo, the virtualised photo wall (5,000 photos, a few rows in the page), adding
// a photo to another job, the customers (policy change logged, their jobs), and products (create, edit, cover,
// a job linked from the wizard, a product post with its leak-guard notice).
import { expect, type Page, test } from '@playwright/test';
import { commands, cspViolations, openFresh, shot } from './helpers';

interface Seed {
  title: string;
  material?: string;
  process?: string;
  client?: string;
  posted?: boolean;
  year?: number;
  caption?: string;
}
const SEEDS: Seed[] = [
  { title: 'SUS304 샤프트 정밀 가공', material: 'SUS304', process: 'CNC 선반', client: '대한정밀', year: 2024 },
  { title: '알루미늄 브라켓 밀링', material: 'AL6061', process: '밀링', posted: true, year: 2025 },
  { title: '황동 니플 소량 가공', material: '황동 C3604', process: 'CNC 선반', year: 2025, caption: '나사산 검사' },
];

async function seed(page: Page, list: Seed[] = SEEDS): Promise<number[]> {
  return page.evaluate((l) => window.__mockLib.seedJobs(l), list);
}
async function openLibrary(page: Page) {
  await page.getByTestId('nav-library').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'library');
  await expect(page.getByTestId('lib-cards')).toBeVisible();
}
const card = (page: Page, title: string) => page.getByTestId('lib-job').filter({ hasText: title });

test('search narrows the cards by any part of a Korean word; empty jobs never show', async ({ page }) => {
  const watch = await openFresh(page);
  await seed(page);
  await openLibrary(page);
  // The window's own empty job (openFresh made it) is not a card.
  await expect(page.getByTestId('lib-job')).toHaveCount(3);
  await expect(page.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');
  await shot(page, 'library-cards');

  await page.getByTestId('lib-search').fill('프트'); // the middle of 샤프트
  await expect(page.getByTestId('lib-job')).toHaveCount(1);
  await expect(card(page, '샤프트')).toBeVisible();
  // Debounced: one library_page for the whole word, not one per key.
  await page.getByTestId('lib-search').fill('');
  await page.getByTestId('lib-search').pressSequentially('니플', { delay: 20 });
  await expect(page.getByTestId('lib-job')).toHaveCount(1);
  await expect(card(page, '황동 니플')).toBeVisible();
  const texts = (await commands(page, 'library_page')).map((a) => (a as { filter: { text: string } }).filter.text);
  expect(texts.filter((x) => x === '니')).toHaveLength(0);
  // A caption is found too (as a hit beside the cards).
  await page.getByTestId('lib-search').fill('나사산');
  await expect(page.getByTestId('lib-hit').filter({ hasText: '나사산 검사' })).toBeVisible();
  await page.getByTestId('lib-search').fill('없는말');
  await expect(page.getByTestId('lib-empty')).toBeVisible();
  await page.getByTestId('lib-search').fill('');
  await expect(page.getByTestId('lib-job')).toHaveCount(3);
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('filters: customer, material, process, posted, year', async ({ page }) => {
  await openFresh(page);
  await seed(page);
  await openLibrary(page);
  await expect(page.getByTestId('lib-job')).toHaveCount(3);
  await page.getByTestId('lib-filter-material').selectOption('AL6061');
  await expect(page.getByTestId('lib-job')).toHaveCount(1);
  await expect(card(page, '브라켓')).toBeVisible();
  await page.getByTestId('lib-clear').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(3);

  await page.getByTestId('lib-filter-process').selectOption('CNC 선반');
  await expect(page.getByTestId('lib-job')).toHaveCount(2);
  await page.getByTestId('lib-filter-year').selectOption('2025');
  await expect(page.getByTestId('lib-job')).toHaveCount(1);
  await expect(card(page, '니플')).toBeVisible();
  await page.getByTestId('lib-clear').click();

  await page.getByTestId('lib-filter-posted').selectOption('posted');
  await expect(page.getByTestId('lib-job')).toHaveCount(1);
  await expect(card(page, '브라켓')).toHaveAttribute('data-posted', 'true');
  await page.getByTestId('lib-filter-posted').selectOption('unposted');
  await expect(page.getByTestId('lib-job')).toHaveCount(2);
  await page.getByTestId('lib-clear').click();

  const client = page.getByTestId('lib-filter-client');
  await client.selectOption({ label: '대한정밀' });
  await expect(page.getByTestId('lib-job')).toHaveCount(1);
  await expect(card(page, '샤프트')).toBeVisible();
});

test('archive then undo; the archive (보관함) takes a job out again', async ({ page }) => {
  await openFresh(page);
  await seed(page);
  await openLibrary(page);
  await card(page, '샤프트').getByTestId('lib-archive').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(2);
  await page.getByTestId('toast-undo').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(3);
  await expect(card(page, '샤프트')).toBeVisible();

  await card(page, '샤프트').getByTestId('lib-archive').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(2);
  await page.getByTestId('lib-archive-view').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(1);
  await shot(page, 'library-archive');
  await card(page, '샤프트').getByTestId('lib-unarchive').click();
  await expect(page.getByTestId('lib-empty')).toBeVisible();
  await page.getByTestId('lib-archive-view').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(3);
  expect(await commands(page, 'unarchive_job')).toHaveLength(2);
});

test('delete then undo, for a job and for a product', async ({ page }) => {
  await openFresh(page);
  const [shaft] = await seed(page);
  await openLibrary(page);
  await card(page, '샤프트').getByTestId('lib-remove').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(2);
  expect(await page.evaluate((id) => window.__mock.state().jobs.some((j) => j.id === id), shaft)).toBe(false);
  await page.getByTestId('toast-undo').click();
  await expect(page.getByTestId('lib-job')).toHaveCount(3);
  expect(await page.evaluate((id) => window.__mock.state().jobs.some((j) => j.id === id), shaft)).toBe(true);

  // A product, with a job linked: deleting it clears the link, undo restores it.
  await page.getByTestId('lib-new-product').click();
  await page.getByTestId('product-name').fill('유압 실린더 로드');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-screen')).toContainText('유압 실린더 로드');
  await page.getByTestId('product-back').click();
  await expect(page.getByTestId('lib-product')).toHaveCount(1);
  await page.getByTestId('lib-product').getByTestId('lib-remove').click();
  await expect(page.getByTestId('lib-product')).toHaveCount(0);
  await page.getByTestId('toast-undo').click();
  await expect(page.getByTestId('lib-product')).toHaveCount(1);
  expect(await commands(page, 'undo_removal')).toHaveLength(2);
});

test('the photo wall: 5,000 photos, only the rows in view in the page, later photos on scrolling', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => window.__mockLib.seedPhotos(5000, '사진 많은 작업'));
  await openLibrary(page);
  await page.getByTestId('lib-tab-photos').click();
  await expect(page.getByTestId('wall-total')).toHaveAttribute('data-total', '5000');
  await expect(page.getByTestId('wall-cell').first()).toBeVisible();
  const first = await page.getByTestId('wall-cell').count();
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(200);
  await shot(page, 'library-wall');

  // To the end: the oldest photos are there, still only a few rows in the page.
  const wall = page.getByTestId('wall');
  await wall.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(page.locator('[data-testid="wall-cell"][data-index="4999"]')).toBeVisible();
  expect(await page.getByTestId('wall-cell').count()).toBeLessThan(200);
  await expect(page.locator('[data-testid="wall-cell"][data-index="0"]')).toHaveCount(0);
  // The middle, then back to the top.
  await wall.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  await expect(page.locator('[data-testid="wall-cell"][data-index="2500"]')).toHaveCount(1);
  await wall.evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(page.locator('[data-testid="wall-cell"][data-index="0"]')).toBeVisible();
  // Pages were asked as they came into view, never the whole library at once.
  const asked = (await commands(page, 'library_photos')) as { limit: number }[];
  expect(asked.every((a) => a.limit <= 200)).toBe(true);
  expect(asked.length).toBeLessThan(20);
});

test('a photo from the wall goes into another job (이 작업에 추가)', async ({ page }) => {
  await openFresh(page);
  const [shaft, bracket] = await seed(page);
  await openLibrary(page);
  await page.getByTestId('lib-tab-photos').click();
  const shaftPhoto = await page.evaluate(
    (id) => window.__mock.state().jobs.find((j) => j.id === id)!.photoIds[0],
    shaft,
  );
  await page.locator(`[data-testid="wall-cell"][data-photo-id="${shaftPhoto}"]`).click();
  await expect(page.getByTestId('wall-panel')).toBeVisible();
  await page.getByTestId('wall-add-job').selectOption(String(bracket));
  await page.getByTestId('wall-add').click();
  await expect(page.getByTestId('toast')).toContainText('알루미늄 브라켓 밀링');
  const photoIds = await page.evaluate((id) => window.__mock.state().jobs.find((j) => j.id === id)!.photoIds, bracket);
  expect(photoIds).toContain(shaftPhoto);
  expect(await commands(page, 'add_photo_to_job')).toEqual([{ photoId: shaftPhoto, jobId: bracket }]);

  // Into the job open in the wizard: going back shows it there.
  await page.locator(`[data-testid="wall-cell"][data-photo-id="${shaftPhoto}"]`).click();
  await expect(page.getByTestId('wall-add-job')).toHaveValue(
    String(await page.evaluate(() => window.__mock.state().currentJob)),
  );
  await page.getByTestId('wall-add').click();
  await page.getByTestId('nav-wizard').click();
  await expect(page.getByTestId('photo-card')).toHaveCount(1);
  await expect(page.getByTestId('photo-card')).toHaveAttribute('data-photo-id', String(shaftPhoto));
});

test('customers: change the policy, aliases and note; the change is logged; the jobs are listed', async ({ page }) => {
  await openFresh(page);
  await seed(page);
  await openLibrary(page);
  await page.getByTestId('lib-tab-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await page.getByTestId('customer-row').click();
  await expect(page.getByTestId('customer-name')).toHaveValue('대한정밀');
  await expect(page.getByTestId('customer-policy-ask')).toBeChecked();
  await expect(page.getByTestId('customer-jobs').getByTestId('lib-job')).toHaveCount(1);

  // An emptied name is refused in plain words and nothing is saved; typing it again clears the message.
  const saves = (await commands(page, 'save_client')).length;
  await page.getByTestId('customer-name').fill('  ');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-form').getByRole('alert')).toContainText('이름');
  expect(await commands(page, 'save_client')).toHaveLength(saves);
  await page.getByTestId('customer-name').fill('대한정밀');
  await expect(page.getByTestId('customer-form').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('customer-jobs')).toContainText('SUS304 샤프트');

  await page.getByTestId('customer-policy-never').check();
  await page.getByTestId('customer-aliases').fill('대한, DH정밀');
  await page.getByTestId('customer-note').fill('담당 김 과장');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-row')).toHaveAttribute('data-policy', 'never');
  const c = await page.evaluate(() => window.__mock.state().clients[0]);
  expect(c.policy).toBe('never');
  expect(c.aliases).toEqual(['대한', 'DH정밀']);
  expect(c.note).toBe('담당 김 과장');
  await expect(page.getByTestId('customer-change').filter({ hasText: 'never' })).toHaveCount(1);
  await shot(page, 'library-customers');

  // A job opens from the customer's list, in the wizard.
  await page.getByTestId('customer-jobs').getByTestId('lib-open').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'wizard');
  await expect(page.getByTestId('current-job')).toContainText('SUS304 샤프트');
});

test('products: create, edit with a cover, a job linked in the wizard, a product post with its notice', async ({
  page,
}) => {
  await openFresh(page);
  const [shaft] = await seed(page);
  await openLibrary(page);
  await page.getByTestId('lib-new-product').click();
  await expect(page.getByTestId('product-screen')).toBeVisible();
  await page.getByTestId('product-save').click(); // no name: told, nothing saved
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByTestId('product-name').fill('정밀 샤프트');
  await page.getByTestId('product-kind').fill('부품 계열');
  await page.getByTestId('product-material').fill('SUS304');
  await page.getByTestId('product-process').fill('CNC 선반');
  await page.getByTestId('product-description').fill('모터용 샤프트');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-new-post')).toBeVisible();
  const products = await page.evaluate(() => window.__mockLib.state().products);
  expect(products).toHaveLength(1);
  expect(products[0]).toMatchObject({ name: '정밀 샤프트', kind: '부품 계열', material: 'SUS304' });
  const pid = products[0].id;

  // Link the shaft job to it from the wizard's job step.
  await page.getByTestId('product-back').click();
  await card(page, '샤프트').getByTestId('lib-open').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'wizard');
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-product').selectOption(String(pid));
  await expect.poll(() => commands(page, 'set_job_product')).toEqual([{ jobId: shaft, productId: pid }]);

  // The product page: its job, its photos; choose the cover.
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('lib-product')).toContainText('작업 1개');
  await page.getByTestId('lib-product').getByTestId('lib-open').click();
  await expect(page.getByTestId('product-jobs').getByTestId('lib-job')).toHaveCount(1);
  await page.getByTestId('product-cover').first().click();
  await expect(page.getByTestId('product-cover').first()).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('product-name').fill('정밀 샤프트 (모터용)');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-screen').locator('h1')).toHaveText('정밀 샤프트 (모터용)');
  const saved = await page.evaluate(() => window.__mockLib.state().products[0]);
  expect(saved.coverPhotoId).not.toBeNull();
  await shot(page, 'library-product');

  // A new post about the product: a job of its own in the wizard; its approval belongs to the shaft job.
  await page.getByTestId('product-new-post').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'wizard');
  await expect(page.getByTestId('current-job')).toContainText('정밀 샤프트 (모터용)');
  await page.getByTestId('step-safety').click();
  await expect(page.getByTestId('product-post-notice')).toContainText(
    '이 글은 제품 글입니다: 고객 승인은 해당 작업에서 받으세요',
  );
  await expect(page.getByTestId('approval-by')).toHaveCount(0);
  await shot(page, 'library-product-post-guard');
  await page.getByTestId('product-go-source').click();
  await expect(page.getByTestId('current-job')).toContainText('SUS304 샤프트');
  await expect(page.locator('body')).toHaveAttribute('data-step', 'safety');
  await expect(page.getByTestId('approval-by')).toBeVisible();
});

test('English: the library speaks English; the first screen is marked for the benchmark', async ({ page }) => {
  await openFresh(page);
  expect(await page.evaluate(() => performance.getEntriesByName('gb:first-screen').length)).toBe(1);
  await seed(page);
  await page.getByTestId('lang-toggle').click();
  await openLibrary(page);
  await expect(page.getByTestId('nav-library')).toHaveText('Library');
  await expect(page.getByTestId('lib-tab-photos')).toHaveText('All photos');
  await card(page, '샤프트').getByTestId('lib-archive').click();
  await expect(page.getByTestId('toast')).toContainText('moved to the archive');
});
