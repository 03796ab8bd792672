//! The core's public surface for its callers: the window (`src-tauri/`), the CLI (`crates/gongbang-cli/src`)
//! and the AI helper (`crates/gongbang-ai/src`) call `gongbang_core::ops` (and the outputs that take a
//! `Library` or a `Clearance`), never the storage module or the database connection; so do the CLI's and
//! the AI helper's tests and the shared test kit. Reads their sources as text, so a caller that names
//! `repo` or takes the connection fails `cargo test` with the file and the line. (The core's own suite,
//! `tests/suite`, still reads and writes rows directly.)

use std::path::{Path, PathBuf};

use super::layers::rust_files;

/// The workspace root (the sources are read from there, also under Wine).
fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The folders whose Rust files must stay on the surface.
const CALLERS: [&str; 6] = [
    "src-tauri",
    "crates/gongbang-cli/src",
    "crates/gongbang-cli/tests",
    "crates/gongbang-ai/src",
    "crates/gongbang-ai/tests",
    "crates/gongbang-testkit/src",
];

/// What a caller may not write, and what to use instead.
const FORBIDDEN: [(&str, &str); 3] = [
    (
        "repo::",
        "the storage module (use `gongbang_core::ops`, or a type from `gongbang_core::domain`)",
    ),
    (
        ".conn()",
        "the database connection (add an op in `gongbang_core::ops`)",
    ),
    (
        "conn_mut(",
        "the database connection (add an op in `gongbang_core::ops`)",
    ),
];

/// Whether `line` names `repo` as a whole word (`use gongbang_core::{ops, repo};` without a `::` after it).
fn names_repo(line: &str) -> bool {
    line.match_indices("repo").any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + 4..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

/// `file:line: what` for every forbidden use in the callers; comment lines are left out (a doc may name
/// anything in words).
fn offences(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for folder in CALLERS {
        for file in rust_files(&root.join(folder)) {
            let text = std::fs::read_to_string(&file).unwrap();
            let shown = file
                .strip_prefix(root)
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            for (i, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                for (pattern, what) in FORBIDDEN {
                    if code.contains(pattern) {
                        out.push(format!(
                            "{shown}:{}: `{pattern}` reaches into {what}",
                            i + 1
                        ));
                    }
                }
                if !code.contains("repo::") && names_repo(code) {
                    out.push(format!(
                        "{shown}:{}: `repo` names {}",
                        i + 1,
                        FORBIDDEN[0].1
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn the_window_the_cli_and_the_ai_helper_call_only_the_surface() {
    let root = workspace();
    let found = offences(&root);
    assert!(
        found.is_empty(),
        "the window, the CLI and the AI helper call the core through `gongbang_core::ops` only \
         (ARCHITECTURE.md, \"Layers of the core\"; DEVELOPMENT.md, \"Adding a command\"):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_each_way_round_the_surface() {
    assert!(names_repo("use gongbang_core::{ops, repo};"));
    assert!(!names_repo("let reporter = repository;"));
    let dir = tempfile::tempdir().unwrap();
    for folder in CALLERS {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
    }
    std::fs::write(
        dir.path().join("src-tauri/bad.rs"),
        "// repo::jobs in a comment is fine\nlet a = gongbang_core::repo::jobs::get(lib.conn(), 1);\nlet b = lib.conn_mut();\n",
    )
    .unwrap();
    let found = offences(dir.path());
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found[0].starts_with("src-tauri/bad.rs:2: `repo::`"),
        "{found:?}"
    );
    assert!(
        found[2].starts_with("src-tauri/bad.rs:3: `conn_mut(`"),
        "{found:?}"
    );
}
