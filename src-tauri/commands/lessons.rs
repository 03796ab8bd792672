//! Why: the 배우기 / Learn screen and the coach's "배우기 ›" links: the lessons (shipped, or the owner's or an
//! installed pack's copy) as plain blocks the window draws itself, never HTML.

use gongbang_core::ops::{self, Lesson, LessonSummary};
use gongbang_core::Lang;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// The lessons in `lang`, in order (id, title, summary, order, the coach check ids each explains).
#[tauri::command]
#[specta::specta]
pub async fn lessons(
    state: State<'_, AppState>,
    lang: Lang,
) -> Result<Vec<LessonSummary>, IpcError> {
    with_library(&state, move |lib| Ok(ops::lessons::list(lib, lang)?)).await
}

/// One lesson in `lang` (the other language when it has none in `lang`): headings, paragraphs of text and
/// bold spans, lists, images as `data:` URLs. `invalid` for an unknown id.
#[tauri::command]
#[specta::specta]
pub async fn lesson(
    state: State<'_, AppState>,
    id: String,
    lang: Lang,
) -> Result<Lesson, IpcError> {
    with_library(&state, move |lib| Ok(ops::lessons::get(lib, &id, lang)?)).await
}

/// The lesson that explains the coach check `check` (a `CoachCheck.id`), or `null`.
#[tauri::command]
#[specta::specta]
pub async fn lesson_for_check(
    state: State<'_, AppState>,
    check: String,
    lang: Lang,
) -> Result<Option<LessonSummary>, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::lessons::for_check(lib, &check, lang)?)
    })
    .await
}
