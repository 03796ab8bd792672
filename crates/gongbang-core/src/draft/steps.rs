//! Why: the photos tell the story of the job; each photo becomes a step with a sentence that fits its role
//! (stock, in process, finished, measured, machine), and a photo the owner left without a caption gets a
//! useful one from its role and the job's facts, never the same line as another photo.

use std::collections::BTreeMap;

use super::knowledge::Knowledge;
use super::variety::Picker;
use super::Lang;
use crate::domain::{Photo, PhotoRole};

/// The job's facts by placeholder name (`part`, `material`, `process`, `machine`, `tolerance`, `finish`,
/// `quantity`, `name`), only those the owner filled in.
pub type Values = BTreeMap<&'static str, String>;

/// One photo's place in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The sentence that introduces the photo in the text.
    pub lead: String,
    /// A second sentence: what to look at in such a photo (may be empty).
    pub detail: String,
    /// The caption under the photo: the owner's, else one made from its role and the job.
    pub caption: String,
}

/// Fills `{part}`, `{material|으로/로}`, … in `sentence` from `values`; `None` when a placeholder has no
/// value (the sentence does not fit this job) or is unknown.
pub fn fill(sentence: &str, values: &Values) -> Option<String> {
    let mut out = String::with_capacity(sentence.len() + 16);
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let inner = &after[..close];
        let (key, particle) = match inner.split_once('|') {
            Some((k, p)) => (k.trim(), Some(p.trim())),
            None => (inner.trim(), None),
        };
        let value = values.get(key).filter(|v| !v.trim().is_empty())?;
        match particle {
            Some(pair) => out.push_str(&super::josa::attach(value.trim(), pair)),
            None => out.push_str(value.trim()),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Every option that fits this job, filled in.
pub fn fitting(options: &[String], values: &Values) -> Vec<String> {
    options.iter().filter_map(|o| fill(o, values)).collect()
}

/// The options that name nothing of the job (no placeholder).
fn fixed(options: &[String]) -> Vec<String> {
    options
        .iter()
        .filter(|o| !o.contains('{'))
        .cloned()
        .collect()
}

fn role_key(role: Option<PhotoRole>) -> &'static str {
    role.map_or("any", PhotoRole::as_str)
}

/// Default captions by role, most useful first; placeholders as in [`fill`].
fn default_captions(role: Option<PhotoRole>, lang: Lang) -> &'static [&'static str] {
    match (lang, role) {
        (Lang::Ko, Some(PhotoRole::Stock)) => &[
            "{material} 소재",
            "가공 전 {material} 소재",
            "{part} 소재 준비",
            "가공 전 소재",
            "소재 확인",
        ],
        (Lang::Ko, Some(PhotoRole::InProcess)) => &[
            "{part} {process} 가공 중",
            "{process} 가공 중",
            "가공 중인 {part}",
            "{machine} 작업 중",
            "{material} 절삭 중",
            "가공 도중 모습",
        ],
        (Lang::Ko, Some(PhotoRole::Finished)) => &[
            "완성된 {part}",
            "가공을 마친 {part}",
            "{finish} 마감 상태",
            "완성품",
            "마무리된 모습",
        ],
        (Lang::Ko, Some(PhotoRole::Measured)) => &[
            "{part} 치수 측정",
            "공차 {tolerance} 확인",
            "치수 검사",
            "측정 장면",
        ],
        (Lang::Ko, Some(PhotoRole::Machine)) => &[
            "작업한 장비: {machine}",
            "{process} 장비",
            "가공 장비",
            "작업에 쓴 장비",
        ],
        (Lang::Ko, None) => &[
            "{part} 작업 장면",
            "{process} 작업",
            "작업 과정",
            "작업 모습",
        ],
        (Lang::En, Some(PhotoRole::Stock)) => &[
            "{material} stock",
            "{material} stock before machining",
            "Stock for the {part}",
            "The stock before machining",
            "Checking the stock",
        ],
        (Lang::En, Some(PhotoRole::InProcess)) => &[
            "{process} on the {part}",
            "{process} in progress",
            "The {part} being machined",
            "At work on the {machine}",
            "Cutting the {material}",
            "Partway through machining",
        ],
        (Lang::En, Some(PhotoRole::Finished)) => &[
            "The finished {part}",
            "The {part}, machined",
            "The {finish} finish",
            "The finished part",
            "Done and deburred",
        ],
        (Lang::En, Some(PhotoRole::Measured)) => &[
            "Measuring the {part}",
            "Checking the {tolerance} tolerance",
            "Dimensional check",
            "Measuring",
        ],
        (Lang::En, Some(PhotoRole::Machine)) => &[
            "The machine: {machine}",
            "The {process} machine",
            "The machine used",
            "Our equipment",
        ],
        (Lang::En, None) => &[
            "Working on the {part}",
            "{process} work",
            "A step of the job",
            "At work",
        ],
    }
}

