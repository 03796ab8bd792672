//! iPhone photos (HEIC): real HEIC files made with libheif from the shared test photos
//! (tests/fixtures/heic/README.md) import upright with their EXIF facts, export as clean upright JPEGs, a
//! large grid-tiled HEIC decodes like its JPEG, an unreadable one says what to do, and a library of
//! schema 7 is migrated (photos rebuilt for 'heic') with every row and reference intact.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};

use common::*;
use gongbang_core::import::{import_paths, ImportOutcome};
use gongbang_core::repo::{jobs, photos};
use gongbang_core::{JobFields, Library};
use image::RgbImage;
use rusqlite::Connection;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/heic")
        .join(name)
}

/// The shared photo the rotated fixtures were made from, upright, at `w`×`h`.
fn upright_reference(rel: &str, w: u32, h: u32) -> RgbImage {
    let bytes = std::fs::read(photos_dir().join(rel)).unwrap();
    let meta = gongbang_core::imaging::read_meta(&bytes);
    let img = image::load_from_memory(&bytes).unwrap();
    let up = gongbang_core::imaging::orient(img, meta.orientation);
    image::imageops::resize(&up.to_rgb8(), w, h, image::imageops::FilterType::Triangle)
}

fn same_picture(got: &RgbImage, reference_rel: &str, label: &str) {
    let reference = upright_reference(reference_rel, got.width(), got.height());
    let diff = mean_abs_diff(got, &reference);
    let turned = image::imageops::rotate180(&reference);
    let diff_turned = mean_abs_diff(got, &turned);
    assert!(
        diff < 12.0 && diff * 2.0 < diff_turned,
        "{label}: differs from the upright photo by {diff:.1} (turned round: {diff_turned:.1})"
    );
}

#[test]
fn iphone_photos_import_upright_with_their_exif_facts() {
    let (_tmp, mut lib) = temp_library();
    let job = jobs::create(lib.conn(), &JobFields::default()).unwrap();
    let files: Vec<PathBuf> = [
        "rot6_irot.heic",
        "rot6_exif.heic",
        "gps.heic",
        "tenbit.heic",
    ]
    .iter()
    .map(|n| fixture(n))
    .collect();
    let s = import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!(s.imported, 4, "{:#?}", s.items);
    let photo = |i: usize| s.items[i].photo.clone().unwrap();
    for i in 0..4 {
        assert_eq!(photo(i).format, "heic", "{}", s.items[i].file_name);
    }
    // As an iPhone writes it (irot and EXIF orientation 6): decoded upright once, never turned twice.
    let irot = photo(0);
    assert_eq!((irot.width, irot.height, irot.orientation), (600, 400, 1));
    assert_eq!(irot.camera_make.as_deref(), Some("Apple"));
    assert_eq!(irot.camera_model.as_deref(), Some("iPhone 12"));
    assert_eq!(irot.taken_at.as_deref(), Some("2024-05-17T14:03:22"));
    assert!(irot.has_gps);
    // EXIF orientation alone (older libheif): applied as for a JPEG.
    let exif_only = photo(1);
    assert_eq!(
        (exif_only.width, exif_only.height, exif_only.orientation),
        (600, 400, 6)
    );
    let gps = photo(2);
    assert_eq!((gps.width, gps.height), (640, 480));
    assert!(gps.has_gps);
    assert_eq!(gps.camera_make.as_deref(), Some("NIKON"));
    assert_eq!(gps.taken_at.as_deref(), Some("2008-10-22T16:28:39"));
    assert_eq!(photo(3).camera_model.as_deref(), Some("COOLPIX P6000"));
    // Thumbnails: upright, clean, the same picture as the JPEG they were made from.
    for (i, reference) in [
        (0, "orientation/Landscape_6.jpg"),
        (1, "orientation/Landscape_6.jpg"),
        (2, "gps/DSCN0010.jpg"),
        (3, "gps/DSCN0012.jpg"),
    ] {
        let bytes = std::fs::read(lib.thumbnail_path(&photo(i).hash)).unwrap();
        gongbang_core::imaging::jpeg_segments::verify_clean(&bytes).unwrap();
        let thumb = image::load_from_memory(&bytes).unwrap().to_rgb8();
        same_picture(&thumb, reference, &s.items[i].file_name);
    }
    // The original is kept as it came, under .heic.
    let stored = lib.root().join("originals");
    let n = walk_count(&stored, "heic");
    assert_eq!(n, 4);
}

fn walk_count(dir: &Path, ext: &str) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            n += walk_count(&p, ext);
        } else if p.extension().is_some_and(|x| x == ext) {
            n += 1;
        }
    }
    n
}

