//! Why: the import needs only a thumbnail-sized copy of a photo (the thumbnail and the quality measures), never
//! its full-size pixels; a JPEG decoded by libjpeg-turbo's scaled IDCT (any n/8 of its size) skips most of
//! the decode's work and memory. Same limits, panic safety and colour rules as the full decode, which the
//! export still uses.

use std::panic::{catch_unwind, AssertUnwindSafe};

use image::{DynamicImage, GrayImage, RgbImage};
use mozjpeg::{ColorSpace as JpegSpace, Decompress, Marker};

use super::decode::{decode, PhotoFormat, MAX_SIDE};
use super::icc::{self, KnownProfile};
use super::ImageError;

/// The APP2 identifier of an embedded ICC profile chunk (then a chunk number and a chunk count).
const ICC_IDENT: &[u8] = b"ICC_PROFILE\0";

/// A photo decoded for a copy whose long side is `long_side` at most: the pixels (sRGB, as
/// [`decode`](super::decode) gives them) at least that large when the photo is, and the photo's full
/// width and height as stored (before orientation).
pub struct Reduced {
    pub image: DynamicImage,
    pub full_width: u32,
    pub full_height: u32,
}

/// Decodes `bytes` for a copy of at most `long_side` pixels: JPEG at the smallest n/8 scale that still
/// gives `long_side` (when the photo is larger), any other format (or a JPEG kind the scaled decoder is not
/// used for, such as CMYK) in full.
pub fn decode_reduced(
    bytes: &[u8],
    format: PhotoFormat,
    long_side: u32,
) -> Result<Reduced, ImageError> {
    if format == PhotoFormat::Jpeg {
        // libjpeg reports a fatal error by unwinding out of the C code (the `mozjpeg` crate's error
        // manager); that, and any panic, ends here as an error.
        let scaled = catch_unwind(AssertUnwindSafe(|| scaled_jpeg(bytes, long_side)))
            .map_err(|payload| ImageError::Corrupt(panic_text(payload.as_ref())))?;
        if let Some(reduced) = scaled? {
            return Ok(reduced);
        }
    }
    let image = decode(bytes, format)?;
    Ok(Reduced {
        full_width: image.width(),
        full_height: image.height(),
        image,
    })
}

/// The n of the smallest n/8 scale whose long side (libjpeg rounds up) is still at least `long_side`.
fn scale_eighths(long: u32, long_side: u32) -> u8 {
    (1..8u8)
        .find(|&n| (u64::from(long) * u64::from(n)).div_ceil(8) >= u64::from(long_side))
        .unwrap_or(8)
}

/// `None` when this JPEG is better left to the full decoder (CMYK, YCCK or another colour space).
fn scaled_jpeg(bytes: &[u8], long_side: u32) -> Result<Option<Reduced>, ImageError> {
    let mut jpeg = Decompress::with_markers(&[Marker::APP(2)])
        .from_mem(bytes)
        .map_err(|e| ImageError::Corrupt(e.to_string()))?;
    let (w, h) = (jpeg.width(), jpeg.height());
    let (w, h) = (
        u32::try_from(w).unwrap_or(u32::MAX),
        u32::try_from(h).unwrap_or(u32::MAX),
    );
    if w == 0 || h == 0 {
        return Err(ImageError::Corrupt("JPEG of zero size".into()));
    }
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(ImageError::TooLarge {
            width: w,
            height: h,
        });
    }
    let grey = match jpeg.color_space() {
        JpegSpace::JCS_GRAYSCALE => true,
        JpegSpace::JCS_YCbCr | JpegSpace::JCS_RGB => false,
        _ => return Ok(None),
    };
    let long = w.max(h);
    if long > long_side {
        jpeg.scale(scale_eighths(long, long_side));
    }
    let icc = icc_profile(&jpeg);
    let mut started = if grey { jpeg.grayscale() } else { jpeg.rgb() }
        .map_err(|e| ImageError::Corrupt(e.to_string()))?;
    let (sw, sh) = (started.width(), started.height());
    let pixels: Vec<u8> = started
        .read_scanlines()
        .map_err(|e| ImageError::Corrupt(e.to_string()))?;
    started
        .finish()
        .map_err(|e| ImageError::Corrupt(e.to_string()))?;
    let (sw, sh) = (
        u32::try_from(sw).unwrap_or(0),
        u32::try_from(sh).unwrap_or(0),
    );
    let image = if grey {
        GrayImage::from_raw(sw, sh, pixels).map(DynamicImage::ImageLuma8)
    } else {
        RgbImage::from_raw(sw, sh, pixels).map(DynamicImage::ImageRgb8)
    };
    let Some(image) = image else {
        return Err(ImageError::Corrupt(
            "the JPEG decoder gave short pixels".into(),
        ));
    };
    let image = match icc::settle(image, icc.as_deref()) {
        (img, None | Some(KnownProfile::Srgb)) => img,
        (img, Some(known)) => icc::known_to_srgb(img, known),
    };
    Ok(Some(Reduced {
        image,
        full_width: w,
        full_height: h,
    }))
}

/// The embedded ICC profile: the `ICC_PROFILE` APP2 chunks joined in their numbered order (`None` when
/// there is none or the chunks are not a whole set).
fn icc_profile<R>(jpeg: &Decompress<R>) -> Option<Vec<u8>> {
    let mut chunks: Vec<(u8, &[u8])> = jpeg
        .markers()
        .filter(|m| m.marker == Marker::APP(2))
        .filter_map(|m| {
            let rest = m.data.strip_prefix(ICC_IDENT)?;
            let (&[seq, _count], data) = rest.split_first_chunk::<2>()?;
            Some((seq, data))
        })
        .collect();
    if chunks.is_empty() {
        return None;
    }
    chunks.sort_by_key(|&(seq, _)| seq);
    let whole = chunks
        .iter()
        .enumerate()
        .all(|(i, &(seq, _))| usize::from(seq) == i + 1);
    whole.then(|| chunks.iter().flat_map(|&(_, d)| d).copied().collect())
}

/// The message of a decoder's fatal error (libjpeg's, carried as the unwind's payload).
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("the JPEG decoder stopped")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::scale_eighths;

    #[test]
    fn the_scale_is_the_smallest_that_still_covers_the_side() {
        assert_eq!(scale_eighths(3264, 720), 2); // 816
        assert_eq!(scale_eighths(2048, 720), 3); // 768
        assert_eq!(scale_eighths(5760, 720), 1); // 720
        assert_eq!(scale_eighths(5761, 720), 1); // 721 (rounded up)
        assert_eq!(scale_eighths(1000, 720), 6); // 750
        assert_eq!(scale_eighths(721, 720), 8);
    }
}
