//! Why: the owner's library is years of work and the approvals that protect him; one file must hold all of
//! it (a consistent database snapshot taken while the app runs, every original, the owner's own files and a
//! manifest with every file's hash), be written so a kill never leaves a half file under its real name, and
//! come back only into a new folder after every byte is checked.
//!
//! The file is a zip with stored (not deflated) entries: the photos are already compressed JPEG/PNG/HEIC, so
//! deflate would spend minutes of CPU for a percent or two, and a stored zip opens in any file manager.

mod restore;

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{db, CoreError, Result};

pub use restore::{read_manifest, restore, Restored};

/// The manifest's name inside the backup file.
pub const MANIFEST: &str = "manifest.json";
/// The database's name inside the backup file (and in the library folder).
pub const DATABASE: &str = "library.sqlite3";
/// What the manifest's `format` says.
pub const FORMAT: &str = "gongbang-backup";
/// Our backup files are named `gongbang-backup-YYYYMMDD-HHMMSS[-N].zip`.
pub const FILE_PREFIX: &str = "gongbang-backup-";
const PARTIAL_SUFFIX: &str = ".partial";
/// Test hook: milliseconds to wait after each file (so a test can kill a backup in the middle).
pub const PAUSE_ENV: &str = "GONGBANG_BACKUP_PAUSE_MS";

/// Folders of the library that are caches rebuilt from the originals (never backed up).
const CACHE_FOLDERS: &[&str] = &["thumbs"];

/// What the backup file says about itself.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The app version that wrote it.
    pub app_version: String,
    /// The database schema version of the snapshot.
    pub schema_version: usize,
    /// When it was made (local time, RFC 3339).
    pub created_at: String,
    /// Every file, the database first.
    pub files: Vec<ManifestFile>,
}

/// One file of the backup.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ManifestFile {
    /// Path inside the library folder, with forward slashes.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// blake3 of the content, hex.
    pub blake3: String,
}

/// Writes a backup of the library at `root` into `out_dir` and returns the file written. `progress` gets
/// (files done, files in all). Works while the app runs: the database is copied with `VACUUM INTO` on a
/// connection of its own (a consistent snapshot in one read transaction; WAL lets the app keep writing), so
/// the caller need not hold the library.
pub fn create(
    root: &Path,
    out_dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<PathBuf> {
    std::fs::create_dir_all(out_dir).map_err(|e| CoreError::io(out_dir, e))?;
    remove_stale_partials(out_dir);
    let (final_path, partial_path, file) = claim_name(out_dir)?;
    let result = write_backup(root, file, progress);
    match result {
        Ok(()) => {
            crate::busy::retry_while_busy(|| std::fs::rename(&partial_path, &final_path)).map_err(
                |e| {
                    let _ = std::fs::remove_file(&partial_path);
                    CoreError::io(&final_path, e)
                },
            )?;
            Ok(final_path)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial_path);
            Err(e)
        }
    }
}

/// Picks a free `gongbang-backup-…zip` name and creates its `.partial` file, locked while we write it (so the
/// next backup can tell a dead writer's leftover from a running one's).
fn claim_name(out_dir: &Path) -> Result<(PathBuf, PathBuf, File)> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{FILE_PREFIX}{stamp}.zip")
        } else {
            format!("{FILE_PREFIX}{stamp}-{n}.zip")
        };
        let final_path = out_dir.join(&name);
        let partial_path = out_dir.join(format!("{name}{PARTIAL_SUFFIX}"));
        if final_path.exists() {
            continue;
        }
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&partial_path)
        {
            Ok(f) => {
                // A failed lock only loses the stale-file protection; the backup itself is fine.
                let _ = f.try_lock();
                return Ok((final_path, partial_path, f));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(CoreError::io(&partial_path, e)),
        }
    }
    Err(CoreError::invalid(
        "백업 파일 이름을 정할 수 없습니다. 잠시 뒤 다시 해 주세요.",
        "No free backup file name; try again in a moment.",
    ))
}

