//! Why: owners learn what the coach asks for and why in short illustrated lessons (배우기), in plain
//! Korean and English. The lessons ship with the app (assets/lessons, compiled in); a mentor's edited copy in
//! the library's `lessons/` folder, else an installed pack's (newest first), replaces a lesson file by file.
//! Lessons are parsed into plain blocks, never HTML, and their drawings become size-limited `data:` URLs.

mod markdown;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::draft::Lang;
use crate::error::CoreError;
use crate::library::Overlay;
use crate::Result;

pub use markdown::{FrontMatter, LessonBlock, Span};

/// The folder of a library (or a pack) whose lesson files replace the shipped ones of the same name.
pub const OVERRIDE_FOLDER: &str = "lessons";
/// Largest lesson file.
pub const MAX_LESSON_BYTES: u64 = 256 * 1024;
/// Largest drawing.
pub const MAX_IMAGE_BYTES: u64 = 512 * 1024;

const BUILTIN: &[(&str, &str)] = &[
    (
        "leak-guard.en.md",
        include_str!("../../../../assets/lessons/leak-guard.en.md"),
    ),
    (
        "leak-guard.ko.md",
        include_str!("../../../../assets/lessons/leak-guard.ko.md"),
    ),
    (
        "naver-search.en.md",
        include_str!("../../../../assets/lessons/naver-search.en.md"),
    ),
    (
        "naver-search.ko.md",
        include_str!("../../../../assets/lessons/naver-search.ko.md"),
    ),
    (
        "photographing-parts.en.md",
        include_str!("../../../../assets/lessons/photographing-parts.en.md"),
    ),
    (
        "photographing-parts.ko.md",
        include_str!("../../../../assets/lessons/photographing-parts.ko.md"),
    ),
    (
        "youtube-watched.en.md",
        include_str!("../../../../assets/lessons/youtube-watched.en.md"),
    ),
    (
        "youtube-watched.ko.md",
        include_str!("../../../../assets/lessons/youtube-watched.ko.md"),
    ),
];

const BUILTIN_IMAGES: &[(&str, &[u8])] = &[
    (
        "leak-box-vs-blur.svg",
        include_bytes!("../../../../assets/lessons/img/leak-box-vs-blur.svg"),
    ),
    (
        "leak-metadata.svg",
        include_bytes!("../../../../assets/lessons/img/leak-metadata.svg"),
    ),
    (
        "leak-policy.svg",
        include_bytes!("../../../../assets/lessons/img/leak-policy.svg"),
    ),
    (
        "naver-keyword-front.svg",
        include_bytes!("../../../../assets/lessons/img/naver-keyword-front.svg"),
    ),
    (
        "naver-post-shape.svg",
        include_bytes!("../../../../assets/lessons/img/naver-post-shape.svg"),
    ),
    (
        "photo-light.svg",
        include_bytes!("../../../../assets/lessons/img/photo-light.svg"),
    ),
    (
        "photo-never.svg",
        include_bytes!("../../../../assets/lessons/img/photo-never.svg"),
    ),
    (
        "photo-scale.svg",
        include_bytes!("../../../../assets/lessons/img/photo-scale.svg"),
    ),
    (
        "youtube-chapters.svg",
        include_bytes!("../../../../assets/lessons/img/youtube-chapters.svg"),
    ),
    (
        "youtube-formats.svg",
        include_bytes!("../../../../assets/lessons/img/youtube-formats.svg"),
    ),
    (
        "youtube-thumbnail.svg",
        include_bytes!("../../../../assets/lessons/img/youtube-thumbnail.svg"),
    ),
];

/// One lesson in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LessonSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub order: u32,
    /// The coach check ids it explains.
    pub checks: Vec<String>,
}

/// One lesson, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Lesson {
    pub id: String,
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub order: u32,
    pub checks: Vec<String>,
    pub blocks: Vec<LessonBlock>,
}

/// Whether `name` is a lesson file name (`<id>.<ko|en>.md`, the id lower-case letters, digits, `-`, `_`);
/// gives the id and the language.
pub fn lesson_file(name: &str) -> Option<(&str, Lang)> {
    let stem = name.strip_suffix(".md")?;
    let (id, lang) = stem.rsplit_once('.')?;
    let lang = match lang {
        "ko" => Lang::Ko,
        "en" => Lang::En,
        _ => return None,
    };
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    ok.then_some((id, lang))
}

