//! Why: a one-click replace the owner chose for a post, applied to the texts made from the job record.
//! Plain data: `repo::post_replacements` stores them.

use serde::Serialize;

/// One find → replace the owner chose for a post.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement {
    pub find: String,
    pub replacement: String,
}

impl Replacement {
    /// Applies the replacement to one text (literally, every occurrence).
    pub fn apply(&self, s: &mut String) {
        if !self.find.is_empty() && s.contains(&self.find) {
            *s = s.replace(&self.find, &self.replacement);
        }
    }
}
