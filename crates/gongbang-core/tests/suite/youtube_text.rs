//! The YouTube package's text files from a real library: a job with real photos, roles and captions, the
//! YouTube and Shorts drafts, the plan the exporter renders, and every limit YouTube sets on the texts —
//! also for a job whose facts are absurdly long and one whose title is markup.

use gongbang_testkit as common;

use common::*;
use gongbang_core::import::import_paths;
use gongbang_core::repo::shop_profile::{self, ShopProfile};
use gongbang_core::repo::{jobs, photos, posts};
use gongbang_core::video::build::{format_for, post_photos};
use gongbang_core::video::package_text::{
    chapters, srt_time, youtube_tag_length, youtube_texts, YoutubeTexts,
};
use gongbang_core::video::{plan, Plan, SegmentKind};
use gongbang_core::{draft, Block, JobFields, Library, Photo, PhotoRole, Platform, Post};

/// A job with the nine landscape test photos, their roles and a caption on some.
fn job_with_photos(lib: &mut Library, fields: &JobFields) -> i64 {
    let job = own_job(&*lib, fields);
    let files: Vec<_> = photos_in("orientation")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("Landscape")
        })
        .collect();
    let s = import_paths(lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0);
    use PhotoRole::*;
    let roles = [
        Stock, Stock, InProcess, InProcess, InProcess, Measured, Measured, Finished, Finished,
    ];
    let ids: Vec<i64> = photos::for_job(lib.conn(), job.id)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids.len(), roles.len());
    for (i, (id, role)) in ids.iter().zip(roles).enumerate() {
        let caption = if i == 2 {
            "황삭 — 떨림 없이\n정삭까지"
        } else {
            ""
        };
        jobs::set_photo_meta(lib.conn(), job.id, *id, Some(role), caption).unwrap();
    }
    shop_profile::save(
        lib.conn(),
        &ShopProfile {
            name: "○○정밀".into(),
            phone: "010-1234-5678".into(),
            address: "서울 영등포구 문래동".into(),
            region_keywords: vec!["문래동".into()],
            ..ShopProfile::default()
        },
    )
    .unwrap();
    job.id
}

fn shaft() -> JobFields {
    common::shaft_job()
}

/// The plan as the exporter makes it (the post's photos and captions, the post's settings), and one made
/// from the job's photos with their roles (what the chapters group by).
fn plans(lib: &Library, post: &Post) -> (Plan, Plan) {
    let format = format_for(post.platform).unwrap();
    let from_post = post_photos(lib, post).unwrap();
    let with: Vec<(&Photo, &str)> = from_post.iter().map(|(p, c)| (p, c.as_str())).collect();
    let exported = plan(format, &with, &post.video);
    let job_photos = photos::for_job(lib.conn(), post.job_id).unwrap();
    let captions: Vec<&str> = post
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Photo { caption, .. } => Some(caption.as_str()),
            _ => None,
        })
        .collect();
    let with: Vec<(&Photo, &str)> = job_photos.iter().zip(captions).collect();
    (exported, plan(format, &with, &post.video))
}

fn texts(lib: &Library, post: &Post, plan: &Plan) -> YoutubeTexts {
    let job = jobs::get(lib.conn(), post.job_id).unwrap();
    let shop = shop_profile::get(lib.conn()).unwrap();
    youtube_texts(&job, post, plan, &shop).unwrap()
}

/// `(seconds, title)` of each chapter line `m:ss 제목`.
fn chapter_lines(description: &str) -> Vec<(u64, String)> {
    description
        .lines()
        .filter_map(|l| {
            let (time, title) = l.split_once(' ')?;
            let (m, s) = time.split_once(':')?;
            Some((
                m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?,
                title.into(),
            ))
        })
        .collect()
}

fn assert_limits(t: &YoutubeTexts) {
    assert!(t.title.chars().count() <= 100, "{}", t.title);
    assert!(
        !t.title.is_empty() && !t.title.contains(['<', '>']),
        "{}",
        t.title
    );
    assert!(t.description.len() <= 5000, "{} bytes", t.description.len());
    assert!(!t.description.contains(['<', '>']));
    let tags: Vec<String> = t.tags.split(',').map(String::from).collect();
    assert!(youtube_tag_length(&tags) <= 500, "{}", t.tags);
    assert!(tags.iter().all(|t| !t.is_empty()));
}

