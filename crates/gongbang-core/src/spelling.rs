//! Why: a name hides in plain sight when it is spelled another way — fullwidth `ＤＨ`, a zero-width space
//! inside `대한정밀`, `대한-정밀`, `D.H.`, Cyrillic look-alikes, Hangul typed as loose jamo. The scan compares
//! a folded copy of the text (NFKC's compatibility folding, accents and other marks dropped, invisible
//! characters removed, lower case, look-alikes folded, Hangul jamo composed into syllables) and keeps, for
//! every folded character, the bytes of the owner's text it came from, so a finding still points at what the
//! owner wrote. Customer names are compared the same way, so two customers are one when the scan would read
//! them as one name.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Longest run of characters normalised together (a base and its marks); bounds the work on odd input.
const MAX_SEGMENT_CHARS: usize = 32;

/// One character of the folded text and the byte range of the original it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoldedChar {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// A folded text with a map back to the original: `chars[i]` is the `i`-th character of `text`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Folded {
    pub chars: Vec<FoldedChar>,
    pub text: String,
    /// Byte offset in `text` of each character.
    byte_starts: Vec<usize>,
}

impl Folded {
    /// Folds `s`. With `finals`, a loose consonant after an open syllable becomes its final consonant
    /// (`대하ㄴ` reads `대한`, as someone typing jamo one by one means it).
    pub fn new(s: &str, finals: bool) -> Self {
        let mut chars = Vec::with_capacity(s.len());
        for (a, b) in segments(s) {
            // NFKD: the compatibility folding of NFKC with every letter apart from its marks; Hangul is
            // composed again below (with the jamo NFKC would leave apart).
            for n in s[a..b].nfkd() {
                // Marks over or around a letter (accents, a strike-through over each letter, a keycap) do
                // not change which letters are written.
                if is_invisible(n) || canonical_combining_class(n) != 0 || is_enclosing_mark(n) {
                    continue;
                }
                let n = if is_dash(n) { '-' } else { n };
                for l in n.to_lowercase() {
                    chars.push(FoldedChar {
                        c: look_alike(l),
                        start: a,
                        end: b,
                    });
                }
            }
        }
        Self::from_chars(compose_jamo(chars, finals))
    }

    fn from_chars(chars: Vec<FoldedChar>) -> Self {
        let mut text = String::with_capacity(chars.len() * 3);
        let mut byte_starts = Vec::with_capacity(chars.len());
        for f in &chars {
            byte_starts.push(text.len());
            text.push(f.c);
        }
        Folded {
            chars,
            text,
            byte_starts,
        }
    }

    /// Index of the character at byte `b` of `text` (the count of characters when `b` is the end).
    pub fn char_at(&self, b: usize) -> usize {
        self.byte_starts.partition_point(|&x| x < b)
    }

    /// The original byte range of the folded characters `a..z` (`a < z`).
    pub fn original(&self, a: usize, z: usize) -> (usize, usize) {
        let (first, last) = (&self.chars[a], &self.chars[z - 1]);
        (first.start.min(last.start), first.end.max(last.end))
    }
}

/// The folded text with separators (spaces, line breaks, dots, dashes, …) left out: how names are compared,
/// so `대한 - 정밀` and `D.H.` read as `대한정밀` and `dh`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Skeleton {
    pub text: String,
    /// For each character of `text`, its index in the folded text.
    pub index: Vec<usize>,
    byte_starts: Vec<usize>,
}

impl Skeleton {
    pub fn new(f: &Folded) -> Self {
        let mut sk = Skeleton::default();
        for (i, fc) in f.chars.iter().enumerate() {
            if !is_separator(fc.c) {
                sk.byte_starts.push(sk.text.len());
                sk.index.push(i);
                sk.text.push(fc.c);
            }
        }
        sk
    }

    /// Index of the character at byte `b` of `text`.
    pub fn char_at(&self, b: usize) -> usize {
        self.byte_starts.partition_point(|&x| x < b)
    }
}

/// The folded form of a name with its separators left out (what [`Skeleton`] texts are searched for).
pub(crate) fn name_key(name: &str) -> String {
    Skeleton::new(&Folded::new(name, true)).text
}

