//! Why: the owner should never face an empty page; a first draft is made from the job's facts and photos
//! by templates a mentor can edit (assets/templates), then kept as structured blocks.

mod contact;
mod josa;
pub mod keyword_lists;
mod keywords;
pub mod knowledge;
mod lang;
mod markup;
mod notes;
pub mod steps;
pub mod templates;
pub mod variety;
mod video;
pub mod youtube_limits;

use serde::Serialize;

use crate::library::Library;
use crate::repo::jobs::{self, Job, OwnerKind};
use crate::repo::photos::{self, Photo};
use crate::repo::posts::{self, Block, Platform, Post};
use crate::repo::shop_profile::{self, ShopProfile};
use crate::Result;

pub use contact::{contact_blocks, contact_lines, has_contact_block};
pub use josa::{attach as attach_josa, strip_particle};
pub use keywords::{
    coach_keyword, keyword_parts, main_keyword, main_keyword_in, part_of, suggest_keywords,
    suggest_tags, suggest_tags_for, suggest_tags_in, suggest_title, suggest_title_for,
    suggest_video_title, suggest_video_title_for, MAX_TAGS,
};
pub use knowledge::Knowledge;
pub use lang::Lang;
pub use markup::{parse as parse_markup, photo_caption, role_label};
pub use video::video_caption;

#[derive(Serialize)]
struct PhotoCtx {
    number: usize,
    role: String,
    caption: String,
    /// The sentence that introduces the photo (trade notes' photo steps, fitting its role and the job).
    lead: String,
    /// A second sentence about what such a photo shows (may be empty).
    detail: String,
}

#[derive(Serialize)]
struct JobCtx<'a> {
    title: &'a str,
    material: &'a str,
    process: &'a str,
    process_en: String,
    machine: &'a str,
    tolerance: &'a str,
    finish: &'a str,
    quantity: &'a str,
    lead_time: &'a str,
    story: &'a str,
    owner: &'static str,
}

#[derive(Serialize)]
struct ShopCtx {
    intro: String,
    capabilities: Vec<String>,
}

/// A draft before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
}

/// Writes a draft for `platform` from a job, its photos (in order) and the shop profile, in `lang`, with
/// the trade notes and templates shipped with the app (see [`compose_with`]).
pub fn compose(
    job: &Job,
    photos: &[Photo],
    platform: Platform,
    shop: &ShopProfile,
    lang: Lang,
) -> Result<Draft> {
    compose_with(job, photos, platform, shop, lang, &Sources::shipped()?)
}

/// What a draft is written from besides the job: the trade notes, a mentor's templates and the shop's
/// earlier posts (whose sentences a new draft avoids).
pub struct Sources<'a> {
    pub knowledge: &'a Knowledge,
    /// The owner's and the installed packs' files (templates); `None`: only what is shipped.
    pub overlay: Option<&'a crate::library::Overlay>,
    pub earlier: &'a [Post],
}

impl Sources<'static> {
    /// The notes and templates shipped with the app, no earlier posts.
    pub fn shipped() -> Result<Self> {
        Ok(Sources {
            knowledge: knowledge::shipped()?,
            overlay: None,
            earlier: &[],
        })
    }
}

/// Writes a draft for `platform` from a job, its photos (in order) and the shop profile, in `lang`: a blog
/// post for Naver, HTML and Markdown; a video's title, description and photo captions for YouTube and
/// Shorts. The phrasings are chosen for this job and shop, so the same job drafts the same text again and
/// another job reads differently; a sentence of an earlier post is used only when every other phrasing is.
pub fn compose_with(
    job: &Job,
    photos: &[Photo],
    platform: Platform,
    shop: &ShopProfile,
    lang: Lang,
    sources: &Sources<'_>,
) -> Result<Draft> {
    compose_picked(job, photos, platform, shop, lang, sources).map(|(d, _)| d)
}

