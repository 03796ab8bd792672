//! A mentor's review (issue 15, items 1 and 3): a bundle made in one library holds exactly what an export
//! would write (the same photo bytes, no metadata, a redaction box black), is refused for a `never` job and
//! an `ask` job without approval; a second library (the mentor's PC, no shop profile) opens it, writes notes
//! and a reply; the first opens the reply and answers each note, with undo. Two libraries sharing one club
//! folder exchange a bundle and a reply through it. Real photos, real libraries, real files.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};

use common::*;
use gongbang_core::domain::review::NoteInput;
use gongbang_core::export::export_post;
use gongbang_core::import::import_paths;
use gongbang_core::ops::review::{self as ops_review, NoteState, NoteTarget, Opened};
use gongbang_core::ops::{self, club};
use gongbang_core::repo::clients::Policy;
use gongbang_core::repo::guard_log::{self, LogKind};
use gongbang_core::repo::jobs::{self, OwnerKind};
use gongbang_core::repo::posts;
use gongbang_core::repo::redactions::{self, RedactBox};
use gongbang_core::review::{read_bundle, BundleBlock};
use gongbang_core::{Block, CoreError, Library, Platform};

/// A shop named 대성정밀 with an own job of three real photos (the first with a box) and its Naver draft.
fn shop_with_post(lib: &mut Library, kind: Option<OwnerKind>, client: Option<i64>) -> (i64, i64) {
    let mut profile = ops::shop::profile(lib).unwrap();
    profile.name = "대성정밀".into();
    profile.phone = "02-2631-0000".into();
    ops::shop::save_profile(lib, &profile).unwrap();
    let job = ops::jobs::create(lib, &shaft_job(), kind, client).unwrap();
    let files: Vec<PathBuf> = photos_in("orientation").into_iter().take(3).collect();
    let s = import_paths(lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    let ids: Vec<i64> = s
        .items
        .iter()
        .map(|i| i.photo.as_ref().unwrap().id)
        .collect();
    jobs::set_photo_order(lib.conn_mut(), job.id, &ids).unwrap();
    redactions::set(
        lib.conn_mut(),
        ids[0],
        &[RedactBox {
            x: 0.2,
            y: 0.2,
            w: 0.4,
            h: 0.3,
        }],
    )
    .unwrap();
    let post = ops::posts::make_draft(lib, job.id, Platform::Naver).unwrap();
    (job.id, post.id)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_bundle_holds_the_photos_an_export_writes_with_the_box_black_and_no_metadata() {
    let (_tmp, mut lib) = temp_library();
    let (_, post_id) = shop_with_post(&mut lib, Some(OwnerKind::Own), None);
    let out = tempfile::tempdir().unwrap();
    let sent = ops_review::send(&mut lib, post_id, Some(out.path()), &[]).unwrap();
    // The file is there under its final name only (no temporary file left), and printed as written.
    assert_eq!(files_in(out.path()).len(), 1, "{:?}", files_in(out.path()));
    assert!(sent.file.ends_with(".gbreview"), "{}", sent.file);
    let (m, photos) = read_bundle(Path::new(&sent.file)).unwrap();
    assert_eq!(m.shop, "대성정밀");
    assert_eq!(photos.len(), 3);
    assert!(m.coach.total > 0 && !m.coach.checks.is_empty());
    assert!(
        m.texts.iter().any(|t| t.name.ends_with(".txt")),
        "{:?}",
        m.texts
    );
    let post = posts::get(lib.conn(), post_id).unwrap();
    assert_eq!(m.post.title, post.title);
    let photo_blocks = m
        .post
        .blocks
        .iter()
        .filter(|b| matches!(b, BundleBlock::Photo { .. }))
        .count();
    assert_eq!(photo_blocks, post.photo_ids().len());

    // The same bytes as the export's photos, in the same order.
    let export_dir = tempfile::tempdir().unwrap();
    let exported = export_post(&mut lib, post_id, export_dir.path(), &[]).unwrap();
    let mut exported_photos: Vec<PathBuf> =
        std::fs::read_dir(Path::new(&exported.folder).join("photos"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
    exported_photos.sort();
    assert_eq!(exported_photos.len(), photos.len());
    let unpacked = tempfile::tempdir().unwrap();
    for (i, (bytes, exp)) in photos.iter().zip(&exported_photos).enumerate() {
        assert_eq!(
            bytes,
            &std::fs::read(exp).unwrap(),
            "photo {} differs from the export",
            i + 1
        );
        // exiftool on the bundle's photo as a file: nothing but the image.
        let f = unpacked.path().join(format!("{:02}.jpg", i + 1));
        std::fs::write(&f, bytes).unwrap();
        assert_no_metadata(&f);
    }
    // The box of the first photo is black in the bundle.
    let img = image::load_from_memory(&photos[0]).unwrap().to_rgb8();
    let (w, h) = img.dimensions();
    let at = |side: u32, f: f64| (f64::from(side) * f) as u32;
    let (x0, y0) = (at(w, 0.2) + 8, at(h, 0.2) + 8);
    let (x1, y1) = (at(w, 0.6) - 8, at(h, 0.5) - 8);
    let mut n = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = img.get_pixel(x, y).0;
            assert!(p.iter().all(|&c| c <= 3), "not black at {x},{y}: {p:?}");
            n += 1;
        }
    }
    assert!(n > 10_000, "{n} pixels checked");
    // The guard logged the bundle as something that left the shop.
    let log = guard_log::for_job(lib.conn(), post.job_id).unwrap();
    assert!(
        log.iter()
            .any(|e| e.kind == LogKind::Export && e.detail.contains("검토 묶음")),
        "{log:?}"
    );
}

#[test]
fn a_never_job_cannot_be_sent_and_an_ask_job_waits_for_its_approval() {
    let (_tmp, mut lib) = temp_library();
    let never = new_client(&lib, "한빛중공업", Policy::Never, &[]).id;
    let (job, post_id) = shop_with_post(&mut lib, Some(OwnerKind::Client), Some(never));
    let out = tempfile::tempdir().unwrap();
    let err = ops_review::send(&mut lib, post_id, Some(out.path()), &[]).unwrap_err();
    assert!(matches!(err, CoreError::ExportForbidden { .. }), "{err:?}");
    assert!(files_in(out.path()).is_empty(), "nothing written");
    let log = guard_log::for_job(lib.conn(), job).unwrap();
    assert!(log.iter().any(|e| e.kind == LogKind::Refused), "{log:?}");

    let ask = new_client(&lib, "세진기계", Policy::Ask, &[]).id;
    jobs::set_owner(lib.conn(), job, Some(OwnerKind::Client), Some(ask)).unwrap();
    let err = ops_review::send(&mut lib, post_id, Some(out.path()), &[]).unwrap_err();
    assert!(matches!(err, CoreError::ApprovalMissing { .. }), "{err:?}");
    assert!(files_in(out.path()).is_empty(), "nothing written");
    approve(&lib, job);
    ops_review::send(&mut lib, post_id, Some(out.path()), &[]).unwrap();
    assert_eq!(files_in(out.path()).len(), 1);
}

#[test]
fn a_customer_name_in_the_post_is_refused_until_the_owner_confirms_it() {
    let (_tmp, mut lib) = temp_library();
    new_client(&lib, "한빛중공업", Policy::Public, &[]);
    let (_, post_id) = shop_with_post(&mut lib, Some(OwnerKind::Own), None);
    let mut post = posts::get(lib.conn(), post_id).unwrap();
    post.blocks.push(Block::Paragraph {
        text: "한빛중공업 납품 건입니다.".into(),
    });
    posts::save_text(lib.conn_mut(), &post).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = ops_review::send(&mut lib, post_id, Some(out.path()), &[]).unwrap_err();
    assert!(matches!(err, CoreError::FlaggedText { .. }), "{err:?}");
    assert!(files_in(out.path()).is_empty());
    ops_review::send(&mut lib, post_id, Some(out.path()), &["한빛중공업".into()]).unwrap();
}

/// The index of the first paragraph of a bundle's post, and its text.
fn first_paragraph(blocks: &[BundleBlock]) -> (u32, String) {
    blocks
        .iter()
        .enumerate()
        .find_map(|(i, b)| match b {
            BundleBlock::Paragraph { text } => Some((i as u32, text.clone())),
            _ => None,
        })
        .unwrap()
}

#[test]
fn a_mentor_without_a_profile_replies_and_the_owner_answers_each_note_with_undo() {
    let (_a, mut owner) = temp_library();
    let (_b, mut mentor) = temp_library();
    let (_, post_id) = shop_with_post(&mut owner, Some(OwnerKind::Own), None);
    let out = tempfile::tempdir().unwrap();
    let sent = ops_review::send(&mut owner, post_id, Some(out.path()), &[]).unwrap();
    let before = std::fs::read(&sent.file).unwrap();

    // The mentor's library has no shop profile.
    assert!(!ops::shop::profile(&mentor).unwrap().saved);
    let Opened::Bundle { view } =
        ops_review::open_file(&mut mentor, Path::new(&sent.file)).unwrap()
    else {
        panic!("a bundle")
    };
    assert_eq!(view.shop, "대성정밀");
    assert_eq!(view.photos.len(), 3);
    assert!(view.photos[0].starts_with("data:image/jpeg;base64,"));
    // The file the mentor opened is left as it was; the library keeps its own copy.
    assert_eq!(std::fs::read(&sent.file).unwrap(), before);
    let rid = view.review.id;
    let (pi, ptext) = first_paragraph(&view.post.blocks);
    let photo_block = view
        .post
        .blocks
        .iter()
        .position(|b| matches!(b, BundleBlock::Photo { .. }))
        .unwrap() as u32;
    let new_title = format!("문래동 {}", view.post.title);
    ops_review::add_note(
        &mentor,
        rid,
        &NoteInput {
            target: NoteTarget::Title,
            comment: "지역 이름을 제목 앞에 두세요.".into(),
            suggestion: Some(new_title.clone()),
        },
    )
    .unwrap();
    ops_review::add_note(
        &mentor,
        rid,
        &NoteInput {
            target: NoteTarget::Block { index: pi },
            comment: String::new(),
            suggestion: Some("첫 문단을 이렇게 바꿔 보세요.".into()),
        },
    )
    .unwrap();
    let v = ops_review::add_note(
        &mentor,
        rid,
        &NoteInput {
            target: NoteTarget::Block { index: photo_block },
            comment: "이 사진은 밝게 다시 찍으면 좋겠습니다.".into(),
            suggestion: None,
        },
    )
    .unwrap();
    assert_eq!(v.review.notes.len(), 3);
    assert!(v.review.notes.iter().all(|n| n.state == NoteState::Draft));
    // An empty note, and a note on a part the post does not have, are refused.
    assert!(ops_review::add_note(
        &mentor,
        rid,
        &NoteInput {
            target: NoteTarget::Title,
            comment: "  ".into(),
            suggestion: None
        }
    )
    .is_err());
    assert!(ops_review::add_note(
        &mentor,
        rid,
        &NoteInput {
            target: NoteTarget::Block { index: 999 },
            comment: "?".into(),
            suggestion: None
        }
    )
    .is_err());
    // A reply needs the mentor's name.
    let reply_dir = tempfile::tempdir().unwrap();
    assert!(ops_review::write_reply(&mut mentor, rid, " ", Some(reply_dir.path())).is_err());
    let reply =
        ops_review::write_reply(&mut mentor, rid, "김멘토", Some(reply_dir.path())).unwrap();
    assert_eq!(reply.notes, 3);
    assert_eq!(ops_review::reviewer_name(&mentor).unwrap(), "김멘토");
    let sent_notes = ops_review::bundle(&mentor, rid).unwrap().review.notes;
    assert!(sent_notes
        .iter()
        .all(|n| n.state == NoteState::Open && n.author == "김멘토"));

    // The owner opens the reply: three open notes, signed.
    let Opened::Reply { review } =
        ops_review::open_file(&mut owner, Path::new(&reply.file)).unwrap()
    else {
        panic!("a reply")
    };
    assert_eq!(review.post_id, Some(post_id));
    assert_eq!(review.notes.len(), 3);
    assert!(review
        .notes
        .iter()
        .all(|n| n.author == "김멘토" && n.state == NoteState::Open));
    // Opening it again adds nothing.
    ops_review::open_file(&mut owner, Path::new(&reply.file)).unwrap();
    assert_eq!(
        ops_review::of_post(&owner, post_id).unwrap()[0].notes.len(),
        3
    );

    let title_note = review.notes[0].id;
    let para_note = review.notes[1].id;
    let photo_note = review.notes[2].id;
    let original_title = posts::get(owner.conn(), post_id).unwrap().title;
    // Accept the title: the post takes it; undo puts the owner's title back.
    ops_review::accept(&mut owner, title_note).unwrap();
    assert_eq!(posts::get(owner.conn(), post_id).unwrap().title, new_title);
    ops_review::undo(&mut owner, title_note).unwrap();
    assert_eq!(
        posts::get(owner.conn(), post_id).unwrap().title,
        original_title
    );
    // Decline the paragraph: nothing changes; undo, then accept.
    let r = ops_review::decline(&mut owner, para_note).unwrap();
    assert_eq!(r.notes[1].state, NoteState::Declined);
    assert!(r.notes[1].decided_at.is_some());
    let post = posts::get(owner.conn(), post_id).unwrap();
    assert!(post
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text } if *text == ptext)));
    ops_review::undo(&mut owner, para_note).unwrap();
    let r = ops_review::accept(&mut owner, para_note).unwrap();
    assert_eq!(r.notes[1].state, NoteState::Accepted);
    let post = posts::get(owner.conn(), post_id).unwrap();
    assert_eq!(
        post.blocks[pi as usize],
        Block::Paragraph {
            text: "첫 문단을 이렇게 바꿔 보세요.".into()
        }
    );
    // A comment without a rewrite is answered without touching the post.
    ops_review::accept(&mut owner, photo_note).unwrap();
    assert_eq!(posts::get(owner.conn(), post_id).unwrap(), post);
    // Answering twice needs an undo first.
    assert!(ops_review::decline(&mut owner, para_note).is_err());

    // The owner edits the title after all: the title suggestion no longer fits and says so; the post stays.
    let mut p = posts::get(owner.conn(), post_id).unwrap();
    p.title = "사장님이 새로 쓴 제목".into();
    posts::save_text(owner.conn_mut(), &p).unwrap();
    let err = ops_review::accept(&mut owner, title_note).unwrap_err();
    assert!(
        err.message_ko().contains("바뀌어서"),
        "{}",
        err.message_ko()
    );
    assert_eq!(
        posts::get(owner.conn(), post_id).unwrap().title,
        "사장님이 새로 쓴 제목"
    );

    // The history: who said what, and what the owner did.
    let history = ops_review::of_post(&owner, post_id).unwrap();
    let states: Vec<NoteState> = history[0].notes.iter().map(|n| n.state).collect();
    assert_eq!(
        states,
        [NoteState::Open, NoteState::Accepted, NoteState::Accepted]
    );

    // The survives-a-restart part: a new connection reads the same answers.
    let root = owner.root().to_path_buf();
    drop(owner);
    let owner = Library::open(root).unwrap();
    let again = ops_review::of_post(&owner, post_id).unwrap();
    assert_eq!(again[0].notes[1].state, NoteState::Accepted);
}

