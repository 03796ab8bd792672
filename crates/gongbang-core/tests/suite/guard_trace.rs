//! Issue 10, item 5 (changes that leave no trace) and item 8's reminder, on real libraries: boxes added to
//! those drawn in the window, no silent overwrite of a customer, every loosening change in the guard log and
//! the job's history, the export's entry naming its policy and approval, the append-only tables refusing
//! INSERT OR REPLACE and its cousins on the SQLite file itself, a version-4 library keeping its log through
//! the migration, and the start-up reminder never suggesting a job that may never be shown.

use gongbang_testkit as common;

use std::path::Path;

use common::*;
use gongbang_core::export::export_post;
use gongbang_core::guard::{self, history::HistoryKind};
use gongbang_core::import::import_paths;
use gongbang_core::repo::approvals::NewApproval;
use gongbang_core::repo::clients::{self, Client, ClientInput, Policy};
use gongbang_core::repo::guard_log::{self, LogKind};
use gongbang_core::repo::jobs::{self, OwnerKind};
use gongbang_core::repo::redactions::{self, RedactBox};
use gongbang_core::repo::{photos, watch_words};
use gongbang_core::{calendar, draft, CoreError, Library, Platform, Post};
use rusqlite::Connection;

fn edit(c: &Client) -> ClientInput {
    ClientInput {
        id: Some(c.id),
        name: c.name.clone(),
        aliases: c.aliases.clone(),
        policy: c.policy,
        note: c.note.clone(),
    }
}

/// A job of `kind`/`client` holding `files` (imported into it).
fn job_with(
    lib: &mut Library,
    title: &str,
    kind: Option<OwnerKind>,
    client: Option<i64>,
    files: &[std::path::PathBuf],
) -> i64 {
    let job = titled_job(lib, title, kind, client);
    import_paths(lib, Some(job.id), files, |_, _, _| {}).unwrap();
    job.id
}

/// An ask customer 서울기계 and its job 샤프트 with one photo and a Naver draft: the customer, the job id
/// and the draft.
fn ask_job_with_draft(lib: &mut Library) -> (Client, i64, Post) {
    let c = new_client(lib, "서울기계", Policy::Ask, &[]);
    let job = job_with(
        lib,
        "샤프트",
        Some(OwnerKind::Client),
        Some(c.id),
        &photos_in("gps")[..1],
    );
    let post = draft::make_draft(lib, job, Platform::Naver).unwrap();
    (c, job, post)
}

/// The job's guard log entries of one kind, oldest first.
fn logged(conn: &Connection, job: i64, kind: LogKind) -> Vec<guard_log::LogEntry> {
    guard_log::for_job(conn, job)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == kind)
        .collect()
}

fn bx(x: f64, y: f64, w: f64, h: f64) -> RedactBox {
    RedactBox { x, y, w, h }
}

#[test]
fn added_boxes_keep_those_drawn_in_the_window() {
    let (_tmp, mut lib) = temp_library();
    let job = job_with(
        &mut lib,
        "브래킷",
        Some(OwnerKind::Own),
        None,
        &photos_in("gps")[..1],
    );
    let photo = photos::for_job(lib.conn(), job).unwrap()[0].id;
    let window = bx(0.1, 0.1, 0.2, 0.2);
    redactions::set(lib.conn_mut(), photo, &[window]).unwrap();
    let cli = bx(0.5, 0.5, 0.3, 0.3);
    let all = redactions::add(lib.conn_mut(), photo, &[cli]).unwrap();
    assert_eq!(all, vec![window, cli]);
    // The same command run again adds nothing twice.
    redactions::add(lib.conn_mut(), photo, &[cli, window]).unwrap();
    assert_eq!(
        redactions::for_photo(lib.conn(), photo).unwrap(),
        vec![window, cli]
    );
    // A bad box is refused and nothing changes.
    assert!(redactions::add(lib.conn_mut(), photo, &[cli, bx(0.9, 0.0, 0.5, 0.5)]).is_err());
    assert_eq!(
        photos::get(lib.conn(), photo).unwrap().unwrap().redactions,
        vec![window, cli]
    );
}

