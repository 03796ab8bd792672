// The leak guard in the window (design §5), against the mocked backend: whose part it is and the customer's
// policy, a "never" customer stopping the wizard, an "ask" customer's approval recorded and logged, black boxes
// drawn with the mouse and with the keyboard (checked on what the backend stored), the text scan with its
// one-click replace and the confirmation before export, and hostile text everywhere the guard shows it.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { commands, cspViolations, drop, openFresh, ready, shot } from './helpers';

const PHOTOS = ['/home/owner/사진/01_소재.jpg', '/home/owner/사진/02_황삭.jpg', '/home/owner/사진/03_clean.jpg'];
const EVIL = '<img src=x onerror=alert(1)>';

interface ClientSpec {
  name: string;
  aliases?: string;
  policy: 'public' | 'ask' | 'never';
  note?: string;
}

/** In the job step: choose "customer's job" and add a customer through the form (it becomes the job's). */
async function addClient(page: Page, c: ClientSpec) {
  if (!(await page.getByTestId('owner-client').isChecked())) await page.getByTestId('owner-client').check();
  await page.getByTestId('client-add').click();
  await page.getByTestId('client-name').fill(c.name);
  if (c.aliases) await page.getByTestId('client-aliases').fill(c.aliases);
  await page.getByTestId(`client-policy-${c.policy}`).check();
  if (c.note) await page.getByTestId('client-note').fill(c.note);
  await page.getByTestId('client-save').click();
  await expect(page.getByTestId('client-name')).toHaveCount(0);
}

async function withPhotos(page: Page, paths = PHOTOS) {
  await drop(page, paths);
  await expect(page.getByTestId('photo-card')).toHaveCount(paths.length);
}

async function ownProduct(page: Page) {
  await page.getByTestId('step-job').click();
  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
}

const storedBoxes = (page: Page, photoId: number) =>
  page.evaluate((id) => window.__mock.state().library.find((p) => p.id === id)?.redactions ?? [], photoId);
const currentJob = (page: Page) =>
  page.evaluate(() => {
    const s = window.__mock.state();
    return s.jobs.find((j) => j.id === s.currentJob)!;
  });

test('whose part: a new customer with aliases and a policy, switching customers, then our own product', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill('SUS304 샤프트');
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'unset');

  await page.getByTestId('owner-client').check();
  await addClient(page, { name: '대한정밀', aliases: '대한, DH정밀 ,', policy: 'ask', note: '담당 김 과장' });
  expect((await commands(page, 'save_client')).at(-1)).toEqual({
    client: { id: null, name: '대한정밀', aliases: ['대한', 'DH정밀'], policy: 'ask', note: '담당 김 과장' },
  });
  const first = (await currentJob(page)).clientId!;
  expect(await currentJob(page)).toMatchObject({ ownerKind: 'client', clientId: first });
  expect((await commands(page, 'set_job_owner')).at(-1)).toEqual({
    jobId: expect.any(Number),
    ownerKind: 'client',
    clientId: first,
  });
  await expect(page.getByTestId('client-select')).toHaveValue(String(first));
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'ask');
  await expect(page.getByTestId('effective-policy')).toContainText('허락 받고');
  await expect(page.getByTestId('effective-policy')).toContainText('대한정밀');

  // A second customer, public; then back to the first through the list.
  await addClient(page, { name: '한빛기계', policy: 'public' });
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  await expect(page.getByTestId('client-select').locator('option')).toHaveCount(3); // "choose" + two
  await shot(page, 'ko-guard-owner');
  await page.getByTestId('client-select').selectOption(String(first));
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'ask');
  expect(await currentJob(page)).toMatchObject({ ownerKind: 'client', clientId: first });

  // A name is required (said in plain words, nothing sent).
  const saves = (await commands(page, 'save_client')).length;
  await page.getByTestId('client-add').click();
  await page.getByTestId('client-save').click();
  await expect(page.getByRole('alert').filter({ hasText: '회사 이름을 적어 주세요.' })).toBeVisible();
  expect(await commands(page, 'save_client')).toHaveLength(saves);

  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  expect(await currentJob(page)).toMatchObject({ ownerKind: 'own', clientId: null });

  // It stays after reopening.
  await page.reload();
  await page.getByTestId('step-job').click();
  await expect(page.getByTestId('owner-own')).toBeChecked();
  expect(watch.pageErrors).toEqual([]);
});