#[test]
fn a_changed_bundle_and_a_stray_reply_are_refused_in_plain_words() {
    let (_a, mut owner) = temp_library();
    let (_b, mut mentor) = temp_library();
    let (_, post_id) = shop_with_post(&mut owner, Some(OwnerKind::Own), None);
    let out = tempfile::tempdir().unwrap();
    let sent = ops_review::send(&mut owner, post_id, Some(out.path()), &[]).unwrap();
    // One byte changed inside a photo (stored entries: the bytes are in the file as they are).
    let mut bytes = std::fs::read(&sent.file).unwrap();
    let (_, photos) = read_bundle(Path::new(&sent.file)).unwrap();
    let probe = &photos[1][2000..2032];
    let at = bytes.windows(probe.len()).position(|w| w == probe).unwrap();
    bytes[at] ^= 0x55;
    let changed = out.path().join("changed.gbreview");
    std::fs::write(&changed, &bytes).unwrap();
    let err = ops_review::open_file(&mut mentor, &changed).unwrap_err();
    assert!(
        err.message_ko().contains("바뀌었거나"),
        "{}",
        err.message_ko()
    );
    assert!(ops_review::received(&mentor).unwrap().is_empty());
    // Not a zip at all.
    let junk = out.path().join("junk.gbreview");
    std::fs::write(&junk, b"not a zip").unwrap();
    assert!(ops_review::open_file(&mut mentor, &junk).is_err());
    // A reply to a bundle this library never sent.
    let Opened::Bundle { view: v } =
        ops_review::open_file(&mut mentor, Path::new(&sent.file)).unwrap()
    else {
        panic!("a bundle")
    };
    ops_review::add_note(
        &mentor,
        v.review.id,
        &NoteInput {
            target: NoteTarget::Title,
            comment: "좋습니다".into(),
            suggestion: None,
        },
    )
    .unwrap();
    let reply =
        ops_review::write_reply(&mut mentor, v.review.id, "김멘토", Some(out.path())).unwrap();
    let (_c, mut stranger) = temp_library();
    let err = ops_review::open_file(&mut stranger, Path::new(&reply.file)).unwrap_err();
    assert!(
        err.message_en().contains("not about a review bundle sent"),
        "{}",
        err.message_en()
    );
    // The owner opening their own bundle is told to wait for the reply.
    let err = ops_review::open_file(&mut owner, Path::new(&sent.file)).unwrap_err();
    assert!(
        err.message_en().contains("sent from this computer"),
        "{}",
        err.message_en()
    );
}

