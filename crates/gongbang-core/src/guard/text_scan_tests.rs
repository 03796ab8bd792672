//! The text scan on Korean and English text: names, aliases, patterns, offsets, and no false alarms.
use super::*;
use crate::domain::Policy;
use crate::domain::{Platform, PostStatus};

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

// ---- issue 10, item 4: spellings that slip past the scan ----

/// 대한정밀 with its English aliases, no "대한" alone (so 대한민국 stays clean).
fn dh_rules() -> ScanRules {
    ScanRules::new(
        &[Client {
            id: 1,
            name: "대한정밀".into(),
            aliases: vec!["DH".into(), "DH Precision".into()],
            policy: Policy::Ask,
            note: String::new(),
        }],
        &["블루호크".into()],
    )
}

/// What the scan flags in `s`: the owner's original text and its UTF-16 offsets.
fn flagged(s: &str, rules: &ScanRules) -> Vec<(String, usize, usize)> {
    rules
        .scan_text(s)
        .into_iter()
        .map(|m| (m.text, m.start, m.end))
        .collect()
}

/// `s` flags exactly `want` (an original substring), at its UTF-16 offsets in `s`.
#[track_caller]
fn flags_exactly(s: &str, want: &str, rules: &ScanRules) {
    let at = s.find(want).expect("test text holds it");
    let start = s[..at].encode_utf16().count();
    let end = start + want.encode_utf16().count();
    assert_eq!(
        flagged(s, rules),
        vec![(want.to_string(), start, end)],
        "in {s:?} ({:?})",
        s.chars()
            .map(|c| format!("{:04X}", c as u32))
            .collect::<Vec<_>>()
    );
}

#[test]
fn codes_end_where_a_korean_particle_begins() {
    let r = ScanRules::default();
    flags_exactly("코드 AB-1234-567을 가공", "AB-1234-567", &r);
    flags_exactly("HX204518을 납품", "HX204518", &r);
    flags_exactly("코드는HX204518이고", "HX204518", &r);
    flags_exactly("ABC-123456로 주문", "ABC-123456", &r);
    flags_exactly("K12-3456-A1에 맞춰", "K12-3456-A1", &r);
    flags_exactly("도면DWG-2231-A를 참고", "DWG-2231-A", &r);
}

#[test]
fn fullwidth_letters_and_digits_are_read_as_plain_ones() {
    flags_exactly("ＤＨ 납품 건", "ＤＨ", &dh_rules());
    flags_exactly(
        "ＤＨ　Ｐｒｅｃｉｓｉｏｎ에서",
        "ＤＨ　Ｐｒｅｃｉｓｉｏｎ",
        &dh_rules(),
    );
    let r = ScanRules::default();
    flags_exactly(
        "부품 ＡＢ－１２３４－５６７ 완성",
        "ＡＢ－１２３４－５６７",
        &r,
    );
    flags_exactly("ＨＸ２０４５１８을", "ＨＸ２０４５１８", &r);
    flags_exactly("HX②⓪④⑤①⑧ 가공", "HX②⓪④⑤①⑧", &r);
    flags_exactly("𝐇𝐗𝟐𝟎𝟒𝟓𝟏𝟖 가공", "𝐇𝐗𝟐𝟎𝟒𝟓𝟏𝟖", &r);
}

#[test]
fn codes_in_lower_or_mixed_case_are_codes() {
    let r = ScanRules::default();
    flags_exactly("hx204518 브래킷", "hx204518", &r);
    flags_exactly("코드 ab-1234-567 부품", "ab-1234-567", &r);
    flags_exactly("Hx204518", "Hx204518", &r);
    flags_exactly("dwg-2231-a 도면", "dwg-2231-a", &r);
    // In capitals it is a code even in an address; in small letters outside one too.
    flags_exactly("files.example.com/HX204518", "HX204518", &r);
    flags_exactly("코드 hx204518, 메일로 보냄", "hx204518", &r);
    flags_exactly("dH 납품", "dH", &dh_rules());
    flags_exactly("dh PRECISION", "dh PRECISION", &dh_rules());
}

#[test]
fn invisible_characters_inside_a_name_do_not_hide_it() {
    for c in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
    ] {
        let name = format!("대한{c}정밀");
        flags_exactly(&format!("고객 {name}에서 받은 샤프트"), &name, &dh_rules());
        let name = format!("대{c}한{c}정{c}밀");
        flags_exactly(&format!("{name} 납품"), &name, &dh_rules());
        let name = format!("D{c}H");
        flags_exactly(&format!("{name} 납품"), &name, &dh_rules());
        let code = format!("HX204{c}518");
        flags_exactly(&format!("{code}을"), &code, &ScanRules::default());
    }
    // Marks drawn over each letter (a strike-through) or around it (a keycap).
    flags_exactly("D\u{0336}H\u{0336} 납품", "D\u{0336}H\u{0336}", &dh_rules());
    flags_exactly(
        "대\u{0336}한\u{0336}정\u{0336}밀\u{0336}",
        "대\u{0336}한\u{0336}정\u{0336}밀\u{0336}",
        &dh_rules(),
    );
    // Several at once, and a variation selector.
    flags_exactly(
        "대\u{200B}\u{200D}한\u{FE0F}정밀",
        "대\u{200B}\u{200D}한\u{FE0F}정밀",
        &dh_rules(),
    );
}

