//! Why: a mentor's review and the club folder in the window (issue 15): "멘토에게 보내기" from the preview,
//! the mentor's screen (open a bundle, write notes, "답장 보내기"), the owner's answers to each note, and the
//! club folder in 설정. Each command is a call into `gongbang_core::ops::{review, club}`; where a file or a
//! folder must be chosen and no club folder is set, the OS dialog is shown from Rust.

use std::path::PathBuf;

use chrono::Local;
use gongbang_core::domain::review::{NoteInput, Review};
use gongbang_core::ops::club::{self, ClubItem, ClubStreak};
use gongbang_core::ops::review::{self as ops, Opened};
use gongbang_core::review::{BundleView, SentBundle, WrittenReply};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};

use super::dialogs::{pick_file, pick_folder};
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// Where a bundle or a reply goes: the club folder when one is set, else a folder the owner picks now
/// (`cancelled` when they close the dialog).
async fn out_dir(app: &AppHandle, state: &AppState) -> Result<PathBuf, IpcError> {
    let club = with_library(state, |lib| Ok(club::folder(lib)?)).await?;
    match club.map(PathBuf::from).filter(|d| d.is_dir()) {
        Some(d) => Ok(d),
        None => pick_folder(app, "보낼 폴더 선택 / Choose where to save the file")
            .await?
            .ok_or_else(IpcError::cancelled),
    }
}

/// "멘토에게 보내기": a review bundle of the saved post (the leak guard decides as for an export;
/// `confirmedTerms` are flagged texts the owner confirmed), into the club folder or a folder picked now.
#[tauri::command]
#[specta::specta]
pub async fn send_for_review(
    app: AppHandle,
    state: State<'_, AppState>,
    post_id: i64,
    confirmed_terms: Option<Vec<String>>,
) -> Result<SentBundle, IpcError> {
    let dir = out_dir(&app, &state).await?;
    let confirmed = confirmed_terms.unwrap_or_default();
    with_library(&state, move |lib| {
        Ok(ops::send(lib, post_id, Some(&dir), &confirmed)?)
    })
    .await
}

/// Opens a review file (`.gbreview`, `.gbreply`) or a pack (`.gbpack`, answered with its path) the owner
/// picks in the OS dialog; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn pick_review_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<Opened>, IpcError> {
    let Some(file) = pick_file(
        &app,
        "검토 파일 열기 / Open a review file",
        "공방포스트 검토 / Gongbang Post review",
        &[
            "gbreview", "gbreply", "gbpack", "GBREVIEW", "GBREPLY", "GBPACK",
        ],
    )
    .await?
    else {
        return Ok(None);
    };
    with_library(&state, move |lib| Ok(Some(ops::open_file(lib, &file)?))).await
}

/// Opens a file of the club folder (a bundle or a reply moves into the library).
#[tauri::command]
#[specta::specta]
pub async fn take_club_file(state: State<'_, AppState>, name: String) -> Result<Opened, IpcError> {
    with_library(&state, move |lib| Ok(ops::take_from_club(lib, &name)?)).await
}

/// What waits in the club folder for this library.
#[tauri::command]
#[specta::specta]
pub async fn club_inbox(state: State<'_, AppState>) -> Result<Vec<ClubItem>, IpcError> {
    with_library(&state, |lib| Ok(club::inbox(lib)?)).await
}

/// The bundles this library opened as a mentor, newest first.
#[tauri::command]
#[specta::specta]
pub async fn received_reviews(state: State<'_, AppState>) -> Result<Vec<Review>, IpcError> {
    with_library(&state, |lib| Ok(ops::received(lib)?)).await
}

/// A received bundle with its notes.
#[tauri::command]
#[specta::specta]
pub async fn review_bundle(
    state: State<'_, AppState>,
    review_id: i64,
) -> Result<BundleView, IpcError> {
    with_library(&state, move |lib| Ok(ops::bundle(lib, review_id)?)).await
}

/// The mentor adds a note (a draft until the reply is sent).
#[tauri::command]
#[specta::specta]
pub async fn add_review_note(
    state: State<'_, AppState>,
    review_id: i64,
    note: NoteInput,
) -> Result<BundleView, IpcError> {
    with_library(&state, move |lib| Ok(ops::add_note(lib, review_id, &note)?)).await
}

/// The mentor changes a draft note.
#[tauri::command]
#[specta::specta]
pub async fn update_review_note(
    state: State<'_, AppState>,
    note_id: i64,
    note: NoteInput,
) -> Result<BundleView, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::update_note(lib, note_id, &note)?)
    })
    .await
}

/// The mentor removes a draft note.
#[tauri::command]
#[specta::specta]
pub async fn delete_review_note(
    state: State<'_, AppState>,
    note_id: i64,
) -> Result<BundleView, IpcError> {
    with_library(&state, move |lib| Ok(ops::delete_note(lib, note_id)?)).await
}