#[test]
fn two_libraries_sharing_one_club_folder_exchange_a_bundle_and_a_reply() {
    let (_a, mut owner) = temp_library();
    let (_b, mut mentor) = temp_library();
    let shared = tempfile::tempdir().unwrap();
    let now = chrono::Local::now().fixed_offset();
    club::set_folder(&owner, Some(shared.path()), now).unwrap();
    club::set_folder(&mentor, Some(shared.path()), now).unwrap();
    let (_, post_id) = shop_with_post(&mut owner, Some(OwnerKind::Own), None);

    // Sent without a folder: it goes to the club folder.
    let sent = ops_review::send(&mut owner, post_id, None, &[]).unwrap();
    assert_eq!(Path::new(&sent.file).parent().unwrap(), shared.path());
    // A file a sync tool is still writing, and a hidden temporary one, are not shown.
    std::fs::write(shared.path().join(".tmp-abc.gbreview"), b"half").unwrap();
    std::fs::write(shared.path().join("x.gbreview.syncthing.tmp"), b"half").unwrap();
    assert!(
        club::inbox(&owner).unwrap().is_empty(),
        "the owner's own bundle is not for them"
    );
    let inbox = club::inbox(&mentor).unwrap();
    assert_eq!(inbox.len(), 1, "{inbox:?}");
    assert_eq!(inbox[0].from, "대성정밀");
    let Opened::Bundle { view } = ops_review::take_from_club(&mut mentor, &inbox[0].name).unwrap()
    else {
        panic!("a bundle")
    };
    // Moved into the mentor's library: gone from the club folder, kept in the library.
    assert!(!shared.path().join(&inbox[0].name).exists());
    assert!(mentor.root().join(&view.review.file).is_file());
    assert!(club::inbox(&mentor).unwrap().is_empty());
    ops_review::add_note(
        &mentor,
        view.review.id,
        &NoteInput {
            target: NoteTarget::Title,
            comment: "좋아요".into(),
            suggestion: Some("문래동 샤프트 가공".into()),
        },
    )
    .unwrap();
    ops_review::write_reply(&mut mentor, view.review.id, "김멘토", None).unwrap();
    assert!(
        club::inbox(&mentor).unwrap().is_empty(),
        "the mentor's own reply is not for them"
    );
    let inbox = club::inbox(&owner).unwrap();
    assert_eq!(inbox.len(), 1, "{inbox:?}");
    assert_eq!(inbox[0].from, "김멘토");
    let Opened::Reply { review } = ops_review::take_from_club(&mut owner, &inbox[0].name).unwrap()
    else {
        panic!("a reply")
    };
    assert_eq!(review.notes.len(), 1);
    assert!(!shared.path().join(&inbox[0].name).exists());
    // A name with a path is refused (only files of the club folder).
    assert!(ops_review::take_from_club(&mut owner, "../x.gbreview").is_err());

    // The streak: counts only, shared once the owner turns it on, gone when off.
    club::set_share_streak(&owner, true, now).unwrap();
    let streaks = club::streaks(&mentor).unwrap();
    assert_eq!(streaks.len(), 1);
    assert_eq!(streaks[0].shop, "대성정밀");
    assert!(!streaks[0].mine);
    assert!(club::streaks(&owner).unwrap()[0].mine);
    club::set_share_streak(&owner, false, now).unwrap();
    assert!(club::streaks(&mentor).unwrap().is_empty());
    // Only whole files were ever written: no temporary files of ours are left.
    for f in files_in(shared.path()) {
        assert!(!f.starts_with(".tmp-") || f == ".tmp-abc.gbreview", "{f}");
    }
}

