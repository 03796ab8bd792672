// The one door between the window and the Rust app (docs/ipc-contract.md). The contract is declared once in
// Rust (src-tauri/ipc.rs) and generated into ./bindings.ts; only this file imports the bindings and
// @tauri-apps/api, so the tests can swap it for tests/mock-backend.ts and nothing else in ui/ knows Tauri
// exists. Every command here is the generated function with its rejection normalised to AppError, so the UI
// can always show a calm message in the owner's language and never a raw stack trace.
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type * as Wire from './bindings';
import { commands, events } from './bindings';
import { toAppError } from './errors';

export { isAppError, toAppError } from './errors';

// ---- Types: the generated ones (camelCase JSON, exactly as on the wire) under the names the window uses. Where
// serde reads more than it writes (an Option or a default may be left out of what the window sends), the
// bindings have both shapes and these are the ones Rust sends (`_Serialize`); commands take the other. ----
/** How every command fails (errors.ts makes any rejection one): Rust's IpcError. */
export type AppError = Wire.IpcError;
export type AiSettings = Wire.AiSettings;
export type AiSettingsInput = Wire.AiSettingsInput_Serialize;
export type AiStyle = Wire.Style;
export type AppInfo = Wire.AppInfo_Serialize;
export type Approval = Wire.Approval;
export type Block = Wire.Block;
export type Calendar = Wire.Calendar_Serialize;
export type CheckStatus = Wire.CheckStatus;
export type Client = Wire.Client;
export type ClientInput = Wire.ClientInput_Serialize;
export type Coach = Wire.Coach_Serialize;
export type CoachCheck = Wire.CoachCheck_Serialize;
export type DrawnTexts = Wire.DrawnTexts_Serialize;
export type ExportEvent = Wire.PostEvent_Serialize;
export type ExportPlace = Wire.Place;
export type ExportProgress = Wire.ExportProgress_Serialize;
export type ExportResult = Wire.ExportResult;
export type ExportTexts = Wire.ExportTexts_Serialize;
export type FindingField = Wire.Field;
export type Guard = Wire.Guard_Serialize;
export type HistoryEntry = Wire.HistoryEntry;
export type ImportItem = Wire.ImportItemView_Serialize;
export type ImportOutcome = Wire.ImportOutcome;
export type ImportProgress = Wire.ImportProgress_Serialize;
export type ImportSummary = Wire.ImportSummaryView_Serialize;
export type Job = Wire.Job_Serialize;
export type JobFields = Wire.JobFields_Serialize;
export type Lang = Wire.Lang;
export type MetaItem = Wire.MetaItem;
export type MetaKind = Wire.MetaKind;
export type NaverPart = Wire.NaverPart;
export type OwnerKind = Wire.OwnerKind;
export type Photo = Wire.PhotoView_Serialize;
export type PhotoIssue = Wire.PhotoIssue_Serialize;
export type PhotoRemoval = Wire.PhotoRemoval_Serialize;
export type PhotoRole = Wire.PhotoRole;
export type Platform = Wire.Platform;
export type Policy = Wire.Policy;
export type Post = Wire.Post_Serialize;
export type PostHistoryItem = Wire.HistoryItem_Serialize;
export type PostStatus = Wire.PostStatus;
export type Preset = Wire.Preset;
export type Presets = Wire.Presets;
export type RedactBox = Wire.RedactBox;
export type Reminder = Wire.ReminderView_Serialize;
export type RemovedPhoto = Wire.RemovedPhoto_Serialize;
export type Segment = Wire.Segment_Serialize;
export type Session = Wire.SessionView_Serialize;
export type ShopProfile = Wire.ShopProfile_Serialize;
export type LogoWatermark = Wire.LogoWatermark_Serialize;
export type Corner = Wire.Corner;
export type TextFinding = Wire.PlacedFinding_Serialize;
export type VideoPlan = Wire.VideoPlan_Serialize;
export type VideoSettings = Wire.VideoSettings_Serialize;
export type WeekStat = Wire.WeekStat;
export type YoutubeTexts = Wire.YoutubeTexts;
// The library (issue 14).
export type ClientChange = Wire.ClientChange;
export type ClientDetail = Wire.ClientDetail_Serialize;
export type FilterChoices = Wire.FilterChoices;
export type JobCard = Wire.JobCard_Serialize;
export type LibraryFilter = Wire.LibraryFilter_Serialize;
export type LibraryPage = Wire.LibraryPage_Serialize;
export type PhotoPage = Wire.PhotoPage_Serialize;
export type PhotoTile = Wire.PhotoTile_Serialize;
export type PostedFilter = Wire.PostedFilter;
export type Product = Wire.Product_Serialize;
export type ProductDetail = Wire.ProductDetail_Serialize;
export type ProductInput = Wire.ProductInput_Serialize;
export type ProductPost = Wire.ProductPost_Serialize;
export type Removal = Wire.Removal;
export type SearchHit = Wire.SearchHit_Serialize;
export type SourceJob = Wire.SourceJob_Serialize;
export type BackupSettings = Wire.BackupSettings_Serialize;
export type BackupProgress = Wire.BackupProgress;
export type RestoreResult = Wire.RestoreResult;
// A mentor's review and the club folder (issue 15).
export type BundleBlock = Wire.BundleBlock;
export type BundleView = Wire.BundleView_Serialize;
export type ClubItem = Wire.ClubItem;
export type ClubSettings = Wire.ClubSettings_Serialize;
export type ClubStreak = Wire.ClubStreak_Serialize;
export type NoteAnswer = Wire.NoteAnswer;
export type NoteInput = Wire.NoteInput_Deserialize;
export type NoteTarget = Wire.NoteTarget;
export type Opened = Wire.Opened_Serialize;
export type Review = Wire.Review_Serialize;
export type ReviewNote = Wire.ReviewNote_Serialize;
export type SentBundle = Wire.SentBundle;
export type WrittenReply = Wire.WrittenReply;
// Template packs and lessons (issue 15).
export type InstalledPack = Wire.InstalledPack;
export type PackPreview = Wire.PackPreview_Serialize;
export type PackFileChange = Wire.PackFileChange_Serialize;
export type PickedPack = Wire.PickedPack_Serialize;
export type ExportedPack = Wire.ExportedPack;
export type LessonSummary = Wire.LessonSummary;
export type Lesson = Wire.Lesson;
export type LessonBlock = Wire.LessonBlock;
export type LessonSpan = Wire.Span;

