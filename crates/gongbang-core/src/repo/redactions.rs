//! Why: the boxes the owner drew over what must not show, stored per photo as fractions of the upright
//! photo so they hold at any export size.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::guard_log::{self, LogKind, NewEntry};
use crate::{CoreError, Result};

/// One box: left, top, width, height as fractions (0–1) of the upright photo.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RedactBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Slack for fractions that went through JSON and floating point (x + w may be 1.0000000001).
const EPS: f64 = 1e-6;

impl RedactBox {
    /// A box that lies inside the photo and has an area; otherwise a message saying what is wrong.
    pub fn validated(self) -> Result<Self> {
        let finite = [self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite());
        let inside = finite
            && self.x >= 0.0
            && self.y >= 0.0
            && self.w > 0.0
            && self.h > 0.0
            && self.x + self.w <= 1.0 + EPS
            && self.y + self.h <= 1.0 + EPS;
        if !inside {
            return Err(CoreError::invalid(
                format!(
                    "가릴 영역이 사진 밖에 있거나 크기가 없습니다 (x {}, y {}, 너비 {}, 높이 {}). 0에서 1 사이의 비율로 적어 주세요.",
                    self.x, self.y, self.w, self.h
                ),
                format!(
                    "The box to cover lies outside the photo or has no size (x {}, y {}, w {}, h {}). Use fractions from 0 to 1.",
                    self.x, self.y, self.w, self.h
                ),
            ));
        }
        Ok(RedactBox {
            w: self.w.min(1.0 - self.x),
            h: self.h.min(1.0 - self.y),
            ..self
        })
    }

    /// The pixel rectangle (left, top, right, bottom; right/bottom exclusive) this box covers in a
    /// `width` × `height` image, rounded outwards so that nothing under the box's edge survives.
    pub fn pixel_rect(&self, width: u32, height: u32) -> (u32, u32, u32, u32) {
        let (fw, fh) = (f64::from(width), f64::from(height));
        let clamp = |v: f64, max: u32| (v.max(0.0) as u32).min(max);
        let left = clamp((self.x * fw + EPS).floor(), width);
        let top = clamp((self.y * fh + EPS).floor(), height);
        // Float noise (0.101 + 0.2 = 0.30100000000000005) must not add a pixel column.
        let right = clamp(((self.x + self.w) * fw - EPS).ceil(), width);
        let bottom = clamp(((self.y + self.h) * fh - EPS).ceil(), height);
        (left, top, right, bottom)
    }
}

impl RedactBox {
    /// The same box, up to the noise of JSON and floating point.
    fn same_as(&self, o: &RedactBox) -> bool {
        [self.x - o.x, self.y - o.y, self.w - o.w, self.h - o.h]
            .iter()
            .all(|d| d.abs() <= EPS)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_rect_rounds_outwards_and_clamps() {
        let b = RedactBox {
            x: 0.101,
            y: 0.0,
            w: 0.2,
            h: 1.0,
        };
        assert_eq!(b.pixel_rect(1000, 10), (101, 0, 301, 10));
        let tiny = RedactBox {
            x: 0.5004,
            y: 0.5004,
            w: 0.0001,
            h: 0.0001,
        };
        let (l, t, r, bt) = tiny.pixel_rect(100, 100);
        assert!(r > l && bt > t, "a tiny box still covers a pixel");
    }

    #[test]
    fn boxes_outside_the_photo_are_refused() {
        for b in [
            (-0.1, 0.0, 0.5, 0.5),
            (0.6, 0.0, 0.5, 0.5),
            (0.0, 0.0, 0.0, 0.5),
            (f64::NAN, 0.0, 0.1, 0.1),
        ] {
            let r = RedactBox {
                x: b.0,
                y: b.1,
                w: b.2,
                h: b.3,
            };
            assert!(r.validated().is_err(), "{b:?}");
        }
    }
}