/// The `data:` URL type of a drawing's file name (svg, png, jpg/jpeg), if it is one.
pub fn image_type(name: &str) -> Option<&'static str> {
    let (_, ext) = name.rsplit_once('.')?;
    match ext.to_ascii_lowercase().as_str() {
        "svg" => Some("image/svg+xml"),
        "png" => Some("image/png"),
        "jpg" | "jpeg" => Some("image/jpeg"),
        _ => None,
    }
}

/// Whether the bytes are a drawing of that type we show: an SVG without script, foreign objects or outside
/// references; a PNG or JPEG by its signature. The size is checked by the caller.
pub fn image_ok(name: &str, bytes: &[u8]) -> bool {
    match image_type(name) {
        Some("image/svg+xml") => std::str::from_utf8(bytes).is_ok_and(svg_ok),
        Some("image/png") => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        Some("image/jpeg") => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        _ => false,
    }
}

/// Whether a pack path (`lessons/<file>` or `lessons/img/<name>`) names a file shipped with the app.
pub fn is_builtin(path: &str) -> bool {
    if let Some(name) = path.strip_prefix("lessons/img/") {
        return BUILTIN_IMAGES.iter().any(|(n, _)| *n == name);
    }
    path.strip_prefix("lessons/")
        .is_some_and(|name| BUILTIN.iter().any(|(n, _)| *n == name))
}

/// An SVG drawing with no script, event handler, foreign object, frame or address to anything outside it
/// (`href` only to `#…` inside the drawing).
fn svg_ok(text: &str) -> bool {
    static BAD: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let bad = BAD.get_or_init(|| {
        regex::Regex::new(
            r#"(?i)<script|<foreignobject|<iframe|<embed|<object|javascript:|\son[a-z]+\s*=|href\s*=\s*["']?\s*[^"'#\s]|url\(\s*["']?\s*[^"'#\s)]|@import"#,
        )
        .ok()
    });
    text.to_ascii_lowercase().contains("<svg") && bad.as_ref().is_some_and(|re| !re.is_match(text))
}

/// Checks a lesson file's text as a pack's import does: front matter, the coach check ids it names, and
/// its drawings' addresses (`img/<name>` with a drawing's extension). Gives the image names it uses.
pub fn check(file: &str, src: &str) -> Result<Vec<String>> {
    let (front, body) = markdown::split(file, src)?;
    if let Some(unknown) = front
        .checks
        .iter()
        .find(|c| !crate::coach::checks::is_check_id(c))
    {
        return Err(CoreError::invalid(
            format!("배우기 글 {file}에 없는 점검 항목 '{unknown}'이(가) 있습니다."),
            format!("The lesson {file} names '{unknown}', which is not one of the coach's checks."),
        ));
    }
    let mut names = Vec::new();
    for path in markdown::image_paths(&body) {
        let name = image_name(&path).ok_or_else(|| {
            CoreError::invalid(
                format!("배우기 글 {file}의 그림 주소 '{path}'은(는) img/이름.svg 꼴이어야 합니다 (svg, png, jpg)."),
                format!("The lesson {file} uses the picture '{path}'; it must be img/<name>.svg (svg, png or jpg)."),
            )
        })?;
        names.push(name.to_string());
    }
    Ok(names)
}

/// `img/<name>` with a safe name and a drawing's extension: the name.
fn image_name(path: &str) -> Option<&str> {
    let name = path.strip_prefix("img/")?;
    let safe = !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    (safe && image_type(name).is_some()).then_some(name)
}

/// A lesson file found: from a folder (owner's or pack's, with its rank: 0 highest) or shipped.
struct Found {
    rank: usize,
    text: String,
}