/** The generated commands: what this door offers and what the mock backend implements. */
export type Commands = typeof commands;
export type { CommandSignatures } from './bindings';

/** What the file manager's drag does over the window: enter/over (highlight), leave, drop (paths). */
export type FileDragEvent = { type: 'enter' | 'over' } | { type: 'leave' } | { type: 'drop'; paths: string[] };

/** A generated command whose rejection becomes an AppError. */
function door<A extends unknown[], R>(command: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await command(...args);
    } catch (e) {
      throw toAppError(e);
    }
  };
}

// ---- Commands (what each does: ./bindings.ts, from the Rust doc comments) ----
export const appInfo = door(commands.appInfo);
export const setLang = door(commands.setLang);
export const presets = door(commands.presets);
export const currentSession = door(commands.currentSession);
export const newJob = door(commands.newJob);
export const listJobs = door(commands.listJobs);
export const openJob = door(commands.openJob);
export const updateJob = door(commands.updateJob);
export const importPaths = door(commands.importPaths);
export const pickAndImport = door(commands.pickAndImport);
export const setPhotoOrder = door(commands.setPhotoOrder);
export const removePhoto = door(commands.removePhoto);
export const restorePhoto = door(commands.restorePhoto);
export const setPhotoMeta = door(commands.setPhotoMeta);
export const makeDraft = door(commands.makeDraft);
export const savePost = door(commands.savePost);
export const chooseExportDir = door(commands.chooseExportDir);
export const exportPost = door(commands.exportPost);
export const cancelExport = door(commands.cancelExport);
/** Puts one text of the post's last Naver export (as the leak guard cleared it) on the clipboard, from Rust. */
export const copyExportText = door(commands.copyExportText);
export const saveVideo = door(commands.saveVideo);
export const setMusic = door(commands.setMusic);
export const pickMusic = door(commands.pickMusic);
export const videoPlan = door(commands.videoPlan);
export const exportTexts = door(commands.exportTexts);
/** The preview frame's URL; `version` (the post's save) keeps the webview from showing an older frame. */
export const frameUrl = (plan: VideoPlan, frame: number, version: string) =>
  `${plan.frameBase}${frame}?v=${encodeURIComponent(version)}`;

