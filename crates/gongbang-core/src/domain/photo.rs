//! Why: a photo is a content-addressed original in the library, and in a job it has a role and a caption
//! so drafts can tell the story in order. Plain data: `repo::photos` stores it.

use serde::{Deserialize, Serialize};

use super::redaction::RedactBox;

/// What a photo is in a job: the owner tags it so drafts can tell the story in order.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhotoRole {
    Stock,
    InProcess,
    Finished,
    Measured,
    Machine,
}

impl PhotoRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoRole::Stock => "stock",
            PhotoRole::InProcess => "in_process",
            PhotoRole::Finished => "finished",
            PhotoRole::Measured => "measured",
            PhotoRole::Machine => "machine",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "stock" => PhotoRole::Stock,
            "in_process" => PhotoRole::InProcess,
            "finished" => PhotoRole::Finished,
            "measured" => PhotoRole::Measured,
            "machine" => PhotoRole::Machine,
            _ => return None,
        })
    }

    /// The Korean word shown to the owner and used in drafts.
    pub fn label_ko(self) -> &'static str {
        match self {
            PhotoRole::Stock => "소재",
            PhotoRole::InProcess => "가공 중",
            PhotoRole::Finished => "완성",
            PhotoRole::Measured => "측정",
            PhotoRole::Machine => "장비",
        }
    }
}

/// A photo in the library (with its role and caption when listed for a job).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    pub id: i64,
    pub hash: String,
    pub format: String,
    pub original_name: String,
    pub original_path: String,
    pub imported_at: String,
    pub taken_at: Option<String>,
    pub width: u32,
    pub height: u32,
    pub orientation: u16,
    pub camera_make: Option<String>,
    pub camera_model: Option<String>,
    pub has_gps: bool,
    pub byte_size: i64,
    pub role: Option<PhotoRole>,
    pub caption: String,
    /// Boxes to burn in on every export of this photo.
    pub redactions: Vec<RedactBox>,
}

#[cfg(test)]
impl Photo {
    /// A photo that exists only in a unit test (4000×3000, upright, no file behind it).
    pub(crate) fn sample(id: i64, role: Option<PhotoRole>, caption: &str) -> Photo {
        Photo {
            id,
            hash: String::new(),
            format: "jpeg".into(),
            original_name: String::new(),
            original_path: String::new(),
            imported_at: String::new(),
            taken_at: None,
            width: 4000,
            height: 3000,
            orientation: 1,
            camera_make: None,
            camera_model: None,
            has_gps: false,
            byte_size: 0,
            role,
            caption: caption.into(),
            redactions: Vec::new(),
        }
    }
}
