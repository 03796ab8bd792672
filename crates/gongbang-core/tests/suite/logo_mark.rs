//! The shop's logo (issue 13 items 6 and 7) on real photos: the mark is in the exported JPEG's corner and
//! nowhere else, never over a redaction box (the box stays black, the mark moves or is left off); the
//! thumbnail and the end card carry the logo; the settings survive a real SQLite file, also one written by
//! the previous schema; every character drawn into the video and the thumbnail is one the font has.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};

use common::*;
use gongbang_core::domain::{Corner, LogoWatermark, ShopProfile};
use gongbang_core::export::export_post;
use gongbang_core::guard;
use gongbang_core::import::import_paths;
use gongbang_core::ops::shop as shop_ops;
use gongbang_core::repo::redactions::{self, RedactBox};
use gongbang_core::repo::{photos, posts, shop_profile};
use gongbang_core::video::{self, SegmentKind};
use gongbang_core::{draft, Library, Platform};
use image::{Rgba, RgbaImage};

/// A logo as an owner's file: an orange badge with a blue bar on a transparent background, 300×150.
fn logo_file(dir: &Path) -> PathBuf {
    let img = RgbaImage::from_fn(300, 150, |x, y| {
        let inside = (10..290).contains(&x) && (10..140).contains(&y);
        if !inside {
            Rgba([0, 0, 0, 0])
        } else if (60..90).contains(&y) {
            Rgba([20, 60, 220, 255])
        } else {
            Rgba([255, 140, 0, 255])
        }
    });
    let path = dir.join("logo.png");
    img.save(&path).unwrap();
    path
}

fn mark(corner: Corner) -> LogoWatermark {
    LogoWatermark {
        on: true,
        corner,
        size_percent: 20,
        opacity_percent: 100,
    }
}

/// A job with one real photo (640×480) and its Naver draft; returns (photo id, post id).
fn naver_job(lib: &mut Library) -> (i64, i64) {
    let job = own_job(lib, &shaft_job());
    let files = vec![photos_dir().join("gps/DSCN0010.jpg")];
    let s = import_paths(lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0);
    let photo = photos::for_job(lib.conn(), job.id).unwrap()[0].id;
    let post = draft::make_draft(lib, job.id, Platform::Naver).unwrap();
    (photo, post.id)
}

fn export_photo(lib: &mut Library, post: i64, out: &Path) -> (image::RgbImage, Vec<u32>) {
    let r = export_post(lib, post, out, &[]).unwrap();
    let img = image::open(Path::new(&r.folder).join("photos/01.jpg"))
        .unwrap()
        .to_rgb8();
    (img, r.logo_left_off)
}

/// Mean absolute difference of the two images over the rectangle (l, t, r, b), in fractions of the size.
fn diff_in(a: &image::RgbImage, b: &image::RgbImage, rect: (f64, f64, f64, f64)) -> f64 {
    let (w, h) = (f64::from(a.width()), f64::from(a.height()));
    let (l, t, r, bt) = (
        (rect.0 * w) as u32,
        (rect.1 * h) as u32,
        (rect.2 * w) as u32,
        (rect.3 * h) as u32,
    );
    let (mut sum, mut n) = (0u64, 0u64);
    for y in t..bt {
        for x in l..r {
            for c in 0..3 {
                sum += u64::from(a.get_pixel(x, y)[c].abs_diff(b.get_pixel(x, y)[c]));
                n += 1;
            }
        }
    }
    sum as f64 / n as f64
}

#[test]
fn the_mark_is_in_the_exported_corner_and_nowhere_else() {
    let (tmp, mut lib) = temp_library();
    let (_, post) = naver_job(&mut lib);
    let out = tmp.path().join("out");
    let (plain, off) = export_photo(&mut lib, post, &out);
    assert!(off.is_empty());

    // A logo alone changes nothing: the mark is off by default.
    shop_ops::import_logo(&lib, &logo_file(tmp.path())).unwrap();
    assert!(!shop_ops::profile(&lib).unwrap().watermark.on);
    let (still_plain, _) = export_photo(&mut lib, post, &out);
    assert_eq!(still_plain, plain, "the mark is off by default");

    shop_ops::set_watermark(&lib, &mark(Corner::BottomRight)).unwrap();
    let (marked, off) = export_photo(&mut lib, post, &out);
    assert!(off.is_empty());
    assert_eq!(marked.dimensions(), plain.dimensions());
    // 20 % of the short side (480 of 1600×1200 is not the case here: the photo stays 640×480) → 96 px wide.
    let corner = diff_in(&marked, &plain, (0.80, 0.84, 0.96, 0.95));
    let elsewhere = diff_in(&marked, &plain, (0.0, 0.0, 0.7, 0.75));
    assert!(
        corner > 40.0,
        "the logo is in the bottom-right corner: {corner}"
    );
    assert!(
        elsewhere < 0.5,
        "the rest of the photo is untouched: {elsewhere}"
    );
    for other in [
        (0.0, 0.0, 0.2, 0.2),
        (0.8, 0.0, 1.0, 0.2),
        (0.0, 0.8, 0.2, 1.0),
    ] {
        assert!(diff_in(&marked, &plain, other) < 1.0, "{other:?}");
    }

    // The same inputs give the same bytes.
    let (again, _) = export_photo(&mut lib, post, &out);
    assert_eq!(again, marked);
    std::fs::create_dir_all("/tmp/gb").ok();
    marked.save("/tmp/gb/wm-export.jpg").ok();
}

