//! Why: chapters in a 16:9 video's description let a buyer jump to the machining or the measuring; YouTube
//! only shows them when the list starts at 0:00, has at least three and each lasts at least 10 s, so they
//! are built from the plan's own segment starts and merged until every rule holds — or left out.

use serde::Serialize;

use crate::domain::PhotoRole;
use crate::draft::youtube_limits::shorten_line;
use crate::draft::{role_label, Lang};
use crate::video_plan::plan::{Plan, SegmentKind, VideoFormat};

/// Fewest chapters YouTube shows.
pub const MIN_CHAPTERS: usize = 3;
/// Shortest chapter YouTube accepts.
pub const MIN_CHAPTER_MS: u64 = 10_000;
/// Our bound, so the chapter list never crowds the description's 5,000 bytes.
pub const MAX_CHAPTERS: usize = 12;
/// Our bound on a chapter's title.
pub const CHAPTER_TITLE_MAX_CHARS: usize = 30;

/// One chapter: where it starts (always a segment's start) and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chapter {
    pub start_ms: u64,
    pub title: String,
}

/// The chapters of a plan: for 16:9 only, and only when at least three valid ones can be made (else
/// none). Photos are grouped where their role changes (소재 → 가공 → 측정 …); when that gives too few
/// chapters, by count. Chapters shorter than the minimum merge into the one before.
pub fn chapters(plan: &Plan) -> Vec<Chapter> {
    chapters_in(plan, Lang::Ko)
}

/// [`chapters`] with titles in `lang` (an English post's chapters are English throughout).
pub fn chapters_in(plan: &Plan, lang: Lang) -> Vec<Chapter> {
    if plan.format != VideoFormat::Landscape {
        return Vec::new();
    }
    let units: Vec<Unit> = plan
        .segments
        .iter()
        .filter_map(|s| match &s.kind {
            SegmentKind::Photo { role, .. } => Some(Unit {
                start_ms: s.start_ms,
                role: *role,
                caption: first_line(&s.caption),
                lang,
            }),
            _ => None,
        })
        .collect();
    if units.is_empty() {
        return Vec::new();
    }
    // At least 10 s, and long enough that there are never more than MAX_CHAPTERS.
    let min = MIN_CHAPTER_MS.max(plan.duration_ms.div_ceil(MAX_CHAPTERS as u64));
    let by_role = merge(plan.duration_ms, min, by_role(&units), 2);
    if by_role.len() >= MIN_CHAPTERS {
        return by_role;
    }
    merge(plan.duration_ms, min, by_length(&units, min), 1)
}

/// `m:ss` (or `h:mm:ss` from an hour), rounded down to the second, as YouTube reads chapter times.
pub fn timestamp(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The lines `0:00 제목` of a chapter list.
pub fn chapter_lines(chapters: &[Chapter]) -> Vec<String> {
    chapters
        .iter()
        .map(|c| format!("{} {}", timestamp(c.start_ms), c.title))
        .collect()
}

struct Unit {
    start_ms: u64,
    role: Option<PhotoRole>,
    caption: String,
    lang: Lang,
}

/// A chapter being built: its start and the titles of what it holds, in order.
struct Group {
    start_ms: u64,
    titles: Vec<String>,
}

fn first_line(caption: &str) -> String {
    crate::draft::youtube_limits::clean_line(
        caption.lines().find(|l| !l.trim().is_empty()).unwrap_or(""),
    )
}

fn role_title(u: &Unit) -> String {
    let (ko, en) = match u.role {
        Some(PhotoRole::Stock) => ("소재 준비", "The stock"),
        Some(PhotoRole::InProcess) => ("가공 과정", "Machining"),
        Some(PhotoRole::Finished) => ("완성품", "The finished part"),
        Some(PhotoRole::Measured) => ("측정·검사", "Measuring and inspection"),
        Some(PhotoRole::Machine) => ("장비 소개", "The machine"),
        None => ("작업 과정", "The work"),
    };
    u.lang.pick(ko, en).to_string()
}

fn photo_title(u: &Unit) -> String {
    if u.caption.is_empty() {
        u.role
            .map(|r| role_label(r, u.lang).to_string())
            .unwrap_or_default()
    } else {
        u.caption.clone()
    }
}

/// A group wherever the role changes; the first starts at 0:00 (with the title card).
fn by_role(units: &[Unit]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if i == 0 || units[i - 1].role != u.role {
            groups.push(Group {
                start_ms: if i == 0 { 0 } else { u.start_ms },
                titles: vec![role_title(u)],
            });
        }
    }
    groups
}

