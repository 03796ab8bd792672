//! The text scan on Korean and English text: names, aliases, patterns, offsets, and no false alarms.
use super::*;
use crate::repo::clients::Policy;
use crate::repo::posts::{Platform, PostStatus};

fn rules() -> ScanRules {
    ScanRules::new(
        &[Client {
            id: 1,
            name: "대한정밀".into(),
            aliases: vec!["DH Precision".into(), "대한".into()],
            policy: Policy::Ask,
            note: String::new(),
        }],
        &["블루호크".into(), "x".into()],
    )
}

fn texts(s: &str) -> Vec<(String, FindingKind)> {
    scan_str(s, &rules())
        .into_iter()
        .map(|f| (f.text, f.kind))
        .collect()
}

#[test]
fn customer_names_and_aliases_in_korean_and_english() {
    use FindingKind::*;
    assert_eq!(
        texts("대한정밀에서 받은 샤프트"),
        vec![("대한정밀".into(), Client)]
    );
    assert_eq!(
        texts("Made for dh precision, Korea"),
        vec![("dh precision".into(), Client)]
    );
    assert_eq!(
        texts("대한  정밀 납품"),
        vec![("대한  정밀".into(), Client)],
        "spacing inside a name does not hide it"
    );
    assert_eq!(
        texts("블루호크 프로젝트 부품"),
        vec![("블루호크".into(), Word)]
    );
    // One-letter words are not searched (they would flag everything).
    assert!(texts("x축 가공").is_empty());
}

#[test]
fn drawing_and_part_numbers_are_flagged() {
    let p = |s: &str| -> Vec<String> {
        scan_str(s, &ScanRules::default())
            .into_iter()
            .map(|f| f.text)
            .collect()
    };
    assert_eq!(p("도면 DWG-2231-A 참고"), vec!["DWG-2231-A"]);
    assert_eq!(p("dwg no. 55012 rev B"), vec!["dwg no. 55012"]);
    assert_eq!(p("P/N: 4471-220 수량 20"), vec!["P/N: 4471-220"]);
    assert_eq!(p("Part No. 88-1234 shipped"), vec!["Part No. 88-1234"]);
    assert_eq!(p("도번 123-456 도면대로"), vec!["도번 123-456"]);
    assert_eq!(p("도면번호: K12-3456"), vec!["도면번호: K12-3456"]);
    assert_eq!(p("품번 AB-1234-567"), vec!["품번 AB-1234-567"]);
    assert_eq!(p("코드 AB-1234-567 부품"), vec!["AB-1234-567"]);
    assert_eq!(p("HX204518 브래킷"), vec!["HX204518"]);
    assert_eq!(p("DWG 파일"), vec!["DWG"]);
    assert_eq!(p("the part number is on the drawing"), vec!["part number"]);
}

#[test]
fn the_trade_words_are_not_flagged() {
    for clean in [
        "SUS304 샤프트, AL6061 플랜지, S45C, SCM440, SKD11, C3604 황동, POM",
        "두산 Lynx 220, DNM 5700, M8 탭, Ø25 h7, Ra 0.8",
        "납기 2026-11-27, 연락처 010-1234-5678, 공차 ±0.01",
    ] {
        let found = scan_str(clean, &rules());
        assert!(found.is_empty(), "{clean}: {found:#?}");
    }
}

#[test]
fn findings_say_where_with_javascript_offsets() {
    let post = Post {
        id: 1,
        job_id: 1,
        platform: Platform::Naver,
        title: "😀 대한정밀 샤프트".into(),
        blocks: vec![
            Block::Paragraph {
                text: "문래동에서 가공".into(),
            },
            Block::Photo {
                photo_id: 3,
                caption: "P/N 4471-220 완성".into(),
            },
            Block::List {
                items: vec!["소재 SUS304".into(), "고객 DH Precision".into()],
            },
        ],
        tags: vec!["CNC".into(), "블루호크".into()],
        status: PostStatus::Draft,
        export_path: None,
        updated_at: String::new(),
        video: Default::default(),
    };
    let f = scan_post(&post, &rules());
    let summary: Vec<_> = f
        .iter()
        .map(|f| (f.field, f.block_index, f.item_index, f.start, f.end))
        .collect();
    assert_eq!(
        summary,
        vec![
            // The emoji is two UTF-16 units, as in JavaScript.
            (Field::Title, None, None, 3, 7),
            (Field::Caption, Some(1), None, 0, 12),
            (Field::Body, Some(2), Some(1), 3, 15),
            (Field::Tag, None, Some(1), 0, 4),
        ]
    );
    assert_eq!(f[0].suggestion, "고객사");
    assert!(unconfirmed(&f, &["대한정밀".into(), "p/n 4471-220".into()]).len() == 2);
    let mut fixed = post.clone();
    assert_eq!(replace_in_post(&mut fixed, "블루호크", "○○"), 1);
    assert_eq!(fixed.tags, vec!["CNC", "○○"]);
    assert_eq!(replace_in_post(&mut fixed, "CNC", ""), 1);
    assert_eq!(fixed.tags, vec!["○○"], "a tag left empty is dropped");
}
