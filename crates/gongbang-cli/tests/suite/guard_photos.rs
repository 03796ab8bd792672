//! A photo in several jobs through the `gongbang` binary (issue 10, item 2): the CLI's export imports the
//! photos it is given into the job, so the same file given for a `never` customer's job and then for our own
//! product is one photo in two jobs; the second export is refused with status 3, a message naming the photo
//! and the never job, and nothing written. A different photo for our own job goes out.

use crate::common;

use std::path::Path;

use common::{export_naver, gongbang, photos_dir, stderr, stdout};

fn ok(o: &std::process::Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(o), stderr(o));
    stdout(o)
}

fn last_line(s: &str) -> String {
    s.lines().last().unwrap().trim().to_string()
}

fn folders_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| {
        d.filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count()
    })
}

#[test]
fn a_file_given_for_a_never_job_and_then_for_our_own_job_is_refused_the_second_time() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = tmp.path().join("out");
    let shared = photos_dir().join("gps/DSCN0010.jpg");
    let other = photos_dir().join("gps/DSCN0012.jpg");
    ok(&gongbang(
        &lib,
        &["client", "add", "--name", "국방정밀", "--policy", "never"],
    ));
    let never = last_line(&ok(&gongbang(
        &lib,
        &[
            "job",
            "add",
            "--title",
            "비밀 브래킷",
            "--client",
            "국방정밀",
        ],
    )));
    let r = export_naver(&lib, &out, &["--job", &never, shared.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(3), "{}", stderr(&r));

    let own = last_line(&ok(&gongbang(
        &lib,
        &["job", "add", "--title", "우리 제품", "--own"],
    )));
    let r = export_naver(&lib, &out, &["--job", &own, shared.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(3), "{}{}", stdout(&r), stderr(&r));
    let err = stderr(&r);
    assert!(
        err.contains("다른 작업") && err.contains("비밀 브래킷") && err.contains("국방정밀"),
        "{err}"
    );
    assert!(err.contains("also belongs to another job"), "{err}");
    assert_eq!(folders_in(&out), 0, "nothing written");

    // Our own job with a photo of its own goes out.
    let fresh = last_line(&ok(&gongbang(
        &lib,
        &["job", "add", "--title", "우리 제품 2", "--own"],
    )));
    let r = export_naver(&lib, &out, &["--job", &fresh, other.to_str().unwrap()]);
    let folder = last_line(&ok(&r));
    assert!(Path::new(&folder).join("photos/01.jpg").is_file());
    assert_eq!(folders_in(&out), 1);
}
