//! Why: the shop's own facts (name, contact, region, equipment, capabilities, logo) appear on every end card,
//! description and contact block. Plain data: `repo::shop_profile` stores the one row.

use serde::{Deserialize, Serialize};

/// The shop profile (empty strings where the owner has not filled it in).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShopProfile {
    pub name: String,
    pub owner: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    /// 문래동, 영등포구, …
    pub region_keywords: Vec<String>,
    pub website: String,
    pub kakao: String,
    /// CNC 선반, MCT, … (preset values or the owner's own words).
    pub equipment: Vec<String>,
    pub materials: Vec<String>,
    /// Capabilities, free text: "±0.01", "Ø5–Ø300", "1개부터".
    pub tolerance: String,
    pub sizes: String,
    pub lot_sizes: String,
    /// The stored logo as a PNG data URL (read only: set by `coach::logo`), `None` when there is none.
    pub logo_data_url: Option<String>,
    /// Whether the owner saved the profile once (read only).
    pub saved: bool,
}

impl ShopProfile {
    /// Contact lines for an end card or a description, most useful first, empty ones left out.
    pub fn contact_lines(&self) -> Vec<String> {
        [
            ("☎ ", &self.phone),
            ("", &self.address),
            ("", &self.email),
            ("", &self.website),
            ("카카오톡 ", &self.kakao),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}{}", v.trim()))
        .collect()
    }

    /// Whether a buyer can reach the shop from the profile (phone, e-mail, Kakao channel or website).
    pub fn has_contact(&self) -> bool {
        [&self.phone, &self.email, &self.kakao, &self.website]
            .iter()
            .any(|v| !v.trim().is_empty())
    }

    /// The first region keyword (what buyers type before the process), if any.
    pub fn region(&self) -> Option<&str> {
        self.region_keywords
            .iter()
            .map(|r| r.trim())
            .find(|r| !r.is_empty())
    }
}
