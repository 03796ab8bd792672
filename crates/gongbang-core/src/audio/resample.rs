//! Why: the sound track is 48 kHz, and owners' music is often 44.1 kHz (or 32, 22.05…). A band-limited
//! resampler (windowed sinc, a table of 512 phases, 32 taps at the narrower of the two rates' bands) keeps
//! the music clean without pulling in an FFT library for a few minutes of sound.

use std::f64::consts::PI;

/// Kernel phases per input sample.
const PHASES: usize = 512;
/// Zero crossings of the sinc on each side (at the narrower band).
const HALF_TAPS: usize = 16;

fn sinc(x: f64) -> f64 {
    if x.abs() < 1e-12 {
        1.0
    } else {
        (PI * x).sin() / (PI * x)
    }
}

/// Blackman window over [-1, 1].
fn blackman(u: f64) -> f64 {
    if u.abs() >= 1.0 {
        0.0
    } else {
        0.42 + 0.5 * (PI * u).cos() + 0.08 * (2.0 * PI * u).cos()
    }
}

/// Interleaved stereo at `from` Hz to interleaved stereo at `to` Hz (the same sound, its length scaled).
pub fn resample(stereo: &[f32], from: u32, to: u32) -> Vec<f32> {
    if from == to || from == 0 || to == 0 {
        return stereo.to_vec();
    }
    let frames = stereo.len() / 2;
    let ratio = f64::from(from) / f64::from(to);
    // Cut-off at the narrower Nyquist (a little below it), in cycles per input sample.
    let cutoff = 0.5 * ratio.recip().min(1.0) * 0.97;
    // Taps on each side, in input samples: wider when going down, so the filter keeps its shape.
    let half = (HALF_TAPS as f64 * ratio.max(1.0)).ceil() as usize;
    let taps = 2 * half;
    // table[p][k]: weight of input sample (i - half + 1 + k) for an output at i + p / PHASES.
    let mut table = vec![0f32; (PHASES + 1) * taps];
    for p in 0..=PHASES {
        let frac = p as f64 / PHASES as f64;
        let row = &mut table[p * taps..(p + 1) * taps];
        let mut sum = 0.0;
        for (k, w) in row.iter_mut().enumerate() {
            let d = (k as f64 - half as f64 + 1.0) - frac;
            let v = 2.0 * cutoff * sinc(2.0 * cutoff * d) * blackman(d / half as f64);
            *w = v as f32;
            sum += v;
        }
        // Unity gain at DC for every phase.
        if sum.abs() > 1e-9 {
            for w in row.iter_mut() {
                *w = (f64::from(*w) / sum) as f32;
            }
        }
    }
    let out_frames = ((frames as f64) / ratio).floor() as usize;
    let mut out = Vec::with_capacity(out_frames * 2);
    for j in 0..out_frames {
        let t = j as f64 * ratio;
        let i = t.floor() as usize;
        let p = ((t - i as f64) * PHASES as f64).round() as usize;
        let row = &table[p * taps..(p + 1) * taps];
        let (mut l, mut r) = (0f32, 0f32);
        let first = i as isize - half as isize + 1;
        for (k, w) in row.iter().enumerate() {
            let n = first + k as isize;
            if n >= 0 && (n as usize) < frames {
                let n = n as usize;
                l += w * stereo[2 * n];
                r += w * stereo[2 * n + 1];
            }
        }
        out.push(l);
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(freq: f64, rate: u32, seconds: f64) -> Vec<f32> {
        let n = (f64::from(rate) * seconds) as usize;
        (0..n)
            .flat_map(|i| {
                let v = (2.0 * PI * freq * i as f64 / f64::from(rate)).sin() as f32 * 0.5;
                [v, v]
            })
            .collect()
    }

    #[test]
    fn a_tone_keeps_its_pitch_level_and_length() {
        let x = tone(1000.0, 44_100, 1.0);
        let y = resample(&x, 44_100, 48_000);
        assert_eq!(y.len() / 2, 48_000);
        // Compare against the ideal 48 kHz tone away from the edges: the error is tiny.
        let ideal = tone(1000.0, 48_000, 1.0);
        let mut err = 0f64;
        let mut sig = 0f64;
        for k in (2000..46_000).map(|k| 2 * k) {
            err += f64::from(y[k] - ideal[k]).powi(2);
            sig += f64::from(ideal[k]).powi(2);
        }
        let snr_db = 10.0 * (sig / err).log10();
        assert!(snr_db > 60.0, "SNR {snr_db} dB");
    }

    #[test]
    fn going_down_removes_what_the_new_rate_cannot_hold() {
        // 20 kHz at 48 kHz cannot exist at 22.05 kHz: it must vanish, not fold down to 2.05 kHz.
        let x = tone(20_000.0, 48_000, 0.5);
        let y = resample(&x, 48_000, 22_050);
        let rms = (y[2000..y.len() - 2000]
            .iter()
            .map(|v| f64::from(*v).powi(2))
            .sum::<f64>()
            / (y.len() - 4000) as f64)
            .sqrt();
        assert!(rms < 0.01, "rms {rms}");
    }

    #[test]
    fn same_rate_is_untouched() {
        let x = tone(440.0, 48_000, 0.1);
        assert_eq!(resample(&x, 48_000, 48_000), x);
    }
}
