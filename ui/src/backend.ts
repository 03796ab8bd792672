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
export interface AppError {
  code: string;
  messageKo: string;
  messageEn: string;
}
export interface AppInfo {
  version: string;
  libraryDir: string;
  lang: Lang;
  exportDir: string | null;
}
export type PhotoRole = 'stock' | 'in_process' | 'finished' | 'measured' | 'machine';
export interface Photo {
  id: number;
  hash: string;
  originalName: string;
  width: number;
  height: number;
  takenAt: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  hasGps: boolean;
  byteSize: number;
  role: PhotoRole | null;
  caption: string;
  redactions: RedactBox[]; // per photo (every job that uses it), fractions of the upright photo
  thumbUrl: string; // the boxes burned in (the URL names them): every view but the box editor
  rawThumbUrl: string; // without the boxes: the box editor (RedactEditor) only
}
export interface JobFields {
  title: string;
  material: string;
  process: string;
  machine: string;
  tolerance: string;
  finish: string;
  quantity: string;
  leadTime: string;
  story: string;
}
export type OwnerKind = 'own' | 'client';
/** ownerKind null = not set yet: the leak guard treats it as a customer's job with policy 'ask'. */
export interface Job extends JobFields {
  id: number;
  createdAt: string;
  updatedAt: string;
  ownerKind: OwnerKind | null;
  clientId: number | null;
}
export type ImportOutcome = 'imported' | 'duplicate' | 'rejected';
export interface ImportItem {
  path: string;
  fileName: string;
  outcome: ImportOutcome;
  photo: Photo | null;
  reasonKo: string | null;
  reasonEn: string | null;
}
export interface ImportProgress {
  done: number;
  total: number;
  item: ImportItem;
}
export interface ImportSummary {
  items: ImportItem[];
  imported: number;
  duplicates: number;
  rejected: number;
}
export type Platform = 'naver' | 'html' | 'markdown' | 'youtube' | 'shorts';
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'photo'; photoId: number; caption: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: [string, string][] }; // the specs: [label, value] pairs
export interface Post {
  id: number;
  jobId: number;
  platform: Platform;
  title: string;
  blocks: Block[];
  tags: string[];
  status: 'draft' | 'exported' | 'published';
  exportPath: string | null;
  updatedAt: string;
  video: VideoSettings;
}
/** The owner's video choices (YouTube/Shorts posts). photoSeconds is keyed by photo id (JSON object keys). */
export interface VideoSettings {
  secondsPerPhoto: number;
  photoSeconds: Record<string, number>;
  burnCaptions: boolean;
  titleCard: string; // '' = the job title
  titleCardSub: string; // '' = material · process
}
export type SegmentKind = 'title' | 'photo' | 'end';
export interface Segment {
  kind: SegmentKind;
  photoId?: number;
  role?: PhotoRole | null;
  startFrame: number;
  endFrame: number;
  startMs: number;
  endMs: number;
  caption: string;
}
export interface VideoPlan {
  format: 'landscape' | 'shorts';
  width: number;
  height: number;
  fps: number;
  totalFrames: number;
  durationMs: number;
  segments: Segment[];
  droppedPhotos: number;
  /** Preview frames are served at frameBase + frame number (a JPEG a third of the video's size). */
  frameBase: string;
}
export interface ExportProgress {
  done: number;
  total: number;
  etaMs: number | null;
}
export interface Session {
  job: Job;
  photos: Photo[];
  post: Post | null;
}
export interface Preset {
  value: string;
  labelKo: string;
  labelEn: string;
  group: string;
}
export interface Presets {
  materials: Preset[];
  processes: Preset[];
  equipment: Preset[];
}
export interface ExportResult {
  folder: string;
  files: string[];
}

// ---- the coach, the shop profile, the calendar, the AI helper (issue 5) ----
export interface ShopProfile {
  name: string;
  owner: string;
  phone: string;
  email: string;
  address: string;
  regionKeywords: string[];
  website: string;
  kakao: string;
  equipment: string[];
  materials: string[];
  tolerance: string;
  sizes: string;
  lotSizes: string;
  logoDataUrl: string | null;
  saved: boolean;
}
export type CheckStatus = 'pass' | 'fail' | 'warn';
export interface CoachCheck {
  id: string;
  status: CheckStatus;
  titleKo: string;
  titleEn: string;
  whyKo: string;
  whyEn: string;
  fix: string | null;
  fixLabelKo: string | null;
  fixLabelEn: string | null;
  photoIds: number[];
}
export interface Coach {
  postId: number;
  platform: Platform;
  score: number;
  passed: number;
  total: number;
  checks: CoachCheck[];
  mainKeyword: string;
  keywords: string[];
}
export interface AiSettings {
  enabled: boolean;
  baseUrl: string;
  model: string;
  hasKey: boolean;
}
export type AiStyle = 'polish' | 'shorter' | 'friendlier';
export interface ExportEvent {
  postId: number;
  jobId: number;
  jobTitle: string;
  platform: Platform;
  postTitle: string;
  at: string;
  kind: 'exported' | 'published';
  folder: string | null;
  folderExists: boolean;
  url: string | null;
}
export interface WeekStat {
  start: string;
  count: number;
  met: boolean;
}
export interface Calendar {
  month: string;
  days: { date: string; events: ExportEvent[] }[];
  goalPerWeek: number;
  thisWeek: number;
  streakWeeks: number;
  weeks: WeekStat[];
}
export interface Reminder {
  behind: boolean;
  goalPerWeek: number;
  thisWeek: number;
  jobsWithoutPost: { jobId: number; title: string; photoCount: number; thumbUrl: string | null }[];
}
export interface PostHistoryItem {
  postId: number;
  jobId: number;
  jobTitle: string;
  platform: Platform;
  title: string;
  status: 'draft' | 'exported' | 'published';
  exportPath: string | null;
  folderExists: boolean;
  exportedAt: string | null;
  publishedUrl: string | null;
  updatedAt: string;
}

