//! The coach's one-click fixes (issue 5, part 3): each starts from a post where its check fails, makes it
//! pass, changes nothing but what it is for, and leaves no other check worse. And the dark/blurry photo
//! measurement on a real photo and on darkened and blurred copies of it.

use gongbang_testkit as common;

use std::collections::HashMap;

use gongbang_core::coach::{self, fix, photo_quality, CheckStatus, Coach};
use gongbang_core::draft::{self, Lang};
use gongbang_core::import::import_paths;
use gongbang_core::repo::jobs::{self, OwnerKind};
use gongbang_core::repo::posts::{self, Block, Platform, Post};
use gongbang_core::repo::shop_profile::{self, ShopProfile};
use gongbang_core::{JobFields, Library};

fn shop() -> ShopProfile {
    ShopProfile {
        name: "대성정밀".into(),
        phone: "010-1234-5678".into(),
        email: "daesung@example.kr".into(),
        region_keywords: vec!["문래동".into()],
        ..ShopProfile::default()
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    lib: Library,
    job_id: i64,
}

fn fixture() -> Fixture {
    let (dir, mut lib) = common::temp_library();
    shop_profile::save(lib.conn(), &shop()).unwrap();
    let job = jobs::create_owned(
        lib.conn(),
        &JobFields {
            story: "긴 축이라 떨림을 잡는 게 어려웠습니다. 방진구를 받쳐서 해결했습니다.".into(),
            ..common::shaft_job()
        },
        Some(OwnerKind::Own),
        None,
    )
    .unwrap();
    let files: Vec<_> = common::photos_in("orientation")
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("Portrait"))
        .take(4)
        .collect();
    import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    Fixture {
        _dir: dir,
        lib,
        job_id: job.id,
    }
}

fn statuses(c: &Coach) -> HashMap<&'static str, CheckStatus> {
    c.checks.iter().map(|c| (c.id, c.status)).collect()
}

/// Saves `broken`, checks that `check` fails and offers `fix`, applies it, and returns the post before and
/// after the fix (both as saved).
fn run_fix(
    f: &mut Fixture,
    broken: Post,
    check: &str,
    fix_id: &str,
    arg: Option<&str>,
) -> (Post, Post) {
    let before = posts::save_text(f.lib.conn_mut(), &broken).unwrap();
    let c0 = coach::coach_post(&f.lib, before.id).unwrap();
    let c = c0.get(check).unwrap();
    assert_ne!(
        c.status,
        CheckStatus::Pass,
        "{check} should fail first: {before:?}"
    );
    assert_eq!(c.fix, Some(fix_id), "{check} offers {fix_id}");
    assert!(c.fix_label_ko.is_some() && c.fix_label_en.is_some());
    let after = coach::apply_fix(&mut f.lib, before.id, fix_id, arg).unwrap();
    assert_eq!(after, posts::get(f.lib.conn(), before.id).unwrap(), "saved");
    let c1 = coach::coach_post(&f.lib, after.id).unwrap();
    assert_eq!(
        c1.get(check).unwrap().status,
        CheckStatus::Pass,
        "{fix_id}: {after:?}"
    );
    let (s0, s1) = (statuses(&c0), statuses(&c1));
    for (id, st) in &s0 {
        assert!(
            s1[id] >= *st,
            "{fix_id} made {id} worse: {st:?} → {:?}",
            s1[id]
        );
    }
    assert!(c1.score > c0.score);
    (before, after)
}

/// `after` equals `before` but for the fields named.
fn assert_only(before: &Post, after: &Post, title: bool, blocks: bool, tags: bool) {
    let mut b = before.clone();
    b.updated_at = after.updated_at.clone();
    if title {
        b.title = after.title.clone();
    } else {
        assert_eq!(before.title, after.title);
    }
    if blocks {
        b.blocks = after.blocks.clone();
    }
    if tags {
        b.tags = after.tags.clone();
    }
    assert_eq!(&b, after);
}

fn draft(f: &mut Fixture, platform: Platform) -> Post {
    let shop = shop_profile::get(f.lib.conn()).unwrap();
    draft::make_draft_for(&mut f.lib, f.job_id, platform, &shop, Lang::Ko).unwrap()
}

