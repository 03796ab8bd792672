//! Why: the YouTube thumbnail is drawn like a frame of the video — the best photo framed by the same canvas
//! (redacted, upright), the words in the same outlined type — so it sits beside the renderer; 1280×720,
//! under YouTube's 2 MB, a clean JPEG.

use image::{imageops, Rgb, RgbImage};

use super::build::shop_logo;
use super::stills::{photo_canvas_framed, top_corner_mark};
use super::text_draw::{block_height, draw_lines, wrap, TextStyle};
use crate::domain::{Photo, PhotoRole, Post};
use crate::guard::Clearance;
use crate::imaging::watermark::{self, Rect};
use crate::imaging::{self, stored_upright};
use crate::library::Library;
use crate::package::{THUMBNAIL_MAX_BYTES, THUMBNAIL_MAX_WORDS};
use crate::repo::{photos, shop_profile};
use crate::{CoreError, Result};

/// The first photo marked "finished", else the first photo.
fn best_photo(lib: &Library, post: &Post) -> Result<Photo> {
    let items = photos::of_post(lib.conn(), post)?;
    let job_photos = photos::for_job(lib.conn(), post.job_id)?;
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

/// 1280×720: the cleared post's best photo (redacted, upright) with the thumbnail words the guard scanned
/// (at most [`THUMBNAIL_MAX_WORDS`]) in big outlined text, and the shop's logo in a top corner when the owner
/// turned the logo mark on (clear of the words and of every redaction box), < 2 MB, clean JPEG.
pub fn thumbnail(lib: &Library, clearance: &Clearance) -> Result<Vec<u8>> {
    let post = clearance.post();
    let words = clearance
        .texts()
        .drawn
        .as_ref()
        .and_then(|d| d.thumbnail.as_deref())
        .unwrap_or_default();
    let (w, h) = (1280u32, 720u32);
    let photo = best_photo(lib, post)?;
    let upright = stored_upright(&Library::store_paths(lib.root()), &photo)?;
    let (canvas, frame) = photo_canvas_framed(&upright, &photo, w, h)?;
    let (dx, dy) = ((canvas.width() - w) / 2, (canvas.height() - h) / 2);
    let mut img: RgbImage = imageops::crop_imm(&canvas, dx, dy, w, h).to_image();
    // The photo's boxes where they landed on the thumbnail: the logo keeps clear of them.
    let boxes: Vec<Rect> = photo
        .redactions
        .iter()
        .filter_map(|b| frame.box_rect(b, f64::from(dx), f64::from(dy), w, h))
        .collect();
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
    // The shop's logo in a top corner when the owner put it on his photos (never on the words or a box).
    let mark = shop_profile::get(lib.conn())?.watermark;
    if mark.on {
        if let Some(logo) = shop_logo(lib)? {
            if let Some(r) = top_corner_mark(&logo, &mark, w, h, top - 28.0, &boxes) {
                let scaled = logo.scaled(r.w, r.h)?;
                watermark::stamp(&mut img, &scaled, r.x, r.y, mark.clamped().opacity_percent);
            }
        }
    }
    let mut quality = imaging::EXPORT_JPEG_QUALITY;
    loop {
        let jpeg = imaging::encode_clean_jpeg(&img, quality)?;
        if jpeg.len() < THUMBNAIL_MAX_BYTES || quality <= 50 {
            return Ok(jpeg);
        }
        quality -= 8;
    }
}