test('a "never" customer stops at the safety check: next disabled, export refused with a way back', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 2));
  await page.getByTestId('step-job').click();
  await addClient(page, { name: '국방부품', policy: 'never' });
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'never');
  await page.getByTestId('next').click();

  await expect(page.locator('body')).toHaveAttribute('data-step', 'safety');
  const status = page.getByTestId('guard-status');
  await expect(status).toHaveAttribute('data-policy', 'never');
  await expect(status).toHaveAttribute('data-can-export', 'false');
  await expect(status).toContainText('이 고객사의 작업은 내보낼 수 없습니다');
  await expect(page.getByTestId('next')).toBeDisabled();
  await expect(page.getByTestId('redact-canvas')).toHaveCount(0);
  await shot(page, 'ko-guard-never');
  await page.getByTestId('next').click({ force: true });
  await expect(page.locator('body')).toHaveAttribute('data-step', 'safety');

  // Going round by the rail does not help either: the steps after the check are closed.
  await expect(page.getByTestId('step-platform')).toBeDisabled();
  await expect(page.getByTestId('step-preview')).toBeDisabled();
  await page.getByTestId('step-preview').click({ force: true });
  await expect(page.locator('body')).toHaveAttribute('data-step', 'safety');
  expect(watch.pageErrors).toEqual([]);
});

test('"ask": export is refused until the approval is recorded; it is shown and logged; owner unset counts as ask', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 1));

  // Not chosen yet: the safety check sends the owner back to the job step.
  await page.getByTestId('step-safety').click();
  const status = page.getByTestId('guard-status');
  await expect(status).toHaveAttribute('data-policy', 'ask');
  await expect(status).toHaveAttribute('data-can-export', 'false');
  await expect(status).toContainText('아직 정하지 않았습니다');
  await page.getByTestId('guard-go-job').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'job');

  await addClient(page, { name: '대한정밀', policy: 'ask' });
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-markdown').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'approval_missing');
  await page.getByTestId('error-go-safety').click();

  await expect(status).toHaveAttribute('data-can-export', 'false');
  await expect(status).toContainText('허락을 받아야');
  await page.getByTestId('approval-save').click(); // who agreed is required
  await expect(page.getByRole('alert').filter({ hasText: '누가 허락했는지 적어 주세요.' })).toBeVisible();
  expect(await commands(page, 'record_approval')).toHaveLength(0);
  await page.getByTestId('approval-by').fill('김철수 과장');
  await page.getByRole('button', { name: '전화', exact: true }).click();
  await expect(page.getByTestId('approval-how')).toHaveValue('전화');
  await page.getByTestId('approval-note').fill('완성품 사진만');
  await shot(page, 'ko-guard-ask-form');
  await page.getByTestId('approval-save').click();

  await expect(status).toHaveAttribute('data-can-export', 'true');
  await expect(page.getByTestId('approval')).toContainText('김철수 과장');
  await expect(page.getByTestId('approval')).toContainText('전화');
  await expect(page.getByTestId('approval')).toContainText('완성품 사진만');
  expect(await commands(page, 'record_approval')).toEqual([
    { jobId: expect.any(Number), approvedBy: '김철수 과장', how: '전화', note: '완성품 사진만', approvedAt: null },
  ]);
  await expect(page.locator('[data-testid="history-entry"][data-kind="approval"]')).toContainText('김철수 과장');
  await expect(page.getByTestId('history-entry').first()).toHaveAttribute('data-kind', 'approval'); // newest first
  await expect(page.getByTestId('next')).toBeEnabled();
  await shot(page, 'ko-guard-ask-approved');

  await page.getByTestId('step-preview').click();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  await page.getByTestId('step-safety').click();
  await expect(page.locator('[data-testid="history-entry"][data-kind="export"]')).toHaveCount(1);
  expect(watch.pageErrors).toEqual([]);
});

