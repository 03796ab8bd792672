// The YouTube package in the window (mocked backend): YouTube and Shorts cards, the video preview that plays
// frames, the settings saved with save_video (seconds per photo, a photo's own seconds, captions, the title
// card) and the post (caption, order), the text for YouTube, and an export with progress and a cancel that
// leaves a calm note and no result.
import { expect, type Page, test } from '@playwright/test';
import { commands, cspViolations, drop, openFresh, shot } from './helpers';

const PHOTOS = ['/home/owner/사진/01_소재.jpg', '/home/owner/사진/02_황삭.jpg', '/home/owner/사진/03_완성.jpg'];

async function toPlatform(page: Page) {
  await drop(page, PHOTOS);
  await expect(page.getByTestId('photo-card')).toHaveCount(3);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill('AL6061 브라켓 MCT 가공');
  await page.getByTestId('job-material').fill('AL6061');
  await page.getByTestId('job-process').fill('MCT');
  await page.getByTestId('owner-own').check();
  await expect(page.getByTestId('effective-policy')).toHaveAttribute('data-policy', 'public');
  await page.getByTestId('step-platform').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'platform');
}

type SaveVideo = {
  postId: number;
  video: {
    secondsPerPhoto: number;
    photoSeconds: Record<string, number>;
    burnCaptions: boolean;
    titleCard: string;
    titleCardSub: string;
  };
};

test('YouTube: the preview plays real frames, settings are saved, the text is shown', async ({ page }) => {
  const watch = await openFresh(page);
  await toPlatform(page);
  await expect(page.getByTestId('platform-youtube')).toContainText('YouTube (가로 영상)');
  await expect(page.getByTestId('platform-shorts')).toContainText('YouTube Shorts (세로 영상)');
  await shot(page, 'video-1-platform');
  await page.getByTestId('platform-youtube').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  expect(await commands(page, 'make_draft')).toEqual([expect.objectContaining({ platform: 'youtube' })]);

  // The plan: title 3 s + 3 photos × 4 s + end 4 s = 19 s.
  const frame = page.getByTestId('video-frame');
  await expect(frame).toBeVisible();
  await expect(page.getByTestId('video-time')).toHaveText('0:00 / 0:19');
  await expect(page.getByTestId('video-segment')).toHaveCount(5);
  await expect(page.getByTestId('yt-title')).toHaveText('AL6061 브라켓 MCT 가공');
  await expect(page.getByTestId('yt-description')).toContainText('가공 영상입니다');
  await expect(page.getByTestId('yt-tags')).toContainText('#AL6061');
  await shot(page, 'video-2-preview');

  // Play: the frame (and its picture) moves on; pause stops it.
  const src0 = await frame.getAttribute('src');
  await page.getByTestId('video-play').click();
  await expect.poll(async () => Number(await frame.getAttribute('data-frame'))).toBeGreaterThan(15);
  expect(await frame.getAttribute('src')).not.toBe(src0);
  await expect(page.getByTestId('video-time')).not.toHaveText('0:00 / 0:19');
  await page.getByTestId('video-play').click();
  await expect(page.getByTestId('video-play')).toHaveAttribute('aria-pressed', 'false');
  const stopped = await frame.getAttribute('data-frame');
  await page.waitForTimeout(400);
  expect(await frame.getAttribute('data-frame')).toBe(stopped);
  // A segment on the time line jumps there.
  await page.getByTestId('video-segment').nth(2).click();
  await expect(frame).toHaveAttribute('data-frame', String(90 + 120));

  // Settings: seconds per photo +1 (two steps of 0.5), burn captions off, title card lines.
  await page.getByTestId('seconds-plus').click();
  await page.getByTestId('seconds-plus').click();
  await expect(page.getByTestId('seconds-value')).toHaveText('5초');
  await page.getByTestId('burn-captions').uncheck();
  await page.getByTestId('title-card').fill('알루미늄 브라켓');
  await page.getByTestId('title-card-sub').fill('AL6061 · MCT 5축');
  const rows = page.getByTestId('video-photo');
  const firstId = Number(await rows.nth(0).getAttribute('data-photo-id'));
  await rows.nth(0).getByTestId('photo-seconds').selectOption('6');
  await expect
    .poll(async () => (await commands(page, 'save_video')).at(-1))
    .toMatchObject({
      video: {
        secondsPerPhoto: 5,
        burnCaptions: false,
        titleCard: '알루미늄 브라켓',
        titleCardSub: 'AL6061 · MCT 5축',
        photoSeconds: { [String(firstId)]: 6 },
      },
    });
  // 3 + 6 + 5 + 5 + 4 = 23 s, after the plan is fetched again.
  await expect(page.getByTestId('video-time')).toContainText('/ 0:23');
  const saved = (await commands(page, 'save_video')).at(-1) as SaveVideo;
  expect(saved.postId).toBeGreaterThan(0);

  // Caption and order live in the post's photo blocks and are saved with the post.
  await rows.nth(1).getByTestId('video-caption').fill('황삭: 포켓 가공');
  const secondId = Number(await rows.nth(1).getAttribute('data-photo-id'));
  await rows.nth(1).getByTestId('photo-up').click();
  await expect(rows.nth(0)).toHaveAttribute('data-photo-id', String(secondId));
  await expect
    .poll(async () => {
      const last = (await commands(page, 'save_post')).at(-1) as
        | { post: { blocks: { kind: string; photoId?: number; caption?: string }[] } }
        | undefined;
      return last?.post.blocks.filter((b) => b.kind === 'photo').map((b) => [b.photoId, b.caption]);
    })
    .toEqual([
      [secondId, '황삭: 포켓 가공'],
      [firstId, expect.any(String)],
      [expect.any(Number), expect.any(String)],
    ]);
  // The plan follows: the first photo segment is now the second photo.
  await expect.poll(async () => (await commands(page, 'video_plan')).length).toBeGreaterThan(2);
  await page.getByTestId('video-segment').nth(1).click();
  await expect(frame).toHaveAttribute('data-frame', '90');
  await page.evaluate(() => document.getElementById('work-area')?.scrollTo(0, 0));
  await shot(page, 'video-3-settings');

  // Keyboard: the play button and the seconds stepper are reachable and work with Enter/Space.
  await page.getByTestId('video-play').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('video-play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('video-play')).toHaveAttribute('aria-pressed', 'false');

  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('YouTube export shows progress with frames and time left, and a cancel leaves no result', async ({ page }) => {
  const watch = await openFresh(page);
  await toPlatform(page);
  await page.getByTestId('platform-youtube').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('video-frame')).toBeVisible();

  // Slow render: 10 frames per 100 ms → 570 frames take about 6 s.
  await page.evaluate(() => window.__mock.setVideoExport(10, 100));
  await page.getByTestId('export').click();
  const bar = page.getByTestId('export-progress');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('data-total', '570');
  await expect.poll(async () => Number(await bar.getAttribute('data-done'))).toBeGreaterThan(0);
  await expect(page.getByTestId('export-eta')).toContainText('남은 시간');
  await expect(page.getByTestId('export-frames')).toContainText('/ 570');
  await shot(page, 'video-4-exporting');
  await page.getByTestId('export-cancel').click();
  expect(await commands(page, 'cancel_export')).toHaveLength(1);
  await expect(page.getByTestId('export-cancelled')).toHaveText('취소했습니다. 만들던 파일은 남기지 않았습니다.');
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('export-result')).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);
  await shot(page, 'video-5-cancelled');

  // Again, to the end: the folder holds the YouTube package.
  await page.evaluate(() => window.__mock.setVideoExport(190, 30));
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-result')).toContainText('video.mp4');
  await expect(page.getByTestId('export-cancelled')).toHaveCount(0);
  await expect(page.getByTestId('export-progress')).toHaveCount(0);
  expect(watch.pageErrors).toEqual([]);
});

