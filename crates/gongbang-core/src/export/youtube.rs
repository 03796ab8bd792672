//! Why: the YouTube (and Shorts) package: `video.mp4` rendered from the leak-guarded photos, a
//! `thumbnail.jpg` (16:9 only) drawn from the best photo with the title in big outlined Korean text, and the
//! text files — everything in the same staging folder, so a cancelled render leaves nothing.

use super::Staging;
use crate::domain::Post;
use crate::imaging::{self, jpeg_segments};
use crate::library::Library;
use crate::package::texts::ExportTexts;
use crate::video::{self, Control, VideoFormat};
use crate::{store, CoreError, Result};

/// Fixed names inside a YouTube package (the package's, `crate::package`).
pub use crate::package::youtube_files as files;
pub use crate::package::{THUMBNAIL_MAX_BYTES, THUMBNAIL_MAX_WORDS};

/// Writes the whole package into `staging` from the export's texts as the guard scanned them: the video
/// draws `texts.drawn`, the thumbnail its words, and the text files are written as they are.
pub fn write_package(
    lib: &Library,
    staging: &mut Staging,
    post: &Post,
    texts: &ExportTexts,
    ctl: Control<'_>,
) -> Result<()> {
    let drawn = texts.drawn.as_ref().ok_or_else(|| {
        CoreError::invalid(
            "영상 글이 아니어서 영상을 만들 수 없습니다.",
            "Not a video post, so no video can be made.",
        )
    })?;
    let renderer = video::build::renderer_with(lib, post, drawn, 1.0)?;
    staging.write_with(files::VIDEO, |path| video::encode_to(&renderer, path, ctl))?;
    if renderer.plan.format == VideoFormat::Landscape {
        let thumb = video::thumbnail(lib, post, drawn.thumbnail.as_deref().unwrap_or_default())?;
        staging.write(files::THUMBNAIL, &thumb)?;
        let on_disk = store::read_original(&staging.path().join(files::THUMBNAIL))?;
        jpeg_segments::verify_clean(&on_disk)
            .map_err(|e| CoreError::Image(imaging::ImageError::Verify(e)))?;
    }
    for f in &texts.files {
        staging.write(&f.name, f.text.as_bytes())?;
    }
    Ok(())
}
