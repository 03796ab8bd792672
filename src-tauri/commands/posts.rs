//! Why: drafting, saving and exporting a post; the export folder is asked once (by Rust's dialog) and
//! remembered, and the finished folder opens in the file manager.

use std::path::PathBuf;

use gongbang_core::export::{self, ExportResult};
use gongbang_core::repo::{posts, settings};
use gongbang_core::{draft, Platform, Post};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// Used by tests and kiosk setups: exports go here when the owner has not picked a folder.
const EXPORT_DIR_ENV: &str = "GONGBANG_EXPORT_DIR";
/// Set to 1 to not open the finished folder (tests, CI).
const NO_OPEN_ENV: &str = "GONGBANG_NO_OPEN";

/// The folder exports go to without asking: the owner's choice, else `GONGBANG_EXPORT_DIR`.
pub fn configured_export_dir(lib: &gongbang_core::Library) -> Result<Option<String>, IpcError> {
    Ok(settings::get(lib.conn(), settings::EXPORT_DIR)?
        .or_else(|| std::env::var(EXPORT_DIR_ENV).ok().filter(|s| !s.is_empty())))
}

#[tauri::command]
pub async fn make_draft(
    state: State<'_, AppState>,
    job_id: i64,
    platform: Platform,
) -> Result<Post, IpcError> {
    with_library(&state, move |lib| {
        Ok(draft::make_draft(lib, job_id, platform)?)
    })
    .await
}

#[tauri::command]
pub async fn save_post(state: State<'_, AppState>, post: Post) -> Result<Post, IpcError> {
    with_library(&state, move |lib| {
        Ok(posts::save(
            lib.conn_mut(),
            post.id,
            &post.title,
            &post.blocks,
            &post.tags,
        )?)
    })
    .await
}

async fn pick_folder(app: &AppHandle) -> Result<Option<PathBuf>, IpcError> {
    let app = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("내보낼 폴더 선택 / Choose the export folder")
            .blocking_pick_folder()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}

#[tauri::command]
pub async fn choose_export_dir(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let Some(dir) = pick_folder(&app).await? else {
        return Ok(None);
    };
    let dir = dir.to_string_lossy().into_owned();
    with_library(&state, move |lib| {
        settings::set(lib.conn(), settings::EXPORT_DIR, &dir)?;
        Ok(Some(dir))
    })
    .await
}

#[tauri::command]
pub async fn export_post(
    app: AppHandle,
    state: State<'_, AppState>,
    post_id: i64,
    confirmed_terms: Option<Vec<String>>,
) -> Result<ExportResult, IpcError> {
    let confirmed_terms = confirmed_terms.unwrap_or_default();
    let configured = with_library(&state, |lib| configured_export_dir(lib)).await?;
    let out_dir = match configured {
        Some(dir) => PathBuf::from(dir),
        None => {
            let Some(dir) = pick_folder(&app).await? else {
                return Err(IpcError::cancelled());
            };
            let remembered = dir.to_string_lossy().into_owned();
            with_library(&state, move |lib| {
                Ok(settings::set(
                    lib.conn(),
                    settings::EXPORT_DIR,
                    &remembered,
                )?)
            })
            .await?;
            dir
        }
    };
    let result = with_library(&state, move |lib| {
        Ok(export::export_post(
            lib,
            post_id,
            &out_dir,
            &confirmed_terms,
        )?)
    })
    .await?;
    if std::env::var(NO_OPEN_ENV).as_deref() != Ok("1") {
        if let Err(e) = app.opener().open_path(&result.folder, None::<&str>) {
            eprintln!("could not open the export folder: {e}");
        }
    }
    Ok(result)
}
