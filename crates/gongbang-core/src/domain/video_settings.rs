//! Why: what the owner adjusts for a video (seconds per photo, captions burned in or not, the title card,
//! the background music) is kept with the post, so the preview, the export and the CLI all render the same video. Plain data:
//! stored in the post's row (`repo::posts`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Shortest and longest time a photo stays on screen (design §4: 3–6 s).
pub const MIN_PHOTO_SECONDS: f64 = 3.0;
pub const MAX_PHOTO_SECONDS: f64 = 6.0;
/// What a photo gets when the owner says nothing.
pub const DEFAULT_PHOTO_SECONDS: f64 = 4.0;

/// The owner's choices for one video post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct VideoSettings {
    /// Seconds per photo unless a photo has its own.
    pub seconds_per_photo: f64,
    /// Per photo id, seconds on screen.
    #[cfg_attr(feature = "specta", specta(type = BTreeMap<String, f64>))]
    pub photo_seconds: BTreeMap<i64, f64>,
    /// Whether photo captions are burned into the frames (they are always in captions.srt).
    pub burn_captions: bool,
    /// The title card's big line (empty: the post title).
    pub title_card: String,
    /// The title card's second line (empty: material and process).
    pub title_card_sub: String,
    /// Background music (a copy in the library's store); none: the video is silent.
    pub music: Option<Music>,
}

/// The owner's music for a video: a copy of their file kept in the library's store under its content hash
/// (`music/ab/abcd….ext`), so the video can be made again later and their own file is only ever read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Music {
    /// BLAKE3 of the file's bytes (hex).
    pub hash: String,
    /// The stored copy's extension, lowercase: mp3, m4a, wav or ogg.
    pub extension: String,
    /// The file's name as the owner knows it (shown in the video step).
    pub name: String,
    /// How long the music plays, in seconds.
    pub seconds: f64,
}

impl Default for VideoSettings {
    fn default() -> Self {
        VideoSettings {
            seconds_per_photo: DEFAULT_PHOTO_SECONDS,
            photo_seconds: BTreeMap::new(),
            burn_captions: true,
            title_card: String::new(),
            title_card_sub: String::new(),
            music: None,
        }
    }
}

impl VideoSettings {
    /// Seconds on screen for a photo, kept within 3–6 s.
    pub fn seconds_for(&self, photo_id: i64) -> f64 {
        let s = self
            .photo_seconds
            .get(&photo_id)
            .copied()
            .unwrap_or(self.seconds_per_photo);
        if s.is_finite() {
            s.clamp(MIN_PHOTO_SECONDS, MAX_PHOTO_SECONDS)
        } else {
            DEFAULT_PHOTO_SECONDS
        }
    }
}
