//! Why: templates write plain lines; this turns them into the post's blocks (headings, paragraphs, lists,
//! photos), so templates stay editable by non-programmers.

use crate::repo::photos::Photo;
use crate::repo::posts::Block;

/// Parses template output (see assets/templates/README.md) into blocks. `[[photo N]]` refers to the
/// N-th of `photos`; unknown numbers are dropped.
pub fn parse(text: &str, photos: &[Photo]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
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
                let caption = if p.caption.is_empty() {
                    p.role.map(|r| r.label_ko().to_string()).unwrap_or_default()
                } else {
                    p.caption.clone()
                };
                blocks.push(Block::Photo {
                    photo_id: p.id,
                    caption,
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
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_blocks() {
        let text = "첫 줄\n둘째 줄\n\n## 사양\n- 소재: SUS304\n- 공정: CNC 선반\n\n[[photo 1]]\n[[photo 9]]\n끝";
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
                Block::Paragraph { text: "끝".into() },
            ]
        );
    }
}
