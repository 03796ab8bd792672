//! Why: the window's commands, grouped by what the owner is doing; each is a few calls into the core.

pub mod ai;
pub mod backup;
pub mod calendar;
pub mod coach;
pub mod dialogs;
pub mod guard;
pub mod lessons;
pub mod library;
pub mod packs;
pub mod photos;
pub mod posts;
pub mod review;
pub mod session;
pub mod texts;
pub mod views;
