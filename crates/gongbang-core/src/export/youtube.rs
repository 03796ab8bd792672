//! Why: the YouTube (and Shorts) package: `video.mp4` rendered from the leak-guarded photos, a
//! `thumbnail.jpg` (16:9 only) drawn from the best photo with the title in big outlined Korean text, and the
//! text files — everything in the same staging folder, so a cancelled render leaves nothing.

use super::Staging;
use crate::guard::Clearance;
use crate::imaging::{self, jpeg_segments};
use crate::library::Library;
use crate::video::{self, Control, VideoFormat};
use crate::{store, CoreError, Result};

/// Fixed names inside a YouTube package (the package's, `crate::package`).
pub use crate::package::youtube_files as files;
pub use crate::package::{THUMBNAIL_MAX_BYTES, THUMBNAIL_MAX_WORDS};

/// Writes the whole package of the cleared post into `staging` from the export's texts as the guard
/// scanned them: the video draws the clearance's drawn strings, the thumbnail its words, and the text files
/// are written as they are.
pub fn write_package(
    lib: &Library,
    staging: &mut Staging,
    clearance: &Clearance,
    ctl: Control<'_>,
) -> Result<()> {
    let video = video::cleared_video(lib, clearance)?;
    staging.write_with(files::VIDEO, |path| video.write_to(path, ctl))?;
    if video.format() == VideoFormat::Landscape {
        let thumb = video::thumbnail(lib, clearance)?;
        staging.write(files::THUMBNAIL, &thumb)?;
        let on_disk = store::read_original(&staging.path().join(files::THUMBNAIL))?;
        jpeg_segments::verify_clean(&on_disk)
            .map_err(|e| CoreError::Image(imaging::ImageError::Verify(e)))?;
    }
    for f in &clearance.texts().files {
        staging.write(&f.name, f.text.as_bytes())?;
    }
    Ok(())
}