#[test]
fn the_title_keyword_fix_puts_the_missing_words_in_front() {
    let mut f = fixture();
    let mut post = draft(&mut f, Platform::Naver);
    post.title = "오늘의 작업".into();
    let (before, after) = run_fix(&mut f, post, "title_keyword", fix::TITLE_KEYWORD, None);
    assert_eq!(after.title, "문래동 CNC 선반 SUS304 샤프트 오늘의 작업");
    assert_only(&before, &after, true, false, false);
    // With the owner's chosen keyword.
    let mut post = after.clone();
    post.title = "오늘의 작업".into();
    posts::save_text(f.lib.conn_mut(), &post).unwrap();
    let chosen = coach::apply_fix(
        &mut f.lib,
        post.id,
        fix::TITLE_KEYWORD,
        Some("문래동 선반 가공"),
    )
    .unwrap();
    assert_eq!(chosen.title, "문래동 선반 가공 오늘의 작업");
}

#[test]
fn the_first_paragraph_fix_changes_that_paragraph_only() {
    let mut f = fixture();
    let mut post = draft(&mut f, Platform::Html);
    let i = post
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { .. }))
        .unwrap();
    post.blocks[i] = Block::Paragraph {
        text: "안녕하세요. 오늘은 작업 이야기입니다.".into(),
    };
    let (before, after) = run_fix(
        &mut f,
        post,
        "keyword_first_paragraph",
        fix::FIRST_PARAGRAPH_KEYWORD,
        None,
    );
    assert_eq!(
        after.blocks[i],
        Block::Paragraph {
            text: "문래동 CNC 선반 SUS304 샤프트 작업을 소개합니다.\n안녕하세요. 오늘은 작업 이야기입니다.".into()
        }
    );
    let mut expected = before.blocks.clone();
    expected[i] = after.blocks[i].clone();
    assert_eq!(after.blocks, expected);
    assert_only(&before, &after, false, true, false);
}

