//! Why: one file per table keeps every SQL statement next to the rows it reads and writes; the types
//! themselves are the domain's (`crate::domain`), so storage only maps rows to them.

pub mod approvals;
pub mod clients;
pub mod guard_log;
pub mod jobs;
pub mod library;
pub mod packs;
pub mod photo_quality;
pub mod photos;
pub mod post_events;
pub mod post_replacements;
pub mod posts;
pub mod products;
pub mod redactions;
pub mod reviews;
pub mod settings;
pub mod shop_profile;
pub mod watch_words;
