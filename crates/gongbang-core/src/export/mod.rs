//! Why: an export is the package the owner uploads by hand (Naver) or pastes (Tistory/WordPress/Markdown):
//! one new folder, complete or absent, photos numbered in post order, fixed file names.

mod photos;
mod staging;
pub mod youtube;

use std::path::Path;

use serde::Serialize;

use crate::domain::LogoWatermark;
use crate::library::Library;
use crate::render;
use crate::repo::photos::{self as photo_repo, Photo};
use crate::repo::post_events;
use crate::repo::posts::{self, Platform, Post};
use crate::repo::shop_profile;
use crate::video::Control;
use crate::{guard, imaging, CoreError, Result};

/// Fixed names inside a Naver package (the package's).
pub use crate::package::naver_files;
/// Every text of an export (the package's, `crate::package::texts`), re-exported where callers look.
pub use crate::package::texts;
/// The parts of a Naver package the owner pastes (the package's), re-exported where callers look.
pub use crate::package::NaverPart;
pub use photos::{render_marked, render_one, Mark, Rendered, BLOG_LONG_SIDE};
pub use staging::Staging;

/// Where an export went. It also keeps, for the window's copy buttons, the text files exactly as the guard
/// cleared and the export wrote them (not sent over IPC; only an export makes them).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub folder: String,
    pub files: Vec<String>,
    /// The photos (1-based, in post order) that went out without the shop's logo mark although it is on:
    /// every corner of them had a redaction box. Empty when the mark is off.
    pub logo_left_off: Vec<u32>,
    #[serde(skip)]
    post_id: i64,
    #[serde(skip)]
    texts: Vec<texts::TextFile>,
}

impl ExportResult {
    /// The exported post.
    pub fn post_id(&self) -> i64 {
        self.post_id
    }

    /// A text of a Naver package as the guard cleared it and the export wrote it, for pasting into the
    /// blog's editor: the file's text without its final line break (a title field takes one line, and a
    /// trailing break would paste as an empty paragraph). `None` for a package of another platform.
    pub fn naver_text(&self, part: crate::package::NaverPart) -> Option<&str> {
        self.texts
            .iter()
            .find(|f| f.name == part.file_name())
            .map(|f| f.text.trim_end_matches(['\n', '\r']))
    }
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
    export_cleared(lib, post_id, &clearance, out_dir, ctl)
}

/// Writes the export that the guard's `clearance` allows into a new folder under `out_dir` and records it
/// (the post's status, the calendar's event, the guard's log). The seam for publishers: get the clearance
/// from [`guard::clear_export`] first. A clearance of another post, or of this post before it changed since,
/// is refused (`NotCleared`) and nothing is written.
pub fn export_cleared(
    lib: &mut Library,
    post_id: i64,
    clearance: &guard::Clearance,
    out_dir: &Path,
    ctl: Control<'_>,
) -> Result<ExportResult> {
    clearance.check(&posts::get(lib.conn(), post_id)?)?;
    let post = clearance.post();
    if matches!(post.platform, Platform::Youtube | Platform::Shorts) {
        let mut staging = Staging::begin(out_dir)?;
        youtube::write_package(lib, &mut staging, clearance, ctl)?;
        return finish(lib, clearance, staging);
    }
    let rendered = render_post(lib, post)?;
    let logo_left_off: Vec<u32> = (1u32..)
        .zip(&rendered)
        .filter(|(_, r)| r.mark_left_off)
        .map(|(n, _)| n)
        .collect();

    let mut staging = Staging::begin(out_dir)?;
    let count = rendered.len();
    for (i, bytes) in rendered.iter().map(|r| &r.jpeg).enumerate() {
        let rel = format!("photos/{}", render::photo_file_name(i + 1, count));
        staging.write(&rel, bytes)?;
        // Re-read what reached the disk: the check is on the file, not on our buffer.
        let on_disk = crate::store::read_original(&staging.path().join(&rel))?;
        imaging::jpeg_segments::verify_clean(&on_disk)
            .map_err(|e| CoreError::Image(imaging::ImageError::Verify(e)))?;
    }
    write_texts(&mut staging, clearance)?;
    let mut result = finish(lib, clearance, staging)?;
    result.logo_left_off = logo_left_off;
    Ok(result)
}

/// The post's photos in post order, rendered exactly as an export of it writes them (boxes burned, the logo
/// mark when it is on, clean JPEG) and each checked clean: what a review bundle carries.
pub(crate) fn rendered_photos(lib: &Library, post: &Post) -> Result<Vec<Vec<u8>>> {
    render_post(lib, post)?
        .into_iter()
        .map(|r| {
            imaging::jpeg_segments::verify_clean(&r.jpeg)
                .map_err(|e| CoreError::Image(imaging::ImageError::Verify(e)))?;
            Ok(r.jpeg)
        })
        .collect()
}

/// The post's photos rendered for the blog, with the logo mark when the owner turned it on.
fn render_post(lib: &Library, post: &Post) -> Result<Vec<photos::Rendered>> {
    let photos = post_photos(lib, post)?;
    if photos.is_empty() {
        return Err(CoreError::NoPhotos);
    }
    let paths = Library::store_paths(lib.root());
    let logo = logo_mark(lib)?;
    let mark = logo.as_ref().map(|(logo, settings)| photos::Mark {
        logo,
        settings: *settings,
    });
    photos::render_all(&paths, &photos, BLOG_LONG_SIDE, mark.as_ref())
}

/// The shop's logo and its mark settings, when the owner turned the mark on and has a logo.
fn logo_mark(lib: &Library) -> Result<Option<(imaging::watermark::Logo, LogoWatermark)>> {
    let settings = shop_profile::get(lib.conn())?.watermark;
    if !settings.on {
        return Ok(None);
    }
    let Some(png) = shop_profile::logo_png(lib.conn())? else {
        return Ok(None);
    };
    Ok(Some((imaging::watermark::Logo::from_png(&png)?, settings)))
}

/// Renames the finished folder into place and records the export.
fn finish(
    lib: &mut Library,
    clearance: &guard::Clearance,
    staging: Staging,
) -> Result<ExportResult> {
    let post = clearance.post();
    let (folder, files) = staging.commit(post.platform.as_str())?;
    let folder = folder.to_string_lossy().into_owned();
    // The post's status, the calendar's event and the guard's log: all or none.
    let tx = lib.conn_mut().transaction()?;
    posts::mark_exported(&tx, post.id, &folder)?;
    post_events::exported(&tx, post.id, &folder)?;
    guard::log_export(&tx, clearance, &folder)?;
    tx.commit()?;
    // The package's texts as written: a Naver package's files; a video package's are not pasted.
    let texts = if post.platform == Platform::Naver {
        clearance.texts().files.clone()
    } else {
        Vec::new()
    };
    Ok(ExportResult {
        folder,
        files,
        logo_left_off: Vec::new(),
        post_id: post.id,
        texts,
    })
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
fn write_texts(staging: &mut Staging, clearance: &guard::Clearance) -> Result<()> {
    let texts = clearance.texts();
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