test('drawing, moving and resizing a box with the mouse saves sensible fractions; a click draws nothing', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 2));
  const [p1, p2] = await page
    .getByTestId('photo-card')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.photoId)));
  await page.evaluate((id) => window.__mock.setPhotoSize(id, 3000, 4000), p2); // a portrait photo
  await page.reload(); // close and reopen: the window reads the photo's size again
  await ownProduct(page);
  await page.getByTestId('step-safety').click();

  const canvas = page.getByTestId('redact-canvas');
  await expect(canvas).toHaveAttribute('data-photo-id', String(p1));
  await canvas.scrollIntoViewIfNeeded();
  let r = (await canvas.boundingBox())!;
  expect(r.width / r.height).toBeCloseTo(4 / 3, 1);
  const at = (fx: number, fy: number) => [r.x + r.width * fx, r.y + r.height * fy] as const;

  // A click on the photo is not a box.
  await page.mouse.click(...at(0.5, 0.5));
  await expect(page.getByTestId('redact-box')).toHaveCount(0);

  // Press, drag, release: one box from (0.2, 0.3) to (0.6, 0.7).
  await page.mouse.move(...at(0.2, 0.3));
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(...at(0.2 + (0.4 * i) / 8, 0.3 + (0.4 * i) / 8));
  await page.mouse.up();
  await expect(page.getByTestId('redact-box')).toHaveCount(1);
  await expect.poll(() => storedBoxes(page, p1)).toHaveLength(1);
  let [b] = await storedBoxes(page, p1);
  expect(b.x).toBeCloseTo(0.2, 1);
  expect(b.y).toBeCloseTo(0.3, 1);
  expect(b.w).toBeCloseTo(0.4, 1);
  expect(b.h).toBeCloseTo(0.4, 1);
  const sent = (await commands(page, 'set_redactions')).at(-1) as { photoId: number; boxes: { x: number }[] };
  expect(sent.photoId).toBe(p1);
  // Solid black, never a blur; the selected box has the orange outline and focus.
  const look = await page.getByTestId('redact-box').evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      bg: s.backgroundColor,
      filter: s.backdropFilter || 'none',
      outline: s.outlineColor,
      focused: document.activeElement === el,
    };
  });
  expect(look.bg).toBe('rgb(0, 0, 0)');
  expect(look.filter).toBe('none');
  expect(look.outline).toBe('rgb(255, 122, 26)');
  expect(look.focused).toBe(true);
  await shot(page, 'ko-redact-drawn');

  // Drag inside the box: it moves by (+0.1, −0.1), same size.
  await page.mouse.move(...at(0.4, 0.5));
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(...at(0.4 + (0.1 * i) / 5, 0.5 - (0.1 * i) / 5));
  await page.mouse.up();
  await expect.poll(async () => (await storedBoxes(page, p1))[0].x).toBeCloseTo(0.3, 1);
  [b] = await storedBoxes(page, p1);
  expect(b.y).toBeCloseTo(0.2, 1);
  expect(b.w).toBeCloseTo(0.4, 1);
  expect(b.h).toBeCloseTo(0.4, 1);

  // The bottom-right handle resizes it; dragging past the edge stays inside the photo.
  const se = page.locator('[data-handle="se"]');
  const h = (await se.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(...at(0.9, 0.8), { steps: 6 });
  await page.mouse.move(r.x + r.width + 80, r.y + r.height + 80, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await storedBoxes(page, p1))[0].w).toBeCloseTo(0.7, 1);
  [b] = await storedBoxes(page, p1);
  expect(b.x).toBeCloseTo(0.3, 1);
  expect(b.h).toBeCloseTo(0.8, 1);
  expect(b.x + b.w).toBeLessThanOrEqual(1);
  expect(b.y + b.h).toBeLessThanOrEqual(1);

  // The portrait photo is shown upright at its own ratio; the strip shows the first photo has a box.
  await page.locator(`[data-testid="safety-photo"][data-photo-id="${p2}"]`).click();
  await expect(canvas).toHaveAttribute('data-photo-id', String(p2));
  await expect(page.getByTestId('redact-box')).toHaveCount(0);
  r = (await canvas.boundingBox())!;
  expect(r.width / r.height).toBeCloseTo(3 / 4, 1);
  await expect(page.locator(`[data-testid="safety-photo"][data-photo-id="${p1}"]`)).toContainText('■ 1');

  // What a WebDriver action chain sends: move to a point, down, one move, up.
  await page.mouse.move(r.x + r.width * 0.1, r.y + r.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width * 0.5, r.y + r.height * 0.3);
  await page.mouse.up();
  await expect.poll(() => storedBoxes(page, p2)).toHaveLength(1);
  [b] = await storedBoxes(page, p2);
  expect(b.x).toBeCloseTo(0.1, 1);
  expect(b.y).toBeCloseTo(0.1, 1);
  expect(b.w).toBeCloseTo(0.4, 1);
  expect(b.h).toBeCloseTo(0.2, 1);
  expect(await storedBoxes(page, p1)).toHaveLength(1); // per photo
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('keyboard: add a centred box, move and resize it with keys, delete it, undo', async ({ page }) => {
  const watch = await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 1));
  const [p1] = await page
    .getByTestId('photo-card')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.photoId)));
  await ownProduct(page);
  await page.getByTestId('step-safety').click();

  await page.getByTestId('redact-add').focus();
  await page.keyboard.press('Enter');
  const box = page.getByTestId('redact-box');
  await expect(box).toHaveCount(1);
  await expect(box).toBeFocused();
  await expect.poll(() => storedBoxes(page, p1)).toEqual([{ x: 0.4, y: 0.4, w: 0.2, h: 0.2 }]);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => storedBoxes(page, p1)).toEqual([{ x: 0.42, y: 0.5, w: 0.2, h: 0.2 }]);
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => storedBoxes(page, p1)).toEqual([{ x: 0.42, y: 0.5, w: 0.21, h: 0.19 }]);
  await page.keyboard.press('+');
  await expect.poll(() => storedBoxes(page, p1)).toEqual([{ x: 0.41, y: 0.49, w: 0.23, h: 0.21 }]);
  // Far past the edge: clamped inside the photo.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await storedBoxes(page, p1))[0].x).toBeCloseTo(0.77, 5);
  await expect(page.getByText('Alt + 화살표')).toBeVisible(); // the keys are shown

  // Debounced: a burst of keys is one save, not one per key.
  const saves = await commands(page, 'set_redactions');
  expect(saves.length).toBeLessThan(8);

  await page.keyboard.press('Delete');
  await expect(box).toHaveCount(0);
  await expect.poll(() => storedBoxes(page, p1)).toEqual([]);
  await expect(page.getByTestId('redact-add')).toBeFocused();
  await page.getByTestId('undo').click();
  await expect(box).toHaveCount(1);
  await expect.poll(async () => (await storedBoxes(page, p1)).length).toBe(1);

  // The visible delete button does the same.
  await box.focus();
  await page.getByTestId('redact-box-delete').click();
  await expect(box).toHaveCount(0);
  await expect.poll(() => storedBoxes(page, p1)).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
});

