//! Why: what the leak guard let out or stopped, per job (exports, exports past confirmed flagged words,
//! refusals), and every change that loosens it (a customer's name, policy or aliases, a job's owner, a removed
//! redaction box or watch word); append-only like the approvals, and shown in the job's history.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::db::now_precise;
use crate::Result;

/// Kinds of entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    Export,
    Override,
    Refused,
    /// A customer's name, policy or aliases changed (job none, `client_id` that customer).
    ClientChanged,
    /// A job's owner changed (own ↔ customer, customer A → B, set ↔ not set).
    OwnerChanged,
    /// A redaction box was taken off a photo (its coordinates in the detail).
    BoxRemoved,
    /// A registered watch word was removed (job none).
    WordRemoved,
}

impl LogKind {
    fn as_str(self) -> &'static str {
        match self {
            LogKind::Export => "export",
            LogKind::Override => "override",
            LogKind::Refused => "refused",
            LogKind::ClientChanged => "client_changed",
            LogKind::OwnerChanged => "owner_changed",
            LogKind::BoxRemoved => "box_removed",
            LogKind::WordRemoved => "word_removed",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "export" => LogKind::Export,
            "override" => LogKind::Override,
            "client_changed" => LogKind::ClientChanged,
            "owner_changed" => LogKind::OwnerChanged,
            "box_removed" => LogKind::BoxRemoved,
            "word_removed" => LogKind::WordRemoved,
            _ => LogKind::Refused,
        }
    }
}

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub id: i64,
    /// `None` for entries about the whole library (a customer's change, a removed word).
    pub job_id: Option<i64>,
    pub post_id: Option<i64>,
    /// The customer the entry is about: the changed customer, or the one a job was taken from.
    pub client_id: Option<i64>,
    /// The photo a removed box was on.
    pub photo_id: Option<i64>,
    pub kind: LogKind,
    /// What happened, in Korean and in English.
    pub detail: String,
    pub detail_en: String,
    pub at: String,
}

/// An entry to append: what it is about and what happened (`detail` is `(Korean, English)`).
#[derive(Debug, Clone, Copy)]
pub struct NewEntry<'a> {
    pub job_id: Option<i64>,
    pub post_id: Option<i64>,
    pub client_id: Option<i64>,
    pub photo_id: Option<i64>,
    pub kind: LogKind,
    pub detail: (&'a str, &'a str),
}

impl<'a> NewEntry<'a> {
    /// An entry of `kind` about nothing in particular yet (fill in the ids).
    pub fn new(kind: LogKind, detail: (&'a str, &'a str)) -> Self {
        NewEntry {
            job_id: None,
            post_id: None,
            client_id: None,
            photo_id: None,
            kind,
            detail,
        }
    }
}

/// Appends an entry about a job (and maybe one of its posts); `detail` is `(Korean, English)`.
pub fn append(
    conn: &Connection,
    job_id: i64,
    post_id: Option<i64>,
    kind: LogKind,
    detail: (&str, &str),
) -> Result<()> {
    append_entry(
        conn,
        &NewEntry {
            job_id: Some(job_id),
            post_id,
            ..NewEntry::new(kind, detail)
        },
    )
}

/// Appends any entry.
pub fn append_entry(conn: &Connection, e: &NewEntry<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO guard_log (job_id, post_id, client_id, photo_id, kind, detail, detail_en, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            e.job_id,
            e.post_id,
            e.client_id,
            e.photo_id,
            e.kind.as_str(),
            e.detail.0,
            e.detail.1,
            now_precise()
        ],
    )?;
    Ok(())
}

/// Runs `f` in a transaction of its own, or inside the caller's when one is open, so that a change and its
/// log entries are written together or not at all.
pub(crate) fn atomically<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    if !conn.is_autocommit() {
        return f(conn);
    }
    let tx = conn.unchecked_transaction()?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

const SELECT: &str =
    "SELECT id, job_id, post_id, client_id, photo_id, kind, detail, detail_en, at FROM guard_log";

fn query(conn: &Connection, filter: &str, arg: Option<i64>) -> Result<Vec<LogEntry>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE {filter} ORDER BY id"))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(arg), |r| {
        Ok(LogEntry {
            id: r.get(0)?,
            job_id: r.get(1)?,
            post_id: r.get(2)?,
            client_id: r.get(3)?,
            photo_id: r.get(4)?,
            kind: LogKind::parse(&r.get::<_, String>(5)?),
            detail: r.get(6)?,
            detail_en: r.get(7)?,
            at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every entry of a job, oldest first.
pub fn for_job(conn: &Connection, job_id: i64) -> Result<Vec<LogEntry>> {
    query(conn, "job_id = ?1", Some(job_id))
}

/// Every change of one customer (name, policy, aliases), oldest first.
pub fn for_client(conn: &Connection, client_id: i64) -> Result<Vec<LogEntry>> {
    query(
        conn,
        "job_id IS NULL AND kind = 'client_changed' AND client_id = ?1",
        Some(client_id),
    )
}

/// Every entry about the whole library rather than one job (customers' changes, removed words, boxes
/// removed from photos in no job), oldest first.
pub fn library_wide(conn: &Connection) -> Result<Vec<LogEntry>> {
    query(conn, "job_id IS NULL", None)
}
