//! Import on the real test photos: orientation, duplicates by content, broken files reported while the
//! rest still import, originals untouched.

use gongbang_testkit as common;

use std::collections::HashMap;

use common::*;
use gongbang_core::import::{import_paths, ImportOutcome};
use gongbang_core::repo::{jobs, photos};
use gongbang_core::JobFields;

#[test]
fn orientation_set_imports_upright_with_thumbnails() {
    let (_tmp, mut lib) = temp_library();
    let job = jobs::create(lib.conn(), &JobFields::default()).unwrap();
    let files = photos_in("orientation");
    assert_eq!(files.len(), 18);
    let mut progress = Vec::new();
    let summary = import_paths(&mut lib, Some(job.id), &files, |done, total, _| {
        progress.push((done, total));
    })
    .unwrap();
    assert_eq!(summary.imported, 18, "{:#?}", summary.items);
    assert_eq!(summary.rejected, 0);
    assert_eq!(progress.len(), 18);
    assert_eq!(progress.last(), Some(&(18, 18)));
    for item in &summary.items {
        let p = item.photo.as_ref().unwrap();
        let (w, h) = if item.file_name.starts_with("Landscape") {
            (1800, 1200)
        } else {
            (1200, 1800)
        };
        assert_eq!((p.width, p.height), (w, h), "{}", item.file_name);
        // Thumbnails are upright too, and clean.
        let thumb = lib.thumbnail_path(&p.hash);
        let bytes = std::fs::read(&thumb).unwrap();
        gongbang_core::imaging::jpeg_segments::verify_clean(&bytes).unwrap();
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!(img.width() > img.height(), w > h, "{}", item.file_name);
    }
    // Orientation 0 is invalid and counts as 1.
    let zero = summary
        .items
        .iter()
        .find(|i| i.file_name == "Landscape_0.jpg")
        .unwrap();
    assert_eq!(zero.photo.as_ref().unwrap().orientation, 1);
    // The job holds them in the order given.
    let in_job = photos::for_job(lib.conn(), job.id).unwrap();
    let names: Vec<_> = in_job.iter().map(|p| p.original_name.clone()).collect();
    let given: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 18);
    let mut sorted_names = names.clone();
    sorted_names.sort();
    assert_eq!(sorted_names, given);
}

#[test]
fn duplicates_are_recognised_by_content() {
    let (tmp, mut lib) = temp_library();
    let src = photos_dir().join("gps/DSCN0010.jpg");
    // The same bytes under another name count as the same photo.
    let copy = tmp.path().join("다른 이름.jpg");
    std::fs::copy(&src, &copy).unwrap();
    let first = import_paths(&mut lib, None, &[src.clone(), copy.clone()], |_, _, _| {}).unwrap();
    assert_eq!(first.imported, 1, "{:#?}", first.items);
    assert_eq!(first.duplicates, 1);
    let again = import_paths(&mut lib, None, &[src], |_, _, _| {}).unwrap();
    assert_eq!(again.duplicates, 1);
    assert_eq!(again.imported, 0);
    let dup = &again.items[0];
    assert_eq!(dup.outcome, ImportOutcome::Duplicate);
    assert!(dup.reason_ko.as_deref().unwrap().contains("이미"));
    assert_eq!(photos::all_hashes(lib.conn()).unwrap().len(), 1);
}

#[test]
fn broken_files_are_reported_and_the_rest_import() {
    let (tmp, mut lib) = temp_library();
    let not_a_photo = tmp.path().join("메모.jpg");
    std::fs::write(&not_a_photo, "this is text, not a photo").unwrap();
    let empty = tmp.path().join("empty.png");
    std::fs::write(&empty, b"").unwrap();
    let missing = tmp.path().join("없는 파일.jpg");
    let mut paths = vec![photos_dir().join("broken"), not_a_photo, empty, missing];
    paths.extend(photos_in("gps"));
    let summary = import_paths(&mut lib, None, &paths, |_, _, _| {}).unwrap();
    let by_name: HashMap<_, _> = summary
        .items
        .iter()
        .map(|i| (i.file_name.as_str(), i))
        .collect();
    let corrupted = by_name["corrupted.jpg"];
    assert_eq!(corrupted.outcome, ImportOutcome::Rejected, "{corrupted:#?}");
    assert!(corrupted.reason_ko.as_deref().unwrap().contains("손상"));
    assert!(corrupted.reason_en.as_deref().unwrap().contains("damaged"));
    assert_eq!(by_name["메모.jpg"].outcome, ImportOutcome::Rejected);
    assert!(by_name["메모.jpg"]
        .reason_ko
        .as_deref()
        .unwrap()
        .contains("사진 파일이 아닙니다"));
    assert_eq!(by_name["empty.png"].outcome, ImportOutcome::Rejected);
    assert_eq!(by_name["없는 파일.jpg"].outcome, ImportOutcome::Rejected);
    // Invalid EXIF does not stop a photo whose pixels are fine.
    assert_eq!(by_name["image01088.jpg"].outcome, ImportOutcome::Imported);
    for gps in photos_in("gps") {
        let name = gps.file_name().unwrap().to_str().unwrap();
        let item = by_name[name];
        assert_eq!(item.outcome, ImportOutcome::Imported, "{item:#?}");
        // canon_hdr_NO.jpg has a GPS directory with only a version number: no location.
        let has_position = name != "canon_hdr_NO.jpg";
        assert_eq!(item.photo.as_ref().unwrap().has_gps, has_position, "{name}");
    }
    assert_eq!(summary.rejected, 4);
}

