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
    // Issue 14 item 5: photos may be HEIC (the table is rebuilt: foreign keys off, checked before commit).
    M::up(include_str!("sql/008_photo_heic.sql")).foreign_key_check(),
    // Issue 14: products, the library's archive and removals, the search index (FTS5 trigram).
    M::up(include_str!("sql/009_library.sql")),
    // Issue 15: review bundles sent and received, the mentor's notes and the owner's answers to them.
    M::up(include_str!("sql/010_reviews.sql")),
    // Issue 15: template packs (trusted authors, installed packs). Named 011: 010 is added on main.
    M::up(include_str!("sql/011_packs.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Reads the schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(usize::MAX))
}

/// Applies every pending migration in one transaction. Foreign keys are off while they run (a table
/// rebuild drops the old table, which must neither cascade nor be refused; SQLite ignores the pragma inside a
/// transaction, so it is set around it) and on again afterwards, whatever happened; the migrations that
/// rebuild a table check `PRAGMA foreign_key_check` before the transaction commits.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(CoreError::NewerDatabase {
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let was_on: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = Migrations::from_slice(MIGRATIONS).to_latest(conn);
    if was_on {
        conn.pragma_update(None, "foreign_keys", true)?;
    }
    result?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        // The search index's triggers call gb_nfc, which every connection of the library registers.
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::register_functions(&conn).unwrap();
        Migrations::from_slice(MIGRATIONS)
            .to_latest(&mut conn)
            .unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
    }
}
