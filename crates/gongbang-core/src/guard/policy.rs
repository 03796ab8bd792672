//! Why: whether a job may leave the shop at all is decided here, once, for every path (window, CLI and
//! any publisher): own product → yes; `public` customer → yes; `ask` → only with a recorded approval from
//! the job's current customer; `never` → no; owner not set → treated as `ask`.

use rusqlite::Connection;
use serde::Serialize;

use crate::repo::approvals::{self, Approval, NewApproval};
use crate::repo::clients::{self, Client, Policy};
use crate::domain::JobKind;
use crate::repo::jobs::{self, OwnerKind};
use crate::repo::posts::{self, Post};
use crate::{CoreError, Result};

/// The leak guard's verdict on one job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
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
    /// Set by [`post_verdict`] when a photo of the post made the verdict stricter than the job's own: a photo
    /// that is not the job's, or one that also belongs to a stricter job (a duplicate import).
    pub photo_issue: Option<PhotoIssue>,
    /// For a post about a product (a job of kind `product_post`): the product's job whose verdict this is,
    /// when one of them is stricter than the shop's own (never > ask without approval > ask with approval,
    /// public, own). The window says "approve it on that job" and opens it.
    pub source_job: Option<SourceJob>,
}

/// The job of a product that made a product post's verdict strict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SourceJob {
    pub job_id: i64,
    pub title: String,
    pub client: Option<String>,
    pub policy: Policy,
    /// Always true: lets the window tell this verdict from a job's own.
    pub product_job: bool,
}

/// The photo that made a post's verdict stricter than its job's, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PhotoIssue {
    pub photo_id: i64,
    /// The other job that holds the photo (none: the photo is not the post's job's at all).
    pub other_job_id: Option<i64>,
    pub other_job_title: String,
    /// The other job's customer and policy.
    pub other_client: Option<String>,
    pub other_policy: Option<Policy>,
    /// The refusal in full (also in `reason_ko` / `reason_en`).
    pub code: String,
}

