//! Why: the import needs only a thumbnail-sized copy of a photo (the thumbnail and the quality measures), never
//! its full-size pixels; a JPEG decoded at 1/2, 1/4 or 1/8 scale (DCT scaling) skips most of the decode's work
//! and memory. Same limits, panic safety and colour rules as the full decode, which the export still uses.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use image::{DynamicImage, GrayImage, RgbImage};
use jpeg_decoder::{Decoder, PixelFormat as JpegPixels};

use super::decode::{decode, PhotoFormat, MAX_ALLOC, MAX_SIDE};
use super::icc::{self, KnownProfile};
use super::ImageError;

/// A photo decoded for a copy whose long side is `long_side` at most: the pixels (sRGB, as
/// [`decode`](super::decode) gives them) at least that large when the photo is, and the photo's full
/// width and height as stored (before orientation).
pub struct Reduced {
    pub image: DynamicImage,
    pub full_width: u32,
    pub full_height: u32,
}

/// Decodes `bytes` for a copy of at most `long_side` pixels: JPEG at the smallest DCT scale that still
/// gives `long_side` (when the photo is larger), any other format (or a JPEG kind the scaled decoder does
/// not take, such as CMYK) in full.
pub fn decode_reduced(
    bytes: &[u8],
    format: PhotoFormat,
    long_side: u32,
) -> Result<Reduced, ImageError> {
    if format == PhotoFormat::Jpeg {
        let scaled = catch_unwind(AssertUnwindSafe(|| scaled_jpeg(bytes, long_side)))
            .map_err(|_| ImageError::DecoderPanic)??;
        if let Some(reduced) = scaled {
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

/// `None` when this JPEG is better left to the full decoder (a pixel format or coding the scaled decoder
/// does not take).
fn scaled_jpeg(bytes: &[u8], long_side: u32) -> Result<Option<Reduced>, ImageError> {
    let mut decoder = Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size(usize::try_from(MAX_ALLOC).unwrap_or(usize::MAX));
    if let Err(e) = decoder.read_info() {
        return fail(e);
    }
    let Some(info) = decoder.info() else {
        return Ok(None);
    };
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    if w == 0 || h == 0 {
        return Err(ImageError::Corrupt("JPEG of zero size".into()));
    }
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(ImageError::TooLarge {
            width: w,
            height: h,
        });
    }
    if !matches!(info.pixel_format, JpegPixels::RGB24 | JpegPixels::L8) {
        return Ok(None);
    }
    let long = w.max(h);
    if long > long_side {
        // The smallest of 1/8, 1/4, 1/2, 1 whose long side is still at least `long_side`.
        let want = |side: u32| {
            let s = (u64::from(side) * u64::from(long_side)).div_ceil(u64::from(long));
            u16::try_from(s.max(1)).unwrap_or(u16::MAX)
        };
        let (sw, sh) = match decoder.scale(want(w), want(h)) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        if u32::from(sw.max(sh)) < long_side {
            if let Err(e) = decoder.scale(info.width, info.height) {
                return fail(e);
            }
        }
    }
    let pixels = match decoder.decode() {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let Some(info) = decoder.info() else {
        return Ok(None);
    };
    let (sw, sh) = (u32::from(info.width), u32::from(info.height));
    let image = match info.pixel_format {
        JpegPixels::RGB24 => RgbImage::from_raw(sw, sh, pixels).map(DynamicImage::ImageRgb8),
        JpegPixels::L8 => GrayImage::from_raw(sw, sh, pixels).map(DynamicImage::ImageLuma8),
        _ => None,
    };
    let Some(image) = image else {
        return Ok(None);
    };
    let icc = decoder.icc_profile();
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

fn fail<T>(e: jpeg_decoder::Error) -> Result<Option<T>, ImageError> {
    match e {
        jpeg_decoder::Error::Unsupported(_) => Ok(None),
        other => Err(ImageError::Corrupt(other.to_string())),
    }
}
