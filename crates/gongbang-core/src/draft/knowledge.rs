//! Why: a draft should explain the work the way a machinist would (what the material is, why this process,
//! what makes it hard, how it is checked) without the owner typing it; that trade knowledge is data a
//! mentor can edit (assets/trade/*.toml, overridden entry by entry from the library's `trade/` folder), not
//! code.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::Lang;
use crate::error::CoreError;
use crate::library::Overlay;
use crate::Result;

/// The files of assets/trade, compiled in; a file of the same name in `<library>/trade/` overrides them.
const FILES: [(&str, &str); 6] = [
    (
        "parts.toml",
        include_str!("../../../../assets/trade/parts.toml"),
    ),
    (
        "materials.toml",
        include_str!("../../../../assets/trade/materials.toml"),
    ),
    (
        "processes.toml",
        include_str!("../../../../assets/trade/processes.toml"),
    ),
    (
        "finishes.toml",
        include_str!("../../../../assets/trade/finishes.toml"),
    ),
    (
        "tolerances.toml",
        include_str!("../../../../assets/trade/tolerances.toml"),
    ),
    (
        "photo_steps.toml",
        include_str!("../../../../assets/trade/photo_steps.toml"),
    ),
];

/// The folder of a library that holds a mentor's edited trade notes (and templates, see `templates`).
pub const OVERRIDE_FOLDER: &str = "trade";

/// One language's sentences about an entry; every list holds phrasings of the same fact.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Notes {
    pub name: String,
    pub what: Vec<String>,
    pub why: Vec<String>,
    pub hard: Vec<String>,
    pub uses: Vec<String>,
    /// Tolerances only: how such a tolerance is checked.
    pub how: Vec<String>,
}

impl Notes {
    /// The phrasings of one fact by its key (`what`, `why`, `hard`, `uses`, `how`).
    pub fn field(&self, key: &str) -> &[String] {
        match key {
            "what" => &self.what,
            "why" => &self.why,
            "hard" => &self.hard,
            "uses" => &self.uses,
            "how" => &self.how,
            _ => &[],
        }
    }
}

/// A material, process, finish or tolerance class.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    pub id: String,
    /// Spellings owners type (compared by [`fold`]).
    #[serde(default, rename = "match")]
    pub spellings: Vec<String>,
    /// The spellings as compared ([`fold`]), made once when the notes are read.
    #[serde(skip)]
    folded: Vec<String>,
    /// Tolerances only: a ± tolerance t in mm belongs here when `lo <= t < hi`.
    #[serde(default)]
    pub band_mm: Option<[f64; 2]>,
    #[serde(default)]
    pub ko: Notes,
    #[serde(default)]
    pub en: Notes,
}

impl Entry {
    pub fn notes(&self, lang: Lang) -> &Notes {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct EntryFile {
    #[serde(default)]
    entry: Vec<Entry>,
}

/// Lead sentences for one photo role, per language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RoleLeads {
    pub ko: Leads,
    pub en: Leads,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Leads {
    /// The sentence that introduces a photo.
    pub lead: Vec<String>,
    /// A second sentence: what to look at in such a photo, or why the step matters.
    pub detail: Vec<String>,
}

/// Everything the drafts know about the trade.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// What a part is and where it is used (matched against the job's title).
    pub parts: Vec<Entry>,
    pub materials: Vec<Entry>,
    pub processes: Vec<Entry>,
    pub finishes: Vec<Entry>,
    pub tolerances: Vec<Entry>,
    /// By role (`stock`, `in_process`, `finished`, `measured`, `machine`, `any`).
    pub photo_steps: BTreeMap<String, RoleLeads>,
}

impl Knowledge {
    /// The notes shipped with the app.
    pub fn builtin() -> Result<Self> {
        let mut k = Knowledge::default();
        for (name, src) in FILES {
            k.merge(name, src)?;
        }
        Ok(k)
    }

    /// The shipped notes, read once.
    pub fn shipped_or_err() -> &'static std::result::Result<Knowledge, (String, String)> {
        static SHIPPED: OnceLock<std::result::Result<Knowledge, (String, String)>> =
            OnceLock::new();
        SHIPPED.get_or_init(|| Knowledge::builtin().map_err(|e| (e.message_ko(), e.message_en())))
    }

    /// The shipped notes with a mentor's files from `<library_root>/trade/` laid over them: an entry with
    /// the same id replaces the shipped one, a new id is added (after the shipped ones, so the specific
    /// grades keep matching first unless the mentor's file says otherwise by replacing them).
    pub fn for_library(library_root: &Path) -> Result<Self> {
        Self::for_overlay(&Overlay::owner_only(library_root))
    }

