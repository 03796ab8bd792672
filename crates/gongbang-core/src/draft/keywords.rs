//! Why: buyers find shops by searching "region + process + material + part" (문래동 CNC 선반 SUS304 샤프트);
//! titles and tags are built from the job's own words in that order.

use super::youtube_limits::youtube_title;
use super::Lang;
use crate::domain::JobFields;
use crate::domain::ShopProfile;

/// Part words buyers search for (../shared/trade-glossary.md), longest first where one holds another.
const PARTS: &[&str] = &[
    "베이스 플레이트",
    "로봇 그리퍼",
    "진공 척",
    "금형 부품",
    "특수 볼트",
    "샤프트",
    "부싱",
    "플랜지",
    "브라켓",
    "하우징",
    "커플링",
    "기어",
    "풀리",
    "스페이서",
    "노즐",
    "피스톤",
    "블록",
    "지그",
    "픽스처",
    "치공구",
    "핀",
    "너트",
    "볼트",
    "shaft",
    "bushing",
    "flange",
    "bracket",
    "housing",
    "coupling",
    "gear",
    "pulley",
    "spacer",
    "nozzle",
    "piston",
    "block",
    "jig",
    "fixture",
];

/// The part the job made, from its title: a part word of the trade, else what is left of a short title
/// once region, process, material and "가공/제작" are taken out.
pub fn part_of(f: &JobFields, shop: &ShopProfile) -> String {
    let title = f.title.trim();
    let lower = title.to_lowercase();
    if let Some(p) = PARTS.iter().find(|p| lower.contains(&p.to_lowercase())) {
        let start = lower.find(&p.to_lowercase()).unwrap_or(0);
        // Same byte length in both (ASCII lowercase only changes ASCII letters).
        return title.get(start..start + p.len()).unwrap_or(p).to_string();
    }
    let mut rest = format!(" {title} ");
    let region = shop.region().unwrap_or_default();
    for w in [f.process.trim(), f.material.trim(), region] {
        if !w.is_empty() {
            rest = rest.replace(&format!(" {w} "), " ");
        }
    }
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| !matches!(*w, "가공" | "제작" | "작업" | "소개"))
        .collect();
    if (1..=2).contains(&words.len()) {
        words.join(" ")
    } else {
        String::new()
    }
}

/// The coach's main keyword: region + process + material + part ("문래동 CNC 선반 SUS304 샤프트"), the
/// parts that are known.
pub fn keyword_parts(f: &JobFields, shop: &ShopProfile) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for p in [
        shop.region().unwrap_or_default().to_string(),
        f.process.trim().to_string(),
        f.material.trim().to_string(),
        part_of(f, shop),
    ] {
        if !p.is_empty() && !parts.contains(&p) {
            parts.push(p);
        }
    }
    parts
}

/// [`keyword_parts`] as one phrase.
pub fn coach_keyword(f: &JobFields, shop: &ShopProfile) -> String {
    keyword_parts(f, shop).join(" ")
}

/// Keyword suggestions from the job facts and the profile, best first (no duplicates, no empties).
pub fn suggest_keywords(f: &JobFields, shop: &ShopProfile) -> Vec<String> {
    let region = shop.region().unwrap_or_default();
    let process = f.process.trim();
    let material = f.material.trim();
    let part = part_of(f, shop);
    let join = |ws: &[&str]| {
        ws.iter()
            .filter(|w| !w.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out: Vec<String> = Vec::new();
    let mut push = |k: String, need: usize| {
        if k.split_whitespace().count() >= need && !out.contains(&k) {
            out.push(k);
        }
    };
    push(coach_keyword(f, shop), 1);
    push(join(&[region, process, "가공"]), 2);
    push(join(&[material, &part, "제작"]), 2);
    push(join(&[region, process, "가공 업체"]), 3);
    push(join(&[material, "가공"]), 2);
    push(join(&[process, "외주"]), 2);
    for e in shop.equipment.iter().map(|e| e.trim()).take(3) {
        push(join(&[region, e, "가공"]), 2);
    }
    if !shop.lot_sizes.trim().is_empty() || !f.quantity.trim().is_empty() {
        push(join(&[region, "소량 정밀 가공"]), 2);
    }
    push(join(&[region, "정밀 가공"]), 2);
    out
}

/// A blog title: region + process + material + the owner's title (the region in front when the profile has
/// one and the title lacks it).
pub fn suggest_title_for(f: &JobFields, shop: &ShopProfile) -> String {
    with_region(&suggest_title(f), shop)
}

/// A video title with the region in front too, within YouTube's limits.
pub fn suggest_video_title_for(f: &JobFields, shop: &ShopProfile) -> String {
    youtube_title(&with_region(&suggest_video_title(f), shop))
}

fn with_region(title: &str, shop: &ShopProfile) -> String {
    match shop.region() {
        Some(r) if !title.contains(r) => format!("{r} {title}"),
        _ => title.to_string(),
    }
}

/// Blog tags with the region's ones first (5–10, spaceless).
pub fn suggest_tags_for(f: &JobFields, shop: &ShopProfile) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let spaceless = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '#' && *c != ',')
            .collect()
    };
    if let Some(r) = shop.region() {
        if !f.process.trim().is_empty() {
            tags.push(spaceless(&format!("{r}{}", f.process)));
        }
        tags.push(spaceless(&format!("{r}가공")));
    }
    for t in suggest_tags(f) {
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags.truncate(MAX_TAGS);
    tags
}

