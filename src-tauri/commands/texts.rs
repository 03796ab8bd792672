//! Why: the window previews what an export will write (the YouTube title, description, tags, captions and
//! the strings drawn into the video), from the same core function the guard scans and the writers use.

use gongbang_core::export::texts::ExportTexts;
use gongbang_core::ops;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// What an export of the saved post will write and draw (the YouTube text preview shows it).
#[tauri::command]
#[specta::specta]
pub async fn export_texts(
    state: State<'_, AppState>,
    post_id: i64,
) -> Result<ExportTexts, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::posts::export_texts(lib, post_id)?)
    })
    .await
}
