//! Why: owners drop whole folders of phone photos; each file is copied into the library once (by content),
//! gets a thumbnail and its EXIF facts, and a file that cannot be read is reported in plain words without
//! stopping the others. Work runs on every core; results stream back as they finish.

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex};

use image::DynamicImage;
use rayon::prelude::*;
use serde::Serialize;

use crate::imaging::{self, ImageError, PhotoFormat};
use crate::library::{Library, StorePaths};
use crate::repo::jobs;
use crate::repo::photo_quality::{self, PhotoQuality};
use crate::repo::photos::{self, NewPhoto, Photo};
use crate::{store, CoreError, Result};

/// Long side of the window's thumbnails, in pixels (sharp in the 700 px preview column too).
pub const THUMB_SIDE: u32 = 720;
/// How deep folders are searched.
const MAX_DEPTH: usize = 16;
/// File endings looked at inside dropped folders (single files are always tried).
const FOLDER_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "jpe", "png", "webp", "tif", "tiff", "heic", "heif", "avif", "gif", "bmp",
];

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Imported,
    Duplicate,
    Rejected,
}

/// One file's result.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportItem {
    pub path: String,
    pub file_name: String,
    pub outcome: ImportOutcome,
    pub photo: Option<Photo>,
    pub reason_ko: Option<String>,
    pub reason_en: Option<String>,
}

/// The results of one import, in the order the files were given.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub items: Vec<ImportItem>,
    pub imported: usize,
    pub duplicates: usize,
    pub rejected: usize,
}

enum Work {
    /// A new photo, with its exposure and sharpness when they could be measured.
    New(Box<NewPhoto>, Option<PhotoQuality>),
    Duplicate(String),
    Rejected(String, String),
}

/// Imports files and folders into the library, attaching every imported or duplicate photo to `job_id`.
/// `on_item(done, total, item)` is called on this thread as each file finishes.
pub fn import_paths(
    lib: &mut Library,
    job_id: Option<i64>,
    paths: &[PathBuf],
    mut on_item: impl FnMut(usize, usize, &ImportItem),
) -> Result<ImportSummary> {
    if let Some(id) = job_id {
        jobs::get(lib.conn(), id)?;
    }
    let files = expand(paths);
    let total = files.len();
    let claimed: Mutex<HashSet<String>> =
        Mutex::new(photos::all_hashes(lib.conn())?.into_iter().collect());
    let root = lib.root().to_path_buf();
    let probe = Library::store_paths(&root);

    let mut items: Vec<Option<ImportItem>> = vec![None; total];
    let mut deferred: Vec<(usize, String)> = Vec::new();
    let mut done = 0usize;
    std::thread::scope(|s| -> Result<()> {
        let (tx, rx) = mpsc::channel::<(usize, Work)>();
        let files_ref = &files;
        let claimed_ref = &claimed;
        let probe_ref = &probe;
        s.spawn(move || {
            files_ref
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, f)| {
                    let work = match f {
                        Ok(path) => {
                            catch_unwind(AssertUnwindSafe(|| process(path, claimed_ref, probe_ref)))
                                .unwrap_or_else(|_| rejected(&ImageError::DecoderPanic.into()))
                        }
                        Err((_, ko, en)) => Work::Rejected(ko.clone(), en.clone()),
                    };
                    let _ = tx.send((i, work));
                });
        });
        for (i, work) in rx {
            let path = file_path(&files[i]);
            let item = match work {
                Work::New(new, quality) => {
                    let id = photos::insert(lib.conn(), &new)?;
                    if let Some(q) = quality {
                        photo_quality::save(lib.conn(), id, q)?;
                    }
                    finish_item(lib, job_id, &path, ImportOutcome::Imported, id)?
                }
                Work::Duplicate(hash) => match photos::by_hash(lib.conn(), &hash)? {
                    Some(p) => finish_item(lib, job_id, &path, ImportOutcome::Duplicate, p.id)?,
                    None => {
                        // Its twin in this batch is still being processed: settle it at the end.
                        deferred.push((i, hash));
                        continue;
                    }
                },
                Work::Rejected(ko, en) => rejected_item(&path, ko, en),
            };
            done += 1;
            on_item(done, total, &item);
            items[i] = Some(item);
        }
        Ok(())
    })?;
    for (i, hash) in deferred {
        let path = file_path(&files[i]);
        let item = match photos::by_hash(lib.conn(), &hash)? {
            Some(p) => finish_item(lib, job_id, &path, ImportOutcome::Duplicate, p.id)?,
            None => rejected_item(
                &path,
                "같은 내용의 다른 파일을 읽지 못해 건너뛰었습니다.".into(),
                "Skipped: an identical file in this batch could not be read.".into(),
            ),
        };
        done += 1;
        on_item(done, total, &item);
        items[i] = Some(item);
    }
    let items: Vec<ImportItem> = items.into_iter().flatten().collect();
    let count = |o| items.iter().filter(|i| i.outcome == o).count();
    Ok(ImportSummary {
        imported: count(ImportOutcome::Imported),
        duplicates: count(ImportOutcome::Duplicate),
        rejected: count(ImportOutcome::Rejected),
        items,
    })
}

