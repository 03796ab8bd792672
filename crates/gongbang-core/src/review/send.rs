//! Why: "멘토에게 보내기" shows a mentor exactly what would be published, so it passes the same guard as an
//! export — the job's policy and approval, every text scanned, the photos made anew from the originals with
//! their boxes burned and no metadata — and a refusal writes nothing. The guard's log records the bundle as an
//! export: it leaves the shop like one.

use std::path::{Path, PathBuf};

use crate::domain::review::ReviewRole;
use crate::domain::{Block, Post};
use crate::guard::text_scan::{scan_post, scan_str, unconfirmed};
use crate::library::Library;
use crate::repo::{posts, reviews, shop_profile};
use crate::{coach, export, guard, CoreError, Result};

use super::format::{
    bundle_bytes, bundle_photo, new_id, BundleBlock, BundleCheck, BundleCoach, BundleManifest,
    BundlePost, BundleText, BUNDLE_EXT,
};

/// A bundle written: where, and its id.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentBundle {
    pub file: String,
    pub bundle_id: String,
    pub review_id: i64,
}

/// Writes a review bundle of the post into `out_dir` (temporary name, then renamed: the file is whole or
/// absent). Refused like an export: a `never` job, an `ask` job without an approval, flagged words the owner
/// has not confirmed (`confirmed`), a photo that is not the job's.
pub fn send(
    lib: &mut Library,
    post_id: i64,
    out_dir: &Path,
    confirmed: &[String],
) -> Result<SentBundle> {
    let post = posts::get(lib.conn(), post_id)?;
    let clearance = guard::clear_export(lib.conn(), &post, confirmed)?;
    let post = clearance.post().clone();
    let coach = coach::coach_post(lib, post_id)?;
    // The bundle's own strings: the post as sent and the coach's keyword, scanned with the same rules.
    let rules = guard::scan_rules(lib.conn())?;
    let mut findings = scan_post(&post, &rules);
    findings.extend(scan_str(&coach.main_keyword, &rules));
    let open = unconfirmed(&findings, clearance.confirmed());
    if !open.is_empty() {
        let mut terms: Vec<String> = open.iter().map(|f| f.text.clone()).collect();
        terms.sort();
        terms.dedup();
        return Err(CoreError::FlaggedText { terms });
    }
    let photos = export::rendered_photos(lib, &post)?;

    let shop = shop_profile::get(lib.conn())?.name;
    let created_at = reviews::now();
    let id = new_id(format!("{post_id}{shop}{}", post.updated_at).as_bytes());
    let mut m = BundleManifest::new(id.clone(), created_at.clone(), shop.clone());
    m.post = bundle_post(&post);
    m.coach = BundleCoach {
        score: coach.score,
        passed: coach.passed as u32,
        total: coach.total as u32,
        main_keyword: coach.main_keyword.clone(),
        checks: coach
            .checks
            .iter()
            .map(|c| BundleCheck {
                id: c.id.to_string(),
                status: serde_json::to_value(c.status)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                title_ko: c.title_ko.into(),
                title_en: c.title_en.into(),
                why_ko: c.why_ko.into(),
                why_en: c.why_en.into(),
            })
            .collect(),
    };
    m.photos = photos
        .iter()
        .enumerate()
        .map(|(i, b)| bundle_photo(i + 1, b))
        .collect();
    m.texts = clearance
        .texts()
        .files
        .iter()
        .map(|f| BundleText {
            name: f.name.clone(),
            text: f.text.clone(),
        })
        .collect();
    let bytes = bundle_bytes(&m, &photos)?;

    let name = format!(
        "review-{}-{}.{BUNDLE_EXT}",
        chrono::Local::now().format("%Y%m%d-%H%M%S"),
        &id[..8]
    );
    let target: PathBuf = out_dir.join(name);
    crate::store::write_atomic(&target, &bytes)?;
    let file = target.to_string_lossy().into_owned();

    let tx = lib.conn_mut().transaction()?;
    let review_id = reviews::insert(
        &tx,
        &reviews::NewReview {
            bundle_id: &id,
            role: ReviewRole::Sent,
            post_id: Some(post_id),
            shop_name: &shop,
            title: &post.title,
            platform: post.platform,
            file: &file,
            created_at: &created_at,
        },
    )?;
    guard::log_export(
        &tx,
        &clearance,
        &format!("검토 묶음 / review bundle {file}"),
    )?;
    tx.commit()?;
    Ok(SentBundle {
        file,
        bundle_id: id,
        review_id,
    })
}

/// The post as the bundle carries it: photos by their number in post order.
fn bundle_post(post: &Post) -> BundlePost {
    let mut n = 0u32;
    let blocks = post
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text } => BundleBlock::Heading { text: text.clone() },
            Block::Paragraph { text } => BundleBlock::Paragraph { text: text.clone() },
            Block::Photo { caption, .. } => {
                n += 1;
                BundleBlock::Photo {
                    photo: n,
                    caption: caption.clone(),
                }
            }
            Block::List { items } => BundleBlock::List {
                items: items.clone(),
            },
            Block::Table { rows } => BundleBlock::Table { rows: rows.clone() },
        })
        .collect();
    BundlePost {
        platform: post.platform,
        title: post.title.clone(),
        tags: post.tags.clone(),
        blocks,
    }
}
