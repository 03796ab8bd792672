//! Why: the frames become an MP4 the owner can upload: H.264 (openh264 built from source: Constrained
//! Baseline, no B-frames, an IDR every 15 frames so every GOP is closed), 30 fps, BT.709 signalled, muxed
//! with the index (moov) before the media; runs of whole GOPs are rendered and encoded on every core; the owner can
//! cancel at any frame and a cancelled or failed render leaves no file behind (the caller's staging folder).

use std::io::BufWriter;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{channel, Sender};

use muxide::api::{AacProfile, AudioCodec, MuxerBuilder, VideoCodec};
use openh264::encoder::{
    BitRate, Complexity, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod,
    RateControlMode, UsageType, VuiConfig,
};
use openh264::formats::YUVSlices;
use openh264::OpenH264API;

use super::frames::{to_yuv420, Renderer};
use crate::audio::AacTrack;
use crate::{CoreError, Result};

/// Frames per closed GOP (design §4).
pub const GOP: u32 = 15;
/// Target bit rate for 1080p (design §4: about 8 Mbit/s).
pub const BITRATE: u32 = 8_000_000;

/// How the caller follows and stops a long render.
#[derive(Default, Clone, Copy)]
pub struct Control<'a> {
    /// Frames done, frames in all.
    pub progress: Option<&'a (dyn Fn(u32, u32) + Sync)>,
    /// Set to stop; the render returns `Cancelled`.
    pub cancel: Option<&'a AtomicBool>,
}

impl Control<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

fn video_error(what: &str, e: impl std::fmt::Display) -> CoreError {
    CoreError::invalid(
        format!("영상을 만들지 못했습니다 ({what}): {e}"),
        format!("The video could not be made ({what}): {e}"),
    )
}

/// Where each encoder's run of frames starts and ends: `parts` runs of whole GOPs, as even as they can be.
pub fn chunks(total: u32, parts: u32) -> Vec<std::ops::Range<u32>> {
    let gops = total.div_ceil(GOP).max(1);
    let parts = parts.clamp(1, gops);
    let mut out = Vec::with_capacity(parts as usize);
    let mut start = 0;
    for k in 1..=parts {
        let end = (gops * k / parts * GOP).min(total);
        if end > start {
            out.push(start..end);
        }
        start = end;
    }
    out
}

fn encoder(plan: &super::plan::Plan) -> Result<Encoder> {
    let config = EncoderConfig::new()
        .bitrate(BitRate::from_bps(BITRATE))
        .max_frame_rate(FrameRate::from_hz(plan.fps as f32))
        .rate_control_mode(RateControlMode::Bitrate)
        .usage_type(UsageType::CameraVideoRealTime)
        .intra_frame_period(IntraFramePeriod::from_num_frames(GOP))
        .scene_change_detect(false)
        // A slideshow has no noise or static backgrounds to find: both analyses only cost time.
        .adaptive_quantization(false)
        .background_detection(false)
        .skip_frames(false)
        .complexity(Complexity::Low)
        .vui(VuiConfig::bt709());
    Encoder::with_api_config(OpenH264API::from_source(), config)
        .map_err(|e| video_error("encoder", e))
}

/// One encoded frame: the Annex B bytes and whether it is a key frame.
type Sample = (Vec<u8>, bool);

