//! Why: which pack authors the owner trusts (trust on first use) and which packs are installed, in which
//! order, are remembered with the library, so a backup keeps them and every loader sees the same packs.

use rusqlite::{params, Connection, OptionalExtension};

use crate::domain::{InstalledPack, PackAuthor};
use crate::Result;

/// The name a trusted key came with, if the key is trusted.
pub fn trusted_name(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT name FROM pack_authors WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Whether a trusted author has this name with a key other than `key`.
pub fn name_has_other_key(conn: &Connection, name: &str, key: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pack_authors WHERE name = ?1 AND key <> ?2)",
        params![name.trim(), key],
        |r| r.get(0),
    )?)
}

/// Trusts a key from now on (its name as it came; trusting again keeps the first time).
pub(crate) fn trust(conn: &Connection, key: &str, name: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO pack_authors (key, name, trusted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO NOTHING",
        params![key, name.trim(), now],
    )?;
    Ok(())
}

/// One installed pack's row, as written.
pub(crate) struct NewPack<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub author: &'a PackAuthor,
    pub created_at: &'a str,
    pub installed_at: &'a str,
    pub file_count: u32,
}

/// Records an installed pack as the newest (installing the same pack again makes it the newest).
pub(crate) fn insert(conn: &Connection, p: &NewPack<'_>) -> Result<()> {
    let seq: i64 = conn.query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM packs", [], |r| {
        r.get(0)
    })?;
    conn.execute(
        "INSERT INTO packs (id, name, author_key, author_name, created_at, installed_at, seq, file_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, author_key = excluded.author_key,
           author_name = excluded.author_name, created_at = excluded.created_at,
           installed_at = excluded.installed_at, seq = excluded.seq, file_count = excluded.file_count",
        params![
            p.id,
            p.name,
            p.author.key,
            p.author.name,
            p.created_at,
            p.installed_at,
            seq,
            p.file_count
        ],
    )?;
    Ok(())
}

/// The installed packs, newest first.
pub fn installed(conn: &Connection) -> Result<Vec<InstalledPack>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, author_key, author_name, created_at, installed_at, file_count
         FROM packs ORDER BY seq DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        let key: String = r.get(2)?;
        let author: String = r.get(3)?;
        Ok(InstalledPack {
            id: r.get(0)?,
            name: r.get(1)?,
            author: PackAuthor::new(&author, &key),
            created_at: r.get(4)?,
            installed_at: r.get(5)?,
            file_count: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Forgets an installed pack; false when there was none with this id.
pub(crate) fn remove(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM packs WHERE id = ?1", [id])? > 0)
}
