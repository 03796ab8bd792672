//! Why: what the leak guard let out or stopped, and every change that loosens it, as entries of the job's
//! history. Plain data: `repo::guard_log` keeps them append-only.

use serde::{Deserialize, Serialize};

/// Kinds of entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    Export,
    Override,
    Refused,
    /// A customer's name, policy or aliases changed (job none, `client_id` that customer).
    ClientChanged,
    /// A job's owner changed (own ↔ customer, customer A → B, set ↔ not set).
    OwnerChanged,
    /// A redaction box was taken off a photo (its coordinates in the detail).
    BoxRemoved,
    /// A registered watch word was removed (job none).
    WordRemoved,
}

impl LogKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            LogKind::Export => "export",
            LogKind::Override => "override",
            LogKind::Refused => "refused",
            LogKind::ClientChanged => "client_changed",
            LogKind::OwnerChanged => "owner_changed",
            LogKind::BoxRemoved => "box_removed",
            LogKind::WordRemoved => "word_removed",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "export" => LogKind::Export,
            "override" => LogKind::Override,
            "client_changed" => LogKind::ClientChanged,
            "owner_changed" => LogKind::OwnerChanged,
            "box_removed" => LogKind::BoxRemoved,
            "word_removed" => LogKind::WordRemoved,
            _ => LogKind::Refused,
        }
    }
}

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub id: i64,
    /// `None` for entries about the whole library (a customer's change, a removed word).
    pub job_id: Option<i64>,
    pub post_id: Option<i64>,
    /// The customer the entry is about: the changed customer, or the one a job was taken from.
    pub client_id: Option<i64>,
    /// The photo a removed box was on.
    pub photo_id: Option<i64>,
    pub kind: LogKind,
    /// What happened, in Korean and in English.
    pub detail: String,
    pub detail_en: String,
    pub at: String,
}

/// An entry to append: what it is about and what happened (`detail` is `(Korean, English)`).
#[derive(Debug, Clone, Copy)]
pub struct NewEntry<'a> {
    pub job_id: Option<i64>,
    pub post_id: Option<i64>,
    pub client_id: Option<i64>,
    pub photo_id: Option<i64>,
    pub kind: LogKind,
    pub detail: (&'a str, &'a str),
}

impl<'a> NewEntry<'a> {
    /// An entry of `kind` about nothing in particular yet (fill in the ids).
    pub fn new(kind: LogKind, detail: (&'a str, &'a str)) -> Self {
        NewEntry {
            job_id: None,
            post_id: None,
            client_id: None,
            photo_id: None,
            kind,
            detail,
        }
    }
}
