//! Why: owners keep posting when they see it — a month with the days they posted, a weekly goal they set
//! themselves, the streak of weeks that met it, a gentle word when this week is behind, the jobs whose photos
//! still wait for a post (never one that may never be shown), and every post with its folder. Weeks run Monday to Sunday in local time.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::domain::{Platform, PostStatus};
use crate::repo::post_events::{self, PostEvent};
use crate::repo::settings;
use crate::{CoreError, Result};

/// Settings key of the weekly goal (posts a week; 0 or missing = no goal).
pub const GOAL_KEY: &str = "coach.goal_per_week";
/// The most a goal can ask for (two a day).
pub const MAX_GOAL: u32 = 14;
/// Weeks shown in the small bar row.
pub const WEEKS_SHOWN: usize = 8;
/// Jobs listed by the reminder.
pub const REMINDER_JOBS: usize = 5;

/// The days of one month that have events.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Day {
    pub date: String,
    pub events: Vec<PostEvent>,
}

/// One Monday-to-Sunday week: distinct posts exported or published in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeekStat {
    pub start: String,
    pub count: u32,
    pub met: bool,
}

/// What the calendar screen shows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Calendar {
    pub month: String,
    pub days: Vec<Day>,
    pub goal_per_week: u32,
    pub this_week: u32,
    pub streak_weeks: u32,
    pub weeks: Vec<WeekStat>,
}

/// A job with photos and no post sent anywhere yet.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WaitingJob {
    pub job_id: i64,
    pub title: String,
    pub photo_count: u32,
    /// The first photo's hash (the window shows its thumbnail).
    pub first_photo_hash: Option<String>,
}

/// The word on start.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub behind: bool,
    pub goal_per_week: u32,
    pub this_week: u32,
    pub jobs_without_post: Vec<WaitingJob>,
}

/// One post in the history.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HistoryItem {
    pub post_id: i64,
    pub job_id: i64,
    pub job_title: String,
    pub platform: Platform,
    pub title: String,
    pub status: PostStatus,
    pub export_path: Option<String>,
    pub folder_exists: bool,
    pub exported_at: Option<String>,
    pub published_url: Option<String>,
    pub updated_at: String,
}

