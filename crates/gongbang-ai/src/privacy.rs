//! Why: the leak guard's promise holds for the AI too — a customer's name, a registered word or a drawing or
//! part number must not reach a server outside the shop. Before a paragraph is sent, everything the core's
//! text scan flags in it (and any text flagged elsewhere in the same post) is replaced by a neutral word
//! ("고객사", "○○", "(비공개)"); the outgoing text is scanned again and refused if anything is still flagged.

use gongbang_core::guard::text_scan::{scan_str, Finding};
use gongbang_core::guard::ScanRules;

use crate::{AiError, Result};

/// The neutral word for a text flagged elsewhere in the post.
const ELSEWHERE: &str = "○○○";
/// Masking passes before giving up (a replacement word the owner registered as a watch word, say).
const MAX_PASSES: usize = 3;

/// Byte offset in `s` of a UTF-16 offset (what the scan reports).
fn byte_at(s: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    s.len()
}

fn replace_findings(text: &str, findings: &[Finding]) -> String {
    let mut out = text.to_string();
    // From the end, so earlier offsets stay valid; the scan reports them without overlaps, in order.
    for f in findings.iter().rev() {
        let (a, b) = (byte_at(&out, f.start), byte_at(&out, f.end));
        if a < b && out.is_char_boundary(a) && out.is_char_boundary(b) {
            out.replace_range(a..b, &f.suggestion);
        }
    }
    out
}

/// `text` as it may be sent: flagged words replaced. `post_terms` are the texts the scan flags anywhere in
/// the post (a code in the title is masked in a paragraph too, even where the pattern would not match).
pub fn neutralise(text: &str, rules: &ScanRules, post_terms: &[String]) -> Result<String> {
    let mut out = text.to_string();
    let mut terms: Vec<&str> = post_terms
        .iter()
        .map(|t| t.trim())
        .filter(|t| t.chars().count() >= 2)
        .collect();
    // Longest first: "대한정밀공업" before "대한정밀".
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    terms.dedup();
    for _ in 0..MAX_PASSES {
        let findings = scan_str(&out, rules);
        out = replace_findings(&out, &findings);
        for t in &terms {
            if out.contains(t) {
                out = out.replace(t, ELSEWHERE);
            }
        }
        if scan_str(&out, rules).is_empty() && !terms.iter().any(|t| out.contains(t)) {
            return Ok(out);
        }
    }
    Err(AiError::invalid(
        "가려야 할 단어를 이 문단에서 다 가리지 못해 AI에 보내지 않았습니다. 문단에서 고객사 이름과 번호를 먼저 바꿔 주세요.",
        "The words that must stay private could not all be masked in this paragraph, so nothing was sent. Replace customer names and numbers in it first.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongbang_core::domain::{Client, Policy};

    #[test]
    fn names_words_and_numbers_are_masked() {
        let clients = vec![Client {
            id: 1,
            name: "대한정밀".into(),
            aliases: vec!["DH Precision".into()],
            policy: Policy::Ask,
            note: String::new(),
        }];
        let rules = ScanRules::new(&clients, &["비밀프로젝트".into()]);
        let text =
            "대한 정밀(dh precision)의 비밀프로젝트 부품, 도번 AB-1234-567, SUS304 ±0.01 😀 가공.";
        let out = neutralise(text, &rules, &["ZX-99".into()]).unwrap();
        assert!(!out.contains("대한"), "{out}");
        assert!(!out.to_lowercase().contains("precision"), "{out}");
        assert!(!out.contains("비밀프로젝트"), "{out}");
        assert!(!out.contains("1234"), "{out}");
        assert!(out.contains("SUS304 ±0.01 😀 가공."), "{out}");
        assert!(out.contains("고객사"), "{out}");
        let out = neutralise("ZX-99 축", &rules, &["ZX-99".into()]).unwrap();
        assert_eq!(out, "○○○ 축");
    }
}
