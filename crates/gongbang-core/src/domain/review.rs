//! Why: a mentor's review travels as files people already share (a bundle out, a reply back); these are the
//! plain types of it — what the mentor sees of a post, a note on its title or one block, and what the owner
//! did with each note. `repo::reviews` stores them; `review` reads and writes the files.

use serde::{Deserialize, Serialize};

use super::post::Platform;

/// What a note is about: the title, or one block of the post (a photo is its block: a note on it speaks of
/// the photo, a suggestion rewrites its caption).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoteTarget {
    Title,
    Block { index: u32 },
}

impl NoteTarget {
    pub(crate) fn as_parts(self) -> (&'static str, Option<i64>) {
        match self {
            NoteTarget::Title => ("title", None),
            NoteTarget::Block { index } => ("block", Some(i64::from(index))),
        }
    }

    pub(crate) fn from_parts(target: &str, index: Option<i64>) -> Option<Self> {
        match (target, index) {
            ("title", None) => Some(NoteTarget::Title),
            ("block", Some(i)) => u32::try_from(i)
                .ok()
                .map(|index| NoteTarget::Block { index }),
            _ => None,
        }
    }
}

/// Where a note stands: a mentor's draft not yet sent; on the owner's side open, accepted or declined.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteState {
    Draft,
    Open,
    Accepted,
    Declined,
}

impl NoteState {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            NoteState::Draft => "draft",
            NoteState::Open => "open",
            NoteState::Accepted => "accepted",
            NoteState::Declined => "declined",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "draft" => NoteState::Draft,
            "accepted" => NoteState::Accepted,
            "declined" => NoteState::Declined,
            _ => NoteState::Open,
        }
    }
}

/// A suggested rewrite of the title or of one block's text: what it replaces (as the mentor saw it) and
/// the new text.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rewrite {
    pub original: String,
    pub text: String,
}

/// One note of a review.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewNote {
    pub id: i64,
    /// Who said it (the mentor's name as they signed the reply).
    pub author: String,
    pub target: NoteTarget,
    pub comment: String,
    pub rewrite: Option<Rewrite>,
    pub state: NoteState,
    pub created_at: String,
    /// When the owner accepted or declined it.
    pub decided_at: Option<String>,
}

/// A note as the mentor writes it (no id, no state yet).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteInput {
    pub target: NoteTarget,
    pub comment: String,
    /// The suggested new text; the text it replaces is taken from the bundle.
    pub suggestion: Option<String>,
}

/// Which side of a review this library is on.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRole {
    /// The owner sent this bundle.
    Sent,
    /// A mentor opened this bundle.
    Received,
}

impl ReviewRole {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ReviewRole::Sent => "sent",
            ReviewRole::Received => "received",
        }
    }
}

/// One review bundle, sent or received, with its notes.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub id: i64,
    pub bundle_id: String,
    pub role: ReviewRole,
    /// The post it is about (sent bundles).
    pub post_id: Option<i64>,
    pub shop_name: String,
    pub title: String,
    pub platform: Platform,
    pub file: String,
    pub created_at: String,
    pub replied_at: Option<String>,
    pub notes: Vec<ReviewNote>,
}
