//! Export of a Naver Blog package (and the HTML/Markdown ones) from real photos: the files, the order, the
//! upright pixels, and no metadata — checked on the bytes and with exiftool.

use gongbang_testkit as common;

use common::*;
use gongbang_core::export::export_post;
use gongbang_core::imaging::jpeg_segments;
use gongbang_core::import::import_paths;
use gongbang_core::repo::{jobs, photos, posts};
use gongbang_core::{draft, Block, JobFields, Library, Platform, PostStatus};

fn job_with(lib: &mut Library, files: &[std::path::PathBuf]) -> i64 {
    let job = common::own_job(&*lib, &common::shaft_job());
    let s = import_paths(lib, Some(job.id), files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0, "{:#?}", s.items);
    job.id
}

#[test]
fn naver_package_has_every_file_numbered_upright_and_clean() {
    let (tmp, mut lib) = temp_library();
    let files = photos_in("orientation");
    let job = job_with(&mut lib, &files);
    // Put the photos in a deliberate order: reversed.
    let mut ids: Vec<i64> = photos::for_job(lib.conn(), job)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    ids.reverse();
    jobs::set_photo_order(lib.conn_mut(), job, &ids).unwrap();
    let post = draft::make_draft(&mut lib, job, Platform::Naver).unwrap();
    assert_eq!(post.photo_ids(), ids);

    let out = tmp.path().join("내보내기");
    let result = export_post(&mut lib, post.id, &out, &[]).unwrap();
    let folder = std::path::PathBuf::from(&result.folder);
    let name = folder.file_name().unwrap().to_str().unwrap().to_string();
    assert!(name.ends_with("_naver_01"), "{name}");
    assert_eq!(folder.parent().unwrap(), out);
    // An ordinary folder the owner (and his other accounts) can open, not a private temporary one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o755);
        assert_eq!(mode(&folder.join("photos")), 0o755);
        assert_eq!(mode(&folder.join("photos/01.jpg")), 0o644);
        assert_eq!(mode(&folder.join("본문.txt")), 0o644);
    }
    // Nothing else was left in the output folder (no temporary folder).
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);

    let mut expected: Vec<String> = (1..=18).map(|n| format!("photos/{n:02}.jpg")).collect();
    expected.extend(
        [
            "post.html",
            "본문.txt",
            "올리는 방법.txt",
            "제목.txt",
            "태그.txt",
        ]
        .map(String::from),
    );
    expected.sort();
    assert_eq!(result.files, expected);

    let body = std::fs::read_to_string(folder.join("본문.txt")).unwrap();
    for n in 1..=18 {
        assert_eq!(
            body.matches(&format!("[사진 {n}]")).count(),
            1,
            "marker {n}"
        );
    }
    assert!(body.find("[사진 1]").unwrap() < body.find("[사진 2]").unwrap());
    assert!(body.contains("SUS304") && body.contains("CNC 선반으로"));
    assert!(!body.contains("{{") && !body.contains("{%"));
    let title = std::fs::read_to_string(folder.join("제목.txt")).unwrap();
    assert_eq!(title.trim(), "CNC 선반 SUS304 샤프트 가공");
    let tags = std::fs::read_to_string(folder.join("태그.txt")).unwrap();
    assert!(tags.contains("#CNC선반가공"), "{tags}");
    let html = std::fs::read_to_string(folder.join("post.html")).unwrap();
    assert!(html.contains("src=\"photos/01.jpg\"") && html.contains("src=\"photos/18.jpg\""));

    // Photo N of the export is the N-th photo of the post, upright: compare with the orientation-1 twin.
    let ordered = photos::for_job(lib.conn(), job).unwrap();
    let load = |n: usize| {
        image::open(folder.join(format!("photos/{n:02}.jpg")))
            .unwrap()
            .to_rgb8()
    };
    let reference_index = |prefix: &str| {
        ordered
            .iter()
            .position(|p| p.original_name == format!("{prefix}_1.jpg"))
            .unwrap()
            + 1
    };
    let landscape_ref = load(reference_index("Landscape"));
    let portrait_ref = load(reference_index("Portrait"));
    assert_eq!(landscape_ref.dimensions(), (1600, 1067));
    assert_eq!(portrait_ref.dimensions(), (1067, 1600));
    for (i, p) in ordered.iter().enumerate() {
        let img = load(i + 1);
        let reference = if p.original_name.starts_with("Landscape") {
            &landscape_ref
        } else {
            &portrait_ref
        };
        assert_eq!(
            img.dimensions(),
            reference.dimensions(),
            "{}",
            p.original_name
        );
        let diff = mean_abs_diff(&img, reference);
        assert!(
            diff < 4.0,
            "{} is not upright (diff {diff:.1})",
            p.original_name
        );
    }
    // A rotated photo compared with the reference differs a lot: the check above can fail.
    let upside_down = image::imageops::rotate180(&landscape_ref);
    assert!(mean_abs_diff(&upside_down, &landscape_ref) > 20.0);

    for n in 1..=18 {
        let path = folder.join(format!("photos/{n:02}.jpg"));
        let bytes = std::fs::read(&path).unwrap();
        let layout = jpeg_segments::parse(&bytes).unwrap();
        assert_eq!(layout.trailing_bytes, 0);
        let markers: Vec<u8> = layout.segments.iter().map(|s| s.marker).collect();
        assert!(!markers.contains(&0xE1), "APP1 (EXIF/XMP) in {n:02}.jpg");
        assert!(!markers.contains(&0xED), "APP13 (IPTC) in {n:02}.jpg");
        assert!(!markers.contains(&0xFE), "comment in {n:02}.jpg");
        jpeg_segments::verify_clean(&bytes).unwrap();
        assert_no_metadata(&path);
    }

    let stored = posts::get(lib.conn(), post.id).unwrap();
    assert_eq!(stored.status, PostStatus::Exported);
    assert_eq!(stored.export_path.as_deref(), Some(result.folder.as_str()));

    // A second export never overwrites the first.
    let second = export_post(&mut lib, post.id, &out, &[]).unwrap();
    assert!(second.folder.ends_with("_naver_02"), "{}", second.folder);
}