#[test]
fn a_new_customer_never_overwrites_an_existing_one() {
    let (_tmp, lib) = temp_library();
    let dh = new_client(&lib, "대한정밀", Policy::Never, &["DH"]);
    let en = new_client(&lib, "Daehan Precision", Policy::Ask, &["DHP"]);
    for (name, existing) in [
        ("대한정밀", "대한정밀"),
        (" 대한정밀 ", "대한정밀"),
        ("대한 정밀", "대한정밀"),
        ("대한-정밀", "대한정밀"),
        ("대한\u{200B}정밀", "대한정밀"),
        ("대한ㆍ정밀", "대한정밀"),
        ("대한·정밀", "대한정밀"),
        ("daehan precision", "Daehan Precision"),
        ("DAEHAN  PRECISION", "Daehan Precision"),
        ("Ｄａｅｈａｎ Ｐｒｅｃｉｓｉｏｎ", "Daehan Precision"),
    ] {
        let e = clients::save(
            lib.conn(),
            &ClientInput {
                id: None,
                name: name.into(),
                aliases: vec![],
                policy: Policy::Public,
                note: String::new(),
            },
        )
        .unwrap_err();
        let CoreError::ClientExists {
            existing: found, ..
        } = &e
        else {
            panic!("{name}: {e}")
        };
        assert_eq!(found, existing);
        assert_eq!(e.code(), "client_exists");
        assert!(e.message_ko().contains(existing) && e.message_en().contains("Nothing was"));
    }
    // Nothing changed, nothing was added, nothing was logged.
    assert_eq!(
        clients::list(lib.conn()).unwrap(),
        vec![en.clone(), dh.clone()]
    );
    assert!(guard_log::library_wide(lib.conn()).unwrap().is_empty());
    // The same comparison finds a customer by name.
    assert_eq!(
        clients::by_name(lib.conn(), "대한 정밀")
            .unwrap()
            .map(|c| c.id),
        Some(dh.id)
    );
    // Renaming one customer onto another's name is refused too.
    let mut input = edit(&en);
    input.name = "대한-정밀".into();
    assert_eq!(
        clients::save(lib.conn(), &input).unwrap_err().code(),
        "client_exists"
    );
}

