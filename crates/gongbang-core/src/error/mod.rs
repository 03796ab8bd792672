//! Why: every failure the owner can meet has one type with a stable code and a plain Korean and English
//! message, so the window, the CLI and the tests all say the same thing.

use std::path::PathBuf;

mod audio_error;
mod image_error;
pub use audio_error::AudioError;
pub use image_error::ImageError;

/// Result type of the core.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("database migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error(
        "the library was written by a newer Gongbang Post (schema {found}, this app knows {known})"
    )]
    NewerDatabase { found: usize, known: usize },
    #[error("file error at {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("unreadable photo: {0}")]
    Image(#[from] ImageError),
    #[error("unusable music: {0}")]
    Audio(#[from] AudioError),
    #[error("no job number {0}")]
    NoSuchJob(i64),
    #[error("no post number {0}")]
    NoSuchPost(i64),
    #[error("no photo number {0}")]
    NoSuchPhoto(i64),
    #[error("the post has no photos")]
    NoPhotos,
    #[error("template error: {0}")]
    Template(#[from] minijinja::Error),
    #[error("data error: {0}")]
    Json(#[from] serde_json::Error),
    #[error("invalid input: {en}")]
    Invalid { ko: String, en: String },
    #[error("no customer {0}")]
    NoSuchClient(String),
    #[error("jobs for {client} may never be shown (policy: never)")]
    ExportForbidden { client: String },
    #[error("{} asks for an approval before the job is shown, and none is recorded", .client.as_deref().unwrap_or("the customer"))]
    ApprovalMissing { client: Option<String> },
    #[error("the text names things that must not leak: {}", .terms.join(", "))]
    FlaggedText { terms: Vec<String> },
    #[error("cancelled")]
    Cancelled,
    #[error("photo {photo_id} is not one of the photos of job {job_id}")]
    PhotoNotInJob { photo_id: i64, job_id: i64 },
    /// A photo of the post also belongs to another job whose verdict is stricter (`refusal` is that job's).
    #[error("photo {photo_id} also belongs to job {other_job_id}: {refusal}")]
    SharedPhotoRefused {
        photo_id: i64,
        other_job_id: i64,
        other_job_title: String,
        refusal: Box<CoreError>,
    },
    #[error("no product number {0}")]
    NoSuchProduct(i64),
    #[error("no removal number {0} (it may have been undone or purged)")]
    NoSuchRemoval(i64),
    /// A post about a product: one of the product's jobs is stricter (`refusal` is that job's).
    #[error("job {job_id} of the product: {refusal}")]
    ProductJobRefused {
        job_id: i64,
        job_title: String,
        refusal: Box<CoreError>,
    },
    /// A new customer whose name is (up to case, spaces and separators) one that exists already.
    #[error("a customer named {existing} already exists")]
    ClientExists { name: String, existing: String },
    /// A writer was given the guard's clearance of another post, or of this post before it changed.
    #[error("post {post_id} is not what the leak guard cleared (post {cleared_post_id})")]
    NotCleared { post_id: i64, cleared_post_id: i64 },
    /// A backup or restore refused: a damaged or newer backup file, a restore target that is not empty.
    #[error("{en}")]
    Backup {
        code: &'static str,
        ko: String,
        en: String,
    },
    /// A template pack refused (`pack_damaged`, `pack_tampered`, `pack_refused`, `no_such_pack`,
    /// `pack_empty`, `pack_author`): nothing was installed or written.
    #[error("{en}")]
    Pack {
        code: &'static str,
        ko: String,
        en: String,
    },
    /// A template pack signed by a key the owner has not trusted yet (the window asks once; the CLI needs
    /// `--trust`). `same_name_known`: a trusted author has this name with another key.
    #[error("the pack's author {name} ({fingerprint}) is not trusted yet")]
    PackUntrusted {
        name: String,
        key: String,
        fingerprint: String,
        same_name_known: bool,
    },
}

impl CoreError {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        CoreError::Io {
            path: path.into(),
            source,
        }
    }

    /// A stable machine-readable code, for the window and for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Db(_) => "db",
            CoreError::Migration(_) => "migration",
            CoreError::NewerDatabase { .. } => "newer_database",
            CoreError::Io { .. } => "io",
            CoreError::Image(_) => "image",
            CoreError::Audio(e) => e.code(),
            CoreError::NoSuchJob(_) => "no_such_job",
            CoreError::NoSuchPost(_) => "no_such_post",
            CoreError::NoSuchPhoto(_) => "no_such_photo",
            CoreError::NoPhotos => "no_photos",
            CoreError::Template(_) => "template",
            CoreError::Json(_) => "json",
            CoreError::Invalid { .. } => "invalid",
            CoreError::NoSuchClient(_) => "no_such_client",
            CoreError::ExportForbidden { .. } => "export_forbidden",
            CoreError::ApprovalMissing { .. } => "approval_missing",
            CoreError::FlaggedText { .. } => "flagged_text",
            CoreError::Cancelled => "cancelled",
            CoreError::PhotoNotInJob { .. } => "photo_not_in_job",
            // The other job's own refusal code: the window and scripts treat it as that refusal.
            CoreError::SharedPhotoRefused { refusal, .. } => refusal.code(),
            CoreError::ClientExists { .. } => "client_exists",
            CoreError::NoSuchProduct(_) => "no_such_product",
            CoreError::NoSuchRemoval(_) => "no_such_removal",
            // The source job's own refusal code, as for a shared photo.
            CoreError::ProductJobRefused { refusal, .. } => refusal.code(),
            CoreError::NotCleared { .. } => "not_cleared",
            CoreError::Backup { code, .. } | CoreError::Pack { code, .. } => code,
            CoreError::PackUntrusted { .. } => "pack_untrusted",
        }
    }

    /// The message in plain Korean.
    pub fn message_ko(&self) -> String {
        match self {
            CoreError::Db(e) => format!("저장소(데이터베이스)에 문제가 생겼습니다: {e}"),
            CoreError::Migration(e) => format!("저장소를 새 버전으로 바꾸지 못했습니다: {e}"),
            CoreError::NewerDatabase { .. } => {
                "이 자료는 더 새 버전의 공방포스트로 만들어졌습니다. 프로그램을 업데이트해 주세요."
                    .into()
            }
            CoreError::Io { path, source } => match crate::io_reason::reason(source) {
                Some((why, _)) => format!(
                    "파일을 읽거나 쓸 수 없습니다 ({}): {why} ({source})",
                    path.display()
                ),
                None => format!(
                    "파일을 읽거나 쓸 수 없습니다 ({}): {source}",
                    path.display()
                ),
            },
            CoreError::Image(e) => e.message_ko(),
            CoreError::Audio(e) => e.message_ko(),
            CoreError::NoSuchJob(id) => format!("{id}번 작업을 찾을 수 없습니다."),
            CoreError::NoSuchPost(id) => format!("{id}번 글을 찾을 수 없습니다."),
            CoreError::NoSuchPhoto(id) => format!("{id}번 사진을 찾을 수 없습니다."),
            CoreError::NoPhotos => "글에 사진이 한 장도 없습니다. 사진을 먼저 넣어 주세요.".into(),
            CoreError::Template(e) => format!("글 틀(템플릿)에 문제가 있습니다: {e}"),
            CoreError::Json(e) => format!("저장된 글 자료가 손상되었습니다: {e}"),
            CoreError::Invalid { ko, .. }
            | CoreError::Backup { ko, .. }
            | CoreError::Pack { ko, .. } => ko.clone(),
            CoreError::PackUntrusted {
                name,
                fingerprint,
                same_name_known: false,
                ..
            } => format!(
                "처음 보는 사람이 만든 묶음입니다: '{name}' (열쇠 지문 {fingerprint}). 아는 사람이 보낸 것이 맞다면, 이 사람을 믿는다고 한 번 답해 주세요. 아직 아무것도 설치하지 않았습니다."
            ),
            CoreError::PackUntrusted {
                name,
                fingerprint,
                same_name_known: true,
                ..
            } => format!(
                "'{name}'이라는 이름은 아는 사람과 같지만 열쇠(지문 {fingerprint})가 다릅니다. 다른 사람일 수 있습니다. 본인에게 확인한 뒤에만 믿어 주세요. 아직 아무것도 설치하지 않았습니다."
            ),
            CoreError::NoSuchClient(name) => format!("'{name}' 고객사를 찾을 수 없습니다."),
            CoreError::Cancelled => "취소했습니다. 만들던 파일은 남기지 않았습니다.".into(),
            CoreError::ExportForbidden { client } => format!(
                "'{client}' 고객사는 작업을 절대 공개하지 않기로 되어 있어 내보낼 수 없습니다."
            ),
            CoreError::ApprovalMissing { client: Some(client) } => format!(
                "'{client}' 고객사의 허락을 먼저 기록해 주세요. 허락 없이는 내보낼 수 없습니다."
            ),
            CoreError::ApprovalMissing { client: None } => {
                "이 작업이 우리 제품인지 고객사 작업인지 아직 정하지 않았습니다. 정하지 않은 작업은 고객사의 허락이 있어야 내보낼 수 있습니다. 작업 정보에서 먼저 정해 주세요.".into()
            }
            CoreError::FlaggedText { terms } => format!(
                "글에 밖으로 나가면 안 될 수 있는 단어가 있습니다: {}. 바꾸거나, 확인했다고 표시한 뒤 내보내 주세요.",
                terms.join(", ")
            ),
            CoreError::PhotoNotInJob { photo_id, job_id } => format!(
                "{photo_id}번 사진은 이 작업({job_id}번 작업)의 사진이 아닙니다. 글에는 그 작업의 사진만 넣고 내보낼 수 있습니다. 사진 단계에서 이 작업에 넣은 사진을 골라 주세요."
            ),
            CoreError::SharedPhotoRefused {
                photo_id,
                other_job_id,
                other_job_title,
                refusal,
            } => format!(
                "{photo_id}번 사진은 다른 작업({other_job_id}번 '{other_job_title}')에도 들어 있는 사진이라, 그 작업의 더 엄격한 규칙을 따릅니다: {}",
                refusal.message_ko()
            ),
            CoreError::NoSuchProduct(id) => format!(
                "{id}번 제품을 찾을 수 없습니다. 제품 목록(product list)에서 번호를 확인해 주세요."
            ),
            CoreError::NoSuchRemoval(id) => format!(
                "{id}번 삭제 기록이 없습니다. 이미 되돌렸거나 30일이 지나 정리되었습니다."
            ),
            CoreError::ProductJobRefused {
                job_id,
                job_title,
                refusal,
            } => format!(
                "이 제품 글은 제품의 작업 중 가장 엄격한 규칙을 따릅니다. {job_id}번 작업 '{job_title}': {} 그 작업에서 허락을 기록하거나, 그 작업을 제품에서 빼 주세요.",
                refusal.message_ko()
            ),
            CoreError::ClientExists { name, existing } if name == existing => format!(
                "'{existing}' 고객사가 이미 있습니다. 새로 만들지도, 있던 고객사를 바꾸지도 않았습니다. 목록에서 그 고객사를 고르거나, 정책과 별칭은 고객사 고치기(client set)로 바꿔 주세요."
            ),
            CoreError::ClientExists { name, existing } => format!(
                "'{name}'은(는) 이미 있는 '{existing}' 고객사와 같은 이름으로 봅니다 (띄어쓰기, 대소문자, 기호만 다름). 새로 만들지도, 있던 고객사를 바꾸지도 않았습니다. 목록에서 '{existing}'을(를) 고르거나, 정책과 별칭은 고객사 고치기(client set)로 바꿔 주세요."
            ),
            CoreError::NotCleared {
                post_id,
                cleared_post_id,
            } if post_id == cleared_post_id => format!(
                "{post_id}번 글이 유출 검사 뒤에 바뀌었습니다. 아무것도 만들지 않았습니다. 다시 검사한 뒤 내보내 주세요."
            ),
            CoreError::NotCleared {
                post_id,
                cleared_post_id,
            } => format!(
                "{cleared_post_id}번 글의 유출 검사로는 {post_id}번 글을 내보낼 수 없습니다. 아무것도 만들지 않았습니다. 이 글을 먼저 검사해 주세요."
            ),
        }
    }

    /// The message in plain English.
    pub fn message_en(&self) -> String {
        match self {
            CoreError::Image(e) => e.message_en(),
            CoreError::Audio(e) => e.message_en(),
            CoreError::Io { path, source } => match crate::io_reason::reason(source) {
                Some((_, why)) => format!(
                    "Cannot read or write a file ({}): {why} ({source})",
                    path.display()
                ),
                None => format!("Cannot read or write a file ({}): {source}.", path.display()),
            },
            CoreError::NewerDatabase { .. } => {
                "This library was made by a newer Gongbang Post. Please update the app.".into()
            }
            CoreError::NoPhotos => "The post has no photos. Add photos first.".into(),
            CoreError::Invalid { en, .. }
            | CoreError::Backup { en, .. }
            | CoreError::Pack { en, .. } => en.clone(),
            CoreError::PackUntrusted {
                name,
                fingerprint,
                same_name_known: false,
                ..
            } => format!(
                "This pack was made by someone new: '{name}' (key fingerprint {fingerprint}). If you know they sent it, say once that you trust them. Nothing was installed yet."
            ),
            CoreError::PackUntrusted {
                name,
                fingerprint,
                same_name_known: true,
                ..
            } => format!(
                "The name '{name}' matches an author you trust, but the key (fingerprint {fingerprint}) is different: it may be someone else. Trust it only after asking them. Nothing was installed yet."
            ),
            CoreError::Cancelled => "Cancelled. Nothing half-made was left behind.".into(),
            CoreError::ExportForbidden { client } => format!(
                "Jobs for '{client}' may never be shown (policy: never), so this cannot be exported."
            ),
            CoreError::ApprovalMissing { client: Some(client) } => format!(
                "Record the approval of '{client}' first; without it nothing can be exported."
            ),
            CoreError::ApprovalMissing { client: None } => {
                "It is not yet set whether this is our own product or a customer's job; such a job needs the customer's approval. Set it in the job step first.".into()
            }
            CoreError::FlaggedText { terms } => format!(
                "The text contains words that may leak: {}. Replace them, or confirm them and export.",
                terms.join(", ")
            ),
            CoreError::PhotoNotInJob { photo_id, job_id } => format!(
                "Photo {photo_id} is not one of the photos of this job (job {job_id}). A post may hold and export only its job's photos; choose the job's photos in the photos step."
            ),
            CoreError::SharedPhotoRefused {
                photo_id,
                other_job_id,
                other_job_title,
                refusal,
            } => format!(
                "Photo {photo_id} also belongs to another job (job {other_job_id}, '{other_job_title}'), so that job's stricter rule applies: {}",
                refusal.message_en()
            ),
            CoreError::NoSuchProduct(id) => {
                format!("There is no product number {id}. See `product list` for the numbers.")
            }
            CoreError::NoSuchRemoval(id) => format!(
                "There is no removal number {id}: it was undone already, or purged after 30 days."
            ),
            CoreError::ProductJobRefused {
                job_id,
                job_title,
                refusal,
            } => format!(
                "A product post follows the strictest rule among the product's jobs. Job {job_id} '{job_title}': {} Record the approval on that job, or take it out of the product.",
                refusal.message_en()
            ),
            CoreError::ClientExists { name, existing } if name == existing => format!(
                "A customer named '{existing}' already exists. Nothing was created or changed. Pick it from the list, or change its policy and aliases on purpose (client set)."
            ),
            CoreError::ClientExists { name, existing } => format!(
                "'{name}' counts as the existing customer '{existing}' (only spaces, case or separators differ). Nothing was created or changed. Pick '{existing}' from the list, or change its policy and aliases on purpose (client set)."
            ),
            CoreError::NotCleared {
                post_id,
                cleared_post_id,
            } if post_id == cleared_post_id => format!(
                "Post {post_id} changed after the leak guard checked it. Nothing was written; check it again, then export."
            ),
            CoreError::NotCleared {
                post_id,
                cleared_post_id,
            } => format!(
                "The leak guard's check of post {cleared_post_id} does not clear post {post_id}. Nothing was written; check this post first."
            ),
            other => {
                let mut s = other.to_string();
                if let Some(first) = s.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                s.push('.');
                s
            }
        }
    }

    /// Shorthand for an invalid-input error in both languages.
    pub fn invalid(ko: impl Into<String>, en: impl Into<String>) -> Self {
        CoreError::Invalid {
            ko: ko.into(),
            en: en.into(),
        }
    }
}
