//! Why: starting, switching and describing jobs; the app reopens on the job last worked on.

use gongbang_core::ops;
use gongbang_core::presets::{self, Presets};
use gongbang_core::{Job, JobFields, Lang};
use serde::Serialize;
use tauri::State;

use super::views::SessionView;
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    version: String,
    library_dir: String,
    lang: Lang,
    export_dir: Option<String>,
}

fn info(lib: &gongbang_core::Library) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        library_dir: lib.root().to_string_lossy().into_owned(),
        lang: ops::settings::lang(lib)?,
        export_dir: super::posts::configured_export_dir(lib)?,
    })
}

/// The app's version, library folder, language and export folder.
#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    with_library(&state, |lib| info(lib)).await
}

/// Sets the window's language (`en`; anything else is Korean) and answers the new `AppInfo`.
#[tauri::command]
#[specta::specta]
pub async fn set_lang(state: State<'_, AppState>, lang: String) -> Result<AppInfo, IpcError> {
    with_library(&state, move |lib| {
        let lang = if lang == "en" { Lang::En } else { Lang::Ko };
        ops::settings::set_lang(lib, lang)?;
        info(lib)
    })
    .await
}

/// The materials, processes and equipment the job form and the shop profile offer.
#[tauri::command]
#[specta::specta]
pub fn presets() -> Presets {
    presets::presets()
}

/// The job last worked on, with its photos and newest post; an empty job is created when there is none.
#[tauri::command]
#[specta::specta]
pub async fn current_session(state: State<'_, AppState>) -> Result<SessionView, IpcError> {
    with_library(&state, |lib| Ok(ops::session::current(lib)?.into())).await
}

/// Starts an empty job and opens it.
#[tauri::command]
#[specta::specta]
pub async fn new_job(state: State<'_, AppState>) -> Result<SessionView, IpcError> {
    with_library(&state, |lib| Ok(ops::session::new_job(lib)?.into())).await
}

/// Every job, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_jobs(state: State<'_, AppState>) -> Result<Vec<Job>, IpcError> {
    with_library(&state, |lib| Ok(ops::jobs::list(lib)?)).await
}

/// Opens a job: the app reopens on it next time.
#[tauri::command]
#[specta::specta]
pub async fn open_job(state: State<'_, AppState>, job_id: i64) -> Result<SessionView, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::session::open_job(lib, job_id)?.into())
    })
    .await
}

/// Saves the job's facts.
#[tauri::command]
#[specta::specta]
pub async fn update_job(
    state: State<'_, AppState>,
    job_id: i64,
    fields: JobFields,
) -> Result<Job, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::jobs::update(lib, job_id, &fields)?)
    })
    .await
}
