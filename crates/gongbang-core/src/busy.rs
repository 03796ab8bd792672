//! Why: on Windows a virus scanner, the search indexer or a preview pane often holds a file we have just
//! written for a moment, and renaming it (or the folder it is in) then fails with "Access denied" or "in use".
//! Such a rename is tried again for a few seconds before it counts as failed; elsewhere it runs once.

use std::io;

/// Runs `op`, and on Windows runs it again while it fails because another program holds the file.
pub fn retry_while_busy<T>(mut op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    let mut wait_ms = 20;
    let mut waited_ms = 0;
    loop {
        match op() {
            Err(e) if is_busy(&e) && waited_ms < BUSY_PATIENCE_MS => {
                std::thread::sleep(std::time::Duration::from_millis(wait_ms));
                waited_ms += wait_ms;
                wait_ms = (wait_ms * 2).min(500);
            }
            other => return other,
        }
    }
}

/// How long another program may hold a file before the operation gives up (about what Windows Explorer
/// itself waits before asking).
const BUSY_PATIENCE_MS: u64 = 5_000;

/// ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33): what Windows answers
/// while another program has the file or folder open.
#[cfg(windows)]
fn is_busy(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

#[cfg(not(windows))]
fn is_busy(_e: &io::Error) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_that_is_not_busy_is_returned_at_once() {
        let mut calls = 0;
        let r: io::Result<()> = retry_while_busy(|| {
            calls += 1;
            Err(io::Error::from(io::ErrorKind::NotFound))
        });
        assert!(r.is_err());
        assert_eq!(calls, 1);
    }

    #[cfg(windows)]
    #[test]
    fn a_sharing_violation_is_tried_again_until_it_clears() {
        let mut calls = 0;
        let r = retry_while_busy(|| {
            calls += 1;
            if calls < 3 {
                Err(io::Error::from_raw_os_error(32))
            } else {
                Ok(calls)
            }
        });
        assert_eq!(r.unwrap(), 3);
    }
}