#[test]
fn gps_and_camera_photos_leave_no_trace_of_their_metadata() {
    let (tmp, mut lib) = temp_library();
    let mut files = photos_in("gps");
    files.extend(photos_in("cameras"));
    let job = job_with(&mut lib, &files);
    let post = draft::make_draft(&mut lib, job, Platform::Naver).unwrap();
    let result = export_post(&mut lib, post.id, tmp.path(), &[]).unwrap();
    let folder = std::path::PathBuf::from(&result.folder);
    // Strings that are in the sources' metadata must not be anywhere in the output. ("Apple" may be: the
    // TIFF's display profile, the one thing allowed to stay, was made by Apple; leak_guard.rs checks
    // each source's own serials and owners.)
    let needles: &[&[u8]] = &[
        b"Exif",
        b"NIKON",
        b"Canon",
        b"iPhone",
        b"H500EE06130468",
        b"http://ns.adobe.com",
        b"Photoshop",
    ];
    let photos_out = photos_in("gps").len() + photos_in("cameras").len();
    for n in 1..=photos_out {
        let path = folder.join(format!("photos/{n:02}.jpg"));
        let bytes = std::fs::read(&path).unwrap();
        for needle in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == *needle),
                "{} contains {:?}",
                path.display(),
                String::from_utf8_lossy(needle)
            );
        }
        assert_no_metadata(&path);
        if LINUX_CHECKERS {
            let tags = exiftool(&path);
            assert!(
                !tags.keys().any(|k| k.contains("GPS")),
                "{}",
                path.display()
            );
        }
    }
    // The portrait Canon (orientation 6) comes out upright: taller than wide.
    let canon_index = photos::for_job(lib.conn(), job)
        .unwrap()
        .iter()
        .position(|p| p.original_name == "canon_hdr_NO.jpg")
        .unwrap();
    let canon = image::open(folder.join(format!("photos/{:02}.jpg", canon_index + 1))).unwrap();
    assert!(canon.height() > canon.width());
}

