//! Why: 설정 → 백업 in the window: a backup now (with `backup-progress` events, the library stays usable while
//! the files are copied), the automatic backup's folder and schedule, a restore into a new folder chosen in
//! the OS dialog, and the switch to a restored library from the next start. The automatic backup's thread
//! (`start_auto_backup`) checks at start and every hour.

use std::path::PathBuf;
use std::time::Duration;

use gongbang_core::ops::backup::{self as ops, BackupSettings};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

use super::dialogs::pick_folder;
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// How often the automatic backup looks whether one is due.
const AUTO_CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// The `backup-progress` event: files copied, files in all.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct BackupProgress {
    pub done: u32,
    pub total: u32,
}

/// What a restore brought back.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RestoreResult {
    /// The new library folder (use it with `switch_library`).
    pub library_dir: String,
    pub photos: u32,
    pub jobs: u32,
}

fn emitter(app: &AppHandle) -> impl FnMut(usize, usize) + use<> {
    let app = app.clone();
    move |done: usize, total: usize| {
        let _ = app.emit(
            BackupProgress::NAME,
            BackupProgress {
                done: u32::try_from(done).unwrap_or(u32::MAX),
                total: u32::try_from(total).unwrap_or(u32::MAX),
            },
        );
    }
}

/// The backup settings (folder, every how many days, how many kept, the last backup, the library folder;
/// `folderMissing` when the chosen folder is not there now, `lastError` when the last automatic backup failed).
#[tauri::command]
#[specta::specta]
pub async fn backup_settings(state: State<'_, AppState>) -> Result<BackupSettings, IpcError> {
    with_library(&state, |lib| Ok(ops::backup_settings(lib)?)).await
}

/// Saves the automatic backup's schedule: every `everyDays` days (0 = off), keeping the last `keep` files.
#[tauri::command]
#[specta::specta]
pub async fn set_auto_backup(
    state: State<'_, AppState>,
    every_days: u32,
    keep: u32,
) -> Result<BackupSettings, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::set_auto_backup(lib, every_days, keep)?)
    })
    .await
}

/// Shows the OS folder dialog (from Rust) and remembers the backup folder; `null` = cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<BackupSettings>, IpcError> {
    let Some(dir) = pick_folder(&app, "백업 폴더 선택 / Choose the backup folder").await?
    else {
        return Ok(None);
    };
    with_library(&state, move |lib| {
        Ok(Some(ops::set_backup_folder(lib, &dir)?))
    })
    .await
}

/// Makes a backup now into the backup folder (asking for one first when none is chosen) and returns the file
/// written; emits `backup-progress`. The library stays usable while the files are copied.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(app: AppHandle, state: State<'_, AppState>) -> Result<String, IpcError> {
    let settings = with_library(&state, |lib| Ok(ops::backup_settings(lib)?)).await?;
    let folder = match settings.folder.filter(|_| !settings.folder_missing) {
        Some(f) => PathBuf::from(f),
        None => {
            let Some(dir) = pick_folder(&app, "백업 폴더 선택 / Choose the backup folder").await?
            else {
                return Err(IpcError::cancelled());
            };
            let remembered = dir.clone();
            with_library(&state, move |lib| {
                Ok(ops::set_backup_folder(lib, &remembered).map(drop)?)
            })
            .await?;
            dir
        }
    };
    let root = PathBuf::from(settings.library_dir);
    let mut progress = emitter(&app);
    let file = tauri::async_runtime::spawn_blocking(move || {
        ops::create_backup(&root, &folder, &mut progress)
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))??;
    let recorded = file.clone();
    with_library(&state, move |lib| Ok(ops::record_backup(lib, &recorded)?)).await?;
    Ok(file.to_string_lossy().into_owned())
}

/// Restores a backup: the OS dialogs ask for the backup file and then for a NEW, empty folder (never the
/// current library); every file is checked before anything is placed. `null` = cancelled. Emits
/// `backup-progress`.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<RestoreResult>, IpcError> {
    let dialog_app = app.clone();
    let file = tauri::async_runtime::spawn_blocking(move || {
        dialog_app
            .dialog()
            .file()
            .set_title("복원할 백업 파일 선택 / Choose the backup file")
            .add_filter("공방포스트 백업 / Gongbang Post backup", &["zip"])
            .blocking_pick_file()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    let Some(file) = file.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let Some(target) = pick_folder(
        &app,
        "복원할 새 폴더 선택 (비어 있는 폴더) / Choose a new, empty folder",
    )
    .await?
    else {
        return Ok(None);
    };
    let current = with_library(&state, |lib| Ok(lib.root().to_path_buf())).await?;
    if target == current {
        return Err(gongbang_core::CoreError::Backup {
            code: "restore_not_empty",
            ko: "지금 쓰고 있는 자료 폴더에는 복원할 수 없습니다. 비어 있는 새 폴더를 골라 주세요."
                .into(),
            en: "A backup cannot be restored over the library in use; pick a new, empty folder."
                .into(),
        }
        .into());
    }
    let mut progress = emitter(&app);
    let restored = tauri::async_runtime::spawn_blocking(move || {
        ops::restore_backup(&file, &target, &mut progress)
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))??;
    Ok(Some(RestoreResult {
        library_dir: restored.library_dir.to_string_lossy().into_owned(),
        photos: u32::try_from(restored.photos).unwrap_or(u32::MAX),
        jobs: u32::try_from(restored.jobs).unwrap_or(u32::MAX),
    }))
}

/// Uses the library in `dir` (a restored backup) from the next start of the app and the CLI.
#[tauri::command]
#[specta::specta]
pub async fn switch_library(dir: String) -> Result<(), IpcError> {
    tauri::async_runtime::spawn_blocking(move || ops::switch_library(&PathBuf::from(dir)))
        .await
        .map_err(|e| IpcError::internal(e.to_string()))??;
    Ok(())
}

/// The automatic backup: a thread that looks at start and then every hour, and makes a backup when one is
/// due (progress as `backup-progress`). A missing folder or a failure is kept for the settings screen.
pub fn start_auto_backup(app: &AppHandle) {
    let Ok(lib) = app.state::<AppState>().library() else {
        return;
    };
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("auto-backup".into())
        .spawn(move || loop {
            let mut progress = emitter(&handle);
            if let Err(e) = ops::auto_backup_if_due(&lib, &mut progress) {
                eprintln!("auto backup: {e}");
            }
            std::thread::sleep(AUTO_CHECK_EVERY);
        });
    if let Err(e) = spawned {
        eprintln!("auto backup: {e}");
    }
}
