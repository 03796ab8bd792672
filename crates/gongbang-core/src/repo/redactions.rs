//! Why: the boxes the owner drew over what must not show, stored per photo as fractions of the upright
//! photo so they hold at any export size.

use rusqlite::{params, Connection};

use super::guard_log::{self, LogKind, NewEntry};
use crate::{CoreError, Result};

pub use crate::domain::redaction::RedactBox;

/// The boxes stored for a photo, in order.
pub fn for_photo(conn: &Connection, photo_id: i64) -> Result<Vec<RedactBox>> {
    let mut stmt =
        conn.prepare("SELECT x, y, w, h FROM redactions WHERE photo_id = ?1 ORDER BY position")?;
    let rows = stmt.query_map([photo_id], |r| {
        Ok(RedactBox {
            x: r.get(0)?,
            y: r.get(1)?,
            w: r.get(2)?,
            h: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn validated_all(conn: &Connection, photo_id: i64, boxes: &[RedactBox]) -> Result<Vec<RedactBox>> {
    if !super::photos::exists(conn, photo_id)? {
        return Err(CoreError::NoSuchPhoto(photo_id));
    }
    boxes.iter().map(|b| b.validated()).collect()
}

fn write_all(tx: &Connection, photo_id: i64, boxes: &[RedactBox]) -> Result<()> {
    tx.execute("DELETE FROM redactions WHERE photo_id = ?1", [photo_id])?;
    for (i, b) in boxes.iter().enumerate() {
        tx.execute(
            "INSERT INTO redactions (photo_id, position, x, y, w, h) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![photo_id, i as i64, b.x, b.y, b.w, b.h],
        )?;
    }
    Ok(())
}

/// Replaces the boxes of a photo (in one transaction), as the window's box editor does. Every box that was
/// there and is no longer (removed, or moved: its old place uncovered) goes into the guard log with its
/// coordinates, once per job the photo is in (or once for the library when it is in none).
pub fn set(conn: &mut Connection, photo_id: i64, boxes: &[RedactBox]) -> Result<Vec<RedactBox>> {
    let boxes = validated_all(conn, photo_id, boxes)?;
    let tx = conn.transaction()?;
    let old = for_photo(&tx, photo_id)?;
    write_all(&tx, photo_id, &boxes)?;
    let mut kept = vec![false; boxes.len()];
    for b in &old {
        match (0..boxes.len()).find(|&i| !kept[i] && boxes[i].same_as(b)) {
            Some(i) => kept[i] = true,
            None => log_removed(&tx, photo_id, b)?,
        }
    }
    tx.commit()?;
    Ok(boxes)
}

/// Adds boxes to those a photo has (the command line's `--redact`): nothing drawn before is lost, and a box
/// the photo already has is not added twice. Returns every box of the photo.
pub fn add(conn: &mut Connection, photo_id: i64, boxes: &[RedactBox]) -> Result<Vec<RedactBox>> {
    let boxes = validated_all(conn, photo_id, boxes)?;
    let tx = conn.transaction()?;
    let mut all = for_photo(&tx, photo_id)?;
    for b in boxes {
        if !all.iter().any(|o| o.same_as(&b)) {
            all.push(b);
        }
    }
    write_all(&tx, photo_id, &all)?;
    tx.commit()?;
    Ok(all)
}

fn log_removed(tx: &Connection, photo_id: i64, b: &RedactBox) -> Result<()> {
    let name = super::photos::get(tx, photo_id)?
        .map(|p| p.original_name)
        .unwrap_or_default();
    let ko = format!(
        "가림 상자를 뺌: {photo_id}번 사진 '{name}', x {:.4}, y {:.4}, 너비 {:.4}, 높이 {:.4}",
        b.x, b.y, b.w, b.h
    );
    let en = format!(
        "Redaction box removed: photo {photo_id} '{name}', x {:.4}, y {:.4}, w {:.4}, h {:.4}",
        b.x, b.y, b.w, b.h
    );
    let jobs: Vec<i64> = {
        let mut stmt =
            tx.prepare("SELECT job_id FROM job_photos WHERE photo_id = ?1 ORDER BY job_id")?;
        let rows = stmt.query_map([photo_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let targets: Vec<Option<i64>> = if jobs.is_empty() {
        vec![None]
    } else {
        jobs.into_iter().map(Some).collect()
    };
    for job_id in targets {
        guard_log::append_entry(
            tx,
            &NewEntry {
                job_id,
                photo_id: Some(photo_id),
                ..NewEntry::new(LogKind::BoxRemoved, (&ko, &en))
            },
        )?;
    }
    Ok(())
}

/// SQL that yields a photo's boxes as a JSON array, for the photo queries (`p` is the photos alias).
pub(crate) const BOXES_JSON_SQL: &str =
    "(SELECT json_group_array(json_object('x', x, 'y', y, 'w', w, 'h', h)) \
      FROM (SELECT x, y, w, h FROM redactions r WHERE r.photo_id = p.id ORDER BY position))";

/// Reads the JSON made by [`BOXES_JSON_SQL`].
pub(crate) fn parse_boxes(json: Option<String>) -> Vec<RedactBox> {
    json.and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}
