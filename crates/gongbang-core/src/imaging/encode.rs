//! Why: every image that leaves the library is a new file encoded from pixels, so nothing of the source
//! (EXIF, GPS, serials, embedded previews, trailing bytes) can ride along; each one is re-read and checked.

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage};

use super::{jpeg_segments, ImageError};

/// Quality for exported photos: visually lossless for blog viewing at ~1600 px.
pub const EXPORT_JPEG_QUALITY: u8 = 88;
/// Quality for the window's thumbnails.
pub const THUMB_JPEG_QUALITY: u8 = 80;

/// Encodes `img` as a baseline JPEG with no metadata, then verifies the bytes segment by segment.
pub fn encode_clean_jpeg(img: &RgbImage, quality: u8) -> Result<Vec<u8>, ImageError> {
    encode_clean_jpeg_with_profile(img, quality, None)
}

/// Like [`encode_clean_jpeg`], carrying the source's ICC colour profile (the one thing allowed to stay,
/// so colours do not shift).
pub fn encode_clean_jpeg_with_profile(
    img: &RgbImage,
    quality: u8,
    icc: Option<&[u8]>,
) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::with_capacity((img.width() * img.height() / 4) as usize);
    let mut encoder = JpegEncoder::new_with_quality(&mut out, quality);
    if let Some(icc) = icc {
        encoder
            .set_icc_profile(icc.to_vec())
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
