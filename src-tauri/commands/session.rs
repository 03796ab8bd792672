//! Why: starting, switching and describing jobs; the app reopens on the job last worked on.

use gongbang_core::presets::{self, Presets};
use gongbang_core::repo::{jobs, settings};
use gongbang_core::{session, Job, JobFields};
use serde::Serialize;
use tauri::State;

use super::views::SessionView;
use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    version: String,
    library_dir: String,
    lang: String,
    export_dir: Option<String>,
}

fn info(lib: &gongbang_core::Library) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        library_dir: lib.root().to_string_lossy().into_owned(),
        lang: settings::get(lib.conn(), settings::LANG)?.unwrap_or_else(|| "ko".into()),
        export_dir: super::posts::configured_export_dir(lib)?,
    })
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    with_library(&state, |lib| info(lib)).await
}

#[tauri::command]
pub async fn set_lang(state: State<'_, AppState>, lang: String) -> Result<AppInfo, IpcError> {
    with_library(&state, move |lib| {
        let lang = if lang == "en" { "en" } else { "ko" };
        settings::set(lib.conn(), settings::LANG, lang)?;
        info(lib)
    })
    .await
}

#[tauri::command]
pub fn presets() -> Presets {
    presets::presets()
}

#[tauri::command]
pub async fn current_session(state: State<'_, AppState>) -> Result<SessionView, IpcError> {
    with_library(&state, |lib| Ok(session::current(lib)?.into())).await
}

#[tauri::command]
pub async fn new_job(state: State<'_, AppState>) -> Result<SessionView, IpcError> {
    with_library(&state, |lib| Ok(session::new_job(lib)?.into())).await
}

#[tauri::command]
pub async fn list_jobs(state: State<'_, AppState>) -> Result<Vec<Job>, IpcError> {
    with_library(&state, |lib| Ok(jobs::list(lib.conn())?)).await
}

#[tauri::command]
pub async fn open_job(state: State<'_, AppState>, job_id: i64) -> Result<SessionView, IpcError> {
    with_library(&state, move |lib| {
        jobs::touch(lib.conn(), job_id)?;
        Ok(session::open(lib, job_id)?.into())
    })
    .await
}

#[tauri::command]
pub async fn update_job(
    state: State<'_, AppState>,
    job_id: i64,
    fields: JobFields,
) -> Result<Job, IpcError> {
    with_library(&state, move |lib| {
        Ok(jobs::update(lib.conn(), job_id, &fields)?)
    })
    .await
}
