//! Why: a library as an older app left it is the case an update meets first (a shop that installs the new
//! version, a backup made last year); the tests build one the way that app did, from the migrations it had.

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// A database at schema 7 — the app before the library issue: no products, no search index, photos limited to
/// JPEG/PNG/WebP/TIFF — made by the migrations that app shipped, in WAL mode with foreign keys on, as it ran.
pub fn schema_7_database(path: &Path) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")
        .unwrap();
    Migrations::new(vec![
        M::up(include_str!("../../src/db/sql/001_init.sql")),
        M::up(include_str!("../../src/db/sql/002_leak_guard.sql")),
        M::up(include_str!("../../src/db/sql/003_video_and_shop.sql")),
        M::up(include_str!("../../src/db/sql/004_coach.sql")),
        M::up(include_str!("../../src/db/sql/005_guard_trace.sql")),
        M::up(include_str!("../../src/db/sql/006_export_texts.sql")),
        M::up(include_str!("../../src/db/sql/007_logo_watermark.sql")),
    ])
    .to_latest(&mut conn)
    .unwrap();
    conn
}
