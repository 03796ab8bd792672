//! The AI helper's one test binary (tests/public_http.rs is the exception, it says why): the guard before any
//! request, the transport against a real chat-completions server on 127.0.0.1, the rewrite, and the real
//! keychain (run by CI in a private Secret Service session: `cargo test -p gongbang-ai --test suite keychain`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod guard_and_transport;
mod keychain;
mod rewrite;