test('the text scan: findings listed and marked in the preview, one-click replace, export needs the confirm box', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 1));
  await page.getByTestId('step-job').click();
  await addClient(page, { name: '대한정밀', aliases: 'DH정밀', policy: 'public' });
  await page.getByTestId('job-title').fill('DH정밀 납품 샤프트');
  await page.getByTestId('job-story').fill('P/N: AB-1234-567 부품입니다. 비밀코드 X 는 적으면 안 됩니다.');
  await page.getByTestId('step-safety').click();
  await page.getByTestId('watch-words').fill('비밀코드\n\n  ');
  await page.getByTestId('watch-words-save').click();
  await expect.poll(async () => (await commands(page, 'set_watch_words')).at(-1)).toEqual({ words: ['비밀코드'] });

  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-naver').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  const findings = page.getByTestId('finding');
  await expect(findings).toHaveCount(4); // title (client), title in the first paragraph (client), P/N, the watch word
  await expect(page.locator('[data-testid="finding"][data-kind="client"][data-field="title"]')).toContainText('DH정밀');
  await expect(page.locator('[data-testid="finding"][data-kind="pattern"]')).toContainText('P/N: AB-1234-567');
  await expect(page.locator('[data-testid="finding"][data-kind="pattern"]')).toContainText('부품 번호 형식');
  await expect(page.locator('[data-testid="finding"][data-kind="word"][data-field="body"]')).toContainText('비밀코드');
  // Marked inside the preview, as text.
  await expect(page.getByTestId('preview-title').getByTestId('flag-mark')).toHaveText('DH정밀');
  await expect(page.getByTestId('preview-title')).toHaveText('DH정밀 납품 샤프트');
  await expect(
    page.getByTestId('preview').getByTestId('flag-mark').filter({ hasText: 'P/N: AB-1234-567' }),
  ).toHaveCount(1);
  await expect(page.getByTestId('preview').getByTestId('flag-mark').filter({ hasText: '비밀코드' })).toHaveCount(1);
  await shot(page, 'ko-scan-findings');

  // One click replaces every occurrence of the customer's name.
  await page.locator('[data-testid="finding"][data-field="title"]').getByTestId('finding-replace').click();
  await expect(findings).toHaveCount(2);
  expect((await commands(page, 'replace_in_post')).at(-1)).toEqual({
    postId: expect.any(Number),
    find: 'DH정밀',
    replacement: '고객사',
  });
  await expect(page.getByTestId('post-title')).toHaveValue('고객사 납품 샤프트');
  await expect(page.getByTestId('preview')).not.toContainText('DH정밀');

  // Editing the text re-scans (after saving).
  await page.getByTestId('post-title').fill('대한정밀 샤프트');
  await expect(findings).toHaveCount(3);
  await page.getByTestId('post-title').fill('정밀 샤프트');
  await expect(findings).toHaveCount(2);

  // What is left must be confirmed; the confirmed words go to the backend and into the job's record.
  await expect(page.getByTestId('export')).toBeDisabled();
  await page.getByTestId('confirm-flags').check();
  await expect(page.getByTestId('export')).toBeEnabled();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  expect((await commands(page, 'export_post')).at(-1)).toEqual({
    postId: expect.any(Number),
    confirmedTerms: ['P/N: AB-1234-567', '비밀코드'],
  });
  await page.getByTestId('step-safety').click();
  await expect(page.locator('[data-testid="history-entry"][data-kind="override"]')).toHaveCount(2);
  expect(watch.pageErrors).toEqual([]);
});

