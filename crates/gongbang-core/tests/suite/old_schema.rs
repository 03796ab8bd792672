//! Why: a library as an older app left it is the case an update meets first (a shop that installs the new
//! version, a backup made last year); the tests build one the way that app did, from the migrations it had.

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// Every migration the app has shipped, in order (migration N is at index N - 1).
const SHIPPED: &[&str] = &[
    include_str!("../../src/db/sql/001_init.sql"),
    include_str!("../../src/db/sql/002_leak_guard.sql"),
    include_str!("../../src/db/sql/003_video_and_shop.sql"),
    include_str!("../../src/db/sql/004_coach.sql"),
    include_str!("../../src/db/sql/005_guard_trace.sql"),
    include_str!("../../src/db/sql/006_export_texts.sql"),
    include_str!("../../src/db/sql/007_logo_watermark.sql"),
];

/// A database at schema `version` — the app as it was then — made by the migrations that app shipped (through
/// the same migration code), in WAL mode with foreign keys on, as it ran.
pub fn database_at(path: &Path, version: usize) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")
        .unwrap();
    Migrations::new(SHIPPED[..version].iter().map(|sql| M::up(sql)).collect())
        .to_latest(&mut conn)
        .unwrap();
    conn
}