/// A draft with the shipped notes and templates, and every sentence the templates and the photo steps
/// could have written for this job (chosen or not): for an empty job, the fixed sentences every post may
/// share, which the coach's copied-text check leaves out.
pub fn compose_offered(
    job: &Job,
    photos: &[Photo],
    platform: Platform,
    shop: &ShopProfile,
    lang: Lang,
) -> Result<(Draft, std::collections::HashSet<String>)> {
    let (draft, picker) = compose_picked(job, photos, platform, shop, lang, &Sources::shipped()?)?;
    Ok((draft, picker.offered().clone()))
}

fn compose_picked(
    job: &Job,
    photos: &[Photo],
    platform: Platform,
    shop: &ShopProfile,
    lang: Lang,
    sources: &Sources<'_>,
) -> Result<(Draft, variety::Picker)> {
    let knowledge = sources.knowledge;
    let overlay = sources.overlay;
    let mut picker = variety::Picker::new(&shop.name, job.id, &job.created_at)
        .avoiding(sources.earlier.iter().flat_map(post_lines));
    let values = notes::values(job, shop, lang);
    let notes = notes::for_job(job, knowledge, lang, &mut picker);
    let steps = steps::steps(photos, &values, knowledge, lang, &mut picker);
    // The photos as the draft shows them: each with its step's caption (the owner's, else a made one).
    let captioned: Vec<Photo> = photos
        .iter()
        .zip(&steps)
        .map(|(p, s)| Photo {
            caption: s.caption.clone(),
            ..p.clone()
        })
        .collect();
    let ctx = context(job, &captioned, &steps, notes, shop, platform, lang);
    let draft = match platform {
        Platform::Youtube | Platform::Shorts => {
            video::compose(job, &captioned, shop, lang, ctx, &mut picker, overlay)?
        }
        Platform::Naver | Platform::Html | Platform::Markdown => {
            let text =
                templates::render_with(templates::blog_body(lang), ctx, &mut picker, overlay)?;
            Draft {
                title: suggest_title_for(&job.fields, shop),
                blocks: drop_empty_sections(markup::parse_in(&text, &captioned, lang)),
                tags: suggest_tags_in(&job.fields, shop, lang),
            }
        }
    };
    Ok((draft, picker))
}

/// Every line of a post's text (headings, paragraphs, list items, captions).
fn post_lines(post: &Post) -> Vec<String> {
    post.blocks
        .iter()
        .flat_map(|b| match b {
            Block::Heading { text } | Block::Paragraph { text } => {
                text.lines().map(str::to_string).collect::<Vec<_>>()
            }
            Block::List { items } => items.clone(),
            Block::Photo { caption, .. } => vec![caption.clone()],
            Block::Table { .. } => Vec::new(),
        })
        .collect()
}

/// Leaves out headings with nothing under them (followed by another heading, or last) — e.g. when the
/// owner's story starts with a heading of its own.
fn drop_empty_sections(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        if matches!(b, Block::Heading { .. }) && matches!(out.last(), Some(Block::Heading { .. })) {
            out.pop();
        }
        out.push(b);
    }
    if matches!(out.last(), Some(Block::Heading { .. })) {
        out.pop();
    }
    out
}

/// The job's filled-in facts as label/value rows, in `lang`.
fn specs(job: &Job, lang: Lang) -> Vec<[String; 2]> {
    let f = &job.fields;
    [
        (lang.pick("소재", "Material"), &f.material),
        (lang.pick("공정", "Process"), &f.process),
        (lang.pick("장비", "Machine"), &f.machine),
        (lang.pick("공차", "Tolerance"), &f.tolerance),
        (lang.pick("표면", "Finish"), &f.finish),
        (lang.pick("수량", "Quantity"), &f.quantity),
        (lang.pick("납기", "Lead time"), &f.lead_time),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| [k.to_string(), v.trim().to_string()])
    .collect()
}

