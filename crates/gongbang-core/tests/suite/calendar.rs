//! The calendar, the streak, the reminder and the history from a real library: real exports of real photos
//! are counted on the day they happened, past weeks seeded at known times make exact streaks, jobs with
//! photos and no post are the ones the reminder names, and "I posted it" is recorded with its address.

use gongbang_testkit as common;

use chrono::{DateTime, FixedOffset};
use common::*;
use gongbang_core::calendar::{self, parse_month};
use gongbang_core::export::export_post;
use gongbang_core::import::import_paths;
use gongbang_core::repo::{photos, post_events, posts};
use gongbang_core::{Block, Library, Platform, PostStatus};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A job with two real photos and a Naver post showing them.
fn job_and_post(lib: &mut Library, title: &str, files: &[std::path::PathBuf]) -> (i64, i64) {
    let mut fields = shaft_job();
    fields.title = title.into();
    let job = own_job(&*lib, &fields);
    let s = import_paths(lib, Some(job.id), files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0);
    let blocks: Vec<Block> = photos::for_job(lib.conn(), job.id)
        .unwrap()
        .iter()
        .map(|p| Block::Photo {
            photo_id: p.id,
            caption: "가공".into(),
        })
        .collect();
    let post = posts::create(lib.conn_mut(), job.id, Platform::Naver, title, &blocks, &[]).unwrap();
    (job.id, post.id)
}

#[test]
fn an_export_is_on_the_calendar_today_and_in_the_history_with_its_folder() {
    let (tmp, mut lib) = temp_library();
    let files = photos_in("orientation");
    let (_, post) = job_and_post(&mut lib, "샤프트", &files[..2]);
    let (waiting, _) = job_and_post(&mut lib, "플랜지", &files[2..4]);
    let before = calendar::reminder(lib.conn(), chrono::Local::now().fixed_offset()).unwrap();
    assert_eq!(before.jobs_without_post.len(), 2, "{before:?}");

    let out = tmp.path().join("out");
    let res = export_post(&mut lib, post, &out, &[]).unwrap();
    let now = chrono::Local::now().fixed_offset();
    let cal = calendar::calendar(lib.conn(), None, now).unwrap();
    let today = now.date_naive().to_string();
    let day = cal
        .days
        .iter()
        .find(|d| d.date == today)
        .expect("today is marked");
    assert_eq!(day.events.len(), 1);
    assert_eq!(day.events[0].post_id, post);
    assert_eq!(day.events[0].folder.as_deref(), Some(res.folder.as_str()));
    assert!(day.events[0].folder_exists);
    assert_eq!(day.events[0].job_title, "샤프트");
    assert_eq!(cal.this_week, 1);

    // A second export of the same post is another event but still one post this week.
    export_post(&mut lib, post, &out, &[]).unwrap();
    let cal = calendar::calendar(lib.conn(), None, now).unwrap();
    assert_eq!(cal.days.iter().map(|d| d.events.len()).sum::<usize>(), 2);
    assert_eq!(cal.this_week, 1);

    // The reminder now names only the job without a post.
    let r = calendar::reminder(lib.conn(), now).unwrap();
    let ids: Vec<i64> = r.jobs_without_post.iter().map(|j| j.job_id).collect();
    assert_eq!(ids, vec![waiting]);
    assert_eq!(r.jobs_without_post[0].photo_count, 2);
    assert!(r.jobs_without_post[0].first_photo_hash.is_some());
    assert!(!r.behind, "no goal, never behind");

    let h = calendar::history(lib.conn()).unwrap();
    let item = h.iter().find(|i| i.post_id == post).unwrap();
    assert_eq!(item.status, PostStatus::Exported);
    assert!(item.folder_exists);
    std::fs::remove_dir_all(item.export_path.as_ref().unwrap()).unwrap();
    let item = calendar::history_item(lib.conn(), post).unwrap();
    assert!(!item.folder_exists, "a deleted folder is said so");

    post_events::published(lib.conn_mut(), post, "https://blog.naver.com/munrae/2231").unwrap();
    let item = calendar::history_item(lib.conn(), post).unwrap();
    assert_eq!(item.status, PostStatus::Published);
    assert_eq!(
        item.published_url.as_deref(),
        Some("https://blog.naver.com/munrae/2231")
    );
    assert!(post_events::published(lib.conn_mut(), post, "blog.naver.com").is_err());
}

#[test]
fn weeks_goal_and_streak_from_seeded_history() {
    let (_tmp, mut lib) = temp_library();
    let files = photos_in("orientation");
    let (_, a) = job_and_post(&mut lib, "A", &files[..1]);
    let (_, b) = job_and_post(&mut lib, "B", &files[1..2]);
    let conn = lib.conn();
    // Now: Friday 27 November 2026, 10:00 in Seoul. Weeks start on Mondays: 23 Nov, 16 Nov, 9 Nov, 2 Nov.
    let now = at("2026-11-27T10:00:00+09:00");
    for (post, when) in [
        (a, "2026-11-02T09:00:00+09:00"),
        (a, "2026-11-09T23:59:00+09:00"),
        (b, "2026-11-10T08:00:00+09:00"),
        (a, "2026-11-16T00:00:00+09:00"), // Monday 00:00 belongs to the new week
        (b, "2026-11-22T23:59:59+09:00"), // Sunday night belongs to the old one
        (a, "2026-11-25T12:00:00+09:00"),
    ] {
        post_events::exported_at(conn, post, "/tmp/x", at(when)).unwrap();
    }
    calendar::set_goal(conn, 2).unwrap();
    let cal = calendar::calendar(conn, None, now).unwrap();
    assert_eq!(cal.month, "2026-11");
    let counts: Vec<(String, u32)> = cal
        .weeks
        .iter()
        .map(|w| (w.start.clone(), w.count))
        .collect();
    assert_eq!(
        counts[counts.len() - 4..],
        [
            ("2026-11-02".into(), 1),
            ("2026-11-09".into(), 2),
            ("2026-11-16".into(), 2),
            ("2026-11-23".into(), 1),
        ]
    );
    assert_eq!(cal.this_week, 1);
    assert_eq!(
        cal.streak_weeks, 2,
        "9 and 16 Nov met 2; this week is still running"
    );
    assert!(calendar::reminder(conn, now).unwrap().behind);
    let days: Vec<&str> = cal.days.iter().map(|d| d.date.as_str()).collect();
    assert_eq!(
        days,
        [
            "2026-11-02",
            "2026-11-09",
            "2026-11-10",
            "2026-11-16",
            "2026-11-22",
            "2026-11-25"
        ]
    );
    // Another post this week meets the goal: the streak includes this week.
    post_events::exported_at(conn, b, "/tmp/x", at("2026-11-27T09:00:00+09:00")).unwrap();
    let cal = calendar::calendar(conn, None, now).unwrap();
    assert_eq!((cal.this_week, cal.streak_weeks), (2, 3));
    assert!(!calendar::reminder(conn, now).unwrap().behind);
    // Another month, and bad input.
    let oct = calendar::calendar(conn, Some(parse_month("2026-10").unwrap()), now).unwrap();
    assert!(oct.days.is_empty());
    assert!(calendar::set_goal(conn, 15).is_err());
    assert_eq!(calendar::goal(conn).unwrap(), 2);
}
