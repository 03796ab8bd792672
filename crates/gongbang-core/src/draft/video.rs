//! Why: a YouTube or Shorts post is a video: its draft is a keyword-first title, a short description in
//! plain Korean, and every job photo in order with a caption — the photos and captions become the cut list.

use minijinja::Value;

use super::variety::Picker;

use super::keywords::{main_keyword_in, suggest_tags_in, suggest_video_title_for};
use super::youtube_limits::youtube_tags;
use super::{markup, templates, Draft, Lang};
use crate::domain::Block;
use crate::domain::Job;
use crate::domain::Photo;
use crate::domain::ShopProfile;
use crate::Result;

/// A photo's caption in the video: the owner's caption, else its role, else "가공 과정".
pub fn video_caption(p: &Photo) -> String {
    let caption = p.caption.trim();
    if !caption.is_empty() {
        caption.to_string()
    } else if let Some(role) = p.role {
        role.label_ko().to_string()
    } else {
        "가공 과정".to_string()
    }
}

/// Writes the draft of a video post: the description's paragraphs, then one photo block per job photo.
pub(super) fn compose(
    job: &Job,
    photos: &[Photo],
    shop: &ShopProfile,
    lang: Lang,
    ctx: Value,
    picker: &mut Picker,
    overlay: Option<&crate::library::Overlay>,
) -> Result<Draft> {
    let f = &job.fields;
    let text = templates::render_with(templates::youtube_description(lang), ctx, picker, overlay)?;
    let mut blocks = paragraphs(&text);
    blocks.extend(photos.iter().map(|p| Block::Photo {
        photo_id: p.id,
        caption: markup::photo_caption(p, lang),
    }));
    // Phrases with spaces first (YouTube takes them as one tag), then the blog's spaceless ones.
    let mut tags = vec![main_keyword_in(f, lang)];
    let process = match lang {
        Lang::En => crate::presets::english_label(&f.process).unwrap_or(f.process.trim()),
        Lang::Ko => f.process.trim(),
    };
    for word in [process, f.material.trim()] {
        if !word.is_empty() {
            tags.push(format!("{word} {}", lang.pick("가공", "machining")));
        }
    }
    tags.extend(suggest_tags_in(f, shop, lang));
    Ok(Draft {
        title: suggest_video_title_for(f, shop),
        blocks,
        tags: youtube_tags(&tags),
    })
}

/// Template text as paragraphs: lines trimmed, a blank line between paragraphs.
fn paragraphs(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).chain([""]) {
        if !line.is_empty() {
            lines.push(line);
        } else if !lines.is_empty() {
            blocks.push(Block::Paragraph {
                text: lines.join("\n"),
            });
            lines.clear();
        }
    }
    blocks
}
