//! Why: what the leak guard let out or stopped, per job (exports, exports past confirmed flagged words,
//! refusals), and every change that loosens it (a customer's name, policy or aliases, a job's owner, a removed
//! redaction box or watch word); append-only like the approvals, and shown in the job's history.

use rusqlite::{params, Connection};

use crate::db::now_precise;
use crate::Result;

pub use crate::domain::guard_log::{LogEntry, LogKind, NewEntry};

/// Appends an entry about a job (and maybe one of its posts); `detail` is `(Korean, English)`.
pub(crate) fn append(
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
pub(crate) fn append_entry(conn: &Connection, e: &NewEntry<'_>) -> Result<()> {
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