#[test]
fn loosening_changes_are_logged_and_shown_in_the_jobs_history() {
    let (_tmp, mut lib) = temp_library();
    let a = new_client(&lib, "대한정밀", Policy::Never, &["DH", "대한"]);
    let b = new_client(&lib, "서울기계", Policy::Ask, &[]);
    let other = new_client(&lib, "부산금속", Policy::Ask, &["BS"]);
    let job = job_with(
        &mut lib,
        "브래킷",
        Some(OwnerKind::Client),
        Some(a.id),
        &photos_in("gps")[..1],
    );
    // Creating a job and saying whose it is, is not a change.
    assert!(guard_log::for_job(lib.conn(), job).unwrap().is_empty());

    // A customer's policy and aliases: old → new.
    let mut input = edit(&a);
    input.policy = Policy::Public;
    input.aliases = vec!["DH".into()];
    clients::save(lib.conn(), &input).unwrap();
    let log = guard_log::for_client(lib.conn(), a.id).unwrap();
    assert_eq!(log.len(), 1, "{log:#?}");
    assert_eq!(log[0].kind, LogKind::ClientChanged);
    assert_eq!(log[0].job_id, None);
    assert!(
        log[0].detail.contains("정책: never → public")
            && log[0].detail.contains("별칭: DH, 대한 → DH"),
        "{}",
        log[0].detail
    );
    assert!(
        log[0].detail_en.contains("policy: never → public"),
        "{}",
        log[0].detail_en
    );
    // Saving without a change writes nothing; a note change is logged too (issue 14: every change of a
    // customer is in the log), as a line of its own.
    clients::save(lib.conn(), &input).unwrap();
    assert_eq!(guard_log::for_client(lib.conn(), a.id).unwrap().len(), 1);
    input.note = "담당 김부장".into();
    clients::save(lib.conn(), &input).unwrap();
    let log = guard_log::for_client(lib.conn(), a.id).unwrap();
    assert_eq!(log.len(), 2);
    assert!(
        log.iter().any(|e| e.detail.contains("메모")),
        "{:?}",
        log.iter().map(|e| &e.detail).collect::<Vec<_>>()
    );
    // Another customer's change is not this job's business.
    let mut o = edit(&other);
    o.aliases.clear();
    clients::save(lib.conn(), &o).unwrap();

    // The job's owner: customer A → customer B → own product.
    jobs::set_owner(lib.conn(), job, Some(OwnerKind::Client), Some(b.id)).unwrap();
    jobs::set_owner(lib.conn(), job, Some(OwnerKind::Client), Some(b.id)).unwrap(); // no change
    jobs::set_owner(lib.conn(), job, Some(OwnerKind::Own), None).unwrap();
    let owners = logged(lib.conn(), job, LogKind::OwnerChanged);
    assert_eq!(owners.len(), 2, "{owners:#?}");
    assert_eq!(
        owners[0].detail,
        "누구 것인지 바꿈: 고객사 '대한정밀' (정책 public) → 고객사 '서울기계' (정책 ask)"
    );
    assert_eq!(owners[0].client_id, Some(a.id));
    assert_eq!(
        owners[1].detail_en,
        "Owner changed: customer '서울기계' (policy ask) → own product"
    );
    // B's later change shows in the job's history (the job was B's), as does A's.
    let mut bi = edit(&b);
    bi.policy = Policy::Never;
    clients::save(lib.conn(), &bi).unwrap();

    // A box taken off the job's photo, with its coordinates; a box moved counts as its old place removed.
    let photo = photos::for_job(lib.conn(), job).unwrap()[0].id;
    let keep = bx(0.5, 0.5, 0.25, 0.25);
    redactions::set(lib.conn_mut(), photo, &[bx(0.1, 0.2, 0.3, 0.4), keep]).unwrap();
    redactions::set(lib.conn_mut(), photo, &[keep]).unwrap();
    redactions::set(lib.conn_mut(), photo, &[keep, bx(0.0, 0.0, 0.1, 0.1)]).unwrap();
    let boxes = logged(lib.conn(), job, LogKind::BoxRemoved);
    assert_eq!(boxes.len(), 1, "adding boxes is not logged: {boxes:#?}");
    assert_eq!(boxes[0].photo_id, Some(photo));
    assert!(
        boxes[0]
            .detail
            .contains("x 0.1000, y 0.2000, 너비 0.3000, 높이 0.4000"),
        "{}",
        boxes[0].detail
    );

    // A removed watch word, for the whole library.
    watch_words::set(lib.conn_mut(), &["프로젝트X".into(), "HX204".into()]).unwrap();
    watch_words::set(lib.conn_mut(), &["hx204".into()]).unwrap();
    let words: Vec<_> = guard_log::library_wide(lib.conn())
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == LogKind::WordRemoved)
        .collect();
    assert_eq!(words.len(), 1, "a change of case is no removal: {words:#?}");
    assert_eq!(words[0].detail, "등록한 단어를 뺌: 프로젝트X");
    assert_eq!(words[0].detail_en, "Watch word removed: 프로젝트X");

    // The history shows them all in both languages (the customer's two changes and its note), and nothing of
    // the other customer or of the words.
    let h = guard::history(lib.conn(), job).unwrap();
    let count = |k: HistoryKind| h.iter().filter(|e| e.kind == k).count();
    assert_eq!(count(HistoryKind::ClientChanged), 3, "{h:#?}");
    assert_eq!(count(HistoryKind::OwnerChanged), 2);
    assert_eq!(count(HistoryKind::BoxRemoved), 1);
    assert_eq!(count(HistoryKind::WordRemoved), 0);
    assert!(h
        .iter()
        .all(|e| !e.text_ko.contains("부산금속") && !e.text_ko.contains("프로젝트X")));
    assert!(h.iter().any(|e| e
        .text_en
        .contains("Customer '서울기계' changed — policy: ask → never")));
    assert_eq!(h[0].kind, HistoryKind::BoxRemoved, "newest first");
}

#[test]
fn the_export_entry_names_its_policy_and_approval() {
    let (tmp, mut lib) = temp_library();
    let out = tmp.path().join("out");
    let (_, job, post) = ask_job_with_draft(&mut lib);
    guard::record_approval(
        lib.conn(),
        job,
        &NewApproval {
            approved_by: "박과장",
            how: "전화",
            note: "블로그만",
            approved_at: Some("2026-11-20"),
        },
    )
    .unwrap();
    let res = export_post(&mut lib, post.id, &out, &[]).unwrap();
    let e = guard_log::for_job(lib.conn(), job)
        .unwrap()
        .into_iter()
        .rfind(|e| e.kind == LogKind::Export)
        .unwrap();
    assert!(e.detail.starts_with(&res.folder), "{}", e.detail);
    assert!(
        e.detail
            .contains("정책 ask ('서울기계' 고객사), 허락: 서울기계 박과장님, 전화, 2026-11-20"),
        "{}",
        e.detail
    );
    assert!(
        e.detail_en.contains(
            "policy ask (customer '서울기계'), approval: 박과장 of 서울기계, 전화, 2026-11-20"
        ),
        "{}",
        e.detail_en
    );

    let own = job_with(
        &mut lib,
        "플랜지",
        Some(OwnerKind::Own),
        None,
        &photos_in("gps")[1..2],
    );
    let post = draft::make_draft(&mut lib, own, Platform::Naver).unwrap();
    export_post(&mut lib, post.id, &out, &[]).unwrap();
    let h = guard::history(lib.conn(), own).unwrap();
    assert!(
        h[0].text_en
            .ends_with("policy public (own product), approval: not needed"),
        "{}",
        h[0].text_en
    );
}

