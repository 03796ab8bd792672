//! Why: the club folder as the settings screen and the club list use it — where it is, what waits in it,
//! the shared streaks — over a `Library`; the rules are `crate::club`'s.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::{club, Library, Result};

pub use crate::club::{ClubItem, ClubKind, ClubStreak};

/// The club folder as set.
pub fn folder(lib: &Library) -> Result<Option<String>> {
    Ok(club::folder(lib)?.map(|p| p.to_string_lossy().into_owned()))
}

/// Sets or clears the club folder; with one set, the streak is shared at once when the owner chose to.
pub fn set_folder(lib: &Library, dir: Option<&Path>, now: DateTime<FixedOffset>) -> Result<()> {
    club::set_folder(lib, dir)?;
    club::share_streak(lib, now)
}

/// What others put in the club folder for this library.
pub fn inbox(lib: &Library) -> Result<Vec<ClubItem>> {
    club::inbox(lib)
}

/// Whether the shop shares its streak.
pub fn shares_streak(lib: &Library) -> Result<bool> {
    club::shares_streak(lib)
}

/// Shares the streak or stops.
pub fn set_share_streak(lib: &Library, on: bool, now: DateTime<FixedOffset>) -> Result<()> {
    club::set_share_streak(lib, on, now)
}

/// Writes the shared streak again (after an export; at start).
pub fn refresh_streak(lib: &Library, now: DateTime<FixedOffset>) -> Result<()> {
    club::share_streak(lib, now)
}

/// The club's shared streaks.
pub fn streaks(lib: &Library) -> Result<Vec<ClubStreak>> {
    club::streaks(lib)
}
