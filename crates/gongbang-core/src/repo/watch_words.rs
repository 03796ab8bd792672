//! Why: words the owner registered as never-to-show (a product code name, a project, a person), searched
//! by the text scan beside the customers' names.

use rusqlite::Connection;

use crate::Result;

/// The registered words, alphabetically.
pub fn list(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT word FROM watch_words ORDER BY word COLLATE NOCASE")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the registered words (trimmed, empty lines and repeats dropped).
pub fn set(conn: &mut Connection, words: &[String]) -> Result<Vec<String>> {
    let tx = conn.transaction()?;
    tx.execute("DELETE FROM watch_words", [])?;
    for w in words.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
        tx.execute("INSERT OR IGNORE INTO watch_words (word) VALUES (?1)", [w])?;
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
