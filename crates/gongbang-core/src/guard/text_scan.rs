//! Why: a post can leak as surely as a photo: a customer's name, a drawing number or a part number in the
//! title, body, captions, table cells or tags, however it is spelled (`crate::spelling`). The scan finds them
//! (and the words the owner registered) before export, each with where it is — offsets into the owner's own
//! text, so the one-click replace works on what was written — and a safe replacement.

use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::domain::Client;
use crate::domain::{Block, Post};

use crate::spelling::{compare_key, name_key, Folded, Skeleton};

/// Where in the post a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Body,
    Caption,
    Tag,
}

/// What kind of rule matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
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
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub field: Field,
    /// Index into the post's blocks (body and caption findings).
    pub block_index: Option<usize>,
    /// List item (body) or tag index.
    pub item_index: Option<usize>,
    /// Table cell (body): row and column (0 the label, 1 the value).
    pub row: Option<usize>,
    pub column: Option<usize>,
    /// UTF-16 offsets into that text (what a JavaScript string index means).
    pub start: usize,
    pub end: usize,
    /// The owner's own text at those offsets, however it is spelled (what the one-click replace replaces).
    pub text: String,
    pub kind: FindingKind,
    pub rule_ko: String,
    pub rule_en: String,
    /// A safe replacement for the one-click fix.
    pub suggestion: String,
}

/// One flagged piece of one text, not yet placed in a post: UTF-16 offsets into that text and its original
/// substring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: FindingKind,
    pub rule_ko: String,
    pub rule_en: String,
    pub suggestion: String,
}

impl Match {
    /// This match as a finding at that place of a post.
    pub fn at(
        self,
        field: Field,
        block_index: Option<usize>,
        item_index: Option<usize>,
    ) -> Finding {
        Finding {
            field,
            block_index,
            item_index,
            row: None,
            column: None,
            start: self.start,
            end: self.end,
            text: self.text,
            kind: self.kind,
            rule_ko: self.rule_ko,
            rule_en: self.rule_en,
            suggestion: self.suggestion,
        }
    }

    /// This match as a finding in cell (`row`, `column`) of the table that is block `block_index`.
    pub fn in_cell(self, block_index: usize, row: usize, column: usize) -> Finding {
        Finding {
            row: Some(row),
            column: Some(column),
            ..self.at(Field::Body, Some(block_index), None)
        }
    }
}

/// What to look for: the customers (names and aliases) and the owner's registered words.
#[derive(Debug, Clone, Default)]
pub struct ScanRules {
    terms: Vec<Term>,
}

#[derive(Debug, Clone)]
struct Term {
    /// The name folded, separators left out (searched in the text's [`Skeleton`]).
    key: String,
    /// Searched in the folded text as is, separators included (a word that is mostly punctuation: "C++").
    keeps_separators: bool,
    /// The name begins / ends with a Latin letter or digit: it does not match inside a longer Latin word
    /// ("DH" is not flagged in "and how").
    ascii_start: bool,
    ascii_end: bool,
    /// The name's own separators before its first and after its last letter, folded ("<" and ")>" of
    /// "<img …(1)>"): taken into the finding when the text has them too, so a replace leaves nothing.
    lead: Vec<char>,
    trail: Vec<char>,
    kind: FindingKind,
    rule_ko: String,
    rule_en: String,
    suggestion: &'static str,
}

/// Shortest name or word searched for: one Hangul syllable or one letter would flag half the text.
const MIN_TERM_CHARS: usize = 2;

/// The separators a name begins and ends with, folded (empty for most names).
fn name_edges(word: &str) -> (Vec<char>, Vec<char>) {
    let folded = Folded::new(word.trim(), false);
    let skeleton = Skeleton::new(&folded);
    let chars: Vec<char> = folded.chars.iter().map(|f| f.c).collect();
    match (skeleton.index.first(), skeleton.index.last()) {
        (Some(&first), Some(&last)) => (chars[..first].to_vec(), chars[last + 1..].to_vec()),
        _ => (Vec::new(), Vec::new()),
    }
}

