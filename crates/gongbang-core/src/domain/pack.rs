//! Why: a template pack (issue 15) is a mentor's or club's edited templates, trade notes, lessons, keyword
//! lists and checklist weights in one signed file; these are the plain facts about one (who made it, what it
//! would change, what is installed) that storage, the pack reader, the window and the CLI all share.

use serde::Serialize;

/// A pack's author: the name written in the pack and the Ed25519 public key that signed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PackAuthor {
    pub name: String,
    /// The public key, 64 hex digits.
    pub key: String,
    /// A short form of the key to read aloud or compare by eye ("1A2B-3C4D-5E6F-7A8B").
    pub fingerprint: String,
}

impl PackAuthor {
    /// The author with this name and key (the fingerprint made from the key).
    pub fn new(name: &str, key: &str) -> Self {
        PackAuthor {
            name: name.to_string(),
            key: key.to_string(),
            fingerprint: fingerprint(key),
        }
    }
}

/// The key's fingerprint: the first 8 bytes of the blake3 hash of the key as written, in 4 groups.
pub fn fingerprint(key: &str) -> String {
    let hex = blake3::hash(key.trim().to_ascii_lowercase().as_bytes())
        .to_hex()
        .to_ascii_uppercase();
    hex.as_bytes()
        .chunks(4)
        .take(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// An installed pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InstalledPack {
    /// 64 hex digits: the blake3 hash of the pack's file list (paths, sizes and hashes).
    pub id: String,
    pub name: String,
    pub author: PackAuthor,
    /// When the author made it (as the pack says), and when it was installed here (local ISO 8601).
    pub created_at: String,
    pub installed_at: String,
    pub file_count: u32,
}

/// What installing a pack does to one of its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PackChangeKind {
    /// Nothing of that name is used now: the pack adds it.
    New,
    /// It replaces the file shipped with the app.
    ReplacesBuiltin,
    /// It replaces another installed pack's file (`other_pack` names it).
    ReplacesPack,
    /// The owner's own file of that name wins: the pack's is kept but not used.
    HiddenByOwner,
}

/// One file of a pack and what installing it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PackFileChange {
    /// The path inside the pack (`templates/blog_body.ko.j2`, `lessons/photos.ko.md`, …).
    pub path: String,
    pub size: u32,
    pub change: PackChangeKind,
    /// For `replaces_pack`: the name of the pack whose file it replaces.
    pub other_pack: Option<String>,
}

/// Search words a pack's `keywords.toml` adds to one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct KeywordChange {
    /// `any`, `process:<process>` or `material:<material>`.
    pub group: String,
    /// `ko` or `en`.
    pub lang: String,
    /// The words the coach does not suggest yet.
    pub added: Vec<String>,
}

/// A checklist weight a pack's `weights.toml` sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WeightChange {
    /// The coach check's id.
    pub check: String,
    /// The weight now (1 when nobody set one) and the pack's.
    pub from: u8,
    pub to: u8,
    /// The owner's own `weights.toml` sets this check: the pack's weight is not used.
    pub hidden_by_owner: bool,
}

/// What importing a pack would do, shown before anything is installed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PackPreview {
    pub id: String,
    pub name: String,
    pub author: PackAuthor,
    pub created_at: String,
    /// The author's key is trusted already (else installing asks once).
    pub trusted: bool,
    /// A trusted author has this name but another key: someone else, or a new key of the same person.
    pub known_name_other_key: bool,
    /// This very pack is installed already (installing again makes it the newest).
    pub installed: bool,
    pub files: Vec<PackFileChange>,
    pub keywords: Vec<KeywordChange>,
    pub weights: Vec<WeightChange>,
}

/// A pack written by export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExportedPack {
    /// The `.gbpack` file written.
    pub path: String,
    pub id: String,
    pub name: String,
    pub author: PackAuthor,
    pub file_count: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_is_four_groups_and_follows_the_key() {
        let a = fingerprint(&"ab".repeat(32));
        assert_eq!(a.len(), 19, "{a}");
        assert_eq!(a.matches('-').count(), 3);
        assert_ne!(a, fingerprint(&"ac".repeat(32)));
        assert_eq!(a, fingerprint(&"AB".repeat(32)));
    }
}
