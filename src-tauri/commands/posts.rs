//! Why: drafting, saving and exporting a post; the export folder is asked once (by Rust's dialog) and
//! remembered, and the finished folder opens in the file manager. A video export reports its progress as
//! `export-progress` events and can be cancelled (`cancel_export`) without the library lock it runs under.
//! The last export's texts stay in the app, so the copy buttons (`copy_export_text`) put on the clipboard
//! exactly what the leak guard cleared and the export wrote, never the editor's text.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use gongbang_core::export::{self, ExportResult, NaverPart};
use gongbang_core::ops;
use gongbang_core::video::{self, Plan, VideoSettings};
use gongbang_core::{Platform, Post};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tauri_specta::Event;

use crate::frame_protocol;
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// Used by tests and kiosk setups: exports go here when the owner has not picked a folder.
const EXPORT_DIR_ENV: &str = "GONGBANG_EXPORT_DIR";
/// Set to 1 to not open the finished folder (tests, CI).
pub(crate) const NO_OPEN_ENV: &str = "GONGBANG_NO_OPEN";

/// At most this often an `export-progress` event (the last frame is always reported).
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The `export-progress` event: frames encoded, frames in all, and the time left as estimated so far.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
    pub eta_ms: Option<u64>,
}

/// A video plan as the window gets it: the cut list, and where its preview frames are served.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VideoPlan {
    #[serde(flatten)]
    pub plan: Plan,
    /// `gbframe://localhost/<postId>/`: append the frame number.
    pub frame_base: String,
}

/// The folder exports go to without asking: the owner's choice, else `GONGBANG_EXPORT_DIR`.
pub fn configured_export_dir(lib: &gongbang_core::Library) -> Result<Option<String>, IpcError> {
    Ok(ops::settings::export_dir(lib)?
        .or_else(|| std::env::var(EXPORT_DIR_ENV).ok().filter(|s| !s.is_empty())))
}

/// A fresh draft from the job's facts and photos, replacing the draft text.
#[tauri::command]
#[specta::specta]
pub async fn make_draft(
    state: State<'_, AppState>,
    job_id: i64,
    platform: Platform,
) -> Result<Post, IpcError> {
    with_library(&state, move |lib| {
        // The shop profile feeds the contact block and the title; the window's language picks the templates.
        Ok(ops::posts::make_draft(lib, job_id, platform)?)
    })
    .await
}

/// Saves the owner's title, blocks and tags. A photo block must name one of the job's photos (the core
/// refuses any other library photo with `photo_not_in_job`).
#[tauri::command]
#[specta::specta]
pub async fn save_post(state: State<'_, AppState>, post: Post) -> Result<Post, IpcError> {
    with_library(&state, move |lib| Ok(ops::posts::save_text(lib, &post)?)).await
}

/// Saves only the video settings (captions and photo order are the post's photo blocks: `save_post`).
#[tauri::command]
#[specta::specta]
pub async fn save_video(
    state: State<'_, AppState>,
    post_id: i64,
    video: VideoSettings,
) -> Result<Post, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::posts::save_video(lib, post_id, &video)?)
    })
    .await
}

/// Sets the video's background music from a file (`null`: no music, the video is silent). The file is
/// checked and copied into the library; an unusable one is refused (`music_unsupported`, `music_too_large`,
/// `music_unreadable`, `music_too_short`) and nothing is kept.
#[tauri::command]
#[specta::specta]
pub async fn set_music(
    state: State<'_, AppState>,
    post_id: i64,
    path: Option<String>,
) -> Result<Post, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::posts::set_music(
            lib,
            post_id,
            path.as_deref().map(std::path::Path::new),
        )?)
    })
    .await
}

/// Shows the OS file dialog (from Rust) for the video's music and sets what was picked; `null` = cancelled.
#[tauri::command]
#[specta::specta]
pub async fn pick_music(
    app: AppHandle,
    state: State<'_, AppState>,
    post_id: i64,
) -> Result<Option<Post>, IpcError> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("음악 고르기 / Choose music")
            .add_filter(
                "음악 / Music (MP3, M4A, WAV, OGG)",
                &["mp3", "MP3", "m4a", "M4A", "wav", "WAV", "ogg", "OGG"],
            )
            .blocking_pick_file()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    let Some(path) = picked.and_then(|f| f.into_path().ok()) else {
        return Ok(None);
    };
    with_library(&state, move |lib| {
        Ok(Some(ops::posts::set_music(lib, post_id, Some(&path))?))
    })
    .await
}

/// The cut list of the saved post; `invalid` for a non-video post, `no_photos` without photos. Preview frames
/// are served at `frameBase` + frame number.
#[tauri::command]
#[specta::specta]
pub async fn video_plan(state: State<'_, AppState>, post_id: i64) -> Result<VideoPlan, IpcError> {
    with_library(&state, move |lib| {
        Ok(VideoPlan {
            plan: ops::posts::video_plan(lib, post_id)?,
            frame_base: frame_protocol::base_url(post_id),
        })
    })
    .await
}