test('no findings: export goes straight through with no confirmation and an empty confirmedTerms', async ({ page }) => {
  await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 1));
  await ownProduct(page);
  await page.getByTestId('job-title').fill('AL6061 브라켓');
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-html').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.getByTestId('scan-ok')).toContainText('조심할 단어가 없습니다');
  await expect(page.getByTestId('confirm-flags')).toHaveCount(0);
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  expect((await commands(page, 'export_post')).at(-1)).toEqual({ postId: expect.any(Number), confirmedTerms: [] });
});

test('what the export removes: listed as text per photo, nothing for a clean photo, in both languages', async ({
  page,
}) => {
  await openFresh(page);
  await withPhotos(page);
  const ids = await page
    .getByTestId('photo-card')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.photoId)));
  await ownProduct(page);
  await page.getByTestId('step-safety').click();
  const items = page.getByTestId('meta-item');
  await expect(items.first()).toBeVisible();
  await expect(page.locator('[data-testid="meta-item"][data-kind="serial"]')).toContainText('R58M12ABCDE');
  await expect(page.locator('[data-testid="meta-item"][data-kind="serial"]')).toContainText('카메라 일련번호');
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('[data-testid="meta-item"][data-kind="serial"]')).toContainText('Camera serial number');
  await expect(page.getByText('What the export removes')).toBeVisible();
  await page.getByTestId('lang-toggle').click();
  await page.locator(`[data-testid="safety-photo"][data-photo-id="${ids[2]}"]`).click();
  await expect(items).toHaveCount(0);
  await expect(page.getByText('지울 정보가 없습니다')).toBeVisible();
  expect((await commands(page, 'photo_metadata')).map((a) => (a as { photoId: number }).photoId)).toEqual([
    ids[0],
    ids[2],
  ]);
});

