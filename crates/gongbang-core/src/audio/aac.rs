//! Why: the sound track goes into the MP4 as AAC-LC, the audio codec YouTube recommends for uploads and
//! the one every player has. `rusty_aac` encodes it in pure Rust (nothing to build from C on Linux or for
//! Windows); each access unit is wrapped in an ADTS header, the framing the MP4 muxer takes.

use rusty_aac::{write_adts_header, AacEncoder, AacEncoderConfig, AdtsHeader};

use crate::{CoreError, Result};

/// AAC-LC bit rate for stereo music (YouTube suggests 128 kbit/s or more for stereo).
pub const BITRATE: u32 = 192_000;
/// Samples per AAC frame.
pub const FRAME: usize = 1024;

/// An encoded sound track: ADTS frames of 1 024 samples each, in order.
#[derive(Debug, Clone)]
pub struct AacTrack {
    pub rate: u32,
    pub channels: u16,
    pub frames: Vec<Vec<u8>>,
}

impl AacTrack {
    /// Seconds the track plays (frames × 1 024 samples).
    pub fn seconds(&self) -> f64 {
        (self.frames.len() * FRAME) as f64 / f64::from(self.rate.max(1))
    }
}

fn aac_error(e: impl std::fmt::Display) -> CoreError {
    CoreError::invalid(
        format!("영상의 음악을 만들지 못했습니다 (AAC): {e}"),
        format!("The video's music could not be made (AAC): {e}"),
    )
}

/// Encodes interleaved stereo at `rate` as AAC-LC. The encoder adds one frame of delay (the MDCT's
/// overlap) and flushes it at the end, so `n` samples come out as ⌈n / 1024⌉ + 1 frames; the caller feeds
/// one frame less than it wants to hear for the track to last exactly as long.
pub fn encode_aac(stereo: &[f32], rate: u32) -> Result<AacTrack> {
    let mut encoder = AacEncoder::new(AacEncoderConfig {
        bitrate_bps: BITRATE,
        ..AacEncoderConfig::default()
    });
    encoder.push_pcm(stereo, 2, rate).map_err(aac_error)?;
    encoder.finish();
    let mut frames = Vec::new();
    loop {
        match encoder.next_packet() {
            Ok(p) => {
                let mut frame = write_adts_header(&AdtsHeader {
                    object_type: 2,
                    sample_rate: rate,
                    channels: 2,
                    frame_length: 7 + p.data.len(),
                    header_len: 7,
                });
                frame.extend_from_slice(&p.data);
                frames.push(frame);
            }
            Err(rusty_aac::Error::Eof) => break,
            Err(e) => return Err(aac_error(e)),
        }
    }
    Ok(AacTrack {
        rate,
        channels: 2,
        frames,
    })
}
