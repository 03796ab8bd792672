//! `gongbang backup create|restore` on a real library: the file printed last, a restore into a new folder that
//! brings back every original byte for byte, a refusal for a non-empty folder, and a backup killed in the
//! middle that leaves no file under its final name (the next one succeeds and clears the leftover).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

fn import_some(lib: &Path, n: usize) {
    let dir = photos_dir().join("orientation");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    paths.sort();
    paths.truncate(n);
    let mut args = vec!["import"];
    let strs: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    args.extend(strs.iter().map(String::as_str));
    let o = gongbang(lib, &args);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn files(root: &Path, sub: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.join(sub)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn create_prints_the_file_last_and_restore_brings_every_original_back() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    import_some(&lib, 6);
    let out = tmp.path().join("백업");
    let o = gongbang(&lib, &["backup", "create", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let file = PathBuf::from(text.lines().last().unwrap());
    assert!(file.is_file(), "the last line is the file: {text}");
    assert_eq!(file.parent().unwrap(), out);
    assert!(names(&out).iter().all(|n| !n.ends_with(".partial")));

    // Into a folder with something in it: refused, exit 1, nothing touched.
    let busy = tmp.path().join("busy");
    std::fs::create_dir_all(&busy).unwrap();
    std::fs::write(busy.join("a.txt"), "x").unwrap();
    let o = gongbang(&busy, &["backup", "restore", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("비어 있지 않습니다"), "{}", stderr(&o));
    assert_eq!(names(&busy), vec!["a.txt".to_string()]);

    // Into a new folder.
    let new = tmp.path().join("새 자료");
    let o = gongbang(&new, &["backup", "restore", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(said.contains("photos: 6"), "{said}");
    assert_eq!(files(&lib, "originals"), files(&new, "originals"));
    // The restored library works with the CLI.
    let o = gongbang(&new, &["job", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_killed_backup_leaves_no_file_under_its_final_name() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    import_some(&lib, 8);
    let out = tmp.path().join("usb");
    std::fs::create_dir_all(&out).unwrap();
    // Slowed down (test hook: a pause after each file) so it can be killed in the middle.
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongbang"))
        .arg("--library")
        .arg(&lib)
        .args(["backup", "create", "--out"])
        .arg(&out)
        .env_remove("GONGBANG_LIBRARY")
        .env("GONGBANG_BACKUP_PAUSE_MS", "400")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    // Wait until the partial file has some originals in it.
    loop {
        let partial = names(&out)
            .into_iter()
            .find(|n| n.ends_with(".zip.partial"));
        if let Some(p) = partial {
            if std::fs::metadata(out.join(&p)).map_or(0, |m| m.len()) > 200_000 {
                break;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no partial file appeared"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the backup ended before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let left = names(&out);
    assert!(
        left.iter().all(|n| !n.ends_with(".zip")),
        "no file under a final name: {left:?}"
    );
    assert_eq!(left.len(), 1, "{left:?}");

    // The next backup succeeds and clears the dead one's leftover.
    let o = gongbang(&lib, &["backup", "create", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = PathBuf::from(stdout(&o).lines().last().unwrap());
    assert_eq!(
        names(&out),
        vec![file.file_name().unwrap().to_string_lossy().into_owned()]
    );
    let new = tmp.path().join("restored");
    let o = gongbang(&new, &["backup", "restore", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&lib, "originals"), files(&new, "originals"));
}

#[test]
fn the_library_switched_to_is_used_from_the_next_start() {
    // What switch_library writes (설정 → 백업 → "다음 시작부터 이 자료 쓰기"): the folder's path in
    // <config>/kr.gongbang.post/library-folder.txt; the CLI (and the window) open it when no --library is given.
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    import_some(&lib, 2);
    let out = tmp.path().join("b");
    let o = gongbang(&lib, &["backup", "create", "--out", out.to_str().unwrap()]);
    let file = stdout(&o).lines().last().unwrap().to_string();
    let restored = tmp.path().join("restored");
    assert!(gongbang(&restored, &["backup", "restore", &file])
        .status
        .success());
    let config = tmp.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("library-folder.txt"),
        format!("{}\n", restored.display()),
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_gongbang"))
            .args(args)
            .env_remove("GONGBANG_LIBRARY")
            .env("GONGBANG_CONFIG_DIR", &config)
            .output()
            .unwrap()
    };
    let o = run(&[
        "backup",
        "create",
        "--out",
        tmp.path().join("b2").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The backup was made of the restored library: its manifest lists the same originals.
    let made = PathBuf::from(stdout(&o).lines().last().unwrap());
    let again = tmp.path().join("again");
    let o = gongbang(&again, &["backup", "restore", made.to_str().unwrap()]);
    assert!(stdout(&o).contains("photos: 2"), "{}", stdout(&o));
    assert_eq!(files(&restored, "originals"), files(&again, "originals"));
}