/// Widens a match (folded characters `a..z`) over the name's own edge separators where the text has
/// exactly them.
fn widen(folded: &Folded, (a, z): (usize, usize), lead: &[char], trail: &[char]) -> (usize, usize) {
    let has = |from: usize, want: &[char]| {
        folded
            .chars
            .get(from..from + want.len())
            .is_some_and(|got| got.iter().map(|f| f.c).eq(want.iter().copied()))
    };
    let a = match a.checked_sub(lead.len()) {
        Some(b) if !lead.is_empty() && has(b, lead) => b,
        _ => a,
    };
    let z = if !trail.is_empty() && has(z, trail) {
        z + trail.len()
    } else {
        z
    };
    (a, z)
}

/// How a name or word is searched for, or `None` when it is too short to search.
fn term_key(word: &str) -> Option<(String, bool)> {
    // Spacing, dots, dashes and invisible characters do not hide a name: "대한정밀", "대한 정밀",
    // "대한-정밀" and "대한\u{200B}정밀" are one name.
    let (key, keeps_separators) = compare_key(word);
    (key.chars().count() >= MIN_TERM_CHARS).then_some((key, keeps_separators))
}

impl ScanRules {
    /// Rules for these customers and registered words (the built-in patterns always apply).
    pub fn new(clients: &[Client], words: &[String]) -> Self {
        let mut terms = Vec::new();
        let mut push = |word: &str, kind, rule_ko, rule_en, suggestion| {
            if let Some((key, keeps_separators)) = term_key(word) {
                let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                let (lead, trail) = if keeps_separators {
                    (Vec::new(), Vec::new())
                } else {
                    name_edges(word)
                };
                terms.push(Term {
                    lead,
                    trail,
                    ascii_start: ascii(key.chars().next()),
                    ascii_end: ascii(key.chars().last()),
                    key,
                    keeps_separators,
                    kind,
                    rule_ko,
                    rule_en,
                    suggestion,
                });
            }
        };
        for c in clients {
            for (i, name) in std::iter::once(&c.name).chain(&c.aliases).enumerate() {
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
                push(name, FindingKind::Client, ko, en, "고객사");
            }
        }
        for w in words {
            push(
                w,
                FindingKind::Word,
                format!("등록한 조심 단어: {}", w.trim()),
                format!("a word you registered: {}", w.trim()),
                "○○",
            );
        }
        ScanRules { terms }
    }

    /// Scans one text (a title, a paragraph, a table cell, a line of a file): what it flags, in order and
    /// without overlaps, each with UTF-16 offsets into `text` and the owner's original spelling.
    pub fn scan_text(&self, text: &str) -> Vec<Match> {
        hits_in(text, self)
            .into_iter()
            .map(|h| Match {
                start: utf16_len(&text[..h.start]),
                end: utf16_len(&text[..h.end]),
                text: text[h.start..h.end].to_string(),
                kind: h.kind,
                rule_ko: h.rule_ko,
                rule_en: h.rule_en,
                suggestion: h.suggestion,
            })
            .collect()
    }
}

struct PatternRule {
    regex: Regex,
    ko: &'static str,
    en: &'static str,
    /// A code form, not a keyword: written in small letters it is left alone where it may be ordinary
    /// lower-case text — without a digit ("state-of-the-art"), or inside an e-mail address or web address
    /// (the shop's own contact lines: "kim12345@naver.com").
    bare_code: bool,
}

/// Whether the word around folded bytes `a..z` is an e-mail or web address.
#[allow(
    clippy::expect_used,
    reason = "a built-in pattern; the text-scan tests compile it"
)]
fn in_address(folded: &str, a: usize, z: usize) -> bool {
    static ADDRESS: OnceLock<Regex> = OnceLock::new();
    let re = ADDRESS.get_or_init(|| {
        Regex::new(r"@|://|(?-u:\b)www\.|\.(?:com|net|org|kr|co|io|me|biz|info|shop)(?-u:\b)")
            .expect("built-in pattern")
    });
    let from = folded[..a].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let to = folded[z..]
        .find(char::is_whitespace)
        .map_or(folded.len(), |i| z + i);
    re.is_match(&folded[from..to])
}