#[test]
fn camera_photos_keep_their_facts_and_originals_stay_untouched() {
    let (_tmp, mut lib) = temp_library();
    let files = photos_in("cameras");
    let before: Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> = files
        .iter()
        .map(|f| {
            (
                f.clone(),
                std::fs::read(f).unwrap(),
                std::fs::metadata(f).unwrap().modified().unwrap(),
            )
        })
        .collect();
    let summary = import_paths(&mut lib, None, &files, |_, _, _| {}).unwrap();
    assert_eq!(summary.rejected, 0, "{:#?}", summary.items);
    let canon = summary
        .items
        .iter()
        .find(|i| i.file_name == "Canon_40D.jpg")
        .unwrap()
        .photo
        .clone()
        .unwrap();
    assert_eq!(canon.camera_make.as_deref(), Some("Canon"));
    assert_eq!(canon.camera_model.as_deref(), Some("Canon EOS 40D"));
    assert_eq!(canon.taken_at.as_deref(), Some("2008-05-30T15:56:01"));
    let tiff = summary
        .items
        .iter()
        .find(|i| i.file_name == "BSG1.tiff")
        .unwrap()
        .photo
        .clone()
        .unwrap();
    assert_eq!((tiff.width, tiff.height), (635, 348));
    for (path, bytes, mtime) in before {
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{} changed",
            path.display()
        );
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    }
    // The store holds exact, read-only copies.
    for item in &summary.items {
        let p = item.photo.as_ref().unwrap();
        let ext = if p.format == "tiff" { "tiff" } else { "jpg" };
        let stored = lib.original_path(&p.hash, ext);
        assert_eq!(
            std::fs::read(&stored).unwrap(),
            std::fs::read(&item.path).unwrap()
        );
        assert!(std::fs::metadata(&stored).unwrap().permissions().readonly());
    }
}

#[test]
fn png_with_alpha_and_webp_import_and_export_clean() {
    let (tmp, mut lib) = temp_library();
    // Made here from a real photo: the shared set has no PNG or WebP.
    let src = image::open(photos_dir().join("gps/DSCN0010.jpg")).unwrap();
    let mut rgba = src.to_rgba8();
    for p in rgba.pixels_mut().take(640 * 40) {
        p[3] = 0; // a transparent band at the top
    }
    let png = tmp.path().join("part.png");
    rgba.save(&png).unwrap();
    let webp = tmp.path().join("part.webp");
    src.to_rgb8().save(&webp).unwrap();
    let job = common::own_job(&lib, &JobFields::default());
    let s = import_paths(&mut lib, Some(job.id), &[png, webp], |_, _, _| {}).unwrap();
    assert_eq!(s.imported, 2, "{:#?}", s.items);
    let formats: Vec<_> = s
        .items
        .iter()
        .map(|i| i.photo.as_ref().unwrap().format.clone())
        .collect();
    assert_eq!(formats, ["png", "webp"]);
    let post =
        gongbang_core::draft::make_draft(&mut lib, job.id, gongbang_core::Platform::Naver).unwrap();
    let out = gongbang_core::export::export_post(&mut lib, post.id, tmp.path(), &[]).unwrap();
    let first = std::path::Path::new(&out.folder).join("photos/01.jpg");
    assert_no_metadata(&first);
    // Transparent pixels become white paper, not black.
    let img = image::open(&first).unwrap().to_rgb8();
    let p = img.get_pixel(320, 5);
    assert!(p.0.iter().all(|c| *c > 240), "{p:?}");
}
