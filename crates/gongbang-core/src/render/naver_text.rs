//! Why: Naver's SmartEditor ONE takes text by paste and photos by drag-and-drop, so the body is plain text
//! with `[사진 N]` markers exactly where photo N goes.

use crate::repo::posts::Block;

/// The body as pasteable text.
pub fn naver_body(blocks: &[Block]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut n = 0;
    for b in blocks {
        out.push(match b {
            Block::Heading { text } => format!("■ {text}"),
            Block::Paragraph { text } => text.clone(),
            Block::Photo { caption, .. } => {
                n += 1;
                if caption.is_empty() {
                    format!("[사진 {n}]")
                } else {
                    format!("[사진 {n}]\n{caption}")
                }
            }
            Block::List { items } => items
                .iter()
                .map(|i| format!("· {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_numbered_markers() {
        let blocks = vec![
            Block::Paragraph {
                text: "안녕하세요".into(),
            },
            Block::Photo {
                photo_id: 7,
                caption: "소재".into(),
            },
            Block::Photo {
                photo_id: 3,
                caption: String::new(),
            },
        ];
        assert_eq!(
            naver_body(&blocks),
            "안녕하세요\n\n[사진 1]\n소재\n\n[사진 2]\n"
        );
    }
}