// ---- leak guard ----
export const listClients = door(commands.listClients);
export const saveClient = door(commands.saveClient);
export const setJobOwner = door(commands.setJobOwner);
export const jobGuard = door(commands.jobGuard);
export const recordApproval = door(commands.recordApproval);
export const jobHistory = door(commands.jobHistory);
export const photoMetadata = door(commands.photoMetadata);
export const setRedactions = door(commands.setRedactions);
export const scanPost = door(commands.scanPost);
export const replaceInPost = door(commands.replaceInPost);
export const listWatchWords = door(commands.listWatchWords);
export const setWatchWords = door(commands.setWatchWords);

// ---- the coach, the shop profile, the calendar, the AI helper ----
export const shopProfile = door(commands.shopProfile);
export const saveShopProfile = door(commands.saveShopProfile);
export const pickLogo = door(commands.pickLogo);
export const clearLogo = door(commands.clearLogo);
export const coachPost = door(commands.coachPost);
export const applyFix = door(commands.applyFix);
export const aiSettings = door(commands.aiSettings);
export const saveAiSettings = door(commands.saveAiSettings);
export const aiRewrite = door(commands.aiRewrite);
export const cancelAi = door(commands.cancelAi);
export const calendar = door(commands.calendar);
export const setWeeklyGoal = door(commands.setWeeklyGoal);
export const reminder = door(commands.reminder);
export const postHistory = door(commands.postHistory);
export const openExportFolder = door(commands.openExportFolder);
export const markPublished = door(commands.markPublished);

// ---- the library (issue 14) ----
export const libraryPage = door(commands.libraryPage);
export const libraryFilters = door(commands.libraryFilters);
export const librarySearch = door(commands.librarySearch);
export const libraryPhotos = door(commands.libraryPhotos);
export const addPhotoToJob = door(commands.addPhotoToJob);
export const archiveJob = door(commands.archiveJob);
export const unarchiveJob = door(commands.unarchiveJob);
export const removeJob = door(commands.removeJob);
export const undoRemoval = door(commands.undoRemoval);
export const listProducts = door(commands.listProducts);
export const saveProduct = door(commands.saveProduct);
export const archiveProduct = door(commands.archiveProduct);
export const unarchiveProduct = door(commands.unarchiveProduct);
export const removeProduct = door(commands.removeProduct);
export const productDetail = door(commands.productDetail);
export const setJobProduct = door(commands.setJobProduct);
export const newProductPost = door(commands.newProductPost);
export const clientDetail = door(commands.clientDetail);

/** A library thumbnail: the address Rust made (boxes burned in) when the view carries one, else the stored
 *  thumbnail by its hash (the gbthumb protocol: docs/ipc-contract.md; Windows serves it over http). */
export function libraryThumb(hash: string | null, thumbUrl?: string | null): string | null {
  if (thumbUrl) return thumbUrl;
  if (!hash) return null;
  return /Windows/i.test(navigator.userAgent) ? `http://gbthumb.localhost/${hash}` : `gbthumb://localhost/${hash}`;
}

// ---- Events (generated too: their names come from the Rust payload types) ----
/** Progress of import_paths / pick_and_import, one event per file. */
export async function onImportProgress(handler: (p: ImportProgress) => void): Promise<() => void> {
  return events.importProgress.listen((ev) => handler(ev.payload));
}

