//! Why: the window's 설정 → 백업 and the CLI make, schedule and restore backups through one set of operations:
//! the settings live in the settings table, a backup reads the library folder on its own connection (so the
//! window's library stays usable meanwhile), and the automatic backup keeps only the last few of our files.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::Serialize;

pub use crate::backup::{our_backups, read_manifest, Manifest, ManifestFile, Restored};
use crate::repo::settings;
use crate::{CoreError, Library, Result};

/// Setting key: the folder automatic backups go to.
pub const FOLDER: &str = "backup_folder";
/// Setting key: every how many days an automatic backup is made (0: never).
pub const EVERY_DAYS: &str = "backup_every_days";
/// Setting key: how many of our backup files the folder keeps.
pub const KEEP: &str = "backup_keep";
/// Setting key: when the last backup was made (RFC 3339).
pub const LAST_AT: &str = "backup_last_at";
/// Setting key: the last backup file.
pub const LAST_FILE: &str = "backup_last_file";
/// Setting key: why the last automatic backup failed (cleared by the next success).
pub const LAST_ERROR: &str = "backup_last_error";

/// Weekly by default.
pub const DEFAULT_EVERY_DAYS: u32 = 7;
/// The last five by default.
pub const DEFAULT_KEEP: u32 = 5;

/// The backup settings as the window shows them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BackupSettings {
    /// The folder automatic backups go to (a USB drive, a synced cloud folder), if chosen.
    pub folder: Option<String>,
    /// Every how many days (0: automatic backups off).
    pub every_days: u32,
    /// How many of our backup files the folder keeps.
    pub keep: u32,
    /// When the last backup was made.
    pub last_backup_at: Option<String>,
    /// The last backup file.
    pub last_backup_file: Option<String>,
    /// The library folder in use.
    pub library_dir: String,
    /// The chosen folder cannot be found now (a USB drive unplugged).
    pub folder_missing: bool,
    /// Why the last automatic backup failed, in Korean and English, if it did.
    pub last_error: Option<String>,
}

fn number(lib: &Library, key: &str, default: u32) -> Result<u32> {
    Ok(settings::get(lib.conn(), key)?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default))
}

/// The backup settings (defaults: weekly, keep 5, no folder).
pub fn backup_settings(lib: &Library) -> Result<BackupSettings> {
    let folder = settings::get(lib.conn(), FOLDER)?.filter(|f| !f.is_empty());
    let folder_missing = folder.as_ref().is_some_and(|f| !Path::new(f).is_dir());
    Ok(BackupSettings {
        folder_missing,
        folder,
        every_days: number(lib, EVERY_DAYS, DEFAULT_EVERY_DAYS)?,
        keep: number(lib, KEEP, DEFAULT_KEEP)?,
        last_backup_at: settings::get(lib.conn(), LAST_AT)?,
        last_backup_file: settings::get(lib.conn(), LAST_FILE)?,
        library_dir: lib.root().to_string_lossy().into_owned(),
        last_error: settings::get(lib.conn(), LAST_ERROR)?.filter(|e| !e.is_empty()),
    })
}

/// Saves how often automatic backups are made (0: off; at most a year) and how many are kept (1 to 100).
pub fn set_auto_backup(lib: &Library, every_days: u32, keep: u32) -> Result<BackupSettings> {
    if every_days > 366 || !(1..=100).contains(&keep) {
        return Err(CoreError::invalid(
            "자동 백업은 0~366일마다, 1~100개까지 보관할 수 있습니다.",
            "Automatic backups: every 0–366 days, keeping 1–100 files.",
        ));
    }
    super::settings::set_all(
        lib,
        &[
            (EVERY_DAYS, &every_days.to_string()),
            (KEEP, &keep.to_string()),
        ],
    )?;
    backup_settings(lib)
}

/// Remembers the folder automatic backups go to.
pub fn set_backup_folder(lib: &Library, folder: &Path) -> Result<BackupSettings> {
    settings::set(lib.conn(), FOLDER, &folder.to_string_lossy())?;
    backup_settings(lib)
}

