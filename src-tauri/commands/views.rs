//! Why: what the window receives is the core's data plus what only the window needs (thumbnail URLs).

use gongbang_core::import::{ImportItem, ImportOutcome, ImportSummary};
use gongbang_core::session::Session;
use gongbang_core::{Job, Photo, Post};
use serde::Serialize;

use crate::thumb_protocol;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PhotoView {
    #[serde(flatten)]
    pub photo: Photo,
    /// The thumbnail every view shows: the photo's redaction boxes burned in.
    pub thumb_url: String,
    /// The thumbnail without the boxes: for the box editor only.
    pub raw_thumb_url: String,
}

impl From<Photo> for PhotoView {
    fn from(photo: Photo) -> Self {
        let thumb_url = thumb_protocol::url(&photo.hash, &photo.redactions);
        let raw_thumb_url = thumb_protocol::raw_url(&photo.hash);
        PhotoView {
            photo,
            thumb_url,
            raw_thumb_url,
        }
    }
}

pub fn photo_views(photos: Vec<Photo>) -> Vec<PhotoView> {
    photos.into_iter().map(PhotoView::from).collect()
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SessionView {
    pub job: Job,
    pub photos: Vec<PhotoView>,
    pub post: Option<Post>,
}

impl From<Session> for SessionView {
    fn from(s: Session) -> Self {
        SessionView {
            job: s.job,
            photos: photo_views(s.photos),
            post: s.post,
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportItemView {
    pub path: String,
    pub file_name: String,
    pub outcome: ImportOutcome,
    pub photo: Option<PhotoView>,
    pub reason_ko: Option<String>,
    pub reason_en: Option<String>,
}

impl From<&ImportItem> for ImportItemView {
    fn from(i: &ImportItem) -> Self {
        ImportItemView {
            path: i.path.clone(),
            file_name: i.file_name.clone(),
            outcome: i.outcome,
            photo: i.photo.clone().map(PhotoView::from),
            reason_ko: i.reason_ko.clone(),
            reason_en: i.reason_en.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportSummaryView {
    pub items: Vec<ImportItemView>,
    pub imported: usize,
    pub duplicates: usize,
    pub rejected: usize,
}

impl From<&ImportSummary> for ImportSummaryView {
    fn from(s: &ImportSummary) -> Self {
        ImportSummaryView {
            items: s.items.iter().map(ImportItemView::from).collect(),
            imported: s.imported,
            duplicates: s.duplicates,
            rejected: s.rejected,
        }
    }
}

/// The `import-progress` event: one file's result during an import (the event's name comes from this type).
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub item: ImportItemView,
}
