// The post's photos in the write step (issue 10, item 2) against the mocked backend: take a photo out of the post,
// move it among the photos, add one of the job's photos back; a photo removed from the job in the photos step
// leaves the post too (no "(빠진 사진)") and "되돌리기" puts it back in the job and the post at the same place.
import { expect, type Page, test } from '@playwright/test';
import { cspViolations, drop, openFresh, shot } from './helpers';

const PHOTOS = [
  '/home/owner/사진/01_소재.jpg',
  '/home/owner/사진/02_황삭.jpg',
  '/home/owner/사진/03_정삭.jpg',
  '/home/owner/사진/04_측정.jpg',
];

async function toWrite(page: Page) {
  await drop(page, PHOTOS);
  await expect(page.getByTestId('photo-card')).toHaveCount(4);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill('SUS304 샤프트 정밀 가공');
  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-naver').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
}

/** The photo ids of the saved post (the mock's copy: what the backend holds). */
const savedPhotos = (page: Page) =>
  page.evaluate(() => {
    const s = window.__mock.state();
    const p = s.posts.find((x) => x.jobId === s.currentJob)!;
    return p.blocks.flatMap((b) => (b.kind === 'photo' ? [b.photoId] : []));
  });
const shownPhotos = (page: Page) =>
  page.getByTestId('block-photo').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.photoId)));

test('the write step adds, takes out and moves the post photos; a photo removed from the job leaves the post, with undo', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await toWrite(page);
  const [p1, p2, p3, p4] = await shownPhotos(page);
  expect(await savedPhotos(page)).toEqual([p1, p2, p3, p4]);
  await expect(page.getByTestId('post-photos-more')).toHaveCount(0);

  // Take photo 2 out of the post: the job keeps it, offered below to add back.
  await page.getByTestId('block-photo').nth(1).getByTestId('post-photo-remove').click();
  await expect.poll(() => shownPhotos(page)).toEqual([p1, p3, p4]);
  await expect.poll(() => savedPhotos(page)).toEqual([p1, p3, p4]);
  await expect(page.getByTestId('post-photo-candidate')).toHaveCount(1);
  await expect(page.getByTestId('post-photo-candidate')).toHaveAttribute('data-photo-id', String(p2));

  // Move among the photos: the first one later; the text blocks stay where they are.
  await expect(page.getByTestId('block-photo').nth(0).getByTestId('post-photo-up')).toBeDisabled();
  await page.getByTestId('block-photo').nth(0).getByTestId('post-photo-down').click();
  await expect.poll(() => savedPhotos(page)).toEqual([p3, p1, p4]);
  await expect(page.getByTestId('block-photo').nth(2).getByTestId('post-photo-down')).toBeDisabled();

  // Add the job's photo back: after the last photo.
  await page.getByTestId('post-photo-add').click();
  await expect.poll(() => savedPhotos(page)).toEqual([p3, p1, p4, p2]);
  await expect(page.getByTestId('post-photos-more')).toHaveCount(0);
  await shot(page, 'ko-write-post-photos');

  // Remove photo 4 from the job in the photos step: it leaves the post too.
  await page.getByTestId('step-photos').click();
  await page.locator(`[data-testid="photo-card"][data-photo-id="${p4}"]`).getByTestId('photo-remove').click();
  await expect(page.getByTestId('photo-card')).toHaveCount(3);
  await expect.poll(() => savedPhotos(page)).toEqual([p3, p1, p2]);
  await expect(page.getByTestId('toast')).toContainText('사진을 작업과 글에서 뺐습니다');
  await shot(page, 'ko-photos-removed-from-post');
  // Undo: back in the job and in the post, where it was.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('photo-card')).toHaveCount(4);
  await expect.poll(() => savedPhotos(page)).toEqual([p3, p1, p4, p2]);
  // Remove it again and look at the write step and the preview: no "(빠진 사진)" anywhere.
  await page.locator(`[data-testid="photo-card"][data-photo-id="${p4}"]`).getByTestId('photo-remove').click();
  await expect.poll(() => savedPhotos(page)).toEqual([p3, p1, p2]);
  await page.getByTestId('step-write').click();
  await expect.poll(() => shownPhotos(page)).toEqual([p3, p1, p2]);
  await expect(page.locator('body')).not.toContainText('빠진 사진');
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  await expect(page.locator('body')).not.toContainText('빠진 사진');

  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('the write step sets a photo role as the photo step does (issue 13: the next draft writes the step that fits it)', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await toWrite(page);
  const block = page.getByTestId('block-photo').nth(1);
  const measured = block.locator('[data-testid="block-photo-role"][data-role="measured"]');
  await expect(measured).toHaveAttribute('aria-pressed', 'false');
  await measured.click();
  await expect(measured).toHaveAttribute('aria-pressed', 'true');
  const id = Number(await block.getAttribute('data-photo-id'));
  // The backend holds the role; the photo step shows it too.
  await expect
    .poll(() =>
      page.evaluate((pid) => {
        const s = window.__mock.state();
        const job = s.jobs.find((j) => j.id === s.currentJob);
        return job?.meta[pid]?.role ?? null;
      }, id),
    )
    .toBe('measured');
  // Pressed again, the role is taken off.
  await measured.click();
  await expect(measured).toHaveAttribute('aria-pressed', 'false');
  await shot(page, 'write-step-photo-roles');
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});
