//! Why: the one-click replace must make the export clean without rewriting the owner's job record, so a
//! replacement for the texts made from the job (and the shop profile) is kept with the post, in the order
//! the owner made them, and applied by the one function that makes every text of an export.

use rusqlite::{params, Connection};

use crate::db::now;
use crate::Result;

pub use crate::domain::replacement::Replacement;

/// The post's replacements, oldest first.
pub(crate) fn list(conn: &Connection, post_id: i64) -> Result<Vec<Replacement>> {
    let mut st = conn.prepare(
        "SELECT find, replacement FROM post_replacements WHERE post_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([post_id], |r| {
        Ok(Replacement {
            find: r.get(0)?,
            replacement: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds (or, for the same words, changes) a replacement of the post. Empty `find` is ignored.
pub(crate) fn add(conn: &Connection, post_id: i64, find: &str, replacement: &str) -> Result<()> {
    if find.is_empty() {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO post_replacements (post_id, find, replacement, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (post_id, find) DO UPDATE SET replacement = excluded.replacement",
        params![post_id, find, replacement, now()],
    )?;
    Ok(())
}
