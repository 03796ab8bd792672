//! Why: a restore must never damage what the owner has: it checks the backup (its app version, every file's
//! size and hash, the database's integrity) in a hidden folder beside the target and only then renames it into
//! a new, empty library folder; anything wrong leaves nothing behind.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use super::{Manifest, ManifestFile, DATABASE, FORMAT, MANIFEST};
use crate::imaging::{self, PhotoFormat};
use crate::library::StorePaths;
use crate::{db, store, CoreError, Result};

/// What a restore brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The new library folder.
    pub library_dir: PathBuf,
    /// Files restored (the database included).
    pub files: usize,
    /// Photos in the restored library.
    pub photos: i64,
    /// Jobs in the restored library.
    pub jobs: i64,
    /// The schema version of the backup (the library is now at this build's).
    pub schema_from: usize,
    /// The app version that made the backup.
    pub app_version: String,
    /// When the backup was made.
    pub created_at: String,
}

fn damaged(en_detail: impl std::fmt::Display, ko_detail: impl std::fmt::Display) -> CoreError {
    CoreError::Backup {
        code: "backup_damaged",
        ko: format!(
            "백업 파일이 손상되어 복원할 수 없습니다 ({ko_detail}). 아무것도 바꾸지 않았습니다. 다른 백업 파일을 골라 주세요."
        ),
        en: format!(
            "The backup file is damaged and cannot be restored ({en_detail}). Nothing was changed; pick another backup file."
        ),
    }
}

fn open_zip(file: &Path) -> Result<zip::ZipArchive<File>> {
    let f = File::open(file).map_err(|e| CoreError::io(file, e))?;
    zip::ZipArchive::new(f).map_err(|e| {
        damaged(
            format!("not a readable zip: {e}"),
            format!("zip 파일로 읽을 수 없음: {e}"),
        )
    })
}

fn manifest_of(zip: &mut zip::ZipArchive<File>) -> Result<Manifest> {
    let mut entry = zip
        .by_name(MANIFEST)
        .map_err(|_| damaged("no manifest.json", "manifest.json 없음"))?;
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).map_err(|e| {
        damaged(
            format!("manifest unreadable: {e}"),
            format!("manifest.json을 읽을 수 없음: {e}"),
        )
    })?;
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
        damaged(
            format!("manifest unreadable: {e}"),
            format!("manifest.json을 읽을 수 없음: {e}"),
        )
    })?;
    if manifest.format != FORMAT {
        return Err(damaged(
            "not a Gongbang Post backup",
            "공방포스트 백업이 아님",
        ));
    }
    Ok(manifest)
}

/// Reads and checks the manifest of a backup file (a backup from a newer app is refused).
pub fn read_manifest(file: &Path) -> Result<Manifest> {
    let mut zip = open_zip(file)?;
    let manifest = manifest_of(&mut zip)?;
    refuse_newer(&manifest)?;
    Ok(manifest)
}

fn refuse_newer(m: &Manifest) -> Result<()> {
    if m.schema_version > db::SCHEMA_VERSION {
        return Err(CoreError::Backup {
            code: "backup_newer",
            ko: format!(
                "이 백업은 더 새로운 공방포스트(버전 {})에서 만들었습니다. 앱을 먼저 업데이트하세요.",
                m.app_version
            ),
            en: format!(
                "This backup was made by a newer Gongbang Post (version {}). Update the app first.",
                m.app_version
            ),
        });
    }
    Ok(())
}

