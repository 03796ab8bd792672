// Mock of the backup commands (설정 → 백업) for the Playwright build. Its state (the settings, the files
// "written") lives under its own localStorage key and is cleared by window.__mock.reset() like the rest. A
// backup emits backup-progress events (1/4 … 4/4) before it answers.
//
// Test hooks (window.__mockBackup):
//   pickFolder(path|null)    what the next choose_backup_folder / backup_now dialog answers (null: cancel)
//   pickRestore(r|null)      what the next restore_backup answers (null: cancelled), or fail(code) first
//   fail(code, ko, en)       the next backup_now / restore_backup rejects with this error
//   unplug()                 the chosen folder is gone (folderMissing)
//   calls()                  the commands called, with their arguments
//   state()                  a copy of this file's state
import type { AppError, BackupProgress, BackupSettings, RestoreResult } from '../src/backend';
import { toAppError } from '../src/errors';

interface BackupState {
  settings: BackupSettings;
  switchedTo: string | null;
  files: string[];
}
const KEY = 'gb-mock-backup';
const fresh = (): BackupState => ({
  settings: {
    folder: null,
    everyDays: 7,
    keep: 5,
    lastBackupAt: null,
    lastBackupFile: null,
    libraryDir: '/home/owner/.local/share/kr.gongbang.post',
    folderMissing: false,
    lastError: null,
  },
  switchedTo: null,
  files: [],
});
function load(): BackupState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<BackupState>) };
  } catch {
    /* start fresh */
  }
  return fresh();
}
let M = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(M));
const calls: { cmd: string; args: unknown }[] = [];
let nextFolder: string | null = '/media/owner/USB/공방백업';
let nextRestore: RestoreResult | null = {
  libraryDir: '/home/owner/복원한 자료',
  photos: 1234,
  jobs: 210,
};
let nextFailure: AppError | null = null;
const progressHandlers = new Set<(p: BackupProgress) => void>();

async function cmd<T>(name: string, args: unknown, run: () => T | Promise<T>): Promise<T> {
  calls.push({ cmd: name, args: args === undefined ? undefined : JSON.parse(JSON.stringify(args)) });
  await new Promise((r) => setTimeout(r, 5));
  try {
    const out = await run();
    save();
    return JSON.parse(JSON.stringify(out ?? null)) as T;
  } catch (e) {
    throw toAppError(e);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function emitProgress(total: number) {
  for (let done = 0; done <= total; done++) {
    for (const h of progressHandlers) h({ done, total });
    await sleep(400);
  }
}
const stamp = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};
const withMissing = (s: BackupSettings): BackupSettings => s;

export const backupSettings = () => cmd('backup_settings', undefined, () => withMissing(M.settings));
export const setAutoBackup = (everyDays: number, keep: number) =>
  cmd('set_auto_backup', { everyDays, keep }, () => {
    M.settings = { ...M.settings, everyDays, keep };
    return M.settings;
  });
export const chooseBackupFolder = () =>
  cmd('choose_backup_folder', undefined, (): BackupSettings | null => {
    if (nextFolder === null) return null;
    M.settings = { ...M.settings, folder: nextFolder, folderMissing: false };
    return M.settings;
  });
export const backupNow = () =>
  cmd('backup_now', undefined, async (): Promise<string> => {
    if (nextFailure) {
      const e = nextFailure;
      nextFailure = null;
      throw e;
    }
    if (!M.settings.folder || M.settings.folderMissing) {
      if (nextFolder === null) throw { code: 'cancelled', messageKo: '취소했습니다.', messageEn: 'Cancelled.' };
      M.settings = { ...M.settings, folder: nextFolder, folderMissing: false };
    }
    await emitProgress(4);
    const file = `${M.settings.folder}/gongbang-backup-${stamp()}.zip`;
    M.files.push(file);
    M.settings = {
      ...M.settings,
      lastBackupAt: new Date().toISOString(),
      lastBackupFile: file,
      lastError: null,
    };
    return file;
  });
export const restoreBackup = () =>
  cmd('restore_backup', undefined, async (): Promise<RestoreResult | null> => {
    if (nextFailure) {
      const e = nextFailure;
      nextFailure = null;
      throw e;
    }
    if (!nextRestore) return null;
    await emitProgress(3);
    return nextRestore;
  });
export const switchLibrary = (dir: string) =>
  cmd('switch_library', { dir }, (): null => {
    M.switchedTo = dir;
    return null;
  });
export async function onBackupProgress(handler: (p: BackupProgress) => void): Promise<() => void> {
  progressHandlers.add(handler);
  return () => progressHandlers.delete(handler);
}

// ---- test hooks ----
declare global {
  interface Window {
    __mockBackup: {
      pickFolder(path: string | null): void;
      pickRestore(r: RestoreResult | null): void;
      fail(code: string, messageKo: string, messageEn: string): void;
      unplug(): void;
      calls(): { cmd: string; args: unknown }[];
      state(): BackupState;
    };
  }
}
window.__mockBackup = {
  pickFolder(path) {
    nextFolder = path;
  },
  pickRestore(r) {
    nextRestore = r;
  },
  fail(code, messageKo, messageEn) {
    nextFailure = { code, messageKo, messageEn };
  },
  unplug() {
    M.settings = {
      ...M.settings,
      folderMissing: true,
      lastError: `자동 백업 폴더가 없습니다 (USB가 빠졌나요?): ${M.settings.folder}`,
    };
    save();
  },
  calls: () => JSON.parse(JSON.stringify(calls)) as { cmd: string; args: unknown }[],
  state: () => JSON.parse(JSON.stringify(M)) as BackupState,
};
queueMicrotask(() => {
  const m = window.__mock;
  if (!m) return;
  const coreReset = m.reset;
  m.reset = () => {
    coreReset();
    M = fresh();
    save();
  };
});
