//! The package texts against YouTube's limits and the plan: ordinary, hostile and absurdly long jobs.

use super::*;
use crate::domain::JobFields;
use crate::domain::VideoSettings;
use crate::domain::{Photo, PhotoRole};
use crate::domain::{Platform, PostStatus};
use crate::video_plan::plan::{plan, SegmentKind, VideoFormat};

fn photo(id: i64, role: Option<PhotoRole>, caption: &str) -> Photo {
    Photo::sample(id, role, caption)
}

fn job(fields: JobFields) -> Job {
    Job::sample(fields)
}

fn shaft() -> JobFields {
    JobFields {
        title: "샤프트 가공".into(),
        material: "SUS304".into(),
        process: "CNC 선반".into(),
        machine: "두산 Lynx 220".into(),
        tolerance: "±0.01".into(),
        quantity: "20개".into(),
        lead_time: "5일".into(),
        story: "긴 축이라 떨림을 잡는 게 어려웠습니다.".into(),
        ..JobFields::default()
    }
}

fn shop() -> ShopProfile {
    ShopProfile {
        name: "○○정밀".into(),
        phone: "010-1234-5678".into(),
        address: "서울 영등포구 문래동".into(),
        region_keywords: vec!["문래동".into()],
        ..ShopProfile::default()
    }
}

/// Twelve photos with roles and captions, a post made by the YouTube draft, and its plan.
fn package(fields: JobFields, format: VideoFormat) -> (Job, Post, Plan) {
    use PhotoRole::*;
    let roles = [
        Stock, Stock, InProcess, InProcess, InProcess, InProcess, Measured, Measured, Measured,
        Finished, Finished, Finished,
    ];
    let photos: Vec<Photo> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| photo(i as i64 + 1, Some(*r), &format!("{}번째 사진", i + 1)))
        .collect();
    let job = job(fields);
    let platform = match format {
        VideoFormat::Landscape => Platform::Youtube,
        VideoFormat::Shorts => Platform::Shorts,
    };
    let d = crate::draft::compose(
        &job,
        &photos,
        platform,
        &ShopProfile::default(),
        crate::draft::Lang::Ko,
    )
    .unwrap();
    let post = Post {
        id: 1,
        job_id: 1,
        platform,
        title: d.title,
        blocks: d.blocks,
        tags: d.tags,
        status: PostStatus::Draft,
        export_path: None,
        updated_at: String::new(),
        video: VideoSettings::default(),
    };
    let captions: Vec<String> = post
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Photo { caption, .. } => Some(caption.clone()),
            _ => None,
        })
        .collect();
    let with: Vec<(&Photo, &str)> = photos
        .iter()
        .zip(&captions)
        .map(|(p, c)| (p, c.as_str()))
        .collect();
    let plan = plan(format, &with, &post.video);
    (job, post, plan)
}

/// The chapter lines of a description: `(seconds, title)`.
fn parse_chapters(description: &str) -> Vec<(u64, String)> {
    description
        .lines()
        .filter_map(|l| {
            let (time, title) = l.split_once(' ')?;
            let parts: Vec<u64> = time
                .split(':')
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            let secs = parts.iter().fold(0, |acc, p| acc * 60 + p);
            (parts.len() >= 2).then(|| (secs, title.to_string()))
        })
        .collect()
}

/// Every limit YouTube sets on the texts.
fn assert_within_limits(t: &YoutubeTexts) {
    assert!(t.title.chars().count() <= 100, "{}", t.title);
    assert!(yt_chars(&t.title) <= 100);
    assert!(
        !t.title.is_empty() && !t.title.contains(['<', '>', '\n']),
        "{}",
        t.title
    );
    assert!(t.description.len() <= 5000, "{} bytes", t.description.len());
    assert!(!t.description.contains(['<', '>']));
    let tags: Vec<String> = t.tags.split(',').map(String::from).collect();
    assert!(youtube_tag_length(&tags) <= 500, "{}", t.tags);
    assert!(
        tags.iter()
            .all(|t| !t.trim().is_empty() && !t.contains(['<', '>'])),
        "{tags:?}"
    );
    let mut unique = tags.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), tags.len(), "{tags:?}");
}

/// Chapters as YouTube wants them, and each at a segment start of the plan.
fn assert_chapters_match(description: &str, plan: &Plan) {
    let ch = parse_chapters(description);
    assert!(ch.len() >= 3, "{description}");
    assert_eq!(ch[0].0, 0);
    let starts: Vec<u64> = plan.segments.iter().map(|s| s.start_ms / 1000).collect();
    for (i, (s, title)) in ch.iter().enumerate() {
        let end = ch.get(i + 1).map_or(plan.duration_ms / 1000, |n| n.0);
        assert!(end >= s + 10, "chapter {i} is shorter than 10 s: {ch:?}");
        assert!(
            starts.contains(s),
            "chapter at {s}s is no segment start: {starts:?}"
        );
        assert!(!title.is_empty());
    }
}

