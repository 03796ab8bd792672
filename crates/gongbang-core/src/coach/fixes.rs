//! Why: a one-click fix must repair exactly what its check is about and nothing else, so the owner can trust
//! the button; each fix here changes one field (title, one paragraph, the tags, the captions) or appends
//! the contact section, and the result is saved.

use crate::draft::youtube_limits::{youtube_tags, youtube_title};
use crate::draft::{
    coach_keyword, contact_blocks, has_contact_block, keyword_parts, photo_caption,
    suggest_tags_in, Lang, MAX_TAGS,
};
use crate::library::Library;
use crate::repo::jobs::{self, Job};
use crate::repo::photos;
use crate::repo::posts::{self, Block, Platform, Post};
use crate::repo::shop_profile::{self, ShopProfile};
use crate::{CoreError, Result};

use super::checks::fix;
use super::MIN_TAGS;

/// Applies the fix `fix` (an id from [`fix::ALL`]) to the saved post `post_id` with the library's shop
/// profile and language, and saves it. `arg`: the keyword the owner chose (title and first-paragraph fixes).
pub fn apply_fix(lib: &mut Library, post_id: i64, fix: &str, arg: Option<&str>) -> Result<Post> {
    let post = posts::get(lib.conn(), post_id)?;
    let job = jobs::get(lib.conn(), post.job_id)?;
    let shop = shop_profile::get(lib.conn())?;
    let lang = Lang::of_library(lib.conn())?;
    let captions = photo_captions(lib, &post, lang)?;
    let fixed = fix_post(&post, &job, &shop, lang, fix, arg, &captions)?;
    if fixed == post {
        return Ok(post);
    }
    posts::save_text(lib.conn_mut(), &fixed)
}

/// The caption each photo of the post would get from its role (or a generic one), by photo id.
fn photo_captions(lib: &Library, post: &Post, lang: Lang) -> Result<Vec<(i64, String)>> {
    let mut out = Vec::new();
    for id in post.photo_ids() {
        let caption = match photos::in_job(lib.conn(), post.job_id, id)? {
            Some(p) => photo_caption(
                &crate::domain::Photo {
                    caption: String::new(),
                    ..p
                },
                lang,
            ),
            None => lang.pick("가공 과정", "Machining step").to_string(),
        };
        out.push((id, caption));
    }
    Ok(out)
}

/// The post with one fix applied (not saved). `captions`: the caption for each photo id, used by the
/// caption fix.
pub fn fix_post(
    post: &Post,
    job: &Job,
    shop: &ShopProfile,
    lang: Lang,
    fix: &str,
    arg: Option<&str>,
    captions: &[(i64, String)],
) -> Result<Post> {
    let mut out = post.clone();
    let chosen = arg.map(str::trim).filter(|a| !a.is_empty());
    let parts = keyword_parts(&job.fields, shop);
    let no_keyword = || {
        CoreError::invalid(
            "작업 정보(공정, 소재, 제목)나 공장 지역이 없어 키워드를 만들 수 없습니다.",
            "There is no keyword yet: fill in the job's process, material or title, or the shop's region.",
        )
    };
    match fix {
        fix::TITLE_KEYWORD => {
            if chosen.is_none() && parts.is_empty() {
                return Err(no_keyword());
            }
            let words: Vec<String> = match chosen {
                Some(k) => vec![k.to_string()],
                None => parts.clone(),
            };
            out.title = match post.platform {
                Platform::Youtube | Platform::Shorts => keyword_in_front(&post.title, &words),
                _ => missing_in_front(&post.title, &words),
            };
        }
        fix::FIRST_PARAGRAPH_KEYWORD => {
            let keyword = match chosen {
                Some(k) => k.to_string(),
                None => coach_keyword(&job.fields, shop),
            };
            if keyword.is_empty() {
                return Err(no_keyword());
            }
            let sentence = match lang {
                Lang::Ko => format!("{keyword} 작업을 소개합니다."),
                Lang::En => format!("This post is about {keyword}."),
            };
            match out
                .blocks
                .iter_mut()
                .find(|b| matches!(b, Block::Paragraph { .. }))
            {
                Some(Block::Paragraph { text }) => *text = format!("{sentence}\n{text}"),
                _ => out.blocks.insert(0, Block::Paragraph { text: sentence }),
            }
        }
        fix::INSERT_CONTACT => {
            if !shop.has_contact() {
                return Err(CoreError::invalid(
                    "공장 정보에 전화번호나 이메일을 먼저 넣어 주세요.",
                    "Add a phone number or e-mail to the shop profile first.",
                ));
            }
            if !has_contact_block(&post.blocks, shop) {
                out.blocks
                    .extend(contact_blocks(shop, post.platform, lang, job)?);
            }
        }
        fix::TAGS => out.tags = fixed_tags(post, job, shop, lang),
        fix::SHORTEN_TITLE => out.title = youtube_title(&post.title),
        fix::CAPTIONS => {
            for b in &mut out.blocks {
                if let Block::Photo { photo_id, caption } = b {
                    if caption.trim().is_empty() {
                        *caption = captions.iter().find(|(id, _)| id == photo_id).map_or_else(
                            || lang.pick("가공 과정", "Machining step").into(),
                            |(_, c)| c.clone(),
                        );
                    }
                }
            }
        }
        other => {
            return Err(CoreError::invalid(
                format!("알 수 없는 고치기 항목입니다: {other}"),
                format!("Unknown fix: {other}"),
            ))
        }
    }
    Ok(out)
}

/// The words of `keyword` that the title lacks, put in front of it.
fn missing_in_front(title: &str, keyword: &[String]) -> String {
    let title = title.trim();
    let lower = title.to_lowercase();
    let missing: Vec<&str> = keyword
        .iter()
        .map(String::as_str)
        .filter(|w| !lower.contains(&w.to_lowercase()))
        .collect();
    if missing.is_empty() {
        title.to_string()
    } else {
        format!("{} {title}", missing.join(" ")).trim().to_string()
    }
}

/// The keyword moved to the front of a video title (taken out where it stands as words of its own), within
/// YouTube's limits.
fn keyword_in_front(title: &str, keyword: &[String]) -> String {
    let mut rest = format!(" {} ", title.trim());
    for p in keyword {
        if let Some(i) = rest.find(&format!(" {p} ")) {
            rest.replace_range(i..i + p.len() + 2, " ");
        }
    }
    youtube_title(&format!("{} {}", keyword.join(" "), rest.trim()))
}

/// Blog: 5–10 clean, unique tags (the owner's first, then suggestions). Video: within YouTube's 500.
fn fixed_tags(post: &Post, job: &Job, shop: &ShopProfile, lang: Lang) -> Vec<String> {
    let suggestions = suggest_tags_in(&job.fields, shop, lang);
    match post.platform {
        Platform::Youtube | Platform::Shorts => {
            let tags = youtube_tags(&post.tags);
            if tags.is_empty() {
                youtube_tags(&suggestions)
            } else {
                tags
            }
        }
        Platform::Naver | Platform::Html | Platform::Markdown => {
            let mut tags: Vec<String> = Vec::new();
            for t in post.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                if !tags.iter().any(|x| x == t) {
                    tags.push(t.to_string());
                }
            }
            for s in suggestions {
                if tags.len() >= MIN_TAGS {
                    break;
                }
                if !tags.contains(&s) {
                    tags.push(s);
                }
            }
            tags.truncate(MAX_TAGS);
            tags
        }
    }
}