/// Renders and encodes the frames of `range` with an encoder of its own, sending each frame as it is done.
/// The range starts on a GOP boundary, so its first frame is the IDR the stream needs there.
fn encode_range(
    renderer: &Renderer,
    range: std::ops::Range<u32>,
    out: Sender<Sample>,
    done: &AtomicU32,
    progress: Option<&(dyn Fn(u32, u32) + Sync)>,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Result<()> {
    let plan = &renderer.plan;
    let (w, h) = (plan.width as usize, plan.height as usize);
    let mut encoder = encoder(plan)?;
    let mut rgb = renderer.blank();
    let mut scratch = renderer.blank();
    let mut yuv = Vec::new();
    // A card's frames are identical: rendered and converted once.
    let mut still: Option<usize> = None;
    for f in range {
        if stopped() {
            return Err(CoreError::Cancelled);
        }
        let now = renderer.still_at(f);
        if now.is_none() || now != still {
            renderer.frame(f, &mut rgb, &mut scratch);
            to_yuv420(&rgb, &mut yuv);
            still = now;
        }
        let (y, uv) = yuv.split_at(w * h);
        let (u, v) = uv.split_at(w * h / 4);
        let src = YUVSlices::new((y, u, v), (w, h), (w, w / 2, w / 2));
        let bits = encoder.encode(&src).map_err(|e| video_error("encode", e))?;
        let key = matches!(bits.frame_type(), FrameType::IDR | FrameType::I);
        if out.send((bits.to_vec(), key)).is_err() {
            return Err(CoreError::Cancelled);
        }
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(p) = progress {
            p(n, plan.total_frames);
        }
    }
    Ok(())
}

/// Renders every frame of the plan and writes `video.mp4` at `path` (reached from outside through
/// [`super::build::ClearedVideo::write_to`], which only the guard's clearance makes), with `music` as its
/// one sound track when there is music (no sound track at all otherwise).
///
/// The frames are cut into runs of whole GOPs, one per core; each run has its own encoder (same settings,
/// so the same SPS/PPS), and because every GOP is closed the runs join into one valid stream. The first run
/// is written as it is encoded; the later ones wait in memory (compressed) until their turn.
pub(crate) fn encode_to(
    renderer: &Renderer,
    path: &Path,
    music: Option<&AacTrack>,
    ctl: Control<'_>,
) -> Result<()> {
    let plan = &renderer.plan;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let runs = chunks(plan.total_frames, cores.min(4));
    let file = std::fs::File::create(path).map_err(|e| CoreError::io(path, e))?;
    let mut builder = MuxerBuilder::new(BufWriter::new(file)).video(
        VideoCodec::H264,
        plan.width,
        plan.height,
        f64::from(plan.fps),
    );
    if let Some(m) = music {
        builder = builder.audio(AudioCodec::Aac(AacProfile::Lc), m.rate, m.channels);
    }
    let mut muxer = builder
        .with_fast_start(true)
        .build()
        .map_err(|e| video_error("mp4", e))?;
    let done = AtomicU32::new(0);
    // Set when any run fails or the muxer does: the other runs stop at their next frame.
    let failed = AtomicBool::new(false);
    let stopped = || ctl.cancelled() || failed.load(Ordering::Relaxed);
    let written = std::thread::scope(|s| -> Result<u32> {
        let mut inboxes = Vec::with_capacity(runs.len());
        let mut workers = Vec::with_capacity(runs.len());
        for range in runs {
            let (tx, rx) = channel::<Sample>();
            inboxes.push(rx);
            let (done, failed, stopped) = (&done, &failed, &stopped);
            workers.push(s.spawn(move || {
                let r = encode_range(renderer, range, tx, done, ctl.progress, stopped);
                if r.is_err() {
                    failed.store(true, Ordering::Relaxed);
                }
                r
            }));
        }
        let mut written = 0u32;
        let mut result = Ok(());
        'runs: for rx in &inboxes {
            for (data, key) in rx {
                let pts = f64::from(written) / f64::from(plan.fps);
                if let Err(e) = muxer.write_video(pts, &data, key) {
                    failed.store(true, Ordering::Relaxed);
                    result = Err(video_error("mp4", e));
                    break 'runs;
                }
                written += 1;
            }
        }
        drop(inboxes);
        for w in workers {
            let r = w
                .join()
                .unwrap_or_else(|_| Err(video_error("thread", "panic")));
            // The first real failure wins over the runs it stopped (those report Cancelled).
            if let Err(e) = r {
                let real = !matches!(e, CoreError::Cancelled);
                if result.is_ok() || (real && matches!(result, Err(CoreError::Cancelled))) {
                    result = Err(e);
                }
            }
        }
        if ctl.cancelled() {
            return Err(CoreError::Cancelled);
        }
        result.map(|()| written)
    })?;
    if written != plan.total_frames {
        return Err(video_error(
            "frames",
            format!("{written} of {}", plan.total_frames),
        ));
    }
    if let Some(m) = music {
        // The muxer keeps every sample until `finish` and interleaves the two tracks there.
        for (k, frame) in m.frames.iter().enumerate() {
            let pts = (k * crate::audio::AAC_FRAME) as f64 / f64::from(m.rate);
            muxer
                .write_audio(pts, frame)
                .map_err(|e| video_error("mp4 audio", e))?;
        }
    }
    muxer.finish().map_err(|e| video_error("mp4", e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_whole_gops_covering_every_frame_once() {
        for total in [1, 14, 15, 16, 29, 30, 31, 1800, 1801, 5400] {
            for parts in 1..=5 {
                let runs = chunks(total, parts);
                assert!(!runs.is_empty() && runs.len() <= parts as usize);
                assert_eq!(runs[0].start, 0);
                assert_eq!(runs.last().unwrap().end, total);
                for pair in runs.windows(2) {
                    assert_eq!(pair[0].end, pair[1].start, "{total}/{parts}: {runs:?}");
                }
                for r in &runs {
                    assert!(r.start < r.end);
                    assert_eq!(r.start % GOP, 0, "{total}/{parts}: {runs:?}");
                }
            }
        }
        // Even halves for the benchmark's 60 s: 900 + 900 frames.
        assert_eq!(chunks(1800, 2), vec![0..900, 900..1800]);
    }
}