/** Progress of a video export_post (about 10 a second, and the last frame). */
export async function onExportProgress(handler: (p: ExportProgress) => void): Promise<() => void> {
  return events.exportProgress.listen((ev) => handler(ev.payload));
}

// ---- backup and restore (src-tauri/commands/backup.rs) ----
export const backupSettings = door(commands.backupSettings);
export const setAutoBackup = door(commands.setAutoBackup);
/** Shows the OS folder dialog (from Rust); `null` = cancelled. */
export const chooseBackupFolder = door(commands.chooseBackupFolder);
/** Makes a backup now (asks for a folder first when none is chosen); the file written. */
export const backupNow = door(commands.backupNow);
/** The OS dialogs ask for the backup file and a new, empty folder; `null` = cancelled. */
export const restoreBackup = door(commands.restoreBackup);
/** Uses the library in `dir` from the next start. */
export const switchLibrary = door(commands.switchLibrary);
/** Progress of backup_now / restore_backup / the automatic backup. */
export async function onBackupProgress(handler: (p: BackupProgress) => void): Promise<() => void> {
  return events.backupProgress.listen((ev) => handler(ev.payload));
}

// ---- a mentor's review and the club folder (src-tauri/commands/review.rs, issue 15) ----
/** "멘토에게 보내기": the bundle goes through the export's leak guard; the club folder, else an OS dialog. */
export const sendForReview = door(commands.sendForReview);
/** The OS dialog picks a .gbreview / .gbreply / .gbpack; `null` = cancelled. */
export const pickReviewFile = door(commands.pickReviewFile);
export const takeClubFile = door(commands.takeClubFile);
export const clubInbox = door(commands.clubInbox);
export const receivedReviews = door(commands.receivedReviews);
export const reviewBundle = door(commands.reviewBundle);
export const addReviewNote = door(commands.addReviewNote);
export const updateReviewNote = door(commands.updateReviewNote);
export const deleteReviewNote = door(commands.deleteReviewNote);
export const reviewerName = door(commands.reviewerName);
/** "답장 보내기": the draft notes into one reply file (the club folder, else an OS dialog). */
export const sendReviewReply = door(commands.sendReviewReply);
export const postReviews = door(commands.postReviews);
export const answerReviewNote = door(commands.answerReviewNote);
export const clubSettings = door(commands.clubSettings);
/** The OS folder dialog (from Rust); `null` = cancelled. */
export const chooseClubFolder = door(commands.chooseClubFolder);
export const clearClubFolder = door(commands.clearClubFolder);
export const setShareStreak = door(commands.setShareStreak);
// ---- template packs and lessons (src-tauri/commands/packs.rs, lessons.rs) ----
/** The OS dialog asks for a .gbpack file (from Rust); what installing it would change; `null` = cancelled. */
export const pickPack = door(commands.pickPack);
/** What installing a pack already at hand (opened from the club folder) would change. */
export const previewPack = door(commands.previewPack);
/** Installs the picked pack; `pack_untrusted` until the owner trusts its author (`trust`). */
export const installPack = door(commands.installPack);
export const installedPacks = door(commands.installedPacks);
export const removePack = door(commands.removePack);
/** The OS dialog asks for a folder; a signed pack of the library's own files written there; `null` = cancelled. */
export const exportPack = door(commands.exportPack);
export const lessons = door(commands.lessons);
export const lesson = door(commands.lesson);
export const lessonForCheck = door(commands.lessonForCheck);

/** Files dragged from the file manager over the window (Tauri's native drop; paths, not File objects). */
export async function onFileDrag(handler: (ev: FileDragEvent) => void): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((ev) => {
    const p = ev.payload;
    if (p.type === 'drop') handler({ type: 'drop', paths: p.paths });
    else if (p.type === 'leave') handler({ type: 'leave' });
    else handler({ type: p.type });
  });
}
