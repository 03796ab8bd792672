//! Why: every exported photo is made anew from the stored original: decoded under limits, turned upright,
//! resized for the platform, encoded from pixels (no metadata), then re-read and checked before it counts.

use rayon::prelude::*;

use crate::imaging::{self, redact, PhotoFormat};
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

/// The stored format of a library photo.
pub fn format_of(p: &Photo) -> Result<PhotoFormat> {
    PhotoFormat::parse(&p.format).ok_or_else(|| {
        CoreError::invalid(
            format!("알 수 없는 사진 형식입니다: {}", p.format),
            format!("unknown photo format {}", p.format),
        )
    })
}

/// The stored original of a library photo (opened read-only) and its format.
pub fn stored_original(paths: &StorePaths, p: &Photo) -> Result<(Vec<u8>, PhotoFormat)> {
    let format = format_of(p)?;
    let bytes = store::read_original(&paths.original(&p.hash, format.extension()))?;
    Ok((bytes, format))
}

/// The stored original decoded (under the limits) and turned upright.
pub fn stored_upright(paths: &StorePaths, p: &Photo) -> Result<image::DynamicImage> {
    let (bytes, format) = stored_original(paths, p)?;
    Ok(imaging::decode_upright(&bytes, format, p.orientation)?)
}

/// One photo: original → upright pixels → redaction boxes burned in → resized → boxes burned again at the
/// new size (sharp edges) → clean JPEG (a known colour profile as the app's own copy, an unknown one
/// applied and replaced by sRGB; see `imaging::icc`), verified.
pub fn render_one(paths: &StorePaths, p: &Photo, long_side: u32) -> Result<Vec<u8>> {
    let (original, format) = stored_original(paths, p)?;
    let (decoded, icc) = imaging::decode_with_profile(&original, format)?;
    drop(original);
    let mut upright = imaging::orient(decoded, p.orientation);
    redact::burn(&mut upright, &p.redactions);
    let mut sized = imaging::fit_within(&upright, long_side)?;
    drop(upright);
    redact::burn_rgb(&mut sized, &p.redactions);
    let bytes = imaging::encode_clean_jpeg_with_profile(&sized, imaging::EXPORT_JPEG_QUALITY, icc)?;
    Ok(bytes)
}
