//! Why: the wizard's session ops — the job last worked on, a new job, opening one — for the window's start
//! and its job list.

use crate::session::{self, Session};
use crate::{repo, Library, Result};

/// The job worked on last with its photos and newest post; a new empty job when there is none.
pub fn current(lib: &Library) -> Result<Session> {
    session::current(lib)
}

/// Starts an empty job and opens it.
pub fn new_job(lib: &Library) -> Result<Session> {
    session::new_job(lib)
}

/// Opens a job and marks it the one worked on last (the app reopens on it).
pub fn open_job(lib: &Library, job_id: i64) -> Result<Session> {
    repo::jobs::touch(lib.conn(), job_id)?;
    session::open(lib, job_id)
}
