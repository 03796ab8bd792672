//! Gongbang Post's core: every rule of the trade (library, jobs, photos, drafts, rendering, export) with
//! no GUI, shared by the desktop window and the `gongbang` CLI.

pub mod audio;
pub mod backup;
mod busy;
pub mod calendar;
pub mod club;
pub mod coach;
pub mod db;
pub mod domain;
pub mod draft;
mod error;
pub mod export;
pub mod guard;
pub mod imaging;
pub mod import;
mod io_reason;
pub mod lessons;
pub mod library;
pub mod ops;
pub mod pack;
pub mod package;
pub mod presets;
pub mod render;
/// Storage: rows to domain types. Public for the core's own test suite, which inspects rows on purpose;
/// the window, the CLI and the AI helper call [`ops`] instead (checked by `tests/suite/surface.rs`).
pub mod repo;
pub mod review;
pub mod session;
pub(crate) mod spelling;
mod store;
pub mod video;
pub mod video_plan;

pub use domain::{Block, Job, JobFields, Photo, PhotoRole, Platform, Post, PostStatus};
pub use draft::Lang;
pub use error::{CoreError, Result};
pub use library::Library;
