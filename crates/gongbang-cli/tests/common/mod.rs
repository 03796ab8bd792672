//! Shared by the CLI tests: the real test photos and the real `gongbang` binary on a given library.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `../shared/testdata/photos` relative to the project root (or `GONGBANG_TESTDATA`/photos).
pub fn photos_dir() -> PathBuf {
    let base = std::env::var_os("GONGBANG_TESTDATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata"));
    base.join("photos")
}

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
