//! Why: what the leak guard let out or stopped, per job (exports, exports past confirmed flagged words,
//! refusals); append-only like the approvals, and shown in the job's history.

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
}

impl LogKind {
    fn as_str(self) -> &'static str {
        match self {
            LogKind::Export => "export",
            LogKind::Override => "override",
            LogKind::Refused => "refused",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "export" => LogKind::Export,
            "override" => LogKind::Override,
            _ => LogKind::Refused,
        }
    }
}

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub job_id: i64,
    pub post_id: Option<i64>,
    pub kind: LogKind,
    /// What happened, in Korean and in English.
    pub detail: String,
    pub detail_en: String,
    pub at: String,
}

/// Appends an entry; `detail` is `(Korean, English)`.
pub fn append(
    conn: &Connection,
    job_id: i64,
    post_id: Option<i64>,
    kind: LogKind,
    detail: (&str, &str),
) -> Result<()> {
    conn.execute(
        "INSERT INTO guard_log (job_id, post_id, kind, detail, detail_en, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            job_id,
            post_id,
            kind.as_str(),
            detail.0,
            detail.1,
            now_precise()
        ],
    )?;
    Ok(())
}

/// Every entry of a job, oldest first.
pub fn for_job(conn: &Connection, job_id: i64) -> Result<Vec<LogEntry>> {
    let mut stmt = conn.prepare(
        "SELECT job_id, post_id, kind, detail, detail_en, at FROM guard_log WHERE job_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([job_id], |r| {
        Ok(LogEntry {
            job_id: r.get(0)?,
            post_id: r.get(1)?,
            kind: LogKind::parse(&r.get::<_, String>(2)?),
            detail: r.get(3)?,
            detail_en: r.get(4)?,
            at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
