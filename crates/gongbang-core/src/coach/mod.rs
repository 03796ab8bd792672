//! Why: the coach is the SNS expert inside the app (design §6): per platform it checks what a good machining
//! post has, says what and why in one sentence, scores the post, and fixes what it can in one click.

pub mod checks;
mod copied;
mod fixes;
pub mod logo;
pub mod photo_quality;
mod text;
pub mod weights;

use serde::Serialize;

use crate::draft::{coach_keyword, keyword_lists, keyword_parts, suggest_keywords, MAX_TAGS};
use crate::guard;
use crate::library::Library;
use crate::repo::jobs::{self, Job};
use crate::repo::photos;
use crate::repo::photos::of_post as post_photos;
use crate::repo::posts::{self, Block, Platform, Post};
use crate::repo::shop_profile::{self, ShopProfile};
use crate::video_plan::package_text::{
    chapters, yt_chars, MIN_CHAPTERS, TAGS_MAX_CHARS, TITLE_MAX_CHARS,
};
use crate::video_plan::{self, VideoFormat};
use crate::Result;

pub use checks::{fix, CheckStatus, CoachCheck};
pub use copied::copied_paragraphs;
pub use fixes::{apply_fix, fix_post};
pub use text::char_count;

/// A blog post should have at least this many characters of text.
pub const MIN_BLOG_CHARS: usize = 1500;
/// … and at least this many of the owner's photos.
pub const MIN_BLOG_PHOTOS: usize = 8;
/// Tags a blog post should have.
pub const MIN_TAGS: usize = 5;
/// The keyword must be within this many characters of a video title's start.
pub const VIDEO_KEYWORD_WITHIN: usize = 50;
/// Most words on the thumbnail.
pub const THUMBNAIL_MAX_WORDS: usize = crate::package::THUMBNAIL_MAX_WORDS;
/// A 16:9 video shorter than this is too short to be worth watching.
pub const MIN_VIDEO_MS: u64 = 30_000;

/// The checklist of one post.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Coach {
    pub post_id: i64,
    pub platform: Platform,
    /// 0–100: the weighted share of checks passed, rounded (each check's `weight`; 1 unless a
    /// `weights.toml` of the owner or a pack says otherwise).
    pub score: u32,
    pub passed: usize,
    pub total: usize,
    pub checks: Vec<CoachCheck>,
    /// Region + process + material + part, e.g. "문래동 CNC 선반 SUS304 샤프트".
    pub main_keyword: String,
    /// Suggestions from the job facts and the profile, best first.
    pub keywords: Vec<String>,
}

impl Coach {
    /// The check with this id.
    pub fn get(&self, id: &str) -> Option<&CoachCheck> {
        self.checks.iter().find(|c| c.id == id)
    }
}

/// The checklist of the saved post `post_id`.
pub fn coach_post(lib: &Library, post_id: i64) -> Result<Coach> {
    let post = posts::get(lib.conn(), post_id)?;
    check(lib, &post)
}

/// Checks a post for its platform, with the library's shop profile; photos without a quality measurement
/// are measured now (and remembered).
pub fn check(lib: &Library, post: &Post) -> Result<Coach> {
    let conn = lib.conn();
    let job = jobs::get(conn, post.job_id)?;
    let shop = shop_profile::get(conn)?;
    let mut list = match post.platform {
        Platform::Naver | Platform::Html | Platform::Markdown => {
            blog_checks(lib, post, &job, &shop)?
        }
        Platform::Youtube | Platform::Shorts => video_checks(lib, post, &job, &shop)?,
    };
    list.extend(common_checks(lib, post, &shop)?);
    let overlay = lib.overlay()?;
    let weights = weights::lists(&overlay);
    for c in &mut list {
        c.weight = weights::weight_of(&weights, c.id);
    }
    let passed = list
        .iter()
        .filter(|c| c.status == CheckStatus::Pass)
        .count();
    let total = list.len();
    let weight_sum = |pass_only: bool| -> u32 {
        list.iter()
            .filter(|c| !pass_only || c.status == CheckStatus::Pass)
            .map(|c| u32::from(c.weight))
            .sum()
    };
    let score = weights::score(weight_sum(true), weight_sum(false));
    let mut keywords = suggest_keywords(&job.fields, &shop);
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let lang = if post.title.chars().any(hangul) || post.title.trim().is_empty() {
        crate::draft::Lang::Ko
    } else {
        crate::draft::Lang::En
    };
    let lists = keyword_lists::lists(&overlay);
    for w in keyword_lists::extra_for_job(&lists, &job.fields, lang) {
        if !keywords.contains(&w) {
            keywords.push(w);
        }
    }
    Ok(Coach {
        post_id: post.id,
        platform: post.platform,
        score,
        passed,
        total,
        checks: list,
        main_keyword: coach_keyword(&job.fields, &shop),
        keywords,
    })
}

fn status(ok: bool, otherwise: CheckStatus) -> CheckStatus {
    if ok {
        CheckStatus::Pass
    } else {
        otherwise
    }
}

