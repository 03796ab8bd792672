//! Why: every reader of a library photo's pixels (the exports, the video, the thumbnail, the coach's quality
//! check, the guard's metadata report) starts from the stored original, opened read-only and decoded under
//! the limits; one place, so none of them reads it differently.

use crate::domain::Photo;
use crate::imaging::{self, PhotoFormat};
use crate::library::StorePaths;
use crate::{store, CoreError, Result};

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
