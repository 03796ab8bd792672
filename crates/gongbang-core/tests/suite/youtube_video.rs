//! The YouTube package's video on real photos, checked with the real tools: ffprobe (h264, yuv420p, size,
//! 30 fps, frames and duration equal to the plan, an IDR every 15 frames), ffmpeg decoding without a word,
//! moov before mdat, no container metadata; a redacted photo black in its frame, a rotated portrait upright;
//! a cancelled render leaves nothing; a `never` job is not rendered; the thumbnail is clean.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use common::*;
use gongbang_core::export::{export_post, export_post_with, youtube};
use gongbang_core::imaging::jpeg_segments;
use gongbang_core::import::import_paths;
use gongbang_core::repo::clients::{self, ClientInput, Policy};
use gongbang_core::repo::jobs::{self, OwnerKind};
use gongbang_core::repo::redactions::{self, RedactBox};
use gongbang_core::repo::{photos, posts, shop_profile};
use gongbang_core::video::{self, Control, VideoFormat};
use gongbang_core::{draft, JobFields, Library, Platform};

fn photo(rel: &str) -> PathBuf {
    photos_dir().join(rel)
}

/// An own-product job with these photos and a video draft at 3 s per photo; returns (job, post).
fn video_job(lib: &mut Library, files: &[PathBuf], platform: Platform) -> (i64, i64) {
    let job = own_job(
        lib,
        &JobFields {
            title: "SUS304 샤프트".into(),
            material: "SUS304".into(),
            process: "CNC 선반".into(),
            ..JobFields::default()
        },
    );
    let s = import_paths(lib, Some(job.id), files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0);
    // The command line's order, as the owner arranged it.
    let ids: Vec<i64> = files
        .iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_str().unwrap();
            s.items
                .iter()
                .find(|i| i.file_name == name)
                .unwrap()
                .photo
                .as_ref()
                .unwrap()
                .id
        })
        .collect();
    jobs::set_photo_order(lib.conn_mut(), job.id, &ids).unwrap();
    let post = draft::make_draft(lib, job.id, platform).unwrap();
    let mut v = post.video.clone();
    v.seconds_per_photo = 3.0;
    posts::save_video(lib.conn(), post.id, &v).unwrap();
    (job.id, post.id)
}

