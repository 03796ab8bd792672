//! `gongbang review` and `gongbang club` through the real binary (issue 15, item 5): a bundle of a job's post
//! is written into --out and printed last; a `never` job is refused with status 3 and nothing written;
//! `review show` reads a bundle without opening it into a library and refuses a file that is not one in plain
//! words; two libraries sharing a club folder see each other's files.

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

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir).map_or(Vec::new(), |d| {
        d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    })
}

/// A job of ours with two real photos (imported by an export, as the CLI does); returns its number.
fn own_job_with_photos(lib: &Path, out: &Path) -> String {
    ok(&gongbang(lib, &["shop", "set", "--name", "대성정밀"]));
    let job = last_line(&ok(&gongbang(
        lib,
        &["job", "add", "--title", "샤프트 가공", "--own"],
    )));
    let a = photos_dir().join("gps/DSCN0010.jpg");
    let b = photos_dir().join("gps/DSCN0012.jpg");
    ok(&export_naver(
        lib,
        out,
        &["--job", &job, a.to_str().unwrap(), b.to_str().unwrap()],
    ));
    job
}

#[test]
fn review_send_writes_a_bundle_and_prints_it_last_and_show_reads_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let job = own_job_with_photos(&lib, &tmp.path().join("export"));
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let file = last_line(&ok(&gongbang(
        &lib,
        &[
            "review",
            "send",
            "--job",
            &job,
            "--out",
            out.to_str().unwrap(),
        ],
    )));
    assert!(file.ends_with(".gbreview"), "{file}");
    assert!(Path::new(&file).is_file());
    assert_eq!(files_in(&out).len(), 1, "{:?}", files_in(&out));
    let shown = ok(&gongbang(&lib, &["review", "show", &file]));
    assert!(shown.contains("from: 대성정밀"), "{shown}");
    assert!(shown.contains("photos: 2"), "{shown}");
    assert!(shown.contains("[사진 1]"), "{shown}");
    assert!(shown.contains("coach: "), "{shown}");

    // Not a review file: plain words, status 1.
    let junk = tmp.path().join("junk.gbreview");
    std::fs::write(&junk, b"hello").unwrap();
    let r = gongbang(&lib, &["review", "show", junk.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        stderr(&r).contains("열 수 없는 검토 파일"),
        "{}",
        stderr(&r)
    );
    let r = gongbang(&lib, &["review", "show", "notes.txt"]);
    assert_eq!(r.status.code(), Some(1));
    assert!(stderr(&r).contains("not a review file"), "{}", stderr(&r));
    // A job that does not exist.
    let r = gongbang(
        &lib,
        &[
            "review",
            "send",
            "--job",
            "999",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.status.code(), Some(1));
    assert_eq!(files_in(&out).len(), 1);
}

#[test]
fn a_never_job_is_refused_with_status_3_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    ok(&gongbang(
        &lib,
        &["client", "add", "--name", "국방정밀", "--policy", "never"],
    ));
    let job = last_line(&ok(&gongbang(
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
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let r = gongbang(
        &lib,
        &[
            "review",
            "send",
            "--job",
            &job,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.status.code(), Some(3), "{}{}", stdout(&r), stderr(&r));
    assert!(stderr(&r).contains("국방정밀"), "{}", stderr(&r));
    assert!(files_in(&out).is_empty(), "{:?}", files_in(&out));
}

#[test]
fn two_libraries_on_one_club_folder_see_each_others_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let owner = tmp.path().join("owner");
    let mentor = tmp.path().join("mentor");
    let shared = tmp.path().join("club");
    std::fs::create_dir_all(&shared).unwrap();
    let job = own_job_with_photos(&owner, &tmp.path().join("export"));
    let club = shared.to_str().unwrap();
    ok(&gongbang(&owner, &["club", "set", club]));
    ok(&gongbang(&mentor, &["club", "set", club]));
    let file = last_line(&ok(&gongbang(
        &owner,
        &["review", "send", "--job", &job, "--out", club],
    )));
    let name = Path::new(&file)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let mentor_sees = ok(&gongbang(&mentor, &["club", "show"]));
    assert!(
        mentor_sees.contains(&format!("bundle\t{name}\t대성정밀")),
        "{mentor_sees}"
    );
    let owner_sees = ok(&gongbang(&owner, &["club", "show"]));
    assert!(!owner_sees.contains("bundle\t"), "{owner_sees}");
    // A folder that is not there is refused in plain words.
    let r = gongbang(&owner, &["club", "set", "/no/such/folder"]);
    assert_eq!(r.status.code(), Some(1));
    assert!(stderr(&r).contains("찾을 수 없습니다"), "{}", stderr(&r));
    ok(&gongbang(&owner, &["club", "clear"]));
    assert!(ok(&gongbang(&owner, &["club", "show"])).contains("club folder: none"));
}
