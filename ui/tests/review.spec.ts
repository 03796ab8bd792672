// A mentor's review and the club folder (issue 15) against the mock (tests/mock-review.ts): the owner sends the
// post to a mentor from the preview (the file's place shown), a refusal reads like an export's; the mentor's
// screen shows a bundle as it will look and takes notes beside the title and a photo (edit, delete), then the
// reply; the owner's notes panel opens the reply from the club folder, accepts the title rewrite (the title on
// screen is the mentor's) and undoes it; a mentor with no shop profile reaches the review screen from the
// first run and goes back; 설정 shows the club folder and the streaks.
import { expect, type Page, test } from '@playwright/test';
import { commands, cspViolations, drop, openFresh, shot } from './helpers';

const PHOTOS = ['/home/owner/사진/IMG_5001.jpg', '/home/owner/사진/IMG_5002.jpg'];
const TITLE = 'SUS304 샤프트 가공';

/** A job with photos, our own product, a Naver post, at the preview; returns the post id. */
async function atPreview(page: Page): Promise<number> {
  await drop(page, PHOTOS);
  await expect(page.getByTestId('photo-card')).toHaveCount(PHOTOS.length);
  await page.getByTestId('step-job').click();
  await page.getByTestId('job-title').fill(TITLE);
  await page.getByTestId('owner-own').check();
  await page.getByTestId('step-platform').click();
  await page.getByTestId('platform-naver').click();
  await expect(page.locator('body')).not.toHaveAttribute('data-step', 'platform');
  await page.getByTestId('step-preview').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', 'preview');
  return page.evaluate(() => window.__mock.state().posts[0].id);
}

