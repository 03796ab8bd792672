//! Why: the optional AI help (issue 5) — rewrite a draft's paragraphs through an OpenAI-compatible chat
//! endpoint the owner chose. Its own crate so the GUI-free core stays free of network code; it uses the core
//! for posts, settings and the leak guard's text scan.
//!
//! - [`settings`]: on/off, base URL and model in the library's settings table (off by default).
//! - [`secrets`]: the API key in the OS keychain, never anywhere else.
//! - [`client`]: one chat-completions request with time limits and cancel.
//! - [`privacy`]: flagged words masked before anything is sent.
//! - [`transport`]: plain http only to this PC or the shop's network; the origin a key is bound to.
//! - [`rewrite`]: prepare (library) → fetch (network) → apply (library, one save).

pub mod client;
mod error;
pub mod privacy;
pub mod prompt;
pub mod rewrite;
pub mod secrets;
pub mod settings;
pub mod transport;

pub use client::{ChatClient, Endpoint, Timeouts};
pub use error::{AiError, Result};
pub use prompt::Style;
pub use secrets::{ApiKey, BoundKey, KeyRef, KeyStore, OsKeychain};
pub use settings::{AiSettings, AiSettingsInput};