#[test]
fn an_iphone_photo_exports_upright_as_a_clean_jpeg() {
    let (tmp, mut lib) = temp_library();
    let job = own_job(&lib, &JobFields::default());
    let files = [fixture("rot6_irot.heic"), fixture("gps.heic")];
    let s = import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!(s.imported, 2, "{:#?}", s.items);
    let post =
        gongbang_core::draft::make_draft(&mut lib, job.id, gongbang_core::Platform::Naver).unwrap();
    let out = gongbang_core::export::export_post(&mut lib, post.id, tmp.path(), &[]).unwrap();
    let folder = Path::new(&out.folder).join("photos");
    let mut seen = Vec::new();
    for name in ["01.jpg", "02.jpg"] {
        let path = folder.join(name);
        let bytes = std::fs::read(&path).unwrap();
        gongbang_core::imaging::jpeg_segments::verify_clean(&bytes).unwrap();
        assert_eq!(
            image::guess_format(&bytes).unwrap(),
            image::ImageFormat::Jpeg
        );
        assert_no_metadata(&path);
        if LINUX_CHECKERS {
            let tags = exiftool(&path);
            assert!(
                !tags.keys().any(|k| k.contains("GPS")
                    || k.starts_with("EXIF")
                    || k.starts_with("IFD")
                    || k.starts_with("XMP")),
                "{name}: {tags:?}"
            );
        }
        let img = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert!(img.width() > img.height(), "{name} is not upright");
        seen.push(img);
    }
    // Which export photo is which: the iPhone one is 3:2, the Nikon one 4:3.
    let (three_two, four_three): (Vec<_>, Vec<_>) = seen
        .into_iter()
        .partition(|i| (f64::from(i.width()) / f64::from(i.height()) - 1.5).abs() < 0.02);
    same_picture(
        &three_two[0],
        "orientation/Landscape_6.jpg",
        "export of rot6_irot",
    );
    same_picture(&four_three[0], "gps/DSCN0010.jpg", "export of gps");
}

