//! Why: the music must last exactly as long as the video: a short song is played again (each pass joined
//! with a few milliseconds of fade so the seam does not click), a long one is cut; then it fades in at the
//! start and out at the end, so the video neither starts with a jolt nor stops mid-note.

/// Fade-in at the video's start, in seconds.
pub const FADE_IN_SECONDS: f64 = 1.5;
/// Fade-out at the video's end, in seconds.
pub const FADE_OUT_SECONDS: f64 = 2.5;
/// The little fade at each seam of a looped song, in seconds.
const SEAM_SECONDS: f64 = 0.02;

/// Sample frames for `seconds` at `rate`.
pub fn samples_for(seconds: f64, rate: u32) -> usize {
    if seconds.is_finite() && seconds > 0.0 {
        (seconds * f64::from(rate)).round() as usize
    } else {
        0
    }
}

/// Gain of a linear ramp over `len` frames at position `i` (0 at the start, 1 at the end).
fn ramp(i: usize, len: usize) -> f32 {
    if len == 0 {
        1.0
    } else {
        (i as f32 / len as f32).min(1.0)
    }
}

/// Interleaved stereo `song` made exactly `frames` long: looped or cut, faded in and out. Fades shrink
/// for a very short video so they never take more than a third of it each.
pub fn fit(song: &[f32], frames: usize, rate: u32) -> Vec<f32> {
    let song_frames = song.len() / 2;
    let mut out = vec![0f32; frames * 2];
    if song_frames == 0 || frames == 0 {
        return out;
    }
    let looped = song_frames < frames;
    let seam = if looped {
        samples_for(SEAM_SECONDS, rate).min(song_frames / 4)
    } else {
        0
    };
    for f in 0..frames {
        let s = f % song_frames;
        let mut g = 1.0f32;
        if looped {
            // Fade each pass in and out over the seam, except the very start and end (faded below).
            if f >= song_frames {
                g *= ramp(s, seam);
            }
            // …and out before each seam that the video reaches.
            let left = song_frames - s;
            if left <= seam && f + left < frames {
                g *= ramp(left - 1, seam);
            }
        }
        out[2 * f] = song[2 * s] * g;
        out[2 * f + 1] = song[2 * s + 1] * g;
    }
    let fade_in = samples_for(FADE_IN_SECONDS, rate).min(frames / 3);
    let fade_out = samples_for(FADE_OUT_SECONDS, rate).min(frames / 3);
    for f in 0..fade_in {
        let g = ramp(f, fade_in);
        out[2 * f] *= g;
        out[2 * f + 1] *= g;
    }
    for k in 0..fade_out {
        let f = frames - 1 - k;
        let g = ramp(k, fade_out);
        out[2 * f] *= g;
        out[2 * f + 1] *= g;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ones(frames: usize) -> Vec<f32> {
        vec![0.5; frames * 2]
    }

    #[test]
    fn a_long_song_is_cut_and_faded() {
        let rate = 1000;
        let out = fit(&ones(20_000), 10_000, rate);
        assert_eq!(out.len(), 20_000);
        assert_eq!(out[0], 0.0);
        assert!((out[2 * 5000] - 0.5).abs() < 1e-6);
        // Half-way through the fade-in (1.5 s = 1500 frames): half the level.
        assert!((out[2 * 750] - 0.25).abs() < 0.01);
        // The last frame is silent, 1.25 s before the end is half level (2.5 s fade-out).
        assert_eq!(out[2 * 9999], 0.0);
        assert!((out[2 * (9999 - 1250)] - 0.25).abs() < 0.01);
    }

    #[test]
    fn a_short_song_is_played_again_with_quiet_seams() {
        let rate = 1000;
        // A 3 s song for a 10 s video: passes start at 3000, 6000, 9000.
        let out = fit(&ones(3000), 10_000, rate);
        assert_eq!(out.len(), 20_000);
        for seam in [3000, 6000, 9000] {
            assert!(out[2 * seam] < 0.01, "seam {seam}: {}", out[2 * seam]);
            assert!(out[2 * (seam - 1)] < 0.03, "before seam {seam}");
            assert!((out[2 * (seam + 100)] - 0.5).abs() < 1e-6 || seam == 9000);
        }
        // Between seams, full level.
        assert!((out[2 * 4500] - 0.5).abs() < 1e-6);
        assert!((out[2 * 7000] - 0.5).abs() < 1e-6);
    }

    #[test]
    fn fades_shrink_for_a_very_short_video() {
        let out = fit(&ones(10_000), 3000, 1000);
        // Fades are 1 s each (a third of 3 s): the middle is at full level.
        assert!((out[2 * 1500] - 0.5).abs() < 1e-6);
        assert!(out[2 * 500] < 0.3);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert_eq!(fit(&[], 100, 1000), vec![0.0; 200]);
        assert!(fit(&ones(10), 0, 1000).is_empty());
        assert_eq!(samples_for(f64::NAN, 48_000), 0);
    }
}
