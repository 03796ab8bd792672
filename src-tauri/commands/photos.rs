//! Why: photos arrive by drop or by the OS file dialog (shown from Rust, so the webview needs no
//! file-system permission); progress streams to the window as each file finishes.

use std::path::PathBuf;

use gongbang_core::import::import_paths as core_import;
use gongbang_core::ops::{self, photos::Removal, RemovedPhoto};
use gongbang_core::{PhotoRole, Post};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

use super::views::{photo_views, ImportItemView, ImportProgress, ImportSummaryView, PhotoView};
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

async fn run_import(
    app: AppHandle,
    state: &AppState,
    job_id: i64,
    paths: Vec<PathBuf>,
) -> Result<ImportSummaryView, IpcError> {
    with_library(state, move |lib| {
        let summary = core_import(lib, Some(job_id), &paths, |done, total, item| {
            let _ = app.emit(
                ImportProgress::NAME,
                ImportProgress {
                    done,
                    total,
                    item: ImportItemView::from(item),
                },
            );
        })?;
        Ok(ImportSummaryView::from(&summary))
    })
    .await
}

/// Imports files or folders into the job; emits `import-progress` once per file.
#[tauri::command]
#[specta::specta]
pub async fn import_paths(
    app: AppHandle,
    state: State<'_, AppState>,
    job_id: i64,
    paths: Vec<String>,
) -> Result<ImportSummaryView, IpcError> {
    let paths = paths.into_iter().map(PathBuf::from).collect();
    run_import(app, &state, job_id, paths).await
}

/// Shows the OS file dialog (from Rust, not the webview) and imports what was picked; `null` = cancelled.
#[tauri::command]
#[specta::specta]
pub async fn pick_and_import(
    app: AppHandle,
    state: State<'_, AppState>,
    job_id: i64,
) -> Result<Option<ImportSummaryView>, IpcError> {
    let dialog_app = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        dialog_app
            .dialog()
            .file()
            .set_title("사진 선택 / Choose photos")
            .add_filter(
                "사진 / Photos",
                // iPhone photos (HEIC/HEIF) too; GTK matches these patterns case by case.
                &[
                    "jpg", "jpeg", "JPG", "JPEG", "heic", "HEIC", "heif", "HEIF", "png", "PNG",
                    "webp", "WEBP", "tif", "tiff", "TIF", "TIFF",
                ],
            )
            .blocking_pick_files()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    let Some(files) = picked else {
        return Ok(None);
    };
    let paths: Vec<PathBuf> = files
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect();
    run_import(app, &state, job_id, paths).await.map(Some)
}

/// Puts the job's photos in this order (only the job's photos: another id is `photo_not_in_job`).
#[tauri::command]
#[specta::specta]
pub async fn set_photo_order(
    state: State<'_, AppState>,
    job_id: i64,
    photo_ids: Vec<i64>,
) -> Result<Vec<PhotoView>, IpcError> {
    with_library(&state, move |lib| {
        Ok(photo_views(ops::photos::set_order(
            lib, job_id, &photo_ids,
        )?))
    })
    .await
}

/// What a removal or its undo changed: the job's photos, the posts that changed, and (for a removal) what
/// was taken away, to hand back to `restore_photo` for undo.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PhotoRemoval {
    pub photos: Vec<PhotoView>,
    pub posts: Vec<Post>,
    pub removed: Option<RemovedPhoto>,
}

impl From<Removal> for PhotoRemoval {
    fn from(r: Removal) -> Self {
        PhotoRemoval {
            photos: photo_views(r.photos),
            posts: r.posts,
            removed: r.removed,
        }
    }
}

/// Takes a photo out of the job and out of the job's posts (the library keeps it).
///
/// The library keeps the photo; the job and the job's posts drop it (photo blocks and video seconds) in one
/// transaction. `removed` is the undo.
#[tauri::command]
#[specta::specta]
pub async fn remove_photo(
    state: State<'_, AppState>,
    job_id: i64,
    photo_id: i64,
) -> Result<PhotoRemoval, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::photos::remove(lib, job_id, photo_id)?.into())
    })
    .await
}

/// Undoes `remove_photo`: the photo back into the job and its posts, where it was.
///
/// The answer's `removed` is null.
#[tauri::command]
#[specta::specta]
pub async fn restore_photo(
    state: State<'_, AppState>,
    removed: RemovedPhoto,
) -> Result<PhotoRemoval, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::photos::restore(lib, &removed)?.into())
    })
    .await
}

/// The photo's role and caption in this job.
#[tauri::command]
#[specta::specta]
pub async fn set_photo_meta(
    state: State<'_, AppState>,
    job_id: i64,
    photo_id: i64,
    role: Option<PhotoRole>,
    caption: String,
) -> Result<PhotoView, IpcError> {
    with_library(&state, move |lib| {
        Ok(PhotoView::from(ops::photos::set_meta(
            lib, job_id, photo_id, role, &caption,
        )?))
    })
    .await
}
