//! Why: small choices the owner makes once (language, export folder) are remembered across restarts.

use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

/// Setting key: the window's language (`ko` or `en`).
pub const LANG: &str = "lang";
/// Setting key: the folder exports go to.
pub const EXPORT_DIR: &str = "export_dir";

/// Reads a setting.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes a setting.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