test('hostile text from the owner, a customer and a camera is shown as text and runs nothing', async ({ page }) => {
  const watch = await openFresh(page);
  await withPhotos(page, [`/tmp/${EVIL}.jpg`]);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill(EVIL);
  await addClient(page, { name: EVIL, aliases: EVIL, policy: 'ask', note: EVIL });
  await expect(page.getByTestId('client-select').locator('option').nth(1)).toContainText(EVIL);
  await expect(page.getByTestId('effective-policy')).toContainText(EVIL);

  await page.getByTestId('next').click();
  await expect(page.getByTestId('guard-status')).toContainText(EVIL);
  await expect(page.locator('[data-testid="meta-item"][data-kind="comment"]')).toContainText(EVIL);
  await expect(page.getByTestId('safety-photo')).toHaveAttribute(
    'aria-label',
    new RegExp(`${EVIL}\\.jpg`.replace(/[()]/g, '\\$&')),
  );
  await page.getByTestId('approval-by').fill(EVIL);
  await page.getByTestId('approval-how').fill(EVIL);
  await page.getByTestId('approval-note').fill(EVIL);
  await page.getByTestId('approval-save').click();
  await expect(page.getByTestId('approval')).toContainText(EVIL);
  await expect(page.locator('[data-testid="history-entry"][data-kind="approval"]')).toContainText(EVIL);
  await shot(page, 'hostile-safety');

  await page.getByTestId('next').click();
  await page.getByTestId('platform-naver').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.locator('[data-testid="finding"][data-kind="client"]').first()).toContainText(EVIL);
  await expect(page.getByTestId('preview-title').getByTestId('flag-mark')).toHaveText(EVIL);
  await expect(page.getByTestId('preview-title')).toHaveText(EVIL);

  await page.waitForTimeout(300);
  expect(watch.dialogs).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => document.body.innerHTML.includes('<img src="x"'))).toBe(false);
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('a flag in a table cell is marked in that cell, and the list says which row and column', async ({ page }) => {
  const watch = await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 1));
  await page.getByTestId('step-job').click();
  await addClient(page, { name: '대한정밀', policy: 'public' });
  await page.getByTestId('job-title').fill('SUS304 샤프트');
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-naver').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  // The specs as the core drafts them: a two-column table of [label, value]. The name sits in row 1's value
  // cell; row 2's label holds the same words where they are not the flagged ones' place.
  await page.evaluate(() => {
    const key = 'gb-mock-state';
    const s = JSON.parse(localStorage.getItem(key)!);
    const p = s.posts.find((x: { jobId: number }) => x.jobId === s.currentJob);
    p.blocks.splice(1, 0, {
      kind: 'table',
      rows: [
        ['소재', 'SUS304'],
        ['납품처', '서울 대한정밀 본사'],
        ['비고', '—'],
      ],
    });
    localStorage.setItem(key, JSON.stringify(s));
  });
  await page.reload(); // close and reopen: the window reads the saved post
  await ready(page);
  await page.getByTestId('step-preview').click();
  const finding = page.locator('[data-testid="finding"][data-kind="client"]');
  await expect(finding).toHaveCount(1);
  await expect(finding).toHaveAttribute('data-row', '1');
  await expect(finding).toHaveAttribute('data-column', '1');
  await expect(finding.getByTestId('finding-cell')).toContainText('표 2행 2열');

  const table = page.getByTestId('preview-table');
  const cell = table.locator('[data-testid="table-cell"][data-row="1"][data-column="1"]');
  await expect(cell.getByTestId('flag-mark')).toHaveText('대한정밀');
  await expect(cell).toHaveText('서울 대한정밀 본사');
  await expect(table.getByTestId('flag-mark')).toHaveCount(1);
  await expect(
    table.locator('[data-testid="table-cell"][data-row="1"][data-column="0"]').getByTestId('flag-mark'),
  ).toHaveCount(0);
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'ko-scan-table-cell');

  // The one-click replace clears the cell, and the mark goes with it.
  await finding.getByTestId('finding-replace').click();
  await expect(cell).toHaveText('서울 고객사 본사');
  await expect(table.getByTestId('flag-mark')).toHaveCount(0);
  expect(watch.pageErrors).toEqual([]);
});