/// Every lesson id with its best file in each language.
fn gather(overlay: Option<&Overlay>) -> BTreeMap<String, BTreeMap<&'static str, Vec<Found>>> {
    let mut all: BTreeMap<String, BTreeMap<&'static str, Vec<Found>>> = BTreeMap::new();
    let roots: &[PathBuf] = overlay.map_or(&[], Overlay::roots);
    for (rank, root) in roots.iter().enumerate() {
        let dir = root.join(OVERRIDE_FOLDER);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((id, lang)) = lesson_file(&name) else {
                continue;
            };
            let path = entry.path();
            let small =
                std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= MAX_LESSON_BYTES);
            let Some(text) = small.then(|| std::fs::read_to_string(&path).ok()).flatten() else {
                continue;
            };
            all.entry(id.to_string())
                .or_default()
                .entry(lang.as_str())
                .or_default()
                .push(Found { rank, text });
        }
    }
    for (name, text) in BUILTIN {
        if let Some((id, lang)) = lesson_file(name) {
            all.entry(id.to_string())
                .or_default()
                .entry(lang.as_str())
                .or_default()
                .push(Found {
                    rank: usize::MAX,
                    text: (*text).to_string(),
                });
        }
    }
    all
}

/// The lesson `id` in `lang` (else in the other language): the highest file that reads, with its rank.
fn best(
    files: &BTreeMap<&'static str, Vec<Found>>,
    id: &str,
    lang: Lang,
) -> Option<(usize, FrontMatter, String)> {
    let other = match lang {
        Lang::Ko => Lang::En,
        Lang::En => Lang::Ko,
    };
    for l in [lang, other] {
        let Some(found) = files.get(l.as_str()) else {
            continue;
        };
        let mut sorted: Vec<&Found> = found.iter().collect();
        sorted.sort_by_key(|f| f.rank);
        for f in sorted {
            // A mentor's file that does not read is not used: the next one (a pack's, else the shipped one) is.
            if let Ok((front, body)) = markdown::split(&format!("{id}.{}.md", l.as_str()), &f.text)
            {
                return Some((f.rank, front, body));
            }
        }
    }
    None
}

fn summary(id: &str, front: FrontMatter) -> LessonSummary {
    LessonSummary {
        id: id.to_string(),
        title: front.title,
        summary: front.summary,
        order: front.order,
        checks: front.checks,
    }
}

/// The lessons in `lang` (the owner's and the packs' files over the shipped ones), by `order`.
pub fn list(overlay: Option<&Overlay>, lang: Lang) -> Vec<LessonSummary> {
    let mut out: Vec<LessonSummary> = gather(overlay)
        .iter()
        .filter_map(|(id, files)| best(files, id, lang).map(|(_, front, _)| summary(id, front)))
        .collect();
    out.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The lesson that explains the coach check `check`: the one from the highest folder when several claim it.
pub fn for_check(overlay: Option<&Overlay>, check: &str, lang: Lang) -> Option<LessonSummary> {
    gather(overlay)
        .iter()
        .filter_map(|(id, files)| best(files, id, lang).map(|(rank, front, _)| (rank, id, front)))
        .filter(|(_, _, front)| front.checks.iter().any(|c| c == check))
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.order.cmp(&b.2.order)))
        .map(|(_, id, front)| summary(id, front))
}

/// One lesson, its drawings as `data:` URLs (looked up in the same folders, then the shipped ones).
pub fn get(overlay: Option<&Overlay>, id: &str, lang: Lang) -> Result<Lesson> {
    let all = gather(overlay);
    let (_, front, body) = all
        .get(id)
        .and_then(|files| best(files, id, lang))
        .ok_or_else(|| {
            CoreError::invalid(
                format!("'{id}' 배우기 글을 찾을 수 없습니다."),
                format!("There is no lesson '{id}'."),
            )
        })?;
    let image = |path: &str| image_data_url(overlay, path);
    let blocks = markdown::blocks(&body, &image);
    Ok(Lesson {
        id: id.to_string(),
        lang,
        title: front.title,
        summary: front.summary,
        order: front.order,
        checks: front.checks,
        blocks,
    })
}

