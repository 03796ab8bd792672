//! Why: the mentor's review as the owner and the mentor do it — send a post, open a bundle or a reply
//! (from anywhere, or from the club folder), write notes, send the reply, answer each note — over a
//! `Library`; the rules are `crate::review`'s and `crate::club`'s.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::domain::review::{NoteInput, Review};
use crate::domain::{Platform, Post};
use crate::repo::settings;
use crate::review::{self, BundleView, SentBundle, WrittenReply, BUNDLE_EXT, REPLY_EXT};
use crate::{club, CoreError, Library, Result};

pub use crate::domain::review::{NoteState, NoteTarget, ReviewNote, ReviewRole, Rewrite};
pub use crate::review::{BundleBlock, BundleCheck, BundleCoach, BundlePost, BundleText};

/// Setting key: the name a mentor signs replies with (asked once, remembered).
const REVIEWER_KEY: &str = "reviewer_name";

/// Where a bundle or a reply goes: the folder given, else the club folder; neither is a plain refusal.
fn out_dir(lib: &Library, given: Option<&Path>) -> Result<PathBuf> {
    if let Some(d) = given {
        return Ok(d.to_path_buf());
    }
    club::outbox(lib)?.ok_or_else(|| {
        CoreError::invalid(
            "보낼 폴더를 골라 주세요 (설정에서 동아리 폴더를 정하면 그곳으로 갑니다).",
            "Pick a folder to write to (with a club folder set in Settings, it goes there).",
        )
    })
}

/// "멘토에게 보내기": a review bundle of the post, into `dir` or the club folder.
pub fn send(
    lib: &mut Library,
    post_id: i64,
    dir: Option<&Path>,
    confirmed: &[String],
) -> Result<SentBundle> {
    let dir = out_dir(lib, dir)?;
    review::send(lib, post_id, &dir, confirmed)
}

/// The post a review of the job is about: the job's post last worked on (of `platform` when given), or a
/// new draft for `platform` (Naver when none is given) when the job has no post yet.
pub fn post_of_job(lib: &mut Library, job_id: i64, platform: Option<Platform>) -> Result<Post> {
    crate::repo::jobs::get(lib.conn(), job_id)?;
    match crate::repo::posts::latest_for_job(lib.conn(), job_id, platform)? {
        Some(p) => Ok(p),
        None => crate::ops::posts::make_draft(lib, job_id, platform.unwrap_or(Platform::Naver)),
    }
}

/// What a review file turned out to be once opened.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Opened {
    /// A bundle to review (this library is the mentor's).
    Bundle { view: Box<BundleView> },
    /// A reply to a bundle this library sent.
    Reply { review: Review },
    /// A template pack: its path, for the pack's own preview and import.
    Pack { path: String },
}

/// Opens a review file from anywhere (by its extension: `.gbreview` or `.gbreply`).
pub fn open_file(lib: &mut Library, file: &Path) -> Result<Opened> {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if ext == BUNDLE_EXT {
        Ok(Opened::Bundle {
            view: Box::new(review::open_bundle(lib, file)?),
        })
    } else if ext == REPLY_EXT {
        Ok(Opened::Reply {
            review: review::open_reply(lib, file)?,
        })
    } else if ext == club::PACK_EXT {
        Ok(Opened::Pack {
            path: file.to_string_lossy().into_owned(),
        })
    } else {
        Err(review::format::not_a_review_file(file))
    }
}

/// Opens a file of the club folder; a bundle or a reply is moved into the library (its copy kept there,
/// the club's file removed) once it opened; a pack stays for the club's other shops.
pub fn take_from_club(lib: &mut Library, name: &str) -> Result<Opened> {
    let path = club::path_of(lib, name)?;
    let opened = open_file(lib, &path)?;
    if !matches!(opened, Opened::Pack { .. }) {
        club::remove_taken(&path)?;
    }
    Ok(opened)
}

/// A received bundle again, with its notes.
pub fn bundle(lib: &Library, review_id: i64) -> Result<BundleView> {
    review::view(lib, review_id)
}

/// The bundles this library opened as a mentor.
pub fn received(lib: &Library) -> Result<Vec<Review>> {
    review::received_list(lib)
}

/// The mentor's note, added / changed / removed (drafts until the reply is written).
pub fn add_note(lib: &Library, review_id: i64, note: &NoteInput) -> Result<BundleView> {
    review::add_note(lib, review_id, note)
}

/// Changes a draft note.
pub fn update_note(lib: &Library, note_id: i64, note: &NoteInput) -> Result<BundleView> {
    review::update_note(lib, note_id, note)
}

/// Removes a draft note.
pub fn delete_note(lib: &Library, note_id: i64) -> Result<BundleView> {
    review::delete_note(lib, note_id)
}

/// The name the mentor signed the last reply with.
pub fn reviewer_name(lib: &Library) -> Result<String> {
    Ok(settings::get(lib.conn(), REVIEWER_KEY)?.unwrap_or_default())
}

/// "답장 보내기": the reply file, into `dir` or the club folder; the name is remembered.
pub fn write_reply(
    lib: &mut Library,
    review_id: i64,
    reviewer: &str,
    dir: Option<&Path>,
) -> Result<WrittenReply> {
    let dir = out_dir(lib, dir)?;
    let written = review::write_reply(lib, review_id, reviewer, &dir)?;
    settings::set(lib.conn(), REVIEWER_KEY, reviewer.trim())?;
    Ok(written)
}

/// The post's reviews and every note in them: who said what, and what the owner did with it.
pub fn of_post(lib: &Library, post_id: i64) -> Result<Vec<Review>> {
    review::of_post(lib, post_id)
}

/// Accepts a note (its rewrite goes into the post).
pub fn accept(lib: &mut Library, note_id: i64) -> Result<Review> {
    review::accept(lib, note_id)
}

/// Declines a note.
pub fn decline(lib: &mut Library, note_id: i64) -> Result<Review> {
    review::decline(lib, note_id)
}

/// Undoes the answer to a note.
pub fn undo(lib: &mut Library, note_id: i64) -> Result<Review> {
    review::undo(lib, note_id)
}
