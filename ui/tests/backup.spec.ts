// 설정 → 백업 against the mock backend (tests/mock-backup.ts): a backup now shows its progress and the file, the
// folder and the schedule are chosen with big buttons, a missing USB folder is said in plain words, a restore
// explains that it goes into a new folder and offers the switch, and a damaged file's refusal is shown.
import { expect, test } from '@playwright/test';
import { cspViolations, openFresh, shot } from './helpers';

async function openBackup(page: import('@playwright/test').Page) {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('backup-section')).toBeVisible();
}

const mockCalls = (page: import('@playwright/test').Page, name: string) =>
  page.evaluate(
    (n) =>
      window.__mockBackup
        .calls()
        .filter((c) => c.cmd === n)
        .map((c) => c.args),
    name,
  );

test('back up now: asks for a folder once, shows progress and the file, remembers the last backup', async ({
  page,
}) => {
  const watch = await openFresh(page);
  await openBackup(page);
  await expect(page.getByTestId('backup-folder')).toHaveText('아직 고르지 않았습니다');
  await expect(page.getByTestId('backup-last')).toHaveText('아직 백업하지 않았습니다');
  await expect(page.getByTestId('backup-every-7')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('backup-keep-5')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('비어 있는 새 폴더를 고르세요')).toBeVisible();

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-now')).toBeDisabled();
  await expect(page.getByTestId('backup-progress')).toContainText('/4');
  await expect(page.getByTestId('backup-done')).toContainText('/media/owner/USB/공방백업/gongbang-backup-');
  await expect(page.getByTestId('backup-progress')).toBeHidden();
  await expect(page.getByTestId('backup-folder')).toHaveText('/media/owner/USB/공방백업');
  await expect(page.getByTestId('backup-last')).toContainText('gongbang-backup-');
  await shot(page, 'backup-done');

  // The schedule: every 14 days, keep 10.
  await page.getByTestId('backup-every-14').click();
  await expect(page.getByTestId('backup-every-14')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('backup-keep-10').click();
  await expect(page.getByTestId('backup-keep-10')).toHaveAttribute('aria-pressed', 'true');
  expect(await mockCalls(page, 'set_auto_backup')).toEqual([
    { everyDays: 14, keep: 5 },
    { everyDays: 14, keep: 10 },
  ]);
  // Kept across a restart of the window.
  await page.reload();
  await openBackup(page);
  await expect(page.getByTestId('backup-every-14')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('backup-last')).toContainText('gongbang-backup-');
  expect(watch.pageErrors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

test('a missing USB folder is said in plain words; choosing another folder clears it', async ({ page }) => {
  await openFresh(page);
  await openBackup(page);
  await page.getByTestId('backup-choose-folder').click();
  await expect(page.getByTestId('backup-folder')).toHaveText('/media/owner/USB/공방백업');
  await page.evaluate(() => window.__mockBackup.unplug());
  await page.reload();
  await openBackup(page);
  await expect(page.getByTestId('backup-folder-missing')).toContainText('USB가 빠졌나요');
  await expect(page.getByTestId('backup-last-error')).toBeVisible();
  await page.evaluate(() => window.__mockBackup.pickFolder('D:\\백업'));
  await page.getByTestId('backup-choose-folder').click();
  await expect(page.getByTestId('backup-folder')).toHaveText('D:\\백업');
  await expect(page.getByTestId('backup-folder-missing')).toBeHidden();
});

test('restore goes into a new folder and offers the switch; a damaged file is refused in plain words', async ({
  page,
}) => {
  await openFresh(page);
  await openBackup(page);
  await page.getByTestId('restore-backup').click();
  await expect(page.getByTestId('restore-done')).toContainText('사진 1234장');
  await expect(page.getByTestId('restore-done')).toContainText('/home/owner/복원한 자료');
  await expect(page.getByTestId('restore-done')).toContainText('다시 시작');
  await shot(page, 'backup-restored');
  await page.getByTestId('restore-switch').click();
  await expect(page.getByTestId('restore-switched')).toBeVisible();
  expect(await mockCalls(page, 'switch_library')).toEqual([{ dir: '/home/owner/복원한 자료' }]);

  await page.evaluate(() =>
    window.__mockBackup.fail(
      'backup_damaged',
      '백업 파일이 손상되어 복원할 수 없습니다 (originals/ab/abcd.jpg의 크기나 해시가 기록과 다름). 아무것도 바꾸지 않았습니다.',
      'The backup file is damaged and cannot be restored.',
    ),
  );
  await page.getByTestId('restore-backup').click();
  await expect(page.getByTestId('backup-error')).toHaveAttribute('data-code', 'backup_damaged');
  await expect(page.getByTestId('backup-error')).toContainText('손상');
  await expect(page.getByTestId('restore-done')).toBeHidden();

  // A cancelled dialog says nothing.
  await page.evaluate(() => window.__mockBackup.pickRestore(null));
  await page.getByTestId('restore-backup').click();
  await expect(page.getByTestId('backup-error')).toBeHidden();
  await expect(page.getByTestId('restore-done')).toBeHidden();

  // English.
  await page.getByTestId('settings-lang-en').click();
  await expect(page.getByTestId('restore-backup')).toHaveText('Restore from a backup file');
  await expect(page.getByTestId('backup-now')).toHaveText('Back up now');
});
