//! Why: Naver's SmartEditor ONE takes text by paste and photos by drag-and-drop, so the body is plain text
//! with `[사진 N]` markers exactly where photo N goes.

use crate::domain::Block;

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
            Block::Table { rows } => table_lines(rows),
        });
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

/// "항목: 값" lines, the values aligned (Hangul counts as two columns, as in the editor's font).
fn table_lines(rows: &[[String; 2]]) -> String {
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
            .sum()
    };
    let key_width = rows.iter().map(|[k, _]| width(k.trim())).max().unwrap_or(0);
    rows.iter()
        .map(|[k, v]| {
            let k = k.trim();
            let pad = " ".repeat(key_width - width(k));
            format!("{k}{pad} : {}", v.trim())
        })
        .collect::<Vec<_>>()
        .join("\n")
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

    #[test]
    fn tables_are_aligned_lines() {
        let rows = vec![
            ["소재".to_string(), "SUS304".to_string()],
            ["공차".to_string(), "±0.01".to_string()],
            ["Ra".to_string(), "0.8".to_string()],
        ];
        assert_eq!(
            naver_body(&[Block::Table { rows }]),
            "소재 : SUS304\n공차 : ±0.01\nRa   : 0.8\n"
        );
    }
}