/// Drawing and part-number patterns, in the words Korean shops and their customers use. They run on the
/// folded text (lower case, fullwidth and other dashes folded); `(?-u:\b)` is a boundary between a Latin
/// letter or digit and anything else, so a code ends where a Korean particle begins (`HX204518을`).
#[allow(
    clippy::expect_used,
    reason = "built-in patterns; the text-scan tests compile every one"
)]
fn patterns() -> &'static [PatternRule] {
    static RULES: OnceLock<Vec<PatternRule>> = OnceLock::new();
    RULES.get_or_init(|| {
        // The number after a keyword, when there is one (it must hold a digit: "P/N is" is not a number).
        let code = r"(?:[\s.:#=-]*[a-z]*[-_]?[0-9][a-z0-9./_-]*)?";
        let b = r"(?-u:\b)";
        let rule = |re: String, ko, en, bare_code| PatternRule {
            regex: Regex::new(&re).expect("built-in pattern"),
            ko,
            en,
            bare_code,
        };
        vec![
            rule(
                format!(r"{b}(?:dwg(?:\s*no{b}\.?)?|drawing\s*(?:no|number){b}\.?){code}"),
                "도면 번호 (DWG)",
                "drawing number (DWG)",
                false,
            ),
            rule(
                format!(r"(?:{b}p/n|{b}part\s*(?:no|number){b}\.?){code}"),
                "부품 번호 (P/N)",
                "part number (P/N)",
                false,
            ),
            rule(
                format!(r"(?:도번|도면\s*번호|품번|부품\s*번호|품목\s*번호){code}"),
                "도면·부품 번호",
                "drawing or part number",
                false,
            ),
            // AB-1234-567, K12-3456-A1: three or more letter/digit groups joined by - or _, with a letter
            // first and digits in them (SUS304, S45C, M8 stay clear: one group).
            rule(
                format!(r"{b}[a-z]{{1,4}}[0-9]{{0,4}}(?:[-_][a-z0-9]{{2,}}){{2,}}{b}"),
                "긴 영문·숫자 코드 (품번 형식)",
                "long letter-digit code (part-number form)",
                true,
            ),
            // ABC-123456, HX204518: letters then five or more digits.
            rule(
                format!(r"{b}[a-z]{{2,4}}-?[0-9]{{5,}}{b}"),
                "긴 영문·숫자 코드 (품번 형식)",
                "long letter-digit code (part-number form)",
                true,
            ),
        ]
    })
}

/// A hit: byte offsets into the original text.
struct Hit {
    start: usize,
    end: usize,
    kind: FindingKind,
    rule_ko: String,
    rule_en: String,
    suggestion: String,
}