#[test]
fn a_pack_put_in_the_club_folder_shows_with_its_author_until_it_is_installed_and_stays_for_others()
{
    let (_a, mentor) = temp_library();
    let (_b, mut shop) = temp_library();
    let shared = tempfile::tempdir().unwrap();
    let now = chrono::Local::now().fixed_offset();
    club::set_folder(&shop, Some(shared.path()), now).unwrap();
    std::fs::write(
        mentor.root().join("keywords.toml"),
        "[any]\nko = [\"문래동 정밀가공\"]\n",
    )
    .unwrap();
    let pack =
        ops::packs::export(&mentor, shared.path(), "문래 동아리 묶음", Some("김멘토")).unwrap();
    let inbox = club::inbox(&shop).unwrap();
    assert_eq!(inbox.len(), 1, "{inbox:?}");
    assert_eq!(inbox[0].kind, club::ClubKind::Pack);
    assert_eq!(
        (inbox[0].from.as_str(), inbox[0].title.as_str()),
        ("김멘토", "문래 동아리 묶음")
    );
    // Opened from the club folder: its path, for the pack's own preview; the file stays for the others.
    let Opened::Pack { path } = ops_review::take_from_club(&mut shop, &inbox[0].name).unwrap()
    else {
        panic!("a pack")
    };
    assert!(Path::new(&path).is_file());
    ops::packs::install(&shop, Path::new(&path), true).unwrap();
    assert!(Path::new(&pack.path).is_file(), "the club's copy stays");
    assert!(
        club::inbox(&shop).unwrap().is_empty(),
        "installed: not shown again"
    );
    // A pack changed in the club folder (a byte of its manifest) is not offered at all.
    let mut bytes = std::fs::read(&pack.path).unwrap();
    let at = bytes.windows(7).position(|w| w == b"keyword").unwrap();
    bytes[at] = b'K';
    std::fs::write(shared.path().join("changed.gbpack"), &bytes).unwrap();
    let (_c, other) = temp_library();
    club::set_folder(&other, Some(shared.path()), now).unwrap();
    let names: Vec<String> = club::inbox(&other)
        .unwrap()
        .into_iter()
        .map(|i| i.name)
        .collect();
    assert_eq!(
        names,
        [Path::new(&pack.path).file_name().unwrap().to_string_lossy()]
    );
}