/// Photos taken in order until a group lasts `min`, then a new group; the first starts at 0:00.
fn by_length(units: &[Unit], min: u64) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for u in units {
        match groups.last_mut() {
            Some(last) if u.start_ms - last.start_ms < min => {
                let t = photo_title(u);
                if !t.is_empty() && !last.titles.contains(&t) {
                    last.titles.push(t);
                }
            }
            _ => groups.push(Group {
                start_ms: if groups.is_empty() { 0 } else { u.start_ms },
                titles: [photo_title(u)]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect(),
            }),
        }
    }
    groups
}

/// Merges each group shorter than `min` into the one before (the first, which must stay at 0:00, takes
/// in the one after it instead); fewer than three left means none. A chapter's title joins up to
/// `keep_titles` of the titles it took in.
fn merge(duration_ms: u64, min: u64, mut kept: Vec<Group>, keep_titles: usize) -> Vec<Chapter> {
    let len = |kept: &[Group], i: usize| {
        kept.get(i + 1)
            .map_or(duration_ms, |n| n.start_ms)
            .saturating_sub(kept[i].start_ms)
    };
    while kept.len() > 1 {
        let Some(short) = (0..kept.len()).find(|&i| len(&kept, i) < min) else {
            break;
        };
        let (into, gone) = if short == 0 {
            (0, 1)
        } else {
            (short - 1, short)
        };
        let g = kept.remove(gone);
        for t in g.titles {
            if !kept[into].titles.contains(&t) {
                kept[into].titles.push(t);
            }
        }
    }
    if kept.len() < MIN_CHAPTERS {
        return Vec::new();
    }
    let titles: Vec<String> = kept
        .iter()
        .map(|g| {
            let joined = g
                .titles
                .iter()
                .take(keep_titles)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            shorten_line(&joined, CHAPTER_TITLE_MAX_CHARS)
        })
        .collect();
    kept.iter()
        .zip(number_repeats(titles))
        .map(|(g, title)| Chapter {
            start_ms: g.start_ms,
            title,
        })
        .collect()
}

