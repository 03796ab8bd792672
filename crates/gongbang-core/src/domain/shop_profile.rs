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
    /// The logo as a mark on blog photos (and the thumbnail): off by default.
    pub watermark: LogoWatermark,
    /// Whether the owner saved the profile once (read only).
    pub saved: bool,
}

/// A corner of a photo.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomLeft,
    #[default]
    BottomRight,
}

impl Corner {
    /// All four, in a fixed order.
    pub const ALL: [Corner; 4] = [
        Corner::TopLeft,
        Corner::TopRight,
        Corner::BottomLeft,
        Corner::BottomRight,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Corner::TopLeft => "top_left",
            Corner::TopRight => "top_right",
            Corner::BottomLeft => "bottom_left",
            Corner::BottomRight => "bottom_right",
        }
    }

    /// The corner stored as `s` (an unknown name reads as the default, bottom right).
    pub fn parse(s: &str) -> Corner {
        Corner::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .unwrap_or_default()
    }

    pub fn is_left(self) -> bool {
        matches!(self, Corner::TopLeft | Corner::BottomLeft)
    }

    pub fn is_top(self) -> bool {
        matches!(self, Corner::TopLeft | Corner::TopRight)
    }

    /// This corner, then the others in the order the mark moves to when it is taken: the same edge's other
    /// end, the same side's other end, the opposite corner.
    pub fn preference(self) -> [Corner; 4] {
        let at = |top: bool, left: bool| match (top, left) {
            (true, true) => Corner::TopLeft,
            (true, false) => Corner::TopRight,
            (false, true) => Corner::BottomLeft,
            (false, false) => Corner::BottomRight,
        };
        let (t, l) = (self.is_top(), self.is_left());
        [self, at(t, !l), at(!t, l), at(!t, !l)]
    }
}

/// The logo mark the owner chose once in the shop profile.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LogoWatermark {
    /// Whether blog photos (and the YouTube thumbnail) carry the logo.
    pub on: bool,
    /// Where it goes (it moves to a free corner when a redaction box is there).
    pub corner: Corner,
    /// The logo's longest side as a percentage of the photo's short side
    /// ([`LogoWatermark::MIN_SIZE`]–[`LogoWatermark::MAX_SIZE`]).
    pub size_percent: u8,
    /// How opaque the logo is, percent ([`LogoWatermark::MIN_OPACITY`]–100).
    pub opacity_percent: u8,
}

impl Default for LogoWatermark {
    fn default() -> Self {
        LogoWatermark {
            on: false,
            corner: Corner::BottomRight,
            size_percent: 15,
            opacity_percent: 80,
        }
    }
}

impl LogoWatermark {
    pub const MIN_SIZE: u8 = 5;
    pub const MAX_SIZE: u8 = 40;
    pub const MIN_OPACITY: u8 = 10;

    /// The same mark with its numbers brought inside their ranges.
    #[must_use]
    pub fn clamped(self) -> Self {
        LogoWatermark {
            size_percent: self.size_percent.clamp(Self::MIN_SIZE, Self::MAX_SIZE),
            opacity_percent: self.opacity_percent.clamp(Self::MIN_OPACITY, 100),
            ..self
        }
    }

    /// The logo's longest side as a share (0–1) of the short side.
    pub fn size_share(&self) -> f32 {
        f32::from(self.clamped().size_percent) / 100.0
    }
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