/// Every start (byte offset) of `needle` in `hay`, overlapping ones included.
fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        out.push(from + i);
        from += i + hay[from + i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Text laid out right to left by force (U+202E): "\u{202E}밀정한대" shows as "대한정밀".
const RIGHT_TO_LEFT_OVERRIDE: char = '\u{202E}';

fn term_hits(
    hits: &mut Vec<Hit>,
    folded: &Folded,
    skeleton: &Skeleton,
    rules: &ScanRules,
    mirrored: bool,
) {
    let latin = |i: Option<usize>| {
        i.and_then(|i| folded.chars.get(i))
            .is_some_and(|f| f.c.is_ascii_alphanumeric())
    };
    for t in &rules.terms {
        let backwards: String = t.key.chars().rev().collect();
        let mut keys = vec![(t.key.as_str(), t.ascii_start, t.ascii_end)];
        if mirrored && backwards != t.key {
            keys.push((backwards.as_str(), t.ascii_end, t.ascii_start));
        }
        for (key, ascii_start, ascii_end) in keys {
            // Each match as a range of folded characters.
            let ranges: Vec<(usize, usize)> = if t.keeps_separators {
                find_all(&folded.text, key)
                    .into_iter()
                    .map(|b| (folded.char_at(b), folded.char_at(b + key.len())))
                    .collect()
            } else {
                find_all(&skeleton.text, key)
                    .into_iter()
                    .map(|b| {
                        let (i, j) = (skeleton.char_at(b), skeleton.char_at(b + key.len()));
                        let range = (skeleton.index[i], skeleton.index[j - 1] + 1);
                        if key == t.key {
                            widen(folded, range, &t.lead, &t.trail)
                        } else {
                            range
                        }
                    })
                    .collect()
            };
            for (a, z) in ranges {
                if (ascii_start && latin(a.checked_sub(1))) || (ascii_end && latin(Some(z))) {
                    continue;
                }
                let (start, end) = folded.original(a, z);
                hits.push(Hit {
                    start,
                    end,
                    kind: t.kind,
                    rule_ko: t.rule_ko.clone(),
                    rule_en: t.rule_en.clone(),
                    suggestion: t.suggestion.to_string(),
                });
            }
        }
    }
}

fn hits_in(text: &str, rules: &ScanRules) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    // Names twice: as composed, and with loose consonants read as final ones ("대하ㄴ" is "대한", but
    // "블루호크ㅋㅋ" still holds "블루호크").
    let folded = Folded::new(text, false);
    let mirrored = text.contains(RIGHT_TO_LEFT_OVERRIDE);
    for f in [&folded, &Folded::new(text, true)] {
        term_hits(&mut hits, f, &Skeleton::new(f), rules, mirrored);
    }
    for p in patterns() {
        for m in p.regex.find_iter(&folded.text) {
            let trimmed = m
                .as_str()
                .trim_end_matches(|c: char| c.is_whitespace() || ".-_/".contains(c));
            if trimmed.is_empty() {
                continue;
            }
            let (a, z) = (
                folded.char_at(m.start()),
                folded.char_at(m.start() + trimmed.len()),
            );
            let (start, end) = folded.original(a, z);
            if p.bare_code
                && text[start..end].chars().any(char::is_lowercase)
                && (!trimmed.contains(|c: char| c.is_ascii_digit())
                    || in_address(&folded.text, m.start(), m.start() + trimmed.len()))
            {
                continue;
            }
            hits.push(Hit {
                start,
                end,
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

/// Scans one piece of text (a job title, a file name, …) and returns what it flags.
pub fn scan_str(text: &str, rules: &ScanRules) -> Vec<Finding> {
    rules
        .scan_text(text)
        .into_iter()
        .map(|m| m.at(Field::Body, None, None))
        .collect()
}

/// Scans a post's title, body, captions, table cells and tags.
pub fn scan_post(post: &Post, rules: &ScanRules) -> Vec<Finding> {
    let mut out = Vec::new();
    let scan = |text: &str, field, block: Option<usize>, item: Option<usize>| {
        let found = rules.scan_text(text).into_iter();
        found.map(move |m| m.at(field, block, item))
    };
    out.extend(scan(&post.title, Field::Title, None, None));
    for (bi, b) in post.blocks.iter().enumerate() {
        match b {
            Block::Heading { text } | Block::Paragraph { text } => {
                out.extend(scan(text, Field::Body, Some(bi), None));
            }
            Block::List { items } => {
                for (ii, item) in items.iter().enumerate() {
                    out.extend(scan(item, Field::Body, Some(bi), Some(ii)));
                }
            }
            Block::Photo { caption, .. } => {
                out.extend(scan(caption, Field::Caption, Some(bi), None));
            }
            Block::Table { rows } => {
                for (r, row) in rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        let found = rules.scan_text(cell).into_iter();
                        out.extend(found.map(|m| m.in_cell(bi, r, c)));
                    }
                }
            }
        }
    }
    for (ti, tag) in post.tags.iter().enumerate() {
        out.extend(scan(tag, Field::Tag, None, Some(ti)));
    }
    out
}

/// The findings whose text the owner has not confirmed, compared as the scan reads them (case, spacing,
/// separators and invisible characters aside: `--confirm 대한정밀` covers "대한\u{200B}정밀", which no one can
/// type on a command line).
pub fn unconfirmed<'a>(findings: &'a [Finding], confirmed: &[String]) -> Vec<&'a Finding> {
    let confirmed: Vec<String> = confirmed
        .iter()
        .map(|c| name_key(c))
        .filter(|k| !k.is_empty())
        .collect();
    findings
        .iter()
        .filter(|f| !confirmed.contains(&name_key(&f.text)))
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