// ---- leak guard (issue 3) ----
export type Policy = 'public' | 'ask' | 'never';
export interface Client {
  id: number;
  name: string;
  aliases: string[];
  policy: Policy;
  note: string;
}
export interface ClientInput {
  id: number | null;
  name: string;
  aliases: string[];
  policy: Policy;
  note: string;
}
export interface RedactBox {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type MetaKind =
  | 'gps'
  | 'serial'
  | 'owner'
  | 'date'
  | 'camera'
  | 'makernote'
  | 'thumbnail'
  | 'xmp'
  | 'iptc'
  | 'comment'
  | 'description'
  | 'software'
  | 'other';
export interface MetaItem {
  kind: MetaKind;
  labelKo: string;
  labelEn: string;
  value: string;
}
export interface Approval {
  id: number;
  jobId: number;
  clientId: number;
  clientName: string;
  approvedBy: string;
  how: string;
  note: string;
  approvedAt: string;
  recordedAt: string;
}
export interface Guard {
  jobId: number;
  ownerKind: OwnerKind | null;
  client: Client | null;
  policy: Policy;
  approval: Approval | null;
  canExport: boolean;
  reasonKo: string | null;
  reasonEn: string | null;
  /** A photo of the job's current post that made the verdict stricter (not the job's, or shared with a stricter job). */
  photoIssue?: PhotoIssue | null;
}
export interface PhotoIssue {
  photoId: number;
  otherJobId: number | null;
  otherJobTitle: string;
  otherClient: string | null;
  otherPolicy: Policy | null;
  code: string;
}
/** What remove_photo took out (hand it back to restore_photo to undo). */
export interface RemovedPhoto {
  jobId: number;
  photoId: number;
  index: number;
  role: PhotoRole | null;
  caption: string;
  posts: { postId: number; blocks: { index: number; caption: string }[]; seconds: number | null }[];
}
export interface PhotoRemoval {
  photos: Photo[];
  posts: Post[];
  removed: RemovedPhoto | null;
}
export type FindingField = 'title' | 'body' | 'caption' | 'tag';
export interface TextFinding {
  field: FindingField;
  blockIndex: number | null;
  itemIndex: number | null;
  /** The table cell (block blockIndex) the finding is in: row, and column 0 (label) or 1 (value). */
  row: number | null;
  column: number | null;
  start: number;
  end: number; // UTF-16 offsets (JS string indices)
  text: string;
  kind: 'client' | 'pattern' | 'word';
  ruleKo: string;
  ruleEn: string;
  suggestion: string;
  /** Where in the export (scan_post scans every text an export writes or draws); 'post' = field says it. */
  place?: ExportPlace;
  /** `place` in words, absent for the post's own text. */
  whereKo?: string | null;
  whereEn?: string | null;
}
/** Where a piece of an export's text is: the post's own text, a written file, or a string drawn into pixels. */
export type ExportPlace =
  | { kind: 'post' }
  | { kind: 'file'; name: string }
  | { kind: 'title_card' }
  | { kind: 'title_card_sub' }
  | { kind: 'photo_caption'; n: number }
  | { kind: 'end_card' }
  | { kind: 'thumbnail' };
/** The YouTube package's text files, exactly as written. */
export interface YoutubeTexts {
  title: string;
  description: string;
  tags: string;
  srt: string;
}
/** Every string a video draws into pixels, exactly as drawn. */
export interface DrawnTexts {
  titleCard: string;
  titleCardSub: string;
  captions: string[]; // per photo in plan order ('' = none drawn)
  endCardName: string;
  endCardLines: string[];
  thumbnail: string | null; // 16:9 only
}
/** export_texts: every text an export of the post will contain (what the guard scans, what is written). */
export interface ExportTexts {
  postId: number;
  platform: Platform;
  files: { name: string; text: string }[];
  drawn: DrawnTexts | null;
  youtube: YoutubeTexts | null;
  replacements: { find: string; replacement: string }[];
}
export interface HistoryEntry {
  at: string;
  kind:
    | 'created'
    | 'approval'
    | 'override'
    | 'export'
    | 'refused'
    | 'client_changed'
    | 'owner_changed'
    | 'box_removed'
    | 'word_removed';
  textKo: string;
  textEn: string;
}

/** What the file manager's drag does over the window: enter/over (highlight), leave, drop (paths). */
export type FileDragEvent = { type: 'enter' | 'over' } | { type: 'leave' } | { type: 'drop'; paths: string[] };

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
export const setPhotoOrder = (jobId: number, photoIds: number[]) =>
  call<Photo[]>('set_photo_order', { jobId, photoIds });
export const removePhoto = (jobId: number, photoId: number) => call<PhotoRemoval>('remove_photo', { jobId, photoId });
export const restorePhoto = (removed: RemovedPhoto) => call<PhotoRemoval>('restore_photo', { removed });
export const setPhotoMeta = (jobId: number, photoId: number, role: PhotoRole | null, caption: string) =>
  call<Photo>('set_photo_meta', { jobId, photoId, role, caption });
export const makeDraft = (jobId: number, platform: Platform) => call<Post>('make_draft', { jobId, platform });
export const savePost = (post: Post) => call<Post>('save_post', { post });
export const chooseExportDir = () => call<string | null>('choose_export_dir');
export const exportPost = (postId: number, confirmedTerms: string[]) =>
  call<ExportResult>('export_post', { postId, confirmedTerms });
export const cancelExport = () => call<null>('cancel_export');
export const saveVideo = (postId: number, video: VideoSettings) => call<Post>('save_video', { postId, video });
export const videoPlan = (postId: number) => call<VideoPlan>('video_plan', { postId });
export const exportTexts = (postId: number) => call<ExportTexts>('export_texts', { postId });
/** The preview frame's URL; `version` (the post's save) keeps the webview from showing an older frame. */
export const frameUrl = (plan: VideoPlan, frame: number, version: string) =>
  `${plan.frameBase}${frame}?v=${encodeURIComponent(version)}`;

// ---- leak guard ----
export const listClients = () => call<Client[]>('list_clients');
export const saveClient = (client: ClientInput) => call<Client>('save_client', { client });
export const setJobOwner = (jobId: number, ownerKind: OwnerKind | null, clientId: number | null) =>
  call<Guard>('set_job_owner', { jobId, ownerKind, clientId });
export const jobGuard = (jobId: number) => call<Guard>('job_guard', { jobId });
export const recordApproval = (
  jobId: number,
  approvedBy: string,
  how: string,
  note: string,
  approvedAt: string | null,
) => call<Guard>('record_approval', { jobId, approvedBy, how, note, approvedAt });
export const jobHistory = (jobId: number) => call<HistoryEntry[]>('job_history', { jobId });
export const photoMetadata = (photoId: number) => call<MetaItem[]>('photo_metadata', { photoId });
export const setRedactions = (photoId: number, boxes: RedactBox[]) => call<Photo>('set_redactions', { photoId, boxes });
export const scanPost = (postId: number) => call<TextFinding[]>('scan_post', { postId });
export const replaceInPost = (postId: number, find: string, replacement: string) =>
  call<Post>('replace_in_post', { postId, find, replacement });
export const listWatchWords = () => call<string[]>('list_watch_words');
export const setWatchWords = (words: string[]) => call<string[]>('set_watch_words', { words });

// ---- the coach, the shop profile, the calendar, the AI helper ----
export const shopProfile = () => call<ShopProfile>('shop_profile');
export const saveShopProfile = (profile: ShopProfile) => call<ShopProfile>('save_shop_profile', { profile });
export const pickLogo = () => call<ShopProfile | null>('pick_logo');
export const clearLogo = () => call<ShopProfile>('clear_logo');
export const coachPost = (postId: number) => call<Coach>('coach_post', { postId });
export const applyFix = (postId: number, fix: string, arg: string | null = null) =>
  call<Post>('apply_fix', { postId, fix, arg });
export const aiSettings = () => call<AiSettings>('ai_settings');
export const saveAiSettings = (settings: { enabled: boolean; baseUrl: string; model: string }, apiKey: string | null) =>
  call<AiSettings>('save_ai_settings', { settings, apiKey });
export const aiRewrite = (postId: number, style: AiStyle, blockIndex: number | null) =>
  call<Post>('ai_rewrite', { postId, style, blockIndex });
export const cancelAi = () => call<null>('cancel_ai');
export const calendar = (month: string | null) => call<Calendar>('calendar', { month });
export const setWeeklyGoal = (perWeek: number) => call<Calendar>('set_weekly_goal', { perWeek });
export const reminder = () => call<Reminder>('reminder');
export const postHistory = () => call<PostHistoryItem[]>('post_history');
export const openExportFolder = (postId: number) => call<null>('open_export_folder', { postId });
export const markPublished = (postId: number, url: string) => call<PostHistoryItem>('mark_published', { postId, url });

// ---- Events ----
/** Progress of import_paths / pick_and_import, one event per file. */
export async function onImportProgress(handler: (p: ImportProgress) => void): Promise<() => void> {
  return listen<ImportProgress>('import-progress', (ev) => handler(ev.payload));
}

/** Progress of a video export_post (about 10 a second, and the last frame). */
export async function onExportProgress(handler: (p: ExportProgress) => void): Promise<() => void> {
  return listen<ExportProgress>('export-progress', (ev) => handler(ev.payload));
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
