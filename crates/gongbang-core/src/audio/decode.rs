//! Why: the owner's music arrives as MP3, M4A (AAC in MP4), WAV or OGG Vorbis; symphonia (pure Rust)
//! decodes every one of them to plain samples, from bytes in memory (the owner's file was read once,
//! read-only). A damaged file is refused with a clear message, never a panic.

use std::io::Cursor;

use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{DecoderOptions, CODEC_TYPE_NULL};
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::FormatOptions;
use symphonia::core::io::{MediaSourceStream, MediaSourceStreamOptions};
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use super::AudioError;
use crate::Result;

/// Less than this much sound is refused (a file that is a click, or a broken one that yields a few frames).
const MIN_SECONDS: f64 = 1.0;
/// A file whose packets fail to decode more often than this is refused as damaged.
const MAX_BAD_PACKETS: usize = 50;

/// Decoded sound: interleaved samples in [-1, 1].
#[derive(Debug, Clone)]
pub struct Pcm {
    pub rate: u32,
    pub channels: u16,
    pub samples: Vec<f32>,
}

impl Pcm {
    /// Frames (one sample per channel).
    pub fn frames(&self) -> usize {
        self.samples.len() / usize::from(self.channels.max(1))
    }

    /// Length in seconds.
    pub fn seconds(&self) -> f64 {
        self.frames() as f64 / f64::from(self.rate.max(1))
    }

    /// The sound as interleaved stereo: mono is put on both sides; of more channels the front left and
    /// right are kept (the first two in every layout these formats use).
    pub fn to_stereo(&self) -> Vec<f32> {
        let ch = usize::from(self.channels.max(1));
        let mut out = Vec::with_capacity(self.frames() * 2);
        for frame in self.samples.chunks_exact(ch) {
            let l = frame[0];
            let r = if ch == 1 { l } else { frame[1] };
            out.push(l);
            out.push(r);
        }
        out
    }
}

fn unreadable(name: &str, detail: impl std::fmt::Display) -> AudioError {
    AudioError::Unreadable {
        name: name.to_string(),
        detail: detail.to_string(),
    }
}

/// Decodes a music file held in memory, its first `max_seconds` at most (an hour of MP3 is under the size
/// limit; only what the video can use is kept in memory); `extension` helps find its format. A decoder
/// that panics on a hostile file is caught and reported as an unreadable file.
pub fn decode(bytes: Vec<u8>, extension: &str, name: &str, max_seconds: f64) -> Result<Pcm> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        decode_inner(bytes, extension, name, max_seconds)
    }))
    .unwrap_or_else(|_| Err(unreadable(name, "the decoder failed on this file").into()))
}

fn decode_inner(bytes: Vec<u8>, extension: &str, name: &str, max_seconds: f64) -> Result<Pcm> {
    let mss = MediaSourceStream::new(
        Box::new(Cursor::new(bytes)),
        MediaSourceStreamOptions::default(),
    );
    let mut hint = Hint::new();
    hint.with_extension(extension);
    let probed = symphonia::default::get_probe()
        .format(
            &hint,
            mss,
            &FormatOptions::default(),
            &MetadataOptions::default(),
        )
        .map_err(|e| unreadable(name, e))?;
    let mut format = probed.format;
    let track = format
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
        .ok_or_else(|| unreadable(name, "no sound track"))?;
    let track_id = track.id;
    let mut decoder = symphonia::default::get_codecs()
        .make(&track.codec_params, &DecoderOptions::default())
        .map_err(|e| unreadable(name, e))?;
    let mut out: Option<Pcm> = None;
    let mut bad = 0usize;
    let mut buf: Option<SampleBuffer<f32>> = None;
    loop {
        let packet = match format.next_packet() {
            Ok(p) => p,
            Err(SymError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(SymError::ResetRequired) => break,
            Err(e) => {
                // A file cut short mid-packet still plays up to there; anything else is damage.
                if out.is_some() && matches!(e, SymError::IoError(_)) {
                    break;
                }
                return Err(unreadable(name, e).into());
            }
        };
        if packet.track_id() != track_id {
            continue;
        }
        match decoder.decode(&packet) {
            Ok(decoded) => {
                let spec = *decoded.spec();
                let channels = u16::try_from(spec.channels.count()).unwrap_or(u16::MAX);
                if channels == 0 || spec.rate == 0 {
                    return Err(unreadable(name, "no channels").into());
                }
                let pcm = out.get_or_insert_with(|| Pcm {
                    rate: spec.rate,
                    channels,
                    samples: Vec::new(),
                });
                if pcm.rate != spec.rate || pcm.channels != channels {
                    return Err(unreadable(name, "the sound changes format midway").into());
                }
                let needed = decoded.capacity() as u64;
                let sb = match &mut buf {
                    Some(b) if b.capacity() as u64 >= needed * u64::from(channels) => b,
                    _ => buf.insert(SampleBuffer::new(needed, spec)),
                };
                sb.copy_interleaved_ref(decoded);
                pcm.samples.extend_from_slice(sb.samples());
                if pcm.seconds() >= max_seconds {
                    break;
                }
            }
            Err(SymError::DecodeError(_)) => {
                bad += 1;
                if bad > MAX_BAD_PACKETS {
                    return Err(unreadable(name, "too many damaged frames").into());
                }
            }
            Err(e) => return Err(unreadable(name, e).into()),
        }
    }
    let mut pcm = out.ok_or_else(|| unreadable(name, "no sound could be decoded"))?;
    if pcm.seconds() < MIN_SECONDS {
        return Err(AudioError::TooShort {
            name: name.to_string(),
        }
        .into());
    }
    for s in &mut pcm.samples {
        *s = if s.is_finite() {
            s.clamp(-1.0, 1.0)
        } else {
            0.0
        };
    }
    Ok(pcm)
}

/// The length a file declares for its sound track (frames ÷ rate), without decoding it; `None` when the
/// format does not say.
pub fn declared_seconds(bytes: &[u8], extension: &str) -> Option<f64> {
    let mss = MediaSourceStream::new(
        Box::new(Cursor::new(bytes.to_vec())),
        MediaSourceStreamOptions::default(),
    );
    let mut hint = Hint::new();
    hint.with_extension(extension);
    let probed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        symphonia::default::get_probe().format(
            &hint,
            mss,
            &FormatOptions::default(),
            &MetadataOptions::default(),
        )
    }))
    .ok()?
    .ok()?;
    let track = probed
        .format
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)?;
    let frames = track.codec_params.n_frames?;
    let rate = track.codec_params.sample_rate?;
    (rate > 0).then(|| frames as f64 / f64::from(rate))
}
