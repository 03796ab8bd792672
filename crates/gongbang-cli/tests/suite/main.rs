//! The CLI's one test binary: the real `gongbang` executable run on real libraries and real photos, one module
//! per area (the commands, the leak guard, the shop profile, YouTube).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup;
mod cli;
mod common;
mod guard_photos;
mod leak_guard;
mod library;
mod packs;
mod review;
mod shop;
mod youtube;
