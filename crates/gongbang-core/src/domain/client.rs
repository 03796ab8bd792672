//! Why: the customers whose parts the shop machines, each with the policy that decides whether their jobs
//! may be shown, and the aliases the text scan looks for. Plain data: `repo::clients` stores them.

use serde::{Deserialize, Serialize};

/// What a customer allows.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Their jobs may be shown.
    Public,
    /// Shown only with a recorded approval per job.
    Ask,
    /// Never shown, by any path.
    Never,
}

impl Policy {
    /// Name stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Public => "public",
            Policy::Ask => "ask",
            Policy::Never => "never",
        }
    }

    /// The policy named `s`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "public" => Some(Policy::Public),
            "ask" => Some(Policy::Ask),
            "never" => Some(Policy::Never),
            _ => None,
        }
    }
}

/// A customer as stored.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub id: i64,
    pub name: String,
    pub aliases: Vec<String>,
    pub policy: Policy,
    pub note: String,
}

/// A customer to create (`id` none) or change.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientInput {
    pub id: Option<i64>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub policy: Policy,
    #[serde(default)]
    pub note: String,
}

/// What two customer names are compared by: the same customer when equal, read as the leak guard's scan
/// reads a name (`crate::spelling`). The database's `COLLATE NOCASE` folds only ASCII letters; this folds
/// case, fullwidth forms (`ＤＨ`), invisible characters (zero-width space, soft hyphen, …) and separators
/// (`-`, `·`, `.`, `_`, …): "대한 정밀", "대한-정밀" and "대한정밀" are one customer, so "DH" and "dh".
pub fn name_key(name: &str) -> String {
    crate::spelling::compare_key(name).0
}

/// What changed between two versions of a customer, one `(Korean, English)` line per field (old → new).
/// `with_note` includes the note, which does not touch the leak guard.
pub fn changes(old: &Client, new: &Client, with_note: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if old.name != new.name {
        out.push((
            format!("이름: {} → {}", old.name, new.name),
            format!("name: {} → {}", old.name, new.name),
        ));
    }
    if old.policy != new.policy {
        out.push((
            format!("정책: {} → {}", old.policy.as_str(), new.policy.as_str()),
            format!("policy: {} → {}", old.policy.as_str(), new.policy.as_str()),
        ));
    }
    if old.aliases != new.aliases {
        let show = |a: &[String], none: &str| {
            if a.is_empty() {
                none.to_string()
            } else {
                a.join(", ")
            }
        };
        out.push((
            format!(
                "별칭: {} → {}",
                show(&old.aliases, "(없음)"),
                show(&new.aliases, "(없음)")
            ),
            format!(
                "aliases: {} → {}",
                show(&old.aliases, "(none)"),
                show(&new.aliases, "(none)")
            ),
        ));
    }
    if with_note && old.note != new.note {
        out.push((
            format!("메모: {} → {}", old.note, new.note),
            format!("note: {} → {}", old.note, new.note),
        ));
    }
    out
}
