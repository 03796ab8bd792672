//! The leak guard through the `gongbang` binary: customers and policies, refusals with a clear message and
//! status 3, approvals recorded and shown, `--redact` burned into the pixels on disk, flagged text refused
//! until `--accept`ed (and that logged).

use crate::common;

use std::path::{Path, PathBuf};

use common::{export_naver, gongbang, photos_dir, stderr, stdout};

fn ok(o: &std::process::Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(o), stderr(o));
    stdout(o)
}

fn last_line(s: &str) -> String {
    s.lines().last().unwrap().trim().to_string()
}

/// `gongbang client add`, which must succeed.
fn add_client(lib: &Path, name: &str, policy: &str, aliases: &[&str]) {
    let mut args = vec!["client", "add", "--name", name, "--policy", policy];
    for alias in aliases {
        args.extend(["--alias", alias]);
    }
    ok(&gongbang(lib, &args));
}

/// `gongbang job add` for a customer's part, which must succeed: the new job's id.
fn add_job(lib: &Path, title: &str, client: &str) -> String {
    last_line(&ok(&gongbang(
        lib,
        &["job", "add", "--title", title, "--client", client],
    )))
}

fn export_job(lib: &Path, out: &Path, job: &str, extra: &[&str]) -> std::process::Output {
    // One photo per job: a photo in several jobs goes out only under the strictest of their policies
    // (tests/guard_photos.rs), which these tests are not about.
    let photos = ["DSCN0010.jpg", "DSCN0012.jpg", "DSCN0021.jpg"];
    let n = job.parse::<usize>().unwrap_or(0) % photos.len();
    let photo = photos_dir().join("gps").join(photos[n]);
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
    add_client(&lib, "대한정밀", "never", &["DH"]);
    add_client(&lib, "서울기계", "ask", &[]);
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

    let never = add_job(&lib, "브래킷", "대한정밀");
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

    let ask = add_job(&lib, "샤프트", "서울기계");
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
    add_client(&lib, "한빛항공", "public", &[]);
    ok(&gongbang(&lib, &["word", "add", "프로젝트X"]));
    let job = add_job(&lib, "한빛항공 브래킷 DWG-2231", "한빛항공");
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

// Issue 10, item 5: changes that leave a trace.

/// Pixels strictly inside a box (fractions), away from its edges, are the fill exactly.
fn assert_black(img: &image::RgbImage, (x, y, w, h): (f64, f64, f64, f64), what: &str) {
    let (iw, ih) = img.dimensions();
    let (fw, fh) = (f64::from(iw), f64::from(ih));
    let (x0, y0) = ((x * fw) as u32 + 8, (y * fh) as u32 + 8);
    let (x1, y1) = (((x + w) * fw) as u32 - 8, ((y + h) * fh) as u32 - 8);
    for py in y0..y1 {
        for px in x0..x1 {
            assert_eq!(
                img.get_pixel(px, py).0,
                [0, 0, 0],
                "{what}: pixel {px},{py}"
            );
        }
    }
}

#[test]
fn redact_adds_to_the_boxes_drawn_in_the_window() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    let photo = photos_dir().join("orientation/Landscape_6.jpg");
    ok(&gongbang(&lib, &["import", photo.to_str().unwrap()]));
    // A box drawn in the window: the core's set-all, as the window's box editor calls it.
    let window = (0.05, 0.1, 0.3, 0.3);
    {
        let mut l = gongbang_core::Library::open(&lib).unwrap();
        let p = gongbang_core::ops::photos::find(&l, photo.to_str().unwrap()).unwrap();
        let b = gongbang_core::ops::RedactBox {
            x: window.0,
            y: window.1,
            w: window.2,
            h: window.3,
        };
        gongbang_core::ops::photos::set_redactions(&mut l, p.id, &[b]).unwrap();
    }
    let cli = (0.6, 0.55, 0.3, 0.35);
    let spec = format!(
        "{}:{},{},{},{}",
        photo.display(),
        cli.0,
        cli.1,
        cli.2,
        cli.3
    );
    let r = export_naver(
        &lib,
        &out,
        &["--own", "--redact", &spec, photo.to_str().unwrap()],
    );
    let text = ok(&r);
    assert!(text.contains("1 box(es) given, 2 in all"), "{text}");
    let folder = PathBuf::from(last_line(&text));
    let img = image::open(folder.join("photos/01.jpg")).unwrap().to_rgb8();
    assert_black(&img, window, "the box drawn in the window");
    assert_black(&img, cli, "the box given with --redact");
    // Between the boxes the photo shows.
    let (w, h) = img.dimensions();
    let mid = img.get_pixel(w / 2, h / 2).0;
    assert_ne!(mid, [0, 0, 0], "the photo is not all black");
    // The same command again adds nothing twice.
    let again = ok(&export_naver(
        &lib,
        &out,
        &["--own", "--redact", &spec, photo.to_str().unwrap()],
    ));
    assert!(again.contains("2 in all"), "{again}");
}

