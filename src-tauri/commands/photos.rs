//! Why: photos arrive by drop or by the OS file dialog (shown from Rust, so the webview needs no
//! file-system permission); progress streams to the window as each file finishes.

use std::path::PathBuf;

use gongbang_core::import::import_paths as core_import;
use gongbang_core::repo::jobs::RemovedPhoto;
use gongbang_core::repo::{jobs, photos, posts};
use gongbang_core::{Library, PhotoRole, Post};
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
                &[
                    "jpg", "jpeg", "JPG", "JPEG", "png", "PNG", "webp", "WEBP", "tif", "tiff",
                    "TIF", "TIFF",
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
        jobs::set_photo_order(lib.conn_mut(), job_id, &photo_ids)?;
        Ok(photo_views(photos::for_job(lib.conn(), job_id)?))
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

fn changed_posts(lib: &Library, r: &RemovedPhoto) -> Result<Vec<Post>, IpcError> {
    Ok(r.posts
        .iter()
        .map(|p| posts::get(lib.conn(), p.post_id))
        .collect::<Result<_, gongbang_core::CoreError>>()?)
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
        let removed = jobs::remove_photo(lib.conn(), job_id, photo_id)?;
        Ok(PhotoRemoval {
            photos: photo_views(photos::for_job(lib.conn(), job_id)?),
            posts: changed_posts(lib, &removed)?,
            removed: Some(removed),
        })
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
        jobs::restore_photo(lib.conn(), &removed)?;
        Ok(PhotoRemoval {
            photos: photo_views(photos::for_job(lib.conn(), removed.job_id)?),
            posts: changed_posts(lib, &removed)?,
            removed: None,
        })
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
        jobs::set_photo_meta(lib.conn(), job_id, photo_id, role, &caption)?;
        let photo = photos::in_job(lib.conn(), job_id, photo_id)?
            .ok_or(gongbang_core::CoreError::NoSuchPhoto(photo_id))?;
        Ok(PhotoView::from(photo))
    })
    .await
}
