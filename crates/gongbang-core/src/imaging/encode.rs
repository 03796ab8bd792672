//! Why: every image that leaves the library is a new file encoded from pixels, so nothing of the source
//! (EXIF, GPS, serials, embedded previews, trailing bytes) can ride along; each one is re-read and checked.

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage};

use super::{jpeg_segments, ImageError, KnownProfile};

/// Quality for exported photos: visually lossless for blog viewing at ~1600 px.
pub const EXPORT_JPEG_QUALITY: u8 = 88;
/// Quality for the window's thumbnails.
pub const THUMB_JPEG_QUALITY: u8 = 80;

/// Encodes `img` as a baseline JPEG with no metadata, then verifies the bytes segment by segment.
pub fn encode_clean_jpeg(img: &RgbImage, quality: u8) -> Result<Vec<u8>, ImageError> {
    encode_clean_jpeg_with_profile(img, quality, None)
}

/// Like [`encode_clean_jpeg`], with the app's own canonical copy of a known colour profile (so colours do
/// not shift); never a source's profile bytes.
pub fn encode_clean_jpeg_with_profile(
    img: &RgbImage,
    quality: u8,
    profile: Option<KnownProfile>,
) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::with_capacity((img.width() * img.height() / 4) as usize);
    let mut encoder = JpegEncoder::new_with_quality(&mut out, quality);
    if let Some(profile) = profile {
        encoder
            .set_icc_profile(profile.icc_bytes().to_vec())
            .map_err(|e| ImageError::Encode(e.to_string()))?;
    }
    encoder
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    jpeg_segments::verify_clean(&out).map_err(ImageError::Verify)?;
    Ok(out)
}
