//! Why: the trade notes become sentences about this job's material, process, finish and tolerance, named
//! as the owner named them and chosen for this job (variety.rs), ready for the templates.

use serde::Serialize;

use super::knowledge::{fold, Entry, Knowledge};
use super::steps::{fitting, Values};
use super::variety::Picker;
use super::Lang;
use crate::domain::{Job, ShopProfile};

/// One entry's sentences for this draft (empty strings where the notes have nothing or nothing fits).
#[derive(Debug, Clone, Default, Serialize)]
pub struct NoteCtx {
    pub name: String,
    pub what: String,
    pub why: String,
    pub hard: String,
    pub uses: String,
    pub how: String,
}

/// The notes about the job's facts, as the templates see them (`notes.material.why`, …).
#[derive(Debug, Clone, Default, Serialize)]
pub struct JobNotes {
    pub part: NoteCtx,
    pub material: NoteCtx,
    pub process: NoteCtx,
    pub finish: NoteCtx,
    pub tolerance: NoteCtx,
}

/// The job's facts by placeholder (what the photo steps' sentences may use), only those filled in. `part`
/// is the part the title names ("샤프트" of "SUS304 샤프트 가공"), not the whole title.
pub fn values(job: &Job, shop: &ShopProfile, lang: Lang) -> Values {
    let f = &job.fields;
    let process = match lang {
        Lang::En => crate::presets::english_label(&f.process)
            .map_or_else(|| f.process.trim().to_string(), str::to_string),
        Lang::Ko => f.process.trim().to_string(),
    };
    [
        ("part", super::keywords::part_of(f, shop)),
        ("material", f.material.trim().to_string()),
        ("process", process),
        ("machine", f.machine.trim().to_string()),
        ("tolerance", f.tolerance.trim().to_string()),
        ("finish", f.finish.trim().to_string()),
        ("quantity", f.quantity.trim().to_string()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect()
}

/// The sentences about the job's material, process, finish and tolerance.
pub fn for_job(job: &Job, knowledge: &Knowledge, lang: Lang, picker: &mut Picker) -> JobNotes {
    let f = &job.fields;
    JobNotes {
        part: note(knowledge.part(&f.title), &f.title, "part", lang, picker),
        material: note(
            knowledge.material(&f.material),
            &f.material,
            "material",
            lang,
            picker,
        ),
        process: note(
            knowledge.process(&f.process),
            &f.process,
            "process",
            lang,
            picker,
        ),
        finish: note(
            knowledge.finish(&f.finish),
            &f.finish,
            "finish",
            lang,
            picker,
        ),
        tolerance: note(
            knowledge.tolerance(&f.tolerance),
            &f.tolerance,
            "tolerance",
            lang,
            picker,
        ),
    }
}

fn note(
    entry: Option<&Entry>,
    owner_words: &str,
    kind: &str,
    lang: Lang,
    picker: &mut Picker,
) -> NoteCtx {
    let Some(entry) = entry else {
        return NoteCtx::default();
    };
    let notes = entry.notes(lang);
    let name = name_for(&notes.name, owner_words);
    let values: Values = [("name", name.clone())].into_iter().collect();
    let mut pick = |field: &str| {
        picker
            .pick(
                &format!("{kind}:{field}"),
                &fitting(notes.field(field), &values),
            )
            .unwrap_or_default()
    };
    NoteCtx {
        what: pick("what"),
        why: pick("why"),
        hard: pick("hard"),
        uses: pick("uses"),
        how: pick("how"),
        name,
    }
}

/// The entry's own name ("SUS304", "알루미늄") when it says what the owner wrote; the owner's own words
/// when the name is more or other than that ("SUS304L" is not renamed "SUS304", and every number in a
/// draft comes from what the owner entered).
fn name_for(entry_name: &str, owner_words: &str) -> String {
    let entry_name = entry_name.trim();
    let mut runs = entry_name
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .peekable();
    let has_digits = runs.peek().is_some();
    let digits_ok = runs.all(|run| owner_words.contains(run));
    let says_it = !has_digits || fold(entry_name).contains(&fold(owner_words));
    if entry_name.is_empty() || !digits_ok || !says_it {
        owner_words.trim().to_string()
    } else {
        entry_name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_keeps_only_the_owners_numbers() {
        assert_eq!(name_for("SUS304", "SUS 304"), "SUS304");
        assert_eq!(name_for("SUS304", "스텐 304"), "스텐 304");
        assert_eq!(name_for("SUS304", "SUS304L"), "SUS304L");
        assert_eq!(name_for("AL6061", "6061"), "AL6061");
        assert_eq!(name_for("정밀 공차", "±0.01"), "정밀 공차");
        assert_eq!(name_for("SUS304 (AISI 304)", "sus304"), "SUS304 (AISI 304)");
        assert_eq!(name_for("AL6061", "알루미늄"), "알루미늄");
        assert_eq!(name_for("", "황동"), "황동");
    }
}