#[test]
fn separators_inside_a_name_do_not_hide_it() {
    for sep in [
        "-", "·", " . ", "_", "/", "\\", ".", "..", " - ", "--", "\u{2010}", "\u{2011}",
        "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{30FB}", "\u{318D}",
        "\u{FF0E}", "\u{FF65}", "\u{2022}", "\u{2027}", "\u{00B7}", "\u{FF0D}", "\u{3000}", "\n",
        "\r\n", " \n ", "\t", "*", "~", "|", "+", " ・ ", "❤",
    ] {
        let name = format!("대한{sep}정밀");
        flags_exactly(&format!("우리는 {name}에 납품"), &name, &dh_rules());
    }
    for name in [
        "D.H.",
        "D H",
        "D-H",
        "D_H",
        "D·H",
        "D/H",
        "D. H.",
        "Ｄ．Ｈ．",
    ] {
        // The match ends at the last letter: a trailing dot is the sentence's.
        let letters = name.trim_end_matches(['.', '．']);
        flags_exactly(&format!("납품처 {name} 확인"), letters, &dh_rules());
    }
    flags_exactly("D.H. Precision 납품", "D.H. Precision", &dh_rules());
    flags_exactly("DH-Precision 납품", "DH-Precision", &dh_rules());
}

#[test]
fn hangul_typed_as_jamo_or_decomposed_is_the_same_name() {
    // NFD: the syllables as conjoining jamo sequences.
    let nfd =
        "\u{1103}\u{1162}\u{1112}\u{1161}\u{11AB}\u{110C}\u{1165}\u{11BC}\u{1106}\u{1175}\u{11AF}";
    flags_exactly(&format!("{nfd}에서"), nfd, &dh_rules());
    // Compatibility jamo typed one by one.
    flags_exactly(
        "ㄷㅐㅎㅏㄴㅈㅓㅇㅁㅣㄹ 납품",
        "ㄷㅐㅎㅏㄴㅈㅓㅇㅁㅣㄹ",
        &dh_rules(),
    );
    // A zero-width space between a syllable and its final consonant.
    let split = "대하\u{200B}\u{11AB}정밀";
    flags_exactly(split, split, &dh_rules());
    // A word ending in an open syllable is still found before loose consonants ("ㅋㅋ").
    flags_exactly("블루호크ㅋㅋ 프로젝트", "블루호크", &dh_rules());
}

#[test]
fn accents_and_a_forced_right_to_left_layout_do_not_hide_a_name() {
    flags_exactly("ĎĤ 납품", "ĎĤ", &dh_rules());
    flags_exactly("D\u{0301}H\u{0301} 납품", "D\u{0301}H\u{0301}", &dh_rules());
    // U+202E lays the characters after it out right to left: this shows as "대한정밀".
    flags_exactly(
        "고객 \u{202E}밀정한대\u{202C} 납품",
        "밀정한대",
        &dh_rules(),
    );
    flags_exactly("\u{202E}HD", "HD", &dh_rules());
    // Without the override, a name backwards is not the name.
    assert!(dh_rules().scan_text("밀정한대 HD").is_empty());
}

#[test]
fn look_alike_letters_from_other_scripts_are_read_as_latin() {
    // Cyrillic Д Н, Greek Η, Cyrillic Н Х.
    flags_exactly("ДН 납품", "ДН", &dh_rules());
    flags_exactly("DΗ precision", "DΗ precision", &dh_rules());
    flags_exactly("НХ204518 브래킷", "НХ204518", &ScanRules::default());
    flags_exactly("ДН Ргесіѕіоп", "ДН Ргесіѕіоп", &dh_rules());
}

#[test]
fn folding_makes_no_false_alarms() {
    for clean in [
        "SUS304 샤프트, AL6061 플랜지, S45C, SCM440, SKD11, C3604 황동, POM",
        "sus304 샤프트, al6061, s45c, m8 탭, puma 2600, PUMA 2600, ＳＵＳ３０４",
        "두산 Lynx 220, DNM 5700, M8 탭, Ø25 h7, Ra 0.8µm",
        "납기 2026-11-27, 연락처 010-1234-5678, 공차 ±0.01, ０１０－１２３４－５６７８로",
        "대한민국 최고의 정밀 가공, 대한 민국",
        "state-of-the-art finish, and how we did it, hold the edge",
        "ADH 밸브, 좋아ㅋㅋ, 하나",
        "DHL로 보냄",
        "이메일: kim12345@naver.com, 홈페이지: blog.naver.com/mun12345, https://pf.kakao.com/abc12345",
    ] {
        let found = dh_rules().scan_text(clean);
        assert!(found.is_empty(), "{clean}: {found:#?}");
    }
}