/// The key two names are compared by (the same name when equal; the scan searches for it too), and
/// whether it keeps separators: the letters and digits folded ([`name_key`]), or, for a name with fewer
/// than two of them ("C++", "C#"), the whole name folded, separators kept.
pub(crate) fn compare_key(name: &str) -> (String, bool) {
    let key = name_key(name);
    if key.chars().count() >= 2 {
        return (key, false);
    }
    (Folded::new(name.trim(), true).text, true)
}

/// Splits `s` into runs normalised on their own: a character joins the run before it when it is a
/// combining mark or when normalising them together differs from normalising them apart (Hangul jamo).
fn segments(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut count = 0;
    for (i, c) in s.char_indices() {
        let joins = i > 0
            && count < MAX_SEGMENT_CHARS
            && !c.is_ascii()
            && !is_syllable(c)
            && (canonical_combining_class(c) != 0 || {
                let together: String = s[start..i + c.len_utf8()].nfkc().collect();
                let apart: String = s[start..i].nfkc().chain(c.to_string().nfkc()).collect();
                together != apart
            });
        if i > 0 && !joins {
            out.push((start, i));
            start = i;
            count = 0;
        }
        count += 1;
    }
    if !s.is_empty() {
        out.push((start, s.len()));
    }
    out
}

fn is_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn is_lead(c: char) -> bool {
    ('\u{1100}'..='\u{1112}').contains(&c)
}

fn is_vowel(c: char) -> bool {
    ('\u{1161}'..='\u{1175}').contains(&c)
}

fn is_trail(c: char) -> bool {
    ('\u{11A8}'..='\u{11C2}').contains(&c)
}

/// The final consonant (jongseong) written like this initial one (choseong), when Hangul has one.
fn lead_as_trail(c: char) -> Option<char> {
    let t = match c as u32 {
        0x1100 => 0x11A8,
        0x1101 => 0x11A9,
        0x1102 => 0x11AB,
        0x1103 => 0x11AE,
        0x1105 => 0x11AF,
        0x1106 => 0x11B7,
        0x1107 => 0x11B8,
        0x1109 => 0x11BA,
        0x110A => 0x11BB,
        0x110B => 0x11BC,
        0x110C => 0x11BD,
        0x110E => 0x11BE,
        0x110F => 0x11BF,
        0x1110 => 0x11C0,
        0x1111 => 0x11C1,
        0x1112 => 0x11C2,
        _ => return None,
    };
    char::from_u32(t)
}

/// An open syllable (no final consonant) plus a final consonant, or an initial plus a vowel.
fn compose_pair(a: char, b: char) -> Option<char> {
    let (a32, b32) = (a as u32, b as u32);
    if is_lead(a) && is_vowel(b) {
        return char::from_u32(0xAC00 + ((a32 - 0x1100) * 21 + (b32 - 0x1161)) * 28);
    }
    if is_syllable(a) && (a32 - 0xAC00) % 28 == 0 && is_trail(b) {
        return char::from_u32(a32 + (b32 - 0x11A7));
    }
    None
}

/// Composes Hangul jamo into syllables: those NFKD split, those split by a removed invisible character, and,
/// with `finals`, a loose consonant closing the syllable before it when no vowel follows.
fn compose_jamo(chars: Vec<FoldedChar>, finals: bool) -> Vec<FoldedChar> {
    let mut out: Vec<FoldedChar> = Vec::with_capacity(chars.len());
    for (i, fc) in chars.iter().enumerate() {
        if let Some(last) = out.last_mut() {
            let next_is_vowel = chars.get(i + 1).is_some_and(|n| is_vowel(n.c));
            let b = match lead_as_trail(fc.c) {
                Some(t) if finals && !next_is_vowel && is_syllable(last.c) => t,
                _ => fc.c,
            };
            if let Some(c) = compose_pair(last.c, b) {
                *last = FoldedChar {
                    c,
                    start: last.start.min(fc.start),
                    end: last.end.max(fc.end),
                };
                continue;
            }
        }
        out.push(*fc);
    }
    out
}

