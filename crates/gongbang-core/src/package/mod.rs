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
