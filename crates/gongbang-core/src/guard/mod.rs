//! Why: the leak guard (기술유출 방지) — nothing of a customer's leaves the shop without the owner knowing
//! and, where the customer's policy says so, without a recorded approval. Every export path (window, CLI,
//! publishers to come) passes [`clear_export`] before a byte is written: only it makes a [`Clearance`], and
//! every writer of outputs (the blog and YouTube packages, the video, the thumbnail) takes one, so a writer
//! called without the guard does not compile.

pub mod history;
pub mod metadata;
mod package_scan;
pub mod policy;
pub mod text_scan;

use rusqlite::Connection;

use crate::domain::Post;
use crate::repo::guard_log::{self, LogKind};
use crate::repo::{clients, watch_words};
use crate::{CoreError, Result};

pub use history::{history, HistoryEntry};
pub use metadata::{metadata_report, MetaItem};
pub use policy::{record_approval, verdict, Guard, SourceJob};
pub use text_scan::{replace_in_post, scan_post, Finding, ScanRules};

pub use package_scan::{scan_texts, PlacedFinding};

use crate::package::texts::ExportTexts;

/// The scan rules as the library stands: every customer's names and the owner's registered words.
pub fn scan_rules(conn: &Connection) -> Result<ScanRules> {
    Ok(ScanRules::new(
        &clients::list(conn)?,
        &watch_words::list(conn)?,
    ))
}

/// Scans everything an export of the post will contain (its text files and every string drawn into
/// pixels, [`crate::package::texts`]) with the library's rules; each finding says where it is.
pub fn scan(conn: &Connection, post: &Post) -> Result<Vec<PlacedFinding>> {
    package_scan::scan_export(conn, post)
}

/// The guard's leave for one export: made only by [`clear_export`] (its fields are private), it names what
/// it cleared — the post as it was scanned and every text of its package as scanned — and what it was
/// cleared with (the verdict, the flagged texts the owner confirmed, logged once the export is written).
/// Every writer of outputs takes one and writes the strings from it; [`Clearance::check`] refuses it for
/// another post, or for the same post changed since.
#[derive(Debug)]
pub struct Clearance {
    guard: Guard,
    confirmed: Vec<String>,
    texts: ExportTexts,
}

impl Clearance {
    /// The post it clears.
    pub fn post_id(&self) -> i64 {
        self.texts.post_id
    }

    /// The post as it was when it was scanned.
    pub fn post(&self) -> &Post {
        &self.texts.post
    }

    /// Every text of the export, as scanned: the writers and the renderer take their strings from it.
    pub fn texts(&self) -> &ExportTexts {
        &self.texts
    }

    /// The verdict the export goes out under (policy, customer, approval).
    pub fn guard(&self) -> &Guard {
        &self.guard
    }

    /// The flagged texts the owner confirmed.
    pub fn confirmed(&self) -> &[String] {
        &self.confirmed
    }

    /// Whether this clearance is for `post` as it is now: the same post, unchanged since it was scanned.
    /// A clearance of another post, or of an older version of this one, clears nothing (`NotCleared`).
    pub fn check(&self, post: &Post) -> Result<()> {
        if post.id == self.texts.post_id && *post == self.texts.post {
            Ok(())
        } else {
            Err(CoreError::NotCleared {
                post_id: post.id,
                cleared_post_id: self.texts.post_id,
            })
        }
    }
}

/// Lets an export of `post` go ahead, or refuses it (and logs the refusal): the job's policy first, then
/// the text — every finding must be among `confirmed` (the owner's explicit confirmation).
pub fn clear_export(conn: &Connection, post: &Post, confirmed: &[String]) -> Result<Clearance> {
    let guard = policy::post_verdict(conn, post)?;
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
    // What is written, not what was typed: every text of the export, files and pixels.
    let texts = crate::package::texts::export_texts(conn, post)?;
    let findings: Vec<Finding> = scan_texts(&texts, &scan_rules(conn)?)
        .into_iter()
        .map(|f| f.finding)
        .collect();
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
        texts,
    })
}

/// Logs a finished export of the cleared post (and, when the owner confirmed flagged words, that too). Call
/// it inside the transaction that records the export, so the log and the post's status never disagree.
pub(crate) fn log_export(tx: &Connection, c: &Clearance, folder: &str) -> Result<()> {
    let post = c.post();
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
    let (ko, en) = export_terms(&c.guard);
    guard_log::append(
        tx,
        post.job_id,
        Some(post.id),
        LogKind::Export,
        (&format!("{folder} — {ko}"), &format!("{folder} — {en}")),
    )?;
    Ok(())
}

/// The policy an export went out under and the approval that allowed it (who, how, when), in words.
fn export_terms(g: &Guard) -> (String, String) {
    use crate::domain::OwnerKind;
    use crate::domain::Policy;
    let p = g.policy.as_str();
    let (policy_ko, policy_en) = match (g.owner_kind, &g.client) {
        (Some(OwnerKind::Own), _) => (
            format!("정책 {p} (우리 제품)"),
            format!("policy {p} (own product)"),
        ),
        (_, Some(cl)) => (
            format!("정책 {p} ('{}' 고객사)", cl.name),
            format!("policy {p} (customer '{}')", cl.name),
        ),
        _ => (format!("정책 {p}"), format!("policy {p}")),
    };
    let (appr_ko, appr_en) = match (&g.approval, g.policy) {
        (Some(a), _) => (
            format!(
                "허락: {} {}님, {}, {} (기록 {}, 허락 {}번)",
                a.client_name, a.approved_by, a.how, a.approved_at, a.recorded_at, a.id
            ),
            format!(
                "approval: {} of {}, {}, {} (recorded {}, approval #{})",
                a.approved_by, a.client_name, a.how, a.approved_at, a.recorded_at, a.id
            ),
        ),
        (None, Policy::Ask) => ("허락: 기록 없음".into(), "approval: none recorded".into()),
        (None, _) => ("허락: 필요 없음".into(), "approval: not needed".into()),
    };
    (
        format!("{policy_ko}, {appr_ko}"),
        format!("{policy_en}, {appr_en}"),
    )
}

/// What the export will strip from one library photo, read from its stored original.
pub fn photo_metadata(lib: &crate::Library, photo_id: i64) -> Result<Vec<MetaItem>> {
    let photo =
        crate::repo::photos::get(lib.conn(), photo_id)?.ok_or(CoreError::NoSuchPhoto(photo_id))?;
    let (bytes, format) =
        crate::imaging::stored_original(&crate::Library::store_paths(lib.root()), &photo)?;
    Ok(metadata_report(&bytes, format))
}

/// The one-click fix: replaces every occurrence of `find` in a saved post, in its video settings and (kept
/// with the post) in the texts made from the job record, so the export is clean; saves it.
pub fn replace_in_saved_post(
    conn: &mut Connection,
    post_id: i64,
    find: &str,
    replacement: &str,
) -> Result<Post> {
    package_scan::replace_everywhere(conn, post_id, find, replacement)
}
