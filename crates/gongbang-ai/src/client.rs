//! Why: one OpenAI-compatible chat-completions call (OpenAI, a local Ollama, LM Studio, vLLM … all speak it)
//! with a connect and a total time limit, stoppable by the owner's cancel at any moment, and every failure
//! turned into one of the contract's codes. Async reqwest on the app's tokio runtime: the wait costs no
//! thread, and the cancel is a `select!` beside the request (the request future is dropped, which closes the
//! connection). Non-streaming: a paragraph comes back whole, so a half-written answer can never be saved.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;
use std::time::Duration;

use reqwest::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use reqwest::StatusCode;
use serde::Deserialize;

use crate::secrets::BoundKey;
use crate::transport::{self, Link};
use crate::{AiError, Result};

/// Largest reply read (a paragraph's answer is a few KB; a runaway server is cut off).
const MAX_REPLY_BYTES: usize = 2 * 1024 * 1024;
/// How often the cancel flag is looked at while waiting.
const CANCEL_POLL: Duration = Duration::from_millis(50);

/// Time limits of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// To open the connection.
    pub connect: Duration,
    /// For the whole request, answer included (a local model on a shop PC can take a while).
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(60),
        }
    }
}

/// Where requests go.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// Validated base URL without the trailing `/` (see `settings::validate_base_url`).
    pub base_url: String,
    pub model: String,
}

/// A chat-completions client for one endpoint and key.
pub struct ChatClient {
    http: reqwest::Client,
    url: reqwest::Url,
    host: String,
    model: String,
    auth: Option<HeaderValue>,
    timeouts: Timeouts,
}

impl std::fmt::Debug for ChatClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatClient")
            .field("url", &self.url.as_str())
            .field("model", &self.model)
            .field("has_key", &self.auth.is_some())
            .finish()
    }
}

#[derive(Deserialize)]
struct Completion {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: Option<Message>,
}

#[derive(Deserialize)]
struct Message {
    content: Option<String>,
}

