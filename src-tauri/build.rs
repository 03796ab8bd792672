//! Build script of the desktop app: reads tauri.conf.json and lists the app's own commands so the
//! capability file can allow exactly these and nothing else.
#![allow(
    clippy::expect_used,
    reason = "a build script fails by panicking: cargo shows the message"
)]

const COMMANDS: &[&str] = &[
    "app_info",
    "set_lang",
    "presets",
    "current_session",
    "new_job",
    "list_jobs",
    "open_job",
    "update_job",
    "import_paths",
    "pick_and_import",
    "set_photo_order",
    "remove_photo",
    "restore_photo",
    "set_photo_meta",
    "make_draft",
    "save_post",
    "choose_export_dir",
    "export_post",
    "cancel_export",
    "save_video",
    "video_plan",
    "export_texts",
    "list_clients",
    "save_client",
    "set_job_owner",
    "job_guard",
    "record_approval",
    "job_history",
    "photo_metadata",
    "set_redactions",
    "scan_post",
    "replace_in_post",
    "list_watch_words",
    "set_watch_words",
    "shop_profile",
    "save_shop_profile",
    "pick_logo",
    "clear_logo",
    "coach_post",
    "apply_fix",
    "ai_settings",
    "save_ai_settings",
    "ai_rewrite",
    "cancel_ai",
    "calendar",
    "set_weekly_goal",
    "reminder",
    "post_history",
    "open_export_folder",
    "mark_published",
];

fn main() {
    println!("cargo:rerun-if-changed=capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
