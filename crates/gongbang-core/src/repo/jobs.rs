//! Why: a job is one piece of work the owner did (title, material, process, machine, …) and the ordered
//! photos that show it; every draft and export starts from it.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::photos::PhotoRole;
use crate::db::now;
use crate::{CoreError, Result};

/// The facts of a job the owner types in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobFields {
    pub title: String,
    pub material: String,
    pub process: String,
    pub machine: String,
    pub tolerance: String,
    pub finish: String,
    pub quantity: String,
    pub lead_time: String,
    pub story: String,
}

/// Whose part a job shows: the shop's own product, or a customer's job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    Own,
    Client,
}

impl OwnerKind {
    /// Name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::Own => "own",
            OwnerKind::Client => "client",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "own" => Some(OwnerKind::Own),
            "client" => Some(OwnerKind::Client),
            _ => None,
        }
    }
}

/// A job as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub id: i64,
    #[serde(flatten)]
    pub fields: JobFields,
    pub created_at: String,
    pub updated_at: String,
    /// `None` = not set yet; the leak guard counts that as a customer's job with policy `ask`.
    pub owner_kind: Option<OwnerKind>,
    pub client_id: Option<i64>,
}

#[cfg(test)]
impl Job {
    /// A job that exists only in a unit test (number 1, owner not set).
    pub(crate) fn sample(fields: JobFields) -> Job {
        Job {
            id: 1,
            fields,
            created_at: String::new(),
            updated_at: String::new(),
            owner_kind: None,
            client_id: None,
        }
    }
}

const COLUMNS: &str =
    "id, title, material, process, machine, tolerance, finish, quantity, lead_time, story, \
                       created_at, updated_at, owner_kind, client_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Job> {
    Ok(Job {
        id: r.get(0)?,
        fields: JobFields {
            title: r.get(1)?,
            material: r.get(2)?,
            process: r.get(3)?,
            machine: r.get(4)?,
            tolerance: r.get(5)?,
            finish: r.get(6)?,
            quantity: r.get(7)?,
            lead_time: r.get(8)?,
            story: r.get(9)?,
        },
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        owner_kind: r
            .get::<_, Option<String>>(12)?
            .as_deref()
            .and_then(OwnerKind::parse),
        client_id: r.get(13)?,
    })
}

/// Creates a job; returns it.
pub fn create(conn: &Connection, f: &JobFields) -> Result<Job> {
    create_owned(conn, f, None, None)
}

/// Creates a job and says whose part it is, in one transaction.
pub fn create_owned(
    conn: &Connection,
    f: &JobFields,
    kind: Option<OwnerKind>,
    client_id: Option<i64>,
) -> Result<Job> {
    let tx = conn.unchecked_transaction()?;
    let t = now();
    tx.execute(
        "INSERT INTO jobs (created_at, updated_at) VALUES (?1, ?1)",
        [&t],
    )?;
    let id = tx.last_insert_rowid();
    update(&tx, id, f)?;
    let job = set_owner(&tx, id, kind, client_id)?;
    tx.commit()?;
    Ok(job)
}

/// The job with this id, or `NoSuchJob`.
pub fn get(conn: &Connection, id: i64) -> Result<Job> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(CoreError::NoSuchJob(id))
}

/// Replaces the facts of a job.
pub fn update(conn: &Connection, id: i64, f: &JobFields) -> Result<Job> {
    let n = conn.execute(
        "UPDATE jobs SET title = ?2, material = ?3, process = ?4, machine = ?5, tolerance = ?6, finish = ?7,
             quantity = ?8, lead_time = ?9, story = ?10, updated_at = ?11 WHERE id = ?1",
        params![
            id,
            f.title.trim(),
            f.material.trim(),
            f.process.trim(),
            f.machine.trim(),
            f.tolerance.trim(),
            f.finish.trim(),
            f.quantity.trim(),
            f.lead_time.trim(),
            f.story.trim_end(),
            now()
        ],
    )?;
    if n == 0 {
        return Err(CoreError::NoSuchJob(id));
    }
    get(conn, id)
}

