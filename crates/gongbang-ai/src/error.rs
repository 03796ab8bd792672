//! Why: every way the AI help can fail has one stable code (the IPC contract's `ai_*` codes) and a plain
//! Korean and English message. No message ever carries the API key or the server's reply body (some servers
//! echo part of a wrong key back), only facts the owner can act on.

use gongbang_core::CoreError;

/// Result type of the AI helper.
pub type Result<T, E = AiError> = std::result::Result<T, E>;

/// Everything that can go wrong while asking the AI for help.
#[derive(Debug, thiserror::Error)]
pub enum AiError {
    /// The owner has not switched the AI help on, or the address or model is missing.
    #[error("AI help is off or not set up")]
    Off,
    /// No connection to the server (`host` is `host:port`, never the key).
    #[error("could not reach the AI server at {host}")]
    Network { host: String },
    /// 401 or 403: the key is wrong, missing or lacks access.
    #[error("the AI server refused the key (HTTP {status})")]
    Auth { status: u16 },
    /// 429: too many requests or the quota is used up.
    #[error("the AI server asks to wait (HTTP 429)")]
    Rate,
    /// No (complete) answer within the time limit.
    #[error("the AI server did not answer within {secs} s")]
    Timeout { secs: u64 },
    /// An answer that cannot be used (not chat-completions JSON, empty, wrong status, parts missing).
    #[error("unusable reply from the AI server: {en}")]
    Reply { ko: String, en: String },
    /// The owner pressed cancel.
    #[error("cancelled")]
    Cancelled,
    /// The OS keychain could not be used (no Secret Service, locked, denied).
    #[error("keychain error: {en}")]
    Keychain { ko: String, en: String },
    /// Bad input (settings, block index).
    #[error("invalid input: {en}")]
    Invalid { ko: String, en: String },
    /// Plain `http://` to a host outside this PC and the shop's network (`host` is `host:port`).
    #[error("plain http to the public host {host} is refused; use https")]
    Insecure { host: String },
    /// The library (post, settings, scan rules).
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl AiError {
    pub(crate) fn invalid(ko: impl Into<String>, en: impl Into<String>) -> Self {
        AiError::Invalid {
            ko: ko.into(),
            en: en.into(),
        }
    }

    pub(crate) fn reply(ko: impl Into<String>, en: impl Into<String>) -> Self {
        AiError::Reply {
            ko: ko.into(),
            en: en.into(),
        }
    }

    /// A stable machine-readable code (see docs/ipc-contract.md).
    pub fn code(&self) -> &'static str {
        match self {
            AiError::Off => "ai_off",
            AiError::Network { .. } => "ai_network",
            AiError::Auth { .. } => "ai_auth",
            AiError::Rate => "ai_rate",
            AiError::Timeout { .. } => "ai_timeout",
            AiError::Reply { .. } => "ai_reply",
            AiError::Cancelled => "cancelled",
            AiError::Keychain { .. } => "keychain",
            AiError::Invalid { .. } => "invalid",
            AiError::Insecure { .. } => "ai_insecure",
            AiError::Core(e) => e.code(),
        }
    }

    /// The message in plain Korean.
    pub fn message_ko(&self) -> String {
        match self {
            AiError::Off => "AI 도움이 꺼져 있거나 아직 설정되지 않았습니다. 설정에서 AI 주소와 모델을 넣고 켜 주세요. AI 없이도 모든 기능을 쓸 수 있습니다.".into(),
            AiError::Network { host } => format!(
                "AI 서버({host})에 연결하지 못했습니다. 인터넷 연결과 주소를 확인하고, 내 컴퓨터의 서버(Ollama 등)라면 켜져 있는지 확인해 주세요. 글은 바뀌지 않았습니다."
            ),
            AiError::Auth { .. } => "AI 서버가 API 키를 받아 주지 않았습니다. 설정에서 키를 다시 넣어 주세요. 글은 바뀌지 않았습니다.".into(),
            AiError::Rate => "AI 서버에 요청이 너무 많거나 사용량이 다 찼습니다. 잠시 뒤에 다시 해 주세요. 글은 바뀌지 않았습니다.".into(),
            AiError::Timeout { secs } => format!(
                "AI 서버가 {secs}초 안에 답하지 않았습니다. 잠시 뒤에 다시 하거나 한 문단씩 해 주세요. 글은 바뀌지 않았습니다."
            ),
            AiError::Reply { ko, .. } => format!(
                "AI 서버의 답을 쓸 수 없습니다: {ko} 글은 바뀌지 않았습니다."
            ),
            AiError::Cancelled => "AI 요청을 취소했습니다. 글은 바뀌지 않았습니다.".into(),
            AiError::Keychain { ko, .. } => {
                format!("컴퓨터의 암호 보관함(키체인)을 쓸 수 없습니다: {ko}")
            }
            AiError::Invalid { ko, .. } => ko.clone(),
            AiError::Insecure { host } => format!(
                "{host} 은(는) 인터넷의 공개 주소라 http:// 로는 보내지 않습니다. 글과 API 키가 암호화되지 않은 채 인터넷을 지나가기 때문입니다. 주소를 https:// 로 바꿔 주세요. (http:// 는 이 PC나 가게 안 네트워크의 서버에만 쓸 수 있습니다.) 글은 바뀌지 않았습니다."
            ),
            AiError::Core(e) => e.message_ko(),
        }
    }

    /// The message in plain English.
    pub fn message_en(&self) -> String {
        match self {
            AiError::Off => "AI help is off or not set up yet. Enter the AI address and model in the settings and switch it on. Everything else works without it.".into(),
            AiError::Network { host } => format!(
                "Could not reach the AI server ({host}). Check the internet connection and the address; for a server on this computer (Ollama, …) check that it is running. The post was not changed."
            ),
            AiError::Auth { .. } => "The AI server did not accept the API key. Enter the key again in the settings. The post was not changed.".into(),
            AiError::Rate => "The AI server has too many requests or the quota is used up. Please try again in a while. The post was not changed.".into(),
            AiError::Timeout { secs } => format!(
                "The AI server did not answer within {secs} seconds. Try again later or one paragraph at a time. The post was not changed."
            ),
            AiError::Reply { en, .. } => format!(
                "The AI server's answer cannot be used: {en} The post was not changed."
            ),
            AiError::Cancelled => "The AI request was cancelled. The post was not changed.".into(),
            AiError::Keychain { en, .. } => {
                format!("The computer's password store (keychain) cannot be used: {en}")
            }
            AiError::Invalid { en, .. } => en.clone(),
            AiError::Insecure { host } => format!(
                "{host} is a public internet address, so nothing is sent to it over plain http:// — the text and the API key would cross the internet unencrypted. Change the address to https://. (http:// is only for a server on this PC or on the shop's own network.) The post was not changed."
            ),
            AiError::Core(e) => e.message_en(),
        }
    }
}
