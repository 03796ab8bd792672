//! Why: the optional AI help in the window — its settings (the key goes to the OS keychain and only `hasKey`
//! comes back) and "다듬기 / 더 짧게 / 더 친근하게" on a post. A rewrite holds the library lock only to read
//! the post and to save the answer, never while waiting for the server; `cancel_ai` needs no lock at all.

use std::sync::atomic::Ordering;
use std::time::Duration;

use gongbang_ai::secrets::{self, OsKeychain};
use gongbang_ai::{
    rewrite, settings, AiError, AiSettings, AiSettingsInput, ApiKey, Style, Timeouts,
};
use gongbang_core::Post;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};

/// Seconds the whole request may take (tests and slow local models); default 60.
const TIMEOUT_ENV: &str = "GONGBANG_AI_TIMEOUT_SECS";

fn timeouts() -> Timeouts {
    let mut t = Timeouts::default();
    if let Some(secs) = std::env::var(TIMEOUT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
    {
        t.total = Duration::from_secs(secs);
    }
    t
}

/// How long a read of the keychain may take before the app goes on without it: on a desktop with no Secret
/// Service, D-Bus can keep the call waiting for about 25 s. Storing and deleting are the owner's own actions
/// (an unlock prompt may take time) and are waited for.
const KEYCHAIN_READ_WAIT: Duration = Duration::from_secs(4);

/// A read of the keychain that gives `unavailable` when the keychain does not answer in time.
async fn keychain_read<T, F>(f: F, unavailable: T) -> Result<T, IpcError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    tokio::time::timeout(KEYCHAIN_READ_WAIT, keychain(f))
        .await
        .unwrap_or(Ok(unavailable))
}

fn keychain_silent() -> AiError {
    AiError::Keychain {
        ko: "컴퓨터의 비밀번호 보관함이 응답하지 않아 키 없이 보냈습니다.".into(),
        en: "The computer's keychain did not answer, so the request went without a key.".into(),
    }
}

/// Runs a keychain call on a blocking thread (D-Bus, maybe an unlock prompt), outside the library lock.
async fn keychain<T, F>(f: F) -> Result<T, IpcError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(e.to_string()))
}

/// The AI helper's settings; `hasKey` is about the saved address (the key itself never crosses).
#[tauri::command]
#[specta::specta]
pub async fn ai_settings(state: State<'_, AppState>) -> Result<AiSettings, IpcError> {
    let stored = with_library(&state, |lib| Ok(settings::load(lib)?)).await?;
    // `hasKey` is about the saved address: a key saved for another one does not count.
    let origin = settings::key_origin(&stored.base_url);
    let has_key = keychain_read(
        move || secrets::has_bound(&OsKeychain, origin.as_deref()),
        false,
    )
    .await?;
    Ok(settings::with_key_flag(stored, has_key))
}

/// `api_key`: `None` keeps the stored key, `""` deletes it, anything else replaces it. A key is saved for
/// the address saved with it (`secrets::store_bound`).
#[tauri::command]
#[specta::specta]
pub async fn save_ai_settings(
    state: State<'_, AppState>,
    settings: AiSettingsInput,
    api_key: Option<String>,
) -> Result<AiSettings, IpcError> {
    // Everything is checked before anything is stored (plain http to a public host: `ai_insecure`).
    let clean = settings::validate(&settings)?;
    let key = api_key.as_deref().map(ApiKey::new).transpose()?;
    let origin = settings::key_origin(&clean.base_url);
    let has_key = match key {
        None => {
            keychain_read(
                move || secrets::has_bound(&OsKeychain, origin.as_deref()),
                false,
            )
            .await?
        }
        Some(k) => {
            keychain(move || secrets::change_key(&OsKeychain, origin.as_deref(), k.as_ref()))
                .await??
        }
    };
    let stored = with_library(&state, move |lib| Ok(settings::save(lib, &clean)?)).await?;
    Ok(settings::with_key_flag(stored, has_key))
}

/// Rewrites the post's paragraphs (`blockIndex` null = every paragraph) and saves them; on any failure an
/// error and the post untouched. Refused before any request with the leak guard's codes when an export would
/// be.
#[tauri::command]
#[specta::specta]
pub async fn ai_rewrite(
    state: State<'_, AppState>,
    post_id: i64,
    style: Style,
    block_index: Option<usize>,
) -> Result<Post, IpcError> {
    let cancel = state.ai_cancel();
    cancel.store(false, Ordering::Relaxed);
    // The leak guard's verdict and the transport rule are checked in `prepare`, before any request.
    let plan = with_library(&state, move |lib| {
        Ok(rewrite::prepare(lib, post_id, style, block_index)?)
    })
    .await?;
    // Only the key saved for the plan's address (the client checks it again).
    let origin = plan.key_origin();
    let key = keychain_read(
        move || secrets::read_for(&OsKeychain, origin.as_deref()),
        Err(keychain_silent()),
    )
    .await?;
    let answers = rewrite::fetch(&plan, key, timeouts(), &cancel).await?;
    with_library(&state, move |lib| {
        Ok(rewrite::apply(lib, &plan, &answers, &cancel)?)
    })
    .await
}

/// Stops the running AI request; `ai_rewrite` then fails with `cancelled` and the post stays as it was.
#[tauri::command]
#[specta::specta]
pub fn cancel_ai(state: State<'_, AppState>) {
    state.ai_cancel().store(true, Ordering::Relaxed);
}
