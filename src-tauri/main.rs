//! The desktop app: a Tauri v2 shell whose commands are thin adapters over `gongbang_core`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod commands;
mod frame_protocol;
mod ipc;
mod ipc_error;
#[cfg(test)]
mod ipc_files;
mod state;
mod thumb_protocol;
#[cfg(windows)]
mod webview2;

fn main() {
    #[cfg(windows)]
    webview2::ensure_runtime();
    app::run();
}