/// The weekly goal (0 = none).
pub fn goal(conn: &Connection) -> Result<u32> {
    Ok(settings::get(conn, GOAL_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
        .min(MAX_GOAL))
}

/// Sets the weekly goal.
pub fn set_goal(conn: &Connection, per_week: u32) -> Result<()> {
    if per_week > MAX_GOAL {
        return Err(CoreError::invalid(
            format!("한 주 목표는 0–{MAX_GOAL}개 사이로 정해 주세요."),
            format!("Set a weekly goal between 0 and {MAX_GOAL}."),
        ));
    }
    settings::set(conn, GOAL_KEY, &per_week.to_string())
}

/// Parses `YYYY-MM`.
pub fn parse_month(s: &str) -> Result<(i32, u32)> {
    let bad = || {
        CoreError::invalid(
            format!("'{s}'는 달 형식(YYYY-MM)이 아닙니다."),
            format!("'{s}' is not a month (YYYY-MM)."),
        )
    };
    let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(1..=12).contains(&m) || !(1970..=9999).contains(&y) {
        return Err(bad());
    }
    Ok((y, m))
}

/// The Monday that starts the week of `d`.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Instant of local midnight at the start of `d` in `now`'s offset (ms since the epoch).
fn midnight_ms(d: NaiveDate, tz: &FixedOffset) -> i64 {
    tz.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .single()
        .map_or(0, |t| t.timestamp_millis())
}

/// The local date of an event (as it was where and when it happened).
fn event_date(e: &PostEvent) -> Option<NaiveDate> {
    e.when().map(|t| t.date_naive())
}

/// Events on local dates `from..to` (a day of margin on each side is read, then filtered by date).
fn events_on(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    tz: &FixedOffset,
) -> Result<Vec<PostEvent>> {
    let day = 86_400_000;
    let all = post_events::between(conn, midnight_ms(from, tz) - day, midnight_ms(to, tz) + day)?;
    Ok(all
        .into_iter()
        .filter(|e| event_date(e).is_some_and(|d| d >= from && d < to))
        .collect())
}

/// Distinct posts per week for the `n` weeks ending with the week of `today` (oldest first).
fn week_counts(
    conn: &Connection,
    today: NaiveDate,
    n: usize,
    tz: &FixedOffset,
) -> Result<Vec<(NaiveDate, u32)>> {
    let this = week_start(today);
    let first = this - Duration::weeks(n as i64 - 1);
    let events = events_on(conn, first, this + Duration::weeks(1), tz)?;
    Ok((0..n)
        .map(|i| {
            let start = first + Duration::weeks(i as i64);
            let end = start + Duration::weeks(1);
            let mut posts: Vec<i64> = events
                .iter()
                .filter(|e| event_date(e).is_some_and(|d| d >= start && d < end))
                .map(|e| e.post_id)
                .collect();
            posts.sort_unstable();
            posts.dedup();
            (start, posts.len() as u32)
        })
        .collect())
}

/// Weeks in a row that met the goal, ending this week (counted once met) or else last week.
fn streak(counts: &[(NaiveDate, u32)], goal: u32) -> u32 {
    if goal == 0 {
        return 0;
    }
    let mut it = counts.iter().rev().peekable();
    if it.peek().is_some_and(|(_, c)| *c < goal) {
        it.next(); // this week is still running
    }
    it.take_while(|(_, c)| *c >= goal).count() as u32
}

/// The calendar of `month` (`None` = the month of `now`), as seen at `now`.
pub fn calendar(
    conn: &Connection,
    month: Option<(i32, u32)>,
    now: DateTime<FixedOffset>,
) -> Result<Calendar> {
    let tz = *now.offset();
    let today = now.date_naive();
    let (y, m) = month.unwrap_or((today.year(), today.month()));
    let first = NaiveDate::from_ymd_opt(y, m, 1)
        .ok_or_else(|| CoreError::invalid("없는 달입니다.", "No such month."))?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    }
    .ok_or_else(|| CoreError::invalid("없는 달입니다.", "No such month."))?;
    let mut days: Vec<Day> = Vec::new();
    for e in events_on(conn, first, next, &tz)? {
        let date = event_date(&e).map(|d| d.to_string()).unwrap_or_default();
        match days.last_mut() {
            Some(d) if d.date == date => d.events.push(e),
            _ => days.push(Day {
                date,
                events: vec![e],
            }),
        }
    }
    let goal = goal(conn)?;
    // The streak may reach further back than the bars shown.
    let counts = week_counts(conn, today, 104, &tz)?;
    let weeks = counts[counts.len() - WEEKS_SHOWN..]
        .iter()
        .map(|(start, count)| WeekStat {
            start: start.to_string(),
            count: *count,
            met: goal > 0 && *count >= goal,
        })
        .collect();
    Ok(Calendar {
        month: format!("{y:04}-{m:02}"),
        days,
        goal_per_week: goal,
        this_week: counts.last().map_or(0, |c| c.1),
        streak_weeks: streak(&counts, goal),
        weeks,
    })
}