/// Writes a backup of the library folder `root` into `out_dir` and returns the file; `progress` gets (files
/// done, files in all). Takes the folder, not the open library: the window keeps working meanwhile (call
/// [`record_backup`] afterwards).
pub fn create_backup(
    root: &Path,
    out_dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<PathBuf> {
    crate::backup::create(root, out_dir, progress)
}

/// Remembers a backup just made (its time and file; clears the last automatic backup's error).
pub fn record_backup(lib: &Library, file: &Path) -> Result<()> {
    super::settings::set_all(
        lib,
        &[
            (LAST_AT, &crate::db::now()),
            (LAST_FILE, &file.to_string_lossy()),
            (LAST_ERROR, ""),
        ],
    )
}

/// Restores a backup file into `new_root`, which must be missing or an empty folder (never the current
/// library); see [`crate::backup::restore`].
pub fn restore_backup(
    file: &Path,
    new_root: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Restored> {
    crate::backup::restore(file, new_root, progress)
}

/// Uses the library in `dir` from the next start (the window and the CLI), when it holds a library.
pub fn switch_library(dir: &Path) -> Result<()> {
    if !dir.is_absolute() || !dir.join(crate::backup::DATABASE).is_file() {
        return Err(CoreError::invalid(
            format!("이 폴더에는 공방포스트 자료가 없습니다: {}", dir.display()),
            format!(
                "This folder holds no Gongbang Post library: {}",
                dir.display()
            ),
        ));
    }
    crate::library::set_chosen_root(Some(dir))
}

/// What the automatic backup should do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutoDue {
    /// Off, no folder chosen, or the last backup is recent enough.
    NotDue,
    /// Time for a backup into this folder.
    Due(PathBuf),
    /// Time for one, but the folder is not there (a USB drive unplugged).
    FolderMissing(PathBuf),
}

/// Whether an automatic backup is due at `now`.
pub fn auto_due(lib: &Library, now: chrono::DateTime<chrono::FixedOffset>) -> Result<AutoDue> {
    let s = backup_settings(lib)?;
    let Some(folder) = s.folder.filter(|_| s.every_days > 0) else {
        return Ok(AutoDue::NotDue);
    };
    let last = s
        .last_backup_at
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    let due = last.is_none_or(|t| now - t >= chrono::Duration::days(i64::from(s.every_days)));
    if !due {
        return Ok(AutoDue::NotDue);
    }
    let folder = PathBuf::from(folder);
    Ok(if folder.is_dir() {
        AutoDue::Due(folder)
    } else {
        AutoDue::FolderMissing(folder)
    })
}

/// The automatic backup: when one is due, makes it (without holding the library while it copies), records it
/// and deletes our oldest files in the folder beyond `keep`. A missing folder or a failure is remembered for
/// the settings screen, not raised. Returns the file made, if any.
pub fn auto_backup_if_due(
    lib: &Mutex<Library>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Option<PathBuf>> {
    let (due, root, keep) = {
        let guard = lib.lock().unwrap_or_else(PoisonError::into_inner);
        let now = chrono::Local::now().fixed_offset();
        (
            auto_due(&guard, now)?,
            guard.root().to_path_buf(),
            number(&guard, KEEP, DEFAULT_KEEP)?,
        )
    };
    let folder = match due {
        AutoDue::NotDue => return Ok(None),
        AutoDue::FolderMissing(folder) => {
            let guard = lib.lock().unwrap_or_else(PoisonError::into_inner);
            settings::set(
                guard.conn(),
                LAST_ERROR,
                &format!(
                    "자동 백업 폴더가 없습니다 (USB가 빠졌나요?): {0} / The automatic backup folder is missing (USB drive unplugged?): {0}",
                    folder.display()
                ),
            )?;
            return Ok(None);
        }
        AutoDue::Due(folder) => folder,
    };
    match crate::backup::create(&root, &folder, progress) {
        Ok(file) => {
            let guard = lib.lock().unwrap_or_else(PoisonError::into_inner);
            record_backup(&guard, &file)?;
            drop(guard);
            crate::backup::rotate(&folder, keep as usize)?;
            Ok(Some(file))
        }
        Err(e) => {
            let guard = lib.lock().unwrap_or_else(PoisonError::into_inner);
            settings::set(
                guard.conn(),
                LAST_ERROR,
                &format!("{} / {}", e.message_ko(), e.message_en()),
            )?;
            Err(e)
        }
    }
}