#[test]
fn a_box_in_the_chosen_corner_stays_black_and_the_mark_moves_or_stays_off() {
    let (tmp, mut lib) = temp_library();
    let (photo, post) = naver_job(&mut lib);
    let out = tmp.path().join("out");
    let corner_box = |x: f64, y: f64| RedactBox {
        x,
        y,
        w: 0.3,
        h: 0.3,
    };
    let br = corner_box(0.7, 0.7);
    redactions::set(lib.conn_mut(), photo, &[br]).unwrap();
    let (plain, _) = export_photo(&mut lib, post, &out);

    shop_ops::import_logo(&lib, &logo_file(tmp.path())).unwrap();
    shop_ops::set_watermark(&lib, &mark(Corner::BottomRight)).unwrap();
    let (marked, off) = export_photo(&mut lib, post, &out);
    assert!(off.is_empty(), "a free corner was found");
    // The box is pure black inside (two JPEG blocks from its edge), as without the mark.
    let (w, h) = marked.dimensions();
    let (l, t, r, bt) = br.pixel_rect(w, h);
    let mut max = 0u8;
    for y in t + 16..bt - 16 {
        for x in l + 16..r - 16 {
            max = max.max(*marked.get_pixel(x, y).0.iter().max().unwrap());
        }
    }
    assert_eq!(max, 0, "the box stays black");
    assert!(diff_in(&marked, &plain, (0.7, 0.7, 1.0, 1.0)) < 0.5);
    // The mark moved along the bottom edge to the left corner.
    let moved = diff_in(&marked, &plain, (0.04, 0.84, 0.2, 0.95));
    assert!(
        moved > 40.0,
        "the logo moved to the bottom-left corner: {moved}"
    );
    std::fs::create_dir_all("/tmp/gb").ok();
    marked.save("/tmp/gb/wm-export-moved.jpg").ok();

    // A box in every corner: the photo goes out without the mark, and the result says which.
    let all = [
        br,
        corner_box(0.0, 0.7),
        corner_box(0.0, 0.0),
        corner_box(0.7, 0.0),
    ];
    redactions::set(lib.conn_mut(), photo, &all).unwrap();
    shop_ops::set_watermark(
        &lib,
        &LogoWatermark {
            on: false,
            ..mark(Corner::TopLeft)
        },
    )
    .unwrap();
    let (boxed_plain, off) = export_photo(&mut lib, post, &out);
    assert!(off.is_empty(), "the mark is off: nothing to report");
    shop_ops::set_watermark(&lib, &mark(Corner::TopLeft)).unwrap();
    let (boxed, off) = export_photo(&mut lib, post, &out);
    assert_eq!(off, vec![1]);
    assert_eq!(boxed, boxed_plain, "no logo anywhere");
}

/// An own-product YouTube job with two real photos and a 3-s-per-photo video draft.
fn youtube_job(lib: &mut Library) -> i64 {
    let job = own_job(lib, &shaft_job());
    let files = vec![
        photos_dir().join("gps/DSCN0010.jpg"),
        photos_dir().join("gps/DSCN0012.jpg"),
    ];
    let s = import_paths(lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0);
    let post = draft::make_draft(lib, job.id, Platform::Youtube).unwrap();
    let mut v = post.video.clone();
    v.seconds_per_photo = 3.0;
    posts::save_video(lib.conn(), post.id, &v).unwrap();
    post.id
}

fn thumbnail_of(lib: &Library, post: i64) -> image::RgbImage {
    let post = posts::get(lib.conn(), post).unwrap();
    let clearance = guard::clear_export(lib.conn(), &post, &[]).unwrap();
    let jpeg = video::thumbnail(lib, &clearance).unwrap();
    image::load_from_memory(&jpeg).unwrap().to_rgb8()
}

