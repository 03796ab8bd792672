//! Why: whether a photo is too dark or blurry is measured once (at import, or the first time the coach asks)
//! and kept beside the photo, so the live checklist never decodes originals twice.

use rusqlite::{params, Connection, OptionalExtension};

use crate::db::now;
use crate::Result;

pub use crate::domain::photo_quality::PhotoQuality;

/// The stored measurement of a photo, if any.
pub fn get(conn: &Connection, photo_id: i64) -> Result<Option<PhotoQuality>> {
    Ok(conn
        .query_row(
            "SELECT mean_luma, sharpness FROM photo_quality WHERE photo_id = ?1",
            [photo_id],
            |r| {
                Ok(PhotoQuality {
                    mean_luma: r.get(0)?,
                    sharpness: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// Stores (or replaces) a photo's measurement.
pub(crate) fn save(conn: &Connection, photo_id: i64, q: PhotoQuality) -> Result<()> {
    conn.execute(
        "INSERT INTO photo_quality (photo_id, mean_luma, sharpness, measured_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (photo_id) DO UPDATE SET mean_luma = excluded.mean_luma,
             sharpness = excluded.sharpness, measured_at = excluded.measured_at",
        params![photo_id, q.mean_luma, q.sharpness, now()],
    )?;
    Ok(())
}