/// Stops the running export (a video stops at the next frame and leaves no folder). Needs no library lock.
///
/// A video export then fails with code `cancelled` and leaves no folder; harmless when nothing runs.
#[tauri::command]
#[specta::specta]
pub fn cancel_export(state: State<'_, AppState>) {
    state.export_cancel().store(true, Ordering::Relaxed);
}

async fn pick_folder(app: &AppHandle) -> Result<Option<PathBuf>, IpcError> {
    let app = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("내보낼 폴더 선택 / Choose the export folder")
            .blocking_pick_folder()
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}

/// Shows the OS folder dialog (from Rust) and remembers the folder; `null` = cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_export_dir(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let Some(dir) = pick_folder(&app).await? else {
        return Ok(None);
    };
    let dir = dir.to_string_lossy().into_owned();
    with_library(&state, move |lib| {
        ops::settings::set_export_dir(lib, &dir)?;
        Ok(Some(dir))
    })
    .await
}

/// Exports the saved post into the remembered folder (asking first when there is none) and opens it in the
/// file manager. The leak guard refuses with the codes in docs/ipc-contract.md; `confirmedTerms` are flagged
/// texts the owner confirmed, each logged. A video export emits `export-progress`.
#[tauri::command]
#[specta::specta]
pub async fn export_post(
    app: AppHandle,
    state: State<'_, AppState>,
    post_id: i64,
    confirmed_terms: Option<Vec<String>>,
) -> Result<ExportResult, IpcError> {
    let confirmed_terms = confirmed_terms.unwrap_or_default();
    let configured = with_library(&state, |lib| configured_export_dir(lib)).await?;
    let out_dir = match configured {
        Some(dir) => PathBuf::from(dir),
        None => {
            let Some(dir) = pick_folder(&app).await? else {
                return Err(IpcError::cancelled());
            };
            let remembered = dir.to_string_lossy().into_owned();
            with_library(&state, move |lib| {
                Ok(ops::settings::set_export_dir(lib, &remembered)?)
            })
            .await?;
            dir
        }
    };
    let cancel = state.export_cancel();
    cancel.store(false, Ordering::Relaxed);
    let events = app.clone();
    let result = with_library(&state, move |lib| {
        let started = Instant::now();
        let last = Mutex::new(None::<Instant>);
        let progress = move |done: u32, total: u32| {
            let now = Instant::now();
            let mut last = last
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if done < total && last.is_some_and(|t| now.duration_since(t) < PROGRESS_EVERY) {
                return;
            }
            *last = Some(now);
            let eta_ms = (done > 0).then(|| {
                let per = started.elapsed().as_secs_f64() / f64::from(done);
                (per * f64::from(total.saturating_sub(done)) * 1000.0) as u64
            });
            let _ = events.emit(
                ExportProgress::NAME,
                ExportProgress {
                    done,
                    total,
                    eta_ms,
                },
            );
        };
        let ctl = video::Control {
            progress: Some(&progress),
            cancel: Some(&cancel),
        };
        Ok(export::export_post_with(
            lib,
            post_id,
            &out_dir,
            &confirmed_terms,
            ctl,
        )?)
    })
    .await?;
    *state
        .last_export()
        .lock()
        .unwrap_or_else(PoisonError::into_inner) = Some(result.clone());
    if std::env::var(NO_OPEN_ENV).as_deref() != Ok("1") {
        if let Err(e) = app.opener().open_path(&result.folder, None::<&str>) {
            eprintln!("could not open the export folder: {e}");
        }
    }
    // A club that sees the shop's streak sees it grow (only when the owner shares it; never fails the export).
    let refreshed = with_library(&state, |lib| {
        Ok(gongbang_core::ops::club::refresh_streak(
            lib,
            chrono::Local::now().fixed_offset(),
        )?)
    })
    .await;
    if let Err(e) = refreshed {
        eprintln!("could not share the streak with the club: {}", e.message_en);
    }
    Ok(result)
}

/// Copies one text of the post's last Naver export to the system clipboard, for pasting into Naver's editor:
/// the title, the body (plain text with the `[사진 N]` markers) or the tags, exactly as the leak guard cleared
/// them and the export wrote them (`제목.txt`, `본문.txt`, `태그.txt`), without the final line break.
/// `not_exported` when this post has no export since the app started; `invalid` for another platform's
/// package; `clipboard` when the system clipboard refused.
#[tauri::command]
#[specta::specta]
pub fn copy_export_text(
    app: AppHandle,
    state: State<'_, AppState>,
    post_id: i64,
    part: NaverPart,
) -> Result<(), IpcError> {
    let text = {
        let last = state
            .last_export()
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(result) = last.as_ref().filter(|r| r.post_id() == post_id) else {
            return Err(IpcError::not_exported());
        };
        result.naver_text(part).map(str::to_owned).ok_or_else(|| {
            gongbang_core::CoreError::invalid(
                "네이버 블로그 글만 복사 단추로 복사합니다.",
                "The copy buttons are for Naver Blog posts.",
            )
        })?
    };
    app.clipboard()
        .write_text(text)
        .map_err(|e| IpcError::clipboard(&e.to_string()))
}
