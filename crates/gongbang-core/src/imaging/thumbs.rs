//! Why: people take screenshots of the window, so a thumbnail of a photo with redaction boxes shows the boxes
//! burned in, exactly as the exported photo will; only the box editor asks for the clean one. The boxes
//! travel in the thumbnail's address (so an address never changes meaning and can be cached for good).

use image::ImageFormat;

use super::{encode, redact, ImageError};
use crate::domain::RedactBox;

/// Most boxes an address may carry (far more than anyone draws on one photo).
const MAX_BOXES: usize = 256;

/// The boxes as one path segment: `x,y,w,h` per box, boxes joined by `_` (plain decimals, exact round
/// trip of the stored fractions). Empty for no boxes.
pub fn boxes_key(boxes: &[RedactBox]) -> String {
    boxes
        .iter()
        .map(|b| format!("{},{},{},{}", b.x, b.y, b.w, b.h))
        .collect::<Vec<_>>()
        .join("_")
}

/// Reads [`boxes_key`] back; `None` for anything that is not a list of valid boxes.
pub fn parse_boxes_key(key: &str) -> Option<Vec<RedactBox>> {
    if key.is_empty() {
        return None;
    }
    let boxes = key
        .split('_')
        .map(|one| {
            let v: Vec<f64> = one
                .split(',')
                .map(|n| n.parse::<f64>().ok())
                .collect::<Option<_>>()?;
            let [x, y, w, h] = v[..] else {
                return None;
            };
            RedactBox { x, y, w, h }.validated().ok()
        })
        .collect::<Option<Vec<_>>>()?;
    (boxes.len() <= MAX_BOXES).then_some(boxes)
}

/// The stored (clean, upright) thumbnail with the boxes burned in at its own size, as a clean JPEG.
pub fn burn_thumbnail(thumb_jpeg: &[u8], boxes: &[RedactBox]) -> Result<Vec<u8>, ImageError> {
    let img = std::panic::catch_unwind(|| {
        image::load_from_memory_with_format(thumb_jpeg, ImageFormat::Jpeg)
    })
    .map_err(|_| ImageError::DecoderPanic)?
    .map_err(|e| ImageError::Corrupt(e.to_string()))?;
    let mut rgb = img.to_rgb8();
    redact::burn_rgb(&mut rgb, boxes);
    encode::encode_thumbnail_jpeg(&rgb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_round_trips_exactly_and_refuses_junk() {
        let boxes = vec![
            RedactBox {
                x: 0.1,
                y: 0.30100000000000005,
                w: 0.25,
                h: 0.5,
            },
            RedactBox {
                x: 0.0000001,
                y: 0.0,
                w: 0.5,
                h: 0.125,
            },
        ];
        let key = boxes_key(&boxes);
        assert!(key
            .bytes()
            .all(|b| b.is_ascii_digit() || b"._,".contains(&b)));
        assert_eq!(parse_boxes_key(&key), Some(boxes));
        for junk in [
            "",
            "1,2,3",
            "0.1,0.1,0.2,0.2_",
            "a,b,c,d",
            "0.5,0.5,0.9,0.9",
            "NaN,0,1,1",
        ] {
            assert_eq!(parse_boxes_key(junk), None, "{junk}");
        }
    }
}
