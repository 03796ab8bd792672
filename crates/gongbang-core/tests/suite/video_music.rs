//! Background music for the YouTube video, checked with the real tools: music files of every kind the app
//! takes (MP3, M4A, WAV, OGG — made here by ffmpeg from a generated tone) are taken, copied into the store
//! and left untouched; damaged, unknown, too large or nearly empty ones are refused with their codes; a
//! video with music has exactly one AAC sound track as long as the video, decodes without a word, keeps
//! moov first, loops short music and cuts long music, keeps the tone's pitch (44.1 kHz resampled to 48
//! kHz) and fades in and out; a video without music has no sound track at all.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use gongbang_core::audio;
use gongbang_core::export::export_post;
use gongbang_core::import::import_paths;
use gongbang_core::ops;
use gongbang_core::repo::{jobs, posts};
use gongbang_core::{draft, JobFields, Library, Platform};

/// A tone made by ffmpeg: `seconds` of `freq` Hz at `rate`, stereo, into `dir/name` (the codec follows the
/// extension; OGG is Vorbis).
fn tone(dir: &Path, name: &str, freq: u32, seconds: f64, rate: u32) -> PathBuf {
    let out = dir.join(name);
    let mut cmd = Command::new("ffmpeg");
    cmd.args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg(format!(
            "sine=frequency={freq}:duration={seconds}:sample_rate={rate}"
        ))
        .args(["-ac", "2"]);
    if name.ends_with(".ogg") {
        cmd.args(["-c:a", "libvorbis"]);
    }
    let st = cmd
        .arg(&out)
        .status()
        .expect("ffmpeg must be installed (Debian: ffmpeg) — for making test music only");
    assert!(st.success(), "ffmpeg could not make {name}");
    out
}

