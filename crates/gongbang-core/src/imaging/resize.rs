//! Why: thumbnails and exported photos are shrunk often; a SIMD convolution resizer keeps it fast and sharp.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, RgbImage};

use super::ImageError;

/// Shrinks `img` so its long side is at most `max_side` (never enlarges), flattening any alpha onto white.
pub fn fit_within(img: &DynamicImage, max_side: u32) -> Result<RgbImage, ImageError> {
    // RGB pixels are read where they are (no full-size copy before shrinking).
    let converted;
    let src = match img {
        DynamicImage::ImageRgb8(rgb) => rgb,
        other => {
            converted = to_rgb8_on_white(other);
            &converted
        }
    };
    let (w, h) = src.dimensions();
    let long = w.max(h);
    if long <= max_side || max_side == 0 {
        return Ok(src.clone());
    }
    let scale = f64::from(max_side) / f64::from(long);
    let nw = ((f64::from(w) * scale).round() as u32).max(1);
    let nh = ((f64::from(h) * scale).round() as u32).max(1);
    let mut dst = RgbImage::new(nw, nh);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(src, &mut dst, &options)
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(dst)
}

/// Converts to 8-bit RGB; transparent areas become white (JPEG has no alpha, and white reads as paper).
fn to_rgb8_on_white(img: &DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.to_rgb8();
    }
    let rgba = img.to_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(p[3]);
        for c in 0..3 {
            o[c] = ((u16::from(p[c]) * a + 255 * (255 - a)) / 255) as u8;
        }
    }
    out
}

/// Resizes to exactly `width` × `height` (the caller keeps the aspect), Lanczos3 for shrinking, bilinear
/// when enlarging (no ringing on blown-up backgrounds).
pub fn resize_exact(src: &RgbImage, width: u32, height: u32) -> Result<RgbImage, ImageError> {
    let mut dst = RgbImage::new(width.max(1), height.max(1));
    let filter = if width >= src.width() {
        FilterType::Bilinear
    } else {
        FilterType::Lanczos3
    };
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(filter));
    Resizer::new()
        .resize(src, &mut dst, &options)
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(dst)
}
