//! The leak guard in the core, on the real photos: every exported file checked segment by segment and by
//! exiftool, none of the source's serials, owner names or GPS values anywhere in the bytes, a colour
//! profile (the app's own copy, never the source's) when there was one, redaction boxes exact in every orientation, the policies, and the text scan.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};

use common::*;
use gongbang_core::export::{export_cleared, export_post};
use gongbang_core::guard::{self, metadata::MetaKind};
use gongbang_core::imaging::jpeg_segments;
use gongbang_core::import::import_paths;
use gongbang_core::repo::approvals::NewApproval;
use gongbang_core::repo::clients::Policy;
use gongbang_core::repo::jobs::{self, OwnerKind};
use gongbang_core::repo::redactions::{self, RedactBox};
use gongbang_core::repo::{guard_log, photos, posts};
use gongbang_core::video::Control;
use gongbang_core::{draft, CoreError, JobFields, Library, Platform};

/// Every photo of the test set that imports (the truncated one is refused at import, by design).
fn all_photos() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for folder in ["orientation", "gps", "cameras", "broken"] {
        v.extend(
            photos_in(folder)
                .into_iter()
                .filter(|p| !p.ends_with("corrupted.jpg")),
        );
    }
    v
}

fn export_one(lib: &mut Library, out: &Path, job: i64) -> PathBuf {
    let post = draft::make_draft(lib, job, Platform::Naver).unwrap();
    PathBuf::from(export_post(lib, post.id, out, &[]).unwrap().folder)
}

