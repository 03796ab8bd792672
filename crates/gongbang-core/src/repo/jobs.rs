//! Why: a job is one piece of work the owner did (title, material, process, machine, …) and the ordered
//! photos that show it; every draft and export starts from it.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::now;
use crate::{CoreError, Result};

pub use crate::domain::job::{
    Job, JobFields, OwnerKind, RemovedBlock, RemovedFromPost, RemovedPhoto,
};
use crate::domain::PhotoRole;

const COLUMNS: &str =
    "id, title, material, process, machine, tolerance, finish, quantity, lead_time, story, \
                       created_at, updated_at, owner_kind, client_id, product_id, kind";

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
        product_id: r.get(14)?,
        kind: crate::domain::JobKind::parse(&r.get::<_, String>(15)?),
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
    // Saying whose part a new job is, is not a change: nothing to log.
    let job = write_owner(&tx, id, kind, client_id)?;
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
/// A change of owner (own ↔ customer, customer A → B, set ↔ not set) goes into the guard log, old → new, in
/// the same transaction.
pub fn set_owner(
    conn: &Connection,
    id: i64,
    kind: Option<OwnerKind>,
    client_id: Option<i64>,
) -> Result<Job> {
    super::guard_log::atomically(conn, |tx| {
        let before = get(tx, id)?;
        let after = write_owner(tx, id, kind, client_id)?;
        if (before.owner_kind, before.client_id) != (after.owner_kind, after.client_id) {
            let (old_ko, old_en) = owner_words(tx, &before)?;
            let (new_ko, new_en) = owner_words(tx, &after)?;
            let ko = format!("누구 것인지 바꿈: {old_ko} → {new_ko}");
            let en = format!("Owner changed: {old_en} → {new_en}");
            super::guard_log::append_entry(
                tx,
                &super::guard_log::NewEntry {
                    job_id: Some(id),
                    // The customer the job was taken from: the history then knows every customer it had.
                    client_id: before.client_id,
                    ..super::guard_log::NewEntry::new(
                        super::guard_log::LogKind::OwnerChanged,
                        (&ko, &en),
                    )
                },
            )?;
        }
        Ok(after)
    })
}

/// Whose part a job is, in words, with the customer's policy at the time.
fn owner_words(conn: &Connection, job: &Job) -> Result<(String, String)> {
    Ok(match (job.owner_kind, job.client_id) {
        (Some(OwnerKind::Own), _) => ("우리 제품".into(), "own product".into()),
        (Some(OwnerKind::Client), Some(cid)) => {
            let c = super::clients::get(conn, cid)?;
            let p = c.policy.as_str();
            (
                format!("고객사 '{}' (정책 {p})", c.name),
                format!("customer '{}' (policy {p})", c.name),
            )
        }
        _ => ("정하지 않음".into(), "not set".into()),
    })
}

fn write_owner(
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
pub(crate) fn touch(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE jobs SET updated_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

/// Every job, the most recently worked on first.
pub fn list(conn: &Connection) -> Result<Vec<Job>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM jobs WHERE removed_at IS NULL ORDER BY updated_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The job worked on last, if any.
pub(crate) fn latest(conn: &Connection) -> Result<Option<Job>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM jobs WHERE removed_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1"),
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

/// Whether the photo is one of the job's photos.
pub(crate) fn has_photo(conn: &Connection, job_id: i64, photo_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM job_photos WHERE job_id = ?1 AND photo_id = ?2)",
        params![job_id, photo_id],
        |r| r.get(0),
    )?)
}