test('Shorts: a vertical preview', async ({ page }) => {
  await openFresh(page);
  await toPlatform(page);
  await page.getByTestId('platform-shorts').click();
  // The draft opens in the write step (글 다듬기) with the coach; the preview is one "next" further.
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  const frame = page.getByTestId('video-frame');
  await expect(frame).toBeVisible();
  const box = (await frame.boundingBox())!;
  expect(box.height).toBeGreaterThan(box.width);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('video-play')).toContainText('Play');
  await shot(page, 'video-6-shorts-en');
});

test('Music: silent by default, picked through the dialog, removed again; the guide points to the Audio Library', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await toPlatform(page);
  await page.getByTestId('platform-youtube').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'write');
  await page.getByTestId('next').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  const music = page.getByTestId('video-music');
  await expect(page.getByTestId('music-name')).toHaveText('음악 없음 (소리 없는 영상)');
  await expect(page.getByTestId('music-remove')).toHaveCount(0);
  await expect(page.getByTestId('music-guide')).toContainText('오디오 보관함');
  await expect(page.getByTestId('music-guide')).toContainText('Content ID');
  await page.getByTestId('music-pick').click();
  await expect(page.getByTestId('music-name')).toContainText('잔잔한 공장.mp3');
  await expect(page.getByTestId('music-name')).toContainText('0:42 길이');
  await expect(page.getByTestId('music-pick')).toHaveText('다른 음악으로');
  expect(await commands(page, 'pick_music')).toHaveLength(1);
  await music.scrollIntoViewIfNeeded();
  await shot(page, 'video-7-music');
  await page.getByTestId('music-remove').click();
  await expect(page.getByTestId('music-name')).toHaveText('음악 없음 (소리 없는 영상)');
  expect(await commands(page, 'set_music')).toEqual([expect.objectContaining({ path: null })]);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('music-guide')).toContainText('YouTube Studio → Audio Library');
  expect(watch.pageErrors).toEqual([]);
});
