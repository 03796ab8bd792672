//! Why: buyers find shops by searching "region + process + material + part" (문래동 CNC 선반 SUS304 샤프트);
//! titles and tags are built from the job's own words in that order.

use crate::repo::jobs::JobFields;
use crate::video::package_text::youtube_title;

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
    let mut tags: Vec<String> = Vec::new();
    let mut push = |t: &str| {
        let t: String = t
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '#' && *c != ',')
            .collect();
        if !t.is_empty() && !tags.contains(&t) && tags.len() < MAX_TAGS {
            tags.push(t);
        }
    };
    if !f.process.trim().is_empty() {
        push(&format!("{}가공", f.process));
    }
    if !f.material.trim().is_empty() {
        push(&format!("{}가공", f.material));
    }
    push(&f.material);
    push(&f.process);
    push(&f.machine);
    for word in f
        .title
        .split_whitespace()
        .filter(|w| w.chars().count() >= 2)
    {
        push(word);
    }
    for generic in ["정밀가공", "소량가공", "시제품가공", "가공업체", "기계가공"]
    {
        push(generic);
    }
    tags
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