fn assert_chapters(t: &YoutubeTexts, plan: &Plan) {
    let ch = chapter_lines(&t.description);
    assert!(ch.len() >= 3, "{}", t.description);
    assert_eq!(ch[0].0, 0);
    let starts: Vec<u64> = plan.segments.iter().map(|s| s.start_ms / 1000).collect();
    for (i, (s, _)) in ch.iter().enumerate() {
        let end = ch.get(i + 1).map_or(plan.duration_ms / 1000, |n| n.0);
        assert!(end >= s + 10, "{ch:?}");
        assert!(starts.contains(s), "{s} not in {starts:?}");
    }
    // The exact starts are segment starts too.
    for c in chapters(plan) {
        assert!(plan.segments.iter().any(|s| s.start_ms == c.start_ms));
    }
}

#[test]
fn youtube_draft_and_texts_from_a_real_job() {
    let (_tmp, mut lib) = temp_library();
    let job = job_with_photos(&mut lib, &shaft());
    let post = draft::make_draft(&mut lib, job, Platform::Youtube).unwrap();
    assert_eq!(post.platform, Platform::Youtube);
    // Region (the profile's first region keyword) + process + material + part (issue 5).
    assert_eq!(post.title, "문래동 CNC 선반 SUS304 샤프트 가공");
    // A few paragraphs of description, then every job photo in order with a caption.
    let job_photos = photos::for_job(lib.conn(), job).unwrap();
    let ids: Vec<i64> = job_photos.iter().map(|p| p.id).collect();
    assert_eq!(post.photo_ids(), ids);
    let first_photo = post
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Photo { .. }))
        .unwrap();
    assert!((2..=5).contains(&first_photo), "{:#?}", post.blocks);
    assert!(post.blocks[..first_photo]
        .iter()
        .all(|b| matches!(b, Block::Paragraph { .. })));
    let captions: Vec<&str> = post.blocks[first_photo..]
        .iter()
        .map(|b| match b {
            Block::Photo { caption, .. } => caption.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    // The owner's caption as written; the others made from the photo's role and the job, all different
    // (issue 13: the photos tell the story, no two with the same line).
    assert_eq!(
        captions,
        [
            "SUS304 소재",
            "가공 전 SUS304 소재",
            "황삭 — 떨림 없이\n정삭까지",
            "샤프트 CNC 선반 가공 중",
            "CNC 선반 가공 중",
            "샤프트 치수 측정",
            "공차 ±0.01 확인",
            "완성된 샤프트",
            "가공을 마친 샤프트"
        ]
    );
    let tags: Vec<String> = post.tags.clone();
    assert!(
        youtube_tag_length(&tags) <= 500 && tags.len() >= 5,
        "{tags:?}"
    );

    let (exported, by_role) = plans(&lib, &post);
    for plan in [&exported, &by_role] {
        let t = texts(&lib, &post, plan);
        assert_limits(&t);
        assert_chapters(&t, plan);
        let mut lines = t.description.lines();
        // Region + process + material + part, the region from the shop profile.
        assert_eq!(lines.next(), Some("문래동 CNC 선반 SUS304 샤프트 가공"));
        assert_eq!(
            lines.next(),
            Some("문래동 ○○정밀에서 직접 가공했습니다. 문의 ☎ 010-1234-5678")
        );
        assert!(t
            .description
            .contains("☎ 010-1234-5678\n서울 영등포구 문래동"));
        // Captions: the title card, then every photo, at the plan's times, two-line caption kept.
        let photo_segments = plan
            .segments
            .iter()
            .filter(|s| matches!(s.kind, SegmentKind::Photo { .. }));
        for (n, s) in photo_segments.enumerate() {
            let cue = format!(
                "{}\n{} --> {}\n{}\n\n",
                n + 2,
                srt_time(s.start_ms),
                srt_time(s.end_ms),
                s.caption
            );
            assert!(t.srt.contains(&cue), "{cue}\nnot in\n{}", t.srt);
        }
        assert!(t
            .srt
            .starts_with("1\n00:00:00,000 --> 00:00:03,000\n샤프트 가공\n\n"));
    }
    let t = texts(&lib, &post, &by_role);
    let titles: Vec<String> = chapter_lines(&t.description)
        .into_iter()
        .map(|c| c.1)
        .collect();
    // The 8-second measuring run went into the chapter before it.
    assert_eq!(titles, ["소재 준비", "가공 과정, 측정·검사", "완성품"]);
    if std::env::var_os("SHOW_TEXTS").is_some() {
        eprintln!(
            "{}
---
{}
---
{}
---
{}",
            t.title, t.description, t.tags, t.srt
        );
    }
}

#[test]
fn shorts_draft_has_no_chapters() {
    let (_tmp, mut lib) = temp_library();
    let job = job_with_photos(&mut lib, &shaft());
    let post = draft::make_draft(&mut lib, job, Platform::Shorts).unwrap();
    assert_eq!(post.platform, Platform::Shorts);
    let (exported, by_role) = plans(&lib, &post);
    for plan in [&exported, &by_role] {
        let t = texts(&lib, &post, plan);
        assert_limits(&t);
        assert!(
            chapter_lines(&t.description).is_empty(),
            "{}",
            t.description
        );
    }
    // The blog draft of the same job is untouched by the video ones.
    let naver = draft::make_draft(&mut lib, job, Platform::Naver).unwrap();
    assert_eq!(naver.title, "문래동 CNC 선반 SUS304 샤프트 가공");
    assert!(naver
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { .. })));
    assert_ne!(naver.id, post.id);
}