/// Text values of the source's identifying tags (serials, owners, unique ids), as exiftool reads them.
fn identifying_strings(source: &Path) -> Vec<String> {
    let tags = exiftool(source);
    tags.iter()
        // The ICC profile is allowed to stay (its own copyright line is the profile maker's).
        .filter(|(k, _)| !k.starts_with("ICC"))
        .filter(|(k, _)| {
            let name = k.split(':').nth(1).unwrap_or(k);
            ["Serial", "Owner", "UniqueID", "Artist", "Copyright"]
                .iter()
                .any(|w| name.contains(w))
        })
        .filter_map(|(_, v)| match v {
            serde_json::Value::String(s) => Some(s.trim().to_string()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .filter(|s| s.len() >= 5)
        .collect()
}

/// The raw bytes of the source's GPS latitude and longitude (three rationals each, as stored).
fn raw_gps(source: &Path) -> Vec<Vec<u8>> {
    let file = std::fs::File::open(source).unwrap();
    let Ok(exif) = exif::Reader::new().read_from_container(&mut std::io::BufReader::new(file))
    else {
        return Vec::new();
    };
    let little = exif.little_endian();
    [exif::Tag::GPSLatitude, exif::Tag::GPSLongitude]
        .iter()
        .filter_map(|t| exif.get_field(*t, exif::In::PRIMARY))
        .filter_map(|f| match &f.value {
            exif::Value::Rational(r) => Some(
                r.iter()
                    .flat_map(|q| {
                        let (n, d) = if little {
                            (q.num.to_le_bytes(), q.denom.to_le_bytes())
                        } else {
                            (q.num.to_be_bytes(), q.denom.to_be_bytes())
                        };
                        n.into_iter().chain(d)
                    })
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs exiftool/ffprobe/ffmpeg, which run on Linux (this test runs there)"
)]
fn every_test_photo_exports_with_nothing_but_pixels_and_its_colour_profile() {
    let (tmp, mut lib) = temp_library();
    let sources = all_photos();
    assert!(sources.len() >= 30, "{}", sources.len());
    let mut checked_secrets = 0;
    let mut kept_profiles = 0;
    let srgb_icc =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/icc/sRGB.icc"))
            .unwrap();
    for source in &sources {
        let job = own_job(&lib, &JobFields::default());
        let s = import_paths(
            &mut lib,
            Some(job.id),
            std::slice::from_ref(source),
            |_, _, _| {},
        )
        .unwrap();
        assert_eq!(s.rejected, 0, "{}: {:#?}", source.display(), s.items);
        let folder = export_one(&mut lib, tmp.path(), job.id);
        let out = folder.join("photos/01.jpg");
        let bytes = std::fs::read(&out).unwrap();
        // Segment by segment: only structure, tables, pixels, JFIF and ICC; nothing after EOI.
        jpeg_segments::verify_clean(&bytes).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        assert_no_metadata(&out);
        let out_tags = exiftool(&out);
        for secret in identifying_strings(source) {
            checked_secrets += 1;
            assert!(
                !contains(&bytes, secret.as_bytes()),
                "{}: output holds {secret:?}",
                source.display()
            );
        }
        for raw in raw_gps(source) {
            checked_secrets += 1;
            assert!(
                !contains(&bytes, &raw),
                "{}: output holds the raw GPS",
                source.display()
            );
        }
        assert!(!contains(&bytes, b"Exif\0"), "{}", source.display());
        // A colour profile leaves exactly when the source had one, and it is never the source's: Canon 40D
        // and Nikon D70 carry HP's sRGB (recognised by content: written as the app's own sRGB copy); the
        // TIFF carries Apple's "Color LCD" display profile (unknown: applied, then the app's sRGB).
        let src_tags = exiftool(source);
        let src_icc = src_tags.get("ICC_Profile:ProfileDescription");
        let out_icc = out_tags.get("ICC_Profile:ProfileDescription");
        assert_eq!(
            out_icc.and_then(|v| v.as_str()),
            src_icc.map(|_| "sRGB IEC61966-2.1"),
            "{}: a profile (the app's sRGB) only when the source had one",
            source.display()
        );
        if src_icc.is_some() {
            assert!(
                contains(&bytes, &srgb_icc),
                "{}: the canonical sRGB profile",
                source.display()
            );
            for (key, value) in &src_tags {
                let serde_json::Value::String(text) = value else {
                    continue;
                };
                if key.starts_with("ICC_Profile:") && text.len() >= 8 && !text.contains("(Binary") {
                    assert!(
                        !contains(&bytes, text.as_bytes()),
                        "{}: the source profile's {key} {text:?} left with the photo",
                        source.display()
                    );
                }
            }
        }
        kept_profiles += usize::from(src_icc.is_some());
    }
    assert!(
        checked_secrets >= 10,
        "the set has serials, owners and GPS: {checked_secrets}"
    );
    assert!(
        kept_profiles >= 2,
        "Canon 40D, Nikon D70 and the TIFF carry a profile"
    );
}

#[test]
fn the_metadata_report_lists_what_each_photo_carries() {
    let (_tmp, mut lib) = temp_library();
    let job = own_job(&lib, &JobFields::default());
    let dir = photos_dir();
    let files = [
        dir.join("cameras/Reconyx_HC500_Hyperfire.jpg"),
        dir.join("gps/DSCN0010.jpg"),
        dir.join("cameras/Canon_40D.jpg"),
        dir.join("cameras/fujifilm-dx10.jpg"),
        dir.join("cameras/Nikon_D70.jpg"),
    ];
    import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    let by_name = |name: &str| {
        let p = photos::for_job(lib.conn(), job.id)
            .unwrap()
            .into_iter()
            .find(|p| p.original_name == name)
            .unwrap();
        guard::photo_metadata(&lib, p.id).unwrap()
    };
    let reconyx = by_name("Reconyx_HC500_Hyperfire.jpg");
    let kinds: Vec<MetaKind> = reconyx.iter().map(|m| m.kind).collect();
    assert!(kinds.contains(&MetaKind::Makernote), "{reconyx:#?}");
    assert!(
        reconyx
            .iter()
            .any(|m| m.kind == MetaKind::Makernote && m.value.contains("H500EE06130468")),
        "the serial inside the maker notes is shown: {reconyx:#?}"
    );
    let fuji = by_name("fujifilm-dx10.jpg");
    assert!(
        fuji.iter()
            .any(|m| m.kind == MetaKind::Owner && m.value == "J P Bowen"),
        "{fuji:#?}"
    );
    let nikon_d70 = by_name("Nikon_D70.jpg");
    assert!(
        nikon_d70.iter().any(|m| m.kind == MetaKind::Xmp),
        "{nikon_d70:#?}"
    );
    let nikon = by_name("DSCN0010.jpg");
    let gps = nikon
        .iter()
        .find(|m| m.kind == MetaKind::Gps)
        .expect("GPS listed");
    assert_eq!(
        gps.value, "43° 28′ 2.8″ N, 11° 53′ 6.5″ E",
        "as a person reads it"
    );
    // A camera's blank user comment (charset code + spaces) is not shown as hex.
    assert!(
        nikon.iter().all(|m| !m.value.starts_with("0x")),
        "{nikon:#?}"
    );
    assert!(nikon.iter().any(|m| m.kind == MetaKind::Date));
    let canon = by_name("Canon_40D.jpg");
    assert!(
        canon.iter().any(|m| m.kind == MetaKind::Thumbnail),
        "{canon:#?}"
    );
    assert!(canon
        .iter()
        .any(|m| m.kind == MetaKind::Camera && m.value.contains("Canon")));
    // Exported photos have nothing to report.
    let tmp = tempfile::tempdir().unwrap();
    let folder = export_one(&mut lib, tmp.path(), job.id);
    let clean = std::fs::read(folder.join("photos/01.jpg")).unwrap();
    let report = guard::metadata_report(&clean, gongbang_core::imaging::PhotoFormat::Jpeg);
    assert!(report.is_empty(), "{report:#?}");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs exiftool/ffprobe/ffmpeg, which run on Linux (this test runs there)"
)]
fn a_hostile_exif_description_is_reported_as_plain_text() {
    let (tmp, mut lib) = temp_library();
    let evil = "<img src=x onerror=alert(1)>";
    let src = tmp.path().join(format!("{evil}.jpg"));
    std::fs::copy(photos_dir().join("orientation/Landscape_1.jpg"), &src).unwrap();
    let st = std::process::Command::new("exiftool")
        .args([
            "-q",
            "-overwrite_original",
            &format!("-ImageDescription={evil}"),
        ])
        .arg(&src)
        .status()
        .unwrap();
    assert!(st.success());
    let job = own_job(&lib, &JobFields::default());
    let s = import_paths(&mut lib, Some(job.id), &[src], |_, _, _| {}).unwrap();
    let photo = s.items[0].photo.clone().unwrap();
    assert_eq!(photo.original_name, format!("{evil}.jpg"));
    let report = guard::photo_metadata(&lib, photo.id).unwrap();
    let d = report
        .iter()
        .find(|m| m.kind == MetaKind::Description)
        .expect("description listed");
    assert_eq!(
        d.value, evil,
        "shown as written; the window renders it as text"
    );
}

/// Box `b` drawn on each orientation photo comes out as exact fill, away from the box edge by one JPEG
/// block (8 px) plus one chroma block (16 px in all): inside that margin only JPEG ringing is allowed.
#[test]
fn redaction_is_solid_and_exact_in_every_orientation() {
    const MARGIN: u32 = 16;
    let (tmp, mut lib) = temp_library();
    let b = RedactBox {
        x: 0.1,
        y: 0.2,
        w: 0.35,
        h: 0.3,
    };
    for source in photos_in("orientation") {
        let job = own_job(&lib, &JobFields::default());
        let s = import_paths(
            &mut lib,
            Some(job.id),
            std::slice::from_ref(&source),
            |_, _, _| {},
        )
        .unwrap();
        let photo = s.items[0].photo.clone().unwrap();
        redactions::set(lib.conn_mut(), photo.id, &[b]).unwrap();
        assert_eq!(
            photos::get(lib.conn(), photo.id)
                .unwrap()
                .unwrap()
                .redactions,
            vec![b]
        );
        let folder = export_one(&mut lib, tmp.path(), job.id);
        let img = image::open(folder.join("photos/01.jpg")).unwrap().to_rgb8();
        let (w, h) = img.dimensions();
        let portrait = source
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("Portrait");
        assert_eq!(h > w, portrait, "{} upright", source.display());
        let (l, t, r, bt) = b.pixel_rect(w, h);
        let mut inside_max = 0u8;
        for y in t + MARGIN..bt - MARGIN {
            for x in l + MARGIN..r - MARGIN {
                inside_max = inside_max.max(*img.get_pixel(x, y).0.iter().max().unwrap());
            }
        }
        assert_eq!(
            inside_max,
            0,
            "{}: box interior is exact black",
            source.display()
        );
        // Outside the box the photo is still there (the box is where it was drawn, on the upright photo).
        let outside: u64 = (bt + MARGIN..h)
            .flat_map(|y| (r + MARGIN..w).map(move |x| (x, y)))
            .map(|(x, y)| {
                img.get_pixel(x, y)
                    .0
                    .iter()
                    .map(|c| u64::from(*c))
                    .sum::<u64>()
            })
            .sum();
        assert!(outside > 0, "{}", source.display());
        // Near the edge, ringing only: dark, never the photo showing through.
        let mut edge_max = 0u8;
        for y in t + 2..bt - 2 {
            for x in l + 2..r - 2 {
                edge_max = edge_max.max(*img.get_pixel(x, y).0.iter().max().unwrap());
            }
        }
        assert!(edge_max <= 48, "{}: ringing {edge_max}", source.display());
    }
}

#[test]
fn boxes_are_refused_outside_the_photo_and_replaced_as_a_set() {
    let (_tmp, mut lib) = temp_library();
    let job = own_job(&lib, &JobFields::default());
    let s = import_paths(&mut lib, Some(job.id), &photos_in("gps")[..1], |_, _, _| {}).unwrap();
    let id = s.items[0].photo.as_ref().unwrap().id;
    let a = RedactBox {
        x: 0.0,
        y: 0.0,
        w: 0.5,
        h: 0.5,
    };
    let b = RedactBox {
        x: 0.5,
        y: 0.5,
        w: 0.5,
        h: 0.5,
    };
    redactions::set(lib.conn_mut(), id, &[a, b]).unwrap();
    let bad = RedactBox {
        x: 0.8,
        y: 0.0,
        w: 0.3,
        h: 0.1,
    };
    let e = redactions::set(lib.conn_mut(), id, &[a, bad]).unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert!(e.message_ko().contains("사진 밖"), "{}", e.message_ko());
    // A refused set leaves the old one untouched.
    assert_eq!(
        photos::get(lib.conn(), id).unwrap().unwrap().redactions,
        vec![a, b]
    );
    redactions::set(lib.conn_mut(), id, &[]).unwrap();
    assert!(photos::get(lib.conn(), id)
        .unwrap()
        .unwrap()
        .redactions
        .is_empty());
}

fn client(lib: &Library, name: &str, policy: Policy, aliases: &[&str]) -> i64 {
    new_client(lib, name, policy, aliases).id
}

fn job_for(lib: &mut Library, kind: Option<OwnerKind>, client: Option<i64>) -> (i64, i64) {
    let job = titled_job(lib, "샤프트", kind, client);
    // Each job its own photo: a photo shared by several jobs goes out only under the strictest of their
    // policies (tests/guard_photos.rs), which is not what these tests are about.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let all = photos_in("orientation");
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % all.len();
    import_paths(lib, Some(job.id), &all[n..=n], |_, _, _| {}).unwrap();
    let post = draft::make_draft(lib, job.id, Platform::Naver).unwrap();
    (job.id, post.id)
}

fn approval<'a>(by: &'a str) -> NewApproval<'a> {
    NewApproval {
        approved_by: by,
        how: "전화",
        note: "블로그만",
        approved_at: Some("2026-11-20"),
    }
}

#[test]
fn policies_decide_in_the_core_and_refusals_write_nothing() {
    let (tmp, mut lib) = temp_library();
    let out = tmp.path().join("out");
    let never = client(&lib, "대한정밀", Policy::Never, &[]);
    let ask = client(&lib, "서울기계", Policy::Ask, &[]);
    let other_ask = client(&lib, "부산금속", Policy::Ask, &[]);
    let public = client(&lib, "열린공업", Policy::Public, &[]);

    let (j_never, p_never) = job_for(&mut lib, Some(OwnerKind::Client), Some(never));
    let e = export_post(&mut lib, p_never, &out, &[]).unwrap_err();
    assert!(matches!(e, CoreError::ExportForbidden { .. }), "{e}");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);
    assert!(guard::record_approval(lib.conn(), j_never, &approval("김부장")).is_err());
    assert!(!guard::verdict(lib.conn(), j_never).unwrap().can_export);

    let (j_unset, p_unset) = job_for(&mut lib, None, None);
    let g = guard::verdict(lib.conn(), j_unset).unwrap();
    assert_eq!((g.policy, g.can_export), (Policy::Ask, false));
    let e = export_post(&mut lib, p_unset, &out, &[]).unwrap_err();
    assert_eq!(e.code(), "approval_missing");

    let (j_ask, p_ask) = job_for(&mut lib, Some(OwnerKind::Client), Some(ask));
    assert_eq!(
        export_post(&mut lib, p_ask, &out, &[]).unwrap_err().code(),
        "approval_missing"
    );
    let g = guard::record_approval(lib.conn(), j_ask, &approval("박과장")).unwrap();
    assert!(g.can_export);
    let a = g.approval.unwrap();
    assert_eq!(
        (a.approved_by.as_str(), a.approved_at.as_str()),
        ("박과장", "2026-11-20")
    );
    export_post(&mut lib, p_ask, &out, &[]).unwrap();
    // The approval belongs to that customer: moving the job to another ask customer needs theirs.
    jobs::set_owner(lib.conn(), j_ask, Some(OwnerKind::Client), Some(other_ask)).unwrap();
    assert_eq!(
        export_post(&mut lib, p_ask, &out, &[]).unwrap_err().code(),
        "approval_missing"
    );

    let (_, p_public) = job_for(&mut lib, Some(OwnerKind::Client), Some(public));
    export_post(&mut lib, p_public, &out, &[]).unwrap();
    let (_, p_own) = job_for(&mut lib, Some(OwnerKind::Own), None);
    export_post(&mut lib, p_own, &out, &[]).unwrap();

    // The history tells it all, newest first.
    let h = guard::history(lib.conn(), j_ask).unwrap();
    let kinds: Vec<_> = h.iter().map(|e| format!("{:?}", e.kind)).collect();
    assert_eq!(
        kinds.first().map(String::as_str),
        Some("Refused"),
        "{kinds:?}"
    );
    assert!(kinds.contains(&"Approval".to_string()) && kinds.contains(&"Export".to_string()));
    assert_eq!(kinds.last().map(String::as_str), Some("Created"));
    assert!(h
        .iter()
        .any(|e| e.text_ko.contains("서울기계 박과장님이 허락함")));
    assert_eq!(guard_log::for_job(lib.conn(), j_never).unwrap().len(), 1);
}

#[test]
fn flagged_text_is_refused_until_confirmed_and_the_confirmation_is_logged() {
    let (tmp, mut lib) = temp_library();
    let c = client(&lib, "한빛항공", Policy::Public, &["HB Aero"]);
    let (job, post_id) = job_for(&mut lib, Some(OwnerKind::Client), Some(c));
    let mut post = posts::get(lib.conn(), post_id).unwrap();
    post.title = "hb aero 브래킷 P/N 4471-220".into();
    let post = posts::save_text(lib.conn_mut(), &post).unwrap();
    let e = export_post(&mut lib, post.id, tmp.path(), &[]).unwrap_err();
    let CoreError::FlaggedText { terms } = &e else {
        panic!("{e}")
    };
    assert_eq!(
        terms,
        &vec!["P/N 4471-220".to_string(), "hb aero".to_string()]
    );
    assert!(e.message_en().contains("P/N 4471-220"));
    // Confirming one is not enough.
    assert!(export_post(&mut lib, post.id, tmp.path(), &["HB AERO".into()]).is_err());
    export_post(
        &mut lib,
        post.id,
        tmp.path(),
        &["HB AERO".into(), "p/n 4471-220".into()],
    )
    .unwrap();
    let log = guard_log::for_job(lib.conn(), job).unwrap();
    assert!(
        log.iter().any(|e| e.detail == "P/N 4471-220, hb aero"),
        "{log:#?}"
    );
    // The one-click fix replaces every occurrence and the scan comes back clean.
    guard::replace_in_saved_post(lib.conn_mut(), post.id, "hb aero", "고객사").unwrap();
    let fixed =
        guard::replace_in_saved_post(lib.conn_mut(), post.id, "P/N 4471-220", "(비공개)").unwrap();
    assert_eq!(fixed.title, "고객사 브래킷 (비공개)");
    assert!(guard::scan(lib.conn(), &fixed).unwrap().is_empty());
}

#[test]
fn a_name_hidden_by_a_zero_width_space_is_refused_and_the_fix_clears_it() {
    let (tmp, mut lib) = temp_library();
    let out = tmp.path().join("out");
    let c = client(&lib, "대한정밀", Policy::Public, &["DH"]);
    let (_, post_id) = job_for(&mut lib, Some(OwnerKind::Client), Some(c));
    let mut post = posts::get(lib.conn(), post_id).unwrap();
    let hidden = "대한\u{200B}정밀";
    post.blocks.insert(
        0,
        posts::Block::Paragraph {
            text: format!("{hidden}에서 받은 샤프트를 가공했습니다."),
        },
    );
    let post = posts::save_text(lib.conn_mut(), &post).unwrap();
    let e = export_post(&mut lib, post.id, &out, &[]).unwrap_err();
    let CoreError::FlaggedText { terms } = &e else {
        panic!("{e}")
    };
    assert_eq!(terms, &vec![hidden.to_string()]);
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);
    // The one-click fix replaces what the owner wrote, invisible character and all.
    let fixed = guard::replace_in_saved_post(lib.conn_mut(), post.id, hidden, "고객사").unwrap();
    assert!(guard::scan(lib.conn(), &fixed).unwrap().is_empty());
    export_post(&mut lib, post.id, &out, &[]).unwrap();
}

