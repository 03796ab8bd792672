//! Why: a lesson is Markdown a mentor can edit, but the window must never render a pack's HTML; the text is
//! parsed (pulldown-cmark) into a few plain kinds of blocks the window draws itself, and everything else
//! (HTML, links' addresses, tables) is dropped.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::Result;

/// A run of text, bold or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

/// One block of a lesson as the window draws it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum LessonBlock {
    /// `##` (level 2) or `###` (level 3).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        spans: Vec<Span>,
    },
    /// A `-` list: each item its spans.
    List {
        items: Vec<Vec<Span>>,
    },
    /// `![alt](img/x.svg)`: the drawing as a `data:` URL (svg, png or jpeg only).
    #[serde(rename_all = "camelCase")]
    Image {
        alt: String,
        data_url: String,
    },
}

/// What the `+++` front matter says.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub order: u32,
    #[serde(default)]
    pub checks: Vec<String>,
}

fn bad(file: &str, ko: &str, en: &str) -> CoreError {
    CoreError::invalid(
        format!("배우기 글 {file}을(를) 읽을 수 없습니다: {ko}"),
        format!("The lesson {file} cannot be read: {en}"),
    )
}

/// Splits a lesson file into its front matter and its Markdown.
pub fn split(file: &str, src: &str) -> Result<(FrontMatter, String)> {
    let src = src.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let rest = src.strip_prefix("+++\n").ok_or_else(|| {
        bad(
            file,
            "첫 줄이 +++ 이어야 합니다",
            "the first line must be +++",
        )
    })?;
    let (head, body) = match rest.find("\n+++\n") {
        Some(i) => (&rest[..i], &rest[i + 5..]),
        None => match rest.strip_suffix("\n+++") {
            Some(h) => (h, ""),
            None => {
                return Err(bad(
                    file,
                    "머리말을 닫는 +++ 줄이 없습니다",
                    "no +++ line closes the front matter",
                ))
            }
        },
    };
    let front: FrontMatter = toml::from_str(head).map_err(|e| {
        bad(
            file,
            &format!("머리말 형식이 맞지 않습니다 ({e})"),
            &format!("the front matter is not valid ({e})"),
        )
    })?;
    if front.title.trim().is_empty() {
        return Err(bad(
            file,
            "제목(title)이 비어 있습니다",
            "the title is empty",
        ));
    }
    Ok((front, body.to_string()))
}

