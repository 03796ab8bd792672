//! Why: the library screen's shapes — job cards, filters, search hits, the photo wall, removals with undo,
//! a product's and a customer's page — as plain data; `repo::library` fills them in few queries.

use serde::{Deserialize, Serialize};

use super::product::{JobKind, Product};
use super::{Client, RedactBox};

/// One job as a card of the library.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobCard {
    pub id: i64,
    pub title: String,
    pub kind: JobKind,
    pub product_id: Option<i64>,
    pub product_name: Option<String>,
    pub client_id: Option<i64>,
    pub client_name: Option<String>,
    pub material: String,
    pub process: String,
    pub photo_count: i64,
    /// The first photo by position.
    pub cover_hash: Option<String>,
    /// The cover thumbnail with the photo's boxes burned in (filled by the window's shell).
    #[serde(default)]
    pub cover_thumb_url: Option<String>,
    #[serde(skip)]
    pub cover_boxes: Vec<RedactBox>,
    pub posted: bool,
    pub archived: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// Whether a job has been posted (exported or published).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostedFilter {
    #[default]
    Any,
    Posted,
    Unposted,
}

/// The library screen's filters; empty strings and nulls mean "any".
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LibraryFilter {
    pub text: String,
    pub client_id: Option<i64>,
    pub material: String,
    pub process: String,
    pub posted: PostedFilter,
    pub year: Option<i32>,
    pub product_id: Option<i64>,
    /// True: the archive only; false: what is not archived.
    pub archived: bool,
}

/// One page of the library.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryPage {
    pub jobs: Vec<JobCard>,
    pub products: Vec<Product>,
    pub total_jobs: i64,
}

/// A customer in the filter's list.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientChoice {
    pub id: i64,
    pub name: String,
}

/// What the filters can choose from (only values some job has).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FilterChoices {
    pub clients: Vec<ClientChoice>,
    pub materials: Vec<String>,
    pub processes: Vec<String>,
    pub years: Vec<i32>,
}

/// What a search hit is.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Job,
    Product,
    Photo,
    Customer,
    Post,
}

impl HitKind {
    /// The kind as stored in the index and printed by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Job => "job",
            HitKind::Product => "product",
            HitKind::Photo => "photo",
            HitKind::Customer => "customer",
            HitKind::Post => "post",
        }
    }

    /// The stored name back.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "job" => HitKind::Job,
            "product" => HitKind::Product,
            "photo" => HitKind::Photo,
            "customer" => HitKind::Customer,
            "post" => HitKind::Post,
            _ => return None,
        })
    }
}

/// One search hit: what it is, its number, the job it belongs to (photos, posts), a title and a snippet.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: i64,
    pub job_id: Option<i64>,
    pub title: String,
    pub snippet: String,
}

/// One photo of the library's photo wall.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoTile {
    pub photo_id: i64,
    pub hash: String,
    pub caption: String,
    pub job_id: i64,
    pub job_title: String,
    pub taken_at: Option<String>,
    /// The thumbnail with the photo's boxes burned in (filled by the window's shell).
    #[serde(default)]
    pub thumb_url: String,
    #[serde(skip)]
    pub boxes: Vec<RedactBox>,
}

/// One page of the photo wall.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoPage {
    pub photos: Vec<PhotoTile>,
    pub total: i64,
}

/// A post of a product's jobs (or about the product).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductPost {
    pub post_id: i64,
    pub job_id: i64,
    pub platform: String,
    pub title: String,
    pub exported_at: Option<String>,
}

/// A product's page.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductDetail {
    pub product: Product,
    pub jobs: Vec<JobCard>,
    pub photos: Vec<PhotoTile>,
    pub posts: Vec<ProductPost>,
}

/// What a removal removed.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalKind {
    Job,
    Product,
}

impl RemovalKind {
    /// Name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalKind::Job => "job",
            RemovalKind::Product => "product",
        }
    }
}

/// A removal the owner may undo (within 30 days).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Removal {
    pub removal_id: i64,
    pub kind: RemovalKind,
    pub id: i64,
    pub title: String,
}

/// One line of a customer's change log.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientChange {
    pub at: String,
    pub what: String,
}

/// A customer's page: the customer, its jobs, its change log.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientDetail {
    pub client: Client,
    pub jobs: Vec<JobCard>,
    pub changes: Vec<ClientChange>,
}
