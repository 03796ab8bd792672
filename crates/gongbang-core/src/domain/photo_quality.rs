//! Why: whether a photo is too dark or blurry, measured once and kept beside the photo. Plain data:
//! `repo::photo_quality` stores it, `coach::photo_quality` measures it.

use serde::Serialize;

/// A photo's measured exposure and sharpness (see `coach::photo_quality`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoQuality {
    /// Mean BT.709 luma, 0–255, of the upright photo at 512 px.
    pub mean_luma: f64,
    /// Variance of the Laplacian of that grey image.
    pub sharpness: f64,
}
