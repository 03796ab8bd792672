//! Why: the window reopens where the owner left off — the job last worked on, its photos and its draft —
//! so closing the app never loses work.

use serde::Serialize;

use crate::library::Library;
use crate::repo::jobs::{self, Job, JobFields};
use crate::repo::library;
use crate::repo::photos::{self, Photo};
use crate::repo::posts::{self, Post};
use crate::Result;

/// A job with everything the wizard shows.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    pub job: Job,
    pub photos: Vec<Photo>,
    pub post: Option<Post>,
}

/// Loads a job's session.
pub fn open(lib: &Library, job_id: i64) -> Result<Session> {
    let job = jobs::get(lib.conn(), job_id)?;
    Ok(Session {
        photos: photos::for_job(lib.conn(), job_id)?,
        post: posts::latest_for_job(lib.conn(), job_id, None)?,
        job,
    })
}

/// How long a removed job or product can be brought back: 30 days.
pub const UNDO_DAYS: i64 = 30;

/// The job worked on last, or a new empty one. This is the window's start: the removals older than
/// [`UNDO_DAYS`] are purged (an original leaves the store only when nothing uses it any more), and empty
/// jobs other than the one opened are dropped.
pub fn current(lib: &Library) -> Result<Session> {
    purge_removed(lib, UNDO_DAYS * 24 * 3600 * 1000)?;
    let latest = jobs::latest(lib.conn())?;
    library::drop_empty_jobs(lib.conn(), latest.as_ref().map(|j| j.id))?;
    match latest {
        Some(job) => open(lib, job.id),
        None => new_job(lib),
    }
}

/// Purges the removals older than `max_age_ms` and deletes the stored files of the photos nothing uses any
/// more; returns how many photos left the store.
pub fn purge_removed(lib: &Library, max_age_ms: i64) -> Result<usize> {
    let forgotten = library::purge_removals(lib.conn(), max_age_ms)?;
    for f in &forgotten {
        lib.forget_stored(&f.hash)?;
    }
    Ok(forgotten.len())
}

/// Starts a new empty job — or reopens the current one when it is still empty (no photo, no field, no
/// post), so "새 작업" never leaves another "(제목 없음)" behind.
pub fn new_job(lib: &Library) -> Result<Session> {
    if let Some(job) = jobs::latest(lib.conn())? {
        if library::is_empty_job(lib.conn(), job.id)? {
            jobs::touch(lib.conn(), job.id)?;
            return open(lib, job.id);
        }
    }
    let job = jobs::create(lib.conn(), &JobFields::default())?;
    open(lib, job.id)
}