#[test]
fn an_ordinary_job_gives_every_file() {
    let (job, post, plan) = package(shaft(), VideoFormat::Landscape);
    let t = youtube_texts(&job, &post, &plan, &shop()).unwrap();
    assert_within_limits(&t);
    assert_eq!(t.title, "CNC 선반 SUS304 샤프트 가공");
    let mut lines = t.description.lines();
    // The "what" line leads with the shop's region (the search pattern region + process + material + part).
    assert_eq!(lines.next(), Some("문래동 CNC 선반 SUS304 샤프트 가공"));
    assert_eq!(
        lines.next(),
        Some("문래동 ○○정밀에서 직접 가공했습니다. 문의 ☎ 010-1234-5678")
    );
    assert!(t
        .description
        .contains("SUS304 소재를 CNC 선반으로 가공했습니다."));
    assert!(t
        .description
        .contains("긴 축이라 떨림을 잡는 게 어려웠습니다."));
    assert!(t
        .description
        .contains("\n문의\n○○정밀\n☎ 010-1234-5678\n서울 영등포구 문래동\n"));
    assert!(
        t.description
            .ends_with("#CNC선반SUS304가공 #CNC선반가공 #SUS304가공\n"),
        "{}",
        t.description
    );
    assert_chapters_match(&t.description, &plan);
    let ch = parse_chapters(&t.description);
    let titles: Vec<&str> = ch.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(titles, ["소재 준비", "가공 과정", "측정·검사", "완성품"]);
    // Photos and their captions are in the video, not in the description.
    assert!(!t.description.contains("번째 사진"));
    assert!(
        t.tags
            .starts_with("CNC 선반 SUS304 가공,CNC 선반 가공,SUS304 가공,"),
        "{}",
        t.tags
    );
}

#[test]
fn shorts_have_no_chapters() {
    let (job, post, plan) = package(shaft(), VideoFormat::Shorts);
    let t = youtube_texts(&job, &post, &plan, &shop()).unwrap();
    assert_within_limits(&t);
    assert!(
        parse_chapters(&t.description).is_empty(),
        "{}",
        t.description
    );
    assert!(!t.description.contains("타임라인"));
}

#[test]
fn srt_cues_have_the_plan_times() {
    let (job, post, plan) = package(shaft(), VideoFormat::Landscape);
    let t = youtube_texts(&job, &post, &plan, &shop()).unwrap();
    let cues: Vec<&str> = t.srt.split("\n\n").filter(|c| !c.is_empty()).collect();
    let shown: Vec<_> = plan
        .segments
        .iter()
        .filter(|s| !matches!(s.kind, SegmentKind::End))
        .collect();
    assert_eq!(cues.len(), shown.len());
    for (n, (cue, seg)) in cues.iter().zip(&shown).enumerate() {
        let lines: Vec<&str> = cue.lines().collect();
        assert_eq!(lines[0], (n + 1).to_string());
        assert_eq!(
            lines[1],
            format!("{} --> {}", srt_time(seg.start_ms), srt_time(seg.end_ms))
        );
        let text = if n == 0 {
            "샤프트 가공"
        } else {
            seg.caption.as_str()
        };
        assert_eq!(lines[2..].join("\n"), text);
    }
    assert_eq!(cues[1].lines().nth(2), Some("1번째 사진"));
}

#[test]
fn srt_cues_never_hold_a_blank_line_or_markup() {
    let (job, mut post, mut plan) = package(shaft(), VideoFormat::Landscape);
    plan.segments[1].caption = "첫 줄\n\n\n<b>둘째</b> --> 줄\n".into();
    post.video.title_card = "  ".into();
    let t = youtube_texts(&job, &post, &plan, &shop()).unwrap();
    assert!(
        t.srt.contains("\n첫 줄\n〈b〉둘째〈/b〉 → 줄\n\n"),
        "{}",
        t.srt
    );
    assert_eq!(t.srt.matches(" --> ").count(), plan.segments.len() - 1);
}

#[test]
fn hostile_text_never_reaches_the_files_as_markup() {
    let hostile = "<img src=x onerror=alert(1)>";
    let (job, mut post, plan) = package(
        JobFields {
            title: hostile.into(),
            material: "<script>".into(),
            story: hostile.into(),
            ..JobFields::default()
        },
        VideoFormat::Landscape,
    );
    post.tags.push("<b>태그</b>".into());
    let mut evil_shop = shop();
    evil_shop.name = hostile.into();
    let t = youtube_texts(&job, &post, &plan, &evil_shop).unwrap();
    assert_within_limits(&t);
    // The SRT's own arrows aside, no angle bracket anywhere.
    let srt_text = t.srt.replace(" --> ", " ");
    for text in [&t.title, &t.description, &t.tags, &srt_text] {
        assert!(!text.contains(['<', '>']), "{text}");
    }
    // Straight from a post title the owner typed, too.
    post.title = hostile.into();
    let t = youtube_texts(&job, &post, &plan, &evil_shop).unwrap();
    assert_eq!(t.title, "〈img src=x onerror=alert(1)〉");
}