/** The brightest channel of an image's centre pixel, as the window shows it (0 = black). */
async function centreOf(img: Locator): Promise<number> {
  await expect(img).toHaveJSProperty('complete', true);
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode().catch(() => undefined);
    const c = document.createElement('canvas');
    c.width = el.naturalWidth;
    c.height = el.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(el, 0, 0);
    const d = g.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
    return Math.max(d[0], d[1], d[2]);
  });
}

test('thumbnails show the boxes burned in everywhere but the box editor, and follow the boxes', async ({ page }) => {
  const watch = await openFresh(page);
  await withPhotos(page, PHOTOS.slice(0, 1));
  const [p1] = await page
    .getByTestId('photo-card')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.photoId)));
  await ownProduct(page);
  await page.getByTestId('step-safety').click();
  const editorImg = page.getByTestId('redact-canvas').locator('img');
  const stripImg = page.getByTestId('safety-photo').locator('img');
  const rawUrl = await editorImg.getAttribute('src');
  expect(await stripImg.getAttribute('src')).toBe(rawUrl); // no boxes yet: nothing to burn
  expect(await centreOf(stripImg)).toBeGreaterThan(60);

  // A centred box (0.4–0.6): the centre pixel is under it.
  await page.getByTestId('redact-add').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => storedBoxes(page, p1)).toEqual([{ x: 0.4, y: 0.4, w: 0.2, h: 0.2 }]);
  await expect(stripImg).not.toHaveAttribute('src', rawUrl!);
  const burnedUrl = await stripImg.getAttribute('src');
  expect(await centreOf(stripImg)).toBeLessThan(16);
  // The box editor alone keeps the raw picture (the box is drawn over it, not into it).
  await expect(editorImg).toHaveAttribute('src', rawUrl!);
  expect(await centreOf(editorImg)).toBeGreaterThan(60);

  // The photo step, the write step and the preview (what people screenshot) all show it burned.
  await page.getByTestId('step-photos').click();
  const card = page.getByTestId('photo-card').locator('img');
  await expect(card).toHaveAttribute('src', burnedUrl!);
  expect(await centreOf(card)).toBeLessThan(16);
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-markdown').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  const writeImg = page.getByTestId('block-photo').locator('img');
  await expect(writeImg).toHaveAttribute('src', burnedUrl!);
  expect(await centreOf(writeImg)).toBeLessThan(16);
  await page.getByTestId('next').click();
  const previewImg = page.getByTestId('preview').locator('img');
  await expect(previewImg).toHaveCount(1);
  await expect(previewImg).toHaveAttribute('src', burnedUrl!);
  expect(await centreOf(previewImg)).toBeLessThan(16);
  await previewImg.scrollIntoViewIfNeeded();
  await shot(page, 'ko-guard-preview-burned');

  // Moving the box gives a new address (the immutable cache can never show the old boxes).
  await page.getByTestId('step-safety').click();
  await page.getByTestId('redact-box').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => storedBoxes(page, p1)).toEqual([{ x: 0.5, y: 0.4, w: 0.2, h: 0.2 }]);
  await expect(stripImg).not.toHaveAttribute('src', burnedUrl!);
  await expect(stripImg).not.toHaveAttribute('src', rawUrl!);
  await expect(editorImg).toHaveAttribute('src', rawUrl!);
  // Deleting it: the plain thumbnail again.
  await page.getByTestId('redact-box-delete').click();
  await expect.poll(() => storedBoxes(page, p1)).toEqual([]);
  await expect(stripImg).toHaveAttribute('src', rawUrl!);
  expect(watch.pageErrors).toEqual([]);
});
