//! Why: the AI help is the owner's choice and off by default; its address and model are remembered in the
//! library's settings table (they are not secrets — the key is, and it lives in the keychain). A bad address
//! is refused with a plain message instead of failing later at the first request.

use gongbang_core::ops::settings;
use gongbang_core::Library;
use serde::{Deserialize, Serialize};

use crate::{transport, AiError, Result};

/// Setting key: "1" when the AI help is on.
pub const ENABLED: &str = "ai.enabled";
/// Setting key: the OpenAI-compatible base URL (e.g. `http://127.0.0.1:11434/v1`).
pub const BASE_URL: &str = "ai.base_url";
/// Setting key: the model name (e.g. `gpt-4o-mini`, `qwen2.5:7b`).
pub const MODEL: &str = "ai.model";

/// Longest model name accepted.
const MAX_MODEL_CHARS: usize = 200;

/// The AI settings as the window sees them (the key itself never crosses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AiSettings {
    pub enabled: bool,
    pub base_url: String,
    pub model: String,
    pub has_key: bool,
}

/// What the owner saves (`save_ai_settings`' `settings`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AiSettingsInput {
    pub enabled: bool,
    #[serde(default)]
    pub base_url: String,
    #[serde(default)]
    pub model: String,
}

/// Reads the stored settings (defaults: off, no address, no model).
pub fn load(lib: &Library) -> Result<AiSettingsInput> {
    Ok(AiSettingsInput {
        enabled: settings::get(lib, ENABLED)?.as_deref() == Some("1"),
        base_url: settings::get(lib, BASE_URL)?.unwrap_or_default(),
        model: settings::get(lib, MODEL)?.unwrap_or_default(),
    })
}

/// The settings with `has_key` filled in.
pub fn with_key_flag(s: AiSettingsInput, has_key: bool) -> AiSettings {
    AiSettings {
        enabled: s.enabled,
        base_url: s.base_url,
        model: s.model,
        has_key,
    }
}

/// Checks the owner's input and returns it cleaned (trimmed, no trailing `/`). Switched on, the address and
/// the model are required; switched off, an address given must still be valid.
pub fn validate(input: &AiSettingsInput) -> Result<AiSettingsInput> {
    let base_url = input.base_url.trim();
    let model = input.model.trim();
    let base_url = if base_url.is_empty() {
        String::new()
    } else {
        validate_base_url(base_url)?
    };
    if input.enabled && base_url.is_empty() {
        return Err(AiError::invalid(
            "AI 서버 주소를 넣어 주세요. 예: https://api.openai.com/v1 또는 http://127.0.0.1:11434/v1 (Ollama)",
            "Enter the AI server address, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (Ollama).",
        ));
    }
    if input.enabled && model.is_empty() {
        return Err(AiError::invalid(
            "모델 이름을 넣어 주세요. 예: gpt-4o-mini, qwen2.5:7b",
            "Enter the model name, e.g. gpt-4o-mini or qwen2.5:7b.",
        ));
    }
    if model.chars().count() > MAX_MODEL_CHARS || model.chars().any(char::is_control) {
        return Err(AiError::invalid(
            "모델 이름이 올바르지 않습니다.",
            "The model name is not valid.",
        ));
    }
    Ok(AiSettingsInput {
        enabled: input.enabled,
        base_url,
        model: model.to_string(),
    })
}

/// An http(s) address with a host, no user name or password in it, no query or fragment, plain http only to
/// this PC or the shop's network (`ai_insecure` otherwise); returned without the trailing `/` (the client
/// appends `/chat/completions`).
pub fn validate_base_url(raw: &str) -> Result<String> {
    let bad = || {
        AiError::invalid(
            format!("AI 서버 주소가 올바르지 않습니다: '{raw}'. http:// 또는 https:// 로 시작하는 주소를 넣어 주세요. 예: https://api.openai.com/v1"),
            format!("The AI server address is not valid: '{raw}'. Enter an address starting with http:// or https://, e.g. https://api.openai.com/v1"),
        )
    };
    let url = reqwest::Url::parse(raw.trim()).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(AiError::invalid(
            "주소에 아이디나 비밀번호를 넣지 말아 주세요. API 키는 키 칸에 넣으면 안전한 보관함에 저장됩니다.",
            "Do not put a user name or password in the address. Put the API key in the key field; it is kept in the keychain.",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad());
    }
    // Plain http only to this PC or the shop's network (issue 10): a public host needs https.
    transport::check(&url)?;
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// The origin a key saved with this address is bound to; `None` without a valid address.
pub fn key_origin(base_url: &str) -> Option<String> {
    let base_url = base_url.trim();
    if base_url.is_empty() {
        return None;
    }
    reqwest::Url::parse(base_url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .map(|u| transport::origin(&u))
}

/// Validates and stores the settings; returns what was stored.
pub fn save(lib: &Library, input: &AiSettingsInput) -> Result<AiSettingsInput> {
    let clean = validate(input)?;
    // All three or none.
    settings::set_all(
        lib,
        &[
            (ENABLED, if clean.enabled { "1" } else { "0" }),
            (BASE_URL, &clean.base_url),
            (MODEL, &clean.model),
        ],
    )?;
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            validate_base_url("http://127.0.0.1:11434/v1/").unwrap(),
            "http://127.0.0.1:11434/v1"
        );
        assert_eq!(
            validate_base_url(" https://api.openai.com/v1 ").unwrap(),
            "https://api.openai.com/v1"
        );
        for bad in [
            "api.openai.com/v1",
            "ftp://x.y/v1",
            "file:///etc/passwd",
            "http://",
            "https://user:pw@host/v1",
            "https://host/v1?key=1",
            "",
        ] {
            let e = validate_base_url(bad).unwrap_err();
            assert_eq!(e.code(), "invalid", "{bad}");
            assert!(!e.message_ko().is_empty() && !e.message_en().is_empty());
        }
    }

    #[test]
    fn on_needs_address_and_model() {
        let on = |u: &str, m: &str| AiSettingsInput {
            enabled: true,
            base_url: u.into(),
            model: m.into(),
        };
        assert_eq!(validate(&on("", "m")).unwrap_err().code(), "invalid");
        assert_eq!(
            validate(&on("http://localhost:1/v1", " "))
                .unwrap_err()
                .code(),
            "invalid"
        );
        let ok = validate(&on("http://localhost:1/v1/", " qwen2.5:7b ")).unwrap();
        assert_eq!(ok.base_url, "http://localhost:1/v1");
        assert_eq!(ok.model, "qwen2.5:7b");
        assert!(validate(&AiSettingsInput::default()).is_ok());
    }
}
