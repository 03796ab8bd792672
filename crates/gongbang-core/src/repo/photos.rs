//! Why: the photos table is the library's index of content-addressed originals; jobs refer to its rows.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::redactions::{parse_boxes, BOXES_JSON_SQL};
use crate::domain::{Block, Post};
use crate::{CoreError, Result};

pub use crate::domain::photo::{Photo, PhotoRole};

/// The fields of a new photo row.
#[derive(Debug, Clone)]
pub struct NewPhoto {
    pub hash: String,
    pub format: &'static str,
    pub original_name: String,
    pub original_path: String,
    pub taken_at: Option<String>,
    pub width: u32,
    pub height: u32,
    pub orientation: u16,
    pub camera_make: Option<String>,
    pub camera_model: Option<String>,
    pub has_gps: bool,
    pub byte_size: i64,
}

const BASE_COLUMNS: &str =
    "p.id, p.hash, p.format, p.original_name, p.original_path, p.imported_at, p.taken_at, \
     p.width, p.height, p.orientation, p.camera_make, p.camera_model, p.has_gps, p.byte_size";

/// Every column the photo queries read: the photo's own, then its redaction boxes as JSON.
fn columns() -> String {
    format!("{BASE_COLUMNS}, {BOXES_JSON_SQL}")
}

fn from_row(row: &Row<'_>, with_job: bool) -> rusqlite::Result<Photo> {
    let (role, caption) = if with_job {
        let role: Option<String> = row.get(15)?;
        (role.as_deref().and_then(PhotoRole::parse), row.get(16)?)
    } else {
        (None, String::new())
    };
    Ok(Photo {
        id: row.get(0)?,
        hash: row.get(1)?,
        format: row.get(2)?,
        original_name: row.get(3)?,
        original_path: row.get(4)?,
        imported_at: row.get(5)?,
        taken_at: row.get(6)?,
        width: row.get(7)?,
        height: row.get(8)?,
        orientation: row.get(9)?,
        camera_make: row.get(10)?,
        camera_model: row.get(11)?,
        has_gps: row.get(12)?,
        byte_size: row.get(13)?,
        role,
        caption,
        redactions: parse_boxes(row.get(14)?),
    })
}

/// Inserts a photo row; returns its id.
pub(crate) fn insert(conn: &Connection, p: &NewPhoto) -> Result<i64> {
    conn.execute(
        "INSERT INTO photos (hash, format, original_name, original_path, imported_at, taken_at, width, height,
             orientation, camera_make, camera_model, has_gps, byte_size)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            p.hash,
            p.format,
            p.original_name,
            p.original_path,
            crate::db::now(),
            p.taken_at,
            p.width,
            p.height,
            p.orientation,
            p.camera_make,
            p.camera_model,
            p.has_gps,
            p.byte_size
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The photo with this content hash, if the library has it.
pub fn by_hash(conn: &Connection, hash: &str) -> Result<Option<Photo>> {
    Ok(conn
        .query_row(
            &format!("SELECT {} FROM photos p WHERE p.hash = ?1", columns()),
            [hash],
            |r| from_row(r, false),
        )
        .optional()?)
}

/// The photo with this id.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Photo>> {
    Ok(conn
        .query_row(
            &format!("SELECT {} FROM photos p WHERE p.id = ?1", columns()),
            [id],
            |r| from_row(r, false),
        )
        .optional()?)
}

/// Whether the library has a photo with this id.
pub(crate) fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM photos WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Every content hash in the library (for duplicate detection during an import).
pub fn all_hashes(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT hash FROM photos")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The photos of a job in their order, with role and caption.
pub fn for_job(conn: &Connection, job_id: i64) -> Result<Vec<Photo>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, jp.role, jp.caption FROM job_photos jp JOIN photos p ON p.id = jp.photo_id
         WHERE jp.job_id = ?1 ORDER BY jp.position, jp.rowid",
        columns()
    ))?;
    let rows = stmt.query_map([job_id], |r| from_row(r, true))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One photo of a job, with its role and caption.
pub fn in_job(conn: &Connection, job_id: i64, photo_id: i64) -> Result<Option<Photo>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {}, jp.role, jp.caption FROM job_photos jp JOIN photos p ON p.id = jp.photo_id
                 WHERE jp.job_id = ?1 AND jp.photo_id = ?2",
                columns()
            ),
            params![job_id, photo_id],
            |r| from_row(r, true),
        )
        .optional()?)
}

/// The post's photos in post order with their captions, each as a photo of the post's job (its role names
/// the chapters); a photo that is not the job's is refused (`PhotoNotInJob`), never shipped.
pub(crate) fn of_post(conn: &Connection, post: &Post) -> Result<Vec<(Photo, String)>> {
    post.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Photo { photo_id, caption } => Some((*photo_id, caption.clone())),
            _ => None,
        })
        .map(|(id, caption)| {
            // As a photo of the job (its role names the chapters); a photo not the job's is refused.
            let p = in_job(conn, post.job_id, id)?.ok_or(CoreError::PhotoNotInJob {
                photo_id: id,
                job_id: post.job_id,
            })?;
            Ok((p, caption))
        })
        .collect()
}
