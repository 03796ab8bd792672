//! Why: the one declaration of the window's IPC contract. Every command the webview may call, and every
//! event it may listen to, is listed here once. tauri-specta makes the invoke handler (app.rs) from this list
//! and, from the same list and the commands' Rust signatures, the files nobody writes by hand: the
//! TypeScript bindings (ui/src/bindings.ts), the command list tauri-build reads (gen/commands.json) and the
//! window's capability (capabilities/main-window.json). `GONGBANG_WRITE_IPC=1 cargo test -p gongbang-post
//! ipc_contract` writes them; without the variable the same test fails when one is out of date
//! (ipc_files.rs). Adding a command: write it with `#[tauri::command]` and `#[specta::specta]`, list it
//! below, run that command, and give it a door in ui/src/backend.ts and a stand-in in the mock backend.

use tauri_specta::{collect_commands, collect_events, Builder, ErrorHandlingMode};

use crate::commands;
use crate::ipc_error::IpcError;

/// The contract: the commands, the events and the error every command rejects with.
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
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
            commands::posts::copy_export_text,
            commands::posts::save_video,
            commands::posts::set_music,
            commands::posts::pick_music,
            commands::posts::video_plan,
            commands::texts::export_texts,
            // a mentor's review and the club folder (commands/review.rs)
            commands::review::send_for_review,
            commands::review::pick_review_file,
            commands::review::take_club_file,
            commands::review::club_inbox,
            commands::review::received_reviews,
            commands::review::review_bundle,
            commands::review::add_review_note,
            commands::review::update_review_note,
            commands::review::delete_review_note,
            commands::review::reviewer_name,
            commands::review::send_review_reply,
            commands::review::post_reviews,
            commands::review::answer_review_note,
            commands::review::club_settings,
            commands::review::choose_club_folder,
            commands::review::clear_club_folder,
            commands::review::set_share_streak,
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
            // the library: products, cards, search, archive and removal, customers (commands/library.rs)
            commands::library::library_page,
            commands::library::library_filters,
            commands::library::library_search,
            commands::library::library_photos,
            commands::library::add_photo_to_job,
            commands::library::archive_job,
            commands::library::unarchive_job,
            commands::library::remove_job,
            commands::library::undo_removal,
            commands::library::list_products,
            commands::library::save_product,
            commands::library::archive_product,
            commands::library::unarchive_product,
            commands::library::remove_product,
            commands::library::product_detail,
            commands::library::set_job_product,
            commands::library::new_product_post,
            commands::library::client_detail,
            // backup and restore (commands/backup.rs)
            commands::backup::backup_settings,
            commands::backup::set_auto_backup,
            commands::backup::choose_backup_folder,
            commands::backup::backup_now,
            commands::backup::restore_backup,
            commands::backup::switch_library,
            // template packs and lessons (commands/packs.rs, commands/lessons.rs)
            commands::packs::pick_pack,
            commands::packs::preview_pack,
            commands::packs::install_pack,
            commands::packs::installed_packs,
            commands::packs::remove_pack,
            commands::packs::export_pack,
            commands::lessons::lessons,
            commands::lessons::lesson,
            commands::lessons::lesson_for_check,
        ])
        .events(collect_events![
            commands::views::ImportProgress,
            commands::posts::ExportProgress,
            commands::backup::BackupProgress
        ])
        .typ::<IpcError>()
        // A failed command rejects its promise, as `invoke` always did; backend.ts turns the rejection
        // into the window's AppError.
        .error_handling(ErrorHandlingMode::Throw)
        // Ids are SQLite rowids and sizes are file sizes: far below 2^53, so JSON numbers as today.
        .dangerously_cast_bigints_to_number()
}