/// Deletes `.partial` files left by a backup that was killed (no process holds their lock any more).
fn remove_stale_partials(out_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(out_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(FILE_PREFIX) && name.ends_with(PARTIAL_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        let stale = match File::open(&path) {
            Ok(f) => {
                let free = f.try_lock().is_ok();
                drop(f);
                free
            }
            Err(_) => false,
        };
        if stale {
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn write_backup(root: &Path, file: File, progress: &mut dyn FnMut(usize, usize)) -> Result<()> {
    let db_path = root.join(DATABASE);
    if !db_path.is_file() {
        return Err(CoreError::invalid(
            format!("백업할 자료가 없습니다 ({}).", root.display()),
            format!("There is no library to back up at {}.", root.display()),
        ));
    }
    let snap_dir = tempfile::Builder::new()
        .prefix("gongbang-snapshot-")
        .tempdir()
        .map_err(|e| CoreError::io(std::env::temp_dir(), e))?;
    let snapshot = snap_dir.path().join(DATABASE);
    let schema_version = snapshot_database(&db_path, &snapshot)?;
    let files = owner_files(root)?;
    let total = files.len() + 1;
    let pause = std::env::var(PAUSE_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|ms| *ms > 0);

    let mut zip = zip::ZipWriter::new(file);
    let mut manifest = Manifest {
        format: FORMAT.to_string(),
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version,
        created_at: db::now(),
        files: Vec::with_capacity(total),
    };
    progress(0, total);
    let sources = std::iter::once((DATABASE.to_string(), snapshot.clone()))
        .chain(files.into_iter().map(|rel| (rel.clone(), root.join(&rel))));
    for (done, (name, path)) in sources.enumerate() {
        manifest.files.push(add_file(&mut zip, &name, &path)?);
        progress(done + 1, total);
        if let Some(ms) = pause {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
    }
    let json = serde_json::to_vec_pretty(&manifest)?;
    zip.start_file(MANIFEST, stored(false))
        .map_err(|e| zip_write_error(MANIFEST, e))?;
    zip.write_all(&json)
        .map_err(|e| zip_write_error(MANIFEST, e.into()))?;
    let file = zip.finish().map_err(|e| zip_write_error("", e))?;
    file.sync_all().map_err(|e| CoreError::io(MANIFEST, e))?;
    let _ = file.unlock();
    drop(file);
    Ok(())
}

/// `VACUUM INTO` on a connection of our own: one consistent snapshot while the app keeps its connection and
/// may write (WAL), compacted, with no WAL file of its own. Returns the snapshot's schema version.
fn snapshot_database(db_path: &Path, snapshot: &Path) -> Result<usize> {
    use rusqlite::OpenFlags;
    let conn = rusqlite::Connection::open_with_flags(
        db_path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    let target = snapshot.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [&target])?;
    drop(conn);
    let snap = rusqlite::Connection::open_with_flags(snapshot, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    db::schema_version(&snap)
}

/// Every file of the library folder that is the owner's, as paths relative to `root` with forward slashes,
/// sorted: originals, music, a mentor's templates and trade notes, anything else he put there. Left out: the
/// database (snapshotted instead) with its WAL, caches that are rebuilt, and our own temporary files.
fn owner_files(root: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel)) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| CoreError::io(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| CoreError::io(&dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let child_rel = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry
                .file_type()
                .map_err(|e| CoreError::io(entry.path(), e))?;
            if name.starts_with(".tmp-") || name.starts_with(".gongbang-") {
                continue;
            }
            if kind.is_dir() {
                if rel.is_empty() && CACHE_FOLDERS.contains(&name.as_str()) {
                    continue;
                }
                stack.push((entry.path(), child_rel));
            } else if kind.is_file() {
                if rel.is_empty() && name.starts_with(DATABASE) {
                    continue;
                }
                out.push(child_rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn stored(large: bool) -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(large)
}

/// Copies one file into the zip, hashing what it copies (read-only open; one pass over the bytes).
fn add_file(zip: &mut zip::ZipWriter<File>, name: &str, path: &Path) -> Result<ManifestFile> {
    let mut src = File::open(path).map_err(|e| CoreError::io(path, e))?;
    let len = src.metadata().map_err(|e| CoreError::io(path, e))?.len();
    zip.start_file(name, stored(len >= u64::from(u32::MAX)))
        .map_err(|e| zip_write_error(name, e))?;
    let mut hasher = blake3::Hasher::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = src.read(&mut buf).map_err(|e| CoreError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        zip.write_all(&buf[..n])
            .map_err(|e| zip_write_error(name, e.into()))?;
        size += n as u64;
    }
    Ok(ManifestFile {
        path: name.to_string(),
        size,
        blake3: hasher.finalize().to_hex().to_string(),
    })
}

fn zip_write_error(name: &str, e: zip::result::ZipError) -> CoreError {
    match e {
        zip::result::ZipError::Io(io) => CoreError::io(name, io),
        other => CoreError::invalid(
            format!("백업 파일을 쓰지 못했습니다 ({name}): {other}"),
            format!("Could not write the backup file ({name}): {other}"),
        ),
    }
}

/// Our backup files in `dir`, oldest first (by the time in their names); other files are never listed.
pub fn our_backups(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<((String, u32), PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let key = parse_backup_name(&name)?;
            e.file_type().ok()?.is_file().then(|| (key, e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// `gongbang-backup-YYYYMMDD-HHMMSS[-N].zip` → (stamp, N).
fn parse_backup_name(name: &str) -> Option<(String, u32)> {
    let rest = name.strip_prefix(FILE_PREFIX)?.strip_suffix(".zip")?;
    let (stamp, n) = match rest.get(15..) {
        Some("") => (rest, 1),
        Some(tail) => (rest.get(..15)?, tail.strip_prefix('-')?.parse().ok()?),
        None => return None,
    };
    let ok = stamp.len() == 15
        && stamp
            .char_indices()
            .all(|(i, c)| if i == 8 { c == '-' } else { c.is_ascii_digit() });
    ok.then(|| (stamp.to_string(), n))
}

/// Deletes our oldest backup files in `dir` beyond the newest `keep` (at least one is always kept); returns
/// the files deleted. Files that are not ours are never touched.
pub fn rotate(dir: &Path, keep: usize) -> Result<Vec<PathBuf>> {
    let ours = our_backups(dir);
    let keep = keep.max(1);
    let excess = ours.len().saturating_sub(keep);
    let mut removed = Vec::new();
    for path in ours.into_iter().take(excess) {
        std::fs::remove_file(&path).map_err(|e| CoreError::io(&path, e))?;
        removed.push(path);
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_are_ours() {
        assert_eq!(
            parse_backup_name("gongbang-backup-20261203-092400.zip"),
            Some(("20261203-092400".into(), 1))
        );
        assert_eq!(
            parse_backup_name("gongbang-backup-20261203-092400-3.zip"),
            Some(("20261203-092400".into(), 3))
        );
        for other in [
            "gongbang-backup-20261203-092400.zip.partial",
            "gongbang-backup-notes.zip",
            "gongbang-backup-20261203_092400.zip",
            "holiday.zip",
            "gongbang-backup-20261203-092400-x.zip",
        ] {
            assert_eq!(parse_backup_name(other), None, "{other}");
        }
    }
}
