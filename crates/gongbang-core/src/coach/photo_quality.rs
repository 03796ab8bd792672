//! Why: a dark or blurry photo loses the buyer at a glance; the coach flags it from two numbers measured on
//! a 512-px grey copy of the upright photo — mean luminance (dark) and the variance of the Laplacian (blur:
//! a sharp photo has strong edges, so its second derivative varies a lot).

use image::DynamicImage;

use crate::domain::{Photo, PhotoQuality};
use crate::imaging::{self, stored_upright, ImageError};
use crate::library::Library;
use crate::repo::photo_quality;
use crate::Result;

/// The long side of the grey copy that is measured.
pub const MEASURE_SIDE: u32 = 512;
/// Below this mean luma (0–255) a photo is too dark.
pub const DARK_LUMA: f64 = 45.0;
/// Below this variance of the Laplacian a photo is too blurry.
pub const BLURRY_SHARPNESS: f64 = 40.0;

impl PhotoQuality {
    pub fn is_dark(&self) -> bool {
        self.mean_luma < DARK_LUMA
    }

    pub fn is_blurry(&self) -> bool {
        self.sharpness < BLURRY_SHARPNESS
    }
}

/// Measures an image (any orientation: both numbers are the same for a turned photo).
pub fn measure(img: &DynamicImage) -> std::result::Result<PhotoQuality, ImageError> {
    let small = imaging::fit_within(img, MEASURE_SIDE)?;
    let (w, h) = small.dimensions();
    let grey: Vec<f64> = small
        .pixels()
        .map(|p| 0.2126 * f64::from(p[0]) + 0.7152 * f64::from(p[1]) + 0.0722 * f64::from(p[2]))
        .collect();
    let n = grey.len().max(1) as f64;
    let mean_luma = grey.iter().sum::<f64>() / n;
    let (w, h) = (w as usize, h as usize);
    let mut lap = Vec::with_capacity(w.saturating_sub(2) * h.saturating_sub(2));
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let c = grey[y * w + x];
            lap.push(
                grey[(y - 1) * w + x]
                    + grey[(y + 1) * w + x]
                    + grey[y * w + x - 1]
                    + grey[y * w + x + 1]
                    - 4.0 * c,
            );
        }
    }
    let sharpness = if lap.is_empty() {
        0.0
    } else {
        let m = lap.iter().sum::<f64>() / lap.len() as f64;
        lap.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / lap.len() as f64
    };
    Ok(PhotoQuality {
        mean_luma,
        sharpness,
    })
}

/// The photo's stored measurement, measured now (and stored) when it has none. `None` when the stored
/// original cannot be read (the coach then says nothing about it).
pub fn quality_of(lib: &Library, photo: &Photo) -> Result<Option<PhotoQuality>> {
    if let Some(q) = photo_quality::get(lib.conn(), photo.id)? {
        return Ok(Some(q));
    }
    let Ok(upright) = stored_upright(&Library::store_paths(lib.root()), photo) else {
        return Ok(None);
    };
    let Ok(q) = measure(&upright) else {
        return Ok(None);
    };
    photo_quality::save(lib.conn(), photo.id, q)?;
    Ok(Some(q))
}
