//! Why: a post can leak as surely as a photo: a customer's name, a drawing number or a part number in the
//! title, body, captions or tags. The scan finds them (and the words the owner registered) before export,
//! each with where it is and a safe replacement.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use serde::Serialize;

use crate::repo::clients::Client;
use crate::repo::posts::{Block, Post};

/// Where in the post a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Body,
    Caption,
    Tag,
}

/// What kind of rule matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A customer's name or alias.
    Client,
    /// A drawing or part-number pattern.
    Pattern,
    /// A word the owner registered.
    Word,
}

/// One flagged piece of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub field: Field,
    /// Index into the post's blocks (body and caption findings).
    pub block_index: Option<usize>,
    /// List item (body) or tag index.
    pub item_index: Option<usize>,
    /// UTF-16 offsets into that text (what a JavaScript string index means).
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: FindingKind,
    pub rule_ko: String,
    pub rule_en: String,
    /// A safe replacement for the one-click fix.
    pub suggestion: String,
}

/// What to look for: the customers (names and aliases) and the owner's registered words.
#[derive(Debug, Clone, Default)]
pub struct ScanRules {
    terms: Vec<Term>,
}

#[derive(Debug, Clone)]
struct Term {
    pattern: Regex,
    kind: FindingKind,
    rule_ko: String,
    rule_en: String,
    suggestion: &'static str,
}

/// Shortest name or word searched for: one Hangul syllable or one letter would flag half the text.
const MIN_TERM_CHARS: usize = 2;

fn literal(word: &str) -> Option<Regex> {
    let w = word.trim();
    if w.chars().count() < MIN_TERM_CHARS {
        return None;
    }
    // Spacing does not hide a name: "대한정밀", "대한 정밀" and "대한  정밀" are one name.
    let body = w
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| regex::escape(&c.to_string()))
        .collect::<Vec<_>>()
        .join(r"\s*");
    RegexBuilder::new(&body).case_insensitive(true).build().ok()
}

impl ScanRules {
    /// Rules for these customers and registered words (the built-in patterns always apply).
    pub fn new(clients: &[Client], words: &[String]) -> Self {
        let mut terms = Vec::new();
        for c in clients {
            for (i, name) in std::iter::once(&c.name).chain(&c.aliases).enumerate() {
                if let Some(pattern) = literal(name) {
                    let (ko, en) = if i == 0 {
                        (
                            format!("고객사 이름: {}", c.name),
                            format!("customer name: {}", c.name),
                        )
                    } else {
                        (
                            format!("고객사 '{}'의 다른 이름", c.name),
                            format!("another name of the customer '{}'", c.name),
                        )
                    };
                    terms.push(Term {
                        pattern,
                        kind: FindingKind::Client,
                        rule_ko: ko,
                        rule_en: en,
                        suggestion: "고객사",
                    });
                }
            }
        }
        for w in words {
            if let Some(pattern) = literal(w) {
                terms.push(Term {
                    pattern,
                    kind: FindingKind::Word,
                    rule_ko: format!("등록한 조심 단어: {}", w.trim()),
                    rule_en: format!("a word you registered: {}", w.trim()),
                    suggestion: "○○",
                });
            }
        }
        ScanRules { terms }
    }
}

struct PatternRule {
    regex: Regex,
    ko: &'static str,
    en: &'static str,
}

/// Drawing and part-number patterns, in the words Korean shops and their customers use.
fn patterns() -> &'static [PatternRule] {
    static RULES: OnceLock<Vec<PatternRule>> = OnceLock::new();
    RULES.get_or_init(|| {
        // The number after a keyword, when there is one (it must hold a digit: "P/N is" is not a number).
        let code = r"(?:[\s.:#=-]*[A-Za-z]*[-_]?[0-9][A-Za-z0-9./_-]*)?";
        let rule = |re: String, ko, en| PatternRule {
            regex: Regex::new(&re).expect("built-in pattern"),
            ko,
            en,
        };
        vec![
            rule(
                format!(r"(?i)\b(?:DWG(?:\s*no\b\.?)?|drawing\s*(?:no|number)\b\.?)(?-i){code}"),
                "도면 번호 (DWG)",
                "drawing number (DWG)",
            ),
            rule(
                format!(r"(?i)(?:\bP/N|\bpart\s*(?:no|number)\b\.?)(?-i){code}"),
                "부품 번호 (P/N)",
                "part number (P/N)",
            ),
            rule(
                format!(r"(?:도번|도면\s*번호|품번|부품\s*번호|품목\s*번호){code}"),
                "도면·부품 번호",
                "drawing or part number",
            ),
            // AB-1234-567, K12-3456-A1: three or more letter/digit groups joined by - or _, with a letter
            // first and digits in them (SUS304, S45C, M8 stay clear: one group).
            rule(
                r"\b[A-Z]{1,4}[0-9]{0,4}(?:[-_][A-Z0-9]{2,}){2,}\b".into(),
                "긴 영문·숫자 코드 (품번 형식)",
                "long letter-digit code (part-number form)",
            ),
            // ABC-123456, HX204518: letters then five or more digits.
            rule(
                r"\b[A-Z]{2,4}-?[0-9]{5,}\b".into(),
                "긴 영문·숫자 코드 (품번 형식)",
                "long letter-digit code (part-number form)",
            ),
        ]
    })
}

