//! Why: the calendar, the streak and the history count what the owner actually did — every export and every
//! "I posted it". Plain data: `repo::post_events` stores them.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::post::Platform;

/// What happened to a post.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Exported,
    Published,
}

impl EventKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EventKind::Exported => "exported",
            EventKind::Published => "published",
        }
    }
}

/// One export or publication, with what the calendar shows beside it.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostEvent {
    pub post_id: i64,
    pub job_id: i64,
    pub job_title: String,
    pub platform: Platform,
    pub post_title: String,
    /// Local time with its offset, as it was when it happened.
    pub at: String,
    pub kind: EventKind,
    pub folder: Option<String>,
    pub folder_exists: bool,
    pub url: Option<String>,
}

impl PostEvent {
    /// The local date and time it happened (its own offset).
    pub fn when(&self) -> Option<DateTime<FixedOffset>> {
        DateTime::parse_from_rfc3339(&self.at).ok()
    }
}