/// Only the guard makes a clearance, and it clears one post as it was scanned: a clearance of post A is
/// refused for post B, and for A itself once A has changed; nothing is written either time.
#[test]
fn a_clearance_clears_only_its_own_post_as_it_was_scanned() {
    let (tmp, mut lib) = temp_library();
    let out = tmp.path().join("out");
    let nothing_written =
        |out: &Path| !out.exists() || std::fs::read_dir(out).unwrap().count() == 0;
    let (_, a) = job_for(&mut lib, Some(OwnerKind::Own), None);
    let (_, b) = job_for(&mut lib, Some(OwnerKind::Own), None);
    let post_a = posts::get(lib.conn(), a).unwrap();
    let clearance = guard::clear_export(lib.conn(), &post_a, &[]).unwrap();
    assert_eq!(clearance.post_id(), a);

    let e = export_cleared(&mut lib, b, &clearance, &out, Control::default()).unwrap_err();
    assert!(
        matches!(e, CoreError::NotCleared { post_id, cleared_post_id } if post_id == b && cleared_post_id == a),
        "{e}"
    );
    assert_eq!(e.code(), "not_cleared");
    assert!(
        e.message_ko()
            .contains(&format!("{a}번 글의 유출 검사로는 {b}번 글을")),
        "{}",
        e.message_ko()
    );
    assert!(
        e.message_en()
            .contains(&format!("check of post {a} does not clear post {b}")),
        "{}",
        e.message_en()
    );
    assert!(nothing_written(&out));

    // Post A changed after the check: the clearance is stale.
    let mut changed = post_a.clone();
    changed.title = format!("{} 정밀 가공", changed.title);
    posts::save_text(lib.conn_mut(), &changed).unwrap();
    let e = export_cleared(&mut lib, a, &clearance, &out, Control::default()).unwrap_err();
    assert!(
        matches!(e, CoreError::NotCleared { post_id, cleared_post_id } if post_id == a && cleared_post_id == a),
        "{e}"
    );
    assert!(nothing_written(&out));

    // A clearance of the post as it is now lets it out.
    let now = posts::get(lib.conn(), a).unwrap();
    let fresh = guard::clear_export(lib.conn(), &now, &[]).unwrap();
    export_cleared(&mut lib, a, &fresh, &out, Control::default()).unwrap();
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
}