test("the owner sends the post to a mentor, then accepts the reply's title rewrite and undoes it", async ({ page }) => {
  const watch = await openFresh(page);
  const postId = await atPreview(page);
  await expect(page.getByTestId('review-notes')).toBeVisible();
  await expect(page.getByTestId('notes-none')).toBeVisible();

  // 멘토에게 보내기, beside export: the file's place is shown.
  await expect(page.getByTestId('send-review')).toHaveText('멘토에게 보내기');
  await page.getByTestId('send-review').click();
  await expect(page.getByTestId('review-sent')).toBeVisible();
  await expect(page.getByTestId('review-sent-file')).toContainText('/home/owner/동아리/');
  await expect(page.getByTestId('review-sent-file')).toContainText('.gbreview');
  expect(await commands(page, 'send_for_review')).toEqual([{ postId, confirmedTerms: [] }]);
  await shot(page, 'review-owner-sent');

  // The mentor's reply arrives in the club folder: the panel offers it after the preview is entered again.
  const title = await page.getByTestId('post-title').inputValue();
  await page.evaluate((id) => window.__mockReview.seedReply(id), postId);
  await page.getByTestId('step-write').click();
  await page.getByTestId('step-preview').click();
  await expect(page.getByTestId('notes-club-reply')).toHaveCount(1);
  await page.getByTestId('notes-club-open').click();
  const notes = page.getByTestId('review-note');
  await expect(notes).toHaveCount(2);
  await expect(page.getByTestId('notes-club-reply')).toHaveCount(0);
  const titleNote = notes.filter({ has: page.getByTestId('note-target').getByText('제목', { exact: true }) });
  await expect(titleNote.getByTestId('note-author')).toHaveText('김멘토');
  await expect(titleNote.getByTestId('note-comment')).toHaveText('지역 이름을 제목 앞에 두세요.');
  await expect(titleNote.getByTestId('note-before')).toHaveText(title);
  await expect(titleNote.getByTestId('note-after')).toHaveText(`문래동 ${title}`);
  const photoNote = notes.filter({ has: page.getByTestId('note-target').getByText('사진 1', { exact: true }) });
  await expect(photoNote.getByTestId('note-comment')).toContainText('더 밝게');
  await shot(page, 'review-owner-notes');

  // Accept: the post's title in the window is the mentor's (read again from the backend).
  await titleNote.getByTestId('note-accept').click();
  await expect(page.getByTestId('post-title')).toHaveValue(`문래동 ${title}`);
  await expect(page.getByTestId('preview-title')).toHaveText(`문래동 ${title}`);
  await expect(titleNote).toHaveAttribute('data-state', 'accepted');
  await expect(titleNote.getByTestId('note-accept')).toHaveCount(0);
  expect(await page.evaluate((id) => window.__mock.state().posts.find((p) => p.id === id)!.title, postId)).toBe(
    `문래동 ${title}`,
  );
  await shot(page, 'review-owner-accepted');
  // Undo: back as it was.
  await titleNote.getByTestId('note-undo').click();
  await expect(page.getByTestId('post-title')).toHaveValue(title);
  await expect(titleNote).toHaveAttribute('data-state', 'open');
  // Decline the photo's comment, then take it back.
  await photoNote.getByTestId('note-decline').click();
  await expect(photoNote).toHaveAttribute('data-state', 'declined');
  await expect(photoNote.getByTestId('note-state')).toHaveText('안 받았습니다');
  await photoNote.getByTestId('note-undo').click();
  await expect(photoNote).toHaveAttribute('data-state', 'open');
  expect(await commands(page, 'answer_review_note')).toHaveLength(4);

  // The text changed since: accepting is refused in plain words and the title stays the owner's.
  await page.getByTestId('post-title').fill('제가 고친 제목');
  await titleNote.getByTestId('note-accept').click();
  await expect(page.getByTestId('error')).toContainText('그 사이에 글이 바뀌어');
  await expect(page.getByTestId('post-title')).toHaveValue('제가 고친 제목');
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('a refusal of the leak guard reads like an export refusal', async ({ page }) => {
  await openFresh(page);
  await atPreview(page);
  await page.evaluate(() =>
    window.__mock.failNext('send_for_review', {
      code: 'approval_missing',
      messageKo: '고객 승인이 없어 보낼 수 없습니다.',
      messageEn: 'No customer approval: cannot be sent.',
    }),
  );
  await page.getByTestId('send-review').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'approval_missing');
  await expect(page.getByTestId('error')).toContainText('고객 승인이 없어 보낼 수 없습니다.');
  await expect(page.getByTestId('error-go-safety')).toBeVisible();
  await expect(page.getByTestId('review-sent')).toHaveCount(0);
});

test('the mentor opens a bundle from the club folder, writes notes beside the title and a photo, and replies', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await page.evaluate(() => window.__mockReview.seedBundle());
  await page.getByTestId('nav-review').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'review');
  const item = page.getByTestId('club-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-kind', 'bundle');
  await expect(item).toContainText('대성정밀');
  await shot(page, 'review-mentor-inbox');
  await item.getByTestId('club-open').click();

  // The post as it will look: title, heading, paragraph, photos (data: URLs) with captions, list, table, tags.
  await expect(page.getByTestId('bundle')).toBeVisible();
  await expect(page.getByTestId('bundle-title')).toHaveText('SUS304 플랜지 정밀 가공');
  await expect(page.getByTestId('bundle-photo')).toHaveCount(2);
  await expect(page.getByTestId('bundle-photo').first().locator('img')).toHaveAttribute('src', /^data:image\//);
  await expect(page.getByTestId('bundle-photo').first()).toContainText('소재 상태');
  await expect(page.locator('[data-testid="bundle-block"][data-kind="table"]')).toContainText('20개');
  await expect(page.getByTestId('bundle-tag')).toHaveCount(2);
  await expect(page.getByTestId('bundle-coach')).toHaveAttribute('data-score', '72');
  await expect(page.getByTestId('reply-send')).toBeDisabled();

  // A title rewrite: the suggestion is prefilled with the title as it is.
  const titleSide = page.locator('[data-testid="note-side"][data-target="title"]');
  await titleSide.getByTestId('note-write').click();
  await expect(titleSide.getByTestId('note-suggest-input')).toHaveValue('SUS304 플랜지 정밀 가공');
  await titleSide.getByTestId('note-comment-input').fill('지역 이름을 앞에 두세요.');
  await titleSide.getByTestId('note-suggest-input').fill('문래동 SUS304 플랜지 정밀 가공');
  await titleSide.getByTestId('note-save').click();
  await expect(titleSide.getByTestId('note-draft')).toHaveCount(1);
  await expect(titleSide.getByTestId('note-draft')).toContainText('문래동 SUS304 플랜지 정밀 가공');

  // A comment on the first photo (block 2).
  const photoSide = page.locator('[data-testid="note-side"][data-target="2"]');
  await photoSide.getByTestId('note-write').click();
  await expect(photoSide.getByTestId('note-suggest-input')).toHaveValue('소재 상태');
  await photoSide.getByTestId('note-comment-input').fill('이 사진은 밝게 다시 찍으면 좋겠습니다.');
  await photoSide.getByTestId('note-save').click();
  await expect(photoSide.getByTestId('note-draft')).toContainText('밝게 다시');
  const added = (await commands(page, 'add_review_note')) as { note: { suggestion: string | null } }[];
  expect(added.map((a) => a.note.suggestion)).toEqual(['문래동 SUS304 플랜지 정밀 가공', null]);

  // The table takes a comment only (no rewrite box); edit and delete a draft.
  const tableSide = page.locator('[data-testid="note-side"][data-target="4"]');
  await tableSide.getByTestId('note-write').click();
  await expect(tableSide.getByTestId('note-suggest-input')).toHaveCount(0);
  await tableSide.getByTestId('note-comment-input').fill('수량 단위를 적어 주세요');
  await tableSide.getByTestId('note-save').click();
  await tableSide.getByTestId('note-edit').click();
  await tableSide.getByTestId('note-comment-input').fill('수량을 더 크게');
  await tableSide.getByTestId('note-save').click();
  await expect(tableSide.getByTestId('note-draft')).toContainText('수량을 더 크게');
  await tableSide.getByTestId('note-delete').click();
  await expect(tableSide.getByTestId('note-draft')).toHaveCount(0);
  await expect(page.getByTestId('reply-count')).toHaveAttribute('data-count', '2');
  await shot(page, 'review-mentor-notes');

  // The reply: a name is needed, then it is written into the club folder.
  await page.getByTestId('reply-send').click();
  await expect(page.getByTestId('error')).toContainText('이름을 넣어 주세요');
  await page.getByTestId('reviewer-name').fill('김멘토');
  await page.getByTestId('reply-send').click();
  await expect(page.getByTestId('reply-sent')).toContainText('의견 2개');
  await expect(page.getByTestId('reply-file')).toContainText('/home/owner/동아리/김멘토-');
  await shot(page, 'review-mentor-replied');
  // Back to the list: the bundle is among the reviews opened, replied.
  await page.getByTestId('review-back').click();
  await expect(page.getByTestId('received-item')).toHaveCount(1);
  await expect(page.getByTestId('received-item')).toContainText('답장함');
  await expect(page.getByTestId('club-item')).toHaveCount(0);
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('a mentor with no shop profile opens a review from the first run and goes back to it', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => {
    window.__mockShop.firstRun();
    window.__mockReview.seedBundle({ title: '알루미늄 브래킷 가공' });
  });
  await page.reload();
  await expect(page.getByTestId('firstrun')).toBeVisible();
  await expect(page.getByTestId('firstrun-mentor')).toHaveText('멘토이신가요? 검토 파일 열기');
  await shot(page, 'review-firstrun-mentor');
  await page.getByTestId('firstrun-mentor').click();
  await expect(page.getByTestId('mentor-app')).toBeVisible();
  await expect(page.getByTestId('club-item')).toHaveCount(1);
  // "검토 파일 열기": a pack is pointed to 설정; a bundle opens.
  await page.evaluate(() => window.__mockReview.pickNext({ pack: '/home/owner/동아리/글틀.gbpack' }));
  await page.getByTestId('review-open-file').click();
  await expect(page.getByTestId('review-pack')).toContainText('설정');
  await page.evaluate(() => window.__mockReview.pickNext('bundle'));
  await page.getByTestId('review-open-file').click();
  await expect(page.getByTestId('bundle-title')).toHaveText('알루미늄 브래킷 가공');
  // The review scrolls inside its own area: the header with the way back stays on screen.
  await page.getByTestId('reply-send').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  await expect(page.getByTestId('mentor-back')).toBeInViewport();
  await shot(page, 'review-mentor-no-profile');
  await page.getByTestId('mentor-back').click();
  await expect(page.getByTestId('firstrun')).toBeVisible();
  expect(await page.evaluate(() => window.__mockShop.state().profile.saved)).toBe(false);
});