fn end_card_of(lib: &Library, post: i64) -> image::RgbImage {
    let post = posts::get(lib.conn(), post).unwrap();
    let r = video::renderer_for(lib, &post, 0.5).unwrap();
    let end = r
        .plan
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::End)
        .unwrap();
    let f = end.end_frame - 2;
    assert!(r.still_at(f).is_some());
    let (mut out, mut scratch) = (r.blank(), r.blank());
    r.frame(f, &mut out, &mut scratch);
    out
}

fn profile(name: &str, phone: &str, website: &str) -> ShopProfile {
    ShopProfile {
        name: name.into(),
        phone: phone.into(),
        website: website.into(),
        region_keywords: vec!["문래동".into()],
        ..ShopProfile::default()
    }
}

#[test]
fn the_thumbnail_and_the_end_card_carry_the_logo() {
    let (tmp, mut lib) = temp_library();
    shop_ops::save_profile(&lib, &profile("문래정밀", "010-1234-5678", "")).unwrap();
    let post = youtube_job(&mut lib);
    let thumb_plain = thumbnail_of(&lib, post);
    let end_plain = end_card_of(&lib, post);

    shop_ops::import_logo(&lib, &logo_file(tmp.path())).unwrap();
    // The end card shows the logo whenever there is one.
    let end_logo = end_card_of(&lib, post);
    let (w, h) = end_logo.dimensions();
    assert!(
        diff_in(&end_logo, &end_plain, (0.0, 0.0, 1.0, 1.0)) > 2.0,
        "the end card changed"
    );
    // The logo is orange: the plain card has none, the new one some, in the middle column above the words.
    let orange = |img: &image::RgbImage| {
        img.pixels()
            .filter(|p| p[0] > 200 && (110..170).contains(&p[1]) && p[2] < 60)
            .count()
    };
    assert_eq!(orange(&end_plain), 0);
    assert!(orange(&end_logo) > 1000, "{}", orange(&end_logo));
    assert!((w, h) == end_plain.dimensions());

    // The thumbnail, once the owner turns the mark on: the logo in the top corner on his side.
    assert_eq!(thumbnail_of(&lib, post), thumb_plain, "off by default");
    shop_ops::set_watermark(&lib, &mark(Corner::BottomLeft)).unwrap();
    let thumb_logo = thumbnail_of(&lib, post);
    let top_left = diff_in(&thumb_logo, &thumb_plain, (0.02, 0.04, 0.12, 0.2));
    assert!(
        top_left > 40.0,
        "the logo is in the top-left corner: {top_left}"
    );
    assert!(
        diff_in(&thumb_logo, &thumb_plain, (0.0, 0.45, 1.0, 1.0)) < 0.5,
        "the words' band is untouched"
    );
    std::fs::create_dir_all("/tmp/gb").ok();
    thumb_logo.save("/tmp/gb/wm-thumbnail.png").ok();
    end_logo.save("/tmp/gb/wm-endcard.png").ok();

    // A box over the thumbnail photo's top-left part: the logo keeps clear of it, in the top-right corner.
    let p = posts::get(lib.conn(), post).unwrap();
    let first = p.photo_ids()[0];
    let b = RedactBox {
        x: 0.0,
        y: 0.0,
        w: 0.3,
        h: 0.3,
    };
    redactions::set(lib.conn_mut(), first, &[b]).unwrap();
    shop_ops::set_watermark(
        &lib,
        &LogoWatermark {
            on: false,
            ..mark(Corner::TopLeft)
        },
    )
    .unwrap();
    let boxed_plain = thumbnail_of(&lib, post);
    shop_ops::set_watermark(&lib, &mark(Corner::TopLeft)).unwrap();
    let boxed = thumbnail_of(&lib, post);
    assert!(
        diff_in(&boxed, &boxed_plain, (0.0, 0.0, 0.4, 0.35)) < 0.5,
        "not near the box"
    );
    let right = diff_in(&boxed, &boxed_plain, (0.88, 0.04, 0.98, 0.2));
    assert!(
        right > 40.0,
        "the logo moved to the top-right corner: {right}"
    );
}

