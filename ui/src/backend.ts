// The one door between the window and the Rust app (docs/ipc-contract.md). The contract is declared once in
// Rust (src-tauri/ipc.rs) and generated into ./bindings.ts; only this file imports the bindings and
// @tauri-apps/api, so the tests can swap it for tests/mock-backend.ts and nothing else in ui/ knows Tauri
// exists. Every command here is the generated function with its rejection normalised to AppError, so the UI
// can always show a calm message in the owner's language and never a raw stack trace.
import { invoke } from '@tauri-apps/api/core';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type * as Wire from './bindings';
import { commands, events } from './bindings';
import { toAppError } from './errors';
import type * as Lib from './library-types';

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
/** The guard view; `sourceJob` is issue 14's (library-types.ts until the bindings have it). */
export type Guard = Wire.Guard_Serialize & Lib.ProductGuard;
export type HistoryEntry = Wire.HistoryEntry;
export type ImportItem = Wire.ImportItemView_Serialize;
export type ImportOutcome = Wire.ImportOutcome;
export type ImportProgress = Wire.ImportProgress_Serialize;
export type ImportSummary = Wire.ImportSummaryView_Serialize;
/** The job view; `productId` and `kind` are issue 14's (library-types.ts until the bindings have them). */
export type Job = Wire.Job_Serialize & Lib.JobLibraryFields;
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
// The library (issue 14): hand-written in ./library-types.ts until the bindings are generated with them.
export type ClientChange = Lib.ClientChange;
export type ClientDetail = Lib.ClientDetail;
export type FilterChoices = Lib.FilterChoices;
export type JobCard = Lib.JobCard;
export type LibraryFilter = Lib.LibraryFilter;
export type LibraryPage = Lib.LibraryPage;
export type PhotoPage = Lib.PhotoPage;
export type PhotoTile = Lib.PhotoTile;
export type PostedFilter = Lib.PostedFilter;
export type Product = Lib.Product;
export type ProductDetail = Lib.ProductDetail;
export type ProductInput = Lib.ProductInput;
export type ProductPost = Lib.ProductPost;
export type Removal = Lib.Removal;
export type SearchHit = Lib.SearchHit;
export type SourceJob = Lib.SourceJob;

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
// TO SWITCH once bindings.ts has these commands: delete `libraryCommands` below and write each door as
// `door(commands.libraryPage)` etc. (the names are the same), take the types above from `Wire.` and delete
// ./library-types.ts. Until then the commands are invoked by their wire names with the same error handling.
const libraryCommands: Lib.LibraryCommands = {
  libraryPage: (filter, offset, limit) => invoke('library_page', { filter, offset, limit }),
  libraryFilters: () => invoke('library_filters'),
  librarySearch: (text, limit) => invoke('library_search', { text, limit }),
  libraryPhotos: (text, offset, limit) => invoke('library_photos', { text, offset, limit }),
  addPhotoToJob: (photoId, jobId) => invoke('add_photo_to_job', { photoId, jobId }),
  archiveJob: (jobId) => invoke('archive_job', { jobId }),
  unarchiveJob: (jobId) => invoke('unarchive_job', { jobId }),
  removeJob: (jobId) => invoke('remove_job', { jobId }),
  undoRemoval: (removalId) => invoke('undo_removal', { removalId }),
  listProducts: (includeArchived) => invoke('list_products', { includeArchived }),
  saveProduct: (input) => invoke('save_product', { input }),
  archiveProduct: (productId) => invoke('archive_product', { productId }),
  unarchiveProduct: (productId) => invoke('unarchive_product', { productId }),
  removeProduct: (productId) => invoke('remove_product', { productId }),
  productDetail: (productId) => invoke('product_detail', { productId }),
  setJobProduct: (jobId, productId) => invoke('set_job_product', { jobId, productId }),
  newProductPost: (productId) => invoke('new_product_post', { productId }),
  clientDetail: (clientId) => invoke('client_detail', { clientId }),
};
export const libraryPage = door(libraryCommands.libraryPage);
export const libraryFilters = door(libraryCommands.libraryFilters);
export const librarySearch = door(libraryCommands.librarySearch);
export const libraryPhotos = door(libraryCommands.libraryPhotos);
export const addPhotoToJob = door(libraryCommands.addPhotoToJob);
export const archiveJob = door(libraryCommands.archiveJob);
export const unarchiveJob = door(libraryCommands.unarchiveJob);
export const removeJob = door(libraryCommands.removeJob);
export const undoRemoval = door(libraryCommands.undoRemoval);
export const listProducts = door(libraryCommands.listProducts);
export const saveProduct = door(libraryCommands.saveProduct);
export const archiveProduct = door(libraryCommands.archiveProduct);
export const unarchiveProduct = door(libraryCommands.unarchiveProduct);
export const removeProduct = door(libraryCommands.removeProduct);
export const productDetail = door(libraryCommands.productDetail);
export const setJobProduct = door(libraryCommands.setJobProduct);
export const newProductPost = door(libraryCommands.newProductPost);
export const clientDetail = door(libraryCommands.clientDetail);

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

/** Files dragged from the file manager over the window (Tauri's native drop; paths, not File objects). */
export async function onFileDrag(handler: (ev: FileDragEvent) => void): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((ev) => {
    const p = ev.payload;
    if (p.type === 'drop') handler({ type: 'drop', paths: p.paths });
    else if (p.type === 'leave') handler({ type: 'leave' });
    else handler({ type: p.type });
  });
}
