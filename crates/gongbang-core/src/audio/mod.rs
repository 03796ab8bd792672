//! Why: a video may carry the owner's background music. Their file (MP3, M4A, WAV, OGG) is checked by
//! decoding it all before anything is kept, then copied into the library's store under its content hash, so
//! the video can be made again later and their own file is only ever read. At export the stored copy is
//! decoded again, made 48 kHz stereo, looped or cut to the video's length, faded in and out, and encoded
//! as AAC-LC (what YouTube recommends) for the MP4. Nothing of the file but its sound reaches the video
//! (no tags, no cover art).

mod aac;
mod decode;
mod resample;
mod track;

use std::path::Path;

use crate::domain::Music;
pub use crate::error::AudioError;
use crate::library::Library;
use crate::{store, CoreError, Result};

pub use aac::{encode_aac, AacTrack, FRAME as AAC_FRAME};
pub use decode::{declared_seconds, decode, Pcm};
pub use resample::resample;
pub use track::{fit, FADE_IN_SECONDS, FADE_OUT_SECONDS};

/// The sound track's sample rate: AAC-LC at 48 kHz, the rate of the video world (and exact on the MP4's
/// 90 kHz clock: 1 024 samples are 1 920 ticks).
pub const RATE: u32 = 48_000;
/// The sound track's channels: stereo.
pub const CHANNELS: u16 = 2;
/// The largest music file taken (a few minutes of MP3 is 5–10 MB; a long WAV is the big one).
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;
/// How much of a music file is decoded to check it (the rest of a long file is decoded when a video needs it).
const CHECK_SECONDS: f64 = 600.0;
/// The file types taken, by extension (lowercase).
pub const EXTENSIONS: [&str; 4] = ["mp3", "m4a", "wav", "ogg"];

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Checks the owner's music file and keeps a copy in the library's store. The file is opened only for
/// reading; an unsupported, too large, unreadable or nearly empty file is refused before anything is
/// written.
pub fn import_music(lib: &Library, path: &Path) -> Result<Music> {
    let name = file_name(path);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .filter(|e| EXTENSIONS.contains(&e.as_str()))
        .ok_or_else(|| AudioError::Unsupported { name: name.clone() })?;
    let size = std::fs::metadata(path)
        .map_err(|e| CoreError::io(path, e))?
        .len();
    if size > MAX_BYTES {
        return Err(AudioError::TooLarge {
            name,
            mb: size.div_ceil(1024 * 1024),
            limit_mb: MAX_BYTES / (1024 * 1024),
        }
        .into());
    }
    let bytes = store::read_original(path)?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let pcm = decode(bytes.clone(), &extension, &name, CHECK_SECONDS)?;
    // Its length as the file declares it when that is known (a long file is checked only in part).
    let seconds = if pcm.seconds() >= CHECK_SECONDS {
        declared_seconds(&bytes, &extension).unwrap_or(pcm.seconds())
    } else {
        pcm.seconds()
    };
    let target = Library::store_paths(lib.root()).music(&hash, &extension);
    store::store_once(&target, &bytes)?;
    Ok(Music {
        hash,
        extension,
        name,
        seconds,
    })
}

/// The video's sound track from its stored music: `seconds` long (the video's length), 48 kHz stereo
/// AAC-LC, faded in and out.
pub fn sound_track(lib_root: &Path, music: &Music, seconds: f64) -> Result<AacTrack> {
    let path = Library::store_paths(lib_root).music(&music.hash, &music.extension);
    let bytes = store::read_original(&path)?;
    let pcm = decode(bytes, &music.extension, &music.name, seconds + 1.0)?;
    let stereo = resample(&pcm.to_stereo(), pcm.rate, RATE);
    // The encoder adds one frame of delay: feed one frame less, so the track lasts as long as the video.
    let samples = track::samples_for(seconds, RATE).saturating_sub(AAC_FRAME);
    let fitted = fit(&stereo, samples, RATE);
    encode_aac(&fitted, RATE)
}
