//! Why: every exported photo is made anew from the stored original: decoded under limits, turned upright,
//! resized for the platform, encoded from pixels (no metadata), then re-read and checked before it counts.
//! The shop's logo mark, when the owner turned it on, goes on after the boxes and never over one.

use rayon::prelude::*;

use crate::domain::{LogoWatermark, Photo};
use crate::imaging::watermark::{self, Logo};
use crate::imaging::{self, redact, stored_original};
use crate::library::StorePaths;
use crate::Result;

/// Long side of blog photos, in pixels.
pub const BLOG_LONG_SIDE: u32 = 1600;

/// The logo and how the owner wants it on the photos.
pub struct Mark<'a> {
    pub logo: &'a Logo,
    pub settings: LogoWatermark,
}

/// One rendered photo: its JPEG bytes, and whether the mark was wanted but left off (every corner had a
/// redaction box).
pub struct Rendered {
    pub jpeg: Vec<u8>,
    pub mark_left_off: bool,
}

/// Renders the photos in order into clean JPEG bytes, with the mark when `mark` is given.
pub fn render_all(
    paths: &StorePaths,
    photos: &[Photo],
    long_side: u32,
    mark: Option<&Mark<'_>>,
) -> Result<Vec<Rendered>> {
    photos
        .par_iter()
        .map(|p| render_marked(paths, p, long_side, mark))
        .collect()
}

/// One photo: original → upright pixels → redaction boxes burned in → resized → boxes burned again at the
/// new size (sharp edges) → clean JPEG (a known colour profile as the app's own copy, an unknown one
/// applied and replaced by sRGB; see `imaging::icc`), verified.
pub fn render_one(paths: &StorePaths, p: &Photo, long_side: u32) -> Result<Vec<u8>> {
    Ok(render_marked(paths, p, long_side, None)?.jpeg)
}

/// [`render_one`] with the shop's logo mark laid on after the boxes, in a corner clear of every box
/// (`imaging::watermark::place`); the boxes are burned once more last, so nothing can sit over one.
pub fn render_marked(
    paths: &StorePaths,
    p: &Photo,
    long_side: u32,
    mark: Option<&Mark<'_>>,
) -> Result<Rendered> {
    let (original, format) = stored_original(paths, p)?;
    let (decoded, icc) = imaging::decode_with_profile(&original, format)?;
    drop(original);
    let mut upright = imaging::orient(decoded, p.orientation);
    redact::burn(&mut upright, &p.redactions);
    let mut sized = imaging::fit_within(&upright, long_side)?;
    drop(upright);
    redact::burn_rgb(&mut sized, &p.redactions);
    let mut mark_left_off = false;
    if let Some(m) = mark.filter(|m| m.settings.on) {
        // The logo in the photo's own colours (a kept Display P3 / Adobe RGB profile), then blended.
        let logo = m.logo.for_profile(icc)?;
        let placed = watermark::apply(&mut sized, &logo, &m.settings, &p.redactions)?;
        mark_left_off = placed.is_none();
        redact::burn_rgb(&mut sized, &p.redactions);
    }
    let jpeg = imaging::encode_clean_jpeg_with_profile(&sized, imaging::EXPORT_JPEG_QUALITY, icc)?;
    Ok(Rendered {
        jpeg,
        mark_left_off,
    })
}
