// The one door between the window and the Rust app (docs/ipc-contract.md). Only this file imports
// @tauri-apps/api, so the tests can swap it for tests/mock-backend.ts and nothing else in ui/ knows Tauri exists.
// Every function here mirrors one command of the contract; errors are normalised to AppError so the UI can
// always show a calm message in the owner's language and never a raw stack trace.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { toAppError } from './errors';

export { isAppError, toAppError } from './errors';

// ---- Types (camelCase JSON, exactly as in the contract) ----
export type Lang = 'ko' | 'en';
export interface AppError { code: string; messageKo: string; messageEn: string }
export interface AppInfo { version: string; libraryDir: string; lang: Lang; exportDir: string | null }
export type PhotoRole = 'stock' | 'in_process' | 'finished' | 'measured' | 'machine';
export interface Photo {
  id: number; hash: string; originalName: string;
  width: number; height: number;
  takenAt: string | null; cameraMake: string | null; cameraModel: string | null;
  hasGps: boolean; byteSize: number;
  role: PhotoRole | null; caption: string;
  thumbUrl: string;
}
export interface JobFields {
  title: string; material: string; process: string; machine: string; tolerance: string;
  finish: string; quantity: string; leadTime: string; story: string;
}
export interface Job extends JobFields { id: number; createdAt: string; updatedAt: string }
export type ImportOutcome = 'imported' | 'duplicate' | 'rejected';
export interface ImportItem {
  path: string; fileName: string; outcome: ImportOutcome;
  photo: Photo | null;
  reasonKo: string | null; reasonEn: string | null;
}
export interface ImportProgress { done: number; total: number; item: ImportItem }
export interface ImportSummary { items: ImportItem[]; imported: number; duplicates: number; rejected: number }
export type Platform = 'naver' | 'html' | 'markdown';
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'photo'; photoId: number; caption: string }
  | { kind: 'list'; items: string[] };
export interface Post {
  id: number; jobId: number; platform: Platform; title: string; blocks: Block[]; tags: string[];
  status: 'draft' | 'exported' | 'published'; exportPath: string | null; updatedAt: string;
}
export interface Session { job: Job; photos: Photo[]; post: Post | null }
export interface Preset { value: string; labelKo: string; labelEn: string; group: string }
export interface Presets { materials: Preset[]; processes: Preset[] }
export interface ExportResult { folder: string; files: string[] }

/** What the file manager's drag does over the window: enter/over (highlight), leave, drop (paths). */
export type FileDragEvent =
  | { type: 'enter' | 'over' }
  | { type: 'leave' }
  | { type: 'drop'; paths: string[] };

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

// ---- Commands ----
export const appInfo = () => call<AppInfo>('app_info');
export const setLang = (lang: Lang) => call<AppInfo>('set_lang', { lang });
export const presets = () => call<Presets>('presets');
export const currentSession = () => call<Session>('current_session');
export const newJob = () => call<Session>('new_job');
export const listJobs = () => call<Job[]>('list_jobs');
export const openJob = (jobId: number) => call<Session>('open_job', { jobId });
export const updateJob = (jobId: number, fields: JobFields) => call<Job>('update_job', { jobId, fields });
export const importPaths = (jobId: number, paths: string[]) => call<ImportSummary>('import_paths', { jobId, paths });
export const pickAndImport = (jobId: number) => call<ImportSummary | null>('pick_and_import', { jobId });
export const setPhotoOrder = (jobId: number, photoIds: number[]) => call<Photo[]>('set_photo_order', { jobId, photoIds });
export const removePhoto = (jobId: number, photoId: number) => call<Photo[]>('remove_photo', { jobId, photoId });
export const setPhotoMeta = (jobId: number, photoId: number, role: PhotoRole | null, caption: string) =>
  call<Photo>('set_photo_meta', { jobId, photoId, role, caption });
export const makeDraft = (jobId: number, platform: Platform) => call<Post>('make_draft', { jobId, platform });
export const savePost = (post: Post) => call<Post>('save_post', { post });
export const chooseExportDir = () => call<string | null>('choose_export_dir');
export const exportPost = (postId: number) => call<ExportResult>('export_post', { postId });

// ---- Events ----
/** Progress of import_paths / pick_and_import, one event per file. */
export async function onImportProgress(handler: (p: ImportProgress) => void): Promise<() => void> {
  return listen<ImportProgress>('import-progress', (ev) => handler(ev.payload));
}

/** Files dragged from the file manager over the window (Tauri's native drop; paths, not File objects). */
export async function onFileDrag(handler: (ev: FileDragEvent) => void): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((ev) => {
    const p = ev.payload;
    if (p.type === 'drop') handler({ type: 'drop', paths: p.paths });
    else if (p.type === 'leave') handler({ type: 'leave' });
    else handler({ type: p.type });
  });
}
