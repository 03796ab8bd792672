//! Why: a post from draft to what its export will hold — drafted, edited, its video set (and its music), its cut list, the
//! texts an export will write, the coach's checklist and fixes — without the caller naming a table.

use std::path::Path;

use crate::coach::{self, Coach};
use crate::domain::{Block, Platform, Post, VideoSettings};
use crate::package::texts::{self, ExportTexts};
use crate::repo::posts;
use crate::video::{self, Plan};
use crate::{draft, Library, Result};

/// The saved post, or `no_such_post`.
pub fn get(lib: &Library, post_id: i64) -> Result<Post> {
    posts::get(lib.conn(), post_id)
}

/// A new post of the job for `platform` with this text (a post made elsewhere, e.g. by a test or an
/// import; the owner's posts start as drafts, [`make_draft`]).
pub fn create(
    lib: &mut Library,
    job_id: i64,
    platform: Platform,
    title: &str,
    blocks: &[Block],
    tags: &[String],
) -> Result<Post> {
    posts::create(lib.conn_mut(), job_id, platform, title, blocks, tags)
}

/// A fresh draft from the job's facts and photos, with the shop profile and the window's language; it
/// replaces the text of the job's post for `platform`, or makes that post.
pub fn make_draft(lib: &mut Library, job_id: i64, platform: Platform) -> Result<Post> {
    draft::make_draft(lib, job_id, platform)
}

/// Saves the owner's title, blocks and tags (a photo block must name one of the job's photos).
pub fn save_text(lib: &mut Library, post: &Post) -> Result<Post> {
    posts::save_text(lib.conn_mut(), post)
}

/// Saves a new title, keeping the post's blocks and tags.
pub fn set_title(lib: &mut Library, post_id: i64, title: &str) -> Result<Post> {
    let post = posts::get(lib.conn(), post_id)?;
    posts::save(lib.conn_mut(), post_id, title, &post.blocks, &post.tags)
}

/// Saves only the video settings. Music is set with [`set_music`]; here it may only be kept or removed
/// (music the library's store does not hold is refused).
pub fn save_video(lib: &Library, post_id: i64, video: &VideoSettings) -> Result<Post> {
    if let Some(m) = &video.music {
        let stored = Library::store_paths(lib.root()).music(&m.hash, &m.extension);
        let known = crate::audio::EXTENSIONS.contains(&m.extension.as_str())
            && m.hash.len() == 64
            && m.hash.bytes().all(|b| b.is_ascii_hexdigit());
        if !known || !stored.is_file() {
            return Err(crate::CoreError::invalid(
                "저장된 음악이 아닙니다. 음악은 영상 단계의 '음악 고르기'로 넣어 주세요.",
                "That is not stored music. Add music with 'Choose music' in the video step.",
            ));
        }
    }
    posts::save_video(lib.conn(), post_id, video)
}

/// Sets the video's background music from the owner's file (checked, then copied into the library's
/// store; their file is only read), or takes it away with `None` (the video is silent again).
pub fn set_music(lib: &Library, post_id: i64, file: Option<&Path>) -> Result<Post> {
    let post = posts::get(lib.conn(), post_id)?;
    video::build::format_for(post.platform)?;
    let music = file
        .map(|f| crate::audio::import_music(lib, f))
        .transpose()?;
    let settings = VideoSettings {
        music,
        ..post.video
    };
    posts::save_video(lib.conn(), post_id, &settings)
}

/// The cut list of the saved post; `invalid` for a non-video post.
pub fn video_plan(lib: &Library, post_id: i64) -> Result<Plan> {
    let post = posts::get(lib.conn(), post_id)?;
    let format = video::build::format_for(post.platform)?;
    let items = video::build::post_photos(lib, &post)?;
    let pairs: Vec<(&crate::domain::Photo, &str)> =
        items.iter().map(|(p, c)| (p, c.as_str())).collect();
    Ok(video::plan(format, &pairs, &post.video))
}

/// What an export of the saved post will write and draw.
pub fn export_texts(lib: &Library, post_id: i64) -> Result<ExportTexts> {
    texts::export_texts_of(lib.conn(), post_id)
}

/// The coach's checklist for the saved post.
pub fn coach(lib: &Library, post_id: i64) -> Result<Coach> {
    coach::coach_post(lib, post_id)
}

/// Applies one of the coach's one-click fixes and saves the post; it changes only what the fix is for.
pub fn apply_fix(lib: &mut Library, post_id: i64, fix: &str, arg: Option<&str>) -> Result<Post> {
    coach::apply_fix(lib, post_id, fix, arg)
}
