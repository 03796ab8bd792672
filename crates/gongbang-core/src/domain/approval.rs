//! Why: for an `ask` customer, who at the customer agreed to a job being shown, when and how. Plain data:
//! `repo::approvals` keeps them append-only.

use serde::{Deserialize, Serialize};

/// One recorded approval.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    pub id: i64,
    pub job_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub approved_by: String,
    pub how: String,
    pub note: String,
    /// When the customer agreed (as the owner said; the day it was recorded when not given).
    pub approved_at: String,
    pub recorded_at: String,
}

/// What the owner says about an approval.
#[derive(Debug, Clone, Default)]
pub struct NewApproval<'a> {
    pub approved_by: &'a str,
    pub how: &'a str,
    pub note: &'a str,
    pub approved_at: Option<&'a str>,
}
