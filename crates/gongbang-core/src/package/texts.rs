//! Why: the guard scans what is written, not what was typed. One function makes every text an export will
//! contain — the text files of every platform and every string drawn into pixels (the title card and its
//! subtitle, the caption bands, the end card, the thumbnail's words) — from the post, its video settings,
//! the job record and the shop profile (with the post's replacements applied). The guard scans exactly
//! that result, the writers and the renderer take their strings from it, and the window previews it.

use rusqlite::Connection;
use serde::Serialize;

use super::{naver_files, youtube_files, THUMBNAIL_MAX_WORDS};
use crate::repo::jobs::{self, Job};
use crate::repo::photos;
use crate::repo::post_replacements::{self, Replacement};
use crate::repo::posts::{self, Block, Platform, Post};
use crate::repo::shop_profile::{self, ShopProfile};
use crate::video_plan::package_text::title_card_line;
use crate::video_plan::plan::{plan, Plan, SegmentKind, VideoFormat};
use crate::video_plan::{self, default_subtitle, YoutubeTexts};
use crate::{render, Result};

const NAVER_HOWTO: &str = include_str!("../../../../assets/templates/naver_howto.ko.txt");

/// One text file of a package, exactly as written.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextFile {
    pub name: String,
    pub text: String,
}

/// Every string a video package draws into pixels, exactly as drawn.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DrawnTexts {
    /// The title card's big line.
    pub title_card: String,
    /// The title card's second line.
    pub title_card_sub: String,
    /// The caption band of each photo segment of the plan, in order ("" when none is drawn).
    pub captions: Vec<String>,
    /// The end card's big line (the shop's name).
    pub end_card_name: String,
    /// The end card's contact lines.
    pub end_card_lines: Vec<String>,
    /// The words on the thumbnail (16:9 only).
    pub thumbnail: Option<String>,
}

/// Everything an export of a post will contain as text.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportTexts {
    pub post_id: i64,
    pub platform: Platform,
    /// The package's text files, exactly as written, in writing order.
    pub files: Vec<TextFile>,
    /// The strings drawn into the video and the thumbnail (YouTube and Shorts).
    pub drawn: Option<DrawnTexts>,
    /// The YouTube texts (title, description, tags, captions), for the window's preview.
    pub youtube: Option<YoutubeTexts>,
    /// The post's replacements applied to the texts made from the job record and the shop profile.
    pub replacements: Vec<Replacement>,
    /// The post as saved: the files are made of its title, blocks and tags.
    #[serde(skip)]
    pub post: Post,
}

/// Where a piece of an export's text is.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// The post's own text (title, a block, a caption, a tag): the finding's field and indices say where.
    Post,
    /// A text file of the package.
    File { name: String },
    /// The title card's big line (drawn into the video).
    TitleCard,
    /// The title card's second line.
    TitleCardSub,
    /// The caption band drawn on the n-th photo (from 1).
    PhotoCaption { n: usize },
    /// The end card (the shop's name and contact).
    EndCard,
    /// The words drawn on the thumbnail.
    Thumbnail,
}

impl Place {
    /// Where, in words (`None` for the post's own text: its field names it).
    pub fn label(&self) -> Option<(String, String)> {
        Some(match self {
            Place::Post => return None,
            Place::File { name } => (format!("파일 {name}"), format!("file {name}")),
            Place::TitleCard => ("타이틀 카드".into(), "title card".into()),
            Place::TitleCardSub => (
                "타이틀 카드 둘째 줄".into(),
                "title card, second line".into(),
            ),
            Place::PhotoCaption { n } => (
                format!("영상 속 사진 {n} 설명"),
                format!("caption drawn on photo {n}"),
            ),
            Place::EndCard => ("끝 화면".into(), "end card".into()),
            Place::Thumbnail => ("썸네일".into(), "thumbnail".into()),
        })
    }
}

/// One piece of an export's text with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub place: Place,
    pub text: String,
}

impl ExportTexts {
    /// Every piece of text the export holds, besides the post's own texts: the files as written (an HTML
    /// file by its text, tags and entities read) and each string drawn into pixels.
    pub fn pieces(&self) -> Vec<Piece> {
        let mut out = Vec::new();
        if let Some(d) = &self.drawn {
            let mut push = |place: Place, text: &str| {
                if !text.trim().is_empty() {
                    out.push(Piece {
                        place,
                        text: text.to_string(),
                    });
                }
            };
            push(Place::TitleCard, &d.title_card);
            push(Place::TitleCardSub, &d.title_card_sub);
            for (i, c) in d.captions.iter().enumerate() {
                push(Place::PhotoCaption { n: i + 1 }, c);
            }
            push(Place::EndCard, &d.end_card_name);
            for l in &d.end_card_lines {
                push(Place::EndCard, l);
            }
            if let Some(t) = &d.thumbnail {
                push(Place::Thumbnail, t);
            }
        }
        for f in &self.files {
            let text = if f.name.ends_with(".html") {
                html_text(&f.text)
            } else {
                f.text.clone()
            };
            out.push(Piece {
                place: Place::File {
                    name: f.name.clone(),
                },
                text,
            });
        }
        out
    }

