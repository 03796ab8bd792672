//! Why: the window reopens where the owner left off — the job last worked on, its photos and its draft —
//! so closing the app never loses work.

use serde::Serialize;

use crate::library::Library;
use crate::repo::jobs::{self, Job, JobFields};
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

/// The job worked on last, or a new empty one.
pub fn current(lib: &Library) -> Result<Session> {
    match jobs::latest(lib.conn())? {
        Some(job) => open(lib, job.id),
        None => new_job(lib),
    }
}

/// Starts a new empty job.
pub fn new_job(lib: &Library) -> Result<Session> {
    let job = jobs::create(lib.conn(), &JobFields::default())?;
    open(lib, job.id)
}
