//! Why: every exported photo is made anew from the stored original: decoded under limits, turned upright,
//! resized for the platform, encoded from pixels (no metadata), then re-read and checked before it counts.

use rayon::prelude::*;

use crate::domain::Photo;
use crate::imaging::{self, redact, stored_original};
use crate::library::StorePaths;
use crate::Result;

/// Long side of blog photos, in pixels.
pub const BLOG_LONG_SIDE: u32 = 1600;

/// Renders the photos in order into clean JPEG bytes.
pub fn render_all(paths: &StorePaths, photos: &[Photo], long_side: u32) -> Result<Vec<Vec<u8>>> {
    photos
        .par_iter()
        .map(|p| render_one(paths, p, long_side))
        .collect()
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