/// Characters that show nothing: zero-width spaces and joiners, the soft hyphen, direction marks, variation
/// selectors, Hangul fillers, tags.
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F | 0xFEFF
        | 0xFFA0 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

/// Combining marks drawn around a character (a circle, a keycap), which have no combining class.
fn is_enclosing_mark(c: char) -> bool {
    matches!(c as u32, 0x0488 | 0x0489 | 0x1ABE | 0x20DD..=0x20E0 | 0x20E2..=0x20E4 | 0xA670..=0xA672)
}

/// Dashes and minus signs that read as `-` (in codes and names alike).
fn is_dash(c: char) -> bool {
    matches!(
        c as u32,
        0x02D7 | 0x2010
            ..=0x2015
                | 0x2043
                | 0x2212
                | 0x2796
                | 0x2E3A
                | 0x2E3B
                | 0x30FC
                | 0xFE31
                | 0xFE32
                | 0xFE58
                | 0xFE63
                | 0xFF0D
                | 0xFF70
    )
}

/// What may stand between the letters of a name without making it another name: spaces and line breaks,
/// punctuation (dots, middle dots, dashes, slashes, underscores, brackets), symbols and emoji.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c as u32,
            0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x0387 | 0x119E | 0x2010..=0x205E | 0x2190..=0x2BFF
            | 0x2E00..=0x2E7F | 0x3000..=0x3003 | 0x3008..=0x3020 | 0x3030 | 0x30FB | 0x318D
            | 0xFE10..=0xFE19 | 0xFE30..=0xFE6B | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65 | 0x1F000..=0x1FAFF)
}

/// Cyrillic and Greek letters that look like Latin ones (lower case, after case folding).
fn look_alike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'д' | 'ԁ' => 'd',
        'е' | 'ё' | 'ε' => 'e',
        'һ' | 'н' | 'η' => 'h',
        'і' | 'ї' | 'ι' => 'i',
        'ј' | 'ϳ' => 'j',
        'к' | 'κ' => 'k',
        'ӏ' => 'l',
        'м' | 'μ' => 'm',
        'ν' | 'п' => 'n',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'у' | 'υ' => 'y',
        'ԝ' => 'w',
        'х' | 'χ' => 'x',
        'ζ' => 'z',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        Folded::new(s, true).text
    }

    #[test]
    fn spellings_fold_to_one_form() {
        assert_eq!(text("ＤＨ ＡＢ－１２３４"), "dh ab-1234");
        assert_eq!(text("대한\u{200B}정밀\u{00AD}"), "대한정밀");
        assert_eq!(text("\u{1103}\u{1162}\u{1112}\u{1161}\u{11AB}"), "대한");
        assert_eq!(text("ㄷㅐㅎㅏㄴㅈㅓㅇㅁㅣㄹ"), "대한정밀");
        assert_eq!(text("ДН НХ②⓪④"), "dh hx204");
        assert_eq!(text("AB\u{2013}12"), "ab-12");
        assert_eq!(text("D\u{0336}H\u{0336} 2\u{FE0F}\u{20E3}"), "dh 2");
        assert_eq!(text("ĎĤ İ Ǆ"), "dh i dz");
        assert_eq!(name_key("대한 · 정밀"), "대한정밀");
        assert_eq!(name_key("D.H."), "dh");
    }

    #[test]
    fn every_folded_character_points_at_its_original_bytes() {
        let s = "㈜ＤＨ\u{200B}x";
        let f = Folded::new(s, true);
        assert_eq!(f.text, "(주)dhx");
        assert_eq!(
            f.original(0, 3),
            (0, 3),
            "one original character, three folded ones"
        );
        assert_eq!(f.original(3, 5), (3, 9));
        assert_eq!(
            f.original(5, 6),
            (12, 13),
            "the invisible character is skipped"
        );
        assert_eq!(f.char_at(f.text.len()), f.chars.len());
    }

    #[test]
    fn a_loose_consonant_before_a_vowel_stays_an_initial() {
        assert_eq!(text("ㅎㅏㄴㅏ"), "하나");
        assert_eq!(Folded::new("대하ㄴ", false).text, "대하\u{1102}");
    }
}
