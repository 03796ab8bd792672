//! Why: Naver demotes posts that repeat another post's paragraphs; the coach compares the post's own
//! paragraphs (the templates' fixed sentences and the contact lines left out) with the posts of the other
//! jobs in the library, by overlapping three-character pieces.

use std::collections::HashSet;

use rusqlite::Connection;

use crate::domain::ShopProfile;
use crate::domain::{Block, Post};
use crate::domain::{Job, OwnerKind};
use crate::domain::{Photo, PhotoRole};
use crate::draft::{compose_offered, contact_lines, Lang};
use crate::Result;

/// Paragraphs shorter than this (without spaces) are too short to call copied.
pub const MIN_CHARS: usize = 30;
/// Two paragraphs sharing at least this share of their three-character pieces are "largely identical".
pub const SIMILARITY: f64 = 0.8;

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn trigrams(s: &str) -> HashSet<[char; 3]> {
    let c: Vec<char> = s.chars().collect();
    c.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

fn similarity(a: &HashSet<[char; 3]>, b: &HashSet<[char; 3]>) -> f64 {
    let inter = a.intersection(b).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    if union == 0.0 {
        0.0
    } else {
        inter / union
    }
}

/// Lines every post may share: the templates' fixed sentences, every phrasing of them (drafts of an empty
/// job, own, a customer's or unset, with a photo of every role: the connecting sentences and the photo steps
/// that name nothing of the job) and the contact. Sentences that carry the job's facts (its material's
/// notes, the owner's story) are compared.
fn boilerplate(post: &Post, shop: &ShopProfile) -> Result<HashSet<String>> {
    let photos: Vec<Photo> = [
        None,
        Some(PhotoRole::Stock),
        Some(PhotoRole::InProcess),
        Some(PhotoRole::Finished),
        Some(PhotoRole::Measured),
        Some(PhotoRole::Machine),
    ]
    .into_iter()
    .zip(0..)
    .map(|(role, id)| Photo {
        id,
        hash: String::new(),
        format: "jpeg".into(),
        original_name: String::new(),
        original_path: String::new(),
        imported_at: String::new(),
        taken_at: None,
        width: 1,
        height: 1,
        orientation: 1,
        camera_make: None,
        camera_model: None,
        has_gps: false,
        byte_size: 0,
        role,
        caption: String::new(),
        redactions: Vec::new(),
    })
    .collect();
    let mut lines = HashSet::new();
    for lang in [Lang::Ko, Lang::En] {
        for owner_kind in [None, Some(OwnerKind::Own), Some(OwnerKind::Client)] {
            let empty = Job {
                id: 0,
                fields: Default::default(),
                created_at: String::new(),
                updated_at: String::new(),
                owner_kind,
                client_id: None,
                product_id: None,
                kind: Default::default(),
            };
            let (d, offered) = compose_offered(&empty, &photos, post.platform, shop, lang)?;
            for b in &d.blocks {
                if let Block::Paragraph { text } = b {
                    lines.extend(text.lines().map(norm));
                }
            }
            lines.extend(offered.iter().map(|l| norm(l)));
        }
        lines.extend(
            contact_lines(shop, post.platform, lang)
                .iter()
                .map(|l| norm(l)),
        );
    }
    Ok(lines)
}

/// A post's paragraphs as compared: fixed lines dropped, spaces removed, long enough to count.
fn paragraphs(blocks: &[Block], fixed: &HashSet<String>) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(
                text.lines()
                    .map(norm)
                    .filter(|l| !l.is_empty() && !fixed.contains(l))
                    .collect::<String>(),
            ),
            _ => None,
        })
        .filter(|p| p.chars().count() >= MIN_CHARS)
        .collect()
}

/// The post's paragraphs (as compared: fixed lines dropped, spaces removed) that are largely identical to a
/// paragraph of another job's post; empty when none is.
pub fn copied_paragraphs(
    conn: &Connection,
    post: &Post,
    job: &Job,
    shop: &ShopProfile,
) -> Result<Vec<String>> {
    let fixed = boilerplate(post, shop)?;
    let own = paragraphs(&post.blocks, &fixed);
    if own.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare("SELECT blocks_json FROM posts WHERE job_id != ?1")?;
    let others: Vec<String> = stmt
        .query_map([job.id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut theirs: Vec<HashSet<[char; 3]>> = Vec::new();
    for raw in others {
        // A post that cannot be read is not compared (it is reported where it is opened).
        let Ok(blocks) = serde_json::from_str::<Vec<Block>>(&raw) else {
            continue;
        };
        theirs.extend(paragraphs(&blocks, &fixed).iter().map(|p| trigrams(p)));
    }
    Ok(own
        .into_iter()
        .filter(|p| {
            let mine = trigrams(p);
            theirs.iter().any(|t| similarity(&mine, t) >= SIMILARITY)
        })
        .collect())
}