#[test]
fn absurdly_long_facts_are_shortened_not_refused() {
    let story = "긴 축이라 떨림을 잡는 게 어려웠습니다. 방진구를 대고 절삭 조건을 바꿔 가며 여러 번 시험했습니다. "
        .repeat(40);
    assert!(story.chars().count() >= 2000);
    let fields = JobFields {
        title: "초정밀 대형 샤프트 ".repeat(30),
        material: "SUS304 스테인리스 ".repeat(10),
        process: "CNC 선반 복합 가공 ".repeat(10),
        machine: "두산 Lynx 220 ".repeat(20),
        tolerance: "±0.01 ".repeat(50),
        quantity: "20개 ".repeat(50),
        lead_time: "5일 ".repeat(50),
        story,
        ..JobFields::default()
    };
    assert!(fields.title.chars().count() >= 300);
    let (job, mut post, plan) = package(fields, VideoFormat::Landscape);
    post.tags = (0..80).map(|i| format!("정밀 가공 태그 {i}번")).collect();
    let mut long_shop = shop();
    long_shop.name = "문래동 ○○정밀 ".repeat(50);
    long_shop.address = "서울특별시 영등포구 문래동 3가 ".repeat(40);
    long_shop.region_keywords = vec!["문래동".repeat(30)];
    long_shop.email = format!("{}@example.com", "a".repeat(300));
    long_shop.website = format!("https://{}.kr", "b".repeat(300));
    long_shop.kakao = "카카오".repeat(100);
    let t = youtube_texts(&job, &post, &plan, &long_shop).unwrap();
    assert_within_limits(&t);
    assert!(
        t.description.len() > 4000,
        "the body should fill the room left: {}",
        t.description.len()
    );
    // The body was cut, not the chapters, contact or hashtags.
    assert_chapters_match(&t.description, &plan);
    assert!(t.description.contains("\n문의\n"));
    assert!(t.description.contains("\n카카오톡 카카오"));
    assert!(t
        .description
        .trim_end()
        .lines()
        .last()
        .unwrap()
        .starts_with('#'));
    let story_lines: Vec<&str> = t
        .description
        .lines()
        .filter(|l| l.starts_with("긴 축이라"))
        .collect();
    assert_eq!(story_lines.len(), 1);
    assert!(
        story_lines[0].ends_with("다."),
        "cut mid-sentence: {}",
        story_lines[0]
    );
    // 80 tags: as many as fit, in order.
    let tags: Vec<&str> = t.tags.split(',').collect();
    assert!(tags.len() < 80 && tags.len() > 20, "{tags:?}");
    assert_eq!(tags[0], "정밀 가공 태그 0번");
}

#[test]
fn an_empty_job_and_post_still_give_valid_files() {
    let job = job(JobFields::default());
    let post = Post {
        id: 1,
        job_id: 1,
        platform: Platform::Youtube,
        title: "  ".into(),
        blocks: Vec::new(),
        tags: Vec::new(),
        status: PostStatus::Draft,
        export_path: None,
        updated_at: String::new(),
        video: VideoSettings::default(),
    };
    let plan = plan(VideoFormat::Landscape, &[], &VideoSettings::default());
    let t = youtube_texts(&job, &post, &plan, &ShopProfile::default()).unwrap();
    assert_within_limits(&t);
    assert_eq!(t.title, "정밀 가공 작업 소개");
    assert!(t
        .description
        .starts_with("정밀 가공 작업 소개\n저희 공장에서 직접 가공했습니다.\n"));
    assert_eq!(t.srt, "");
}

#[test]
fn an_english_post_gets_english_words_around_its_text() {
    let (job, mut post, plan) = package(shaft(), VideoFormat::Landscape);
    post.title = "Stainless shaft on a CNC lathe".into();
    post.blocks.retain(|b| matches!(b, Block::Photo { .. }));
    post.blocks.insert(
        0,
        Block::Paragraph {
            text: "This video shows how we made a long SUS304 shaft.".into(),
        },
    );
    let t = youtube_texts(&job, &post, &plan, &shop()).unwrap();
    assert_within_limits(&t);
    let mut lines = t.description.lines();
    assert_eq!(lines.next(), Some("Stainless shaft on a CNC lathe"));
    assert_eq!(
        lines.next(),
        Some("Machined in-house by ○○정밀 in 문래동. Call ☎ 010-1234-5678")
    );
    assert!(
        t.description.contains("\nChapters\n0:00 "),
        "{}",
        t.description
    );
    assert!(
        t.description.contains("\nContact\n○○정밀\n"),
        "{}",
        t.description
    );
    assert!(!t.description.contains("타임라인") && !t.description.contains("문의"));
    assert_chapters_match(&t.description, &plan);
}
