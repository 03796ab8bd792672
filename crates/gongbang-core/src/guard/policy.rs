//! Why: whether a job may leave the shop at all is decided here, once, for every path (window, CLI and
//! any publisher): own product → yes; `public` customer → yes; `ask` → only with a recorded approval from
//! the job's current customer; `never` → no; owner not set → treated as `ask`.

use rusqlite::Connection;
use serde::Serialize;

use crate::repo::approvals::{self, Approval, NewApproval};
use crate::repo::clients::{self, Client, Policy};
use crate::repo::jobs::{self, OwnerKind};
use crate::{CoreError, Result};

/// The leak guard's verdict on one job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Guard {
    pub job_id: i64,
    pub owner_kind: Option<OwnerKind>,
    pub client: Option<Client>,
    /// The policy that applies (own → public; not set → ask).
    pub policy: Policy,
    /// The approval that counts, for an `ask` job.
    pub approval: Option<Approval>,
    pub can_export: bool,
    pub reason_ko: Option<String>,
    pub reason_en: Option<String>,
}

impl Guard {
    /// The refusal as an error, when the job may not be exported.
    pub fn refusal(&self) -> Option<CoreError> {
        if self.can_export {
            return None;
        }
        let client = self.client.as_ref().map(|c| c.name.clone());
        Some(match self.policy {
            Policy::Never => CoreError::ExportForbidden {
                client: client.unwrap_or_default(),
            },
            _ => CoreError::ApprovalMissing { client },
        })
    }
}

/// The verdict for a job as the library stands now.
pub fn verdict(conn: &Connection, job_id: i64) -> Result<Guard> {
    let job = jobs::get(conn, job_id)?;
    let client = match (job.owner_kind, job.client_id) {
        (Some(OwnerKind::Client), Some(id)) => Some(clients::get(conn, id)?),
        _ => None,
    };
    let policy = match (job.owner_kind, &client) {
        (Some(OwnerKind::Own), _) => Policy::Public,
        (_, Some(c)) => c.policy,
        _ => Policy::Ask,
    };
    let approval = match (&client, policy) {
        (Some(c), Policy::Ask) => approvals::latest(conn, job_id, c.id)?,
        _ => None,
    };
    let can_export = match policy {
        Policy::Public => true,
        Policy::Ask => approval.is_some(),
        Policy::Never => false,
    };
    let mut guard = Guard {
        job_id,
        owner_kind: job.owner_kind,
        client,
        policy,
        approval,
        can_export,
        reason_ko: None,
        reason_en: None,
    };
    if let Some(e) = guard.refusal() {
        guard.reason_ko = Some(e.message_ko());
        guard.reason_en = Some(e.message_en());
    }
    Ok(guard)
}

/// The verdict, or the refusal as an error.
pub fn require_export(conn: &Connection, job_id: i64) -> Result<Guard> {
    let g = verdict(conn, job_id)?;
    match g.refusal() {
        Some(e) => Err(e),
        None => Ok(g),
    }
}

/// Records the approval of the job's customer (only for a customer's job whose policy is `ask`).
pub fn record_approval(conn: &Connection, job_id: i64, a: &NewApproval<'_>) -> Result<Guard> {
    let g = verdict(conn, job_id)?;
    let client = match (&g.client, g.policy) {
        (Some(c), Policy::Ask) => c,
        (None, _) => {
            return Err(CoreError::invalid(
                "허락을 기록하려면 먼저 작업 정보에서 어느 고객사의 작업인지 골라 주세요.",
                "To record an approval, first choose the job's customer in the job step.",
            ))
        }
        (Some(c), Policy::Never) => {
            return Err(CoreError::ExportForbidden {
                client: c.name.clone(),
            })
        }
        (Some(c), Policy::Public) => {
            return Err(CoreError::invalid(
                format!(
                    "'{}' 고객사는 공개해도 되는 고객사라 허락이 필요 없습니다.",
                    c.name
                ),
                format!(
                    "'{}' allows its jobs to be shown; no approval is needed.",
                    c.name
                ),
            ))
        }
    };
    approvals::record(conn, job_id, client.id, a)?;
    verdict(conn, job_id)
}
