//! Why: the YouTube (and Shorts) package: `video.mp4` rendered from the leak-guarded photos, a
//! `thumbnail.jpg` (16:9 only) drawn from the best photo with the title in big outlined Korean text, and the
//! text files — everything in the same staging folder, so a cancelled render leaves nothing.

use image::{imageops, Rgb, RgbImage};

use super::texts::ExportTexts;
use super::Staging;
use crate::imaging::{self, jpeg_segments};
use crate::library::Library;
use crate::repo::photos::PhotoRole;
use crate::repo::posts::Post;
use crate::video::stills::photo_canvas;
use crate::video::text_draw::{block_height, draw_lines, wrap, TextStyle};
use crate::video::{self, Control, VideoFormat};
use crate::{store, CoreError, Result};

/// Fixed names inside a YouTube package.
pub mod files {
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
        let thumb = thumbnail(lib, post, drawn.thumbnail.as_deref().unwrap_or_default())?;
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

/// The first photo marked "finished", else the first photo.
fn best_photo(lib: &Library, post: &Post) -> Result<crate::repo::photos::Photo> {
    let items = video::build::post_photos(lib, post)?;
    let job_photos = crate::repo::photos::for_job(lib.conn(), post.job_id)?;
    let finished = items.iter().find(|(p, _)| {
        job_photos
            .iter()
            .any(|j| j.id == p.id && j.role == Some(PhotoRole::Finished))
    });
    finished
        .or(items.first())
        .map(|(p, _)| p.clone())
        .ok_or(CoreError::NoPhotos)
}

/// 1280×720: the best photo (redacted, upright) with `words` (the export's scanned thumbnail words, at most
/// [`THUMBNAIL_MAX_WORDS`]) in big outlined text, < 2 MB, clean JPEG.
pub fn thumbnail(lib: &Library, post: &Post, words: &str) -> Result<Vec<u8>> {
    let (w, h) = (1280u32, 720u32);
    let photo = best_photo(lib, post)?;
    let upright = super::stored_upright(&Library::store_paths(lib.root()), &photo)?;
    let canvas = photo_canvas(&upright, &photo, w, h)?;
    let mut img: RgbImage = imageops::crop_imm(
        &canvas,
        (canvas.width() - w) / 2,
        (canvas.height() - h) / 2,
        w,
        h,
    )
    .to_image();
    let words: Vec<&str> = words.split_whitespace().take(THUMBNAIL_MAX_WORDS).collect();
    let style = TextStyle {
        size: 104.0,
        fill: [255, 255, 255],
        outline: [0, 0, 0],
        outline_px: 7,
        line_gap: 8.0,
    };
    let lines = wrap(&words.join(" "), style.size, w as f32 * 0.9, 3);
    // A dark band under the words so they read on any photo.
    let text_h = block_height(lines.len(), &style);
    let top = h as f32 - text_h - 56.0;
    for y in (top - 28.0).max(0.0) as u32..h {
        for x in 0..w {
            let p: &mut Rgb<u8> = img.get_pixel_mut(x, y);
            for c in &mut p.0 {
                *c = (f32::from(*c) * 0.45) as u8;
            }
        }
    }
    draw_lines(&mut img, &lines, &style, w as f32 / 2.0, top);
    let mut quality = imaging::EXPORT_JPEG_QUALITY;
    loop {
        let jpeg = imaging::encode_clean_jpeg(&img, quality)?;
        if jpeg.len() < THUMBNAIL_MAX_BYTES || quality <= 50 {
            return Ok(jpeg);
        }
        quality -= 8;
    }
}
