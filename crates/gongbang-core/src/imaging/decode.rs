//! Why: photos come from anywhere; decoding must be bounded (a lying header cannot exhaust memory), must
//! survive a decoder panic, and must always hand back upright pixels.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::icc::{self, KnownProfile};
use super::ImageError;

/// Largest side we accept: well above any phone or DSLR photo (a 100 MP sensor is ~12,000 px wide).
pub(super) const MAX_SIDE: u32 = 16_384;
/// Largest allocation one decode may make: a 100 MP RGBA photo fits, a forged header does not.
pub(super) const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// The photo formats the app takes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    Jpeg,
    Png,
    WebP,
    Tiff,
    /// HEIF with HEVC pictures: the iPhone's default ("high efficiency"), decoded by `heifer` (pure Rust).
    Heic,
}

impl PhotoFormat {
    /// File extension used in the library's store.
    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpg",
            PhotoFormat::Png => "png",
            PhotoFormat::WebP => "webp",
            PhotoFormat::Tiff => "tiff",
            PhotoFormat::Heic => "heic",
        }
    }

    /// The format named by its database name.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "jpeg" => PhotoFormat::Jpeg,
            "png" => PhotoFormat::Png,
            "webp" => PhotoFormat::WebP,
            "tiff" => PhotoFormat::Tiff,
            "heic" => PhotoFormat::Heic,
            _ => return None,
        })
    }

    /// Name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpeg",
            PhotoFormat::Png => "png",
            PhotoFormat::WebP => "webp",
            PhotoFormat::Tiff => "tiff",
            PhotoFormat::Heic => "heic",
        }
    }

    /// The `image` crate's decoder for this format; `None` for HEIC, which `heifer` decodes.
    pub(crate) fn image_format(self) -> Option<ImageFormat> {
        Some(match self {
            PhotoFormat::Jpeg => ImageFormat::Jpeg,
            PhotoFormat::Png => ImageFormat::Png,
            PhotoFormat::WebP => ImageFormat::WebP,
            PhotoFormat::Tiff => ImageFormat::Tiff,
            PhotoFormat::Heic => return None,
        })
    }
}

/// Tells the format from the file's first bytes (never from its name).
pub fn sniff_format(bytes: &[u8]) -> Result<PhotoFormat, ImageError> {
    if bytes.is_empty() {
        return Err(ImageError::Empty);
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok(PhotoFormat::Jpeg),
        Ok(ImageFormat::Png) => Ok(PhotoFormat::Png),
        Ok(ImageFormat::WebP) => Ok(PhotoFormat::WebP),
        Ok(ImageFormat::Tiff) => Ok(PhotoFormat::Tiff),
        Ok(other) => Err(ImageError::Unsupported(
            other
                .extensions_str()
                .first()
                .copied()
                .unwrap_or("?")
                .to_uppercase(),
        )),
        Err(_) => sniff_heif(bytes).ok_or(ImageError::NotAnImage)?,
    }
}

/// An ISO-BMFF file (`ftyp` box): HEIC when its brands say HEVC-coded HEIF, else a HEIF/AVIF kind the app
/// cannot read. `None` when it is no such file.
fn sniff_heif(bytes: &[u8]) -> Option<Result<PhotoFormat, ImageError>> {
    if bytes.len() < 12 || &bytes[4..8] != b"ftyp" {
        return None;
    }
    let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let end = size.clamp(12, bytes.len().min(4096));
    let major = &bytes[8..12];
    // The compatible brands follow the major brand and its version.
    let compatible = bytes.get(16..end).unwrap_or_default().chunks_exact(4);
    let brands: Vec<&[u8]> = std::iter::once(major).chain(compatible).collect();
    let hevc = |b: &&[u8]| matches!(*b, b"heic" | b"heix" | b"heim" | b"heis");
    let avif = |b: &&[u8]| matches!(*b, b"avif" | b"avis");
    Some(if brands.iter().any(hevc) {
        Ok(PhotoFormat::Heic)
    } else if brands.iter().any(avif) {
        Err(ImageError::Unsupported("AVIF".into()))
    } else {
        Err(ImageError::HeicUnsupported(
            String::from_utf8_lossy(major).trim().to_string(),
        ))
    })
}

/// Decodes `bytes` under the limits, turning a decoder panic into an error. The pixels are in sRGB: a
/// photo with another colour profile is converted (for outputs that carry no profile).
pub fn decode(bytes: &[u8], format: PhotoFormat) -> Result<DynamicImage, ImageError> {
    let (img, profile) = decode_with_profile(bytes, format)?;
    match profile {
        None | Some(KnownProfile::Srgb) => Ok(img),
        Some(known) => catch_unwind(AssertUnwindSafe(|| icc::known_to_srgb(img, known)))
            .map_err(|_| ImageError::DecoderPanic),
    }
}

/// Decodes under the limits and settles the colours: when the photo's ICC profile is one the app knows
/// (sRGB, Display P3, Adobe RGB, recognised by content) the pixels stay as they are and that profile is
/// returned, to be written as the app's canonical copy; any other profile is applied (pixels converted to
/// sRGB) and sRGB returned. The source's profile bytes never leave this function.
pub fn decode_with_profile(
    bytes: &[u8],
    format: PhotoFormat,
) -> Result<(DynamicImage, Option<KnownProfile>), ImageError> {
    catch_unwind(AssertUnwindSafe(|| {
        let (img, icc) = decode_bounded(bytes, format)?;
        Ok(icc::settle(img, icc.as_deref()))
    }))
    .map_err(|_| ImageError::DecoderPanic)?
}

/// Turns pixels upright by the EXIF `orientation` (0 and unknown values count as 1).
pub fn orient(mut img: DynamicImage, orientation: u16) -> DynamicImage {
    let orientation = u8::try_from(orientation)
        .ok()
        .and_then(Orientation::from_exif)
        .unwrap_or(Orientation::NoTransforms);
    img.apply_orientation(orientation);
    img
}

/// Decodes and turns upright.
pub fn decode_upright(
    bytes: &[u8],
    format: PhotoFormat,
    orientation: u16,
) -> Result<DynamicImage, ImageError> {
    Ok(orient(decode(bytes, format)?, orientation))
}

fn decode_bounded(
    bytes: &[u8],
    format: PhotoFormat,
) -> Result<(DynamicImage, Option<Vec<u8>>), ImageError> {
    let Some(image_format) = format.image_format() else {
        return super::heic::decode(bytes, MAX_ALLOC / 4);
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits.clone());
    let decoded = reader.into_decoder().and_then(|mut decoder| {
        // What ImageReader::decode does: the pixel buffer itself must fit the allocation limit.
        limits.reserve(decoder.total_bytes())?;
        let icc = decoder.icc_profile().ok().flatten();
        Ok((DynamicImage::from_decoder(decoder)?, icc))
    });
    decoded.map_err(|e| match e {
        image::ImageError::Limits(_) => {
            let (width, height) = image::ImageReader::with_format(Cursor::new(bytes), image_format)
                .into_dimensions()
                .unwrap_or((0, 0));
            ImageError::TooLarge { width, height }
        }
        image::ImageError::Unsupported(u) => ImageError::Unsupported(u.to_string()),
        other => ImageError::Corrupt(other.to_string()),
    })
}
