// 설정 → 동아리 폴더: the folder shared with the club (KakaoTalk PC, a NAS, OneDrive, Naver MYBOX, Syncthing;
// nothing goes to a server), chosen in the OS dialog (from Rust) or no longer used; a missing folder said in plain
// words; sharing the posting streak (counts only) and the club's streaks, ours highlighted; the files waiting
// in the folder with the way to the review screen.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  type AppError,
  chooseClubFolder,
  clearClubFolder,
  clubInbox,
  clubSettings,
  type ClubSettings as Settings,
  setShareStreak,
  toAppError,
} from '../backend';
import { errorText, t } from '../i18n';
import { goScreen } from '../state';

export function ClubSettings() {
  const settings = useSignal<Settings | null>(null);
  const waiting = useSignal(0);
  const failure = useSignal<AppError | null>(null);

  const run = async (f: () => Promise<Settings | null>) => {
    failure.value = null;
    try {
      const s = await f();
      if (s) settings.value = s;
      waiting.value = (await clubInbox()).length;
    } catch (e) {
      const err = toAppError(e);
      if (err.code !== 'cancelled') failure.value = err;
    }
  };
  useEffect(() => {
    void run(clubSettings);
  }, []);

  const s = settings.value;
  return (
    <div class="club" data-testid="club-section" data-loaded={s ? 'true' : undefined}>
      <h2 id="settings-club">{t('clubTitle')}</h2>
      <p class="hint">{t('clubHelp')}</p>
      {s && (
        <>
          <p class="club-folder-line">
            <code class="export-folder" data-testid="club-folder">
              {s.folder ?? t('clubFolderNone')}
            </code>
          </p>
          {s.folderMissing && (
            <p class="hint-bad" role="alert" data-testid="club-folder-missing">
              {t('clubMissing')}
            </p>
          )}
          <div class="sc-chips">
            <button
              type="button"
              class="btn btn-big"
              data-testid="club-choose"
              onClick={() => void run(chooseClubFolder)}
            >
              {t('clubChoose')}
            </button>
            {s.folder && (
              <button
                type="button"
                class="btn btn-secondary"
                data-testid="club-clear"
                onClick={() => void run(clearClubFolder)}
              >
                {t('clubClear')}
              </button>
            )}
          </div>
          {s.folder && waiting.value > 0 && (
            <p class="club-waiting" data-testid="club-waiting" data-count={waiting.value}>
              <strong>{t('clubWaiting', { n: waiting.value })}</strong>{' '}
              <button
                type="button"
                class="btn btn-secondary"
                data-testid="club-go-review"
                onClick={() => void goScreen('review')}
              >
                {t('clubGoReview')}
              </button>
            </p>
          )}
          <label class="club-share">
            <input
              type="checkbox"
              data-testid="club-share-streak"
              checked={s.shareStreak}
              disabled={!s.folder}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                void run(() => setShareStreak(on));
              }}
            />
            <span>
              <strong>{t('clubShare')}</strong>
              <span class="hint"> {t('clubShareHint')}</span>
            </span>
          </label>
          <h3 class="club-streaks-title">{t('clubStreaks')}</h3>
          {s.streaks.length === 0 ? (
            <p class="hint">{t('clubStreaksNone')}</p>
          ) : (
            <table class="club-streaks" data-testid="club-streaks">
              <thead>
                <tr>
                  <th scope="col">{t('clubStreakShop')}</th>
                  <th scope="col">{t('clubStreakWeeks')}</th>
                  <th scope="col">{t('clubStreakThisWeek')}</th>
                </tr>
              </thead>
              <tbody>
                {s.streaks.map((x) => (
                  <tr
                    key={x.shop}
                    class={x.mine ? 'is-mine' : undefined}
                    data-testid="club-streak"
                    data-mine={x.mine ? 'true' : 'false'}
                  >
                    <th scope="row">
                      {x.shop}
                      {x.mine && <span class="club-mine"> ({t('clubStreakMine')})</span>}
                    </th>
                    <td>{t('clubStreakWeeksN', { n: x.streakWeeks })}</td>
                    <td>
                      {x.thisWeek} / {x.goalPerWeek || '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {failure.value && (
        <p class="backup-error" role="alert" data-testid="club-error" data-code={failure.value.code}>
          {errorText(failure.value)}
        </p>
      )}
    </div>
  );
}