    /// The shipped notes with the installed packs' `trade/` files laid over them, oldest pack first, and
    /// the owner's own over those (so the newest pack wins over older ones, and the owner over every pack),
    /// entry by entry as in [`Knowledge::for_library`].
    pub fn for_overlay(overlay: &Overlay) -> Result<Self> {
        let mut k = shipped()?.clone();
        for (name, _) in FILES {
            for path in overlay
                .files(&format!("{OVERRIDE_FOLDER}/{name}"))
                .iter()
                .rev()
            {
                let src = std::fs::read_to_string(path).map_err(|e| CoreError::io(path, e))?;
                k.merge(name, &src)?;
            }
        }
        Ok(k)
    }

    /// Whether `name` is one of the trade notes files (what a library or a pack may hold in `trade/`).
    pub fn is_file_name(name: &str) -> bool {
        FILES.iter().any(|(n, _)| *n == name)
    }

    /// Whether `src` reads as the trade notes file `name` (how a pack's file is checked before install).
    pub fn check(name: &str, src: &str) -> Result<()> {
        Knowledge::default().merge(name, src)
    }

    fn merge(&mut self, name: &str, src: &str) -> Result<()> {
        let bad = |e: toml::de::Error| {
            CoreError::Invalid {
            ko: format!(
                "업계 상식 파일 {name}을(를) 읽을 수 없습니다. 멘토가 고친 파일이라면 형식을 확인해 주세요: {e}"
            ),
            en: format!("The trade notes file {name} could not be read; check its format: {e}"),
        }
        };
        if name == "photo_steps.toml" {
            let steps: BTreeMap<String, RoleLeads> = toml::from_str(src).map_err(bad)?;
            for (role, leads) in steps {
                let slot = self.photo_steps.entry(role).or_default();
                for (old, new) in [(&mut slot.ko, leads.ko), (&mut slot.en, leads.en)] {
                    if !new.lead.is_empty() {
                        old.lead = new.lead;
                    }
                    if !new.detail.is_empty() {
                        old.detail = new.detail;
                    }
                }
            }
            return Ok(());
        }
        let file: EntryFile = toml::from_str(src).map_err(bad)?;
        let list = match name {
            "parts.toml" => &mut self.parts,
            "materials.toml" => &mut self.materials,
            "processes.toml" => &mut self.processes,
            "finishes.toml" => &mut self.finishes,
            _ => &mut self.tolerances,
        };
        for mut e in file.entry {
            e.folded = e.spellings.iter().map(|s| fold(s)).collect();
            match list.iter_mut().find(|old| old.id == e.id) {
                Some(old) => *old = e,
                None => list.push(e),
            }
        }
        Ok(())
    }

    /// The first part entry the job's title names ("SUS 플랜지 가공" → flange).
    pub fn part(&self, title: &str) -> Option<&Entry> {
        find(&self.parts, title)
    }

    /// The first material entry the owner's words match.
    pub fn material(&self, text: &str) -> Option<&Entry> {
        find(&self.materials, text)
    }

    /// The first process entry the owner's words match.
    pub fn process(&self, text: &str) -> Option<&Entry> {
        find(&self.processes, text)
    }

    /// The first finish entry the owner's words match.
    pub fn finish(&self, text: &str) -> Option<&Entry> {
        find(&self.finishes, text)
    }

    /// The tolerance class: a named fit or grade the owner wrote ("H7/g6", "IT7"), else the band of the
    /// largest ± value in mm ("±0.01", "0.005mm", "+0.02/-0").
    pub fn tolerance(&self, text: &str) -> Option<&Entry> {
        find(&self.tolerances, text).or_else(|| {
            let t = largest_mm(text)?;
            self.tolerances
                .iter()
                .find(|e| e.band_mm.is_some_and(|[lo, hi]| lo <= t && t < hi))
        })
    }

    /// Lead sentences for a photo role (`any` when the photo has none) in `lang`.
    pub fn leads(&self, role: &str, lang: Lang) -> &[String] {
        self.photo_steps.get(role).map_or(&[], |r| match lang {
            Lang::Ko => &r.ko.lead,
            Lang::En => &r.en.lead,
        })
    }

    /// Second sentences for a photo role in `lang`.
    pub fn details(&self, role: &str, lang: Lang) -> &[String] {
        self.photo_steps.get(role).map_or(&[], |r| match lang {
            Lang::Ko => &r.ko.detail,
            Lang::En => &r.en.detail,
        })
    }
}

