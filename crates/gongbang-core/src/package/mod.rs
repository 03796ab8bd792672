//! Why: what an export package holds, decided before anything is written — its fixed file names and every
//! text it will contain (`texts`: the files and every string drawn into pixels) — so the guard scans exactly
//! what the writers (`export`, `video`) later write, and the window previews the same.

pub mod texts;

/// Fixed names inside a Naver package.
pub mod naver_files {
    pub const BODY: &str = "본문.txt";
    pub const TITLE: &str = "제목.txt";
    pub const TAGS: &str = "태그.txt";
    pub const PREVIEW: &str = "post.html";
    pub const HOWTO: &str = "올리는 방법.txt";
}

/// The texts of a Naver package the owner pastes into the blog's editor, in the order of the guide
/// (`올리는 방법.txt`): the title, then the body, then (in the publish window) the tags.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum NaverPart {
    Title,
    Body,
    Tags,
}

impl NaverPart {
    /// Every part, in the guide's order.
    pub const ALL: [NaverPart; 3] = [NaverPart::Title, NaverPart::Body, NaverPart::Tags];

    /// The package's file that holds this part.
    pub fn file_name(self) -> &'static str {
        match self {
            NaverPart::Title => naver_files::TITLE,
            NaverPart::Body => naver_files::BODY,
            NaverPart::Tags => naver_files::TAGS,
        }
    }
}

/// Fixed names inside a YouTube package.
pub mod youtube_files {
    pub const VIDEO: &str = "video.mp4";
    pub const THUMBNAIL: &str = "thumbnail.jpg";
    pub const TITLE: &str = "title.txt";
    pub const DESCRIPTION: &str = "description.txt";
    pub const TAGS: &str = "tags.txt";
    pub const CAPTIONS: &str = "captions.srt";
}

/// YouTube's limit for a custom thumbnail.
pub const THUMBNAIL_MAX_BYTES: usize = 2 * 1024 * 1024;
/// At most this many words on the thumbnail (readable at phone size).
pub const THUMBNAIL_MAX_WORDS: usize = 10;

pub use texts::{export_texts, export_texts_of, DrawnTexts, ExportTexts, Piece, Place, TextFile};