/// Empty titles become "작업 과정"; titles used more than once get numbers ("가공 중 1", "가공 중 2").
fn number_repeats(titles: Vec<String>) -> Vec<String> {
    let titles: Vec<String> = titles
        .into_iter()
        .map(|t| {
            if t.is_empty() {
                "작업 과정".into()
            } else {
                t
            }
        })
        .collect();
    let mut seen: Vec<(String, usize)> = Vec::new();
    titles
        .iter()
        .map(|t| {
            if titles.iter().filter(|o| *o == t).count() < 2 {
                return t.clone();
            }
            let n = match seen.iter_mut().find(|(s, _)| s == t) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((t.clone(), 1));
                    1
                }
            };
            format!("{t} {n}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Photo;
    use crate::domain::VideoSettings;
    use crate::video_plan::plan::plan;

    fn photo(id: i64, role: Option<PhotoRole>) -> Photo {
        Photo::sample(id, role, "")
    }

    fn make(format: VideoFormat, roles: &[Option<PhotoRole>], seconds: f64) -> Plan {
        let photos: Vec<Photo> = roles
            .iter()
            .enumerate()
            .map(|(i, r)| photo(i as i64 + 1, *r))
            .collect();
        let with: Vec<(&Photo, &str)> = photos.iter().map(|p| (p, "")).collect();
        let settings = VideoSettings {
            seconds_per_photo: seconds,
            ..VideoSettings::default()
        };
        plan(format, &with, &settings)
    }

    /// Every rule YouTube has for chapters, against the plan.
    fn assert_valid(chapters: &[Chapter], plan: &Plan) {
        assert!(chapters.len() >= MIN_CHAPTERS, "{chapters:?}");
        assert!(chapters.len() <= MAX_CHAPTERS, "{chapters:?}");
        assert_eq!(chapters[0].start_ms, 0);
        for (i, c) in chapters.iter().enumerate() {
            let end = chapters.get(i + 1).map_or(plan.duration_ms, |n| n.start_ms);
            assert!(end >= c.start_ms + MIN_CHAPTER_MS, "{chapters:?}");
            assert!(plan.segments.iter().any(|s| s.start_ms == c.start_ms));
            assert!(!c.title.is_empty());
        }
    }

    use PhotoRole::*;

    #[test]
    fn roles_make_the_chapters() {
        let roles = [
            Some(Stock),
            Some(Stock),
            Some(InProcess),
            Some(InProcess),
            Some(InProcess),
            Some(Measured),
            Some(Measured),
            Some(Finished),
            Some(Finished),
        ];
        let p = make(VideoFormat::Landscape, &roles, 5.0);
        let c = chapters(&p);
        assert_valid(&c, &p);
        let titles: Vec<&str> = c.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["소재 준비", "가공 과정", "측정·검사", "완성품"]);
        assert_eq!(
            chapter_lines(&c),
            [
                "0:00 소재 준비",
                "0:13 가공 과정",
                "0:28 측정·검사",
                "0:38 완성품"
            ]
        );
    }

    #[test]
    fn short_role_runs_merge_into_the_one_before() {
        let roles = [
            Some(Stock),
            Some(InProcess),
            Some(InProcess),
            Some(InProcess),
            Some(Measured),
            Some(InProcess),
            Some(InProcess),
            Some(InProcess),
            Some(Finished),
            Some(Finished),
            Some(Finished),
        ];
        let p = make(VideoFormat::Landscape, &roles, 4.0);
        let c = chapters(&p);
        assert_valid(&c, &p);
        let titles: Vec<&str> = c.iter().map(|c| c.title.as_str()).collect();
        // The lone measuring photo (4 s) went into the chapter before it.
        assert_eq!(titles, ["소재 준비, 가공 과정", "가공 과정", "완성품"]);
        assert_eq!(c[1].start_ms, p.segments[6].start_ms);
    }

    #[test]
    fn photos_without_roles_are_grouped_by_count() {
        let p = make(VideoFormat::Landscape, &[None; 12], 4.0);
        let c = chapters(&p);
        assert_valid(&c, &p);
        assert_eq!(c[1].title, "작업 과정 2", "{c:?}");
    }

    #[test]
    fn long_videos_get_few_enough_chapters() {
        let roles: Vec<Option<PhotoRole>> = (0..200)
            .map(|i| Some(if i % 2 == 0 { InProcess } else { Measured }))
            .collect();
        let p = make(VideoFormat::Landscape, &roles, 6.0);
        let c = chapters(&p);
        assert_valid(&c, &p);
    }

    #[test]
    fn short_videos_and_shorts_have_none() {
        let p = make(VideoFormat::Landscape, &[Some(Stock), Some(Finished)], 6.0);
        assert!(chapters(&p).is_empty());
        let p = make(VideoFormat::Landscape, &[None; 4], 3.0);
        assert!(chapters(&p).is_empty(), "{:?}", chapters(&p));
        let p = make(VideoFormat::Shorts, &[Some(Stock); 30], 4.0);
        assert!(chapters(&p).is_empty());
        let p = make(VideoFormat::Landscape, &[], 4.0);
        assert!(chapters(&p).is_empty());
    }

    #[test]
    fn timestamps_round_down() {
        assert_eq!(timestamp(0), "0:00");
        assert_eq!(timestamp(9_999), "0:09");
        assert_eq!(timestamp(75_000), "1:15");
        assert_eq!(timestamp(3_725_400), "1:02:05");
    }
}