/// Says whose part the job is: own product (no client), a customer's job (`client_id` required), or not set.
pub fn set_owner(
    conn: &Connection,
    id: i64,
    kind: Option<OwnerKind>,
    client_id: Option<i64>,
) -> Result<Job> {
    let client_id = match kind {
        Some(OwnerKind::Client) => Some(client_id.ok_or_else(|| {
            CoreError::invalid(
                "고객사 작업이면 고객사를 골라 주세요.",
                "A customer's job needs a customer.",
            )
        })?),
        _ => None,
    };
    if let Some(cid) = client_id {
        super::clients::get(conn, cid)?;
    }
    let n = conn.execute(
        "UPDATE jobs SET owner_kind = ?2, client_id = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, kind.map(OwnerKind::as_str), client_id, now()],
    )?;
    if n == 0 {
        return Err(CoreError::NoSuchJob(id));
    }
    get(conn, id)
}

/// Marks a job as just worked on (so it reopens first).
pub fn touch(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE jobs SET updated_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

/// Every job, the most recently worked on first.
pub fn list(conn: &Connection) -> Result<Vec<Job>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM jobs ORDER BY updated_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The job worked on last, if any.
pub fn latest(conn: &Connection) -> Result<Option<Job>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM jobs ORDER BY updated_at DESC, id DESC LIMIT 1"),
            [],
            from_row,
        )
        .optional()?)
}

/// Adds a photo at the end of a job (no-op when it is already there).
pub fn attach_photo(conn: &Connection, job_id: i64, photo_id: i64) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO job_photos (job_id, photo_id, position)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM job_photos WHERE job_id = ?1))",
        params![job_id, photo_id],
    )?;
    Ok(())
}

/// Puts the job's photos in this order. Ids in the library but not in the job are attached (this is how
/// "undo remove" works); photos of the job not named keep their relative order after the named ones.
pub fn set_photo_order(conn: &mut Connection, job_id: i64, photo_ids: &[i64]) -> Result<()> {
    get(conn, job_id)?;
    let tx = conn.transaction()?;
    let existing: Vec<i64> = {
        let mut stmt = tx.prepare(
            "SELECT photo_id FROM job_photos WHERE job_id = ?1 ORDER BY position, rowid",
        )?;
        let rows = stmt.query_map([job_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut order: Vec<i64> = Vec::with_capacity(existing.len() + photo_ids.len());
    for id in photo_ids.iter().chain(existing.iter()) {
        if !order.contains(id) {
            order.push(*id);
        }
    }
    for (pos, photo_id) in order.iter().enumerate() {
        if !super::photos::exists(&tx, *photo_id)? {
            return Err(CoreError::NoSuchPhoto(*photo_id));
        }
        tx.execute(
            "INSERT INTO job_photos (job_id, photo_id, position) VALUES (?1, ?2, ?3)
             ON CONFLICT (job_id, photo_id) DO UPDATE SET position = excluded.position",
            params![job_id, photo_id, pos as i64 + 1],
        )?;
    }
    tx.execute(
        "UPDATE jobs SET updated_at = ?2 WHERE id = ?1",
        params![job_id, now()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Takes a photo out of a job (the library keeps it).
pub fn remove_photo(conn: &Connection, job_id: i64, photo_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM job_photos WHERE job_id = ?1 AND photo_id = ?2",
        params![job_id, photo_id],
    )?;
    touch(conn, job_id)
}

/// Sets a photo's role and caption within a job.
pub fn set_photo_meta(
    conn: &Connection,
    job_id: i64,
    photo_id: i64,
    role: Option<PhotoRole>,
    caption: &str,
) -> Result<()> {
    let n = conn.execute(
        "UPDATE job_photos SET role = ?3, caption = ?4 WHERE job_id = ?1 AND photo_id = ?2",
        params![
            job_id,
            photo_id,
            role.map(PhotoRole::as_str),
            caption.trim()
        ],
    )?;
    if n == 0 {
        return Err(CoreError::NoSuchPhoto(photo_id));
    }
    touch(conn, job_id)
}