    /// The text file named `name`.
    pub fn file(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.text.as_str())
    }
}

/// The job and the shop profile as this post's export sees them: the post's replacements applied to every
/// text field (the records themselves stay as the owner typed them).
fn with_replacements(job: &Job, shop: &ShopProfile, reps: &[Replacement]) -> (Job, ShopProfile) {
    let mut job = job.clone();
    let mut shop = shop.clone();
    for r in reps {
        let f = &mut job.fields;
        for s in [
            &mut f.title,
            &mut f.material,
            &mut f.process,
            &mut f.machine,
            &mut f.tolerance,
            &mut f.finish,
            &mut f.quantity,
            &mut f.lead_time,
            &mut f.story,
        ] {
            r.apply(s);
        }
        for s in shop_texts(&mut shop) {
            r.apply(s);
        }
    }
    (job, shop)
}

/// The shop profile's texts an export can show (end card, description, who line, region).
pub(crate) fn shop_texts(shop: &mut ShopProfile) -> Vec<&mut String> {
    let mut v: Vec<&mut String> = vec![
        &mut shop.name,
        &mut shop.owner,
        &mut shop.phone,
        &mut shop.email,
        &mut shop.address,
        &mut shop.website,
        &mut shop.kakao,
        &mut shop.tolerance,
        &mut shop.sizes,
    ];
    v.extend(shop.region_keywords.iter_mut());
    v.extend(shop.equipment.iter_mut());
    v.extend(shop.materials.iter_mut());
    v
}

/// The job record and the shop profile of a post, with the post's replacements applied.
pub fn sources(conn: &Connection, post: &Post) -> Result<(Job, ShopProfile, Vec<Replacement>)> {
    let job = jobs::get(conn, post.job_id)?;
    let shop = shop_profile::get(conn)?;
    let reps = post_replacements::list(conn, post.id)?;
    let (job, shop) = with_replacements(&job, &shop, &reps);
    Ok((job, shop, reps))
}

/// The strings a video draws: the title card (the owner's card text, else the job title, else the post
/// title) and its second line (the owner's, else material · process), each photo's caption band (when
/// burned in), the end card (the shop's name and contact) and the thumbnail's words. `job` and `shop` are
/// as the post sees them ([`with_replacements`]).
fn drawn_texts(job: &Job, post: &Post, plan: &Plan, shop: &ShopProfile) -> DrawnTexts {
    let title = title_card_line(job, post);
    let sub = if post.video.title_card_sub.trim().is_empty() {
        default_subtitle(job)
    } else {
        post.video.title_card_sub.clone()
    };
    let captions = plan
        .segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Photo { .. }))
        .map(|s| {
            if post.video.burn_captions {
                s.caption.trim().to_string()
            } else {
                String::new()
            }
        })
        .collect();
    let end_card_name = if shop.name.trim().is_empty() {
        title.clone()
    } else {
        shop.name.clone()
    };
    let mut end_card_lines = shop.contact_lines();
    if end_card_lines.is_empty() {
        end_card_lines.push("문의 환영합니다".into());
    }
    let thumbnail = (plan.format == VideoFormat::Landscape).then(|| {
        let t = if post.title.trim().is_empty() {
            job.fields.title.as_str()
        } else {
            post.title.as_str()
        };
        t.split_whitespace()
            .take(THUMBNAIL_MAX_WORDS)
            .collect::<Vec<_>>()
            .join(" ")
    });
    DrawnTexts {
        title_card: title,
        title_card_sub: sub,
        captions,
        end_card_name,
        end_card_lines,
        thumbnail,
    }
}

/// The video's cut list from the photo records alone (no pixels are read): the photos of the post that
/// are the job's, in post order, with their captions. The renderer plans from the same photos.
fn plan_of(conn: &Connection, post: &Post) -> Result<Plan> {
    let format = video_plan::format_for(post.platform)?;
    let mut items = Vec::new();
    for b in &post.blocks {
        if let Block::Photo { photo_id, caption } = b {
            // A photo that is not the job's is never exported (the export refuses it); it has no text here.
            if let Some(p) = photos::in_job(conn, post.job_id, *photo_id)? {
                items.push((p, caption.clone()));
            }
        }
    }
    let pairs: Vec<_> = items.iter().map(|(p, c)| (p, c.as_str())).collect();
    Ok(plan(format, &pairs, &post.video))
}

