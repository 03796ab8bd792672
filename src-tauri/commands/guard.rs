//! Why: the leak guard's screens (customers, whose job, approvals, redaction boxes, what a photo's
//! metadata holds, the text scan) as commands; every rule is the core's.

use gongbang_core::guard::{Guard, HistoryEntry, MetaItem, PlacedFinding};
use gongbang_core::ops::{self, Client, ClientInput, NewApproval, OwnerKind, RedactBox};
use gongbang_core::Post;
use tauri::State;

use super::views::PhotoView;
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// The customers, by name.
#[tauri::command]
#[specta::specta]
pub async fn list_clients(state: State<'_, AppState>) -> Result<Vec<Client>, IpcError> {
    with_library(&state, |lib| Ok(ops::clients::list(lib)?)).await
}

/// Saves a customer (`id` null = new). A name is required (`invalid`); a new customer whose name exists
/// (case, spaces, invisible characters and separators aside) is refused with `client_exists`; a change of
/// name, policy or aliases is written to the guard log.
#[tauri::command]
#[specta::specta]
pub async fn save_client(
    state: State<'_, AppState>,
    client: ClientInput,
) -> Result<Client, IpcError> {
    with_library(&state, move |lib| Ok(ops::clients::save(lib, &client)?)).await
}

/// Whose job it is (a client is required for `client`); a change is logged, old → new.
#[tauri::command]
#[specta::specta]
pub async fn set_job_owner(
    state: State<'_, AppState>,
    job_id: i64,
    owner_kind: Option<OwnerKind>,
    client_id: Option<i64>,
) -> Result<Guard, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::jobs::set_owner(lib, job_id, owner_kind, client_id)?)
    })
    .await
}

/// The leak guard's verdict for the job; with a post, the current post's verdict (a photo also in a stricter
/// job makes it that job's: `photoIssue` says which).
#[tauri::command]
#[specta::specta]
pub async fn job_guard(state: State<'_, AppState>, job_id: i64) -> Result<Guard, IpcError> {
    // With a post, the post's verdict: a photo shared with a stricter job shows here, with its reason.
    with_library(&state, move |lib| Ok(ops::guard::job_verdict(lib, job_id)?)).await
}

/// Records a customer's approval of an `ask` job (appended, never edited); `approvedAt` null = today.
#[tauri::command]
#[specta::specta]
pub async fn record_approval(
    state: State<'_, AppState>,
    job_id: i64,
    approved_by: String,
    how: String,
    note: String,
    approved_at: Option<String>,
) -> Result<Guard, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::guard::record_approval(
            lib,
            job_id,
            &NewApproval {
                approved_by: &approved_by,
                how: &how,
                note: &note,
                approved_at: approved_at.as_deref(),
            },
        )?)
    })
    .await
}

/// The job's guard log, newest first.
#[tauri::command]
#[specta::specta]
pub async fn job_history(
    state: State<'_, AppState>,
    job_id: i64,
) -> Result<Vec<HistoryEntry>, IpcError> {
    with_library(&state, move |lib| Ok(ops::guard::history(lib, job_id)?)).await
}

/// What an export will remove from the photo, read from its own bytes (empty = nothing).
#[tauri::command]
#[specta::specta]
pub async fn photo_metadata(
    state: State<'_, AppState>,
    photo_id: i64,
) -> Result<Vec<MetaItem>, IpcError> {
    with_library(&state, move |lib| Ok(ops::photos::metadata(lib, photo_id)?)).await
}

/// Replaces the photo's redaction boxes (each box no longer there is logged with its coordinates). The answer
/// is the library's photo (role null, caption ""): the window merges only its `redactions` and thumbnails
/// into the job's photo.
#[tauri::command]
#[specta::specta]
pub async fn set_redactions(
    state: State<'_, AppState>,
    photo_id: i64,
    boxes: Vec<RedactBox>,
) -> Result<PhotoView, IpcError> {
    with_library(&state, move |lib| {
        Ok(PhotoView::from(ops::photos::set_redactions(
            lib, photo_id, &boxes,
        )?))
    })
    .await
}

/// Scans every text an export of the post will contain (files and strings drawn into pixels).
///
/// Save first: it scans the saved post. A finding outside the post's own text is listed once per place when
/// its words are not flagged in the post itself.
#[tauri::command]
#[specta::specta]
pub async fn scan_post(
    state: State<'_, AppState>,
    post_id: i64,
) -> Result<Vec<PlacedFinding>, IpcError> {
    with_library(&state, move |lib| Ok(ops::guard::scan_post(lib, post_id)?)).await
}

/// Replaces every occurrence in the title, body, captions, tags and the video's title card lines; when the
/// job record or the shop profile holds it, the replacement is kept with the post and applied to the texts
/// made from them (the records stay as typed).
#[tauri::command]
#[specta::specta]
pub async fn replace_in_post(
    state: State<'_, AppState>,
    post_id: i64,
    find: String,
    replacement: String,
) -> Result<Post, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::guard::replace_in_post(
            lib,
            post_id,
            &find,
            &replacement,
        )?)
    })
    .await
}

/// The words the owner registered.
#[tauri::command]
#[specta::specta]
pub async fn list_watch_words(state: State<'_, AppState>) -> Result<Vec<String>, IpcError> {
    with_library(&state, |lib| Ok(ops::guard::watch_words(lib)?)).await
}

/// Replaces the watch words; each word removed is logged.
#[tauri::command]
#[specta::specta]
pub async fn set_watch_words(
    state: State<'_, AppState>,
    words: Vec<String>,
) -> Result<Vec<String>, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::guard::set_watch_words(lib, &words)?)
    })
    .await
}
