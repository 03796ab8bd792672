//! The leak guard inside the window (issue 10, item 8): a thumbnail of a photo with redaction boxes is
//! served with the boxes burned in at the thumbnail's own size, from an address that names the boxes.

use gongbang_testkit as common;

use common::*;
use gongbang_core::imaging::thumbs;
use gongbang_core::import::import_paths;
use gongbang_core::repo::photos;
use gongbang_core::repo::redactions::{self, RedactBox};
use gongbang_core::JobFields;

#[test]
fn a_thumbnail_with_boxes_is_black_inside_every_box_and_untouched_outside() {
    let (_tmp, mut lib) = temp_library();
    let job = own_job(&lib, &JobFields::default());
    // A photo stored sideways (orientation 6): boxes are fractions of the upright photo, like the thumbnail.
    let source = photos_dir().join("orientation/Landscape_6.jpg");
    import_paths(&mut lib, Some(job.id), &[source], |_, _, _| {}).unwrap();
    let id = photos::for_job(lib.conn(), job.id).unwrap()[0].id;
    let boxes = [
        RedactBox {
            x: 0.1,
            y: 0.2,
            w: 0.3,
            h: 0.25,
        },
        RedactBox {
            x: 0.6,
            y: 0.55,
            w: 0.35,
            h: 0.4,
        },
    ];
    redactions::set(lib.conn_mut(), id, &boxes).unwrap();
    let photo = photos::get(lib.conn(), id).unwrap().unwrap();
    assert_eq!(photo.redactions.len(), 2);

    // The address carries the boxes and reads back to the same ones.
    let key = thumbs::boxes_key(&photo.redactions);
    assert_eq!(thumbs::parse_boxes_key(&key).unwrap(), photo.redactions);

    let raw_bytes = std::fs::read(lib.thumbnail_path(&photo.hash)).unwrap();
    let burned_bytes = thumbs::burn_thumbnail(&raw_bytes, &photo.redactions).unwrap();
    gongbang_core::imaging::jpeg_segments::verify_clean(&burned_bytes).unwrap();
    let raw = image::load_from_memory(&raw_bytes).unwrap().to_rgb8();
    let burned = image::load_from_memory(&burned_bytes).unwrap().to_rgb8();
    assert_eq!(raw.dimensions(), burned.dimensions());
    let (w, h) = burned.dimensions();
    assert!(w > h, "upright landscape thumbnail: {w}×{h}");

    let inside = |x: u32, y: u32, margin: f64| {
        photo.redactions.iter().any(|b| {
            let (fx, fy) = (f64::from(x) / f64::from(w), f64::from(y) / f64::from(h));
            let (mx, my) = (margin / f64::from(w), margin / f64::from(h));
            fx >= b.x + mx && fx < b.x + b.w - mx && fy >= b.y + my && fy < b.y + b.h - my
        })
    };
    let mut dark_before = 0;
    let mut checked = 0;
    for (x, y, p) in burned.enumerate_pixels() {
        // One JPEG block in from the edge the fill is exact; at the edge only ringing (near black).
        if inside(x, y, 1.0) {
            assert!(
                p.0.iter().all(|&c| c <= 40),
                "not dark at {x},{y}: {:?}",
                p.0
            );
        }
        if inside(x, y, 8.0) {
            checked += 1;
            assert!(
                p.0.iter().all(|&c| c <= 3),
                "not black at {x},{y}: {:?}",
                p.0
            );
            dark_before += usize::from(raw.get_pixel(x, y).0.iter().all(|&c| c <= 3));
        }
    }
    assert!(checked > 5_000, "{checked} pixels inside the boxes");
    assert!(
        dark_before * 10 < checked,
        "the raw thumbnail was not black there already ({dark_before} of {checked})"
    );
    // Outside the boxes (away from their edges) the thumbnail is the raw one, up to re-encoding.
    let outside: Vec<(u32, u32)> = burned
        .enumerate_pixels()
        .filter(|(x, y, _)| !inside(*x, *y, -10.0))
        .map(|(x, y, _)| (x, y))
        .collect();
    let diff: f64 = outside
        .iter()
        .map(|&(x, y)| {
            let (a, b) = (raw.get_pixel(x, y).0, burned.get_pixel(x, y).0);
            (0..3).map(|c| f64::from(a[c].abs_diff(b[c]))).sum::<f64>() / 3.0
        })
        .sum::<f64>()
        / outside.len() as f64;
    assert!(
        diff < 3.0,
        "outside the boxes the picture is unchanged: {diff}"
    );

    // No boxes, nothing burned: an empty key is not an address of boxes.
    assert_eq!(thumbs::parse_boxes_key(""), None);
}
