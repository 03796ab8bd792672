//! Build script of the desktop app: reads tauri.conf.json and hands tauri-build the app's own commands, so
//! the capability file can allow exactly these and nothing else. The list is generated from the one IPC
//! declaration (src-tauri/ipc.rs) into gen/commands.json: a build script cannot run the crate's code.
#![allow(
    clippy::expect_used,
    reason = "a build script fails by panicking: cargo shows the message"
)]

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=capabilities");
    println!("cargo:rerun-if-changed=gen/commands.json");
    // Read at run time: a build script's compile-time paths go stale when cargo reuses it from another clone
    // of the same workspace (its artifacts are keyed by the path relative to the workspace).
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .expect("cargo sets CARGO_MANIFEST_DIR for build scripts");
    let list = Path::new(&dir).join("gen/commands.json");
    let text = std::fs::read_to_string(&list).unwrap_or_else(|e| {
        panic!("{} could not be read ({e}): run `GONGBANG_WRITE_IPC=1 cargo test -p gongbang-post ipc_contract`", list.display())
    });
    let names: Vec<String> = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not a JSON list of names: {e}", list.display()));
    // tauri-build wants 'static names; a build script runs once, so leaking them is fine.
    let names: &'static [&'static str] = Box::leak(
        names
            .into_iter()
            .map(|n| &*Box::leak(n.into_boxed_str()))
            .collect::<Vec<&'static str>>()
            .into_boxed_slice(),
    );
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(names)),
    )
    .expect("tauri-build failed");
}
