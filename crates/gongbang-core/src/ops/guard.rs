//! Why: the leak guard's screens as ops — the verdict, approvals, the history, the text scan and its
//! one-click replace, the registered words; every rule is the guard's own (`crate::guard`).

use crate::domain::{NewApproval, Post};
use crate::guard::{self, Guard, HistoryEntry, PlacedFinding, ScanRules};
use crate::repo::{posts, watch_words};
use crate::{Library, Result};

/// The guard's verdict for the job; with a post, the current post's (a photo also in a stricter job makes
/// it that job's).
pub fn job_verdict(lib: &Library, job_id: i64) -> Result<Guard> {
    guard::policy::job_verdict(lib.conn(), job_id)
}

/// The verdict an export of this post gets (the AI helper asks it before sending anything).
pub fn post_verdict(lib: &Library, post: &Post) -> Result<Guard> {
    guard::policy::post_verdict(lib.conn(), post)
}

/// Records a customer's approval of an `ask` job (appended, never edited); answers the new verdict.
pub fn record_approval(lib: &Library, job_id: i64, approval: &NewApproval<'_>) -> Result<Guard> {
    guard::record_approval(lib.conn(), job_id, approval)
}

/// The job's guard log, newest first.
pub fn history(lib: &Library, job_id: i64) -> Result<Vec<HistoryEntry>> {
    guard::history(lib.conn(), job_id)
}

/// Scans every text an export of the saved post will contain.
pub fn scan_post(lib: &Library, post_id: i64) -> Result<Vec<PlacedFinding>> {
    let post = posts::get(lib.conn(), post_id)?;
    guard::scan(lib.conn(), &post)
}

/// The scan rules as the library stands (customers' names and the registered words).
pub fn scan_rules(lib: &Library) -> Result<ScanRules> {
    guard::scan_rules(lib.conn())
}

/// Replaces every occurrence in the saved post (and, kept with the post, in the texts made from the job
/// record and the shop profile); saves it.
pub fn replace_in_post(
    lib: &mut Library,
    post_id: i64,
    find: &str,
    replacement: &str,
) -> Result<Post> {
    guard::replace_in_saved_post(lib.conn_mut(), post_id, find, replacement)
}

/// The words the owner registered.
pub fn watch_words(lib: &Library) -> Result<Vec<String>> {
    watch_words::list(lib.conn())
}

/// Replaces the registered words (each word removed is logged); answers them.
pub fn set_watch_words(lib: &mut Library, words: &[String]) -> Result<Vec<String>> {
    watch_words::set(lib.conn_mut(), words)
}

/// Registers one more word.
pub fn add_watch_word(lib: &Library, word: &str) -> Result<()> {
    watch_words::add(lib.conn(), word)
}
