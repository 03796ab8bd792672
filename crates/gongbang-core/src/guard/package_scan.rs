//! Why: the guard scans what is written, not what was typed: every text of the export package
//! (`package::texts`: the files and every string drawn into pixels), each finding placed where it is; and
//! the one-click replace reaches every copy (the post, its video settings, and — kept with the post — the
//! texts made from the job record).

use rusqlite::Connection;
use serde::Serialize;

use super::text_scan::{self, Finding, ScanRules};
use crate::domain::Post;
use crate::package::texts::{export_texts, shop_texts, sources, ExportTexts, Place};
use crate::repo::{post_replacements, posts};
use crate::Result;

/// A scan finding with where in the export it is.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacedFinding {
    #[serde(flatten)]
    pub finding: Finding,
    pub place: Place,
    /// `place` in words (absent for the post's own text).
    pub where_ko: Option<String>,
    pub where_en: Option<String>,
}

impl std::ops::Deref for PlacedFinding {
    type Target = Finding;
    fn deref(&self) -> &Finding {
        &self.finding
    }
}

/// Scans every text of the export. The post's own texts come first (their findings point at what the
/// owner edits); a finding elsewhere is listed when its words are not already flagged in the post's
/// own text (the one-click replace reaches every copy), once per place.
pub fn scan_texts(texts: &ExportTexts, rules: &ScanRules) -> Vec<PlacedFinding> {
    let norm = |s: &str| s.split_whitespace().collect::<String>().to_lowercase();
    let mut out: Vec<PlacedFinding> = text_scan::scan_post(&texts.post, rules)
        .into_iter()
        .map(|finding| PlacedFinding {
            finding,
            place: Place::Post,
            where_ko: None,
            where_en: None,
        })
        .collect();
    for piece in texts.pieces() {
        for finding in text_scan::scan_str(&piece.text, rules) {
            let key = norm(&finding.text);
            let seen = out.iter().any(|f| {
                norm(&f.finding.text) == key && (f.place == Place::Post || f.place == piece.place)
            });
            if seen {
                continue;
            }
            let (ko, en) = piece.place.label().unzip();
            out.push(PlacedFinding {
                finding,
                place: piece.place.clone(),
                where_ko: ko,
                where_en: en,
            });
        }
    }
    out
}

/// Scans every text an export of `post` will contain with the library's rules.
pub fn scan_export(conn: &Connection, post: &Post) -> Result<Vec<PlacedFinding>> {
    let rules = super::scan_rules(conn)?;
    Ok(scan_texts(&export_texts(conn, post)?, &rules))
}

/// The one-click fix, so that the export is clean: replaces every occurrence of `find` in the post's text
/// and in its video settings (the title card and its second line), and when the job record or the shop
/// profile holds it, keeps the replacement with the post (the records stay as the owner typed them).
pub fn replace_everywhere(
    conn: &mut Connection,
    post_id: i64,
    find: &str,
    replacement: &str,
) -> Result<Post> {
    let mut post = posts::get(conn, post_id)?;
    if find.is_empty() {
        return Ok(post);
    }
    text_scan::replace_in_post(&mut post, find, replacement);
    let mut v = post.video.clone();
    for s in [&mut v.title_card, &mut v.title_card_sub] {
        *s = s.replace(find, replacement);
    }
    if v != post.video {
        posts::save_video(conn, post_id, &v)?;
    }
    let (job, mut shop, _) = sources(conn, &post)?;
    let f = &job.fields;
    let in_records = [
        &f.title,
        &f.material,
        &f.process,
        &f.machine,
        &f.tolerance,
        &f.finish,
        &f.quantity,
        &f.lead_time,
        &f.story,
    ]
    .into_iter()
    .chain(shop_texts(&mut shop).into_iter().map(|s| &*s))
    .any(|s| s.contains(find));
    if in_records {
        post_replacements::add(conn, post_id, find, replacement)?;
    }
    // Saved last: the post's time changes with any of the above (the preview's frames follow it).
    posts::save_text(conn, &post)
}