/// The image addresses a lesson's Markdown uses (`img/x.svg`), in order.
pub fn image_paths(markdown: &str) -> Vec<String> {
    Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// Turns the Markdown into blocks; `image` gives an image address's `data:` URL, or `None` to leave the
/// image out.
pub fn blocks(markdown: &str, image: &dyn Fn(&str) -> Option<String>) -> Vec<LessonBlock> {
    let mut out = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut bold = 0u32;
    let mut heading: Option<u8> = None;
    let mut list_depth = 0u32;
    let mut items: Vec<Vec<Span>> = Vec::new();
    let mut image_alt: Option<(String, String)> = None;
    let push_text = |spans: &mut Vec<Span>, text: &str, bold: bool| {
        if text.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(last) if last.bold == bold => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_string(),
                bold,
            }),
        }
    };
    let flush_paragraph = |spans: &mut Vec<Span>, out: &mut Vec<LessonBlock>| {
        let trimmed = trim_spans(std::mem::take(spans));
        if !trimmed.is_empty() {
            out.push(LessonBlock::Paragraph { spans: trimmed });
        }
    };
    for event in Parser::new(markdown) {
        if let Some((dest, alt)) = image_alt.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    let (dest, alt) = (dest.clone(), alt.trim().to_string());
                    image_alt = None;
                    if let Some(data_url) = image(&dest) {
                        if list_depth == 0 && heading.is_none() {
                            flush_paragraph(&mut spans, &mut out);
                        }
                        out.push(LessonBlock::Image { alt, data_url });
                    }
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush_paragraph(&mut spans, &mut out);
                heading = Some(if level <= HeadingLevel::H2 { 2 } else { 3 });
            }
            Event::End(TagEnd::Heading(_)) => {
                let text: String = std::mem::take(&mut spans)
                    .into_iter()
                    .map(|s| s.text)
                    .collect();
                let text = text.trim().to_string();
                if !text.is_empty() {
                    out.push(LessonBlock::Heading {
                        level: heading.unwrap_or(2),
                        text,
                    });
                }
                heading = None;
            }
            Event::Start(Tag::List(_)) => {
                if list_depth == 0 {
                    flush_paragraph(&mut spans, &mut out);
                }
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                if list_depth == 0 {
                    let done: Vec<Vec<Span>> = std::mem::take(&mut items)
                        .into_iter()
                        .filter(|i| !i.is_empty())
                        .collect();
                    if !done.is_empty() {
                        out.push(LessonBlock::List { items: done });
                    }
                }
            }
            Event::Start(Tag::Item) => {
                let item = trim_spans(std::mem::take(&mut spans));
                if !item.is_empty() {
                    items.push(item);
                }
            }
            Event::End(TagEnd::Item) => {
                let item = trim_spans(std::mem::take(&mut spans));
                if !item.is_empty() {
                    items.push(item);
                }
            }
            Event::Start(Tag::Paragraph) if list_depth > 0 && !spans.is_empty() => {
                push_text(&mut spans, " ", bold > 0);
            }
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::BlockQuote(_))
                if list_depth == 0 =>
            {
                flush_paragraph(&mut spans, &mut out);
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Image { dest_url, .. }) => {
                image_alt = Some((dest_url.to_string(), String::new()));
            }
            Event::Text(t) | Event::Code(t) => push_text(&mut spans, &t, bold > 0),
            Event::SoftBreak | Event::HardBreak => push_text(&mut spans, " ", bold > 0),
            // HTML, footnotes, rules, task markers: never shown.
            _ => {}
        }
    }
    flush_paragraph(&mut spans, &mut out);
    out
}

/// Spans without leading and trailing white space and without empty runs.
fn trim_spans(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_blocks_and_html_is_dropped() {
        let md = "## 빛\n\n밝은 곳에서 **꼭** 찍으세요.\n<script>alert(1)</script>\n\n- 하나\n- **둘** 셋\n\n![그림](img/a.svg)\n\n### 작은 제목\n\n[링크](https://x.example) 글\n";
        let b = blocks(md, &|p: &str| {
            (p == "img/a.svg").then(|| "data:image/svg+xml;base64,AA==".to_string())
        });
        assert_eq!(
            b[0],
            LessonBlock::Heading {
                level: 2,
                text: "빛".into()
            }
        );
        let LessonBlock::Paragraph { spans } = &b[1] else {
            panic!("{b:?}")
        };
        assert_eq!(
            spans[1],
            Span {
                text: "꼭".into(),
                bold: true
            }
        );
        assert!(!format!("{b:?}").contains("script"), "{b:?}");
        let LessonBlock::List { items } = &b[2] else {
            panic!("{b:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[1][0].text, "둘");
        assert!(matches!(&b[3], LessonBlock::Image { alt, .. } if alt == "그림"));
        assert!(matches!(&b[4], LessonBlock::Heading { level: 3, .. }));
        assert!(!format!("{b:?}").contains("https"), "{b:?}");
        let (front, body) = split(
            "a.ko.md",
            "+++\r\ntitle = \"t\"\r\norder = 1\r\nchecks = [\"tags\"]\r\n+++\r\n## h\r\n",
        )
        .unwrap();
        assert_eq!(front.checks, ["tags"]);
        assert_eq!(body, "## h\n");
        assert!(split("a.ko.md", "## no front matter").is_err());
        assert!(split("a.ko.md", "+++\ntitle=\"t\"\n").is_err());
    }
}
