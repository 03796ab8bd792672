//! Why: the boxes the owner drew over what must not show, as fractions of the upright photo so they hold
//! at any export size; the box's own rules (inside the photo, pixels it covers) live with it. Plain data:
//! `repo::redactions` stores them.

use serde::{Deserialize, Serialize};

use crate::{CoreError, Result};

/// One box: left, top, width, height as fractions (0–1) of the upright photo.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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
    pub(crate) fn same_as(&self, o: &RedactBox) -> bool {
        [self.x - o.x, self.y - o.y, self.w - o.w, self.h - o.h]
            .iter()
            .all(|d| d.abs() <= EPS)
    }
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