/// Every text an export of the saved post `post_id` will contain.
pub fn export_texts_of(conn: &Connection, post_id: i64) -> Result<ExportTexts> {
    export_texts(conn, &posts::get(conn, post_id)?)
}

/// Every text an export of `post` will contain: the text files of its platform and, for a video, every
/// string drawn into pixels. The writers and the renderer take their strings from this result.
pub fn export_texts(conn: &Connection, post: &Post) -> Result<ExportTexts> {
    let (job, shop, replacements) = sources(conn, post)?;
    let title = format!("{}\n", post.title.trim());
    let file = |name: &str, text: String| TextFile {
        name: name.to_string(),
        text,
    };
    let mut drawn = None;
    let mut youtube = None;
    let files = match post.platform {
        Platform::Naver => {
            let date = chrono::Local::now().format("%Y. %-m. %-d.").to_string();
            vec![
                file(naver_files::TITLE, title),
                file(naver_files::BODY, render::naver_body(&post.blocks)),
                file(naver_files::TAGS, tags_line(&post.tags)),
                file(
                    naver_files::PREVIEW,
                    render::naver_preview_html(&post.title, &post.blocks, &post.tags, &date)?,
                ),
                file(naver_files::HOWTO, NAVER_HOWTO.to_string()),
            ]
        }
        Platform::Html | Platform::Markdown => {
            let mut v = vec![
                file("title.txt", title),
                file("tags.txt", format!("{}\n", post.tags.join(", "))),
                file("post.md", render::markdown(&post.title, &post.blocks)),
            ];
            if post.platform == Platform::Html {
                v.push(file(
                    "post.html",
                    render::article_html(&post.title, &post.blocks)?,
                ));
            }
            v
        }
        Platform::Youtube | Platform::Shorts => {
            let plan = plan_of(conn, post)?;
            let t = video_plan::youtube_texts(&job, post, &plan, &shop)?;
            drawn = Some(drawn_texts(&job, post, &plan, &shop));
            let files = vec![
                file(youtube_files::TITLE, t.title.clone()),
                file(youtube_files::DESCRIPTION, t.description.clone()),
                file(youtube_files::TAGS, t.tags.clone()),
                file(youtube_files::CAPTIONS, t.srt.clone()),
            ];
            youtube = Some(t);
            files
        }
    };
    Ok(ExportTexts {
        post_id: post.id,
        platform: post.platform,
        files,
        drawn,
        youtube,
        replacements,
        post: post.clone(),
    })
}

fn tags_line(tags: &[String]) -> String {
    let mut s = tags
        .iter()
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ");
    s.push('\n');
    s
}

/// The text of an HTML file as it leaves: the text between tags and the quoted attribute values (an `alt`
/// or a `title` is written too), entities read; tag and attribute names, styles and scripts dropped.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open..];
        let lower: String = rest.chars().take(8).collect::<String>().to_lowercase();
        if let Some(name) = ["<style", "<script"]
            .iter()
            .find(|n| lower.starts_with(**n))
        {
            // Skip the whole element: its content is not text.
            let close = format!("</{}", &name[1..]);
            let at = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            rest = &rest[at..];
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            rest = &rest[end..];
            continue;
        }
        // Inside a tag: keep quoted values, drop the rest, up to the closing '>'.
        let mut quote: Option<char> = None;
        let mut end = rest.len();
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '>') => {
                    end = i + 1;
                    break;
                }
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => {
                    quote = None;
                    out.push(' ');
                }
                (Some(_), c) => out.push(c),
                (None, _) => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_reads_what_a_reader_sees() {
        let html =
            "<style>.a-b-c{top:0}</style><p class=\"x\">D&amp;H <b>대한</b>&#51221;&#xBC00;</p>\
                    <img alt=\"도번 DWG-1\" src='p.jpg'><script>var AB_12_34;</script>끝";
        let t = html_text(html);
        assert!(t.contains("D&H  대한 정밀"), "{t}");
        assert!(
            t.contains("도번 DWG-1") && t.contains("p.jpg") && t.contains("끝"),
            "{t}"
        );
        assert!(
            !t.contains("top") && !t.contains("AB_12") && !t.contains("img"),
            "{t}"
        );
        // Broken markup never panics and keeps what it can.
        assert_eq!(html_text("a <b").trim(), "a");
        assert_eq!(decode_entities("&#xZZ; &amp"), "&#xZZ; &amp");
    }
}
