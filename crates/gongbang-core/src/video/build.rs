//! Why: from a post to a renderer: the post's photos in order with their captions, the plan, and every
//! segment's picture prepared from leak-guarded pixels (the stored original, upright, redactions burned in
//! before any scaling; nothing of the file but its pixels is read).

use rayon::prelude::*;

use std::path::{Path, PathBuf};

use super::encode::{encode_to, Control};
use super::frames::{Art, Renderer};
use super::stills::{caption_overlay, end_card, photo_canvas, title_card};
use crate::audio::sound_track;
use crate::domain::{Music, Photo, Post};
use crate::guard::Clearance;
use crate::imaging::stored_upright;
use crate::imaging::watermark::Logo;
use crate::library::Library;
use crate::package::texts::{self, DrawnTexts};
use crate::repo::{photos, shop_profile};
use crate::video_plan::plan::{plan, Plan, SegmentKind, VideoFormat};
use crate::{CoreError, Result};

pub use crate::video_plan::{default_subtitle, format_for};

/// The post's photos in post order with their captions (each a photo of the post's job; see
/// [`photos::of_post`]).
pub fn post_photos(lib: &Library, post: &Post) -> Result<Vec<(Photo, String)>> {
    photos::of_post(lib.conn(), post)
}

/// Prepares every segment of the post's video. `scale` < 1 makes a smaller preview of the same video.
/// The strings drawn are the export's ([`crate::package::texts::export_texts`], the ones the guard scans).
pub fn renderer_for(lib: &Library, post: &Post, scale: f32) -> Result<Renderer> {
    let drawn = texts::export_texts(lib.conn(), post)?
        .drawn
        .ok_or_else(|| {
            format_for(post.platform)
                .err()
                .unwrap_or(CoreError::NoPhotos)
        })?;
    renderer_with(lib, post, &drawn, scale)
}

/// The export's video of a cleared post: made only from the guard's [`Clearance`] (the post as scanned,
/// drawing the strings it scanned), and the only way to write a video file.
pub struct ClearedVideo {
    renderer: Renderer,
    /// The library's folder and the post's music, when it has some.
    music: Option<(PathBuf, Music)>,
}

impl ClearedVideo {
    /// The video's shape.
    pub fn format(&self) -> VideoFormat {
        self.renderer.plan.format
    }

    /// The cut list.
    pub fn plan(&self) -> &Plan {
        &self.renderer.plan
    }

    /// Whether the video has background music.
    pub fn has_music(&self) -> bool {
        self.music.is_some()
    }

    /// Renders every frame and writes the MP4 at `path` (progress and cancelling through `ctl`). With
    /// music, its sound track is made first (as long as the video, faded in and out).
    pub fn write_to(&self, path: &Path, ctl: Control<'_>) -> Result<()> {
        let plan = &self.renderer.plan;
        let seconds = f64::from(plan.total_frames) / f64::from(plan.fps);
        let track = self
            .music
            .as_ref()
            .map(|(root, m)| sound_track(root, m, seconds))
            .transpose()?;
        if ctl
            .cancel
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
        {
            return Err(CoreError::Cancelled);
        }
        encode_to(&self.renderer, path, track.as_ref(), ctl)
    }
}

/// Prepares the export's video of the post `clearance` clears, at full size, drawing exactly the strings
/// the guard scanned.
pub fn cleared_video(lib: &Library, clearance: &Clearance) -> Result<ClearedVideo> {
    let drawn = clearance.texts().drawn.as_ref().ok_or_else(|| {
        CoreError::invalid(
            "영상 글이 아니어서 영상을 만들 수 없습니다.",
            "Not a video post, so no video can be made.",
        )
    })?;
    Ok(ClearedVideo {
        renderer: renderer_with(lib, clearance.post(), drawn, 1.0)?,
        music: clearance
            .post()
            .video
            .music
            .clone()
            .map(|m| (lib.root().to_path_buf(), m)),
    })
}

/// Prepares every segment of the post's video, drawing exactly `drawn` (the texts the guard scanned): the
/// title card, its second line, each photo's caption band and the end card. For the window's preview (and
/// tests); a video file is written only through [`cleared_video`].
pub fn renderer_with(
    lib: &Library,
    post: &Post,
    drawn: &DrawnTexts,
    scale: f32,
) -> Result<Renderer> {
    let format = format_for(post.platform)?;
    let items = post_photos(lib, post)?;
    if items.is_empty() {
        return Err(CoreError::NoPhotos);
    }
    let pairs: Vec<(&Photo, &str)> = items.iter().map(|(p, c)| (p, c.as_str())).collect();
    let mut plan = plan(format, &pairs, &post.video);
    if scale < 1.0 {
        // Even sizes (4:2:0) for a preview; the cut list stays the same.
        plan.width = ((plan.width as f32 * scale) as u32 / 2 * 2).max(2);
        plan.height = ((plan.height as f32 * scale) as u32 / 2 * 2).max(2);
    }
    let (w, h) = (plan.width, plan.height);
    let paths = Library::store_paths(lib.root());
    let by_id = |id: i64| items.iter().find(|(p, _)| p.id == id);
    let canvases: Vec<Option<image::RgbImage>> = plan
        .segments
        .par_iter()
        .map(|s| match &s.kind {
            SegmentKind::Photo { photo_id, .. } => {
                let (p, _) = by_id(*photo_id).ok_or(CoreError::NoSuchPhoto(*photo_id))?;
                let upright = stored_upright(&paths, p)?;
                Ok(Some(photo_canvas(&upright, p, w, h)?))
            }
            _ => Ok(None),
        })
        .collect::<Result<_>>()?;
    let first = canvases.iter().flatten().next();
    let logo = shop_logo(lib)?;
    let mut arts = Vec::with_capacity(plan.segments.len());
    for (i, (s, canvas)) in plan.segments.iter().zip(&canvases).enumerate() {
        arts.push(match (&s.kind, canvas) {
            (SegmentKind::Title, _) => Art::Still(title_card(
                first,
                w,
                h,
                &drawn.title_card,
                &drawn.title_card_sub,
            )?),
            (SegmentKind::End, _) => Art::Still(end_card(
                w,
                h,
                &drawn.end_card_name,
                &drawn.end_card_lines,
                logo.as_ref(),
            )?),
            (SegmentKind::Photo { .. }, Some(c)) => Art::Motion {
                canvas: c.clone(),
                zoom_in: i % 2 == 1,
                pan: match i % 4 {
                    0 => (0.6, 0.2),
                    1 => (-0.6, 0.0),
                    2 => (0.0, -0.5),
                    _ => (0.4, 0.4),
                },
                // The k-th photo's band, as scanned (empty when captions are not burned in).
                caption: drawn
                    .captions
                    .get(photos_before(&plan.segments[..i]))
                    .and_then(|c| caption_overlay(w, h, c)),
            },
            (SegmentKind::Photo { photo_id, .. }, None) => {
                return Err(CoreError::NoSuchPhoto(*photo_id))
            }
        });
    }
    Ok(Renderer { plan, arts })
}

/// The shop's logo, decoded, when there is one (the end card shows it).
pub(crate) fn shop_logo(lib: &Library) -> Result<Option<Logo>> {
    shop_profile::logo_png(lib.conn())?
        .map(|png| Logo::from_png(&png).map_err(CoreError::from))
        .transpose()
}

/// How many photo segments are in `segments`.
fn photos_before(segments: &[crate::video_plan::Segment]) -> usize {
    segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Photo { .. }))
        .count()
}
