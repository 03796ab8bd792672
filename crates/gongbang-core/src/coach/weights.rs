//! Why: a mentor knows which checks matter most for his trade ("a blog post without contact is worthless,
//! the tag count matters little"); checklist weights let the coach's score say so without a rebuild.
//!
//! The file is `weights.toml`, in the library folder (the owner's own) or in a template pack: one line per
//! check id (see `checks.rs`), a whole number from 0 to 10:
//!
//! ```toml
//! contact_block = 3
//! tags = 0        # shown, but not counted in the score
//! ```
//!
//! A check no file names weighs [`DEFAULT`]. For each check the highest file that names it wins: the
//! owner's own, then the installed packs, newest first. An unknown check id or a weight over 10 is
//! refused (at a pack's import, with the id named).

use std::collections::BTreeMap;

use crate::error::CoreError;
use crate::library::Overlay;
use crate::Result;

/// The file's name in the library folder and in a pack.
pub const FILE_NAME: &str = "weights.toml";
/// The weight of a check no file names.
pub const DEFAULT: u8 = 1;
/// The largest weight.
pub const MAX: u8 = 10;

/// One `weights.toml`: check id → weight.
pub type Weights = BTreeMap<String, u8>;

/// Reads one file's text: every key a check id, every value 0–10.
pub fn parse(src: &str) -> Result<Weights> {
    let table: toml::Table = toml::from_str(src).map_err(|e| {
        CoreError::invalid(
            format!("점검 가중치 파일 {FILE_NAME}의 형식이 맞지 않습니다: {e}"),
            format!("The checklist weights file {FILE_NAME} is not in the expected format: {e}"),
        )
    })?;
    let mut out = Weights::new();
    for (id, value) in table {
        if !super::checks::is_check_id(&id) {
            return Err(CoreError::invalid(
                format!("점검 가중치 파일 {FILE_NAME}에 없는 점검 항목 '{id}'이(가) 있습니다. 코치의 점검 항목 이름만 쓸 수 있습니다."),
                format!("The checklist weights file {FILE_NAME} names '{id}', which is not one of the coach's checks."),
            ));
        }
        let weight = value
            .as_integer()
            .and_then(|v| u8::try_from(v).ok())
            .filter(|v| *v <= MAX)
            .ok_or_else(|| {
                CoreError::invalid(
                    format!("점검 가중치 파일 {FILE_NAME}의 '{id}' 값은 0부터 {MAX}까지의 정수여야 합니다."),
                    format!("The weight of '{id}' in {FILE_NAME} must be a whole number from 0 to {MAX}."),
                )
            })?;
        out.insert(id, weight);
    }
    Ok(out)
}

/// Every weights file in `overlay`, highest first; a file that does not read is left out (a pack's was
/// checked at import; the owner's own is his to fix).
pub fn lists(overlay: &Overlay) -> Vec<Weights> {
    overlay
        .files(FILE_NAME)
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|src| parse(&src).ok())
        .collect()
}

/// The weight of a check: the first list (highest first) that names it, else [`DEFAULT`].
pub fn weight_of(lists: &[Weights], id: &str) -> u8 {
    lists
        .iter()
        .find_map(|w| w.get(id).copied())
        .unwrap_or(DEFAULT)
}

/// The score, 0–100: the weighted share of checks passed (rounded). With no weight at all, 0.
pub fn score(passed_weights: u32, total_weights: u32) -> u32 {
    ((f64::from(passed_weights) * 100.0) / f64::from(total_weights.max(1))).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_name_only_checks_and_stay_within_ten() {
        let w = parse("contact_block = 3\ntags = 0\n").unwrap();
        assert_eq!(weight_of(std::slice::from_ref(&w), "contact_block"), 3);
        assert_eq!(weight_of(std::slice::from_ref(&w), "tags"), 0);
        assert_eq!(weight_of(&[w], "text_length"), DEFAULT);
        let err = parse("no_such_check = 2").unwrap_err();
        assert!(err.message_en().contains("no_such_check"), "{err}");
        assert!(parse("tags = 11").is_err());
        assert!(parse("tags = -1").is_err());
        assert!(parse("tags = \"x\"").is_err());
        assert_eq!(score(3, 4), 75);
        assert_eq!(score(0, 0), 0);
    }
}
