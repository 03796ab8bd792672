//! Why: from a post to a renderer: the post's photos in order with their captions, the plan, and every
//! segment's picture prepared from leak-guarded pixels (the stored original, upright, redactions burned in
//! before any scaling; nothing of the file but its pixels is read).

use rayon::prelude::*;

use super::frames::{Art, Renderer};
use super::plan::{plan, SegmentKind, VideoFormat};
use super::stills::{caption_overlay, end_card, photo_canvas, title_card};
use crate::export::stored_upright;
use crate::export::texts::{self, DrawnTexts};
use crate::library::Library;
use crate::repo::jobs::Job;
use crate::repo::photos::{self, Photo};
use crate::repo::posts::{Block, Platform, Post};
use crate::{CoreError, Result};

/// The video shape of a post's platform.
pub fn format_for(platform: Platform) -> Result<VideoFormat> {
    match platform {
        Platform::Youtube => Ok(VideoFormat::Landscape),
        Platform::Shorts => Ok(VideoFormat::Shorts),
        _ => Err(CoreError::invalid(
            "영상은 YouTube 글에서만 만듭니다.",
            "Videos are made for YouTube posts only.",
        )),
    }
}

/// The post's photos in post order with their captions.
pub fn post_photos(lib: &Library, post: &Post) -> Result<Vec<(Photo, String)>> {
    post.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Photo { photo_id, caption } => Some((*photo_id, caption.clone())),
            _ => None,
        })
        .map(|(id, caption)| {
            // As a photo of the job (its role names the chapters); a photo not the job's is refused.
            let p =
                photos::in_job(lib.conn(), post.job_id, id)?.ok_or(CoreError::PhotoNotInJob {
                    photo_id: id,
                    job_id: post.job_id,
                })?;
            Ok((p, caption))
        })
        .collect()
}

/// The second line of the title card: material · process (what the owner typed, in that order).
pub fn default_subtitle(job: &Job) -> String {
    [&job.fields.material, &job.fields.process]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Prepares every segment of the post's video. `scale` < 1 makes a smaller preview of the same video.
/// The strings drawn are the export's ([`crate::export::texts::export_texts`], the ones the guard scans).
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

/// Prepares every segment of the post's video, drawing exactly `drawn` (the texts the guard scanned): the
/// title card, its second line, each photo's caption band and the end card.
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
            (SegmentKind::End, _) => {
                Art::Still(end_card(w, h, &drawn.end_card_name, &drawn.end_card_lines)?)
            }
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

/// How many photo segments are in `segments`.
fn photos_before(segments: &[super::plan::Segment]) -> usize {
    segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Photo { .. }))
        .count()
}