#[test]
fn client_add_on_an_existing_name_exits_1_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    add_client(&lib, "대한정밀", "never", &["DH"]);
    let before = ok(&gongbang(&lib, &["client", "list"]));
    for name in ["대한정밀", "대한 정밀", " 대한-정밀"] {
        let r = gongbang(
            &lib,
            &["client", "add", "--name", name, "--policy", "public"],
        );
        assert_eq!(r.status.code(), Some(1), "{name}: {}", stdout(&r));
        let err = stderr(&r);
        assert!(
            err.contains("대한정밀")
                && err.contains("Nothing was created or changed")
                && err.contains("gongbang client set --name \"대한정밀\""),
            "{err}"
        );
        assert_eq!(stdout(&r), "", "no id printed");
    }
    assert_eq!(ok(&gongbang(&lib, &["client", "list"])), before);
    assert!(before.contains("대한정밀\tnever\tDH"), "{before}");
}

#[test]
fn client_set_changes_a_customer_on_purpose_and_job_show_lists_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    add_client(&lib, "서울기계", "ask", &["SK"]);
    let job = add_job(&lib, "샤프트", "서울기계");
    let set = ok(&gongbang(
        &lib,
        &[
            "client",
            "set",
            "--name",
            "서울 기계",
            "--policy",
            "public",
            "--alias",
            "SKM",
            "--alias",
            "서울",
        ],
    ));
    assert!(
        set.contains("정책: ask → public / policy: ask → public")
            && set.contains("별칭: SK → SKM, 서울 / aliases: SK → SKM, 서울"),
        "{set}"
    );
    let list = ok(&gongbang(&lib, &["client", "list"]));
    assert!(list.contains("서울기계\tpublic\tSKM, 서울"), "{list}");
    // Only what is given changes; nothing given, nothing changed.
    let same = ok(&gongbang(&lib, &["client", "set", "--name", "서울기계"]));
    assert!(same.contains("nothing changed"), "{same}");
    let cleared = ok(&gongbang(
        &lib,
        &["client", "set", "--name", "서울기계", "--no-aliases"],
    ));
    assert!(cleared.contains("별칭: SKM, 서울 → (없음)"), "{cleared}");
    let show = ok(&gongbang(&lib, &["job", "show", &job]));
    assert!(
        show.contains("'서울기계' 고객사를 바꿈 — 정책: ask → public; 별칭: SK → SKM, 서울")
            && show.contains("'서울기계' 고객사를 바꿈 — 별칭: SKM, 서울 → (없음)"),
        "{show}"
    );
    assert!(show.contains("정책 policy: public"), "{show}");
    let missing = gongbang(
        &lib,
        &["client", "set", "--name", "없는회사", "--policy", "ask"],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("고객사를 찾을 수 없습니다"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn the_export_log_line_names_the_policy_and_the_approval() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    add_client(&lib, "서울기계", "ask", &[]);
    let job = add_job(&lib, "샤프트", "서울기계");
    ok(&gongbang(
        &lib,
        &[
            "approve",
            "--job",
            &job,
            "--by",
            "박과장",
            "--how",
            "전화",
            "--at",
            "2026-11-20",
        ],
    ));
    let folder = last_line(&ok(&export_job(&lib, &out, &job, &[])));
    let show = ok(&gongbang(&lib, &["job", "show", &job]));
    let line = show
        .lines()
        .find(|l| l.contains("내보냄:"))
        .unwrap_or_else(|| panic!("{show}"));
    assert!(
        line.contains(&folder)
            && line.contains("정책 ask ('서울기계' 고객사)")
            && line.contains("허락: 서울기계 박과장님, 전화, 2026-11-20"),
        "{line}"
    );
}
