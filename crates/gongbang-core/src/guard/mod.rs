//! Why: the leak guard (기술유출 방지) — nothing of a customer's leaves the shop without the owner knowing
//! and, where the customer's policy says so, without a recorded approval. Every export path (window, CLI,
//! publishers to come) passes [`clear_export`] before a byte is written.

pub mod history;
pub mod metadata;
pub mod policy;
pub mod text_scan;

use rusqlite::Connection;

use crate::repo::guard_log::{self, LogKind};
use crate::repo::posts::Post;
use crate::repo::{clients, watch_words};
use crate::{CoreError, Result};

pub use history::{history, HistoryEntry};
pub use metadata::{metadata_report, MetaItem};
pub use policy::{record_approval, verdict, Guard};
pub use text_scan::{replace_in_post, scan_post, Finding, ScanRules};

/// The scan rules as the library stands: every customer's names and the owner's registered words.
pub fn scan_rules(conn: &Connection) -> Result<ScanRules> {
    Ok(ScanRules::new(
        &clients::list(conn)?,
        &watch_words::list(conn)?,
    ))
}

/// Scans a post with the library's rules.
pub fn scan(conn: &Connection, post: &Post) -> Result<Vec<Finding>> {
    Ok(scan_post(post, &scan_rules(conn)?))
}

/// What the export was cleared with: the flagged texts the owner confirmed (to be logged once it is written).
#[derive(Debug, Clone)]
pub struct Clearance {
    pub guard: Guard,
    pub confirmed: Vec<String>,
}

/// Lets an export of `post` go ahead, or refuses it (and logs the refusal): the job's policy first, then
/// the text — every finding must be among `confirmed` (the owner's explicit confirmation).
pub fn clear_export(conn: &Connection, post: &Post, confirmed: &[String]) -> Result<Clearance> {
    let guard = policy::verdict(conn, post.job_id)?;
    if let Some(refusal) = guard.refusal() {
        guard_log::append(
            conn,
            post.job_id,
            Some(post.id),
            LogKind::Refused,
            (&refusal.message_ko(), &refusal.message_en()),
        )?;
        return Err(refusal);
    }
    let findings = scan(conn, post)?;
    let open = text_scan::unconfirmed(&findings, confirmed);
    if !open.is_empty() {
        let mut terms: Vec<String> = open.iter().map(|f| f.text.clone()).collect();
        terms.sort();
        terms.dedup();
        let err = CoreError::FlaggedText { terms };
        guard_log::append(
            conn,
            post.job_id,
            Some(post.id),
            LogKind::Refused,
            (&err.message_ko(), &err.message_en()),
        )?;
        return Err(err);
    }
    let mut used: Vec<String> = findings.iter().map(|f| f.text.clone()).collect();
    used.sort();
    used.dedup();
    Ok(Clearance {
        guard,
        confirmed: used,
    })
}

/// Logs a finished export (and, when the owner confirmed flagged words, that too). Call it inside the
/// transaction that records the export, so the log and the post's status never disagree.
pub fn log_export(tx: &Connection, post: &Post, c: &Clearance, folder: &str) -> Result<()> {
    if !c.confirmed.is_empty() {
        let words = c.confirmed.join(", ");
        guard_log::append(
            tx,
            post.job_id,
            Some(post.id),
            LogKind::Override,
            (&words, &words),
        )?;
    }
    guard_log::append(
        tx,
        post.job_id,
        Some(post.id),
        LogKind::Export,
        (folder, folder),
    )?;
    Ok(())
}

/// What the export will strip from one library photo, read from its stored original.
pub fn photo_metadata(lib: &crate::Library, photo_id: i64) -> Result<Vec<MetaItem>> {
    let photo =
        crate::repo::photos::get(lib.conn(), photo_id)?.ok_or(CoreError::NoSuchPhoto(photo_id))?;
    let (bytes, format) =
        crate::export::stored_original(&crate::Library::store_paths(lib.root()), &photo)?;
    Ok(metadata_report(&bytes, format))
}

/// The one-click fix: replaces every occurrence of `find` in a saved post and saves it.
pub fn replace_in_saved_post(
    conn: &mut Connection,
    post_id: i64,
    find: &str,
    replacement: &str,
) -> Result<Post> {
    let mut post = crate::repo::posts::get(conn, post_id)?;
    replace_in_post(&mut post, find, replacement);
    crate::repo::posts::save_text(conn, &post)
}