const ORDINALS_KO: [&str; 12] = [
    "첫째",
    "둘째",
    "셋째",
    "넷째",
    "다섯째",
    "여섯째",
    "일곱째",
    "여덟째",
    "아홉째",
    "열째",
    "열한째",
    "열두째",
];
const ORDINALS_EN: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// The steps of `photos`, in order: a lead sentence from the trade notes' photo steps that fits the photo's
/// role and the job, and a caption; no two photos share a lead or a caption.
pub fn steps(
    photos: &[Photo],
    values: &Values,
    knowledge: &Knowledge,
    lang: Lang,
    picker: &mut Picker,
) -> Vec<Step> {
    let owner_captions: Vec<String> = photos
        .iter()
        .map(|p| p.caption.trim().to_string())
        .collect();
    for c in owner_captions.iter().filter(|c| !c.is_empty()) {
        picker.mark_used(c);
    }
    let mut seen_of_role: BTreeMap<&str, usize> = BTreeMap::new();
    photos
        .iter()
        .zip(owner_captions)
        .map(|(p, owner_caption)| {
            let key = role_key(p.role);
            let nth = seen_of_role.entry(key).or_insert(0);
            *nth += 1;
            // A sentence no earlier post has; when the shop's posts have used them all, one that names
            // nothing of the job (the same in every post, like a heading) rather than a near-copy of an
            // earlier post's sentence about another part; the second sentence is then left out.
            let leads = fitting(knowledge.leads(key, lang), values);
            let any_leads = fitting(knowledge.leads("any", lang), values);
            let lead = picker
                .pick_fresh(&format!("lead:{key}"), &leads)
                .or_else(|| picker.pick_fresh("lead:any", &any_leads))
                .or_else(|| picker.pick(&format!("lead:{key}"), &fixed(knowledge.leads(key, lang))))
                .or_else(|| picker.pick(&format!("lead:{key}"), &leads))
                .or_else(|| picker.pick("lead:any", &any_leads))
                .unwrap_or_default();
            let detail = picker
                .pick_fresh(
                    &format!("detail:{key}"),
                    &fitting(knowledge.details(key, lang), values),
                )
                .unwrap_or_default();
            let caption = if owner_caption.is_empty() {
                default_caption(p.role, values, lang, picker, *nth)
            } else {
                owner_caption
            };
            Step {
                lead,
                detail,
                caption,
            }
        })
        .collect()
}

fn default_caption(
    role: Option<PhotoRole>,
    values: &Values,
    lang: Lang,
    picker: &mut Picker,
    nth: usize,
) -> String {
    // The most useful caption that fits and is still free (in the listed order, not shuffled: a caption is
    // a label, the first is the clearest).
    let options: Vec<String> = default_captions(role, lang)
        .iter()
        .filter_map(|c| fill(c, values))
        .collect();
    if let Some(o) = options.iter().find(|o| !picker.is_used(o)) {
        picker.mark_used(o);
        return o.clone();
    }
    // Every label is taken: the role's plainest one with an ordinal ("작업 과정 · 셋째").
    let base = options.last().cloned().unwrap_or_default();
    let ordinal = match lang {
        Lang::Ko => ORDINALS_KO.get(nth - 1).map(|s| (*s).to_string()),
        Lang::En => ORDINALS_EN.get(nth - 1).map(|s| (*s).to_string()),
    }
    .unwrap_or_else(|| nth.to_string());
    let caption = format!("{base} · {ordinal}");
    picker.mark_used(&caption);
    caption
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&'static str, &str)]) -> Values {
        pairs.iter().map(|(k, v)| (*k, (*v).to_string())).collect()
    }

    #[test]
    fn placeholders_fill_with_particles_or_refuse() {
        let v = values(&[("part", "플랜지"), ("material", "SUS304")]);
        assert_eq!(
            fill("{part|을/를} {material|으로/로} 깎았습니다.", &v).as_deref(),
            Some("플랜지를 SUS304로 깎았습니다.")
        );
        assert_eq!(fill("{machine}으로", &v), None);
        assert_eq!(fill("{unknown}", &v), None);
        assert_eq!(fill("괄호 없음.", &v).as_deref(), Some("괄호 없음."));
        assert_eq!(fill("{part", &v), None);
    }

    #[test]
    fn photos_without_captions_get_different_useful_ones() {
        let k = Knowledge::builtin().unwrap();
        let v = values(&[
            ("part", "샤프트"),
            ("material", "SUS304"),
            ("process", "CNC 선반"),
        ]);
        let photos: Vec<Photo> = (1..=8)
            .map(|i| Photo::sample(i, Some(PhotoRole::InProcess), ""))
            .collect();
        let mut picker = Picker::new("공방", 1, "t");
        let s = steps(&photos, &v, &k, Lang::Ko, &mut picker);
        let captions: std::collections::HashSet<_> = s.iter().map(|s| &s.caption).collect();
        let leads: std::collections::HashSet<_> = s.iter().map(|s| &s.lead).collect();
        assert_eq!(captions.len(), 8, "{s:?}");
        assert_eq!(leads.len(), 8, "{s:?}");
        assert_eq!(s[0].caption, "샤프트 CNC 선반 가공 중");
        assert!(s
            .iter()
            .all(|s| !s.lead.is_empty() && !s.lead.contains('{')));
    }
}