/// rustls is built with `ring` only; reqwest asks for the process default provider.
fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Err means another part of the process installed one first: that one is used, also fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl ChatClient {
    /// A client for `endpoint`. Refuses plain http to a public host (`ai_insecure`) before anything else; a
    /// local-looking name over plain http is resolved first and must be local (the connection is pinned to
    /// those addresses). `key` goes in `Authorization: Bearer` only when it was saved for this endpoint's
    /// origin; a key saved for another address is not sent (none for a local server without one).
    pub async fn new(
        endpoint: &Endpoint,
        key: Option<&BoundKey>,
        timeouts: Timeouts,
    ) -> Result<Self> {
        let url = reqwest::Url::parse(&format!(
            "{}/chat/completions",
            endpoint.base_url.trim_end_matches('/')
        ))
        .map_err(|_| AiError::Off)?;
        if url.host_str().is_none_or(str::is_empty) {
            return Err(AiError::Off);
        }
        let host = transport::host_port(&url);
        let link = transport::check(&url)?;
        let pinned = tokio::time::timeout(timeouts.connect, transport::resolve_local(&url))
            .await
            .map_err(|_| AiError::Network { host: host.clone() })??;
        let origin = transport::origin(&url);
        let auth = key
            .and_then(|k| k.for_origin(&origin))
            .map(|k| {
                HeaderValue::from_str(&format!("Bearer {}", k.expose()))
                    .map(|mut v| {
                        v.set_sensitive(true);
                        v
                    })
                    .map_err(|_| {
                        AiError::invalid(
                            "저장된 API 키에 쓸 수 없는 글자가 있습니다. 키를 다시 넣어 주세요.",
                            "The stored API key has characters that cannot be sent. Enter the key again.",
                        )
                    })
            })
            .transpose()?;
        install_crypto_provider();
        let mut builder = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            .timeout(timeouts.total)
            .user_agent(concat!("gongbang-post/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none());
        if link != Link::Encrypted || transport::is_local_host(&url) {
            // A server on this PC or the shop's network is reached directly: plain text never goes
            // through a proxy (which may well be outside the shop).
            builder = builder.no_proxy();
        }
        if let Some((name, addrs)) = &pinned {
            builder = builder.resolve_to_addrs(name, addrs);
        }
        let http = builder
            .build()
            .map_err(|_| AiError::Network { host: host.clone() })?;
        Ok(ChatClient {
            http,
            url,
            host,
            model: endpoint.model.clone(),
            auth,
            timeouts,
        })
    }

    /// The JSON body sent for these messages (the only thing that leaves the computer besides the key).
    pub fn request_body(&self, system: &str, user: &str) -> serde_json::Value {
        serde_json::json!({
            "model": self.model,
            "messages": [
                { "role": "system", "content": system },
                { "role": "user", "content": user },
            ],
            "temperature": 0.3,
            "stream": false,
        })
    }

    /// Sends one chat and returns the first choice's text (trimmed, not empty). Stops with `Cancelled` as
    /// soon as `cancel` is set.
    pub async fn chat(&self, system: &str, user: &str, cancel: &AtomicBool) -> Result<String> {
        if cancel.load(Ordering::Relaxed) {
            return Err(AiError::Cancelled);
        }
        let body = serde_json::to_vec(&self.request_body(system, user))
            .map_err(|e| AiError::Core(e.into()))?;
        tokio::select! {
            r = self.send(body) => r,
            () = wait_for(cancel) => Err(AiError::Cancelled),
        }
    }

    async fn send(&self, body: Vec<u8>) -> Result<String> {
        let mut req = self
            .http
            .post(self.url.clone())
            .header(CONTENT_TYPE, "application/json")
            .body(body);
        if let Some(auth) = &self.auth {
            req = req.header(AUTHORIZATION, auth.clone());
        }
        let mut resp = req.send().await.map_err(|e| self.transport(&e))?;
        match resp.status() {
            s if s.is_success() => {}
            s @ (StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) => {
                return Err(AiError::Auth { status: s.as_u16() })
            }
            StatusCode::TOO_MANY_REQUESTS => return Err(AiError::Rate),
            StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => return Err(self.timeout()),
            s => {
                // The body is not shown: some servers echo part of the key in their error text.
                return Err(AiError::reply(
                    format!(
                        "HTTP {}. 주소와 모델 이름({})을 확인해 주세요.",
                        s.as_u16(),
                        self.model
                    ),
                    format!(
                        "HTTP {}. Check the address and the model name ({}).",
                        s.as_u16(),
                        self.model
                    ),
                ));
            }
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| self.transport(&e))? {
            if bytes.len() + chunk.len() > MAX_REPLY_BYTES {
                return Err(AiError::reply(
                    "답이 너무 깁니다.",
                    "The answer is far too long.",
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        parse_reply(&bytes)
    }

    fn timeout(&self) -> AiError {
        AiError::Timeout {
            secs: self.timeouts.total.as_secs().max(1),
        }
    }

    /// A failure before or while reading the answer. Never the error's own text: it is about the
    /// connection, and the owner needs only what to do.
    fn transport(&self, e: &reqwest::Error) -> AiError {
        if e.is_connect() {
            AiError::Network {
                host: self.host.clone(),
            }
        } else if e.is_timeout() {
            self.timeout()
        } else if e.is_decode() || e.is_body() {
            AiError::reply("답이 중간에 끊겼습니다.", "The answer was cut off.")
        } else {
            AiError::Network {
                host: self.host.clone(),
            }
        }
    }
}

/// The text of the first choice of a chat-completions answer.
pub fn parse_reply(bytes: &[u8]) -> Result<String> {
    let not_json = || {
        AiError::reply(
            "채팅 응답(chat completions) 형식이 아닙니다. 주소가 /v1 까지 맞는지 확인해 주세요.",
            "It is not a chat-completions answer. Check that the address ends in /v1 (or the server's equivalent).",
        )
    };
    let c: Completion = serde_json::from_slice(bytes).map_err(|_| not_json())?;
    let text = c
        .choices
        .into_iter()
        .next()
        .and_then(|ch| ch.message)
        .and_then(|m| m.content)
        .unwrap_or_default();
    let text = clean_text(&text);
    if text.is_empty() {
        return Err(AiError::reply("빈 답이 왔습니다.", "The answer was empty."));
    }
    Ok(text)
}

/// Drops what models put around the text: a `<think>…</think>` preamble (reasoning models) and a code
/// fence around the whole answer.
fn clean_text(raw: &str) -> String {
    let mut t = raw.trim();
    if let Some(rest) = t.strip_prefix("<think>") {
        t = rest
            .split_once("</think>")
            .map_or("", |(_, after)| after)
            .trim();
    }
    if let Some(inner) = t.strip_prefix("```").and_then(|r| r.strip_suffix("```")) {
        // The first line of a fence may name a language.
        let inner = inner.split_once('\n').map_or(inner, |(first, rest)| {
            if first.trim().chars().all(|c| c.is_ascii_alphanumeric()) {
                rest
            } else {
                inner
            }
        });
        t = inner.trim();
    }
    t.to_string()
}

async fn wait_for(flag: &AtomicBool) {
    while !flag.load(Ordering::Relaxed) {
        tokio::time::sleep(CANCEL_POLL).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies() {
        let ok =
            r#"{"choices":[{"index":0,"message":{"role":"assistant","content":"  좋아요  "}}]}"#;
        assert_eq!(parse_reply(ok.as_bytes()).unwrap(), "좋아요");
        for bad in [
            &b"not json"[..],
            br#"{"choices":[]}"#,
            br#"{"choices":[{"message":{"content":null}}]}"#,
            br#"{"choices":[{"message":{"content":"   "}}]}"#,
            br#"{"error":{"message":"x"}}"#,
        ] {
            assert_eq!(parse_reply(bad).unwrap_err().code(), "ai_reply");
        }
        assert_eq!(clean_text("<think>hmm</think>\n본문"), "본문");
        assert_eq!(clean_text("```text\n본문\n```"), "본문");
    }
}
