//! The leak guard on photos (issue 10, item 2): an export holds only photos of its job; a photo removed
//! from the job leaves its posts (and comes back with undo); a photo of another job is refused by posts,
//! photo orders and exports; a photo imported into several jobs goes out only under the strictest policy
//! among them, with its boxes. Real photos, a real library, files counted on disk.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};

use common::*;
use gongbang_core::export::{export_post, render_one, BLOG_LONG_SIDE};
use gongbang_core::guard::{self, policy};
use gongbang_core::import::import_paths;
use gongbang_core::repo::approvals::NewApproval;
use gongbang_core::repo::clients::Policy;
use gongbang_core::repo::guard_log::{self, LogKind};
use gongbang_core::repo::jobs::{self, OwnerKind};
use gongbang_core::repo::photos;
use gongbang_core::repo::posts::{self, Block};
use gongbang_core::repo::redactions::{self, RedactBox};
use gongbang_core::{draft, CoreError, Library, Photo, PhotoRole, Platform};

fn client(lib: &Library, name: &str, policy: Policy) -> i64 {
    new_client(lib, name, policy, &[]).id
}

/// A job titled `title` owned as said, with `files` imported into it in that order; returns the job id and
/// the photo ids in that order.
fn job_with(
    lib: &mut Library,
    title: &str,
    kind: Option<OwnerKind>,
    client: Option<i64>,
    files: &[PathBuf],
) -> (i64, Vec<i64>) {
    let job = titled_job(lib, title, kind, client);
    let s = import_paths(lib, Some(job.id), files, |_, _, _| {}).unwrap();
    let ids: Vec<i64> = s
        .items
        .iter()
        .map(|i| i.photo.as_ref().unwrap().id)
        .collect();
    // The import attaches photos as they finish (in parallel): put them in the order of `files`.
    jobs::set_photo_order(lib.conn_mut(), job.id, &ids).unwrap();
    (job.id, ids)
}

