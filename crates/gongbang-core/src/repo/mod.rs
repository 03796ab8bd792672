//! Why: one file per table keeps every SQL statement next to the type it reads and writes.

pub mod jobs;
pub mod photos;
pub mod posts;
pub mod settings;
