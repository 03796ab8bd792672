//! Why: drafts and the coach speak the owner's language; the window's choice (`set_lang`, settings key
//! `lang`) picks the Korean or English templates.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::repo::settings;
use crate::Result;

/// The language of a draft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    /// `en` is English; anything else is Korean.
    pub fn parse(s: &str) -> Lang {
        if s.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Ko
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// The window's language as saved in the library (Korean when never set).
    pub fn of_library(conn: &Connection) -> Result<Lang> {
        Ok(settings::get(conn, settings::LANG)?
            .map(|s| Lang::parse(&s))
            .unwrap_or_default())
    }

    /// Picks the Korean or the English text.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}