/// The JPEG files of an export's `photos/` folder, sorted.
fn exported_photos(folder: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(folder.join("photos"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// Whether `file` shows the pixels of `photo` as the export renders it (same size, nearly the same pixels).
fn shows(lib: &Library, file: &Path, photo: &Photo) -> bool {
    let expected = render_one(&Library::store_paths(lib.root()), photo, BLOG_LONG_SIDE).unwrap();
    let expected = image::load_from_memory(&expected).unwrap().to_rgb8();
    let got = image::open(file).unwrap().to_rgb8();
    got.dimensions() == expected.dimensions() && mean_abs_diff(&got, &expected) < 2.0
}

fn files_in(dir: &Path) -> usize {
    if dir.exists() {
        std::fs::read_dir(dir).unwrap().count()
    } else {
        0
    }
}

#[test]
fn a_photo_removed_from_the_job_leaves_its_posts_and_the_export_and_undo_puts_it_back() {
    let (tmp, mut lib) = temp_library();
    let files = photos_in("gps")[..3].to_vec();
    let (job, ids) = job_with(&mut lib, "샤프트", Some(OwnerKind::Own), None, &files);
    let gone = ids[1];
    jobs::set_photo_meta(lib.conn(), job, gone, Some(PhotoRole::Finished), "완성품").unwrap();
    let naver = draft::make_draft(&mut lib, job, Platform::Naver).unwrap();
    assert_eq!(naver.photo_ids(), ids);
    // The owner's own caption in the post and the photo's own seconds in the video.
    let mut naver = naver;
    let at = naver
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Photo { photo_id, .. } if *photo_id == gone))
        .unwrap();
    naver.blocks[at] = Block::Photo {
        photo_id: gone,
        caption: "내가 쓴 설명".into(),
    };
    let naver = posts::save_text(lib.conn_mut(), &naver).unwrap();
    let yt = draft::make_draft(&mut lib, job, Platform::Youtube).unwrap();
    let mut video = yt.video.clone();
    video.photo_seconds.insert(gone, 5.5);
    video.photo_seconds.insert(ids[0], 3.5);
    let yt = posts::save_video(lib.conn(), yt.id, &video).unwrap();

    let out = tmp.path().join("out");
    let before = PathBuf::from(export_post(&mut lib, naver.id, &out, &[]).unwrap().folder);
    assert_eq!(exported_photos(&before).len(), 3);

    let removed = jobs::remove_photo(lib.conn(), job, gone).unwrap();
    assert_eq!(removed.index, 1);
    assert_eq!(removed.role, Some(PhotoRole::Finished));
    assert_eq!(removed.caption, "완성품");
    let now = posts::get(lib.conn(), naver.id).unwrap();
    assert_eq!(now.photo_ids(), vec![ids[0], ids[2]]);
    let now_yt = posts::get(lib.conn(), yt.id).unwrap();
    assert!(!now_yt.photo_ids().contains(&gone));
    assert_eq!(now_yt.video.photo_seconds.get(&gone), None);
    assert_eq!(now_yt.video.photo_seconds.get(&ids[0]), Some(&3.5));
    // The window's safety step has nothing to complain about.
    assert!(policy::job_verdict(lib.conn(), job).unwrap().can_export);

    let after = PathBuf::from(export_post(&mut lib, naver.id, &out, &[]).unwrap().folder);
    let shipped = exported_photos(&after);
    assert_eq!(shipped.len(), 2, "one photo fewer on disk");
    let gone_photo = photos::get(lib.conn(), gone).unwrap().unwrap();
    assert!(shows(&lib, &exported_photos(&before)[1], &gone_photo));
    for f in &shipped {
        assert!(
            !shows(&lib, f, &gone_photo),
            "{} is the removed photo",
            f.display()
        );
    }

    // Undo: back into the job and both posts at the same places, with role, captions and seconds.
    jobs::restore_photo(lib.conn(), &removed).unwrap();
    let back: Vec<i64> = photos::for_job(lib.conn(), job)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(back, ids);
    let p = photos::in_job(lib.conn(), job, gone).unwrap().unwrap();
    assert_eq!(
        (p.role, p.caption.as_str()),
        (Some(PhotoRole::Finished), "완성품")
    );
    assert_eq!(
        posts::get(lib.conn(), naver.id).unwrap().blocks,
        naver.blocks
    );
    let yt_back = posts::get(lib.conn(), yt.id).unwrap();
    assert_eq!(yt_back.blocks, yt.blocks);
    assert_eq!(yt_back.video, yt.video);
    // Undo twice changes nothing more.
    jobs::restore_photo(lib.conn(), &removed).unwrap();
    assert_eq!(
        posts::get(lib.conn(), naver.id).unwrap().blocks,
        naver.blocks
    );
    let again = PathBuf::from(export_post(&mut lib, naver.id, &out, &[]).unwrap().folder);
    assert_eq!(exported_photos(&again).len(), 3);
}

#[test]
fn posts_orders_and_exports_refuse_a_photo_of_another_job() {
    let (tmp, mut lib) = temp_library();
    let secret = client(&lib, "대한정밀", Policy::Never);
    let gps = photos_in("gps");
    let (_never_job, never_ids) = job_with(
        &mut lib,
        "비밀 부품",
        Some(OwnerKind::Client),
        Some(secret),
        &gps[..1],
    );
    let foreign = never_ids[0];
    let (job, ids) = job_with(
        &mut lib,
        "우리 제품",
        Some(OwnerKind::Own),
        None,
        &gps[1..3],
    );
    let post = draft::make_draft(&mut lib, job, Platform::Naver).unwrap();

    // Saving a post with the never job's photo is refused, and the post stays as it was.
    let mut bad = post.clone();
    bad.blocks.push(Block::Photo {
        photo_id: foreign,
        caption: String::new(),
    });
    let e = posts::save_text(lib.conn_mut(), &bad).unwrap_err();
    assert!(
        matches!(e, CoreError::PhotoNotInJob { photo_id, job_id } if photo_id == foreign && job_id == job),
        "{e}"
    );
    assert_eq!(e.code(), "photo_not_in_job");
    assert!(e.message_ko().contains("이 작업"), "{}", e.message_ko());
    assert!(
        e.message_en().contains("not one of the photos"),
        "{}",
        e.message_en()
    );
    assert_eq!(posts::get(lib.conn(), post.id).unwrap().photo_ids(), ids);
    // An id the library does not have at all.
    let mut missing = post.clone();
    missing.blocks.push(Block::Photo {
        photo_id: 9999,
        caption: String::new(),
    });
    assert_eq!(
        posts::save_text(lib.conn_mut(), &missing)
            .unwrap_err()
            .code(),
        "no_such_photo"
    );

    // The photo order does not take it either (it used to attach it to the job).
    let e = jobs::set_photo_order(lib.conn_mut(), job, &[foreign, ids[0]]).unwrap_err();
    assert_eq!(e.code(), "photo_not_in_job");
    let order: Vec<i64> = photos::for_job(lib.conn(), job)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(order, ids);
    jobs::set_photo_order(lib.conn_mut(), job, &[ids[1]]).unwrap();

    // A post that holds one anyway (a library written before this rule) is refused at export, logged,
    // and nothing is written.
    let mut blocks = post.blocks.clone();
    blocks.push(Block::Photo {
        photo_id: foreign,
        caption: "몰래".into(),
    });
    lib.conn()
        .execute(
            "UPDATE posts SET blocks_json = ?2 WHERE id = ?1",
            rusqlite::params![post.id, serde_json::to_string(&blocks).unwrap()],
        )
        .unwrap();
    let out = tmp.path().join("out");
    let e = export_post(&mut lib, post.id, &out, &[]).unwrap_err();
    assert_eq!(e.code(), "photo_not_in_job", "{e}");
    assert_eq!(files_in(&out), 0);
    let g = policy::job_verdict(lib.conn(), job).unwrap();
    assert!(!g.can_export);
    assert_eq!(g.photo_issue.as_ref().unwrap().photo_id, foreign);
    let log = guard_log::for_job(lib.conn(), job).unwrap();
    assert!(
        log.iter()
            .any(|l| l.kind == LogKind::Refused && l.detail.contains(&format!("{foreign}번 사진"))),
        "{log:#?}"
    );
}

#[test]
fn a_photo_also_in_a_never_job_is_refused_in_the_public_job() {
    let (tmp, mut lib) = temp_library();
    let secret = client(&lib, "대한정밀", Policy::Never);
    let open = client(&lib, "열린공업", Policy::Public);
    let gps = photos_in("gps");
    let (never_job, never_ids) = job_with(
        &mut lib,
        "비밀 부품",
        Some(OwnerKind::Client),
        Some(secret),
        &gps[..1],
    );
    // The same file imported again into a public customer's job: a duplicate, the same photo.
    let (job, ids) = job_with(
        &mut lib,
        "공개 부품",
        Some(OwnerKind::Client),
        Some(open),
        &gps[..2],
    );
    let shared = never_ids[0];
    assert_eq!(ids[0], shared, "a duplicate import is the same photo");
    assert!(guard::verdict(lib.conn(), job).unwrap().can_export);
    let post = draft::make_draft(&mut lib, job, Platform::Naver).unwrap();

    let out = tmp.path().join("out");
    let e = export_post(&mut lib, post.id, &out, &[]).unwrap_err();
    assert_eq!(e.code(), "export_forbidden", "{e}");
    let CoreError::SharedPhotoRefused {
        photo_id,
        other_job_id,
        ..
    } = &e
    else {
        panic!("{e}")
    };
    assert_eq!((*photo_id, *other_job_id), (shared, never_job));
    assert!(e.message_ko().contains("대한정밀"), "{}", e.message_ko());
    assert!(e.message_ko().contains("비밀 부품"), "{}", e.message_ko());
    assert_eq!(files_in(&out), 0);
    let log = guard_log::for_job(lib.conn(), job).unwrap();
    assert!(
        log.iter().any(|l| l.kind == LogKind::Refused
            && l.post_id == Some(post.id)
            && l.detail.contains(&format!("{shared}번 사진"))),
        "{log:#?}"
    );
    // The safety step shows the same, naming the photo and the job.
    let g = policy::job_verdict(lib.conn(), job).unwrap();
    assert!(!g.can_export);
    let issue = g.photo_issue.unwrap();
    assert_eq!(
        (issue.photo_id, issue.other_job_id, issue.other_policy),
        (shared, Some(never_job), Some(Policy::Never))
    );
    assert_eq!(issue.other_client.as_deref(), Some("대한정밀"));
    assert!(g.reason_ko.unwrap().contains("대한정밀"));

    // Taking the shared photo out of the public job lets the rest go.
    jobs::remove_photo(lib.conn(), job, shared).unwrap();
    let folder = PathBuf::from(export_post(&mut lib, post.id, &out, &[]).unwrap().folder);
    assert_eq!(exported_photos(&folder).len(), 1);
}

#[test]
fn a_photo_also_in_an_ask_job_waits_for_its_approval_and_leaves_with_its_boxes() {
    let (tmp, mut lib) = temp_library();
    let asks = client(&lib, "서울기계", Policy::Ask);
    let orient = photos_in("orientation");
    let (ask_job, ask_ids) = job_with(
        &mut lib,
        "허락 받을 부품",
        Some(OwnerKind::Client),
        Some(asks),
        &orient[..1],
    );
    let (job, ids) = job_with(
        &mut lib,
        "우리 제품",
        Some(OwnerKind::Own),
        None,
        &orient[..1],
    );
    let shared = ask_ids[0];
    assert_eq!(ids, vec![shared]);
    // A box drawn on the photo (in either job: boxes belong to the photo).
    let b = RedactBox {
        x: 0.1,
        y: 0.2,
        w: 0.4,
        h: 0.4,
    };
    redactions::set(lib.conn_mut(), shared, &[b]).unwrap();
    let post = draft::make_draft(&mut lib, job, Platform::Html).unwrap();

    let out = tmp.path().join("out");
    let e = export_post(&mut lib, post.id, &out, &[]).unwrap_err();
    assert_eq!(e.code(), "approval_missing", "{e}");
    assert!(e.message_ko().contains("서울기계"), "{}", e.message_ko());
    assert_eq!(files_in(&out), 0);
    assert!(guard_log::for_job(lib.conn(), job)
        .unwrap()
        .iter()
        .any(|l| l.kind == LogKind::Refused));
    let g = policy::job_verdict(lib.conn(), job).unwrap();
    assert_eq!(
        g.photo_issue
            .as_ref()
            .map(|i| (i.other_job_id, i.other_policy)),
        Some((Some(ask_job), Some(Policy::Ask)))
    );

    guard::record_approval(
        lib.conn(),
        ask_job,
        &NewApproval {
            approved_by: "박과장",
            how: "전화",
            note: "",
            approved_at: Some("2026-11-20"),
        },
    )
    .unwrap();
    assert!(policy::job_verdict(lib.conn(), job).unwrap().can_export);
    let folder = PathBuf::from(export_post(&mut lib, post.id, &out, &[]).unwrap().folder);
    let shipped = exported_photos(&folder);
    assert_eq!(shipped.len(), 1);
    // The box is in the exported pixels: its inside (away from the edge by two JPEG blocks) is black.
    let img = image::open(&shipped[0]).unwrap().to_rgb8();
    let (w, h) = img.dimensions();
    let (l, t, r, bt) = b.pixel_rect(w, h);
    let mut max = 0u8;
    for y in t + 16..bt - 16 {
        for x in l + 16..r - 16 {
            max = max.max(*img.get_pixel(x, y).0.iter().max().unwrap());
        }
    }
    assert_eq!(max, 0, "the box is burned in");
}