#[test]
fn every_character_drawn_is_one_the_font_has() {
    let (_tmp, mut lib) = temp_library();
    shop_ops::save_profile(
        &lib,
        &ShopProfile {
            name: "문래精密 🔧 ※ ★".into(),
            phone: "010-1234-5678".into(),
            address: "서울 영등포구 문래동 ① ㎜ 鋼".into(),
            email: "shop@example.kr ✉".into(),
            kakao: "https://pf.kakao.com/_x 😀👍🏽".into(),
            ..ShopProfile::default()
        },
    )
    .unwrap();
    let post = youtube_job(&mut lib);
    let p = posts::get(lib.conn(), post).unwrap();
    let drawn = gongbang_core::export::texts::export_texts(lib.conn(), &p)
        .unwrap()
        .drawn
        .unwrap();
    assert!(
        drawn.end_card_lines.iter().any(|l| l.contains('☎')),
        "the text keeps ☎"
    );
    let mut strings = vec![
        drawn.title_card.clone(),
        drawn.title_card_sub.clone(),
        drawn.end_card_name.clone(),
    ];
    strings.extend(drawn.end_card_lines.iter().cloned());
    strings.extend(drawn.captions.iter().cloned());
    strings.extend(drawn.thumbnail.iter().cloned());
    let mut missing_before = 0;
    for s in &strings {
        missing_before += s.chars().filter(|c| !video::font_covers(*c)).count();
        let d = video::drawable_text(s);
        let bad: Vec<char> = d.chars().filter(|c| !video::font_covers(*c)).collect();
        assert!(bad.is_empty(), "{s:?} → {d:?} still has {bad:?}");
    }
    assert!(
        missing_before >= 6,
        "the profile has characters the font lacks"
    );
    assert_eq!(
        video::drawable_text("☎ 010-1234-5678"),
        "전화 010-1234-5678"
    );

    // The end card for a phone number draws "전화", exactly as the plain word typed as a line.
    shop_ops::save_profile(&lib, &profile("문래정밀", "010-1234-5678", "")).unwrap();
    let with_symbol = end_card_of(&lib, post);
    shop_ops::save_profile(&lib, &profile("문래정밀", "", "전화 010-1234-5678")).unwrap();
    let with_word = end_card_of(&lib, post);
    assert_eq!(with_symbol, with_word, "☎ is drawn as the word, no box");
    shop_ops::save_profile(&lib, &profile("문래정밀", "", "Tel 010-1234-5678")).unwrap();
    assert_ne!(
        end_card_of(&lib, post),
        with_word,
        "the line is really drawn"
    );
    // The thumbnail passes through the same check.
    thumbnail_of(&lib, post);
}

/// The previous schema (migrations 001–006) with a saved profile and logo.
fn make_v6_library(root: &Path) {
    std::fs::create_dir_all(root).unwrap();
    let conn = crate::old_schema::database_at(&root.join("library.sqlite3"), 6);
    conn.execute(
        "INSERT INTO shop_profile (id, name, phone, logo_png, updated_at)
         VALUES (1, '문래정밀', '010-1234-5678', x'89504e47', '2026-11-01T09:00:00+09:00')",
        [],
    )
    .unwrap();
}

#[test]
fn the_mark_settings_survive_a_real_file_and_the_previous_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    make_v6_library(&root);
    {
        let lib = Library::open(&root).unwrap();
        let p = shop_ops::profile(&lib).unwrap();
        assert_eq!(p.name, "문래정밀");
        assert_eq!(p.phone, "010-1234-5678");
        assert!(p.logo_data_url.is_some());
        assert_eq!(p.watermark, LogoWatermark::default());
        assert!(!p.watermark.on, "off after the upgrade");
        // Saved through the whole profile (the form's save button) …
        let mut edited = p.clone();
        edited.watermark = LogoWatermark {
            on: true,
            corner: Corner::TopLeft,
            size_percent: 25,
            opacity_percent: 60,
        };
        let saved = shop_ops::save_profile(&lib, &edited).unwrap();
        assert_eq!(saved.watermark, edited.watermark);
        assert!(saved.logo_data_url.is_some(), "the logo is kept");
    }
    {
        let lib = Library::open(&root).unwrap();
        let p = shop_ops::profile(&lib).unwrap();
        assert_eq!(p.watermark.corner, Corner::TopLeft);
        assert_eq!(p.watermark.size_percent, 25);
        assert_eq!(p.watermark.opacity_percent, 60);
        assert!(p.watermark.on);
        // … or alone; numbers out of range are brought inside.
        let p = shop_ops::set_watermark(
            &lib,
            &LogoWatermark {
                on: true,
                corner: Corner::TopRight,
                size_percent: 99,
                opacity_percent: 0,
            },
        )
        .unwrap();
        assert_eq!(p.watermark.size_percent, LogoWatermark::MAX_SIZE);
        assert_eq!(p.watermark.opacity_percent, LogoWatermark::MIN_OPACITY);
        assert_eq!(p.name, "문래정밀", "the rest of the profile is kept");
    }
    let lib = Library::open(&root).unwrap();
    assert_eq!(
        shop_profile::get(lib.conn()).unwrap().watermark.corner,
        Corner::TopRight
    );
    // The database refuses a value no build writes.
    let bad = lib
        .conn()
        .execute("UPDATE shop_profile SET watermark_corner = 'middle'", []);
    assert!(bad.is_err());
}
