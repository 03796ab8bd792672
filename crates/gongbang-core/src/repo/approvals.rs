//! Why: for an `ask` customer, who at the customer agreed to a job being shown, when and how; kept
//! append-only (the table's triggers refuse edits and deletes) so the record can be trusted later.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::{now_precise, today};
use crate::{CoreError, Result};

pub use crate::domain::approval::{Approval, NewApproval};

const SELECT: &str = "SELECT a.id, a.job_id, a.client_id, c.name, a.approved_by, a.how, a.note, \
                      a.approved_at, a.recorded_at FROM approvals a JOIN clients c ON c.id = a.client_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Approval> {
    Ok(Approval {
        id: r.get(0)?,
        job_id: r.get(1)?,
        client_id: r.get(2)?,
        client_name: r.get(3)?,
        approved_by: r.get(4)?,
        how: r.get(5)?,
        note: r.get(6)?,
        approved_at: r.get(7)?,
        recorded_at: r.get(8)?,
    })
}

/// Appends an approval of `job_id` by someone at `client_id`.
pub(crate) fn record(
    conn: &Connection,
    job_id: i64,
    client_id: i64,
    a: &NewApproval<'_>,
) -> Result<Approval> {
    let by = a.approved_by.trim();
    if by.is_empty() {
        return Err(CoreError::invalid(
            "고객사에서 누가 허락했는지 적어 주세요.",
            "Please say who at the customer approved.",
        ));
    }
    let how = a.how.trim();
    if how.is_empty() {
        return Err(CoreError::invalid(
            "어떻게 허락받았는지(전화, 문자, 이메일 등) 적어 주세요.",
            "Please say how the approval was given (phone, text, e-mail, …).",
        ));
    }
    let recorded = now_precise();
    let approved_at = a
        .approved_at
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or_else(today, str::to_string);
    conn.execute(
        "INSERT INTO approvals (job_id, client_id, approved_by, how, note, approved_at, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![job_id, client_id, by, how, a.note.trim(), approved_at, recorded],
    )?;
    let id = conn.last_insert_rowid();
    Ok(conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], from_row)?)
}

/// The newest approval of this job by this customer, if any.
pub(crate) fn latest(conn: &Connection, job_id: i64, client_id: i64) -> Result<Option<Approval>> {
    Ok(conn
        .query_row(
            &format!(
                "{SELECT} WHERE a.job_id = ?1 AND a.client_id = ?2 ORDER BY a.id DESC LIMIT 1"
            ),
            params![job_id, client_id],
            from_row,
        )
        .optional()?)
}

/// Every approval of a job, oldest first.
pub(crate) fn for_job(conn: &Connection, job_id: i64) -> Result<Vec<Approval>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE a.job_id = ?1 ORDER BY a.id"))?;
    let rows = stmt.query_map([job_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
