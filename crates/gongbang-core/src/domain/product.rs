//! Why: a product is what the shop makes as the owner thinks of it (a part family or his own product); jobs
//! may belong to one, and a post may be about the product itself. Plain data: `repo::products` stores it.

use serde::{Deserialize, Serialize};

/// A product as the library shows it.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub material: String,
    pub process: String,
    pub description: String,
    pub cover_photo_id: Option<i64>,
    /// The cover's hash (the chosen cover, else the first photo of its newest job).
    pub cover_hash: Option<String>,
    /// The cover thumbnail's address with the photo's boxes burned in (filled by the window's shell).
    #[serde(default)]
    pub cover_thumb_url: Option<String>,
    /// The cover photo's redaction boxes (for the shell to build `cover_thumb_url`; not sent).
    #[serde(skip)]
    pub cover_boxes: Vec<super::RedactBox>,
    pub archived: bool,
    pub created_at: String,
    pub updated_at: String,
    pub job_count: i64,
    pub photo_count: i64,
}

/// What the owner types for a product (`id` none = new).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProductInput {
    pub id: Option<i64>,
    pub name: String,
    pub kind: String,
    pub material: String,
    pub process: String,
    pub description: String,
    pub cover_photo_id: Option<i64>,
}

/// What a job is: a piece of work, or a post about a product drawing on all its jobs.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    #[default]
    Job,
    ProductPost,
}

impl JobKind {
    /// Name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Job => "job",
            JobKind::ProductPost => "product_post",
        }
    }

    /// The stored name back (anything else is a plain job).
    pub fn parse(s: &str) -> Self {
        match s {
            "product_post" => JobKind::ProductPost,
            _ => JobKind::Job,
        }
    }
}
