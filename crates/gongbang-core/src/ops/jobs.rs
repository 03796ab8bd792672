//! Why: the jobs as the owner handles them — made (with whose part each one is), listed, shown, edited,
//! given an owner — with the guard's verdict where a command answers with it.

use crate::domain::{Job, JobFields, OwnerKind, Photo};
use crate::guard::{self, Guard, HistoryEntry};
use crate::repo::{clients, jobs, photos};
use crate::{CoreError, Library, Result};

/// Every job, most recently worked on first.
pub fn list(lib: &Library) -> Result<Vec<Job>> {
    jobs::list(lib.conn())
}

/// Every job with how many photos it has, most recently worked on first.
pub fn list_with_photo_counts(lib: &Library) -> Result<Vec<(Job, usize)>> {
    jobs::list(lib.conn())?
        .into_iter()
        .map(|j| {
            let n = photos::for_job(lib.conn(), j.id)?.len();
            Ok((j, n))
        })
        .collect()
}

/// The job with this id, or `no_such_job`.
pub fn get(lib: &Library, job_id: i64) -> Result<Job> {
    jobs::get(lib.conn(), job_id)
}

/// Makes a job with its facts and whose part it is (`client_id` required for a customer's job).
pub fn create(
    lib: &Library,
    fields: &JobFields,
    kind: Option<OwnerKind>,
    client_id: Option<i64>,
) -> Result<Job> {
    jobs::create_owned(lib.conn(), fields, kind, client_id)
}

/// Makes a job whose customer is named (the CLI's `--client`): `no_such_client` when there is none by
/// that name, and then nothing is made.
pub fn create_named(
    lib: &Library,
    fields: &JobFields,
    kind: Option<OwnerKind>,
    client_name: Option<&str>,
) -> Result<Job> {
    let client_id = match client_name {
        Some(name) => Some(
            clients::by_name(lib.conn(), name)?
                .ok_or_else(|| CoreError::NoSuchClient(name.to_string()))?
                .id,
        ),
        None => None,
    };
    jobs::create_owned(lib.conn(), fields, kind, client_id)
}

/// Saves the job's facts.
pub fn update(lib: &Library, job_id: i64, fields: &JobFields) -> Result<Job> {
    jobs::update(lib.conn(), job_id, fields)
}

/// Says whose part the job is (a change is logged, old → new) and answers the guard's verdict.
pub fn set_owner(
    lib: &Library,
    job_id: i64,
    kind: Option<OwnerKind>,
    client_id: Option<i64>,
) -> Result<Guard> {
    jobs::set_owner(lib.conn(), job_id, kind, client_id)?;
    guard::verdict(lib.conn(), job_id)
}

/// Everything `job show` prints: the job, the guard's verdict, its photos and its history.
#[derive(Debug, Clone)]
pub struct JobSheet {
    pub job: Job,
    pub guard: Guard,
    pub photos: Vec<Photo>,
    pub history: Vec<HistoryEntry>,
}

/// The job with its verdict, photos and history.
pub fn sheet(lib: &Library, job_id: i64) -> Result<JobSheet> {
    Ok(JobSheet {
        job: jobs::get(lib.conn(), job_id)?,
        guard: guard::verdict(lib.conn(), job_id)?,
        photos: photos::for_job(lib.conn(), job_id)?,
        history: guard::history(lib.conn(), job_id)?,
    })
}
