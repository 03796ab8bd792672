//! Shared by the CLI tests: the real `gongbang` binary on a given library (the photos and the rest come from the
//! shared test kit, `gongbang-testkit`).

pub use gongbang_testkit::photos_dir;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `gongbang --library LIB ARGS…`.
pub fn gongbang(lib: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongbang"))
        .arg("--library")
        .arg(lib)
        .args(args)
        .env_remove("GONGBANG_LIBRARY")
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `gongbang --library LIB export --platform naver --out OUT ARGS…`.
pub fn export_naver(lib: &Path, out: &Path, args: &[&str]) -> Output {
    let mut all = vec![
        "export",
        "--platform",
        "naver",
        "--out",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    gongbang(lib, &all)
}
