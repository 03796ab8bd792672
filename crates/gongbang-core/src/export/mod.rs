//! Why: an export is the package the owner uploads by hand (Naver) or pastes (Tistory/WordPress/Markdown):
//! one new folder, complete or absent, photos numbered in post order, fixed file names.

mod photos;
mod staging;
pub mod texts;
pub mod youtube;

use std::path::Path;

use serde::Serialize;

use crate::library::Library;
use crate::render;
use crate::repo::photos::{self as photo_repo, Photo};
use crate::repo::post_events;
use crate::repo::posts::{self, Platform, Post};
use crate::video::Control;
use crate::{guard, imaging, CoreError, Result};

pub use photos::{format_of, render_one, stored_original, stored_upright, BLOG_LONG_SIDE};
pub use staging::Staging;

/// Fixed names inside a Naver package.
pub mod naver_files {
    pub const BODY: &str = "본문.txt";
    pub const TITLE: &str = "제목.txt";
    pub const TAGS: &str = "태그.txt";
    pub const PREVIEW: &str = "post.html";
    pub const HOWTO: &str = "올리는 방법.txt";
}

/// Where an export went.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub folder: String,
    pub files: Vec<String>,
}

/// Exports a post into a new folder under `out_dir` and records it on the post. The leak guard decides
/// first (the job's policy, then the text: every flagged text must be among `confirmed_terms`, the owner's
/// explicit confirmation, which is logged); nothing is written when it refuses.
pub fn export_post(
    lib: &mut Library,
    post_id: i64,
    out_dir: &Path,
    confirmed_terms: &[String],
) -> Result<ExportResult> {
    export_post_with(lib, post_id, out_dir, confirmed_terms, Control::default())
}

/// [`export_post`] with progress reports and cancelling (videos take a while).
pub fn export_post_with(
    lib: &mut Library,
    post_id: i64,
    out_dir: &Path,
    confirmed_terms: &[String],
    ctl: Control<'_>,
) -> Result<ExportResult> {
    let post = posts::get(lib.conn(), post_id)?;
    let clearance = guard::clear_export(lib.conn(), &post, confirmed_terms)?;
    if matches!(post.platform, Platform::Youtube | Platform::Shorts) {
        let mut staging = Staging::begin(out_dir)?;
        youtube::write_package(lib, &mut staging, &post, &clearance.texts, ctl)?;
        return finish(lib, &post, &clearance, staging);
    }
    let photos = post_photos(lib, &post)?;
    if photos.is_empty() {
        return Err(CoreError::NoPhotos);
    }
    let paths = Library::store_paths(lib.root());
    let rendered = photos::render_all(&paths, &photos, BLOG_LONG_SIDE)?;

    let mut staging = Staging::begin(out_dir)?;
    let count = rendered.len();
    for (i, bytes) in rendered.iter().enumerate() {
        let rel = format!("photos/{}", render::photo_file_name(i + 1, count));
        staging.write(&rel, bytes)?;
        // Re-read what reached the disk: the check is on the file, not on our buffer.
        let on_disk = crate::store::read_original(&staging.path().join(&rel))?;
        imaging::jpeg_segments::verify_clean(&on_disk)
            .map_err(|e| CoreError::Image(imaging::ImageError::Verify(e)))?;
    }
    write_texts(&mut staging, &clearance.texts)?;
    finish(lib, &post, &clearance, staging)
}

/// Renames the finished folder into place and records the export.
fn finish(
    lib: &mut Library,
    post: &Post,
    clearance: &guard::Clearance,
    staging: Staging,
) -> Result<ExportResult> {
    let (folder, files) = staging.commit(post.platform.as_str())?;
    let folder = folder.to_string_lossy().into_owned();
    // The post's status, the calendar's event and the guard's log: all or none.
    let tx = lib.conn_mut().transaction()?;
    posts::mark_exported(&tx, post.id, &folder)?;
    post_events::exported(&tx, post.id, &folder)?;
    guard::log_export(&tx, post, clearance, &folder)?;
    tx.commit()?;
    Ok(ExportResult { folder, files })
}

/// The post's photos in order, each as a photo of the post's job: a photo that is not the job's is refused,
/// never shipped (the guard refuses it first; this holds even if a caller skipped the guard).
fn post_photos(lib: &Library, post: &Post) -> Result<Vec<Photo>> {
    post.photo_ids()
        .into_iter()
        .map(|id| {
            photo_repo::in_job(lib.conn(), post.job_id, id)?.ok_or(CoreError::PhotoNotInJob {
                photo_id: id,
                job_id: post.job_id,
            })
        })
        .collect()
}

/// Writes the text files exactly as the guard scanned them ([`texts::export_texts`]).
fn write_texts(staging: &mut Staging, texts: &texts::ExportTexts) -> Result<()> {
    if matches!(texts.platform, Platform::Youtube | Platform::Shorts) {
        return Err(CoreError::invalid(
            "영상 글은 영상 내보내기로 만듭니다.",
            "Video posts are exported as video packages.",
        ));
    }
    for f in &texts.files {
        staging.write(&f.name, f.text.as_bytes())?;
    }
    Ok(())
}
