//! Why: the calendar, the streak and the history count what the owner actually did — every export and every
//! "I posted it" — so each is kept as its own row, in the same transaction as the post's new status.

use chrono::{DateTime, FixedOffset, Local, SecondsFormat};
use rusqlite::{params, Connection, Row};

use crate::domain::Platform;
use crate::{CoreError, Result};

pub use crate::domain::post_event::{EventKind, PostEvent};

fn record(
    conn: &Connection,
    post_id: i64,
    kind: EventKind,
    at: DateTime<FixedOffset>,
    folder: Option<&str>,
    url: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO post_events (post_id, kind, at, at_ms, folder, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            post_id,
            kind.as_str(),
            at.to_rfc3339_opts(SecondsFormat::Secs, false),
            at.timestamp_millis(),
            folder,
            url
        ],
    )?;
    Ok(())
}

/// Records an export of `post_id` into `folder`, now (call inside the export's transaction).
pub(crate) fn exported(conn: &Connection, post_id: i64, folder: &str) -> Result<()> {
    record(
        conn,
        post_id,
        EventKind::Exported,
        Local::now().fixed_offset(),
        Some(folder),
        None,
    )
}

/// Records an export at a given time (imports of old history, tests).
pub fn exported_at(
    conn: &Connection,
    post_id: i64,
    folder: &str,
    at: DateTime<FixedOffset>,
) -> Result<()> {
    record(conn, post_id, EventKind::Exported, at, Some(folder), None)
}

/// Marks the post published (status and URL) and records it, in one transaction.
pub fn published(conn: &mut Connection, post_id: i64, url: &str) -> Result<()> {
    let url = url.trim();
    if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
        return Err(CoreError::invalid(
            "주소는 http:// 또는 https:// 로 시작해야 합니다.",
            "The address must start with http:// or https://.",
        ));
    }
    let url = (!url.is_empty()).then_some(url);
    let tx = conn.transaction()?;
    let now = Local::now().fixed_offset();
    let n = tx.execute(
        "UPDATE posts SET status = 'published', published_url = COALESCE(?2, published_url), updated_at = ?3
         WHERE id = ?1",
        params![post_id, url, now.to_rfc3339_opts(SecondsFormat::Secs, false)],
    )?;
    if n == 0 {
        return Err(CoreError::NoSuchPost(post_id));
    }
    record(&tx, post_id, EventKind::Published, now, None, url)?;
    tx.commit()?;
    Ok(())
}

const SELECT: &str =
    "SELECT e.post_id, p.job_id, j.title, p.platform, p.title, e.at, e.kind, e.folder, e.url
     FROM post_events e JOIN posts p ON p.id = e.post_id JOIN jobs j ON j.id = p.job_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<PostEvent> {
    let platform: String = r.get(3)?;
    let kind: String = r.get(6)?;
    let folder: Option<String> = r.get(7)?;
    Ok(PostEvent {
        post_id: r.get(0)?,
        job_id: r.get(1)?,
        job_title: r.get(2)?,
        platform: Platform::parse(&platform).unwrap_or(Platform::Naver),
        post_title: r.get(4)?,
        at: r.get(5)?,
        kind: if kind == "published" {
            EventKind::Published
        } else {
            EventKind::Exported
        },
        folder_exists: folder
            .as_deref()
            .is_some_and(|f| std::path::Path::new(f).is_dir()),
        folder,
        url: r.get(8)?,
    })
}

/// Events between two instants (milliseconds since the epoch, `from` inclusive, `to` exclusive), oldest first.
pub(crate) fn between(conn: &Connection, from_ms: i64, to_ms: i64) -> Result<Vec<PostEvent>> {
    let mut st = conn.prepare(&format!(
        "{SELECT} WHERE e.at_ms >= ?1 AND e.at_ms < ?2 ORDER BY e.at_ms, e.id"
    ))?;
    let rows = st.query_map([from_ms, to_ms], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