/// Tags in the post's language: the Korean search words for a Korean post ([`suggest_tags_for`]); for an
/// English one the same kinds of tags with "machining" and the trade's English words.
pub fn suggest_tags_in(f: &JobFields, shop: &ShopProfile, lang: Lang) -> Vec<String> {
    if lang == Lang::Ko {
        return suggest_tags_for(f, shop);
    }
    let mut tags = TagList::default();
    let mut push = |t: &str| tags.push(t);
    let process = english_process(f);
    if let Some(r) = shop.region() {
        if !process.is_empty() {
            push(&format!("{r}{process}"));
        }
        push(&format!("{r}machining"));
    }
    if !process.is_empty() {
        push(&format!("{process}machining"));
    }
    if !f.material.trim().is_empty() {
        push(&format!("{}machining", f.material));
    }
    push(&f.material);
    push(&process);
    push(&f.machine);
    for word in title_words(&f.title) {
        push(word);
    }
    for generic in [
        "precisionmachining",
        "cncmachining",
        "smallbatch",
        "prototype",
        "machineshop",
    ] {
        push(generic);
    }
    tags.0
}

/// The job's process in English when it is a preset, else as written.
fn english_process(f: &JobFields) -> String {
    crate::presets::english_label(&f.process)
        .map_or_else(|| f.process.trim().to_string(), str::to_string)
}

/// The main search phrase in `lang`: process + material + "가공" / "machining".
pub fn main_keyword_in(f: &JobFields, lang: Lang) -> String {
    if lang == Lang::Ko {
        return main_keyword(f);
    }
    let process = english_process(f);
    let parts: Vec<&str> = [process.as_str(), f.material.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} machining", parts.join(" "))
    }
}

/// The title's words worth a tag (two letters or more).
fn title_words(title: &str) -> impl Iterator<Item = &str> {
    title.split_whitespace().filter(|w| w.chars().count() >= 2)
}

/// Tags as Naver takes them: no spaces, '#' or ',' inside a tag, none twice, at most [`MAX_TAGS`].
#[derive(Default)]
struct TagList(Vec<String>);

impl TagList {
    fn push(&mut self, t: &str) {
        let t: String = t
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '#' && *c != ',')
            .collect();
        if !t.is_empty() && !self.0.contains(&t) && self.0.len() < MAX_TAGS {
            self.0.push(t);
        }
    }
}

/// Most tags a Naver post gets (the coach asks for 5–10).
pub const MAX_TAGS: usize = 10;

/// The main search phrase: process + material (+ "가공").
pub fn main_keyword(f: &JobFields) -> String {
    let parts: Vec<&str> = [f.process.trim(), f.material.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} 가공", parts.join(" "))
    }
}

/// A title: the owner's title when set (with the main keyword in front when it lacks it), else the
/// keyword phrase.
pub fn suggest_title(f: &JobFields) -> String {
    let title = f.title.trim();
    let keyword = main_keyword(f);
    if title.is_empty() {
        return if keyword.is_empty() {
            "정밀 가공 작업 소개".to_string()
        } else {
            keyword
        };
    }
    let missing: Vec<&str> = [f.process.trim(), f.material.trim()]
        .into_iter()
        .filter(|w| !w.is_empty() && !title.contains(w))
        .collect();
    if missing.is_empty() {
        title.to_string()
    } else {
        format!("{} {title}", missing.join(" "))
    }
}

/// A video title (YouTube, Shorts): the keyword in front — process and material first, moved there from
/// inside the owner's title when they stand as words of their own — within YouTube's 100 characters and
/// without `<` `>`.
pub fn suggest_video_title(f: &JobFields) -> String {
    let title = suggest_title(f);
    let keywords: Vec<&str> = [f.process.trim(), f.material.trim()]
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect();
    if keywords.is_empty() || keywords.iter().any(|k| title.starts_with(k)) {
        return youtube_title(&title);
    }
    // Both are inside the title (else suggest_title had put the missing one in front).
    let mut rest = format!(" {title} ");
    for k in &keywords {
        if let Some(i) = rest.find(&format!(" {k} ")) {
            rest.replace_range(i..i + k.len() + 2, " ");
        }
    }
    youtube_title(&format!("{} {}", keywords.join(" "), rest.trim()))
}

