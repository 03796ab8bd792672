//! Why: the schema grows with the app; every change is an embedded, numbered migration applied in one
//! transaction, and a database written by a newer app is refused rather than damaged.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::{CoreError, Result};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("sql/001_init.sql")),
    M::up(include_str!("sql/002_leak_guard.sql")),
    M::up(include_str!("sql/003_video_and_shop.sql")),
    M::up(include_str!("sql/004_coach.sql")),
    M::up(include_str!("sql/005_guard_trace.sql")),
    // Issue 10 item 1: the post's replacements for texts made from the job record.
    M::up(include_str!("sql/006_export_texts.sql")),
    // Issue 13 item 6: the logo mark on blog photos, chosen once in the shop profile.
    M::up(include_str!("sql/007_logo_watermark.sql")),
    // Issue 14: products, the library's archive and removals, the search index (FTS5 trigram).
    M::up(include_str!("sql/009_library.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Reads the schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(usize::MAX))
}

/// Applies every pending migration in one transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(CoreError::NewerDatabase {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Migrations::from_slice(MIGRATIONS).to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(Migrations::from_slice(MIGRATIONS).validate().is_ok());
    }
}
