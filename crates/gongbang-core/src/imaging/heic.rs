//! Why: iPhones save HEIC by default; those photos must import, show upright and export like a JPEG. The
//! decoder is `heifer` (pure Rust, no C/C++ to cross-build for Windows, no `unsafe`), and a HEIC it cannot
//! read is told in plain words with the way out (the iPhone's "Most Compatible" camera setting).

use heifer::heifer_isobmff::boxes::Property;
use heifer::heifer_isobmff::HeifFile;
use image::{DynamicImage, RgbImage, RgbaImage};

use super::ImageError;

/// Largest side accepted, as for the other formats.
const MAX_SIDE: u32 = 16_384;

/// Decodes the primary image of a HEIC (grid tiles, crop, `irot`/`imir` applied: the pixels come back
/// upright) at 8 bits per sample, with its ICC profile when it has one. Without one, the `nclx` colour
/// information (or the HEVC stream's own) is applied here, so the pixels are sRGB.
pub(crate) fn decode(
    bytes: &[u8],
    max_pixels: u64,
) -> Result<(DynamicImage, Option<Vec<u8>>), ImageError> {
    let file = HeifFile::parse(bytes).map_err(|e| ImageError::Corrupt(e.to_string()))?;
    if let Ok(Some((w, h))) = file.image_size(file.primary_id) {
        let (w, h) = if transforms_of(&file).1 {
            (h, w)
        } else {
            (w, h)
        };
        if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > max_pixels {
            return Err(ImageError::TooLarge {
                width: w,
                height: h,
            });
        }
    }
    let icc = file
        .icc_profile(file.primary_id)
        .ok()
        .flatten()
        .map(<[u8]>::to_vec);
    drop(file);
    let options = heifer::Options {
        max_threads: 0,
        max_pixels,
    };
    let decoded = if icc.is_some() {
        heifer::decode_rgba8(bytes, &options)
    } else {
        heifer::decode_srgb_rgba8(bytes, &options)
    }
    .map_err(|e| match e {
        heifer::Error::Container(e) => ImageError::Corrupt(e.to_string()),
        other => ImageError::HeicUnsupported(other.to_string()),
    })?;
    let (w, h) = (decoded.width, decoded.height);
    let img = if decoded.has_alpha {
        RgbaImage::from_raw(w, h, decoded.data).map(DynamicImage::ImageRgba8)
    } else {
        RgbImage::from_raw(w, h, decoded.into_rgb8()).map(DynamicImage::ImageRgb8)
    }
    .ok_or_else(|| ImageError::Corrupt("HEIC pixel buffer of the wrong size".into()))?;
    Ok((img, icc))
}

/// Whether the primary image carries `irot`/`imir`: then the decoder already turns it upright, and the
/// EXIF orientation tag (which iPhones write too, saying the same thing) must not be applied again.
pub(crate) fn has_transforms(bytes: &[u8]) -> bool {
    HeifFile::parse(bytes).is_ok_and(|f| transforms_of(&f).0)
}

/// (any `irot`/`imir`, whether the rotation is a quarter turn so width and height swap).
fn transforms_of(file: &HeifFile<'_>) -> (bool, bool) {
    let Ok(props) = file.item_properties(file.primary_id) else {
        return (false, false);
    };
    let mut any = false;
    let mut swaps = false;
    for p in props {
        match p {
            Property::Rotation(q) => {
                any = true;
                swaps ^= q % 2 == 1;
            }
            Property::Mirror(_) => any = true,
            _ => {}
        }
    }
    (any, swaps)
}