/// The frame at `ms` as RGB, decoded by ffmpeg.
fn grab(video: &Path, ms: u64, w: u32, h: u32) -> image::RgbImage {
    let out = Command::new("ffmpeg")
        .args([
            "-v",
            "error",
            "-ss",
            &format!("{:.3}", ms as f64 / 1000.0),
            "-i",
        ])
        .arg(video)
        .args(["-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    image::RgbImage::from_raw(w, h, out.stdout).expect("one whole frame")
}

fn mean_luma(img: &image::RgbImage, cx: u32, cy: u32, r: u32) -> f64 {
    let mut sum = 0u64;
    let mut n = 0u64;
    for y in cy - r..cy + r {
        for x in cx - r..cx + r {
            let p = img.get_pixel(x, y).0;
            sum += u64::from(p[0]) + u64::from(p[1]) + u64::from(p[2]);
            n += 3;
        }
    }
    sum as f64 / n as f64
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs exiftool/ffprobe/ffmpeg, which run on Linux (this test runs there)"
)]
fn the_video_is_h264_fast_start_closed_gops_and_exactly_the_plan() {
    let (tmp, mut lib) = temp_library();
    shop_profile::save(
        lib.conn(),
        &shop_profile::ShopProfile {
            name: "문래정밀".into(),
            phone: "02-123-4567".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let files = [
        photo("orientation/Landscape_1.jpg"),
        photo("orientation/Portrait_6.jpg"),
        photo("gps/DSCN0010.jpg"),
    ];
    let (job, post_id) = video_job(&mut lib, &files, Platform::Youtube);
    // A big box over the middle of the portrait photo (which needs rotating).
    let portrait = photos::for_job(lib.conn(), job).unwrap()[1].clone();
    assert_eq!(portrait.original_name, "Portrait_6.jpg");
    let b = RedactBox {
        x: 0.3,
        y: 0.3,
        w: 0.4,
        h: 0.4,
    };
    redactions::set(lib.conn_mut(), portrait.id, &[b]).unwrap();

    let result = export_post(&mut lib, post_id, tmp.path(), &[]).unwrap();
    let folder = PathBuf::from(&result.folder);
    assert!(result.folder.ends_with("_youtube_01"), "{}", result.folder);
    for f in [
        "video.mp4",
        "thumbnail.jpg",
        "title.txt",
        "description.txt",
        "tags.txt",
        "captions.srt",
    ] {
        assert!(
            result.files.iter().any(|x| x == f),
            "{f} in {:?}",
            result.files
        );
    }
    let mp4 = folder.join("video.mp4");
    let post = posts::get(lib.conn(), post_id).unwrap();
    let plan = video::renderer_for(&lib, &post, 0.1).unwrap().plan;
    assert_eq!(plan.total_frames, 90 + 3 * 90 + 120);

    let stream = common::ffprobe(
        &mp4,
        &[
            "-select_streams",
            "v:0",
            "-count_frames",
            "-show_entries",
            "stream=codec_name,profile,pix_fmt,width,height,r_frame_rate,nb_read_frames",
            "-of",
            "default=nw=1",
        ],
    );
    for want in [
        "codec_name=h264",
        "pix_fmt=yuv420p",
        "width=1920",
        "height=1080",
        "r_frame_rate=30/1",
    ] {
        assert!(stream.contains(want), "{want} in {stream}");
    }
    assert!(
        stream.contains(&format!("nb_read_frames={}", plan.total_frames)),
        "{stream}"
    );
    let duration: f64 = common::ffprobe(
        &mp4,
        &["-show_entries", "format=duration", "-of", "csv=p=0"],
    )
    .trim()
    .parse()
    .unwrap();
    assert!(
        (duration * 1000.0 - plan.duration_ms as f64).abs() < 1.0,
        "{duration} vs {}",
        plan.duration_ms
    );
    // Decodes without a single complaint.
    let decode = Command::new("ffmpeg")
        .args(["-v", "error", "-i"])
        .arg(&mp4)
        .args(["-f", "null", "-"])
        .output()
        .unwrap();
    assert!(
        decode.status.success() && decode.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&decode.stderr)
    );
    // moov before mdat; no metadata boxes, no creation time.
    let boxes = common::mp4_top_boxes(&mp4);
    let (moov, mdat) = (
        boxes.iter().position(|b| b == "moov").unwrap(),
        boxes.iter().position(|b| b == "mdat").unwrap(),
    );
    assert!(moov < mdat, "{boxes:?}");
    let tags = common::ffprobe(
        &mp4,
        &[
            "-show_entries",
            "format_tags:stream_tags",
            "-of",
            "default=nw=1",
        ],
    );
    assert!(
        !tags.contains("creation_time") && !tags.contains("location"),
        "{tags}"
    );
    let bytes = std::fs::read(&mp4).unwrap();
    for secret in [&b"NIKON"[..], b"COOLPIX", b"Exif"] {
        assert!(!bytes.windows(secret.len()).any(|w| w == secret));
    }
    // Closed GOPs: an IDR (key frame) exactly every 15 frames, nothing else is a key frame.
    let keys = common::ffprobe(
        &mp4,
        &[
            "-select_streams",
            "v:0",
            "-show_entries",
            "frame=key_frame",
            "-of",
            "csv=p=0",
        ],
    );
    let keys: Vec<usize> = keys
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "1")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        keys,
        (0..plan.total_frames as usize)
            .step_by(15)
            .collect::<Vec<_>>()
    );

    // The redacted portrait: at the middle of its segment the view is centred on the photo's middle,
    // which is under the box — black; the other photos' middles are not.
    let seg = &plan.segments[2];
    let mid = (seg.start_ms + seg.end_ms) / 2;
    let frame = grab(&mp4, mid, 1920, 1080);
    assert!(
        mean_luma(&frame, 960, 540, 40) < 12.0,
        "box is black: {}",
        mean_luma(&frame, 960, 540, 40)
    );
    let other = &plan.segments[3];
    let frame = grab(&mp4, (other.start_ms + other.end_ms) / 2, 1920, 1080);
    assert!(mean_luma(&frame, 960, 540, 40) > 30.0);

    // The thumbnail: 1280×720, < 2 MB, nothing but pixels.
    let thumb = folder.join("thumbnail.jpg");
    let t = image::open(&thumb).unwrap();
    assert_eq!((t.width(), t.height()), (1280, 720));
    let tb = std::fs::read(&thumb).unwrap();
    assert!(tb.len() < youtube::THUMBNAIL_MAX_BYTES);
    jpeg_segments::verify_clean(&tb).unwrap();
    assert_no_metadata(&thumb);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs exiftool/ffprobe/ffmpeg, which run on Linux (this test runs there)"
)]
fn a_rotated_portrait_comes_out_upright() {
    let (tmp, mut lib) = temp_library();
    // Portrait_1 (no rotation needed) and Portrait_6 (rotate 90°) at segments 1 and 5: the same motion.
    let files = [
        photo("orientation/Portrait_1.jpg"),
        photo("orientation/Landscape_2.jpg"),
        photo("orientation/Landscape_3.jpg"),
        photo("orientation/Landscape_4.jpg"),
        photo("orientation/Portrait_6.jpg"),
    ];
    let (_, post_id) = video_job(&mut lib, &files, Platform::Youtube);
    let folder = PathBuf::from(
        export_post(&mut lib, post_id, tmp.path(), &[])
            .unwrap()
            .folder,
    );
    let mp4 = folder.join("video.mp4");
    let at = |seg: u64| 3000 + (seg - 1) * 3000 + 1500; // middle of photo segment `seg`
    let a = grab(&mp4, at(1), 1920, 1080);
    let b = grab(&mp4, at(5), 1920, 1080);
    let same = mean_abs_diff(&a, &b);
    let turned = mean_abs_diff(&a, &image::imageops::rotate180(&b));
    assert!(same < 6.0, "the two portraits match: {same}");
    assert!(
        turned > same * 3.0,
        "and a turned one would not: {turned} vs {same}"
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs exiftool/ffprobe/ffmpeg, which run on Linux (this test runs there)"
)]
fn shorts_are_vertical_without_a_thumbnail() {
    let (tmp, mut lib) = temp_library();
    let files = [
        photo("orientation/Landscape_1.jpg"),
        photo("orientation/Portrait_1.jpg"),
    ];
    let (_, post_id) = video_job(&mut lib, &files, Platform::Shorts);
    let r = export_post(&mut lib, post_id, tmp.path(), &[]).unwrap();
    assert!(
        !r.files.iter().any(|f| f == "thumbnail.jpg"),
        "{:?}",
        r.files
    );
    let mp4 = PathBuf::from(&r.folder).join("video.mp4");
    let s = common::ffprobe(
        &mp4,
        &["-show_entries", "stream=width,height", "-of", "csv=p=0"],
    );
    assert_eq!(s.trim(), "1080,1920");
    // Shorts never run past three minutes: 60 photos at 6 s are cut down in the plan.
    let p = photos::for_job(lib.conn(), 1).unwrap();
    let many: Vec<(&gongbang_core::Photo, &str)> = (0..60).map(|_| (&p[0], "")).collect();
    let v = gongbang_core::video::VideoSettings {
        seconds_per_photo: 6.0,
        ..Default::default()
    };
    let plan = video::plan(VideoFormat::Shorts, &many, &v);
    assert!(plan.duration_ms <= 180_000, "{}", plan.duration_ms);
    assert!(plan.dropped_photos > 0);
}