fn blog_checks(
    lib: &Library,
    post: &Post,
    job: &Job,
    shop: &ShopProfile,
) -> Result<Vec<CoachCheck>> {
    use checks::*;
    use CheckStatus::{Fail, Warn};
    let parts = keyword_parts(&job.fields, shop);
    let mut photo_ids = post.photo_ids();
    photo_ids.sort_unstable();
    photo_ids.dedup();
    let first = text::first_paragraph(&post.blocks).map_or("", |(_, t)| t);
    let tags = post.tags.iter().filter(|t| !t.trim().is_empty()).count();
    let copied = copied_paragraphs(lib.conn(), post, job, shop)?;
    Ok(vec![
        TITLE_KEYWORD.result(
            status(text::has_all(&post.title, &parts), Fail),
            !parts.is_empty(),
        ),
        TEXT_LENGTH.result(
            status(char_count(&post.blocks) >= MIN_BLOG_CHARS, Warn),
            false,
        ),
        PHOTO_COUNT.result(status(photo_ids.len() >= MIN_BLOG_PHOTOS, Warn), false),
        FIRST_PARAGRAPH_KEYWORD.result(
            status(text::has_all(first, &parts), Fail),
            !parts.is_empty(),
        ),
        CONTACT_BLOCK.result(
            status(crate::draft::has_contact_block(&post.blocks, shop), Fail),
            shop.has_contact(),
        ),
        COPIED_TEXT.result(status(copied.is_empty(), Fail), false),
        TAGS.result(status((MIN_TAGS..=MAX_TAGS).contains(&tags), Fail), true),
    ])
}

fn video_checks(
    lib: &Library,
    post: &Post,
    job: &Job,
    shop: &ShopProfile,
) -> Result<Vec<CoachCheck>> {
    use checks::*;
    use CheckStatus::{Fail, Warn};
    let parts = keyword_parts(&job.fields, shop);
    let title = post.title.trim();
    let title_ok =
        !title.is_empty() && yt_chars(title) <= TITLE_MAX_CHARS && !title.contains(['<', '>']);
    let front = text::head(title, VIDEO_KEYWORD_WITHIN);
    let f = &job.fields;
    let what = [&f.title, &f.material, &f.process]
        .iter()
        .any(|s| !s.trim().is_empty())
        || !title.is_empty();
    let who = !shop.name.trim().is_empty() || shop.region().is_some();
    let tags: Vec<String> = post
        .tags
        .iter()
        .filter(|t| !t.trim().is_empty())
        .cloned()
        .collect();
    let tags_ok = !tags.is_empty() && video_plan::youtube_tag_length(&tags) <= TAGS_MAX_CHARS;
    let format = video_plan::format_for(post.platform)?;
    let pairs = post_photos(lib.conn(), post)?;
    let refs: Vec<(&crate::Photo, &str)> = pairs.iter().map(|(p, c)| (p, c.as_str())).collect();
    let plan = (!refs.is_empty()).then(|| video_plan::plan(format, &refs, &post.video));
    let length_ok = match (&plan, format) {
        (None, _) => false,
        (Some(p), VideoFormat::Shorts) => {
            p.dropped_photos == 0
                && p.duration_ms <= (video_plan::plan::SHORTS_MAX_SECONDS * 1000.0) as u64
        }
        (Some(p), VideoFormat::Landscape) => p.duration_ms >= MIN_VIDEO_MS,
    };
    let mut out = vec![
        VIDEO_TITLE_LENGTH.result(status(title_ok, Fail), !title.is_empty()),
        VIDEO_TITLE_KEYWORD.result(
            status(text::has_all(&front, &parts), Fail),
            !parts.is_empty(),
        ),
        DESCRIPTION_WHAT_WHO.result(status(what && who, Warn), false),
    ];
    if format == VideoFormat::Landscape {
        let ok = plan
            .as_ref()
            .is_some_and(|p| chapters(p).len() >= MIN_CHAPTERS);
        out.push(CHAPTERS.result(status(ok, Warn), false));
    }
    out.extend([
        VIDEO_TAGS.result(status(tags_ok, Fail), true),
        THUMBNAIL_WORDS.result(
            status(
                title.split_whitespace().count() <= THUMBNAIL_MAX_WORDS,
                Warn,
            ),
            false,
        ),
        VIDEO_LENGTH.result(status(length_ok, Warn), false),
    ]);
    Ok(out)
}

fn common_checks(lib: &Library, post: &Post, shop: &ShopProfile) -> Result<Vec<CoachCheck>> {
    use checks::*;
    use CheckStatus::{Fail, Pass, Warn};
    let conn = lib.conn();
    let verdict = guard::verdict(conn, post.job_id)?;
    let guard_status = if !verdict.can_export {
        Fail
    } else if !guard::scan(conn, post)?.is_empty() {
        Warn
    } else {
        Pass
    };
    let mut poor = Vec::new();
    let mut seen = Vec::new();
    for id in post.photo_ids() {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let photo = photos::in_job(conn, post.job_id, id)?.or(photos::get(conn, id)?);
        if let Some(p) = photo {
            if photo_quality::quality_of(lib, &p)?.is_some_and(|q| q.is_dark() || q.is_blurry()) {
                poor.push(id);
            }
        }
    }
    let uncaptioned: Vec<i64> = post
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Photo { photo_id, caption } if caption.trim().is_empty() => Some(*photo_id),
            _ => None,
        })
        .collect();
    let mut quality = PHOTO_QUALITY.result(status(poor.is_empty(), Warn), false);
    quality.photo_ids = poor;
    let mut captions = PHOTO_CAPTIONS.result(status(uncaptioned.is_empty(), Fail), true);
    captions.photo_ids = uncaptioned;
    Ok(vec![
        LEAK_GUARD.result(guard_status, false),
        quality,
        CONTACT_PROFILE.result(status(shop.has_contact(), Fail), false),
        captions,
    ])
}
