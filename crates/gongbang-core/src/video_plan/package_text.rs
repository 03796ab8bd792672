//! Why: the YouTube package's text files — `title.txt`, `description.txt`, `tags.txt`, `captions.srt` — are
//! what the owner pastes into YouTube Studio; each must pass YouTube's limits whatever the owner typed (long
//! Korean facts are shortened, never refused), and the chapters and captions must match the video's plan.

mod chapters;
mod srt;

use serde::Serialize;

use crate::domain::Job;
use crate::domain::ShopProfile;
use crate::domain::{Block, Post};
use crate::draft::{suggest_tags_in, suggest_video_title_for, Lang};
use crate::video_plan::plan::Plan;
use crate::{CoreError, Result};

pub use crate::draft::youtube_limits::{
    clean_line, clean_tag, clean_text, shorten_line, shorten_text_bytes, youtube_tag_length,
    youtube_tags, youtube_title, yt_chars, DESCRIPTION_MAX_BYTES, TAGS_MAX_CHARS, TAG_MAX_CHARS,
    TITLE_MAX_CHARS,
};
pub use chapters::{
    chapter_lines, chapters, chapters_in, timestamp, Chapter, CHAPTER_TITLE_MAX_CHARS,
    MAX_CHAPTERS, MIN_CHAPTERS, MIN_CHAPTER_MS,
};
pub use srt::{srt, srt_time};

/// Most hashtags at the end of a description (YouTube shows the first three above the title).
pub const MAX_HASHTAGS: usize = 3;
/// Our bound on one line of the description's fixed parts (the "who" line's parts, the contact lines).
const PART_MAX_CHARS: usize = 80;

/// The text files of a YouTube package, exactly as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct YoutubeTexts {
    /// `title.txt`: one line, at most 100 characters, no `<` `>` (no line break at the end).
    pub title: String,
    /// `description.txt`: at most 5,000 bytes of UTF-8, ending with a line break.
    pub description: String,
    /// `tags.txt`: tags separated by commas, at most 500 characters as YouTube counts them.
    pub tags: String,
    /// `captions.srt`: the captions at the plan's times.
    pub srt: String,
}

/// Writes the package's texts for a YouTube or Shorts post from its job, the post, the video's plan and the
/// shop profile. Chapters go in for a 16:9 plan only, and only when YouTube would accept them.
pub fn youtube_texts(
    job: &Job,
    post: &Post,
    plan: &Plan,
    shop: &ShopProfile,
) -> Result<YoutubeTexts> {
    if plan.segments.is_empty() {
        return Err(CoreError::invalid(
            "영상 구성이 비어 있어 설명글을 만들 수 없습니다.",
            "The video plan is empty, so no description can be written.",
        ));
    }
    let mut title = youtube_title(&post.title);
    if title.is_empty() {
        title = suggest_video_title_for(&job.fields, shop);
    }
    let raw_tags = if post.tags.iter().all(|t| t.trim().is_empty()) {
        suggest_tags_in(&job.fields, shop, language_of(post))
    } else {
        post.tags.clone()
    };
    let tags = youtube_tags(&raw_tags);
    let description = description(job, post, plan, shop, &title, &tags);
    Ok(YoutubeTexts {
        srt: srt(plan, &title_card_line(job, post)),
        title,
        description,
        tags: tags.join(","),
    })
}