/// The notes shipped with the app, parsed once per process.
pub fn shipped() -> Result<&'static Knowledge> {
    Knowledge::shipped_or_err()
        .as_ref()
        .map_err(|(ko, en)| CoreError::Invalid {
            ko: ko.clone(),
            en: en.clone(),
        })
}

/// How spellings are compared: NFKC, lower case, without spaces, hyphens, dots and underscores.
pub fn fold(s: &str) -> String {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '_' | '·'))
        .collect()
}

fn find<'a>(entries: &'a [Entry], text: &str) -> Option<&'a Entry> {
    let owner = fold(text);
    if owner.is_empty() {
        return None;
    }
    entries.iter().find(|e| {
        e.folded.iter().any(|s| {
            !s.is_empty() && (*s == owner || (s.chars().count() >= 2 && owner.contains(s.as_str())))
        })
    })
}

/// The largest number in a tolerance as written, in mm ("±0.01" → 0.01, "+0.02/-0" → 0.02, "5㎛" → 0.005).
fn largest_mm(text: &str) -> Option<f64> {
    let t = text.nfkc().collect::<String>().to_lowercase();
    let microns = t.contains("µm") || t.contains("μm") || t.contains("um") || t.contains("미크론");
    let mut best: Option<f64> = None;
    let mut num = String::new();
    for c in t.chars().chain([' ']) {
        if c.is_ascii_digit() || (c == '.' && !num.is_empty()) {
            num.push(c);
        } else if !num.is_empty() {
            if let Ok(v) = num.trim_end_matches('.').parse::<f64>() {
                let v = if microns { v / 1000.0 } else { v };
                best = Some(best.map_or(v, |b: f64| b.max(v)));
            }
            num.clear();
        }
    }
    best.filter(|v| *v > 0.0 && v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_notes_load_and_match_the_owners_spellings() {
        let k = Knowledge::builtin().unwrap();
        assert_eq!(k.material("SUS304").unwrap().id, "sus304");
        assert_eq!(k.material("sus 304 환봉").unwrap().id, "sus304");
        assert_eq!(k.material("스텐304").unwrap().id, "sus304");
        assert_eq!(k.material("ＳＵＳ３１６Ｌ").unwrap().id, "sus316l");
        assert!(!k
            .process("CNC 선반")
            .unwrap()
            .notes(Lang::Ko)
            .name
            .is_empty());
        assert!(k.process("MCT").is_some());
        assert!(k.material("").is_none());
        assert!(k.material("아무거나").is_none());
    }

    #[test]
    fn a_tolerance_finds_its_band_or_its_fit() {
        let k = Knowledge::builtin().unwrap();
        assert_eq!(k.tolerance("H7/g6").unwrap().id, "fit_h7g6");
        let band = |s: &str| k.tolerance(s).map(|e| e.id.clone());
        assert_eq!(band("±0.01"), band("0.01mm"));
        assert_ne!(band("±0.01"), band("±0.1"));
        assert_eq!(band("±0.005"), band("5㎛"));
        assert!(band("±0.01").is_some());
        assert_eq!(largest_mm("+0.02/-0"), Some(0.02));
        assert_eq!(largest_mm("없음"), None);
    }

    #[test]
    fn a_mentors_file_replaces_an_entry_and_adds_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(OVERRIDE_FOLDER)).unwrap();
        std::fs::write(
            dir.path().join(OVERRIDE_FOLDER).join("materials.toml"),
            "[[entry]]\nid = \"sus304\"\nmatch = [\"SUS304\"]\n[entry.ko]\nname = \"스텐\"\nwhat = [\"멘토 문장입니다.\"]\nuses = [\"어디에나 씁니다.\"]\n\
             [[entry]]\nid = \"new_alloy\"\nmatch = [\"신소재\"]\n[entry.ko]\nname = \"신소재\"\nwhat = [\"새 문장입니다.\"]\nuses = [\"새 용도입니다.\"]\n",
        )
        .unwrap();
        let k = Knowledge::for_library(dir.path()).unwrap();
        assert_eq!(k.material("SUS304").unwrap().ko.what, ["멘토 문장입니다."]);
        assert_eq!(k.material("신소재").unwrap().id, "new_alloy");
        assert_eq!(
            k.materials.len(),
            Knowledge::builtin().unwrap().materials.len() + 1
        );
        std::fs::write(
            dir.path().join(OVERRIDE_FOLDER).join("finishes.toml"),
            "[[entry]\nid=",
        )
        .unwrap();
        let err = Knowledge::for_library(dir.path()).unwrap_err();
        assert!(err.to_string().contains("finishes.toml"), "{err}");
    }
}