test('설정: the club folder, the shared streaks with ours highlighted, the files waiting', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => window.__mockReview.seedBundle());
  await page.getByTestId('nav-settings').click();
  const club = page.getByTestId('club-section');
  await expect(club).toHaveAttribute('data-loaded', 'true');
  await expect(club).toContainText('서버로는 아무것도 가지 않습니다');
  await expect(page.getByTestId('club-folder')).toHaveText('/home/owner/동아리');
  await expect(page.getByTestId('club-waiting')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('club-streak')).toHaveCount(2);
  await page.getByTestId('club-share-streak').check();
  await expect(page.getByTestId('club-streak')).toHaveCount(3);
  await expect(page.locator('[data-testid="club-streak"][data-mine="true"]')).toContainText('문래정밀');
  await page.getByTestId('club-folder').scrollIntoViewIfNeeded();
  await shot(page, 'review-settings-club');
  await page.getByTestId('club-clear').click();
  await expect(page.getByTestId('club-folder')).toHaveText('아직 고르지 않았습니다');
  await page.getByTestId('club-choose').click();
  await expect(page.getByTestId('club-folder')).toHaveText('/home/owner/NAS/동아리');
  await page.evaluate(() => window.__mockReview.setFolder('/media/usb/동아리', true));
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('club-folder-missing')).toBeVisible();
  await page.evaluate(() => window.__mockReview.setFolder('/home/owner/동아리'));
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('club-go-review').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'review');
  await expect(page.getByTestId('club-item')).toHaveCount(1);
});

test('a pack opened from the review screen shows what it changes in 설정, to install or cancel', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('nav-review').click();
  await page.evaluate(() => window.__mockReview.pickNext({ pack: '/home/owner/동아리/글틀.gbpack' }));
  await page.getByTestId('review-open-file').click();
  await page.getByTestId('review-pack').getByRole('button').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'settings');
  await expect(page.getByTestId('pack-preview')).toBeVisible();
  await expect(page.getByTestId('pack-file').first()).toBeVisible();
  // Nobody picked a file in 설정: the preview is the opened pack's.
  await expect(page.getByTestId('pack-author')).toBeVisible();
});
