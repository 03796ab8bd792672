//! Why: one place wires the window: plugins (used from Rust only), the library state, the thumbnail
//! and preview-frame protocols and the command list.

use crate::{commands, frame_protocol, state::AppState, thumb_protocol};

/// Builds and runs the app until the window closes.
pub fn run() {
    let context = tauri::generate_context!();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::open())
        .register_uri_scheme_protocol(thumb_protocol::SCHEME, thumb_protocol::handle)
        .register_asynchronous_uri_scheme_protocol(frame_protocol::SCHEME, frame_protocol::handle)
        .invoke_handler(tauri::generate_handler![
            commands::session::app_info,
            commands::session::set_lang,
            commands::session::presets,
            commands::session::current_session,
            commands::session::new_job,
            commands::session::list_jobs,
            commands::session::open_job,
            commands::session::update_job,
            commands::photos::import_paths,
            commands::photos::pick_and_import,
            commands::photos::set_photo_order,
            commands::photos::remove_photo,
            commands::photos::restore_photo,
            commands::photos::set_photo_meta,
            commands::posts::make_draft,
            commands::posts::save_post,
            commands::posts::choose_export_dir,
            commands::posts::export_post,
            commands::posts::cancel_export,
            commands::posts::save_video,
            commands::posts::video_plan,
            commands::texts::export_texts,
            commands::guard::list_clients,
            commands::guard::save_client,
            commands::guard::set_job_owner,
            commands::guard::job_guard,
            commands::guard::record_approval,
            commands::guard::job_history,
            commands::guard::photo_metadata,
            commands::guard::set_redactions,
            commands::guard::scan_post,
            commands::guard::replace_in_post,
            commands::guard::list_watch_words,
            commands::guard::set_watch_words,
            // the coach and the shop profile (commands/coach.rs)
            commands::coach::shop_profile,
            commands::coach::save_shop_profile,
            commands::coach::pick_logo,
            commands::coach::clear_logo,
            commands::coach::coach_post,
            commands::coach::apply_fix,
            // the AI helper (commands/ai.rs)
            commands::ai::ai_settings,
            commands::ai::save_ai_settings,
            commands::ai::ai_rewrite,
            commands::ai::cancel_ai,
            // the calendar and the history (commands/calendar.rs)
            commands::calendar::calendar,
            commands::calendar::set_weekly_goal,
            commands::calendar::reminder,
            commands::calendar::post_history,
            commands::calendar::open_export_folder,
            commands::calendar::mark_published,
        ])
        .run(context)
        .unwrap_or_else(|e| {
            eprintln!("공방포스트를 시작하지 못했습니다 / Gongbang Post could not start: {e}");
            std::process::exit(1);
        });
}
