//! Why: templates write plain lines; this turns them into the post's blocks (headings, paragraphs, lists,
//! photos), so templates stay editable by non-programmers.

use super::Lang;
use crate::domain::Block;
use crate::domain::Photo;

/// Parses template output (see assets/templates/README.md) into blocks. `[[photo N]]` refers to the
/// N-th of `photos`; unknown numbers are dropped. Photos get a caption always (Korean fallbacks).
pub fn parse(text: &str, photos: &[Photo]) -> Vec<Block> {
    parse_in(text, photos, Lang::Ko)
}

/// A photo's caption in a draft: the owner's caption, else its role, else a generic one.
pub fn photo_caption(p: &Photo, lang: Lang) -> String {
    let caption = p.caption.trim();
    if !caption.is_empty() {
        caption.to_string()
    } else if let Some(role) = p.role {
        role_label(role, lang).to_string()
    } else {
        lang.pick("가공 과정", "Machining step").to_string()
    }
}

/// A photo role's word in the draft's language.
pub fn role_label(role: crate::PhotoRole, lang: Lang) -> &'static str {
    use crate::PhotoRole::{Finished, InProcess, Machine, Measured, Stock};
    match lang {
        Lang::Ko => role.label_ko(),
        Lang::En => match role {
            Stock => "Stock material",
            InProcess => "In process",
            Finished => "Finished part",
            Measured => "Measured",
            Machine => "The machine",
        },
    }
}

/// [`parse`] with the generic captions in `lang`.
pub fn parse_in(text: &str, photos: &[Photo], lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut rows: Vec<[String; 2]> = Vec::new();
    let flush_rows = |blocks: &mut Vec<Block>, rows: &mut Vec<[String; 2]>| {
        if !rows.is_empty() {
            blocks.push(Block::Table {
                rows: std::mem::take(rows),
            });
        }
    };
    let flush = |blocks: &mut Vec<Block>, para: &mut Vec<&str>, list: &mut Vec<String>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph {
                text: para.join("\n"),
            });
            para.clear();
        }
        if !list.is_empty() {
            blocks.push(Block::List {
                items: std::mem::take(list),
            });
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if let Some(row) = table_row(line) {
            flush(&mut blocks, &mut para, &mut list);
            rows.push(row);
            continue;
        }
        flush_rows(&mut blocks, &mut rows);
        if line.is_empty() {
            flush(&mut blocks, &mut para, &mut list);
        } else if let Some(h) = line.strip_prefix("## ") {
            flush(&mut blocks, &mut para, &mut list);
            blocks.push(Block::Heading {
                text: h.trim().to_string(),
            });
        } else if let Some(n) = line
            .strip_prefix("[[photo ")
            .and_then(|r| r.strip_suffix("]]"))
        {
            flush(&mut blocks, &mut para, &mut list);
            let photo = n
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| photos.get(i));
            if let Some(p) = photo {
                blocks.push(Block::Photo {
                    photo_id: p.id,
                    caption: photo_caption(p, lang),
                });
            }
        } else if let Some(item) = line.strip_prefix("- ") {
            if !para.is_empty() {
                flush(&mut blocks, &mut para, &mut Vec::new());
            }
            list.push(item.trim().to_string());
        } else {
            if !list.is_empty() {
                flush(&mut blocks, &mut Vec::new(), &mut list);
            }
            para.push(line);
        }
    }
    flush(&mut blocks, &mut para, &mut list);
    flush_rows(&mut blocks, &mut rows);
    blocks
}

/// `| 소재 | SUS304 |` → ["소재", "SUS304"] (the value may hold anything but the ` | ` separator's first use).
fn table_row(line: &str) -> Option<[String; 2]> {
    let inner = line.strip_prefix("| ")?;
    let inner = inner.strip_suffix(" |").unwrap_or(inner);
    let (k, v) = inner.split_once(" | ")?;
    Some([k.trim().to_string(), v.trim().to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_blocks() {
        let text = "첫 줄\n둘째 줄\n\n## 사양\n- 소재: SUS304\n- 공정: CNC 선반\n| 공차 | ±0.01 |\n| 메모 | a | b |\n\n[[photo 1]]\n[[photo 9]]\n끝";
        let blocks = parse(text, &[]);
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    text: "첫 줄\n둘째 줄".into()
                },
                Block::Heading {
                    text: "사양".into()
                },
                Block::List {
                    items: vec!["소재: SUS304".into(), "공정: CNC 선반".into()]
                },
                Block::Table {
                    rows: vec![
                        ["공차".into(), "±0.01".into()],
                        ["메모".into(), "a | b".into()]
                    ]
                },
                Block::Paragraph { text: "끝".into() },
            ]
        );
    }
}