#[test]
fn the_one_click_replace_on_a_hidden_spelling_leaves_the_post_clean() {
    let mut post = Post {
        id: 1,
        job_id: 1,
        platform: Platform::Naver,
        title: "ＤＨ 납품 샤프트".into(),
        blocks: vec![
            Block::Paragraph {
                text: "대한\u{200B}정밀에서 받은 HX204518을 가공했습니다. 대한-정밀 감사합니다"
                    .into(),
            },
            Block::List {
                items: vec!["고객 D.H. Precision".into()],
            },
            Block::Table {
                rows: vec![
                    ["소재".into(), "SUS304".into()],
                    ["코드".into(), "ab-1234-567을".into()],
                ],
            },
        ],
        tags: vec!["ㄷㅐㅎㅏㄴㅈㅓㅇㅁㅣㄹ".into(), "CNC".into()],
        status: PostStatus::Draft,
        export_path: None,
        updated_at: String::new(),
        video: Default::default(),
    };
    let rules = dh_rules();
    let found = scan_post(&post, &rules);
    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "ＤＨ",
            "대한\u{200B}정밀",
            "HX204518",
            "대한-정밀",
            "D.H. Precision",
            "ab-1234-567",
            "ㄷㅐㅎㅏㄴㅈㅓㅇㅁㅣㄹ"
        ]
    );
    // Confirming the name as anyone would type it covers its hidden spellings, and nothing else.
    let open = unconfirmed(
        &found,
        &["대한정밀".into(), "dh".into(), String::new(), " ".into()],
    );
    let open: Vec<&str> = open.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(open, vec!["HX204518", "D.H. Precision", "ab-1234-567"]);
    for f in &found {
        assert!(
            replace_in_post(&mut post, &f.text, &f.suggestion) >= 1,
            "{f:?}"
        );
    }
    assert_eq!(scan_post(&post, &rules), vec![], "{post:#?}");
    let Block::Paragraph { text } = &post.blocks[0] else {
        panic!()
    };
    assert_eq!(
        text,
        "고객사에서 받은 (비공개)을 가공했습니다. 고객사 감사합니다"
    );
}

#[test]
fn a_finding_in_a_table_cell_says_its_row_and_column() {
    let post = Post {
        id: 1,
        job_id: 1,
        platform: Platform::Naver,
        title: "샤프트".into(),
        blocks: vec![
            Block::Paragraph {
                text: "가공".into(),
            },
            Block::Table {
                rows: vec![
                    ["소재".into(), "SUS304".into()],
                    ["고객".into(), "납품처 대한정밀".into()],
                    ["DWG".into(), "—".into()],
                ],
            },
        ],
        tags: vec![],
        status: PostStatus::Draft,
        export_path: None,
        updated_at: String::new(),
        video: Default::default(),
    };
    let f = scan_post(&post, &dh_rules());
    let places: Vec<_> = f
        .iter()
        .map(|f| {
            (
                f.field,
                f.block_index,
                f.item_index,
                f.row,
                f.column,
                f.start,
                f.end,
            )
        })
        .collect();
    assert_eq!(
        places,
        vec![
            (Field::Body, Some(1), None, Some(1), Some(1), 4, 8),
            (Field::Body, Some(1), None, Some(2), Some(0), 0, 3),
        ]
    );
    let json = serde_json::to_value(&f[0]).unwrap();
    assert_eq!(
        (json["row"].as_u64(), json["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(json["itemIndex"].is_null());
}

#[test]
fn a_name_that_begins_or_ends_with_punctuation_is_flagged_whole() {
    let named = |name: &str| {
        ScanRules::new(
            &[Client {
                id: 1,
                name: name.into(),
                aliases: vec![],
                policy: Policy::Ask,
                note: String::new(),
            }],
            &[],
        )
    };
    let hostile = "<img src=x onerror=alert(1)>";
    let r = named(hostile);
    let found = scan_str(&format!("제목 {hostile} 끝"), &r);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, hostile, "the whole name, its brackets too");
    // Another spelling of it is still found, as far as the text spells it.
    let found = scan_str("img src = x onerror = alert 1 납품", &r);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "img src = x onerror = alert 1");
    // "(주)" before a name: the replace leaves no bracket behind.
    let r = named("(주)대한정밀");
    let text = "(주)대한정밀 납품";
    let found = scan_str(text, &r);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(text.replace(&found[0].text, "고객사"), "고객사 납품");
}
