// 설정 → 백업: a backup now (with its progress), the automatic backup's folder, how often and how many are
// kept, the last backup, and a restore that always goes into a new, empty folder (then, if the owner wants,
// that library is used from the next start). The OS dialogs are shown by Rust.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  type AppError,
  backupNow,
  backupSettings,
  chooseBackupFolder,
  onBackupProgress,
  type RestoreResult,
  restoreBackup,
  type BackupSettings as Settings,
  setAutoBackup,
  switchLibrary,
  toAppError,
} from '../backend';
import { errorText, t } from '../i18n';

const EVERY = [0, 1, 3, 7, 14, 30];
const KEEP = [1, 3, 5, 10, 20];

export function BackupSettings() {
  const settings = useSignal<Settings | null>(null);
  const running = useSignal<null | 'backup' | 'restore'>(null);
  const progress = useSignal<{ done: number; total: number } | null>(null);
  const done = useSignal<string | null>(null);
  const restored = useSignal<RestoreResult | null>(null);
  const switched = useSignal(false);
  const failure = useSignal<AppError | null>(null);

  useEffect(() => {
    let stop: (() => void) | undefined;
    void backupSettings()
      .then((s) => {
        settings.value = s;
      })
      .catch((e: unknown) => {
        failure.value = toAppError(e);
      });
    void onBackupProgress((p) => {
      progress.value = p;
    }).then((f) => {
      stop = f;
    });
    return () => stop?.();
  }, []);

  const run = async <T,>(what: 'backup' | 'restore', f: () => Promise<T>): Promise<T | undefined> => {
    running.value = what;
    progress.value = null;
    failure.value = null;
    try {
      return await f();
    } catch (e) {
      const err = toAppError(e);
      if (err.code !== 'cancelled') failure.value = err;
      return undefined;
    } finally {
      running.value = null;
      settings.value = await backupSettings().catch(() => settings.value);
    }
  };

  const s = settings.value;
  if (!s) return <h2>{t('backupTitle')}</h2>;
  const setAuto = async (everyDays: number, keep: number) => {
    try {
      settings.value = await setAutoBackup(everyDays, keep);
    } catch (e) {
      failure.value = toAppError(e);
    }
  };
  const p = progress.value;
  return (
    <div class="backup" data-testid="backup-section">
      <h2 id="settings-backup">{t('backupTitle')}</h2>
      <p class="hint">{t('backupHelp')}</p>
      <div class="sc-chips">
        <button
          type="button"
          class="btn btn-big"
          data-testid="backup-now"
          disabled={running.value !== null}
          onClick={async () => {
            done.value = null;
            const file = await run('backup', backupNow);
            if (file) done.value = file;
          }}
        >
          {t('backupNow')}
        </button>
      </div>
      {running.value && (
        <p class="backup-progress" role="status" data-testid="backup-progress">
          <progress max={p?.total || 1} value={p?.done ?? 0} />{' '}
          {t(running.value === 'backup' ? 'backupRunning' : 'restoreRunning', {
            done: p?.done ?? 0,
            total: p?.total ?? '…',
          })}
        </p>
      )}
      {done.value && (
        <p class="backup-done" role="status" data-testid="backup-done">
          {t('backupDone', { file: done.value })}
        </p>
      )}
      {failure.value && (
        <p class="backup-error" role="alert" data-testid="backup-error" data-code={failure.value.code}>
          {errorText(failure.value)}
        </p>
      )}

      <h3>{t('backupFolder')}</h3>
      <p data-testid="backup-folder">{s.folder ?? t('backupFolderNone')}</p>
      {s.folderMissing && (
        <p class="backup-error" role="alert" data-testid="backup-folder-missing">
          {t('backupFolderMissing')}
        </p>
      )}
      <button
        type="button"
        class="btn btn-secondary"
        data-testid="backup-choose-folder"
        disabled={running.value !== null}
        onClick={async () => {
          try {
            const next = await chooseBackupFolder();
            if (next) settings.value = next;
          } catch (e) {
            failure.value = toAppError(e);
          }
        }}
      >
        {t('backupChooseFolder')}
      </button>

      <h3 id="backup-every">{t('backupEvery')}</h3>
      <div class="sc-chips" role="group" aria-labelledby="backup-every">
        {EVERY.map((n) => (
          <button
            type="button"
            key={n}
            class={`sc-chip sc-chip-big${s.everyDays === n ? ' is-on' : ''}`}
            data-testid={`backup-every-${n}`}
            aria-pressed={s.everyDays === n}
            onClick={() => void setAuto(n, s.keep)}
          >
            {n === 0 ? t('backupEveryOff') : n === 7 ? t('backupEveryWeek') : t('backupEveryDays', { n })}
          </button>
        ))}
      </div>
      <h3 id="backup-keep">{t('backupKeep')}</h3>
      <div class="sc-chips" role="group" aria-labelledby="backup-keep">
        {KEEP.map((n) => (
          <button
            type="button"
            key={n}
            class={`sc-chip sc-chip-big${s.keep === n ? ' is-on' : ''}`}
            data-testid={`backup-keep-${n}`}
            aria-pressed={s.keep === n}
            onClick={() => void setAuto(s.everyDays, n)}
          >
            {t('backupKeepN', { n })}
          </button>
        ))}
      </div>

      <h3>{t('backupLast')}</h3>
      <p data-testid="backup-last">
        {s.lastBackupAt
          ? `${s.lastBackupAt.replace('T', ' ').slice(0, 16)} · ${s.lastBackupFile ?? ''}`
          : t('backupLastNone')}
      </p>
      {s.lastError && (
        <p class="backup-error" data-testid="backup-last-error">
          {t('backupLastError', { why: s.lastError })}
        </p>
      )}
      <p class="hint" data-testid="backup-library">
        {t('backupLibrary', { dir: s.libraryDir })}
      </p>

      <h3>{t('restoreTitle')}</h3>
      <p class="hint">{t('restoreHelp')}</p>
      <button
        type="button"
        class="btn btn-big btn-secondary"
        data-testid="restore-backup"
        disabled={running.value !== null}
        onClick={async () => {
          restored.value = null;
          switched.value = false;
          const r = await run('restore', restoreBackup);
          if (r) restored.value = r;
        }}
      >
        {t('restoreButton')}
      </button>
      {restored.value && (
        <div class="backup-restored" role="status" data-testid="restore-done">
          <p>
            {t('restoreDone', {
              photos: restored.value.photos,
              jobs: restored.value.jobs,
              dir: restored.value.libraryDir,
            })}
          </p>
          <p class="hint">{t('restoreSwitchHelp')}</p>
          {switched.value ? (
            <p data-testid="restore-switched">{t('restoreSwitched')}</p>
          ) : (
            <button
              type="button"
              class="btn"
              data-testid="restore-switch"
              onClick={async () => {
                const dir = restored.value?.libraryDir;
                if (!dir) return;
                try {
                  await switchLibrary(dir);
                  switched.value = true;
                } catch (e) {
                  failure.value = toAppError(e);
                }
              }}
            >
              {t('restoreSwitch')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