/// Every row of a table, as text, in id order.
fn dump(conn: &Connection, table: &str) -> Vec<String> {
    rows_as_text(conn, &format!("SELECT * FROM {table} ORDER BY id"))
}

/// Every row `sql` gives, as text: its columns' values joined by `|`.
fn rows_as_text(conn: &Connection, sql: &str) -> Vec<String> {
    let mut st = conn.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        Ok((0..n)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Tries every way of rewriting row 1 of an append-only table; each must be refused, leaving the rows as
/// they were.
fn assert_append_only(conn: &Connection, table: &str, row1_values: &str, columns: &str) {
    let before = dump(conn, table);
    assert!(!before.is_empty());
    let attempts = [
        format!("UPDATE {table} SET id = id"),
        format!("DELETE FROM {table}"),
        format!("DELETE FROM {table} WHERE id = 1"),
        format!("INSERT OR REPLACE INTO {table} ({columns}) VALUES ({row1_values})"),
        format!("REPLACE INTO {table} ({columns}) VALUES ({row1_values})"),
        format!(
            "INSERT INTO {table} ({columns}) VALUES ({row1_values}) ON CONFLICT (id) DO UPDATE SET id = excluded.id"
        ),
        format!("INSERT INTO {table} ({columns}) VALUES ({row1_values}) ON CONFLICT DO NOTHING"),
        format!("INSERT OR IGNORE INTO {table} ({columns}) VALUES ({row1_values})"),
        // An id below 1 would read like the one SQLite gives in a BEFORE INSERT trigger: refused.
        format!(
            "INSERT INTO {table} ({columns}) VALUES ({})",
            row1_values.replacen('1', "-1", 1)
        ),
    ];
    for sql in &attempts {
        let r = conn.execute(sql, []);
        assert!(r.is_err(), "{table}: not refused: {sql}");
        assert_eq!(dump(conn, table), before, "{table}: changed by {sql}");
    }
}

#[test]
fn the_append_only_tables_refuse_replace_on_the_file_itself() {
    let (tmp, mut lib) = temp_library();
    let (c, job, post) = ask_job_with_draft(&mut lib);
    let out = tmp.path().join("out");
    assert!(export_post(&mut lib, post.id, &out, &[]).is_err()); // logs a refusal
    guard::record_approval(
        lib.conn(),
        job,
        &NewApproval {
            approved_by: "박과장",
            how: "전화",
            note: "",
            approved_at: None,
        },
    )
    .unwrap();
    drop(lib);

    let conn = Connection::open(tmp.path().join("lib/library.sqlite3")).unwrap();
    assert_append_only(
        &conn,
        "guard_log",
        &format!("1, {job}, 'export', 'nothing happened', 'nothing happened', '2020-01-01'"),
        "id, job_id, kind, detail, detail_en, at",
    );
    assert_append_only(
        &conn,
        "approvals",
        &format!(
            "1, {job}, {}, '아무개', '전화', '', '2020-01-01', '2020-01-01'",
            c.id
        ),
        "id, job_id, client_id, approved_by, how, note, approved_at, recorded_at",
    );
    // Appending still works, and the app reads what was appended.
    drop(conn);
    let lib = Library::open(tmp.path().join("lib")).unwrap();
    let g = guard::record_approval(
        lib.conn(),
        job,
        &NewApproval {
            approved_by: "김부장",
            how: "문자",
            note: "",
            approved_at: None,
        },
    )
    .unwrap();
    assert_eq!(g.approval.unwrap().id, 2);
    // The log is written by the core alone (`guard_log::append` is the crate's own); the table still takes
    // an appended row.
    lib.conn()
        .execute(
            "INSERT INTO guard_log (job_id, kind, detail, detail_en, at)
             VALUES (?1, 'refused', 'x', 'x', '2026-12-01T09:00:00.000+09:00')",
            [job],
        )
        .unwrap();
    assert_eq!(guard_log::for_job(lib.conn(), job).unwrap().len(), 2);
}

/// A library exactly as version 4 of the app left it: its four migrations applied by the same migration
/// code, then rows written with version 4's columns.
fn make_v4_library(root: &Path) {
    std::fs::create_dir_all(root).unwrap();
    let conn = crate::old_schema::database_at(&root.join("library.sqlite3"), 4);
    conn.execute_batch(
        "INSERT INTO clients (name, aliases_json, policy, created_at, updated_at)
             VALUES ('서울기계', '[\"SK\"]', 'ask', '2026-11-01T09:00:00+09:00', '2026-11-01T09:00:00+09:00');
         INSERT INTO jobs (title, created_at, updated_at, owner_kind, client_id)
             VALUES ('샤프트', '2026-11-01T09:00:00+09:00', '2026-11-01T09:00:00+09:00', 'client', 1);
         INSERT INTO approvals (job_id, client_id, approved_by, how, note, approved_at, recorded_at)
             VALUES (1, 1, '박과장', '전화', '', '2026-11-02', '2026-11-02T10:00:00.000+09:00');
         INSERT INTO guard_log (job_id, post_id, kind, detail, detail_en, at)
             VALUES (1, 7, 'refused', '허락 없음', 'no approval', '2026-11-01T10:00:00.123+09:00');
         INSERT INTO guard_log (job_id, post_id, kind, detail, detail_en, at)
             VALUES (1, 7, 'override', 'SK', 'SK', '2026-11-02T11:00:00.456+09:00');
         INSERT INTO guard_log (job_id, post_id, kind, detail, detail_en, at)
             VALUES (1, 7, 'export', '/out/2026-11-02_naver_01', '/out/2026-11-02_naver_01', '2026-11-02T11:00:00.789+09:00');",
    )
    .unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 4);
}

#[test]
fn a_version_4_library_keeps_its_log_through_the_migration() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    make_v4_library(&root);
    let v4 = {
        let conn = Connection::open(root.join("library.sqlite3")).unwrap();
        (dump(&conn, "guard_log"), dump(&conn, "approvals"))
    };
    assert_eq!(v4.0.len(), 3);

    let lib = Library::open(&root).unwrap();
    assert_eq!(
        gongbang_core::db::schema_version(lib.conn()).unwrap(),
        gongbang_core::db::SCHEMA_VERSION
    );
    // The same rows, with the new columns empty.
    let conn = lib.conn();
    let kept = rows_as_text(
        conn,
        "SELECT id, job_id, post_id, kind, detail, detail_en, at FROM guard_log ORDER BY id",
    );
    assert_eq!(kept, v4.0);
    let empty: i64 = conn
        .query_row(
            "SELECT count(*) FROM guard_log WHERE client_id IS NULL AND photo_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(empty, 3);
    assert_eq!(dump(conn, "approvals"), v4.1);
    let h = guard::history(conn, 1).unwrap();
    assert!(
        h.iter()
            .any(|e| e.text_ko == "내보냄: /out/2026-11-02_naver_01"),
        "{h:#?}"
    );

    // The rebuilt table is still append-only, and takes the new kinds.
    assert_append_only(
        conn,
        "guard_log",
        "1, 1, 'export', 'x', 'x', '2020-01-01'",
        "id, job_id, kind, detail, detail_en, at",
    );
    jobs::set_owner(conn, 1, Some(OwnerKind::Own), None).unwrap();
    let log = guard_log::for_job(conn, 1).unwrap();
    assert_eq!(log.len(), 4);
    assert_eq!((log[3].id, log[3].kind), (4, LogKind::OwnerChanged));
}

#[test]
fn the_reminder_never_suggests_a_job_that_may_never_be_shown() {
    let (_tmp, mut lib) = temp_library();
    let never = new_client(&lib, "대한정밀", Policy::Never, &[]);
    let public = new_client(&lib, "열린공업", Policy::Public, &[]);
    let files = photos_in("orientation");
    let secret = job_with(
        &mut lib,
        "비밀 브래킷",
        Some(OwnerKind::Client),
        Some(never.id),
        &files[..2],
    );
    let shown = job_with(
        &mut lib,
        "샤프트",
        Some(OwnerKind::Client),
        Some(public.id),
        &files[2..3],
    );
    // The same file imported again into an own job: its photo is the never job's too.
    let twin = job_with(&mut lib, "플랜지", Some(OwnerKind::Own), None, &files[1..2]);
    let now = chrono::Local::now().fixed_offset();
    let ids: Vec<i64> = calendar::reminder(lib.conn(), now)
        .unwrap()
        .jobs_without_post
        .iter()
        .map(|j| j.job_id)
        .collect();
    assert_eq!(ids, vec![shown], "never {secret}, twin {twin}");
    // Once the customer allows it, the job is suggested again.
    let mut input = edit(&never);
    input.policy = Policy::Ask;
    clients::save(lib.conn(), &input).unwrap();
    let r = calendar::reminder(lib.conn(), now).unwrap();
    assert_eq!(r.jobs_without_post.len(), 3, "{r:?}");
}
