//! Why: the calendar, the weekly goal, the start reminder and the post history as commands; the counting is
//! the core's (calendar.rs), and opening a folder happens here in Rust, never from the webview.

use gongbang_core::calendar::{Calendar, HistoryItem, WaitingJob};
use gongbang_core::{ops, CoreError};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};
use crate::thumb_protocol;

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// The month's calendar (`month` as YYYY-MM, null = this month).
#[tauri::command]
#[specta::specta]
pub async fn calendar(
    state: State<'_, AppState>,
    month: Option<String>,
) -> Result<Calendar, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::calendar::month(lib, month.as_deref(), now())?)
    })
    .await
}

/// Sets the weekly goal (0–14; 0 = none).
#[tauri::command]
#[specta::specta]
pub async fn set_weekly_goal(
    state: State<'_, AppState>,
    per_week: u32,
) -> Result<Calendar, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::calendar::set_goal(lib, per_week, now())?)
    })
    .await
}

/// A waiting job as the window shows it: with its first photo's thumbnail address.
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WaitingJobView {
    job_id: i64,
    title: String,
    photo_count: u32,
    thumb_url: Option<String>,
}

/// The reminder as the window gets it.
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReminderView {
    behind: bool,
    goal_per_week: u32,
    this_week: u32,
    jobs_without_post: Vec<WaitingJobView>,
}

fn waiting_view(lib: &gongbang_core::Library, j: WaitingJob) -> WaitingJobView {
    // The first photo's thumbnail with its redaction boxes burned in, like everywhere but the box editor.
    let thumb_url = j.first_photo_hash.as_deref().map(|hash| {
        let boxes = ops::photos::by_hash(lib, hash)
            .ok()
            .flatten()
            .map(|p| p.redactions)
            .unwrap_or_default();
        thumb_protocol::url(hash, &boxes)
    });
    WaitingJobView {
        job_id: j.job_id,
        title: j.title,
        photo_count: j.photo_count,
        thumb_url,
    }
}

/// The word on start: whether this week is behind its goal, and the jobs still waiting for a post.
#[tauri::command]
#[specta::specta]
pub async fn reminder(state: State<'_, AppState>) -> Result<ReminderView, IpcError> {
    with_library(&state, |lib| {
        let r = ops::calendar::reminder(lib, now())?;
        Ok(ReminderView {
            behind: r.behind,
            goal_per_week: r.goal_per_week,
            this_week: r.this_week,
            jobs_without_post: r
                .jobs_without_post
                .into_iter()
                .map(|j| waiting_view(lib, j))
                .collect(),
        })
    })
    .await
}

/// Every post, newest change first.
#[tauri::command]
#[specta::specta]
pub async fn post_history(state: State<'_, AppState>) -> Result<Vec<HistoryItem>, IpcError> {
    with_library(&state, |lib| Ok(ops::calendar::history(lib)?)).await
}

/// Opens the post's export folder in the file manager (`invalid` when it is gone).
#[tauri::command]
#[specta::specta]
pub async fn open_export_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    post_id: i64,
) -> Result<(), IpcError> {
    let post = with_library(&state, move |lib| Ok(ops::posts::get(lib, post_id)?)).await?;
    let folder = post
        .export_path
        .filter(|f| std::path::Path::new(f).is_dir())
        .ok_or_else(|| {
            CoreError::invalid(
                "이 글의 내보낸 폴더가 없습니다. 옮겼거나 지웠다면 다시 내보내 주세요.",
                "This post's export folder is gone. If it was moved or deleted, export the post again.",
            )
        })?;
    if std::env::var(super::posts::NO_OPEN_ENV).as_deref() == Ok("1") {
        return Ok(());
    }
    app.opener().open_path(&folder, None::<&str>).map_err(|e| {
        IpcError::from(CoreError::invalid(
            format!("폴더를 열지 못했습니다: {e}"),
            format!("The folder could not be opened: {e}"),
        ))
    })
}

/// Marks the post published at `url` (counted on the calendar).
#[tauri::command]
#[specta::specta]
pub async fn mark_published(
    state: State<'_, AppState>,
    post_id: i64,
    url: String,
) -> Result<HistoryItem, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::calendar::mark_published(lib, post_id, &url)?)
    })
    .await
}
