//! Why: a mentor or a club knows search words a shop's buyers use that the job's own facts do not give
//! ("스텐 가공", "시제품 제작"); a keyword list adds them to the coach's suggestions without a rebuild.
//!
//! The file is `keywords.toml`, in the library folder (the owner's own) or in a template pack:
//!
//! ```toml
//! # Words for every job.
//! [any]
//! ko = ["정밀가공 전문", "시제품 제작"]
//! en = ["precision machining"]
//!
//! # Words for jobs whose process is written this way (compared like the trade notes: case, spaces, dots
//! # and hyphens do not matter).
//! [process."CNC 선반"]
//! ko = ["CNC 선반 외주"]
//!
//! # Words for jobs of this material.
//! [material."SUS304"]
//! ko = ["스텐 가공"]
//! ```
//!
//! Every group and language may be left out. The lists of the owner and of every installed pack are all
//! used: the owner's words first, then the packs', newest first, each word once. At most
//! [`MAX_WORDS_PER_LIST`] words per list and [`MAX_WORD_CHARS`] characters per word (a pack over that is
//! refused at import).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::knowledge::fold;
use super::Lang;
use crate::domain::JobFields;
use crate::error::CoreError;
use crate::library::Overlay;
use crate::Result;

/// The file's name in the library folder and in a pack.
pub const FILE_NAME: &str = "keywords.toml";
/// Most words in one list.
pub const MAX_WORDS_PER_LIST: usize = 100;
/// Longest word or phrase, in characters.
pub const MAX_WORD_CHARS: usize = 60;

/// Words in each language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Words {
    pub ko: Vec<String>,
    pub en: Vec<String>,
}

impl Words {
    fn of(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

/// One `keywords.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeywordList {
    pub any: Words,
    pub process: BTreeMap<String, Words>,
    pub material: BTreeMap<String, Words>,
}

impl KeywordList {
    /// Reads one file's text; a file that does not read, or is over the limits, is refused with its reason.
    pub fn parse(src: &str) -> Result<Self> {
        let list: KeywordList = toml::from_str(src).map_err(|e| {
            CoreError::invalid(
                format!("검색어 목록 {FILE_NAME}의 형식이 맞지 않습니다: {e}"),
                format!("The keyword list {FILE_NAME} is not in the expected format: {e}"),
            )
        })?;
        for (group, words) in list.groups() {
            for (lang, ws) in [("ko", &words.ko), ("en", &words.en)] {
                let long = ws.iter().find(|w| w.chars().count() > MAX_WORD_CHARS);
                if ws.len() > MAX_WORDS_PER_LIST || long.is_some() {
                    return Err(CoreError::invalid(
                        format!("검색어 목록 {FILE_NAME}의 [{group}] {lang} 목록이 너무 깁니다 (단어 {MAX_WORDS_PER_LIST}개, 단어마다 {MAX_WORD_CHARS}자까지)."),
                        format!("The [{group}] {lang} list of {FILE_NAME} is too long (at most {MAX_WORDS_PER_LIST} words of {MAX_WORD_CHARS} characters)."),
                    ));
                }
            }
        }
        Ok(list)
    }

    /// Every group with its name (`any`, `process:<name>`, `material:<name>`).
    pub fn groups(&self) -> Vec<(String, &Words)> {
        let mut out = vec![("any".to_string(), &self.any)];
        out.extend(
            self.process
                .iter()
                .map(|(k, w)| (format!("process:{k}"), w)),
        );
        out.extend(
            self.material
                .iter()
                .map(|(k, w)| (format!("material:{k}"), w)),
        );
        out
    }

    /// The words for a job in `lang`: `any`, then its process's, then its material's.
    pub fn for_job(&self, f: &JobFields, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = self.any.of(lang).to_vec();
        for (map, value) in [(&self.process, &f.process), (&self.material, &f.material)] {
            let owner = fold(value);
            if owner.is_empty() {
                continue;
            }
            for (key, words) in map {
                if fold(key) == owner {
                    out.extend(words.of(lang).iter().cloned());
                }
            }
        }
        out
    }
}

/// Every keyword list in `overlay`, highest first (the owner's, then the packs' newest first). A list that
/// does not read is left out (a pack's was checked at import; the owner's own is his to fix).
pub fn lists(overlay: &Overlay) -> Vec<KeywordList> {
    overlay
        .files(FILE_NAME)
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|src| KeywordList::parse(&src).ok())
        .collect()
}

/// The extra words for a job in `lang` from every list, highest first, each word once, trimmed.
pub fn extra_for_job(lists: &[KeywordList], f: &JobFields, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in lists.iter().flat_map(|l| l.for_job(f, lang)) {
        let w = w.trim().to_string();
        if !w.is_empty() && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_by_group_in_the_jobs_language() {
        let list = KeywordList::parse(
            "[any]\nko = [\"정밀가공 전문\"]\nen = [\"precision\"]\n[process.\"CNC 선반\"]\nko = [\"선반 외주\"]\n[material.SUS304]\nko = [\"스텐 가공\", \"정밀가공 전문\"]\n",
        )
        .unwrap();
        let f = JobFields {
            process: "cnc선반".into(),
            material: "SUS 304".into(),
            ..JobFields::default()
        };
        let ko = extra_for_job(std::slice::from_ref(&list), &f, Lang::Ko);
        assert_eq!(ko, ["정밀가공 전문", "선반 외주", "스텐 가공"]);
        assert_eq!(extra_for_job(&[list], &f, Lang::En), ["precision"]);
        assert!(KeywordList::parse("[anything]\nko=[]").is_err());
        assert!(KeywordList::parse(&format!("[any]\nko=[\"{}\"]", "가".repeat(61))).is_err());
    }
}
