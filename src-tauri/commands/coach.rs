//! Why: the coach and the shop profile in the window — the profile's screens, the logo picked with Rust's
//! own file dialog, the live checklist and its one-click fixes; each command is a call into the core.

use gongbang_core::coach::Coach;
use gongbang_core::ops::{self, ShopProfile};
use gongbang_core::Post;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// The shop profile.
#[tauri::command]
#[specta::specta]
pub async fn shop_profile(state: State<'_, AppState>) -> Result<ShopProfile, IpcError> {
    with_library(&state, |lib| Ok(ops::shop::profile(lib)?)).await
}

/// Saves the profile (`logoDataUrl` and `saved` are ignored; the answer has `saved` true).
#[tauri::command]
#[specta::specta]
pub async fn save_shop_profile(
    state: State<'_, AppState>,
    profile: ShopProfile,
) -> Result<ShopProfile, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::shop::save_profile(lib, &profile)?)
    })
    .await
}

/// Shows the OS file dialog (from Rust); the image is re-encoded as a PNG of at most 512 px. `null` =
/// cancelled.
#[tauri::command]
#[specta::specta]
pub async fn pick_logo(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ShopProfile>, IpcError> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("로고 선택 / Choose a logo")
            .add_filter(
                "그림 / Images",
                &[
                    "png", "PNG", "jpg", "jpeg", "JPG", "JPEG", "webp", "WEBP", "tif", "tiff",
                    "TIF", "TIFF",
                ],
            )
            .blocking_pick_file()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    let Some(path) = picked.and_then(|f| f.into_path().ok()) else {
        return Ok(None);
    };
    with_library(&state, move |lib| {
        Ok(Some(ops::shop::import_logo(lib, &path)?))
    })
    .await
}

/// Removes the logo.
#[tauri::command]
#[specta::specta]
pub async fn clear_logo(state: State<'_, AppState>) -> Result<ShopProfile, IpcError> {
    with_library(&state, |lib| Ok(ops::shop::clear_logo(lib)?)).await
}

/// The coach's checklist for the saved post (save first).
#[tauri::command]
#[specta::specta]
pub async fn coach_post(state: State<'_, AppState>, post_id: i64) -> Result<Coach, IpcError> {
    with_library(&state, move |lib| Ok(ops::posts::coach(lib, post_id)?)).await
}

/// Applies a one-click fix (`fix` from a check; `arg`, e.g. the keyword chosen) and saves the post; it
/// changes only what the fix is for.
#[tauri::command]
#[specta::specta]
pub async fn apply_fix(
    state: State<'_, AppState>,
    post_id: i64,
    fix: String,
    arg: Option<String>,
) -> Result<Post, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::posts::apply_fix(lib, post_id, &fix, arg.as_deref())?)
    })
    .await
}
