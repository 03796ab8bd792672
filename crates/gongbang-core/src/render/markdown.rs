//! Why: Markdown (CommonMark) is what many blog engines import; owner text is escaped so it cannot become
//! links, images or headings by accident.

use super::photo_file_name;
use crate::domain::Block;

/// Escapes text so CommonMark shows it literally.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        // Characters that open a block at the start of a line.
        if trimmed.starts_with(['-', '+', '=', '>']) {
            out.push_str(&line[..line.len() - trimmed.len()]);
            out.push('\\');
            escape_inline(trimmed, &mut out);
            continue;
        }
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
            out.push_str(&line[..line.len() - trimmed.len() + digits]);
            out.push('\\');
            escape_inline(&trimmed[digits..], &mut out);
            continue;
        }
        escape_inline(line, &mut out);
    }
    out
}

fn escape_inline(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// `post.md`: the title as a level-1 heading, then the blocks.
pub fn markdown(title: &str, blocks: &[Block]) -> String {
    let count = blocks
        .iter()
        .filter(|b| matches!(b, Block::Photo { .. }))
        .count();
    let mut parts = vec![format!("# {}", escape(title))];
    let mut n = 0;
    for b in blocks {
        parts.push(match b {
            Block::Heading { text } => format!("## {}", escape(text)),
            Block::Paragraph { text } => text.lines().map(escape).collect::<Vec<_>>().join("  \n"),
            Block::List { items } => items
                .iter()
                .map(|i| format!("- {}", escape(i)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table { rows } => table(rows),
            Block::Photo { caption, .. } => {
                n += 1;
                let alt = if caption.is_empty() {
                    format!("사진 {n}")
                } else {
                    escape(caption)
                };
                let img = format!("![{alt}](photos/{})", photo_file_name(n, count));
                if caption.is_empty() {
                    img
                } else {
                    format!("{img}  \n*{}*", escape(caption))
                }
            }
        });
    }
    let mut md = parts.join("\n\n");
    md.push('\n');
    md
}

/// A pipe table; cells are escaped (`|` included) and kept on one line.
fn table(rows: &[[String; 2]]) -> String {
    let cell = |s: &str| escape_inline_text(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    // The header in the table's language (a pipe table needs one): English when every label is ASCII.
    let header = if rows.iter().all(|[k, _]| k.is_ascii()) {
        "| Item | Value |"
    } else {
        "| 항목 | 내용 |"
    };
    let mut lines = vec![header.to_string(), "| --- | --- |".to_string()];
    lines.extend(
        rows.iter()
            .map(|[k, v]| format!("| {} | {} |", cell(k), cell(v))),
    );
    lines.join("\n")
}

fn escape_inline_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    escape_inline(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_become_markup() {
        assert_eq!(escape("[link](x)"), "\\[link\\](x)");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(escape("공차 ±0.01"), "공차 ±0.01");
    }

    #[test]
    fn photos_point_into_the_folder() {
        let md = markdown(
            "제목",
            &[Block::Photo {
                photo_id: 5,
                caption: "완성".into(),
            }],
        );
        assert!(md.contains("![완성](photos/01.jpg)"), "{md}");
    }

    #[test]
    fn tables_are_pipe_tables_with_escaped_cells() {
        let md = markdown(
            "제목",
            &[Block::Table {
                rows: vec![
                    ["소재".into(), "SUS304".into()],
                    ["메모".into(), "a|b *c*\n둘째".into()],
                ],
            }],
        );
        assert!(
            md.contains(
                "| 항목 | 내용 |\n| --- | --- |\n| 소재 | SUS304 |\n| 메모 | a\\|b \\*c\\* 둘째 |"
            ),
            "{md}"
        );
    }
}
