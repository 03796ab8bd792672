//! Why: the calendar screen's ops — the month, the weekly goal, the start reminder, the post history and
//! "published" — over the calendar's rules (`crate::calendar`).

use chrono::{DateTime, FixedOffset};

use crate::calendar::{self, Calendar, HistoryItem, Reminder};
use crate::repo::post_events;
use crate::{Library, Result};

/// The month's calendar (`month` as YYYY-MM, none = this month) as of `now`.
pub fn month(lib: &Library, month: Option<&str>, now: DateTime<FixedOffset>) -> Result<Calendar> {
    let month = month.map(calendar::parse_month).transpose()?;
    calendar::calendar(lib.conn(), month, now)
}

/// Sets the weekly goal (0–14; 0 = none); answers this month's calendar.
pub fn set_goal(lib: &Library, per_week: u32, now: DateTime<FixedOffset>) -> Result<Calendar> {
    calendar::set_goal(lib.conn(), per_week)?;
    calendar::calendar(lib.conn(), None, now)
}

/// Whether this week is behind its goal, and the jobs still waiting for a post.
pub fn reminder(lib: &Library, now: DateTime<FixedOffset>) -> Result<Reminder> {
    calendar::reminder(lib.conn(), now)
}

/// Every post, newest change first.
pub fn history(lib: &Library) -> Result<Vec<HistoryItem>> {
    calendar::history(lib.conn())
}

/// Marks the post published at `url` (counted on the calendar); answers its history line.
pub fn mark_published(lib: &mut Library, post_id: i64, url: &str) -> Result<HistoryItem> {
    post_events::published(lib.conn_mut(), post_id, url)?;
    calendar::history_item(lib.conn(), post_id)
}