/// The job's photo ids in order.
fn photo_ids(conn: &Connection, job_id: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare("SELECT photo_id FROM job_photos WHERE job_id = ?1 ORDER BY position, rowid")?;
    let rows = stmt.query_map([job_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Numbers the job's photos 1, 2, 3… in this order (every id must already be in the job).
fn write_positions(conn: &Connection, job_id: i64, order: &[i64]) -> Result<()> {
    for (pos, photo_id) in order.iter().enumerate() {
        conn.execute(
            "UPDATE job_photos SET position = ?3 WHERE job_id = ?1 AND photo_id = ?2",
            params![job_id, photo_id, pos as i64 + 1],
        )?;
    }
    Ok(())
}

/// The error for a photo id that is not the job's: `PhotoNotInJob`, or `NoSuchPhoto` if the library
/// has no such photo at all.
fn not_in_job(conn: &Connection, job_id: i64, photo_id: i64) -> CoreError {
    match super::photos::exists(conn, photo_id) {
        Ok(true) => CoreError::PhotoNotInJob { photo_id, job_id },
        Ok(false) => CoreError::NoSuchPhoto(photo_id),
        Err(e) => e,
    }
}

/// Puts the job's photos in this order. Every id must be one of the job's photos (an order never adds a
/// photo: photos join a job by import, and come back after a removal by [`restore_photo`]); photos of the
/// job not named keep their relative order after the named ones.
pub fn set_photo_order(conn: &mut Connection, job_id: i64, photo_ids: &[i64]) -> Result<()> {
    get(conn, job_id)?;
    let tx = conn.transaction()?;
    let existing = self::photo_ids(&tx, job_id)?;
    let mut order: Vec<i64> = Vec::with_capacity(existing.len());
    for id in photo_ids {
        if !existing.contains(id) {
            return Err(not_in_job(&tx, job_id, *id));
        }
        if !order.contains(id) {
            order.push(*id);
        }
    }
    for id in &existing {
        if !order.contains(id) {
            order.push(*id);
        }
    }
    write_positions(&tx, job_id, &order)?;
    touch(&tx, job_id)?;
    tx.commit()?;
    Ok(())
}

/// Takes a photo out of a job (the library keeps it) and out of every post of the job — its photo blocks
/// and its seconds in the video settings — in one transaction, so no post keeps a photo that is not its
/// job's. Returns what was removed, for [`restore_photo`].
pub fn remove_photo(conn: &Connection, job_id: i64, photo_id: i64) -> Result<RemovedPhoto> {
    get(conn, job_id)?;
    let tx = conn.unchecked_transaction()?;
    let order = self::photo_ids(&tx, job_id)?;
    let index = order
        .iter()
        .position(|id| *id == photo_id)
        .ok_or_else(|| not_in_job(&tx, job_id, photo_id))?;
    let (role, caption): (Option<String>, String) = tx.query_row(
        "SELECT role, caption FROM job_photos WHERE job_id = ?1 AND photo_id = ?2",
        params![job_id, photo_id],
        |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        },
    )?;
    tx.execute(
        "DELETE FROM job_photos WHERE job_id = ?1 AND photo_id = ?2",
        params![job_id, photo_id],
    )?;
    let mut removed_posts = Vec::new();
    for mut post in super::posts::for_job(&tx, job_id)? {
        let mut blocks = Vec::new();
        let mut kept = Vec::with_capacity(post.blocks.len());
        for (i, b) in post.blocks.drain(..).enumerate() {
            match b {
                super::posts::Block::Photo {
                    photo_id: id,
                    caption,
                } if id == photo_id => blocks.push(RemovedBlock { index: i, caption }),
                other => kept.push(other),
            }
        }
        post.blocks = kept;
        let seconds = post.video.photo_seconds.remove(&photo_id);
        if blocks.is_empty() && seconds.is_none() {
            continue;
        }
        super::posts::write_photos_of(&tx, &post)?;
        removed_posts.push(RemovedFromPost {
            post_id: post.id,
            blocks,
            seconds,
        });
    }
    touch(&tx, job_id)?;
    tx.commit()?;
    Ok(RemovedPhoto {
        job_id,
        photo_id,
        index,
        role: role.as_deref().and_then(PhotoRole::parse),
        caption,
        posts: removed_posts,
    })
}

/// Undoes [`remove_photo`]: the photo goes back into the job at its place (with its role and caption) and
/// into the job's posts at the same block positions (with its captions and seconds), in one transaction.
/// Only a photo the library still has, into its own job's posts; nothing happens if it is already back.
pub fn restore_photo(conn: &Connection, removed: &RemovedPhoto) -> Result<()> {
    let job_id = removed.job_id;
    let photo_id = removed.photo_id;
    get(conn, job_id)?;
    if !super::photos::exists(conn, photo_id)? {
        return Err(CoreError::NoSuchPhoto(photo_id));
    }
    if has_photo(conn, job_id, photo_id)? {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "INSERT INTO job_photos (job_id, photo_id, position, role, caption) VALUES (?1, ?2, 0, ?3, ?4)",
        params![
            job_id,
            photo_id,
            removed.role.map(PhotoRole::as_str),
            removed.caption.trim()
        ],
    )?;
    let mut order: Vec<i64> = self::photo_ids(&tx, job_id)?
        .into_iter()
        .filter(|id| *id != photo_id)
        .collect();
    order.insert(removed.index.min(order.len()), photo_id);
    write_positions(&tx, job_id, &order)?;
    for from in &removed.posts {
        let mut post = super::posts::get(&tx, from.post_id)?;
        if post.job_id != job_id {
            return Err(CoreError::invalid(
                "되돌릴 글이 이 작업의 글이 아닙니다.",
                "The post to restore is not one of this job's posts.",
            ));
        }
        for b in &from.blocks {
            let at = b.index.min(post.blocks.len());
            post.blocks.insert(
                at,
                super::posts::Block::Photo {
                    photo_id,
                    caption: b.caption.clone(),
                },
            );
        }
        if let Some(s) = from.seconds {
            post.video.photo_seconds.insert(photo_id, s);
        }
        super::posts::write_photos_of(&tx, &post)?;
    }
    touch(&tx, job_id)?;
    tx.commit()?;
    Ok(())
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