#[test]
fn a_cancelled_render_leaves_nothing_and_never_jobs_are_not_rendered() {
    let (tmp, mut lib) = temp_library();
    let files = [
        photo("orientation/Landscape_1.jpg"),
        photo("orientation/Landscape_5.jpg"),
    ];
    let (_, post_id) = video_job(&mut lib, &files, Platform::Youtube);
    let out = tmp.path().join("out");
    let cancel = AtomicBool::new(false);
    let seen = std::sync::atomic::AtomicU32::new(0);
    let progress = |done: u32, total: u32| {
        seen.store(done, Ordering::Relaxed);
        assert!(done <= total);
        if done == 40 {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let ctl = Control {
        progress: Some(&progress),
        cancel: Some(&cancel),
    };
    let e = export_post_with(&mut lib, post_id, &out, &[], ctl).unwrap_err();
    assert_eq!(e.code(), "cancelled");
    assert!(e.message_ko().contains("남기지 않았습니다"));
    assert!(seen.load(Ordering::Relaxed) >= 40);
    let left: Vec<_> = walk(&out);
    assert!(left.is_empty(), "nothing may be left: {left:?}");

    let c = clients::save(
        lib.conn(),
        &ClientInput {
            id: None,
            name: "대한정밀".into(),
            aliases: vec![],
            policy: Policy::Never,
            note: String::new(),
        },
    )
    .unwrap();
    let job = posts::get(lib.conn(), post_id).unwrap().job_id;
    jobs::set_owner(lib.conn(), job, Some(OwnerKind::Client), Some(c.id)).unwrap();
    let frames = std::sync::atomic::AtomicU32::new(0);
    let count = |_: u32, _: u32| {
        frames.fetch_add(1, Ordering::Relaxed);
    };
    let e = export_post_with(
        &mut lib,
        post_id,
        &out,
        &[],
        Control {
            progress: Some(&count),
            cancel: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "export_forbidden");
    assert_eq!(frames.load(Ordering::Relaxed), 0, "not one frame rendered");
    assert!(walk(&out).is_empty());
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                v.extend(walk(&p));
            }
            v.push(p);
        }
    }
    v
}
