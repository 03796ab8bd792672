//! Why: a job is one piece of work the owner did (title, material, process, machine, …) and the ordered
//! photos that show it; every draft and export starts from it. Plain data: `repo::jobs` stores it.

use serde::{Deserialize, Serialize};

use super::photo::PhotoRole;

/// The facts of a job the owner types in.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobFields {
    pub title: String,
    pub material: String,
    pub process: String,
    pub machine: String,
    pub tolerance: String,
    pub finish: String,
    pub quantity: String,
    pub lead_time: String,
    pub story: String,
}

/// Whose part a job shows: the shop's own product, or a customer's job.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    Own,
    Client,
}

impl OwnerKind {
    /// Name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::Own => "own",
            OwnerKind::Client => "client",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "own" => Some(OwnerKind::Own),
            "client" => Some(OwnerKind::Client),
            _ => None,
        }
    }
}

/// A job as stored.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub id: i64,
    #[serde(flatten)]
    pub fields: JobFields,
    pub created_at: String,
    pub updated_at: String,
    /// `None` = not set yet; the leak guard counts that as a customer's job with policy `ask`.
    pub owner_kind: Option<OwnerKind>,
    pub client_id: Option<i64>,
    /// The product the job belongs to, if any.
    #[serde(default)]
    pub product_id: Option<i64>,
    /// A piece of work, or a post about a product (its verdict is the strictest of the product's jobs).
    #[serde(default)]
    pub kind: super::product::JobKind,
}

#[cfg(test)]
impl Job {
    /// A job that exists only in a unit test (number 1, owner not set).
    pub(crate) fn sample(fields: JobFields) -> Job {
        Job {
            id: 1,
            fields,
            created_at: String::new(),
            updated_at: String::new(),
            owner_kind: None,
            client_id: None,
            product_id: None,
            kind: super::product::JobKind::Job,
        }
    }
}

/// Where a removed photo was in one post: the block index it had and its caption there.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemovedBlock {
    pub index: usize,
    pub caption: String,
}

/// What a removal took out of one post.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemovedFromPost {
    pub post_id: i64,
    /// The photo's blocks, in ascending index order (indices in the post as it was).
    pub blocks: Vec<RemovedBlock>,
    /// The photo's own seconds in the video settings, if it had any.
    pub seconds: Option<f64>,
}

/// Everything `repo::jobs::remove_photo` took away, so `restore_photo` can put it back where it was.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemovedPhoto {
    pub job_id: i64,
    pub photo_id: i64,
    /// Its place in the job's order (0 = first).
    pub index: usize,
    pub role: Option<PhotoRole>,
    pub caption: String,
    pub posts: Vec<RemovedFromPost>,
}