/// The audio of `path` decoded by ffmpeg: 48 kHz mono f32 (left and right averaged).
fn decoded_audio(path: &Path) -> Vec<f32> {
    let out = Command::new("ffmpeg")
        .args(["-v", "error", "-i"])
        .arg(path)
        .args(["-vn", "-ac", "1", "-ar", "48000", "-f", "f32le", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

fn rms(x: &[f32]) -> f64 {
    (x.iter().map(|v| f64::from(*v).powi(2)).sum::<f64>() / x.len().max(1) as f64).sqrt()
}

/// RMS of `ms` milliseconds starting at `at_s` seconds (48 kHz mono).
fn rms_at(x: &[f32], at_s: f64, ms: f64) -> f64 {
    let a = (at_s * 48_000.0) as usize;
    let b = a + (ms * 48.0) as usize;
    rms(&x[a.min(x.len())..b.min(x.len())])
}

/// Upward zero crossings per second over one second from `at_s`: the tone's frequency.
fn pitch_at(x: &[f32], at_s: f64) -> usize {
    let a = (at_s * 48_000.0) as usize;
    x[a..a + 48_000]
        .windows(2)
        .filter(|w| w[0] < 0.0 && w[1] >= 0.0)
        .count()
}

/// An own-product job with two photos and a video draft at 3 s per photo; returns the post.
fn video_post(lib: &mut Library, platform: Platform) -> i64 {
    let job = own_job(
        lib,
        &JobFields {
            title: "알루미늄 브래킷".into(),
            material: "AL6061".into(),
            process: "머시닝센터".into(),
            ..JobFields::default()
        },
    );
    let files = [
        photos_dir().join("orientation/Landscape_1.jpg"),
        photos_dir().join("gps/DSCN0010.jpg"),
    ];
    let s = import_paths(lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0);
    let ids: Vec<i64> = s
        .items
        .iter()
        .map(|i| i.photo.as_ref().unwrap().id)
        .collect();
    jobs::set_photo_order(lib.conn_mut(), job.id, &ids).unwrap();
    let post = draft::make_draft(lib, job.id, platform).unwrap();
    let mut v = post.video.clone();
    v.seconds_per_photo = 3.0;
    posts::save_video(lib.conn(), post.id, &v).unwrap();
    post.id
}

/// The video's streams as `codec_type,codec_name,duration` lines (video first, as the muxer writes them).
fn streams(mp4: &Path) -> Vec<(String, String, f64)> {
    common::ffprobe(
        mp4,
        &[
            "-show_entries",
            "stream=codec_type,codec_name,duration",
            "-of",
            "csv=p=0",
        ],
    )
    .lines()
    .map(|l| {
        let f: Vec<&str> = l.split(',').collect();
        (
            f[1].to_string(),
            f[0].to_string(),
            f[2].parse::<f64>().unwrap(),
        )
    })
    .collect()
}

fn no_ffmpeg_complaints(mp4: &Path) {
    let out = Command::new("ffmpeg")
        .args(["-v", "error", "-i"])
        .arg(mp4)
        .args(["-f", "null", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "ffmpeg said: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs ffmpeg/ffprobe, which run on Linux (this test runs there)"
)]
fn every_kind_of_music_is_taken_copied_and_left_untouched() {
    let (tmp, mut lib) = temp_library();
    let post_id = video_post(&mut lib, Platform::Youtube);
    for (name, rate) in [
        ("tone.mp3", 44_100),
        ("tone.m4a", 44_100),
        ("tone.wav", 48_000),
        ("tone.ogg", 32_000),
    ] {
        let file = tone(tmp.path(), name, 440, 3.0, rate);
        let before = std::fs::read(&file).unwrap();
        let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
        let post = ops::posts::set_music(&lib, post_id, Some(&file)).unwrap();
        let m = post.video.music.clone().expect("music set");
        assert_eq!(m.name, name);
        assert_eq!(m.extension, name.rsplit('.').next().unwrap());
        assert!((m.seconds - 3.0).abs() < 0.1, "{name}: {} s", m.seconds);
        // The copy in the store holds the same bytes; the owner's file is as it was.
        let stored = Library::store_paths(lib.root()).music(&m.hash, &m.extension);
        assert_eq!(std::fs::read(&stored).unwrap(), before, "{name}");
        assert_eq!(std::fs::read(&file).unwrap(), before, "{name}");
        assert_eq!(
            std::fs::metadata(&file).unwrap().modified().unwrap(),
            modified
        );
        // A long file is checked only in part and reports the length it declares: WAV, M4A and OGG say it.
        if let Some(d) = audio::declared_seconds(&before, &m.extension) {
            assert!((d - 3.0).abs() < 0.1, "{name}: declares {d} s");
        } else {
            assert_eq!(
                name, "tone.mp3",
                "only an MP3 without a Xing header may not declare its length"
            );
        }
        // Saved with the post.
        assert_eq!(
            ops::posts::get(&lib, post_id).unwrap().video.music,
            Some(m.clone())
        );

        // Its sound track for a 5 s video: 48 kHz stereo AAC-LC that ffmpeg reads, 5 s long, the tone's pitch.
        let track = audio::sound_track(lib.root(), &m, 5.0).unwrap();
        assert_eq!((track.rate, track.channels), (48_000, 2));
        assert!(
            (track.seconds() - 5.0).abs() < 0.03,
            "{name}: {}",
            track.seconds()
        );
        let adts = tmp.path().join(format!("{name}.aac"));
        std::fs::write(&adts, track.frames.concat()).unwrap();
        let probe = common::ffprobe(
            &adts,
            &[
                "-show_entries",
                "stream=codec_name,profile,sample_rate,channels",
                "-of",
                "csv=p=0",
            ],
        );
        assert_eq!(probe.trim(), "aac,LC,48000,2", "{name}");
        let pcm = decoded_audio(&adts);
        let hz = pitch_at(&pcm, 2.0);
        assert!((435..=445).contains(&hz), "{name}: {hz} Hz");
    }
    // No music: the post is silent again.
    let post = ops::posts::set_music(&lib, post_id, None).unwrap();
    assert_eq!(post.video.music, None);
}

#[test]
fn unusable_music_is_refused_with_its_code_and_nothing_is_kept() {
    let (tmp, mut lib) = temp_library();
    let post_id = video_post(&mut lib, Platform::Youtube);
    let code = |path: &Path| {
        let e = ops::posts::set_music(&lib, post_id, Some(path)).unwrap_err();
        assert!(!e.message_ko().is_empty() && !e.message_en().is_empty());
        (e.code(), e.message_ko(), e.message_en())
    };
    // Not music at all, under a music name.
    let fake = tmp.path().join("노래.mp3");
    std::fs::write(
        &fake,
        "이건 음악이 아닙니다 / this is not music\n".repeat(200),
    )
    .unwrap();
    let (c, ko, en) = code(&fake);
    assert_eq!(c, "music_unreadable", "{ko}");
    assert!(
        ko.contains("노래.mp3") && ko.contains("읽을 수 없습니다"),
        "{ko}"
    );
    assert!(en.contains("cannot be read"), "{en}");
    // Random bytes as WAV and as M4A.
    let mut noise = Vec::with_capacity(100_000);
    let mut x = 0x2545_f491_u32;
    for _ in 0..100_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push((x >> 24) as u8);
    }
    for name in ["noise.wav", "noise.m4a", "noise.ogg"] {
        let f = tmp.path().join(name);
        std::fs::write(&f, &noise).unwrap();
        assert_eq!(code(&f).0, "music_unreadable", "{name}");
    }
    if LINUX_CHECKERS {
        // A real WAV whose header was cut off, and one that is a click.
        let good = tone(tmp.path(), "ok.wav", 440, 2.0, 48_000);
        let bytes = std::fs::read(&good).unwrap();
        let cut = tmp.path().join("cut.wav");
        std::fs::write(&cut, &bytes[..30]).unwrap();
        assert_eq!(code(&cut).0, "music_unreadable");
        let click = tone(tmp.path(), "click.wav", 440, 0.2, 48_000);
        assert_eq!(code(&click).0, "music_too_short");
    }
    // A format the app does not take.
    let flac = tmp.path().join("song.flac");
    std::fs::write(&flac, b"fLaC").unwrap();
    assert_eq!(code(&flac).0, "music_unsupported");
    // Too large: refused before it is read (a sparse file).
    let big = tmp.path().join("big.wav");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(audio::MAX_BYTES + 1)
        .unwrap();
    let (c, ko, _) = code(&big);
    assert_eq!(c, "music_too_large");
    assert!(ko.contains("50MB"), "{ko}");
    // Nothing was kept, and the post is still silent.
    assert!(!lib.root().join("music").exists());
    assert_eq!(ops::posts::get(&lib, post_id).unwrap().video.music, None);
    // Music the store does not hold cannot be slipped in through the settings.
    let mut v = ops::posts::get(&lib, post_id).unwrap().video;
    v.music = Some(gongbang_core::domain::Music {
        hash: "0".repeat(64),
        extension: "mp3".into(),
        name: "x.mp3".into(),
        seconds: 3.0,
    });
    assert_eq!(
        ops::posts::save_video(&lib, post_id, &v)
            .unwrap_err()
            .code(),
        "invalid"
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs ffmpeg/ffprobe, which run on Linux (this test runs there)"
)]
fn the_video_carries_the_music_looped_or_cut_and_faded_and_is_silent_without() {
    let (tmp, mut lib) = temp_library();
    let post_id = video_post(&mut lib, Platform::Youtube);

    // Silent: no sound track at all.
    let silent = export_post(&mut lib, post_id, &tmp.path().join("silent"), &[]).unwrap();
    let mp4 = PathBuf::from(&silent.folder).join("video.mp4");
    let s = streams(&mp4);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].0.as_str(), s[0].1.as_str()), ("video", "h264"));

    // Short music (3 s of MP3 at 44.1 kHz): played again and again for the whole video.
    let short = tone(tmp.path(), "short.mp3", 440, 3.0, 44_100);
    ops::posts::set_music(&lib, post_id, Some(&short)).unwrap();
    let r = export_post(&mut lib, post_id, &tmp.path().join("short"), &[]).unwrap();
    let mp4 = PathBuf::from(&r.folder).join("video.mp4");
    let s = streams(&mp4);
    assert_eq!(s.len(), 2, "{s:?}");
    let video_s = s.iter().find(|x| x.0 == "video").unwrap();
    let audio_s: Vec<_> = s.iter().filter(|x| x.0 == "audio").collect();
    assert_eq!(audio_s.len(), 1, "{s:?}");
    assert_eq!(video_s.1, "h264");
    assert_eq!(audio_s[0].1, "aac");
    assert!(video_s.2 > 8.0, "{video_s:?}");
    assert!((audio_s[0].2 - video_s.2).abs() < 0.1, "{s:?}");
    let probe = common::ffprobe(
        &mp4,
        &[
            "-select_streams",
            "a",
            "-show_entries",
            "stream=profile,sample_rate,channels",
            "-of",
            "csv=p=0",
        ],
    );
    assert_eq!(probe.trim(), "LC,48000,2");
    no_ffmpeg_complaints(&mp4);
    let boxes = common::mp4_top_boxes(&mp4);
    let moov = boxes.iter().position(|b| b == "moov").unwrap();
    let mdat = boxes.iter().position(|b| b == "mdat").unwrap();
    assert!(moov < mdat, "{boxes:?}");

    let pcm = decoded_audio(&mp4);
    let dur = video_s.2;
    let mid = rms_at(&pcm, dur / 2.0 - 0.5, 1000.0);
    assert!(mid > 0.05, "the music is heard: {mid}");
    // Faded: the first and last 50 ms are near silence.
    let start = rms_at(&pcm, 0.0, 50.0);
    let end = rms_at(&pcm, dur - 0.05, 50.0);
    assert!(start < mid * 0.05, "start {start} vs {mid}");
    assert!(end < mid * 0.05, "end {end} vs {mid}");
    // Still rising half a second in, still falling a second before the end.
    assert!(rms_at(&pcm, 0.5, 50.0) < mid * 0.6);
    assert!(rms_at(&pcm, dur - 1.0, 50.0) < mid * 0.6);
    // Looped: full level in the middle of every later pass (3 s each), and the pitch is the tone's.
    for pass in 1..((dur - 3.0) / 3.0) as usize {
        let at = pass as f64 * 3.0 + 1.5;
        let level = rms_at(&pcm, at, 200.0);
        assert!(level > mid * 0.8, "pass {pass} at {at} s: {level} vs {mid}");
    }
    let hz = pitch_at(&pcm, 4.0);
    assert!((435..=445).contains(&hz), "{hz} Hz");

    // Long music (30 s of WAV): cut to the video's length, still faded out at the end.
    let long = tone(tmp.path(), "long.wav", 660, 30.0, 48_000);
    ops::posts::set_music(&lib, post_id, Some(&long)).unwrap();
    let r = export_post(&mut lib, post_id, &tmp.path().join("long"), &[]).unwrap();
    let mp4 = PathBuf::from(&r.folder).join("video.mp4");
    let s = streams(&mp4);
    let audio_s: Vec<_> = s.iter().filter(|x| x.0 == "audio").collect();
    assert_eq!(audio_s.len(), 1, "{s:?}");
    let video_s = s.iter().find(|x| x.0 == "video").unwrap();
    assert!((audio_s[0].2 - video_s.2).abs() < 0.1, "{s:?}");
    no_ffmpeg_complaints(&mp4);
    let pcm = decoded_audio(&mp4);
    assert!((pcm.len() as f64 / 48_000.0 - video_s.2).abs() < 0.1);
    let mid = rms_at(&pcm, video_s.2 / 2.0, 500.0);
    assert!(mid > 0.05);
    assert!(rms_at(&pcm, video_s.2 - 0.05, 50.0) < mid * 0.05);
    let hz = pitch_at(&pcm, 3.0);
    assert!((655..=665).contains(&hz), "{hz} Hz");

    // Music taken away: silent again.
    ops::posts::set_music(&lib, post_id, None).unwrap();
    let r = export_post(&mut lib, post_id, &tmp.path().join("again"), &[]).unwrap();
    let s = streams(&PathBuf::from(&r.folder).join("video.mp4"));
    assert_eq!(s.len(), 1, "{s:?}");
}
