//! Why: the shop's logo goes on end cards and posts; the owner's file is never kept as it is — it is
//! decoded (under limits, panics contained), shrunk to at most 512 px and re-encoded as a PNG that carries
//! pixels only (no EXIF, no text chunks, no colour profile).

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{ImageEncoder, ImageReader, Limits};
use rusqlite::Connection;

use crate::repo::shop_profile::{self, ShopProfile};
use crate::{CoreError, Result};

/// The logo's longest side after import.
pub const LOGO_MAX_SIDE: u32 = 512;
/// A logo file larger than this is refused before decoding.
pub const LOGO_MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

fn unreadable(detail: impl std::fmt::Display) -> CoreError {
    CoreError::invalid(
        format!("로고 그림을 읽을 수 없습니다 (JPEG, PNG, WebP, TIFF만 됩니다): {detail}"),
        format!("The logo could not be read (JPEG, PNG, WebP or TIFF only): {detail}"),
    )
}

/// Turns any image the decoders read into the stored logo: ≤ 512 px on its longest side, PNG, no metadata.
pub fn clean_logo_png(bytes: &[u8]) -> Result<Vec<u8>> {
    let decoded = catch_unwind(AssertUnwindSafe(|| {
        let mut reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| e.to_string())?;
        let mut limits = Limits::default();
        limits.max_image_width = Some(16_384);
        limits.max_image_height = Some(16_384);
        limits.max_alloc = Some(512 * 1024 * 1024);
        reader.limits(limits);
        reader.decode().map_err(|e| e.to_string())
    }))
    .map_err(|_| unreadable("decoder failure"))?
    .map_err(unreadable)?;
    let img = if decoded.width().max(decoded.height()) > LOGO_MAX_SIDE {
        decoded.resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, FilterType::Lanczos3)
    } else {
        decoded
    };
    let mut out = Vec::new();
    let encoder = PngEncoder::new(&mut out);
    let result = if img.color().has_alpha() {
        let rgba = img.to_rgba8();
        encoder.write_image(
            rgba.as_raw(),
            rgba.width(),
            rgba.height(),
            image::ExtendedColorType::Rgba8,
        )
    } else {
        let rgb = img.to_rgb8();
        encoder.write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            image::ExtendedColorType::Rgb8,
        )
    };
    result.map_err(|e| {
        CoreError::invalid(
            format!("로고를 저장하지 못했습니다: {e}"),
            format!("The logo could not be saved: {e}"),
        )
    })?;
    Ok(out)
}

/// Reads an image file, stores it as the shop's logo (see [`clean_logo_png`]) and returns the profile.
pub fn import_logo(conn: &Connection, path: &Path) -> Result<ShopProfile> {
    let size = std::fs::metadata(path)
        .map_err(|e| CoreError::io(path, e))?
        .len();
    if size > LOGO_MAX_FILE_BYTES {
        return Err(CoreError::invalid(
            "로고 파일이 너무 큽니다 (50MB까지).",
            "The logo file is too large (50 MB at most).",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| CoreError::io(path, e))?;
    let png = clean_logo_png(&bytes)?;
    shop_profile::set_logo(conn, Some(&png))
}

/// Removes the logo.
pub fn clear_logo(conn: &Connection) -> Result<ShopProfile> {
    shop_profile::set_logo(conn, None)
}