/// What to say on start, at `now`.
pub fn reminder(conn: &Connection, now: DateTime<FixedOffset>) -> Result<Reminder> {
    let goal = goal(conn)?;
    let this_week = week_counts(conn, now.date_naive(), 1, now.offset())?
        .first()
        .map_or(0, |c| c.1);
    let mut st = conn.prepare(
        "SELECT j.id, j.title, COUNT(jp.photo_id),
                (SELECT p.hash FROM job_photos f JOIN photos p ON p.id = f.photo_id
                 WHERE f.job_id = j.id ORDER BY f.position LIMIT 1)
         FROM jobs j JOIN job_photos jp ON jp.job_id = j.id
         WHERE NOT EXISTS (SELECT 1 FROM posts p JOIN post_events e ON e.post_id = p.id
                           WHERE p.job_id = j.id)
           -- Never suggest a job that may never be shown: a customer's job under 'never', or one whose
           -- photos are also in such a job (the same file imported twice). The job itself is among `k`.
           AND NOT EXISTS (SELECT 1 FROM job_photos a JOIN job_photos b ON b.photo_id = a.photo_id
                           JOIN jobs k ON k.id = b.job_id JOIN clients c ON c.id = k.client_id
                           WHERE a.job_id = j.id AND k.owner_kind = 'client' AND c.policy = 'never')
         GROUP BY j.id ORDER BY j.updated_at DESC, j.id DESC LIMIT ?1",
    )?;
    let jobs = st
        .query_map([REMINDER_JOBS as i64], |r| {
            Ok(WaitingJob {
                job_id: r.get(0)?,
                title: r.get(1)?,
                photo_count: r.get(2)?,
                first_photo_hash: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Reminder {
        behind: goal > 0 && this_week < goal,
        goal_per_week: goal,
        this_week,
        jobs_without_post: jobs,
    })
}

/// Every post, the most recently changed first.
pub fn history(conn: &Connection) -> Result<Vec<HistoryItem>> {
    history_where(conn, "1 = 1", params![])
}

/// One post's history line.
pub fn history_item(conn: &Connection, post_id: i64) -> Result<HistoryItem> {
    history_where(conn, "p.id = ?1", params![post_id])?
        .pop()
        .ok_or(CoreError::NoSuchPost(post_id))
}

fn history_where(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<HistoryItem>> {
    let mut st = conn.prepare(&format!(
        "SELECT p.id, p.job_id, j.title, p.platform, p.title, p.status, p.export_path, p.exported_at,
                p.published_url, p.updated_at
         FROM posts p JOIN jobs j ON j.id = p.job_id
         WHERE {filter}
         ORDER BY p.updated_at DESC, p.id DESC"
    ))?;
    let rows = st.query_map(args, |r| {
        let platform: String = r.get(3)?;
        let status: String = r.get(5)?;
        let export_path: Option<String> = r.get(6)?;
        Ok(HistoryItem {
            post_id: r.get(0)?,
            job_id: r.get(1)?,
            job_title: r.get(2)?,
            platform: Platform::parse(&platform).unwrap_or(Platform::Naver),
            title: r.get(4)?,
            status: PostStatus::parse(&status),
            folder_exists: export_path
                .as_deref()
                .is_some_and(|f| std::path::Path::new(f).is_dir()),
            export_path,
            exported_at: r.get(7)?,
            published_url: r.get(8)?,
            updated_at: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d("2026-11-27")), d("2026-11-23")); // a Friday
        assert_eq!(week_start(d("2026-11-23")), d("2026-11-23"));
        assert_eq!(week_start(d("2026-11-29")), d("2026-11-23")); // Sunday
        assert_eq!(week_start(d("2026-01-01")), d("2025-12-29"));
    }

    #[test]
    fn the_streak_counts_this_week_once_met_and_waits_for_it_otherwise() {
        let w = |c: &[u32]| -> Vec<(NaiveDate, u32)> {
            c.iter().map(|&c| (d("2026-01-05"), c)).collect()
        };
        assert_eq!(streak(&w(&[1, 1, 1]), 1), 3);
        assert_eq!(streak(&w(&[1, 1, 0]), 1), 2); // this week not yet
        assert_eq!(streak(&w(&[1, 0, 1, 0]), 1), 1);
        assert_eq!(streak(&w(&[2, 1, 2]), 2), 1);
        assert_eq!(streak(&w(&[0, 0, 0]), 1), 0);
        assert_eq!(streak(&w(&[3, 3]), 0), 0); // no goal, no streak
    }

    #[test]
    fn months_are_checked() {
        assert_eq!(parse_month("2026-11").unwrap(), (2026, 11));
        assert!(parse_month("2026-13").is_err());
        assert!(parse_month("11/2026").is_err());
    }
}