type Found = std::result::Result<PathBuf, (PathBuf, String, String)>;

fn file_path(f: &Found) -> PathBuf {
    match f {
        Ok(p) => p.clone(),
        Err((p, _, _)) => p.clone(),
    }
}

/// Expands folders into their photo files (sorted by name), keeping the given order otherwise.
fn expand(paths: &[PathBuf]) -> Vec<Found> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, 0, &mut out),
            Ok(m) if m.is_file() => out.push(Ok(p.clone())),
            Ok(_) => out.push(Err((
                p.clone(),
                "일반 파일이 아닙니다.".into(),
                "Not a regular file.".into(),
            ))),
            Err(_) => out.push(Err((
                p.clone(),
                "파일을 찾을 수 없습니다.".into(),
                "File not found.".into(),
            ))),
        }
    }
    out
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<Found>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        out.push(Err((
            dir.to_path_buf(),
            "폴더를 열 수 없습니다.".into(),
            "The folder cannot be opened.".into(),
        )));
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        let hidden = e
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&e) {
            Ok(m) if m.is_dir() => walk(&e, depth + 1, out),
            Ok(m) if m.is_file() => {
                let ext = e
                    .extension()
                    .and_then(|x| x.to_str())
                    .map(str::to_ascii_lowercase)
                    .unwrap_or_default();
                if FOLDER_EXTENSIONS.contains(&ext.as_str()) {
                    out.push(Ok(e));
                }
            }
            _ => {}
        }
    }
}

fn rejected(e: &CoreError) -> Work {
    Work::Rejected(e.message_ko(), e.message_en())
}

