//! Why: every exported photo is made anew from the stored original: decoded under limits, turned upright,
//! resized for the platform, encoded from pixels (no metadata), then re-read and checked before it counts.

use rayon::prelude::*;

use crate::imaging::{self, PhotoFormat};
use crate::library::StorePaths;
use crate::repo::photos::Photo;
use crate::{store, CoreError, Result};

/// Long side of blog photos, in pixels.
pub const BLOG_LONG_SIDE: u32 = 1600;

/// Renders the photos in order into clean JPEG bytes.
pub fn render_all(paths: &StorePaths, photos: &[Photo], long_side: u32) -> Result<Vec<Vec<u8>>> {
    photos
        .par_iter()
        .map(|p| render_one(paths, p, long_side))
        .collect()
}

fn format_of(p: &Photo) -> Result<PhotoFormat> {
    PhotoFormat::parse(&p.format).ok_or_else(|| {
        CoreError::invalid(
            format!("알 수 없는 사진 형식입니다: {}", p.format),
            format!("unknown photo format {}", p.format),
        )
    })
}

/// One photo: original → upright pixels → resized → clean JPEG, verified.
pub fn render_one(paths: &StorePaths, p: &Photo, long_side: u32) -> Result<Vec<u8>> {
    let format = format_of(p)?;
    let original = store::read_original(&paths.original(&p.hash, format.extension()))?;
    let upright = imaging::decode_upright(&original, format, p.orientation)?;
    let sized = imaging::fit_within(&upright, long_side)?;
    drop(upright);
    let bytes = imaging::encode_clean_jpeg(&sized, imaging::EXPORT_JPEG_QUALITY)?;
    Ok(bytes)
}