impl Guard {
    /// The refusal as an error, when the job may not be exported.
    pub fn refusal(&self) -> Option<CoreError> {
        if self.can_export {
            return None;
        }
        if let Some(issue) = &self.photo_issue {
            return Some(issue_error(self.job_id, issue));
        }
        if let Some(src) = &self.source_job {
            let inner = match src.policy {
                Policy::Never => CoreError::ExportForbidden {
                    client: src.client.clone().unwrap_or_default(),
                },
                _ => CoreError::ApprovalMissing {
                    client: src.client.clone(),
                },
            };
            return Some(CoreError::ProductJobRefused {
                job_id: src.job_id,
                job_title: src.title.clone(),
                refusal: Box::new(inner),
            });
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

/// The verdict for a job as the library stands now. A post about a product (kind `product_post`) goes out
/// only under the strictest verdict among the product's jobs (it draws on all their facts and photos): a
/// `never` job refuses it, an `ask` job without its approval refuses it, and `source_job` names that job.
pub fn verdict(conn: &Connection, job_id: i64) -> Result<Guard> {
    let job = jobs::get(conn, job_id)?;
    let mut guard = own_verdict(conn, &job)?;
    if job.kind == JobKind::ProductPost {
        if let Some(product_id) = job.product_id {
            let mut worst: Option<(u8, Guard)> = None;
            for source in crate::repo::products::source_jobs(conn, product_id)? {
                let g = own_verdict(conn, &jobs::get(conn, source)?)?;
                let rank = strictness(&g);
                if rank > strictness(&guard) && worst.as_ref().is_none_or(|(r, _)| rank > *r) {
                    worst = Some((rank, g));
                }
            }
            if let Some((_, src)) = worst {
                guard.can_export = false;
                guard.source_job = Some(SourceJob {
                    job_id: src.job_id,
                    title: jobs::get(conn, src.job_id)?.fields.title,
                    client: src.client.as_ref().map(|c| c.name.clone()),
                    policy: src.policy,
                    product_job: true,
                });
                guard.reason_ko = None;
                guard.reason_en = None;
                set_reason(&mut guard);
            }
        }
    }
    Ok(guard)
}

/// The verdict of a job by its own owner and approvals.
fn own_verdict(conn: &Connection, job: &jobs::Job) -> Result<Guard> {
    let job_id = job.id;
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
        photo_issue: None,
        source_job: None,
    };
    set_reason(&mut guard);
    Ok(guard)
}

fn set_reason(guard: &mut Guard) {
    if let Some(e) = guard.refusal() {
        guard.reason_ko = Some(e.message_ko());
        guard.reason_en = Some(e.message_en());
    }
}

/// How strict a verdict is: 0 may go out (public, own, ask with approval), 1 ask without approval, 2 never.
fn strictness(g: &Guard) -> u8 {
    match (g.can_export, g.policy) {
        (true, _) => 0,
        (false, Policy::Never) => 2,
        (false, _) => 1,
    }
}

fn issue_error(job_id: i64, issue: &PhotoIssue) -> CoreError {
    match issue.other_job_id {
        None => CoreError::PhotoNotInJob {
            photo_id: issue.photo_id,
            job_id,
        },
        Some(other) => CoreError::SharedPhotoRefused {
            photo_id: issue.photo_id,
            other_job_id: other,
            other_job_title: issue.other_job_title.clone(),
            refusal: Box::new(match issue.other_policy {
                Some(Policy::Never) => CoreError::ExportForbidden {
                    client: issue.other_client.clone().unwrap_or_default(),
                },
                _ => CoreError::ApprovalMissing {
                    client: issue.other_client.clone(),
                },
            }),
        },
    }
}

/// The verdict for exporting `post`: its job's verdict, made stricter by its photos. A photo that is not
/// the job's refuses the export; a photo that also belongs to other jobs (the same file imported into
/// several jobs) goes out only under the strictest verdict among them (never > ask without approval >
/// ask with approval / public), and the verdict names that photo and job.
pub fn post_verdict(conn: &Connection, post: &Post) -> Result<Guard> {
    let mut guard = verdict(conn, post.job_id)?;
    let mut seen: Vec<i64> = Vec::new();
    let mut strictest: Option<(u8, PhotoIssue)> = None;
    for photo_id in post.photo_ids() {
        if seen.contains(&photo_id) {
            continue;
        }
        seen.push(photo_id);
        if !jobs::has_photo(conn, post.job_id, photo_id)? {
            // Not the job's photo at all: the strictest case, nothing to weigh against.
            strictest = Some((
                3,
                PhotoIssue {
                    photo_id,
                    other_job_id: None,
                    other_job_title: String::new(),
                    other_client: None,
                    other_policy: None,
                    code: "photo_not_in_job".into(),
                },
            ));
            break;
        }
        for other_id in jobs_holding(conn, photo_id)? {
            if other_id == post.job_id {
                continue;
            }
            let other = verdict(conn, other_id)?;
            let rank = strictness(&other);
            if rank > strictness(&guard) && strictest.as_ref().is_none_or(|(r, _)| rank > *r) {
                let title = jobs::get(conn, other_id)?.fields.title;
                let issue = PhotoIssue {
                    photo_id,
                    other_job_id: Some(other_id),
                    other_job_title: title,
                    other_client: other.client.as_ref().map(|c| c.name.clone()),
                    other_policy: Some(other.policy),
                    code: String::new(),
                };
                strictest = Some((rank, issue));
            }
        }
    }
    if let Some((_, mut issue)) = strictest {
        let err = issue_error(post.job_id, &issue);
        issue.code = err.code().to_string();
        guard.can_export = false;
        guard.reason_ko = Some(err.message_ko());
        guard.reason_en = Some(err.message_en());
        guard.photo_issue = Some(issue);
    }
    Ok(guard)
}

/// The verdict the window shows for a job: that of the job's current post (the one worked on last) when
/// there is one, so a shared photo's stricter rule shows before export; the job's own otherwise.
pub fn job_verdict(conn: &Connection, job_id: i64) -> Result<Guard> {
    match posts::latest_for_job(conn, job_id, None)? {
        Some(post) => post_verdict(conn, &post),
        None => verdict(conn, job_id),
    }
}

/// The jobs that hold a photo.
fn jobs_holding(conn: &Connection, photo_id: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare("SELECT job_id FROM job_photos WHERE photo_id = ?1 ORDER BY job_id")?;
    let rows = stmt.query_map([photo_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