/// Reads, hashes, decodes and stores one file. Runs on a worker thread; touches no database.
fn process(path: &Path, claimed: &Mutex<HashSet<String>>, store_paths: &StorePaths) -> Work {
    let bytes = match store::read_original(path) {
        Ok(b) => b,
        Err(e) => return rejected(&e),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    {
        let mut set = claimed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !set.insert(hash.clone()) {
            return Work::Duplicate(hash);
        }
    }
    match prepare(path, &bytes, &hash, store_paths) {
        Ok((new, quality)) => Work::New(Box::new(new), quality),
        Err(e) => {
            claimed
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .remove(&hash);
            rejected(&e)
        }
    }
}

fn prepare(
    path: &Path,
    bytes: &[u8],
    hash: &str,
    sp: &StorePaths,
) -> Result<(NewPhoto, Option<PhotoQuality>)> {
    let format: PhotoFormat = imaging::sniff_format(bytes)?;
    if format == PhotoFormat::Jpeg {
        // Decoders fill a truncated JPEG with grey and call it fine; the owner should hear it is damaged.
        imaging::jpeg_segments::parse(bytes).map_err(ImageError::Corrupt)?;
    }
    let meta = imaging::read_meta(bytes);
    // Only the thumbnail's size is decoded (a JPEG at 1/2, 1/4 or 1/8 scale); the export decodes in full.
    let reduced = imaging::decode_reduced(bytes, format, THUMB_SIDE)?;
    let (w, h) = (reduced.full_width, reduced.full_height);
    let (width, height) = if (5..=8).contains(&meta.orientation) {
        (h, w)
    } else {
        (w, h)
    };
    let small = DynamicImage::ImageRgb8(imaging::fit_within(&reduced.image, THUMB_SIDE)?);
    drop(reduced);
    // For the coach's dark/blurry check (from the thumbnail-sized copy: cheap; neither number depends on
    // the orientation).
    let quality = crate::coach::photo_quality::measure(&small).ok();
    let thumb = imaging::orient(small, meta.orientation).to_rgb8();
    let thumb_bytes = imaging::encode_thumbnail_jpeg(&thumb)?;
    store::store_once(&sp.original(hash, format.extension()), bytes)?;
    store::store_once(&sp.thumbnail(hash), &thumb_bytes)?;
    let original_path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let new = NewPhoto {
        hash: hash.to_string(),
        format: format.as_str(),
        original_name: display_name(path),
        original_path: original_path.to_string_lossy().into_owned(),
        taken_at: meta.taken_at,
        width,
        height,
        orientation: meta.orientation,
        camera_make: meta.camera_make,
        camera_model: meta.camera_model,
        has_gps: meta.has_gps,
        byte_size: bytes.len() as i64,
    };
    Ok((new, quality))
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.to_string_lossy().into_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn finish_item(
    lib: &Library,
    job_id: Option<i64>,
    path: &Path,
    outcome: ImportOutcome,
    photo_id: i64,
) -> Result<ImportItem> {
    if let Some(job) = job_id {
        jobs::attach_photo(lib.conn(), job, photo_id)?;
    }
    let photo = match job_id {
        Some(job) => photos::in_job(lib.conn(), job, photo_id)?,
        None => photos::get(lib.conn(), photo_id)?,
    };
    let (reason_ko, reason_en) = if outcome == ImportOutcome::Duplicate {
        (
            Some("이미 있는 사진입니다 (같은 내용).".to_string()),
            Some("Already in the library (same content).".to_string()),
        )
    } else {
        (None, None)
    };
    Ok(ImportItem {
        path: path.to_string_lossy().into_owned(),
        file_name: display_name(path),
        outcome,
        photo,
        reason_ko,
        reason_en,
    })
}

fn rejected_item(path: &Path, ko: String, en: String) -> ImportItem {
    ImportItem {
        path: path.to_string_lossy().into_owned(),
        file_name: display_name(path),
        outcome: ImportOutcome::Rejected,
        photo: None,
        reason_ko: Some(ko),
        reason_en: Some(en),
    }
}

/// Finds a library photo by what a person or script may give: a photo number, its content hash (or the
/// first 8+ hex digits of it), or a file whose content is in the library.
pub fn find_photo(conn: &rusqlite::Connection, reference: &str) -> Result<Photo> {
    let r = reference.trim();
    let not_found = || {
        CoreError::invalid(
            format!("사진을 찾을 수 없습니다: {r} (파일, 사진 번호 또는 해시를 주세요)"),
            format!("No such photo: {r} (give a file, a photo number or a hash)"),
        )
    };
    let path = Path::new(r);
    if path.is_file() {
        let bytes = store::read_original(path)?;
        let hash = blake3::hash(&bytes).to_hex().to_string();
        return photos::by_hash(conn, &hash)?.ok_or_else(not_found);
    }
    if let Ok(id) = r.parse::<i64>() {
        return photos::get(conn, id)?.ok_or_else(not_found);
    }
    let hex = r.to_ascii_lowercase();
    if hex.len() >= 8 && hex.len() <= 64 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        let matches: Vec<String> = photos::all_hashes(conn)?
            .into_iter()
            .filter(|h| h.starts_with(&hex))
            .collect();
        if let [one] = matches.as_slice() {
            return photos::by_hash(conn, one)?.ok_or_else(not_found);
        }
    }
    Err(not_found())
}