/// Lines about what the shop can make (equipment, tolerance, sizes, lot sizes), in `lang`.
fn capabilities(shop: &ShopProfile, lang: Lang) -> Vec<String> {
    // Equipment picked from the presets is named in the post's language; the owner's own words stay his.
    let equipment: Vec<&str> = shop
        .equipment
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
        .map(|e| match lang {
            Lang::En => crate::presets::english_label(e).unwrap_or(e),
            Lang::Ko => e,
        })
        .collect();
    let mut out = Vec::new();
    if !equipment.is_empty() {
        out.push(format!(
            "{}: {}",
            lang.pick("보유 장비", "Equipment"),
            equipment.join(", ")
        ));
    }
    for (label, v) in [
        (lang.pick("공차", "Tolerance"), &shop.tolerance),
        (lang.pick("가공 크기", "Sizes"), &shop.sizes),
        (lang.pick("주문 수량", "Lot sizes"), &shop.lot_sizes),
    ] {
        if !v.trim().is_empty() {
            out.push(format!("{label}: {}", v.trim()));
        }
    }
    out
}

/// What the templates see (assets/templates/README.md).
fn context(
    job: &Job,
    photos: &[Photo],
    steps: &[steps::Step],
    notes: notes::JobNotes,
    shop: &ShopProfile,
    platform: Platform,
    lang: Lang,
) -> minijinja::Value {
    let f = &job.fields;
    let process_en = match lang {
        Lang::En => crate::presets::english_label(&f.process)
            .map_or_else(|| f.process.trim().to_string(), str::to_string),
        Lang::Ko => f.process.trim().to_string(),
    };
    let intro = [shop.region().unwrap_or_default(), shop.name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    minijinja::context! {
        job => JobCtx {
            title: f.title.trim(), material: f.material.trim(), process: f.process.trim(), process_en,
            machine: f.machine.trim(), tolerance: f.tolerance.trim(), finish: f.finish.trim(),
            quantity: f.quantity.trim(), lead_time: f.lead_time.trim(), story: f.story.trim(),
            owner: match job.owner_kind {
                Some(OwnerKind::Own) => "own",
                Some(OwnerKind::Client) => "client",
                None => "",
            },
        },
        specs => specs(job, lang),
        photos => photos.iter().zip(steps).enumerate().map(|(i, (p, s))| PhotoCtx {
            number: i + 1,
            role: p.role.map(|r| role_label(r, lang).to_string()).unwrap_or_default(),
            caption: p.caption.clone(),
            lead: s.lead.clone(),
            detail: s.detail.clone(),
        }).collect::<Vec<_>>(),
        notes => notes,
        keyword => coach_keyword(f, shop),
        shop => ShopCtx { intro, capabilities: capabilities(shop, lang) },
        contact => contact_lines(shop, platform, lang),
    }
}

/// Makes a fresh draft for a job with the library's shop profile and language (see [`make_draft_for`]).
pub fn make_draft(lib: &mut Library, job_id: i64, platform: Platform) -> Result<Post> {
    let shop = shop_profile::get(lib.conn())?;
    let lang = Lang::of_library(lib.conn())?;
    make_draft_for(lib, job_id, platform, &shop, lang)
}

/// Makes a fresh draft for a job: replaces the text of the job's post for `platform` (one post per job
/// and platform), or creates that post.
pub fn make_draft_for(
    lib: &mut Library,
    job_id: i64,
    platform: Platform,
    shop: &ShopProfile,
    lang: Lang,
) -> Result<Post> {
    let job = jobs::get(lib.conn(), job_id)?;
    let photos = photos::for_job(lib.conn(), job_id)?;
    let overlay = lib.overlay()?;
    let knowledge = Knowledge::for_overlay(&overlay)?;
    let earlier = posts::of_earlier_jobs(lib.conn(), job_id)?;
    let draft = compose_with(
        &job,
        &photos,
        platform,
        shop,
        lang,
        &Sources {
            knowledge: &knowledge,
            overlay: Some(&overlay),
            earlier: &earlier,
        },
    )?;
    match posts::latest_for_job(lib.conn(), job_id, Some(platform))? {
        Some(existing) => posts::save(
            lib.conn_mut(),
            existing.id,
            &draft.title,
            &draft.blocks,
            &draft.tags,
        ),
        None => posts::create(
            lib.conn_mut(),
            job_id,
            platform,
            &draft.title,
            &draft.blocks,
            &draft.tags,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::JobFields;

    fn job(fields: JobFields) -> Job {
        Job::sample(fields)
    }

    #[test]
    fn opening_lines_stay_separate_sentences() {
        let d = compose(
            &job(JobFields {
                title: "샤프트".into(),
                material: "SUS304".into(),
                process: "CNC 선반".into(),
                ..JobFields::default()
            }),
            &[],
            Platform::Naver,
            &ShopProfile::default(),
            Lang::Ko,
        )
        .unwrap();
        let Block::Paragraph { text } = &d.blocks[0] else {
            panic!("{:?}", d.blocks[0]);
        };
        let opening: Vec<&str> = text.lines().collect();
        assert!(opening.len() >= 2, "{text}");
        assert!(opening.iter().all(|l| l.ends_with('.')), "{text}");
        assert!(
            opening[0].contains(". ") && opening[0].contains("샤프트"),
            "{text}"
        );
        assert!(
            opening
                .iter()
                .any(|l| l.contains("SUS304") && l.contains("CNC 선반")),
            "{text}"
        );
    }

    fn photo(id: i64, role: Option<crate::PhotoRole>, caption: &str) -> Photo {
        Photo::sample(id, role, caption)
    }

    #[test]
    fn a_video_draft_is_paragraphs_then_every_photo_with_a_caption() {
        let photos = [
            photo(7, Some(crate::PhotoRole::Stock), ""),
            photo(3, None, "  정삭  "),
            photo(5, None, ""),
        ];
        for platform in [Platform::Youtube, Platform::Shorts] {
            let d = compose(
                &job(JobFields {
                    title: "샤프트".into(),
                    material: "SUS304".into(),
                    process: "CNC 선반".into(),
                    story: "## 떨림\n- 방진구".into(),
                    ..JobFields::default()
                }),
                &photos,
                platform,
                &ShopProfile::default(),
                Lang::Ko,
            )
            .unwrap();
            assert_eq!(d.title, "CNC 선반 SUS304 샤프트");
            let Block::Paragraph { text } = &d.blocks[0] else {
                panic!("{:?}", d.blocks);
            };
            assert_eq!(
                text,
                "이번 영상에서는 샤프트 작업 과정을 보여 드립니다.\nSUS304 소재를 CNC 선반으로 가공했습니다."
            );
            let n = d.blocks.len();
            assert!(d.blocks[..n - 3]
                .iter()
                .all(|b| matches!(b, Block::Paragraph { .. })));
            assert_eq!(
                d.blocks[n - 3..],
                [
                    Block::Photo {
                        photo_id: 7,
                        caption: "SUS304 소재".into()
                    },
                    Block::Photo {
                        photo_id: 3,
                        caption: "정삭".into()
                    },
                    Block::Photo {
                        photo_id: 5,
                        caption: "샤프트 작업 장면".into()
                    },
                ]
            );
            assert_eq!(d.tags[0], "CNC 선반 SUS304 가공");
            assert!(youtube_limits::youtube_tag_length(&d.tags) <= 500);
        }
    }

    #[test]
    fn an_empty_job_still_gives_a_clean_draft() {
        let d = compose(
            &job(JobFields::default()),
            &[],
            Platform::Naver,
            &ShopProfile::default(),
            Lang::Ko,
        )
        .unwrap();
        let text = crate::render::naver_body(&d.blocks);
        assert!(
            text.lines().next().is_some_and(|l| l.ends_with('.')),
            "{text}"
        );
        assert!(
            !text.contains("작업 사양") && !text.contains("{{"),
            "{text}"
        );
        assert!(text.contains("견적"), "{text}");
    }
}
