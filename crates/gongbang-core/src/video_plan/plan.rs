//! Why: one cut list decides the video — which photo is on screen when, for how long, with what caption —
//! and everything else follows it: the frames, the chapters in the description, the captions file. The
//! plan is pure arithmetic on whole frames, so the video's length equals the plan exactly.

use serde::Serialize;

use crate::domain::{Photo, PhotoRole, Platform, VideoSettings};
use crate::{CoreError, Result};

/// Frames per second of every video.
pub const FPS: u32 = 30;
/// The title card at the start and the end card with the shop's contact.
pub const TITLE_SECONDS: f64 = 3.0;
pub const END_SECONDS: f64 = 4.0;
/// Cross-fade between neighbouring segments (half on each side of the cut).
pub const CROSSFADE_FRAMES: u32 = 12;
/// Shorts are at most three minutes.
pub const SHORTS_MAX_SECONDS: f64 = 180.0;

/// The two shapes of video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum VideoFormat {
    /// 16:9, 1920×1080, with chapters and a custom thumbnail.
    Landscape,
    /// 9:16, 1080×1920, at most 3 minutes.
    Shorts,
}

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

impl VideoFormat {
    /// Width and height in pixels.
    pub fn size(self) -> (u32, u32) {
        match self {
            VideoFormat::Landscape => (1920, 1080),
            VideoFormat::Shorts => (1080, 1920),
        }
    }
}

/// What a segment shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SegmentKind {
    Title,
    #[serde(rename_all = "camelCase")]
    Photo {
        photo_id: i64,
        role: Option<PhotoRole>,
    },
    End,
}

/// One stretch of the video, in whole frames: `[start_frame, end_frame)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    #[serde(flatten)]
    pub kind: SegmentKind,
    pub start_frame: u32,
    pub end_frame: u32,
    pub start_ms: u64,
    pub end_ms: u64,
    /// The photo's caption (empty for the cards).
    pub caption: String,
}

/// The cut list of a whole video.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub format: VideoFormat,
    pub width: u32,
    pub height: u32,
    pub fps: u32,
    pub total_frames: u32,
    pub duration_ms: u64,
    pub segments: Vec<Segment>,
    /// Photos left out to keep a Shorts video within three minutes.
    pub dropped_photos: usize,
}

/// Milliseconds at the start of frame `f`.
pub fn frame_ms(f: u32) -> u64 {
    u64::from(f) * 1000 / u64::from(FPS)
}

fn frames(seconds: f64) -> u32 {
    (seconds * f64::from(FPS)).round().max(1.0) as u32
}

/// Plans a video from the photos in post order with their captions (photo, caption).
pub fn plan(format: VideoFormat, photos: &[(&Photo, &str)], settings: &VideoSettings) -> Plan {
    let mut lengths: Vec<f64> = photos
        .iter()
        .map(|(p, _)| settings.seconds_for(p.id))
        .collect();
    let mut kept = photos.len();
    if format == VideoFormat::Shorts {
        let budget = SHORTS_MAX_SECONDS - TITLE_SECONDS - END_SECONDS;
        let total: f64 = lengths.iter().sum();
        if total > budget {
            // First shorten every photo towards 3 s, then leave out the last photos.
            let scale =
                (budget / total).max(crate::domain::video_settings::MIN_PHOTO_SECONDS / 6.0);
            for l in &mut lengths {
                *l = (*l * scale).max(crate::domain::video_settings::MIN_PHOTO_SECONDS);
            }
            let mut sum = 0.0;
            kept = lengths
                .iter()
                .take_while(|l| {
                    sum += **l;
                    sum <= budget + 1e-9
                })
                .count();
        }
    }
    let (width, height) = format.size();
    let mut segments = Vec::with_capacity(kept + 2);
    let mut at = 0u32;
    let mut push = |kind: SegmentKind, len: u32, caption: &str, at: &mut u32| {
        segments.push(Segment {
            kind,
            start_frame: *at,
            end_frame: *at + len,
            start_ms: frame_ms(*at),
            end_ms: frame_ms(*at + len),
            caption: caption.trim().to_string(),
        });
        *at += len;
    };
    push(SegmentKind::Title, frames(TITLE_SECONDS), "", &mut at);
    for ((p, caption), len) in photos.iter().zip(&lengths).take(kept) {
        push(
            SegmentKind::Photo {
                photo_id: p.id,
                role: p.role,
            },
            frames(*len),
            caption,
            &mut at,
        );
    }
    push(SegmentKind::End, frames(END_SECONDS), "", &mut at);
    Plan {
        format,
        width,
        height,
        fps: FPS,
        total_frames: at,
        duration_ms: frame_ms(at),
        segments,
        dropped_photos: photos.len() - kept,
    }
}

impl Plan {
    /// The segment on screen at frame `f` and, during a cross-fade, the next one with its weight (0–1).
    pub fn at(&self, f: u32) -> (usize, Option<(usize, f32)>) {
        let i = self
            .segments
            .iter()
            .position(|s| f < s.end_frame)
            .unwrap_or(self.segments.len() - 1);
        let half = CROSSFADE_FRAMES / 2;
        let s = &self.segments[i];
        // Fading into the next segment over the last `half` frames; out of the previous over the first.
        if i + 1 < self.segments.len() && f + half >= s.end_frame {
            let into = f + half - s.end_frame; // 0..half
            let w = (into as f32 + 0.5) / CROSSFADE_FRAMES as f32;
            return (i, Some((i + 1, w)));
        }
        if i > 0 && f < s.start_frame + half {
            let into = f - s.start_frame + half; // half..2*half
            let w = (into as f32 + 0.5) / CROSSFADE_FRAMES as f32;
            return (i - 1, Some((i, w)));
        }
        (i, None)
    }
}
