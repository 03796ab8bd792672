//! Why: every pixel the app reads or writes goes through one place, so the rules (decode limits, upright
//! orientation, resize quality, clean re-encoding, the logo mark that never covers a redaction box) hold for
//! thumbnails and exports alike.

mod decode;
mod encode;
mod exif_meta;
mod heic;
pub mod icc;
pub mod jpeg_segments;
pub mod redact;
mod resize;
mod scaled;
mod stored;
pub mod thumbs;
pub mod watermark;

pub use crate::error::ImageError;
pub use decode::{decode, decode_upright, decode_with_profile, orient, sniff_format, PhotoFormat};
pub use encode::{
    encode_clean_jpeg, encode_clean_jpeg_with_profile, encode_thumbnail_jpeg, EXPORT_JPEG_QUALITY,
    THUMB_JPEG_QUALITY,
};
pub use exif_meta::{read_meta, PhotoMeta};
pub use icc::KnownProfile;
pub use resize::{fit_within, resize_exact};
pub use scaled::{decode_reduced, Reduced};
pub use stored::{format_of, stored_original, stored_upright};
