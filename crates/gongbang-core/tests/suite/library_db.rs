//! The library database on real SQLite files: migrations, the refusal of a newer schema, WAL and foreign
//! keys, and the work surviving a reopen.

use gongbang_testkit as common;

use common::*;
use gongbang_core::db::{schema_version, SCHEMA_VERSION};
use gongbang_core::import::import_paths;
use gongbang_core::repo::{jobs, posts, settings};
use gongbang_core::session;
use gongbang_core::{draft, CoreError, JobFields, Library, Platform};

#[test]
fn a_new_library_is_migrated_with_wal_and_foreign_keys() {
    let (_tmp, lib) = temp_library();
    assert_eq!(schema_version(lib.conn()).unwrap(), SCHEMA_VERSION);
    let mode: String = lib
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = lib
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    // Foreign keys are enforced: a post for a job that does not exist is refused.
    let err = lib.conn().execute(
        "INSERT INTO posts (job_id, platform, created_at, updated_at) VALUES (999, 'naver', 'x', 'x')",
        [],
    );
    assert!(err.is_err());
}

#[test]
fn a_database_from_a_newer_app_is_refused_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    drop(Library::open(&root).unwrap());
    {
        let conn = rusqlite::Connection::open(root.join("library.sqlite3")).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Library::open(&root).err().expect("must refuse");
    assert!(
        matches!(err, CoreError::NewerDatabase { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.message_ko().contains("새 버전"));
    let conn = rusqlite::Connection::open(root.join("library.sqlite3")).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 99);
}

#[test]
fn job_photos_and_draft_survive_a_reopen() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    let (job_id, post_id) = {
        let mut lib = Library::open(&root).unwrap();
        let s = session::current(&lib).unwrap();
        jobs::update(
            lib.conn(),
            s.job.id,
            &JobFields {
                title: "플랜지".into(),
                material: "AL6061".into(),
                ..JobFields::default()
            },
        )
        .unwrap();
        import_paths(
            &mut lib,
            Some(s.job.id),
            &photos_in("gps")[..3],
            |_, _, _| {},
        )
        .unwrap();
        let post = draft::make_draft(&mut lib, s.job.id, Platform::Naver).unwrap();
        let post = posts::save(
            lib.conn_mut(),
            post.id,
            "내가 고친 제목",
            &post.blocks,
            &post.tags,
        )
        .unwrap();
        settings::set(lib.conn(), settings::LANG, "en").unwrap();
        (s.job.id, post.id)
    };
    let lib = Library::open(&root).unwrap();
    let s = session::current(&lib).unwrap();
    assert_eq!(s.job.id, job_id);
    assert_eq!(s.job.fields.title, "플랜지");
    assert_eq!(s.photos.len(), 3);
    let post = s.post.unwrap();
    assert_eq!(post.id, post_id);
    assert_eq!(post.title, "내가 고친 제목");
    assert_eq!(post.photo_ids().len(), 3);
    assert_eq!(
        settings::get(lib.conn(), settings::LANG)
            .unwrap()
            .as_deref(),
        Some("en")
    );
}

#[test]
fn a_fresh_draft_replaces_the_text_of_the_same_platform_post() {
    let (_tmp, mut lib) = temp_library();
    let job = jobs::create(lib.conn(), &JobFields::default()).unwrap();
    let first = draft::make_draft(&mut lib, job.id, Platform::Naver).unwrap();
    let again = draft::make_draft(&mut lib, job.id, Platform::Naver).unwrap();
    assert_eq!(first.id, again.id);
    let other = draft::make_draft(&mut lib, job.id, Platform::Markdown).unwrap();
    assert_ne!(other.id, first.id);
}
