//! The `gongbang` binary as a script would use it: lines, summary, exit statuses, the folder printed last,
//! and a library that survives the process being killed mid-import.

use crate::common;

use std::path::PathBuf;
use std::process::Command;

use common::{export_naver, gongbang, photos_dir, stdout};

#[test]
fn import_reports_each_file_and_exits_2_on_rejects() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let gps = photos_dir().join("gps");
    let ok = gongbang(&lib, &["import", gps.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    let out = stdout(&ok);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("imported: ")).count(),
        5,
        "{out}"
    );
    assert!(out
        .lines()
        .last()
        .unwrap()
        .contains("imported 5, duplicates 0, rejected 0"));

    let broken = photos_dir().join("broken");
    let again = gongbang(
        &lib,
        &[
            "import",
            gps.join("DSCN0010.jpg").to_str().unwrap(),
            broken.to_str().unwrap(),
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    let out = stdout(&again);
    assert!(out.contains("duplicate: "), "{out}");
    let rejected = out.lines().find(|l| l.starts_with("rejected: ")).unwrap();
    assert!(
        rejected.contains("corrupted.jpg") && rejected.contains("손상"),
        "{rejected}"
    );
    assert!(out.lines().last().unwrap().contains("rejected 1"));
}

#[test]
fn export_writes_a_naver_folder_and_prints_it_last() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out_dir = tmp.path().join("out");
    let o = photos_dir().join("orientation");
    let a = o.join("Portrait_5.jpg");
    let b = o.join("Landscape_3.jpg");
    let r = export_naver(
        &lib,
        &out_dir,
        &[
            "--title",
            "문래동 CNC 선반 SUS304 샤프트 가공",
            "--own",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}{}",
        stdout(&r),
        String::from_utf8_lossy(&r.stderr)
    );
    let text = stdout(&r);
    let folder = PathBuf::from(text.lines().last().unwrap());
    assert!(folder.is_dir(), "{text}");
    assert_eq!(folder.parent().unwrap(), out_dir);
    let title = std::fs::read_to_string(folder.join("제목.txt")).unwrap();
    assert_eq!(title.trim(), "문래동 CNC 선반 SUS304 샤프트 가공");
    // The photos keep the order given: portrait first, then landscape.
    let first = image::open(folder.join("photos/01.jpg")).unwrap();
    let second = image::open(folder.join("photos/02.jpg")).unwrap();
    assert!(first.height() > first.width());
    assert!(second.width() > second.height());
    assert!(!folder.join("photos/03.jpg").exists());
}

#[test]
fn export_refuses_unreadable_photos_and_bad_arguments() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out_dir = tmp.path().join("out");
    let bad = photos_dir().join("broken/corrupted.jpg");
    let r = export_naver(&lib, &out_dir, &[bad.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("내보내지 않았습니다"));
    assert!(!out_dir.exists() || std::fs::read_dir(&out_dir).unwrap().count() == 0);

    let no_job = export_naver(&lib, &out_dir, &["--job", "424242"]);
    assert_eq!(no_job.status.code(), Some(1));
    let err = String::from_utf8_lossy(&no_job.stderr);
    assert!(
        err.contains("424242번 작업을 찾을 수 없습니다") && err.contains("No job number 424242"),
        "{err}"
    );

    let wrong = gongbang(&lib, &["export", "--platform", "myspace", "--out", "x"]);
    assert_ne!(wrong.status.code(), Some(0));
}

#[test]
fn jobs_can_be_added_listed_shown_and_exported_by_number() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let add = gongbang(
        &lib,
        &[
            "job",
            "add",
            "--title",
            "플랜지",
            "--own",
            "--material",
            "AL6061",
            "--process",
            "MCT",
        ],
    );
    assert_eq!(add.status.code(), Some(0));
    let id = stdout(&add).lines().last().unwrap().trim().to_string();
    assert_eq!(id, "1");
    let photo = photos_dir().join("gps/DSCN0012.jpg");
    let out_dir = tmp.path().join("out");
    let r = gongbang(
        &lib,
        &[
            "export",
            "--platform",
            "markdown",
            "--out",
            out_dir.to_str().unwrap(),
            "--job",
            &id,
            photo.to_str().unwrap(),
        ],
    );
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let folder = PathBuf::from(stdout(&r).lines().last().unwrap());
    let md = std::fs::read_to_string(folder.join("post.md")).unwrap();
    assert!(md.starts_with("# MCT AL6061 플랜지"), "{md}");
    let show = stdout(&gongbang(&lib, &["job", "show", &id]));
    assert!(
        show.contains("AL6061") && show.contains("DSCN0012.jpg"),
        "{show}"
    );
    let list = stdout(&gongbang(&lib, &["job", "list"]));
    assert!(
        list.contains("플랜지") && list.contains("사진 1장"),
        "{list}"
    );
}

#[test]
fn the_library_survives_a_kill_during_import() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let photos = photos_dir();
    for delay_ms in [150u64, 400] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongbang"))
            .arg("--library")
            .arg(&lib)
            .arg("import")
            .arg(&photos)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // The kill lands during the import, not before it began: once the library file exists (a process
        // starts slower under Wine than on Linux), then after the delay.
        let db = lib.join("library.sqlite3");
        let started = std::time::Instant::now();
        while !db.exists() && started.elapsed() < std::time::Duration::from_secs(20) {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL (TerminateProcess on Windows): no destructor, no flush
        let _ = child.wait();
        let conn = rusqlite::Connection::open(lib.join("library.sqlite3")).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
    // Importing again completes the library: every photo that was recorded has its stored original.
    let r = gongbang(&lib, &["import", photos.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2)); // the broken file is still rejected
    let conn = rusqlite::Connection::open(lib.join("library.sqlite3")).unwrap();
    let mut stmt = conn.prepare("SELECT hash, format FROM photos").unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(rows.len() >= 30, "{}", rows.len());
    for (hash, format) in rows {
        let ext = if format == "jpeg" { "jpg" } else { &format };
        let stored = lib
            .join("originals")
            .join(&hash[..2])
            .join(format!("{hash}.{ext}"));
        assert!(stored.is_file(), "{}", stored.display());
    }
}
