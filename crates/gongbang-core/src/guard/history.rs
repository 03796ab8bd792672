//! Why: the job's history shows the owner (and, later, the customer) what happened to the job under the
//! leak guard: when it was made, who approved it, what was exported where (under which policy and approval),
//! what was refused or confirmed, and every change that loosened the guard on it: its owner changed, a change
//! of the policy, name or aliases of a customer it belongs or belonged to, a box taken off one of its photos.
//! Other customers' changes and the library's words are not shown: the history may be shown to the customer.

use rusqlite::Connection;
use serde::Serialize;

use crate::repo::guard_log::{self, LogKind};
use crate::repo::{approvals, jobs};
use crate::Result;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    Created,
    Approval,
    Override,
    Export,
    Refused,
    ClientChanged,
    OwnerChanged,
    BoxRemoved,
    WordRemoved,
}

/// One line of a job's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub at: String,
    pub kind: HistoryKind,
    pub text_ko: String,
    pub text_en: String,
}

/// The job's history, newest first.
pub fn history(conn: &Connection, job_id: i64) -> Result<Vec<HistoryEntry>> {
    let job = jobs::get(conn, job_id)?;
    let mut out = vec![HistoryEntry {
        at: job.created_at.clone(),
        kind: HistoryKind::Created,
        text_ko: "작업을 만들었습니다.".into(),
        text_en: "Job created.".into(),
    }];
    for a in approvals::for_job(conn, job_id)? {
        let note_ko = if a.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", a.note)
        };
        out.push(HistoryEntry {
            at: a.recorded_at.clone(),
            kind: HistoryKind::Approval,
            text_ko: format!(
                "{} {}님이 허락함 ({}, {}){note_ko}",
                a.client_name, a.approved_by, a.how, a.approved_at
            ),
            text_en: format!(
                "Approved by {} of {} ({}, {}){note_ko}",
                a.approved_by, a.client_name, a.how, a.approved_at
            ),
        });
    }
    let own = guard_log::for_job(conn, job_id)?;
    // Every customer the job has had: its current one and each one it was taken from.
    let mut customers: Vec<i64> = job.client_id.into_iter().collect();
    for e in own.iter().filter(|e| e.kind == LogKind::OwnerChanged) {
        if let Some(c) = e.client_id.filter(|c| !customers.contains(c)) {
            customers.push(c);
        }
    }
    let mut entries = own;
    for c in customers {
        entries.extend(guard_log::for_client(conn, c)?);
    }
    // One order for the log's entries: as written.
    entries.sort_by_key(|e| e.id);
    for e in entries {
        let (kind, ko, en) = match e.kind {
            LogKind::Export => (
                HistoryKind::Export,
                format!("내보냄: {}", e.detail),
                format!("Exported: {}", e.detail_en),
            ),
            LogKind::Override => (
                HistoryKind::Override,
                format!("표시된 단어를 확인하고 그대로 내보냄: {}", e.detail),
                format!("Exported past confirmed flagged words: {}", e.detail_en),
            ),
            LogKind::Refused => (
                HistoryKind::Refused,
                format!("내보내기를 막음: {}", e.detail),
                format!("Export refused: {}", e.detail_en),
            ),
            // These entries are whole sentences already.
            LogKind::ClientChanged => (HistoryKind::ClientChanged, e.detail, e.detail_en),
            LogKind::OwnerChanged => (HistoryKind::OwnerChanged, e.detail, e.detail_en),
            LogKind::BoxRemoved => (HistoryKind::BoxRemoved, e.detail, e.detail_en),
            LogKind::WordRemoved => (HistoryKind::WordRemoved, e.detail, e.detail_en),
        };
        out.push(HistoryEntry {
            at: e.at,
            kind,
            text_ko: ko,
            text_en: en,
        });
    }
    // Newest first. Log times carry milliseconds; the job's creation time (whole seconds) sorts before any
    // entry of its own second, as "…:38+09:00" < "…:38.120+09:00". Entries of one millisecond keep the
    // order they were written in (each table is read in id order), reversed.
    let mut numbered: Vec<(usize, HistoryEntry)> = out.into_iter().enumerate().collect();
    numbered.sort_by(|(i, a), (j, b)| b.at.cmp(&a.at).then(j.cmp(i)));
    Ok(numbered.into_iter().map(|(_, e)| e).collect())
}
