//! `gongbang export --platform youtube|shorts`: the same package as the window, from a script.

use crate::common;

use std::path::PathBuf;
use std::process::Command;

use common::{gongbang, photos_dir, stderr, stdout};

#[test]
fn youtube_and_shorts_packages_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    let a = photos_dir().join("orientation/Landscape_1.jpg");
    let b = photos_dir().join("orientation/Portrait_3.jpg");
    let shop = gongbang(
        &lib,
        &[
            "shop",
            "set",
            "--name",
            "문래정밀",
            "--phone",
            "02-2631-0000",
            "--region",
            "문래동",
        ],
    );
    assert_eq!(shop.status.code(), Some(0), "{}", stderr(&shop));
    assert!(stdout(&shop).contains("전화 phone: 02-2631-0000"));
    for (platform, size, thumb) in [
        ("youtube", "1920,1080", true),
        ("shorts", "1080,1920", false),
    ] {
        let r = gongbang(
            &lib,
            &[
                "export",
                "--platform",
                platform,
                "--out",
                out.to_str().unwrap(),
                "--own",
                "--title",
                "문래동 CNC 선반 SUS304 샤프트 가공",
                "--seconds-per-photo",
                "3",
                a.to_str().unwrap(),
                b.to_str().unwrap(),
            ],
        );
        assert_eq!(r.status.code(), Some(0), "{}{}", stdout(&r), stderr(&r));
        let folder = PathBuf::from(stdout(&r).lines().last().unwrap());
        assert!(
            folder.ends_with(format!("{}_{platform}_01", chrono_today())),
            "{}",
            folder.display()
        );
        for f in [
            "video.mp4",
            "title.txt",
            "description.txt",
            "tags.txt",
            "captions.srt",
        ] {
            assert!(folder.join(f).is_file(), "{f}");
        }
        assert_eq!(folder.join("thumbnail.jpg").is_file(), thumb);
        // ffprobe is a Linux checker: the Windows build of this test (under Wine) skips only this check.
        if cfg!(not(windows)) {
            let probe = Command::new("ffprobe")
                .args([
                    "-v",
                    "error",
                    "-show_entries",
                    "stream=width,height:format=duration",
                    "-of",
                    "csv=p=0",
                ])
                .arg(folder.join("video.mp4"))
                .output()
                .unwrap();
            let text = String::from_utf8(probe.stdout).unwrap();
            assert!(text.contains(size), "{text}");
            // 3 s title + 2 × 3 s photos + 4 s end card.
            assert!(text.contains("13.000000"), "{text}");
        }
        // The shop's contact is in the description (16:9 and Shorts alike).
        let description = std::fs::read_to_string(folder.join("description.txt")).unwrap();
        assert!(
            description.contains("02-2631-0000") && description.contains("문래정밀"),
            "{description}"
        );
    }
    let bad = gongbang(
        &lib,
        &[
            "export",
            "--platform",
            "youtube",
            "--out",
            "x",
            "--seconds-per-photo",
            "abc",
        ],
    );
    assert_ne!(bad.status.code(), Some(0));
}

/// A WAV file of `seconds` of a 440 Hz tone (16-bit stereo, 44.1 kHz), written here (no tool needed).
fn tone_wav(path: &std::path::Path, seconds: f64) {
    let rate = 44_100u32;
    let frames = (seconds * f64::from(rate)) as u32;
    let data_len = frames * 4;
    let mut b = Vec::with_capacity(44 + data_len as usize);
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&(36 + data_len).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes()); // PCM
    b.extend_from_slice(&2u16.to_le_bytes()); // stereo
    b.extend_from_slice(&rate.to_le_bytes());
    b.extend_from_slice(&(rate * 4).to_le_bytes());
    b.extend_from_slice(&4u16.to_le_bytes());
    b.extend_from_slice(&16u16.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&data_len.to_le_bytes());
    for i in 0..frames {
        let v = ((2.0 * std::f64::consts::PI * 440.0 * f64::from(i) / f64::from(rate)).sin()
            * 8000.0) as i16;
        b.extend_from_slice(&v.to_le_bytes());
        b.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(path, b).unwrap();
}

#[test]
fn export_with_music_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    let a = photos_dir().join("orientation/Landscape_1.jpg");
    let music = tmp.path().join("배경음악.wav");
    tone_wav(&music, 4.0);
    let before = std::fs::read(&music).unwrap();
    let args = |m: &std::path::Path| {
        vec![
            "export".to_string(),
            "--platform".into(),
            "shorts".into(),
            "--out".into(),
            out.to_str().unwrap().into(),
            "--own".into(),
            "--seconds-per-photo".into(),
            "3".into(),
            "--music".into(),
            m.to_str().unwrap().into(),
            a.to_str().unwrap().into(),
        ]
    };
    let argv = args(&music);
    let r = gongbang(&lib, &argv.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.status.code(), Some(0), "{}{}", stdout(&r), stderr(&r));
    assert!(
        stdout(&r).contains("music: 배경음악.wav (4.0 s)"),
        "{}",
        stdout(&r)
    );
    assert_eq!(
        std::fs::read(&music).unwrap(),
        before,
        "the owner's file is untouched"
    );
    let folder = PathBuf::from(stdout(&r).lines().last().unwrap());
    if cfg!(not(windows)) {
        let probe = Command::new("ffprobe")
            .args([
                "-v",
                "error",
                "-show_entries",
                "stream=codec_type,codec_name",
                "-of",
                "csv=p=0",
            ])
            .arg(folder.join("video.mp4"))
            .output()
            .unwrap();
        let text = String::from_utf8(probe.stdout).unwrap();
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["h264,video", "aac,audio"],
            "{text}"
        );
    }
    // Not music: refused with the reason in both languages, exit 1.
    let fake = tmp.path().join("song.mp3");
    std::fs::write(&fake, "not music at all ".repeat(100)).unwrap();
    let argv = args(&fake);
    let r = gongbang(&lib, &argv.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.status.code(), Some(1), "{}{}", stdout(&r), stderr(&r));
    assert!(
        stderr(&r).contains("음악 파일 'song.mp3'을(를) 읽을 수 없습니다"),
        "{}",
        stderr(&r)
    );
    assert!(stderr(&r).contains("cannot be read"), "{}", stderr(&r));
}

fn chrono_today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}
