//! Why: the shop profile (the end card, the contact block, the descriptions) and its logo, kept as a clean
//! PNG by the coach's logo rule.

use std::path::Path;

use crate::coach::logo;
use crate::domain::{LogoWatermark, ShopProfile};
use crate::repo::shop_profile;
use crate::{Library, Result};

/// The shop profile.
pub fn profile(lib: &Library) -> Result<ShopProfile> {
    shop_profile::get(lib.conn())
}

/// Saves the profile (its logo is kept; answers it with `saved` true).
pub fn save_profile(lib: &Library, profile: &ShopProfile) -> Result<ShopProfile> {
    shop_profile::save(lib.conn(), profile)
}

/// Sets how the logo marks blog photos and the thumbnail (on/off, corner, size, opacity), leaving the rest of
/// the profile as it is.
pub fn set_watermark(lib: &Library, mark: &LogoWatermark) -> Result<ShopProfile> {
    shop_profile::set_watermark(lib.conn(), mark)
}

/// Takes a logo from an image file (re-encoded as a PNG of at most 512 px).
pub fn import_logo(lib: &Library, path: &Path) -> Result<ShopProfile> {
    logo::import_logo(lib.conn(), path)
}

/// Removes the logo.
pub fn clear_logo(lib: &Library) -> Result<ShopProfile> {
    logo::clear_logo(lib.conn())
}
