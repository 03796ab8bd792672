//! Why: the checks and fixes read a post's text the same way: which blocks hold words, how long the text
//! is, and whether the keyword's words are in a piece of text.

use crate::domain::Block;

/// Every word the reader sees in the body (headings, paragraphs, lists, tables, captions), block by block.
pub fn block_texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text } | Block::Paragraph { text } => text.clone(),
            Block::List { items } => items.join("\n"),
            Block::Table { rows } => rows
                .iter()
                .map(|[k, v]| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Photo { caption, .. } => caption.clone(),
        })
        .collect()
}

/// Characters of text, spaces counted and line breaks not (as Naver's editor counts "공백 포함").
pub fn char_count(blocks: &[Block]) -> usize {
    block_texts(blocks)
        .iter()
        .map(|t| t.chars().filter(|c| *c != '\n' && *c != '\r').count())
        .sum()
}

/// Whether every one of `parts` is in `text` (ASCII letters compared without case). False for no parts.
pub fn has_all(text: &str, parts: &[String]) -> bool {
    let text = text.to_lowercase();
    !parts.is_empty() && parts.iter().all(|p| text.contains(&p.to_lowercase()))
}

/// The first paragraph's text, if the post has one.
pub fn first_paragraph(blocks: &[Block]) -> Option<(usize, &str)> {
    blocks.iter().enumerate().find_map(|(i, b)| match b {
        Block::Paragraph { text } => Some((i, text.as_str())),
        _ => None,
    })
}

/// The first `n` characters.
pub fn head(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}
