//! The leak guard through the `gongbang` binary: customers and policies, refusals with a clear message and
//! status 3, approvals recorded and shown, `--redact` burned into the pixels on disk, flagged text refused
//! until `--accept`ed (and that logged).

mod common;

use std::path::{Path, PathBuf};

use common::{export_naver, gongbang, photos_dir, stderr, stdout};

fn ok(o: &std::process::Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(o), stderr(o));
    stdout(o)
}

fn last_line(s: &str) -> String {
    s.lines().last().unwrap().trim().to_string()
}

fn export_job(lib: &Path, out: &Path, job: &str, extra: &[&str]) -> std::process::Output {
    let photo = photos_dir().join("gps/DSCN0010.jpg");
    let mut args = vec!["--job", job];
    args.extend_from_slice(extra);
    args.push(photo.to_str().unwrap());
    export_naver(lib, out, &args)
}

fn folders_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| {
        d.filter(|e| {
            let e = e.as_ref().unwrap();
            !e.file_name().to_string_lossy().starts_with('.')
        })
        .count()
    })
}

#[test]
fn never_is_refused_and_ask_waits_for_an_approval() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    ok(&gongbang(
        &lib,
        &[
            "client",
            "add",
            "--name",
            "대한정밀",
            "--policy",
            "never",
            "--alias",
            "DH",
        ],
    ));
    ok(&gongbang(
        &lib,
        &["client", "add", "--name", "서울기계", "--policy", "ask"],
    ));
    let list = ok(&gongbang(&lib, &["client", "list"]));
    assert!(
        list.contains("대한정밀\tnever\tDH") && list.contains("서울기계\task"),
        "{list}"
    );

    // A customer that does not exist: refused before a job is made.
    let typo = gongbang(
        &lib,
        &["job", "add", "--title", "x", "--client", "없는회사"],
    );
    assert_eq!(typo.status.code(), Some(1));
    assert!(
        stderr(&typo).contains("고객사를 찾을 수 없습니다"),
        "{}",
        stderr(&typo)
    );
    // job add insists on saying whose part it is.
    assert_ne!(
        gongbang(&lib, &["job", "add", "--title", "x"])
            .status
            .code(),
        Some(0)
    );

    let never = last_line(&ok(&gongbang(
        &lib,
        &["job", "add", "--title", "브래킷", "--client", "대한정밀"],
    )));
    let r = export_job(&lib, &out, &never, &[]);
    assert_eq!(r.status.code(), Some(3), "{}", stdout(&r));
    let err = stderr(&r);
    assert!(
        err.contains("절대 공개하지 않기로") && err.contains("may never be shown"),
        "{err}"
    );
    assert_eq!(
        folders_in(&out),
        0,
        "nothing may be written for a never job"
    );
    // No approval can open a never job either.
    let a = gongbang(
        &lib,
        &[
            "approve",
            "--job",
            &never,
            "--by",
            "김부장",
            "--how",
            "전화",
        ],
    );
    assert_eq!(a.status.code(), Some(3));

    let ask = last_line(&ok(&gongbang(
        &lib,
        &["job", "add", "--title", "샤프트", "--client", "서울기계"],
    )));
    let r = export_job(&lib, &out, &ask, &[]);
    assert_eq!(r.status.code(), Some(3));
    assert!(stderr(&r).contains("허락을 먼저 기록해"), "{}", stderr(&r));
    assert_eq!(folders_in(&out), 0);

    let approved = ok(&gongbang(
        &lib,
        &[
            "approve",
            "--job",
            &ask,
            "--by",
            "박과장",
            "--how",
            "전화",
            "--note",
            "블로그만 허용",
        ],
    ));
    assert!(approved.contains("박과장"), "{approved}");
    let r = export_job(&lib, &out, &ask, &[]);
    let folder = PathBuf::from(last_line(&ok(&r)));
    assert!(folder.join("photos/01.jpg").is_file());

    let show = ok(&gongbang(&lib, &["job", "show", &ask]));
    assert!(
        show.contains("서울기계") && show.contains("정책 policy: ask"),
        "{show}"
    );
    assert!(
        show.contains("박과장님이 허락함 (전화") && show.contains("블로그만 허용"),
        "{show}"
    );
    assert!(show.contains("내보냄:"), "{show}");
    let shown_never = ok(&gongbang(&lib, &["job", "show", &never]));
    assert!(shown_never.contains("내보내기를 막음"), "{shown_never}");

    // The approval log is append-only, even for someone with the database file.
    let conn = rusqlite::Connection::open(lib.join("library.sqlite3")).unwrap();
    assert!(conn.execute("DELETE FROM approvals", []).is_err());
    assert!(conn
        .execute("UPDATE approvals SET approved_by = 'x'", [])
        .is_err());
    let n: i64 = conn
        .query_row("SELECT count(*) FROM approvals", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_new_job_without_an_owner_counts_as_ask() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    let photo = photos_dir().join("gps/DSCN0010.jpg");
    let r = export_naver(&lib, &out, &[photo.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(3));
    assert!(
        stderr(&r).contains("아직 정하지 않았습니다"),
        "{}",
        stderr(&r)
    );
    assert_eq!(folders_in(&out), 0);
}

#[test]
fn redact_is_burned_into_the_exported_pixels() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    let photo = photos_dir().join("orientation/Landscape_6.jpg");
    let spec = format!("{}:0.25,0.25,0.5,0.25", photo.display());
    let r = export_naver(
        &lib,
        &out,
        &["--own", "--redact", &spec, photo.to_str().unwrap()],
    );
    let folder = PathBuf::from(last_line(&ok(&r)));
    let img = image::open(folder.join("photos/01.jpg")).unwrap().to_rgb8();
    let (w, h) = img.dimensions();
    assert!(w > h, "upright landscape");
    // Inside the box, away from its edge: the fill exactly.
    let (x0, y0, x1, y1) = (w / 4 + 8, h / 4 + 8, 3 * w / 4 - 8, h / 2 - 8);
    for y in y0..y1 {
        for x in x0..x1 {
            assert_eq!(img.get_pixel(x, y).0, [0, 0, 0], "pixel {x},{y}");
        }
    }
    // Bad boxes are refused before anything happens.
    let bad = export_naver(
        &lib,
        &out,
        &[
            "--own",
            "--redact",
            "x.jpg:0.9,0.9,0.5,0.5",
            photo.to_str().unwrap(),
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("사진 밖에"), "{}", stderr(&bad));
}

#[test]
fn flagged_text_needs_an_explicit_accept_which_is_logged() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    ok(&gongbang(
        &lib,
        &["client", "add", "--name", "한빛항공", "--policy", "public"],
    ));
    ok(&gongbang(&lib, &["word", "add", "프로젝트X"]));
    let job = last_line(&ok(&gongbang(
        &lib,
        &[
            "job",
            "add",
            "--title",
            "한빛항공 브래킷 DWG-2231",
            "--client",
            "한빛항공",
        ],
    )));
    let r = export_job(&lib, &out, &job, &[]);
    assert_eq!(r.status.code(), Some(3));
    let err = stderr(&r);
    assert!(
        err.contains("한빛항공") && err.contains("DWG-2231"),
        "{err}"
    );
    assert_eq!(folders_in(&out), 0);
    let r = export_job(&lib, &out, &job, &["--accept", "한빛항공"]);
    assert_eq!(r.status.code(), Some(3), "one accepted, one still open");
    let r = export_job(
        &lib,
        &out,
        &job,
        &["--accept", "한빛항공", "--accept", "DWG-2231"],
    );
    ok(&r);
    let show = ok(&gongbang(&lib, &["job", "show", &job]));
    assert!(
        show.contains("확인하고 그대로 내보냄: DWG-2231, 한빛항공"),
        "{show}"
    );
    assert_eq!(ok(&gongbang(&lib, &["word", "list"])).trim(), "프로젝트X");
}