/// A manifest path as a safe relative path (normal components only: no `..`, no root, no drive).
fn safe_relative(path: &str) -> Option<PathBuf> {
    // A colon is a drive (`C:`) or an alternate data stream on Windows: never in our own entry names.
    if path.is_empty() || path.contains('\\') || path.contains(':') {
        return None;
    }
    let mut out = PathBuf::new();
    for part in path.split('/') {
        let p = Path::new(part);
        let mut comps = p.components();
        match (comps.next(), comps.next()) {
            (Some(Component::Normal(c)), None) => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}

/// Whether `dir` may receive a restore: missing, or an empty folder.
fn check_target(dir: &Path) -> Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(CoreError::Backup {
                    code: "restore_not_empty",
                    ko: format!(
                        "복원할 폴더가 비어 있지 않습니다 ({}). 지금 쓰는 자료를 덮어쓰지 않도록, 비어 있는 새 폴더를 골라 주세요.",
                        dir.display()
                    ),
                    en: format!(
                        "The folder to restore into is not empty ({}). So that nothing is overwritten, pick a new, empty folder.",
                        dir.display()
                    ),
                });
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if dir.exists() {
                Err(CoreError::io(dir, e))
            } else {
                Ok(())
            }
        }
        Err(e) => Err(CoreError::io(dir, e)),
    }
}

/// Restores `file` into `new_root` (missing or an empty folder; never the current library): checks the
/// manifest (a newer app's backup is refused), every file's size and blake3, and `PRAGMA integrity_check`, in a
/// hidden folder beside `new_root`; migrates the database to this build's schema, rebuilds the thumbnails, and
/// renames the folder into place. On any refusal nothing is left behind.
pub fn restore(
    file: &Path,
    new_root: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Restored> {
    check_target(new_root)?;
    let mut zip = open_zip(file)?;
    let manifest = manifest_of(&mut zip)?;
    refuse_newer(&manifest)?;
    if !manifest.files.iter().any(|f| f.path == DATABASE) {
        return Err(damaged(
            "no database in it",
            "데이터베이스가 들어 있지 않음",
        ));
    }
    let parent = match new_root.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| CoreError::io(&parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".gongbang-restore-")
        .tempdir_in(&parent)
        .map_err(|e| CoreError::io(&parent, e))?;
    let total = manifest.files.len();
    progress(0, total);
    for (i, entry) in manifest.files.iter().enumerate() {
        extract_checked(&mut zip, entry, staging.path())?;
        progress(i + 1, total);
    }
    let (photos, jobs) = check_and_migrate(&staging.path().join(DATABASE))?;
    rebuild_thumbnails(staging.path());

    // Into place: the target must still be missing or empty (an empty folder is replaced).
    check_target(new_root)?;
    if new_root.exists() {
        std::fs::remove_dir(new_root).map_err(|e| CoreError::io(new_root, e))?;
    }
    let staged = staging.keep();
    if let Err(e) = crate::busy::retry_while_busy(|| std::fs::rename(&staged, new_root)) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(CoreError::io(new_root, e));
    }
    mark_originals_read_only(&new_root.join("originals"));
    Ok(Restored {
        library_dir: new_root.to_path_buf(),
        files: total,
        photos,
        jobs,
        schema_from: manifest.schema_version,
        app_version: manifest.app_version,
        created_at: manifest.created_at,
    })
}

/// Copies one entry out, checking its size and hash against the manifest.
fn extract_checked(
    zip: &mut zip::ZipArchive<File>,
    entry: &ManifestFile,
    root: &Path,
) -> Result<()> {
    let rel = safe_relative(&entry.path).ok_or_else(|| {
        damaged(
            format!("bad path {}", entry.path),
            format!("잘못된 경로 {}", entry.path),
        )
    })?;
    let target = root.join(rel);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
    }
    let mut src = zip.by_name(&entry.path).map_err(|_| {
        damaged(
            format!("{} is missing", entry.path),
            format!("{} 없음", entry.path),
        )
    })?;
    let mut out = File::create(&target).map_err(|e| CoreError::io(&target, e))?;
    let mut hasher = blake3::Hasher::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = src.read(&mut buf).map_err(|e| {
            damaged(
                format!("{} unreadable: {e}", entry.path),
                format!("{}을(를) 읽을 수 없음: {e}", entry.path),
            )
        })?;
        if n == 0 {
            break;
        }
        size += n as u64;
        if size > entry.size {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])
            .map_err(|e| CoreError::io(&target, e))?;
    }
    let hash = hasher.finalize().to_hex().to_string();
    if size != entry.size || hash != entry.blake3 {
        return Err(damaged(
            format!("{} does not match its recorded size and hash", entry.path),
            format!("{}의 크기나 해시가 기록과 다름", entry.path),
        ));
    }
    out.sync_all().map_err(|e| CoreError::io(&target, e))?;
    Ok(())
}