/// A drawing's `data:` URL: `img/<name>` from the owner's or a pack's `lessons/img/`, else the shipped one;
/// `None` when there is none, it is too large or not a drawing we show.
fn image_data_url(overlay: Option<&Overlay>, path: &str) -> Option<String> {
    let name = image_name(path)?;
    let kind = image_type(name)?;
    let from_folders = overlay
        .map(|o| o.files(&format!("{OVERRIDE_FOLDER}/img/{name}")))
        .unwrap_or_default()
        .into_iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() <= MAX_IMAGE_BYTES))
        .filter_map(|p| std::fs::read(p).ok())
        .find(|bytes| image_ok(name, bytes));
    let bytes = from_folders.or_else(|| {
        BUILTIN_IMAGES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.to_vec())
    })?;
    Some(format!(
        "data:{kind};base64,{}",
        crate::repo::shop_profile::base64(&bytes)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_explained_by_exactly_one_shipped_lesson_in_both_languages() {
        for lang in [Lang::Ko, Lang::En] {
            let lessons = list(None, lang);
            for def in crate::coach::checks::ALL {
                let n = lessons
                    .iter()
                    .filter(|l| l.checks.iter().any(|c| c == def.id))
                    .count();
                assert_eq!(n, 1, "check {} is in {n} {lang:?} lessons", def.id);
                assert!(for_check(None, def.id, lang).is_some());
            }
            for l in &lessons {
                for c in &l.checks {
                    assert!(crate::coach::checks::is_check_id(c), "{} names {c}", l.id);
                }
            }
        }
        let ko = list(None, Lang::Ko);
        let en = list(None, Lang::En);
        assert_eq!(ko.len(), en.len());
        for (k, e) in ko.iter().zip(&en) {
            assert_eq!((&k.id, k.order, &k.checks), (&e.id, e.order, &e.checks));
            assert_ne!(k.title, e.title, "{} is not translated", k.id);
        }
    }

    #[test]
    fn every_shipped_lesson_reads_and_draws_its_pictures() {
        for (name, text) in BUILTIN {
            let (id, lang) = lesson_file(name).unwrap();
            let images = check(name, text).unwrap();
            let lesson = get(None, id, lang).unwrap();
            let drawn = lesson
                .blocks
                .iter()
                .filter(|b| matches!(b, LessonBlock::Image { .. }))
                .count();
            assert_eq!(drawn, images.len(), "{name}: a picture is missing");
            assert!(lesson.blocks.len() > 3, "{name}");
        }
        for (name, bytes) in BUILTIN_IMAGES {
            assert!(image_ok(name, bytes), "{name}");
        }
        assert!(!image_ok("x.svg", b"<svg onload=\"alert(1)\"></svg>"));
        assert!(!image_ok("x.svg", b"<svg><script>1</script></svg>"));
        assert!(image_ok("x.svg", b"<svg viewBox=\"0 0 1 1\"><rect/></svg>"));
        assert!(!image_ok("x.png", b"GIF89a"));
    }

    #[test]
    fn a_mentors_lesson_replaces_the_shipped_one_and_a_broken_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let lessons = dir.path().join(OVERRIDE_FOLDER);
        std::fs::create_dir_all(lessons.join("img")).unwrap();
        std::fs::write(
            lessons.join("naver-search.ko.md"),
            "+++\ntitle = \"멘토의 네이버\"\norder = 2\nchecks = [\"tags\"]\n+++\n## 멘토\n\n![x](img/m.svg)\n",
        )
        .unwrap();
        std::fs::write(lessons.join("img").join("m.svg"), "<svg></svg>").unwrap();
        std::fs::write(lessons.join("leak-guard.ko.md"), "no front matter").unwrap();
        let overlay = Overlay::owner_only(dir.path());
        let l = get(Some(&overlay), "naver-search", Lang::Ko).unwrap();
        assert_eq!(l.title, "멘토의 네이버");
        assert!(
            matches!(&l.blocks[1], LessonBlock::Image { data_url, .. } if data_url.starts_with("data:image/svg+xml;base64,"))
        );
        assert_eq!(
            for_check(Some(&overlay), "tags", Lang::Ko).unwrap().id,
            "naver-search"
        );
        assert_ne!(
            get(Some(&overlay), "leak-guard", Lang::Ko).unwrap().title,
            ""
        );
        assert!(get(None, "nothing", Lang::Ko).is_err());
    }
}
