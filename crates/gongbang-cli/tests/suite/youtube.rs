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

fn chrono_today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}