/// `PRAGMA integrity_check` on the restored database, then the app's own open (WAL, migrations to this
/// build's schema). Returns the photo and job counts.
fn check_and_migrate(path: &Path) -> Result<(i64, i64)> {
    {
        let conn = rusqlite::Connection::open(path).map_err(|e| {
            damaged(
                format!("database unreadable: {e}"),
                format!("데이터베이스를 열 수 없음: {e}"),
            )
        })?;
        let verdict: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| {
                damaged(
                    format!("database unreadable: {e}"),
                    format!("데이터베이스를 읽을 수 없음: {e}"),
                )
            })?;
        if verdict != "ok" {
            return Err(damaged(
                format!("database integrity check failed: {verdict}"),
                format!("데이터베이스 검사 실패: {verdict}"),
            ));
        }
    }
    let conn = db::open(path)?;
    let photos: i64 = conn.query_row("SELECT count(*) FROM photos", [], |r| r.get(0))?;
    let jobs: i64 = conn.query_row("SELECT count(*) FROM jobs", [], |r| r.get(0))?;
    // Fold the WAL back into the file so the folder holds one database file when it is moved.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    drop(conn);
    Ok((photos, jobs))
}

/// The window's thumbnails are a cache left out of the backup: made again from the originals (upright, clean
/// JPEG, as at import). A photo that cannot be decoded keeps no thumbnail; the window shows its placeholder.
fn rebuild_thumbnails(root: &Path) {
    let Ok(conn) = rusqlite::Connection::open(root.join(DATABASE)) else {
        return;
    };
    let rows: Vec<(String, String, u16)> = conn
        .prepare("SELECT hash, format, orientation FROM photos")
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .unwrap_or_default();
    drop(conn);
    let paths = crate::Library::store_paths(root);
    rows.par_iter().for_each(|(hash, format, orientation)| {
        let _ = thumbnail_of(&paths, hash, format, *orientation);
    });
}

fn thumbnail_of(paths: &StorePaths, hash: &str, format: &str, orientation: u16) -> Result<()> {
    let format = PhotoFormat::parse(format)
        .ok_or_else(|| CoreError::invalid("알 수 없는 형식", "unknown format"))?;
    let bytes = store::read_original(&paths.original(hash, format.extension()))?;
    let decoded = imaging::decode_reduced(&bytes, format, crate::import::THUMB_SIDE)?;
    let small = image::DynamicImage::ImageRgb8(imaging::fit_within(
        &decoded.image,
        crate::import::THUMB_SIDE,
    )?);
    drop(decoded);
    let thumb = imaging::orient(small, orientation).to_rgb8();
    let jpeg = imaging::encode_thumbnail_jpeg(&thumb)?;
    store::store_once(&paths.thumbnail(hash), &jpeg)
}

/// Originals are read-only in a library (as `store::store_once` leaves them); set once the folder is in place
/// (a read-only file would stop a failed restore's clean-up on Windows).
fn mark_originals_read_only(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() => {
                    if let Ok(meta) = std::fs::metadata(&path) {
                        let mut perms = meta.permissions();
                        perms.set_readonly(true);
                        let _ = std::fs::set_permissions(&path, perms);
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_accepted() {
        assert!(safe_relative("originals/ab/abcd.jpg").is_some());
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "C:/x",
            "a\\b",
            "",
            "a//b",
            "./a",
        ] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }
}