#[test]
fn absurd_job_facts_are_shortened_to_every_limit() {
    let (_tmp, mut lib) = temp_library();
    let story =
        "긴 축이라 떨림을 잡는 게 어려웠습니다. 방진구를 대고 조건을 바꿔 가며 시험했습니다. "
            .repeat(45);
    assert!(story.chars().count() >= 2000);
    let fields = JobFields {
        title: "초정밀 대형 스테인리스 샤프트 ".repeat(20),
        material: "SUS304 스테인리스강 ".repeat(15),
        process: "CNC 선반 복합 가공 ".repeat(15),
        machine: "두산 Lynx 220 ".repeat(30),
        story,
        ..shaft()
    };
    assert!(fields.title.chars().count() >= 300);
    let job = job_with_photos(&mut lib, &fields);
    let post = draft::make_draft(&mut lib, job, Platform::Youtube).unwrap();
    assert!(post.title.chars().count() <= 100, "{}", post.title);
    assert!(youtube_tag_length(&post.tags) <= 500);
    // The owner adds 80 tags of his own.
    let many: Vec<String> = (0..80).map(|i| format!("문래동 정밀 가공 {i}")).collect();
    let post = posts::save(lib.conn_mut(), post.id, &post.title, &post.blocks, &many).unwrap();
    let (exported, _) = plans(&lib, &post);
    let t = texts(&lib, &post, &exported);
    assert_limits(&t);
    assert_chapters(&t, &exported);
    assert!(t.description.len() > 4000, "{}", t.description.len());
    assert!(t.tags.split(',').count() < 80);
}

#[test]
fn markup_in_the_job_title_never_reaches_title_txt() {
    let (_tmp, mut lib) = temp_library();
    let job = job_with_photos(
        &mut lib,
        &JobFields {
            title: "<img src=x onerror=alert(1)>".into(),
            ..JobFields::default()
        },
    );
    for platform in [Platform::Youtube, Platform::Shorts] {
        let post = draft::make_draft(&mut lib, job, platform).unwrap();
        let (exported, _) = plans(&lib, &post);
        let t = texts(&lib, &post, &exported);
        assert_limits(&t);
        assert_eq!(t.title, "문래동 〈img src=x onerror=alert(1)〉");
        assert!(!t.srt.replace(" --> ", "").contains(['<', '>']));
        // Even when the owner pastes it straight into the post title.
        let raw = posts::save(
            lib.conn_mut(),
            post.id,
            "<script>alert(1)</script>",
            &post.blocks,
            &post.tags,
        )
        .unwrap();
        let t = texts(&lib, &raw, &exported);
        assert!(!t.title.contains(['<', '>']), "{}", t.title);
    }
}