/// The title card's big line, as the video shows it: the owner's card text, else the job title, else the
/// post title.
pub fn title_card_line(job: &Job, post: &Post) -> String {
    [&post.video.title_card, &job.fields.title, &post.title]
        .into_iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// The second line of the title card: material · process (what the owner typed, in that order).
pub fn default_subtitle(job: &Job) -> String {
    [&job.fields.material, &job.fields.process]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The description: what (line 1) and who (line 2), the body, the chapters, the contact, the hashtags.
/// Only the body is shortened to fit; the other parts are bounded by construction.
fn description(
    job: &Job,
    post: &Post,
    plan: &Plan,
    shop: &ShopProfile,
    title: &str,
    tags: &[String],
) -> String {
    let lang = language_of(post);
    let has_facts = [&job.fields.title, &job.fields.material, &job.fields.process]
        .iter()
        .any(|s| !s.trim().is_empty());
    let what = if has_facts && lang == Lang::Ko {
        suggest_video_title_for(&job.fields, shop)
    } else {
        title.to_string()
    };
    let head = format!("{what}\n{}", who_line(shop, lang));
    let chapter_list = chapter_lines(&chapters_in(plan, lang));
    let tail: Vec<String> = [
        if chapter_list.is_empty() {
            String::new()
        } else {
            format!(
                "{}\n{}",
                lang.pick("타임라인", "Chapters"),
                chapter_list.join("\n")
            )
        },
        contact(shop, lang),
        hashtags(tags),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    // Everything but the body, with the blank lines between the parts and the final line break.
    let fixed = head.len() + tail.iter().map(|t| t.len() + 2).sum::<usize>() + 1;
    let body = shorten_text_bytes(
        &body_text(&post.blocks),
        DESCRIPTION_MAX_BYTES.saturating_sub(fixed + 2),
    );
    let mut parts = vec![head];
    if !body.is_empty() {
        parts.push(body);
    }
    parts.extend(tail);
    let mut text = parts.join("\n\n");
    if text.len() + 1 > DESCRIPTION_MAX_BYTES {
        // Cannot happen with the bounds above; a last resort so the file is never refused.
        text = shorten_text_bytes(&text, DESCRIPTION_MAX_BYTES - 1);
    }
    text.push('\n');
    text
}

/// The language the owner wrote the post in: English when its title and text have Latin letters and no Hangul,
/// else Korean (the
/// words around the text follow it, whatever the window's language is now).
fn language_of(post: &Post) -> Lang {
    let text = format!("{} {}", post.title, body_text(&post.blocks));
    let hangul = text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    let latin = text.chars().any(|c| c.is_ascii_alphabetic());
    // Nothing written at all: the app's first language.
    if latin && !hangul {
        Lang::En
    } else {
        Lang::Ko
    }
}

/// "문래동 ○○정밀에서 직접 가공했습니다. 문의 ☎ 010-…" (each part bounded), or its English.
fn who_line(shop: &ShopProfile, lang: Lang) -> String {
    let part = |s: &str, max: usize| shorten_line(&clean_line(s), max);
    let region = shop
        .region_keywords
        .iter()
        .map(|r| part(r, 20))
        .find(|r| !r.is_empty());
    let name = part(&shop.name, 40);
    let phone = part(&shop.phone, 30);
    if lang == Lang::En {
        let who = match (region, name.is_empty()) {
            (Some(r), false) => format!("{name} in {r}"),
            (None, false) => name,
            (Some(r), true) => format!("our shop in {r}"),
            (None, true) => "our shop".to_string(),
        };
        return if phone.is_empty() {
            format!("Machined in-house by {who}.")
        } else {
            format!("Machined in-house by {who}. Call ☎ {phone}")
        };
    }
    let who = match (region, name.is_empty()) {
        (Some(r), false) => format!("{r} {name}"),
        (None, false) => name,
        (Some(r), true) => format!("{r} 공장"),
        (None, true) => "저희 공장".to_string(),
    };
    if phone.is_empty() {
        format!("{who}에서 직접 가공했습니다.")
    } else {
        format!("{who}에서 직접 가공했습니다. 문의 ☎ {phone}")
    }
}

/// The post's text blocks as plain lines (photos are in the video and its chapters, not here).
fn body_text(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } | Block::Paragraph { text } => Some(text.clone()),
            Block::List { items } => Some(
                items
                    .iter()
                    .map(|i| format!("· {i}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Table { rows } => Some(
                rows.iter()
                    .map(|[k, v]| format!("· {k}: {v}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Photo { .. } => None,
        })
        .collect();
    clean_text(&parts.join("\n\n"))
}

/// The shop's name and contact lines, each bounded.
fn contact(shop: &ShopProfile, lang: Lang) -> String {
    let lines: Vec<String> = std::iter::once(shop.name.clone())
        .chain(shop.contact_lines())
        .map(|l| shorten_line(&clean_line(&l), PART_MAX_CHARS))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!("{}\n{}", lang.pick("문의", "Contact"), lines.join("\n"))
    }
}

/// The first tags as hashtags (letters, digits and `_` only, as YouTube links them).
fn hashtags(tags: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let word: String = t
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '_')
            .take(TAG_MAX_CHARS)
            .collect();
        let tag = format!("#{word}");
        if !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()) && !out.contains(&tag) {
            out.push(tag);
        }
        if out.len() == MAX_HASHTAGS {
            break;
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests;
