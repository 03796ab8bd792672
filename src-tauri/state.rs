//! Why: the window's commands share one open library; a library that cannot be opened (say, written by a
//! newer app) is kept as an error every command reports, instead of a crash at start.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use gongbang_core::export::ExportResult;
use gongbang_core::library::StorePaths;
use gongbang_core::{CoreError, Library};

use crate::frame_protocol::FrameSlot;
use crate::ipc_error::IpcError;

/// Shared by every command.
pub struct AppState {
    lib: Result<Arc<Mutex<Library>>, IpcError>,
    /// The library folder, readable without waiting for the lock (thumbnails during an import).
    store: Option<StorePaths>,
    /// Set by `cancel_export`; outside the library lock, which the running export holds.
    export_cancel: Arc<AtomicBool>,
    /// Set by `cancel_ai`; the running AI request holds no lock and stops at once.
    ai_cancel: Arc<AtomicBool>,
    /// The last prepared video preview (frame protocol).
    frames: FrameSlot,
    /// The last finished export, with its texts as the guard cleared them (the copy buttons paste these).
    last_export: Mutex<Option<ExportResult>>,
}

impl AppState {
    /// Opens the default library (`GONGBANG_LIBRARY` or the OS data folder).
    pub fn open() -> Self {
        let lib = Library::default_root()
            .and_then(Library::open)
            .map_err(|e: CoreError| {
                eprintln!("library: {e}");
                IpcError::from(e)
            });
        let store = lib.as_ref().ok().map(|l| Library::store_paths(l.root()));
        AppState {
            lib: lib.map(|l| Arc::new(Mutex::new(l))),
            store,
            export_cancel: Arc::new(AtomicBool::new(false)),
            ai_cancel: Arc::new(AtomicBool::new(false)),
            frames: Mutex::new(None),
            last_export: Mutex::new(None),
        }
    }

    /// Paths inside the photo store, when the library is open.
    pub fn store(&self) -> Option<&StorePaths> {
        self.store.as_ref()
    }

    /// The flag a running export checks between frames.
    pub fn export_cancel(&self) -> Arc<AtomicBool> {
        self.export_cancel.clone()
    }

    /// The flag a running AI request watches.
    pub fn ai_cancel(&self) -> Arc<AtomicBool> {
        self.ai_cancel.clone()
    }

    /// The last prepared video preview.
    pub fn frames(&self) -> &FrameSlot {
        &self.frames
    }

    /// The last finished export (the copy buttons' texts).
    pub fn last_export(&self) -> &Mutex<Option<ExportResult>> {
        &self.last_export
    }

    /// The library, or the reason it could not be opened.
    pub fn library(&self) -> Result<Arc<Mutex<Library>>, IpcError> {
        self.lib.clone()
    }
}

/// Runs `f` with the library on a blocking thread (SQLite and image work must not stall the UI).
pub async fn with_library<T, F>(state: &AppState, f: F) -> Result<T, IpcError>
where
    T: Send + 'static,
    F: FnOnce(&mut Library) -> Result<T, IpcError> + Send + 'static,
{
    let lib = state.library()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = lib
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?
}