#[test]
fn html_and_markdown_packages() {
    let (tmp, mut lib) = temp_library();
    let job = job_with(&mut lib, &photos_in("gps")[..2]);
    let html_post = draft::make_draft(&mut lib, job, Platform::Html).unwrap();
    let html = export_post(&mut lib, html_post.id, tmp.path(), &[]).unwrap();
    assert_eq!(
        html.files,
        [
            "photos/01.jpg",
            "photos/02.jpg",
            "post.html",
            "post.md",
            "tags.txt",
            "title.txt"
        ]
    );
    let md_post = draft::make_draft(&mut lib, job, Platform::Markdown).unwrap();
    let md = export_post(&mut lib, md_post.id, tmp.path(), &[]).unwrap();
    assert_eq!(
        md.files,
        [
            "photos/01.jpg",
            "photos/02.jpg",
            "post.md",
            "tags.txt",
            "title.txt"
        ]
    );
    let text = std::fs::read_to_string(std::path::Path::new(&md.folder).join("post.md")).unwrap();
    assert!(
        text.starts_with("# CNC 선반 SUS304 샤프트 가공\n"),
        "{text}"
    );
    assert!(text.contains("](photos/01.jpg)") && text.contains("](photos/02.jpg)"));
}

#[test]
fn a_post_without_photos_is_refused_and_nothing_is_written() {
    let (tmp, mut lib) = temp_library();
    let job = common::own_job(&lib, &JobFields::default());
    let post = draft::make_draft(&mut lib, job.id, Platform::Naver).unwrap();
    assert!(!post.blocks.iter().any(|b| matches!(b, Block::Photo { .. })));
    let out = tmp.path().join("out");
    let err = export_post(&mut lib, post.id, &out, &[]).unwrap_err();
    assert_eq!(err.code(), "no_photos");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);
}

#[test]
fn hostile_text_stays_text_in_post_html() {
    let (tmp, mut lib) = temp_library();
    let evil = "<img src=x onerror=alert(1)>";
    let job = common::own_job(
        &lib,
        &JobFields {
            title: evil.into(),
            material: evil.into(),
            story: evil.into(),
            ..JobFields::default()
        },
    );
    import_paths(&mut lib, Some(job.id), &photos_in("gps")[..1], |_, _, _| {}).unwrap();
    let ids: Vec<i64> = photos::for_job(lib.conn(), job.id)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    jobs::set_photo_meta(lib.conn(), job.id, ids[0], None, evil).unwrap();
    let post = draft::make_draft(&mut lib, job.id, Platform::Naver).unwrap();
    let result = export_post(&mut lib, post.id, tmp.path(), &[]).unwrap();
    let html =
        std::fs::read_to_string(std::path::Path::new(&result.folder).join("post.html")).unwrap();
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_copy_buttons_get_the_naver_files_as_written() {
    use gongbang_core::export::NaverPart;
    let (tmp, mut lib) = temp_library();
    let job = job_with(&mut lib, &photos_in("gps")[..2]);
    let post = draft::make_draft(&mut lib, job, Platform::Naver).unwrap();
    let result = export_post(&mut lib, post.id, tmp.path(), &[]).unwrap();
    assert_eq!(result.post_id(), post.id);
    let folder = std::path::PathBuf::from(&result.folder);
    for (part, file) in [
        (NaverPart::Title, "제목.txt"),
        (NaverPart::Body, "본문.txt"),
        (NaverPart::Tags, "태그.txt"),
    ] {
        assert_eq!(part.file_name(), file);
        let written = std::fs::read_to_string(folder.join(file)).unwrap();
        let copied = result.naver_text(part).unwrap();
        // The file's text, only its final line break left out.
        assert_eq!(copied, written.trim_end_matches('\n'), "{file}");
        assert!(
            !copied.ends_with('\n') && !copied.trim().is_empty(),
            "{file}"
        );
    }
    assert!(result
        .naver_text(NaverPart::Body)
        .unwrap()
        .contains("[사진 2]"));
    assert_eq!(
        NaverPart::ALL,
        [NaverPart::Title, NaverPart::Body, NaverPart::Tags]
    );

    // Another platform's package has no Naver texts to copy.
    let html_post = draft::make_draft(&mut lib, job, Platform::Html).unwrap();
    let html = export_post(&mut lib, html_post.id, tmp.path(), &[]).unwrap();
    assert_eq!(html.naver_text(NaverPart::Title), None);
}
