//! Why: HTML is where owner text could turn into markup; it is rendered by templates with autoescaping,
//! so titles, captions and EXIF-derived text always stay text.

use minijinja::{AutoEscape, Environment};
use serde::Serialize;

use super::photo_file_name;
use crate::domain::Block;
use crate::Result;

const SOURCES: &[(&str, &str)] = &[
    (
        "article_blocks.html.j2",
        include_str!("../../../../assets/templates/article_blocks.html.j2"),
    ),
    (
        "naver_preview.html.j2",
        include_str!("../../../../assets/templates/naver_preview.html.j2"),
    ),
    (
        "article.html.j2",
        include_str!("../../../../assets/templates/article.html.j2"),
    ),
];

#[derive(Serialize)]
struct BlockView {
    kind: &'static str,
    text: String,
    lines: Vec<String>,
    items: Vec<String>,
    src: String,
    alt: String,
    caption: String,
    rows: Vec<[String; 2]>,
}

fn views(blocks: &[Block]) -> Vec<BlockView> {
    let count = blocks
        .iter()
        .filter(|b| matches!(b, Block::Photo { .. }))
        .count();
    let mut n = 0;
    let empty = |kind| BlockView {
        kind,
        text: String::new(),
        lines: Vec::new(),
        items: Vec::new(),
        src: String::new(),
        alt: String::new(),
        caption: String::new(),
        rows: Vec::new(),
    };
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text } => BlockView {
                text: text.clone(),
                ..empty("heading")
            },
            Block::Paragraph { text } => BlockView {
                lines: text.lines().map(str::to_string).collect(),
                ..empty("paragraph")
            },
            Block::List { items } => BlockView {
                items: items.clone(),
                ..empty("list")
            },
            Block::Table { rows } => BlockView {
                rows: rows.clone(),
                ..empty("table")
            },
            Block::Photo { caption, .. } => {
                n += 1;
                BlockView {
                    src: format!("photos/{}", photo_file_name(n, count)),
                    alt: if caption.is_empty() {
                        format!("사진 {n}")
                    } else {
                        caption.clone()
                    },
                    caption: caption.clone(),
                    ..empty("photo")
                }
            }
        })
        .collect()
}

fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.contains(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    for (name, src) in SOURCES {
        env.add_template(name, src)?;
    }
    Ok(env)
}

/// `post.html` of the Naver package: a blog-like preview with photos from `photos/`.
pub fn naver_preview_html(
    title: &str,
    blocks: &[Block],
    tags: &[String],
    date: &str,
) -> Result<String> {
    let env = environment()?;
    Ok(env
        .get_template("naver_preview.html.j2")?
        .render(minijinja::context! {
            title, blocks => views(blocks), tags, date,
        })?)
}

/// `post.html` of the Tistory/WordPress package: clean HTML.
pub fn article_html(title: &str, blocks: &[Block]) -> Result<String> {
    let env = environment()?;
    Ok(env
        .get_template("article.html.j2")?
        .render(minijinja::context! { title, blocks => views(blocks) })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        let evil = "<img src=x onerror=alert(1)>";
        let blocks = vec![
            Block::Paragraph { text: evil.into() },
            Block::Photo {
                photo_id: 1,
                caption: evil.into(),
            },
            Block::Table {
                rows: vec![["소재".into(), evil.into()]],
            },
        ];
        for html in [
            naver_preview_html(evil, &blocks, &[evil.to_string()], "2026-11-27").unwrap(),
            article_html(evil, &blocks).unwrap(),
        ] {
            assert!(!html.contains("<img src=x"), "{html}");
            assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
            assert!(html.contains("src=\"photos/01.jpg\""));
            assert!(
                html.contains("<tr><th>소재</th><td>&lt;img src=x onerror=alert(1)&gt;</td></tr>"),
                "{html}"
            );
        }
    }
}
