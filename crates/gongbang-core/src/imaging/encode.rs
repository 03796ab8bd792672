//! Why: every image that leaves the library is a new file encoded from pixels, so nothing of the source
//! (EXIF, GPS, serials, embedded previews, trailing bytes) can ride along; each one is re-read and checked.

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage};

use super::{jpeg_segments, ImageError, KnownProfile};

/// Quality for exported photos: visually lossless for blog viewing at ~1600 px.
pub const EXPORT_JPEG_QUALITY: u8 = 88;
/// Quality for the window's thumbnails.
pub const THUMB_JPEG_QUALITY: u8 = 80;

/// Encodes a thumbnail (the window's, made on every import) as a baseline JPEG with no metadata, with
/// libjpeg-turbo's SIMD encoder (several times faster than the pure-Rust one at this size), then verifies
/// the bytes segment by segment.
pub fn encode_thumbnail_jpeg(img: &RgbImage) -> Result<Vec<u8>, ImageError> {
    let (w, h) = (img.width() as usize, img.height() as usize);
    let out = std::panic::catch_unwind(|| -> std::io::Result<Vec<u8>> {
        let mut c = mozjpeg::Compress::new(mozjpeg::ColorSpace::JCS_RGB);
        c.set_size(w, h);
        // libjpeg-turbo's own settings (baseline, no trellis), then the quality; optimised Huffman tables.
        c.set_fastest_defaults();
        c.set_quality(f32::from(THUMB_JPEG_QUALITY));
        c.set_optimize_coding(true);
        // No chroma subsampling: a burned-in redaction box stays black to its edge (4:2:0's 16-px colour
        // blocks would tint it), at a few kB more per thumbnail.
        c.set_chroma_sampling_pixel_sizes((1, 1), (1, 1));
        let mut started = c.start_compress(Vec::with_capacity(w * h / 4))?;
        started.write_scanlines(img.as_raw())?;
        started.finish()
    })
    .map_err(|_| ImageError::Encode("the JPEG encoder stopped".into()))?
    .map_err(|e| ImageError::Encode(e.to_string()))?;
    jpeg_segments::verify_clean(&out).map_err(ImageError::Verify)?;
    Ok(out)
}

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