#[test]
fn the_contact_fix_appends_the_contact_section() {
    let mut f = fixture();
    let mut post = draft(&mut f, Platform::Naver);
    let h = post
        .blocks
        .iter()
        .position(|b| {
            matches!(b, Block::Heading { text } if ["문의", "견적 문의", "문의하실 곳"].contains(&text.as_str()))
        })
        .unwrap();
    let removed = post.blocks.split_off(h);
    let (before, after) = run_fix(&mut f, post, "contact_block", fix::INSERT_CONTACT, None);
    assert_eq!(after.blocks[..before.blocks.len()], before.blocks[..]);
    // The same section as the draft: its heading and the shop's contact lines (the sentences before them
    // are phrased for the job, issue 13).
    let added = &after.blocks[before.blocks.len()..];
    assert_eq!(added.len(), removed.len(), "{added:?}");
    assert!(matches!(&added[0], Block::Heading { .. }), "{added:?}");
    let tail = |b: &Block| match b {
        Block::Paragraph { text } => text.lines().skip(2).map(str::to_string).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(tail(&added[1]), tail(&removed[1]));
    assert!(tail(&added[1]).iter().any(|l| l.contains("010-1234-5678")));
    assert_only(&before, &after, false, true, false);
}

#[test]
fn the_tags_fix_fills_up_or_trims_to_five_to_ten() {
    let mut f = fixture();
    let mut post = draft(&mut f, Platform::Markdown);
    post.tags = vec!["선반".into(), " ".into(), "선반".into()];
    let (before, after) = run_fix(&mut f, post, "tags", fix::TAGS, None);
    assert_eq!(after.tags[0], "선반");
    assert_eq!(after.tags.len(), 5);
    assert_only(&before, &after, false, false, true);

    let mut post = after;
    post.tags = (1..=14).map(|i| format!("태그{i}")).collect();
    let (before, after) = run_fix(&mut f, post, "tags", fix::TAGS, None);
    assert_eq!(after.tags, before.tags[..10]);
    assert_only(&before, &after, false, false, true);
}

#[test]
fn the_caption_fix_fills_only_the_empty_captions() {
    let mut f = fixture();
    let photo_id = posts::latest_for_job(f.lib.conn(), f.job_id, None)
        .unwrap()
        .map(|p| p.id);
    assert!(photo_id.is_none());
    let mut post = draft(&mut f, Platform::Naver);
    let ids = post.photo_ids();
    jobs::set_photo_meta(
        f.lib.conn(),
        f.job_id,
        ids[1],
        Some(gongbang_core::PhotoRole::Measured),
        "",
    )
    .unwrap();
    let mut emptied = Vec::new();
    for (i, b) in post.blocks.iter_mut().enumerate() {
        if let Block::Photo { photo_id, caption } = b {
            if *photo_id == ids[1] || *photo_id == ids[2] {
                *caption = " ".into();
                emptied.push(i);
            } else {
                *caption = "주인장이 쓴 설명".into();
            }
        }
    }
    let (before, after) = run_fix(&mut f, post, "photo_captions", fix::CAPTIONS, None);
    for (i, (b, a)) in before.blocks.iter().zip(&after.blocks).enumerate() {
        match (emptied.contains(&i), a) {
            (true, Block::Photo { photo_id, caption }) => {
                let want = if *photo_id == ids[1] {
                    "측정"
                } else {
                    "가공 과정"
                };
                assert_eq!(caption, want);
            }
            _ => assert_eq!(a, b),
        }
    }
    assert_only(&before, &after, false, true, false);
}

#[test]
fn the_video_title_fixes_shorten_and_put_the_keyword_first() {
    let mut f = fixture();
    let mut post = draft(&mut f, Platform::Youtube);
    post.title = format!(
        "문래동 CNC 선반 SUS304 샤프트 {}",
        "아주 길게 쓴 제목 ".repeat(15)
    );
    let (before, after) = run_fix(&mut f, post, "video_title_length", fix::SHORTEN_TITLE, None);
    assert!(gongbang_core::video::package_text::yt_chars(&after.title) <= 100);
    assert!(before.title.starts_with(after.title.trim_end_matches('…')));
    assert_only(&before, &after, true, false, false);

    let mut post = after;
    post.title =
        "오늘 우리 공장에서 아주 재미있는 작업을 했습니다 보세요 문래동 CNC 선반 SUS304 샤프트"
            .into();
    let (before, after) = run_fix(
        &mut f,
        post,
        "video_title_keyword",
        fix::TITLE_KEYWORD,
        None,
    );
    assert_eq!(
        after.title,
        "문래동 CNC 선반 SUS304 샤프트 오늘 우리 공장에서 아주 재미있는 작업을 했습니다 보세요"
    );
    assert_only(&before, &after, true, false, false);
}

#[test]
fn the_video_tags_fix_keeps_youtube_s_500() {
    let mut f = fixture();
    let mut post = draft(&mut f, Platform::Shorts);
    post.tags = (0..60)
        .map(|i| format!("아주긴태그{i:02}가공정밀부품"))
        .collect();
    let (before, after) = run_fix(&mut f, post, "video_tags", fix::TAGS, None);
    assert!(gongbang_core::video::youtube_tag_length(&after.tags) <= 500);
    assert_eq!(after.tags[..], before.tags[..after.tags.len()]);
    assert_only(&before, &after, false, false, true);
}

#[test]
fn fixes_refuse_what_they_cannot_do_and_leave_the_post() {
    let mut f = fixture();
    let post = draft(&mut f, Platform::Naver);
    let err = coach::apply_fix(&mut f.lib, post.id, "make_it_viral", None).unwrap_err();
    assert_eq!(err.code(), "invalid");
    shop_profile::save(f.lib.conn(), &ShopProfile::default()).unwrap();
    let err = coach::apply_fix(&mut f.lib, post.id, fix::INSERT_CONTACT, None).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(posts::get(f.lib.conn(), post.id).unwrap(), post);
}

#[test]
fn copied_paragraphs_from_another_job_fail_the_check() {
    let mut f = fixture();
    let post = draft(&mut f, Platform::Naver);
    let other = jobs::create_owned(
        f.lib.conn(),
        &JobFields {
            title: "부싱".into(),
            material: "POM".into(),
            process: "MCT".into(),
            ..JobFields::default()
        },
        Some(OwnerKind::Own),
        None,
    )
    .unwrap();
    let shop = shop_profile::get(f.lib.conn()).unwrap();
    let mut copy =
        draft::make_draft_for(&mut f.lib, other.id, Platform::Naver, &shop, Lang::Ko).unwrap();
    let c = coach::coach_post(&f.lib, copy.id).unwrap();
    assert_eq!(c.get("copied_text").unwrap().status, CheckStatus::Pass);
    let story = post
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Paragraph { text } if text.contains("방진구")))
        .unwrap()
        .clone();
    copy.blocks.push(story);
    posts::save_text(f.lib.conn_mut(), &copy).unwrap();
    let c = coach::coach_post(&f.lib, copy.id).unwrap();
    assert_eq!(c.get("copied_text").unwrap().status, CheckStatus::Fail);
}

