//! Why: one place wires the window: plugins (used from Rust only), the library state, the thumbnail
//! and preview-frame protocols and the commands (declared once in ipc.rs).

use crate::{frame_protocol, ipc, state::AppState, thumb_protocol};

/// Builds and runs the app until the window closes.
pub fn run() {
    let context = tauri::generate_context!();
    let ipc = ipc::builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // The copy buttons write the clipboard from Rust (commands/posts.rs); the webview gets no
        // clipboard permission.
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(AppState::open())
        .register_uri_scheme_protocol(thumb_protocol::SCHEME, thumb_protocol::handle)
        .register_asynchronous_uri_scheme_protocol(frame_protocol::SCHEME, frame_protocol::handle)
        .invoke_handler(ipc.invoke_handler())
        .setup(move |app| {
            ipc.mount_events(app);
            crate::commands::backup::start_auto_backup(app.handle());
            Ok(())
        })
        .run(context)
        .unwrap_or_else(|e| {
            eprintln!("공방포스트를 시작하지 못했습니다 / Gongbang Post could not start: {e}");
            std::process::exit(1);
        });
}
