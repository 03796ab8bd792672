//! Why: the frames become an MP4 the owner can upload: H.264 (openh264 built from source: Constrained
//! Baseline, no B-frames, an IDR every 15 frames so every GOP is closed), 30 fps, BT.709 signalled, muxed
//! with the index (moov) before the media; rendering and encoding overlap on two threads; the owner can
//! cancel at any frame and a cancelled or failed render leaves no file behind (the caller's staging folder).

use std::io::BufWriter;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

use muxide::api::{MuxerBuilder, VideoCodec};
use openh264::encoder::{
    BitRate, Complexity, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod,
    RateControlMode, UsageType, VuiConfig,
};
use openh264::formats::YUVSlices;
use openh264::OpenH264API;

use super::frames::{to_yuv420, Renderer};
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

/// Renders every frame of the plan and writes `video.mp4` at `path`.
pub fn encode_to(renderer: &Renderer, path: &Path, ctl: Control<'_>) -> Result<()> {
    let plan = &renderer.plan;
    let (w, h) = (plan.width as usize, plan.height as usize);
    let total = plan.total_frames;
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
    let mut encoder = Encoder::with_api_config(OpenH264API::from_source(), config)
        .map_err(|e| video_error("encoder", e))?;
    let file = std::fs::File::create(path).map_err(|e| CoreError::io(path, e))?;
    let mut muxer = MuxerBuilder::new(BufWriter::new(file))
        .video(
            VideoCodec::H264,
            plan.width,
            plan.height,
            f64::from(plan.fps),
        )
        .with_fast_start(true)
        .build()
        .map_err(|e| video_error("mp4", e))?;

    let (tx, rx) = sync_channel::<Vec<u8>>(3);
    let (back_tx, back_rx) = sync_channel::<Vec<u8>>(4);
    std::thread::scope(|s| -> Result<()> {
        // Renderer thread: frames in order, as YUV buffers (recycled through back_rx).
        let producer = s.spawn(move || {
            let mut rgb = renderer.blank();
            let mut scratch = renderer.blank();
            // A card's frames are identical: converted once, then copied.
            let mut still: Option<(usize, Vec<u8>)> = None;
            for f in 0..total {
                if ctl.cancelled() {
                    break;
                }
                let mut yuv = back_rx.try_recv().unwrap_or_default();
                match (renderer.still_at(f), &still) {
                    (Some(i), Some((j, same))) if i == *j => {
                        yuv.clear();
                        yuv.extend_from_slice(same);
                    }
                    (now, _) => {
                        renderer.frame(f, &mut rgb, &mut scratch);
                        to_yuv420(&rgb, &mut yuv);
                        still = now.map(|i| (i, yuv.clone()));
                    }
                }
                if tx.send(yuv).is_err() {
                    break;
                }
            }
        });
        let mut done = 0u32;
        for yuv in rx.iter() {
            let (y, uv) = yuv.split_at(w * h);
            let (u, v) = uv.split_at(w * h / 4);
            let src = YUVSlices::new((y, u, v), (w, h), (w, w / 2, w / 2));
            let bits = encoder.encode(&src).map_err(|e| video_error("encode", e))?;
            let key = matches!(bits.frame_type(), FrameType::IDR | FrameType::I);
            let data = bits.to_vec();
            muxer
                .write_video(f64::from(done) / f64::from(plan.fps), &data, key)
                .map_err(|e| video_error("mp4", e))?;
            done += 1;
            if let Some(p) = ctl.progress {
                p(done, total);
            }
            let _ = back_tx.try_send(yuv);
            if ctl.cancelled() {
                break;
            }
        }
        drop(rx);
        let _ = producer.join();
        if ctl.cancelled() {
            return Err(CoreError::Cancelled);
        }
        if done != total {
            return Err(video_error("frames", format!("{done} of {total}")));
        }
        Ok(())
    })?;
    muxer.finish().map_err(|e| video_error("mp4", e))?;
    Ok(())
}