fn save_jpeg(img: &image::RgbImage, path: &std::path::Path) {
    img.save_with_format(path, image::ImageFormat::Jpeg)
        .unwrap();
}

#[test]
fn dark_and_blurry_photos_are_flagged_and_a_good_one_is_not() {
    let src = common::photos_in("gps")
        .into_iter()
        .find(|p| p.ends_with("DSCN0010.jpg"))
        .unwrap();
    let original = image::open(&src).unwrap().to_rgb8();
    let q = photo_quality::measure(&image::DynamicImage::ImageRgb8(original.clone())).unwrap();
    assert!(!q.is_dark() && !q.is_blurry(), "{q:?}");

    let mut dark = original.clone();
    dark.pixels_mut().for_each(|p| {
        p.0.iter_mut()
            .for_each(|c| *c = (f32::from(*c) * 0.15) as u8);
    });
    let blurred = image::imageops::blur(&original, 6.0);
    let qd = photo_quality::measure(&image::DynamicImage::ImageRgb8(dark.clone())).unwrap();
    let qb = photo_quality::measure(&image::DynamicImage::ImageRgb8(blurred.clone())).unwrap();
    assert!(qd.is_dark(), "{qd:?}");
    assert!(qb.is_blurry() && !qb.is_dark(), "{qb:?}");
    println!("original {q:?}, dark {qd:?}, blurred {qb:?}");

    // Through import (measured there) and the coach.
    let (dir, mut lib) = common::temp_library();
    let job =
        jobs::create_owned(lib.conn(), &common::shaft_job(), Some(OwnerKind::Own), None).unwrap();
    let (dark_path, blur_path) = (dir.path().join("dark.jpg"), dir.path().join("blur.jpg"));
    save_jpeg(&dark, &dark_path);
    save_jpeg(&blurred, &blur_path);
    let summary = import_paths(
        &mut lib,
        Some(job.id),
        &[src.clone(), dark_path, blur_path],
        |_, _, _| {},
    )
    .unwrap();
    let ids: Vec<i64> = summary
        .items
        .iter()
        .map(|i| i.photo.as_ref().unwrap().id)
        .collect();
    for id in &ids {
        assert!(gongbang_core::repo::photo_quality::get(lib.conn(), *id)
            .unwrap()
            .is_some());
    }
    let post = draft::make_draft_for(&mut lib, job.id, Platform::Naver, &shop(), Lang::Ko).unwrap();
    let c = coach::check(&lib, &post).unwrap();
    let check = c.get("photo_quality").unwrap();
    assert_eq!(check.status, CheckStatus::Warn);
    let sorted = |v: &[i64]| {
        let mut v = v.to_vec();
        v.sort_unstable();
        v
    };
    assert_eq!(sorted(&check.photo_ids), sorted(&ids[1..]));

    // Photos imported before the measurement existed are measured when the coach first asks.
    lib.conn().execute("DELETE FROM photo_quality", []).unwrap();
    let again = coach::check(&lib, &post).unwrap();
    assert_eq!(
        sorted(&again.get("photo_quality").unwrap().photo_ids),
        sorted(&ids[1..])
    );
    assert!(gongbang_core::repo::photo_quality::get(lib.conn(), ids[0])
        .unwrap()
        .is_some());
}
