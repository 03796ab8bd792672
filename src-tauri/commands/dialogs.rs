//! Why: the OS's file and folder dialogs are shown from Rust (the window may not open them itself), on a
//! blocking thread so the window keeps painting; `None` when the owner cancelled.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::ipc_error::IpcError;

/// The OS folder dialog with this title.
pub async fn pick_folder(
    app: &AppHandle,
    title: &'static str,
) -> Result<Option<PathBuf>, IpcError> {
    let app = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().set_title(title).blocking_pick_folder()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}

/// The OS file dialog with this title, showing files with these extensions.
pub async fn pick_file(
    app: &AppHandle,
    title: &'static str,
    filter: &'static str,
    extensions: &'static [&'static str],
) -> Result<Option<PathBuf>, IpcError> {
    let app = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(filter, extensions)
            .blocking_pick_file()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}
