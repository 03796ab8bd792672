//! The import decodes only what the thumbnail needs: a large JPEG by libjpeg-turbo's scaled IDCT gives the
//! same thumbnail and quality figures as the full decode, with the photo's full size and every check kept,
//! and a JPEG libjpeg gives up on is a plain refusal. The ignored
//! test prints where an import's time goes (`cargo test -p gongbang-core --test suite import_stage_times
//! -- --ignored --nocapture`; the pixel crates are optimised in test builds, see Cargo.toml).

use gongbang_testkit as common;

use std::time::{Duration, Instant};

use common::*;
use gongbang_core::imaging::{self, PhotoFormat};
use image::DynamicImage;

const LARGE: &[&str] = &[
    "gps/iphone_hdr_NO.jpg",
    "cameras/jolla.jpg",
    "gps/canon_hdr_NO.jpg",
];

#[test]
fn a_scaled_jpeg_decode_makes_the_same_thumbnail_as_the_full_one() {
    for rel in LARGE {
        let bytes = std::fs::read(photos_dir().join(rel)).unwrap();
        let full = imaging::decode(&bytes, PhotoFormat::Jpeg).unwrap();
        let reduced = imaging::decode_reduced(&bytes, PhotoFormat::Jpeg, 720).unwrap();
        // The photo's own size is still known, and the decoded copy is smaller but not below 720 px.
        assert_eq!(
            (reduced.full_width, reduced.full_height),
            (full.width(), full.height()),
            "{rel}"
        );
        let long = reduced.image.width().max(reduced.image.height());
        assert!(
            long >= 720 && long < full.width().max(full.height()),
            "{rel}: {long}"
        );
        let a = imaging::fit_within(&full, 720).unwrap();
        let b = imaging::fit_within(&reduced.image, 720).unwrap();
        assert_eq!(a.dimensions(), b.dimensions(), "{rel}");
        let diff = mean_abs_diff(&a, &b);
        assert!(diff < 3.0, "{rel}: thumbnails differ by {diff:.2}");
        let qa = gongbang_core::coach::photo_quality::measure(&DynamicImage::ImageRgb8(a)).unwrap();
        let qb = gongbang_core::coach::photo_quality::measure(&DynamicImage::ImageRgb8(b)).unwrap();
        assert!((qa.mean_luma - qb.mean_luma).abs() < 2.0, "{rel}");
        assert!(
            (qa.sharpness - qb.sharpness).abs() < qa.sharpness * 0.25 + 5.0,
            "{rel}: {} vs {}",
            qa.sharpness,
            qb.sharpness
        );
    }
}

#[test]
fn the_scaled_path_keeps_the_checks() {
    // A truncated JPEG is still refused (the segment check runs first in the import; the scaled decoder
    // itself must not hand back grey pixels without saying so either).
    let (_tmp, mut lib) = temp_library();
    let broken = photos_dir().join("broken/corrupted.jpg");
    let s = gongbang_core::import::import_paths(&mut lib, None, &[broken], |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 1, "{:#?}", s.items);
    // Garbage after a JPEG header is an error, not a panic.
    let mut bad = std::fs::read(photos_dir().join("gps/DSCN0010.jpg")).unwrap();
    let n = bad.len();
    for b in &mut bad[n / 3..n - 2] {
        *b = 0xAA;
    }
    assert!(
        imaging::decode_reduced(&bad, PhotoFormat::Jpeg, 720).is_err() || {
            // Some decoders read noise as pixels; then it must at least be the right size.
            let r = imaging::decode_reduced(&bad, PhotoFormat::Jpeg, 720).unwrap();
            (r.full_width, r.full_height) == (640, 480)
        }
    );
}

fn time<T>(total: &mut Duration, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    *total += t.elapsed();
    out
}

#[test]
#[ignore = "prints figures; run by hand"]
fn import_stage_times() {
    let rounds = 5;
    let names = [
        "read",
        "blake3",
        "segments",
        "exif",
        "full decode",
        "scaled decode",
        "fit 720",
        "quality",
        "orient",
        "encode",
    ];
    let mut t = vec![Duration::ZERO; names.len()];
    for _ in 0..rounds {
        for rel in LARGE {
            let path = photos_dir().join(rel);
            let bytes = time(&mut t[0], || std::fs::read(&path).unwrap());
            time(&mut t[1], || blake3::hash(&bytes));
            time(&mut t[2], || imaging::jpeg_segments::parse(&bytes).unwrap());
            let meta = time(&mut t[3], || imaging::read_meta(&bytes));
            time(&mut t[4], || {
                imaging::decode(&bytes, PhotoFormat::Jpeg).unwrap()
            });
            let r = time(&mut t[5], || {
                imaging::decode_reduced(&bytes, PhotoFormat::Jpeg, 720).unwrap()
            });
            let small = time(&mut t[6], || imaging::fit_within(&r.image, 720).unwrap());
            let small = DynamicImage::ImageRgb8(small);
            time(&mut t[7], || {
                gongbang_core::coach::photo_quality::measure(&small).unwrap()
            });
            let up = time(&mut t[8], || {
                imaging::orient(small, meta.orientation).to_rgb8()
            });
            time(&mut t[9], || imaging::encode_thumbnail_jpeg(&up).unwrap());
        }
    }
    let n = (rounds * LARGE.len()) as f64;
    for (name, d) in names.iter().zip(&t) {
        println!(
            "{name:>14}: {:7.2} ms per photo",
            d.as_secs_f64() * 1000.0 / n
        );
    }
}

#[test]
fn a_jpeg_the_decoder_gives_up_on_is_refused_in_plain_words_not_a_crash() {
    // Scrambled bytes after the headers: libjpeg stops with a fatal error (here "Bogus Huffman table
    // definition"), which must come back as a damaged-file refusal, with the other photos imported.
    let good = std::fs::read(photos_dir().join("cameras/jolla.jpg")).unwrap();
    let mut bad = good.clone();
    for i in (2000..bad.len() - 2).step_by(97) {
        bad[i] ^= 0x5A;
    }
    assert!(matches!(
        imaging::decode_reduced(&bad, PhotoFormat::Jpeg, 720),
        Err(imaging::ImageError::Corrupt(_))
    ));
    let dir = tempfile::tempdir().unwrap();
    let bad_path = dir.path().join("scrambled.jpg");
    std::fs::write(&bad_path, &bad).unwrap();
    let (_tmp, mut lib) = temp_library();
    let s = gongbang_core::import::import_paths(
        &mut lib,
        None,
        &[bad_path, photos_dir().join("cameras/jolla.jpg")],
        |_, _, _| {},
    )
    .unwrap();
    assert_eq!((s.imported, s.rejected), (1, 1), "{:#?}", s.items);
    let refused = s.items.iter().find(|i| i.reason_ko.is_some()).unwrap();
    assert!(
        refused.reason_ko.as_deref().unwrap().contains("손상"),
        "{refused:#?}"
    );
    assert!(
        refused.reason_en.as_deref().unwrap().contains("damaged"),
        "{refused:#?}"
    );
}
