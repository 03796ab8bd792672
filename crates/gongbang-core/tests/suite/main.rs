//! The core's one test binary (one link instead of fifteen): each module is one area of the trade, tested on
//! the real photos in ../shared/testdata with real SQLite files and the real checkers. The helpers are the
//! shared test kit, `gongbang-testkit`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup;
mod calendar;
mod coach_drafts;
mod coach_fixes;
mod drafts_offline;
mod export_naver;
mod guard_export_texts;
mod guard_icc;
mod guard_photos;
mod guard_thumbs;
mod guard_trace;
mod import_heic;
mod import_photos;
mod import_speed;
mod layers;
mod leak_guard;
mod library;
mod library_db;
mod logo_mark;
mod old_schema;
mod owner_files;
mod packs;
mod review;
mod surface;
mod video_music;
mod youtube_text;
mod youtube_video;
