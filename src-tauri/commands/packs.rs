//! Why: 설정 → 템플릿 묶음 in the window: pick a pack file (OS dialog from Rust), see what it changes, trust its
//! author once and install it; list and remove installed packs; make a pack of the library's own files into
//! a chosen folder. Every check is the core's (`ops::packs`).

use std::path::PathBuf;

use gongbang_core::ops::{self, ExportedPack, InstalledPack, PackPreview};
use serde::Serialize;
use tauri::{AppHandle, State};

use super::dialogs::{pick_file, pick_folder};
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// A pack file the owner picked and what installing it would change.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PickedPack {
    /// The file, to hand back to `install_pack`.
    pub path: String,
    pub preview: PackPreview,
}

/// Asks for a `.gbpack` file (OS dialog) and says what installing it would change; nothing is installed.
/// `null` when the dialog is cancelled. Refused as the core refuses a pack: `pack_damaged`, `pack_tampered`
/// (changed after it was made), `pack_refused` (a file it may not hold, too large, a template that does not
/// compile, weights naming an unknown check, …).
#[tauri::command]
#[specta::specta]
pub async fn pick_pack(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<PickedPack>, IpcError> {
    let Some(file) = pick_file(
        &app,
        "템플릿 묶음 파일 선택 / Choose a template pack",
        "템플릿 묶음 / Template pack",
        &["gbpack", "GBPACK"],
    )
    .await?
    else {
        return Ok(None);
    };
    let path = file.to_string_lossy().into_owned();
    let preview = with_library(&state, move |lib| Ok(ops::packs::preview(lib, &file)?)).await?;
    Ok(Some(PickedPack { path, preview }))
}

/// What installing a pack file the window already has would change (a pack opened from the club folder);
/// refused as `pick_pack` refuses.
#[tauri::command]
#[specta::specta]
pub async fn preview_pack(
    state: State<'_, AppState>,
    path: String,
) -> Result<PickedPack, IpcError> {
    with_library(&state, move |lib| {
        let preview = ops::packs::preview(lib, &PathBuf::from(&path))?;
        Ok(PickedPack { path, preview })
    })
    .await
}

/// Checks the pack file again and installs it as the newest pack. An author not trusted yet is refused with
/// `pack_untrusted` (the message names them and their key's fingerprint) unless `trust` is true, which
/// trusts that key from now on.
#[tauri::command]
#[specta::specta]
pub async fn install_pack(
    state: State<'_, AppState>,
    path: String,
    trust: bool,
) -> Result<InstalledPack, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::packs::install(lib, &PathBuf::from(path), trust)?)
    })
    .await
}

/// The installed packs, newest first (the newest wins over older ones; the owner's own files over all).
#[tauri::command]
#[specta::specta]
pub async fn installed_packs(state: State<'_, AppState>) -> Result<Vec<InstalledPack>, IpcError> {
    with_library(&state, |lib| Ok(ops::packs::list(lib)?)).await
}

/// Removes an installed pack; its files stop being used at once. `no_such_pack` when it is not installed.
#[tauri::command]
#[specta::specta]
pub async fn remove_pack(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    with_library(&state, move |lib| Ok(ops::packs::remove(lib, &id)?)).await
}

/// Asks for a folder (OS dialog) and writes a signed pack of the library's own templates, trade notes,
/// lessons, keywords.toml and weights.toml there, named `name` (empty: "<shop name> 템플릿 묶음"), signed
/// with the library's own key and the shop profile's name. `null` when the dialog is cancelled.
/// `pack_empty` when there is nothing to share, `pack_author` when the profile has no shop name.
#[tauri::command]
#[specta::specta]
pub async fn export_pack(
    app: AppHandle,
    state: State<'_, AppState>,
    name: String,
) -> Result<Option<ExportedPack>, IpcError> {
    let Some(dir) = pick_folder(&app, "묶음을 저장할 폴더 / Folder for the pack").await?
    else {
        return Ok(None);
    };
    with_library(&state, move |lib| {
        Ok(Some(ops::packs::export(lib, &dir, &name, None)?))
    })
    .await
}
