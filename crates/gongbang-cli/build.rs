//! Build script of the CLI: on a Windows build, gives `gongbang.exe` the app's icon and a version resource
//! (Explorer's Properties → Details, and the installer's folder, show them). Other targets: nothing to do.
//! tauri-winres is the resource tool the app's own build (tauri-build) already uses, so nothing new compiles.
#![allow(
    clippy::expect_used,
    reason = "a build script fails by panicking: cargo shows the message"
)]

use std::{env, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let icon = Path::new(&manifest_dir).join("../../assets/icons/icon.ico");
    println!("cargo:rerun-if-changed={}", icon.display());
    if !icon.exists() {
        panic!(
            "{} is missing (scripts/make-icons.sh makes it) / 아이콘 파일이 없습니다",
            icon.display()
        );
    }
    let mut res = tauri_winres::WindowsResource::new();
    res.set_icon(&icon.display().to_string())
        .set("ProductName", "Gongbang Post")
        .set(
            "FileDescription",
            "gongbang — 공방포스트 명령줄 / Gongbang Post command line",
        )
        .set("OriginalFilename", "gongbang.exe")
        .set("InternalName", "gongbang")
        .set("CompanyName", "gongbang");
    if let Err(e) = res.compile() {
        panic!("could not embed the icon and version in gongbang.exe / 아이콘·버전 리소스를 넣지 못했습니다: {e}");
    }
}