#[test]
fn a_large_grid_tiled_heic_decodes_like_its_jpeg() {
    // iPhones store a photo as a grid of 512×512 HEVC tiles; heifer's encoder writes the same layout.
    let (tmp, mut lib) = temp_library();
    // At half size (1632×1224: 4×3 tiles, the last row and column cropped) to keep the encode quick.
    let src = image::open(photos_dir().join("gps/iphone_hdr_NO.jpg"))
        .unwrap()
        .resize(1632, 1224, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let (w, h) = src.dimensions();
    assert_eq!((w, h), (1632, 1224));
    let options = heifer::EncodeOptions {
        quality: 70,
        ..Default::default()
    };
    let heic = heifer::encode_rgb8(w, h, src.as_raw(), &options).unwrap();
    let file = heifer::heifer_isobmff::HeifFile::parse(&heic).unwrap();
    assert!(file.grid(file.primary_id).is_ok(), "not a grid image");
    drop(file);
    let path = tmp.path().join("IMG_0001.HEIC");
    std::fs::write(&path, &heic).unwrap();
    let s = import_paths(&mut lib, None, &[path], |_, _, _| {}).unwrap();
    assert_eq!(s.imported, 1, "{:#?}", s.items);
    let p = s.items[0].photo.clone().unwrap();
    assert_eq!((p.width, p.height), (w, h));
    let thumb = image::open(lib.thumbnail_path(&p.hash)).unwrap().to_rgb8();
    same_picture(&thumb, "gps/iphone_hdr_NO.jpg", "grid");
}

#[test]
fn an_unreadable_heic_says_to_choose_most_compatible() {
    let (tmp, mut lib) = temp_library();
    // A HEIF of a kind the decoder does not know (generic brand, no HEVC brand).
    let mut other = std::fs::read(fixture("gps.heic")).unwrap();
    let size = u32::from_be_bytes(other[0..4].try_into().unwrap()) as usize;
    for chunk in other[8..size].chunks_exact_mut(4) {
        if chunk == b"heic" {
            chunk.copy_from_slice(b"mif1");
        }
    }
    let odd = tmp.path().join("odd.heif");
    std::fs::write(&odd, &other).unwrap();
    // A HEIC whose picture stream stops half way.
    let whole = std::fs::read(fixture("rot6_irot.heic")).unwrap();
    let cut = tmp.path().join("cut.heic");
    std::fs::write(&cut, &whole[..whole.len() * 2 / 3]).unwrap();
    let s = import_paths(&mut lib, None, &[odd, cut], |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 2, "{:#?}", s.items);
    let odd = &s.items[0];
    assert_eq!(odd.outcome, ImportOutcome::Rejected);
    let ko = odd.reason_ko.as_deref().unwrap();
    let en = odd.reason_en.as_deref().unwrap();
    assert!(ko.contains("호환성 우선"), "{ko}");
    assert!(en.contains("Most Compatible"), "{en}");
    assert!(photos::all_hashes(lib.conn()).unwrap().is_empty());
}

/// A library exactly as schema 7 left it, with a photo in a job, a post, a redaction and its quality.
fn make_v7_library(root: &Path) {
    std::fs::create_dir_all(root).unwrap();
    let conn = crate::old_schema::database_at(&root.join("library.sqlite3"), 7);
    drop(conn);
}

fn schema_of_photos(conn: &Connection) -> Vec<(String, String)> {
    let mut st = conn
        .prepare(
            "SELECT type, name FROM sqlite_master WHERE tbl_name = 'photos' AND type IN ('index', 'trigger')
             ORDER BY type, name",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn dump(conn: &Connection, sql: &str) -> Vec<String> {
    let mut st = conn.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        Ok((0..n)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn a_schema_7_library_is_migrated_with_every_photo_and_reference() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    make_v7_library(&root);
    let t = "'2026-11-01T09:00:00+09:00'";
    {
        let conn = Connection::open(root.join("library.sqlite3")).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO jobs (id, title, created_at, updated_at) VALUES (1, '샤프트', {t}, {t});
             INSERT INTO photos (id, hash, format, original_name, original_path, imported_at, taken_at, width,
                                 height, orientation, camera_make, camera_model, has_gps, byte_size)
                 VALUES (3, 'aa11', 'jpeg', 'a.jpg', '/p/a.jpg', {t}, '2026-10-01T10:00:00', 1800, 1200, 6,
                         'Canon', 'EOS', 1, 12345),
                        (7, 'bb22', 'png', 'b.png', '/p/b.png', {t}, NULL, 640, 480, 1, NULL, NULL, 0, 999);
             INSERT INTO job_photos (job_id, photo_id, position) VALUES (1, 3, 0), (1, 7, 1);
             INSERT INTO posts (id, job_id, platform, created_at, updated_at) VALUES (5, 1, 'naver', {t}, {t});
             INSERT INTO post_photos (post_id, photo_id, position, caption) VALUES (5, 7, 0, '완성품');
             INSERT INTO redactions (photo_id, position, x, y, w, h) VALUES (3, 0, 0.1, 0.1, 0.2, 0.2);
             INSERT INTO photo_quality (photo_id, mean_luma, sharpness, measured_at)
                 VALUES (3, 120.5, 33.0, {t});"
        ))
        .unwrap();
    }
    let tables = [
        "SELECT * FROM photos ORDER BY id",
        "SELECT * FROM job_photos ORDER BY job_id, photo_id",
        "SELECT * FROM post_photos ORDER BY post_id, photo_id",
        "SELECT * FROM redactions ORDER BY photo_id, position",
        "SELECT * FROM photo_quality ORDER BY photo_id",
    ];
    let (v7_rows, v7_schema) = {
        let conn = Connection::open(root.join("library.sqlite3")).unwrap();
        let rows: Vec<Vec<String>> = tables.iter().map(|q| dump(&conn, q)).collect();
        (rows, schema_of_photos(&conn))
    };
    assert_eq!(v7_rows[0].len(), 2);
    assert_eq!(v7_rows[3].len(), 1, "the redaction is there before");

    let lib = Library::open(&root).unwrap();
    let conn = lib.conn();
    assert_eq!(
        gongbang_core::db::schema_version(conn).unwrap(),
        gongbang_core::db::SCHEMA_VERSION
    );
    // Every row survived (the drop of the old table cascaded nowhere), with the same ids.
    let rows: Vec<Vec<String>> = tables.iter().map(|q| dump(conn, q)).collect();
    assert_eq!(rows, v7_rows);
    // The same indexes and triggers on photos as at schema 7 (the UNIQUE hash index).
    let schema = schema_of_photos(conn);
    assert_eq!(schema, v7_schema);
    assert!(schema.iter().any(|(t, _)| t == "index"), "{schema:?}");
    // References intact, foreign keys back on, and they still bite.
    assert!(dump(conn, "PRAGMA foreign_key_check").is_empty());
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert!(conn
        .execute(
            "INSERT INTO job_photos (job_id, photo_id, position) VALUES (1, 999, 5)",
            []
        )
        .is_err());
    assert!(
        conn.execute("DELETE FROM photos WHERE id = 7", []).is_err(),
        "job_photos restricts"
    );
    // The one thing that changed: a photo may be HEIC (and still nothing else).
    conn.execute(
        &format!(
            "INSERT INTO photos (hash, format, original_name, original_path, imported_at, width, height,
                                 byte_size) VALUES ('cc33', 'heic', 'c.heic', '/p/c.heic', {t}, 4032, 3024, 1)"
        ),
        [],
    )
    .unwrap();
    assert!(conn
        .execute(
            &format!(
                "INSERT INTO photos (hash, format, original_name, original_path, imported_at, width, height,
                                     byte_size) VALUES ('dd44', 'gif', 'd.gif', '/p/d.gif', {t}, 1, 1, 1)"
            ),
            [],
        )
        .is_err());
    // Through the app: the photos still read and belong to their job.
    let in_job = photos::for_job(conn, 1).unwrap();
    assert_eq!(in_job.len(), 2);
    assert_eq!(in_job[0].redactions.len(), 1);
}
