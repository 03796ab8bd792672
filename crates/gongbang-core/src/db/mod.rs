//! Why: one SQLite file holds the owner's work; it is opened the same way everywhere (WAL, foreign keys,
//! busy timeout) and brought to the current schema in one transaction before anything reads it.

mod migrations;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use crate::{CoreError, Result};

pub use migrations::{schema_version, SCHEMA_VERSION};

/// Opens (creating when missing) the library database at `path` and migrates it.
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    register_functions(&conn)?;
    configure(&conn)?;
    migrations::migrate(&mut conn)?;
    Ok(conn)
}

/// Registers the SQL functions the schema's triggers call (`gb_nfc`: NFC normalisation of indexed text).
/// Every connection that may write to the library must have them, or a trigger fails with "no such
/// function"; [`open`] does it before migrating.
pub fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "gb_nfc",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| nfc(&t)).unwrap_or_default())
        },
    )?;
    Ok(())
}

/// NFC form of a text (what the search index stores and what a query is compared in).
pub fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // WAL survives a kill at any point; NORMAL sync is durable across application crashes in WAL mode.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::invalid(
            "저장소를 WAL 방식으로 열 수 없습니다.",
            format!("the database refused WAL mode ({mode})"),
        ));
    }
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
    Ok(())
}

/// Current local time as stored in the database.
pub fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The current local time with milliseconds, for logs whose entries must keep their order within a second.
pub fn now_precise() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

/// Today's local date, `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}