/// The name the mentor signed the last reply with ("" the first time).
#[tauri::command]
#[specta::specta]
pub async fn reviewer_name(state: State<'_, AppState>) -> Result<String, IpcError> {
    with_library(&state, |lib| Ok(ops::reviewer_name(lib)?)).await
}

/// "답장 보내기": every draft note into one reply file, signed `reviewer`, into the club folder or a folder
/// picked now.
#[tauri::command]
#[specta::specta]
pub async fn send_review_reply(
    app: AppHandle,
    state: State<'_, AppState>,
    review_id: i64,
    reviewer: String,
) -> Result<WrittenReply, IpcError> {
    if reviewer.trim().is_empty() {
        // Said before a folder is asked for.
        return Err(gongbang_core::CoreError::invalid(
            "답장에 적을 이름을 넣어 주세요 (누가 한 말인지 사장님이 알 수 있게).",
            "Enter your name for the reply (so the owner knows who said what).",
        )
        .into());
    }
    let dir = out_dir(&app, &state).await?;
    with_library(&state, move |lib| {
        Ok(ops::write_reply(lib, review_id, &reviewer, Some(&dir))?)
    })
    .await
}

/// The post's reviews with every note: who said what and what the owner did with it.
#[tauri::command]
#[specta::specta]
pub async fn post_reviews(
    state: State<'_, AppState>,
    post_id: i64,
) -> Result<Vec<Review>, IpcError> {
    with_library(&state, move |lib| Ok(ops::of_post(lib, post_id)?)).await
}

/// The owner's answer to a note.
#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum NoteAnswer {
    /// Its rewrite goes into the post.
    Accept,
    /// The post stays as it is.
    Decline,
    /// The last answer is taken back (an accepted rewrite comes out again).
    Undo,
}

/// Accepts, declines or undoes the answer to a note; answers with the review as it now stands.
#[tauri::command]
#[specta::specta]
pub async fn answer_review_note(
    state: State<'_, AppState>,
    note_id: i64,
    answer: NoteAnswer,
) -> Result<Review, IpcError> {
    with_library(&state, move |lib| {
        Ok(match answer {
            NoteAnswer::Accept => ops::accept(lib, note_id)?,
            NoteAnswer::Decline => ops::decline(lib, note_id)?,
            NoteAnswer::Undo => ops::undo(lib, note_id)?,
        })
    })
    .await
}

/// The club folder in 설정.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClubSettings {
    /// The club folder, when one is set.
    pub folder: Option<String>,
    /// Set, but not there now (a USB stick out, a network drive away).
    pub folder_missing: bool,
    pub share_streak: bool,
    /// The streaks the club's shops share.
    pub streaks: Vec<ClubStreak>,
}

fn club_settings_of(lib: &gongbang_core::Library) -> Result<ClubSettings, IpcError> {
    let folder = club::folder(lib)?;
    Ok(ClubSettings {
        folder_missing: folder
            .as_deref()
            .is_some_and(|f| !std::path::Path::new(f).is_dir()),
        folder,
        share_streak: club::shares_streak(lib)?,
        streaks: club::streaks(lib)?,
    })
}

/// The club folder's settings and the shared streaks.
#[tauri::command]
#[specta::specta]
pub async fn club_settings(state: State<'_, AppState>) -> Result<ClubSettings, IpcError> {
    with_library(&state, |lib| club_settings_of(lib)).await
}

/// Picks the club folder in the OS dialog; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_club_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ClubSettings>, IpcError> {
    let Some(dir) = pick_folder(&app, "동아리 폴더 선택 / Choose the club folder").await?
    else {
        return Ok(None);
    };
    with_library(&state, move |lib| {
        club::set_folder(lib, Some(&dir), Local::now().fixed_offset())?;
        Ok(Some(club_settings_of(lib)?))
    })
    .await
}

/// Stops using a club folder (nothing in it is touched).
#[tauri::command]
#[specta::specta]
pub async fn clear_club_folder(state: State<'_, AppState>) -> Result<ClubSettings, IpcError> {
    with_library(&state, |lib| {
        club::set_folder(lib, None, Local::now().fixed_offset())?;
        club_settings_of(lib)
    })
    .await
}

/// Shares the posting streak with the club (counts only) or stops.
#[tauri::command]
#[specta::specta]
pub async fn set_share_streak(
    state: State<'_, AppState>,
    on: bool,
) -> Result<ClubSettings, IpcError> {
    with_library(&state, move |lib| {
        club::set_share_streak(lib, on, Local::now().fixed_offset())?;
        club_settings_of(lib)
    })
    .await
}
