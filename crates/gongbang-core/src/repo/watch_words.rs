//! Why: words the owner registered as never-to-show (a product code name, a project, a person), searched
//! by the text scan beside the customers' names.

use rusqlite::Connection;

use super::guard_log::{self, LogKind, NewEntry};
use crate::Result;

/// The registered words, alphabetically.
pub(crate) fn list(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT word FROM watch_words ORDER BY word COLLATE NOCASE")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the registered words (trimmed, empty lines and repeats dropped). Each word that was registered
/// and is no longer goes into the guard log (for the whole library: the scan of every job stops looking for it).
pub fn set(conn: &mut Connection, words: &[String]) -> Result<Vec<String>> {
    let tx = conn.transaction()?;
    let old = list(&tx)?;
    tx.execute("DELETE FROM watch_words", [])?;
    let new: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    for w in &new {
        tx.execute("INSERT OR IGNORE INTO watch_words (word) VALUES (?1)", [w])?;
    }
    for gone in old
        .iter()
        .filter(|o| !new.iter().any(|n| n.to_lowercase() == o.to_lowercase()))
    {
        guard_log::append_entry(
            &tx,
            &NewEntry::new(
                LogKind::WordRemoved,
                (
                    &format!("등록한 단어를 뺌: {gone}"),
                    &format!("Watch word removed: {gone}"),
                ),
            ),
        )?;
    }
    tx.commit()?;
    list(conn)
}

/// Adds one word (no-op when present).
pub fn add(conn: &Connection, word: &str) -> Result<()> {
    let w = word.trim();
    if !w.is_empty() {
        conn.execute("INSERT OR IGNORE INTO watch_words (word) VALUES (?1)", [w])?;
    }
    Ok(())
}