/// Tags from the job's words (no spaces inside a tag, as Naver wants), then the trade's generic ones.
pub fn suggest_tags(f: &JobFields) -> Vec<String> {
    let mut tags = TagList::default();
    let mut push = |t: &str| tags.push(t);
    if !f.process.trim().is_empty() {
        push(&format!("{}가공", f.process));
    }
    if !f.material.trim().is_empty() {
        push(&format!("{}가공", f.material));
    }
    push(&f.material);
    push(&f.process);
    push(&f.machine);
    for word in title_words(&f.title) {
        push(word);
    }
    for generic in ["정밀가공", "소량가공", "시제품가공", "가공업체", "기계가공"]
    {
        push(generic);
    }
    tags.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(title: &str, material: &str, process: &str) -> JobFields {
        JobFields {
            title: title.into(),
            material: material.into(),
            process: process.into(),
            ..JobFields::default()
        }
    }

    #[test]
    fn title_puts_missing_keywords_in_front() {
        assert_eq!(
            suggest_title(&job("샤프트 가공", "SUS304", "CNC 선반")),
            "CNC 선반 SUS304 샤프트 가공"
        );
        assert_eq!(
            suggest_title(&job("SUS304 샤프트 CNC 선반 가공", "SUS304", "CNC 선반")),
            "SUS304 샤프트 CNC 선반 가공"
        );
        assert_eq!(suggest_title(&job("", "AL6061", "MCT")), "MCT AL6061 가공");
        assert_eq!(suggest_title(&job("", "", "")), "정밀 가공 작업 소개");
    }

    #[test]
    fn video_titles_put_the_keyword_first() {
        assert_eq!(
            suggest_video_title(&job("샤프트 가공", "SUS304", "CNC 선반")),
            "CNC 선반 SUS304 샤프트 가공"
        );
        assert_eq!(
            suggest_video_title(&job("SUS304 샤프트 CNC 선반 가공", "SUS304", "CNC 선반")),
            "SUS304 샤프트 CNC 선반 가공"
        );
        assert_eq!(
            suggest_video_title(&job(
                "정밀 샤프트 SUS304 CNC 선반 가공",
                "SUS304",
                "CNC 선반"
            )),
            "CNC 선반 SUS304 정밀 샤프트 가공"
        );
        // Not a word of its own: left in place, the keyword still goes in front.
        assert_eq!(
            suggest_video_title(&job(
                "샤프트를 CNC 선반으로 SUS304 가공",
                "SUS304",
                "CNC 선반"
            )),
            "CNC 선반 SUS304 샤프트를 CNC 선반으로 가공"
        );
        let long = suggest_video_title(&job(&"아주 긴 제목 ".repeat(60), "SUS304", "<MCT>"));
        assert!(
            long.chars().count() <= 100 && long.starts_with("〈MCT〉 SUS304"),
            "{long}"
        );
    }

    #[test]
    fn the_coach_keyword_is_region_process_material_part() {
        let shop = ShopProfile {
            region_keywords: vec![" ".into(), "문래동".into(), "영등포구".into()],
            ..ShopProfile::default()
        };
        let f = job("정밀 샤프트 가공", "SUS304", "CNC 선반");
        assert_eq!(coach_keyword(&f, &shop), "문래동 CNC 선반 SUS304 샤프트");
        assert_eq!(
            suggest_title_for(&f, &shop),
            "문래동 CNC 선반 SUS304 정밀 샤프트 가공"
        );
        assert_eq!(
            coach_keyword(
                &job("유압 매니폴드", "AL6061", "MCT"),
                &ShopProfile::default()
            ),
            "MCT AL6061 유압 매니폴드"
        );
        let k = suggest_keywords(&f, &shop);
        assert_eq!(k[0], "문래동 CNC 선반 SUS304 샤프트");
        assert!(k.contains(&"문래동 CNC 선반 가공".to_string()), "{k:?}");
        let tags = suggest_tags_for(&f, &shop);
        assert_eq!(tags[0], "문래동CNC선반");
        assert!(tags.len() <= MAX_TAGS);
    }

    #[test]
    fn tags_are_spaceless_unique_and_bounded() {
        let tags = suggest_tags(&job("SUS304 샤프트 제작", "SUS304", "CNC 선반"));
        assert!(tags.len() >= 5 && tags.len() <= MAX_TAGS, "{tags:?}");
        assert!(tags.iter().all(|t| !t.contains(' ')));
        assert_eq!(tags[0], "CNC선반가공");
        let mut dedup = tags.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), tags.len());
    }
}