struct Hit {
    start: usize,
    end: usize,
    kind: FindingKind,
    rule_ko: String,
    rule_en: String,
    suggestion: String,
}

fn hits_in(text: &str, rules: &ScanRules) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    for t in &rules.terms {
        for m in t.pattern.find_iter(text) {
            hits.push(Hit {
                start: m.start(),
                end: m.end(),
                kind: t.kind,
                rule_ko: t.rule_ko.clone(),
                rule_en: t.rule_en.clone(),
                suggestion: t.suggestion.to_string(),
            });
        }
    }
    for p in patterns() {
        for m in p.regex.find_iter(text) {
            let trimmed = m
                .as_str()
                .trim_end_matches(|c: char| c.is_whitespace() || ".-_/".contains(c));
            hits.push(Hit {
                start: m.start(),
                end: m.start() + trimmed.len(),
                kind: FindingKind::Pattern,
                rule_ko: p.ko.into(),
                rule_en: p.en.into(),
                suggestion: "(비공개)".into(),
            });
        }
    }
    // Overlaps: the earliest wins, then the longest; names and words before patterns at the same place.
    hits.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then((a.kind == FindingKind::Pattern).cmp(&(b.kind == FindingKind::Pattern)))
    });
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if h.end > h.start && kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    kept
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn scan_text(
    out: &mut Vec<Finding>,
    text: &str,
    field: Field,
    block_index: Option<usize>,
    item_index: Option<usize>,
    rules: &ScanRules,
) {
    for h in hits_in(text, rules) {
        out.push(Finding {
            field,
            block_index,
            item_index,
            start: utf16_len(&text[..h.start]),
            end: utf16_len(&text[..h.end]),
            text: text[h.start..h.end].to_string(),
            kind: h.kind,
            rule_ko: h.rule_ko,
            rule_en: h.rule_en,
            suggestion: h.suggestion,
        });
    }
}

/// Scans one piece of text (a job title, a file name, …) and returns what it flags.
pub fn scan_str(text: &str, rules: &ScanRules) -> Vec<Finding> {
    let mut out = Vec::new();
    scan_text(&mut out, text, Field::Body, None, None, rules);
    out
}

/// Scans a post's title, body, captions and tags.
pub fn scan_post(post: &Post, rules: &ScanRules) -> Vec<Finding> {
    let mut out = Vec::new();
    scan_text(&mut out, &post.title, Field::Title, None, None, rules);
    for (bi, b) in post.blocks.iter().enumerate() {
        match b {
            Block::Heading { text } | Block::Paragraph { text } => {
                scan_text(&mut out, text, Field::Body, Some(bi), None, rules)
            }
            Block::List { items } => {
                for (ii, item) in items.iter().enumerate() {
                    scan_text(&mut out, item, Field::Body, Some(bi), Some(ii), rules);
                }
            }
            Block::Photo { caption, .. } => {
                scan_text(&mut out, caption, Field::Caption, Some(bi), None, rules)
            }
            // Cells count as list items: row r, column c is item 2r + c.
            Block::Table { rows } => {
                for (ii, cell) in rows.iter().flatten().enumerate() {
                    scan_text(&mut out, cell, Field::Body, Some(bi), Some(ii), rules);
                }
            }
        }
    }
    for (ti, tag) in post.tags.iter().enumerate() {
        scan_text(&mut out, tag, Field::Tag, None, Some(ti), rules);
    }
    out
}

/// The findings whose text the owner has not confirmed (compared without regard to case or spacing).
pub fn unconfirmed<'a>(findings: &'a [Finding], confirmed: &[String]) -> Vec<&'a Finding> {
    let norm = |s: &str| s.split_whitespace().collect::<String>().to_lowercase();
    let confirmed: Vec<String> = confirmed.iter().map(|c| norm(c)).collect();
    findings
        .iter()
        .filter(|f| !confirmed.contains(&norm(&f.text)))
        .collect()
}

/// Replaces every occurrence of `find` in the title, body, captions and tags (tags left empty are dropped).
pub fn replace_in_post(post: &mut Post, find: &str, replacement: &str) -> usize {
    if find.is_empty() {
        return 0;
    }
    let mut count = 0;
    let mut fix = |s: &mut String| {
        let n = s.matches(find).count();
        if n > 0 {
            *s = s.replace(find, replacement);
            count += n;
        }
    };
    fix(&mut post.title);
    for b in &mut post.blocks {
        match b {
            Block::Heading { text } | Block::Paragraph { text } => fix(text),
            Block::List { items } => items.iter_mut().for_each(&mut fix),
            Block::Photo { caption, .. } => fix(caption),
            Block::Table { rows } => rows.iter_mut().flatten().for_each(&mut fix),
        }
    }
    for t in &mut post.tags {
        // Tags are one word: the replacement loses its spaces there.
        let n = t.matches(find).count();
        if n > 0 {
            *t = t.replace(find, &replacement.split_whitespace().collect::<String>());
            count += n;
        }
    }
    post.tags.retain(|t| !t.trim().is_empty());
    count
}

#[cfg(test)]
#[path = "text_scan_tests.rs"]
mod tests;
