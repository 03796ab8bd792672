//! Why: the AI key is a password of the owner's; it lives in the OS keychain (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows) and nowhere else — never in SQLite, never in a log,
//! never sent to the webview (it only learns `hasKey`). [`ApiKey`] cannot be printed by accident.
//!
//! A key is bound to the address it was saved for (issue 10): its keychain item is named after the
//! address's origin ([`bound_user`]: `ai-api-key@https://api.openai.com`), and what is read back is a
//! [`BoundKey`] that the client sends only to that same origin. Changing the address to another host finds no
//! key for it (`hasKey` false, the settings ask again) and the old key never goes to the new host.

use std::fmt;

use crate::{AiError, Result};

/// The keychain item's service name.
pub const SERVICE: &str = "gongbang-post";
/// The keychain item's user (account) name; a key bound to an address is `ai-api-key@<origin>`.
pub const USER: &str = "ai-api-key";

/// Longest key accepted (real keys are well under 300 characters).
const MAX_KEY_CHARS: usize = 4096;

/// An API key. `Debug` shows no part of it and there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// A key as the owner typed it (surrounding spaces and line breaks dropped); `None` when empty.
    pub fn new(raw: &str) -> Result<Option<ApiKey>> {
        let k = raw.trim();
        if k.is_empty() {
            return Ok(None);
        }
        if k.chars().count() > MAX_KEY_CHARS || k.chars().any(char::is_control) {
            return Err(AiError::invalid(
                "API 키가 올바르지 않습니다. 받은 키를 그대로 복사해 붙여 넣어 주세요.",
                "The API key is not valid. Copy and paste the key exactly as you received it.",
            ));
        }
        Ok(Some(ApiKey(k.to_string())))
    }

    /// The key itself, for the `Authorization` header and the keychain only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(…)")
    }
}

/// One keychain item: the app's ([`KeyRef::APP`]) or, in tests, one of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRef<'a> {
    pub service: &'a str,
    pub user: &'a str,
}

impl KeyRef<'static> {
    /// The item the app kept its AI key in before keys were bound to an address. Never read for a request
    /// any more; deleted when the owner next saves or deletes a key.
    pub const APP: KeyRef<'static> = KeyRef {
        service: SERVICE,
        user: USER,
    };
}

/// The keychain user name of the key bound to `origin` (see `transport::origin`).
pub fn bound_user(origin: &str) -> String {
    format!("{USER}@{origin}")
}

/// The app's keychain item with this user name (from [`bound_user`]).
pub fn app_item(user: &str) -> KeyRef<'_> {
    KeyRef {
        service: SERVICE,
        user,
    }
}

/// A key together with the origin it was saved for. The client sends it only to that origin.
#[derive(Clone, PartialEq, Eq)]
pub struct BoundKey {
    origin: String,
    key: ApiKey,
}

impl BoundKey {
    pub fn new(origin: impl Into<String>, key: ApiKey) -> Self {
        BoundKey {
            origin: origin.into(),
            key,
        }
    }

    /// The origin the key was saved for.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The key, when the request goes to `origin`; `None` for any other origin.
    pub fn for_origin(&self, origin: &str) -> Option<&ApiKey> {
        (self.origin == origin).then_some(&self.key)
    }
}

impl fmt::Debug for BoundKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BoundKey({}, …)", self.origin)
    }
}

/// Where keys are kept: the OS keychain ([`OsKeychain`]) in the app; tests may bring their own.
/// Every call may block (D-Bus, an unlock prompt).
pub trait KeyStore {
    fn store(&self, at: KeyRef<'_>, key: &ApiKey) -> Result<()>;
    fn read(&self, at: KeyRef<'_>) -> Result<Option<ApiKey>>;
    fn delete(&self, at: KeyRef<'_>) -> Result<()>;
}

/// The OS keychain (Secret Service, Keychain, Credential Manager).
#[derive(Debug, Clone, Copy, Default)]
pub struct OsKeychain;

impl KeyStore for OsKeychain {
    fn store(&self, at: KeyRef<'_>, key: &ApiKey) -> Result<()> {
        os::store(at, key)
    }
    fn read(&self, at: KeyRef<'_>) -> Result<Option<ApiKey>> {
        os::read(at)
    }
    fn delete(&self, at: KeyRef<'_>) -> Result<()> {
        os::delete(at)
    }
}

/// The key saved for `origin`, if any.
pub fn read_bound(store: &dyn KeyStore, origin: &str) -> Result<Option<BoundKey>> {
    Ok(store
        .read(app_item(&bound_user(origin)))?
        .map(|key| BoundKey::new(origin, key)))
}

/// Saves `key` for `origin` (replacing the one saved for it) and deletes the unbound item of older
/// versions, which no request reads any more.
pub fn store_bound(store: &dyn KeyStore, origin: &str, key: &ApiKey) -> Result<()> {
    store.store(app_item(&bound_user(origin)), key)?;
    store.delete(KeyRef::APP)
}

/// Deletes the key saved for `origin` (and the unbound item of older versions).
pub fn delete_bound(store: &dyn KeyStore, origin: &str) -> Result<()> {
    store.delete(app_item(&bound_user(origin)))?;
    store.delete(KeyRef::APP)
}

/// The key saved for `origin`; none without an address.
pub fn read_for(store: &dyn KeyStore, origin: Option<&str>) -> Result<Option<BoundKey>> {
    match origin {
        Some(o) => read_bound(store, o),
        None => Ok(None),
    }
}

/// What the owner did to the key field on saving the settings for the address of `origin`: `None` new key
/// typed = delete it, `Some` = save it for this address. Returns whether a key is now saved for it. A key
/// without an address is refused (it would be bound to nothing).
pub fn change_key(
    store: &dyn KeyStore,
    origin: Option<&str>,
    new_key: Option<&ApiKey>,
) -> Result<bool> {
    match (origin, new_key) {
        (Some(o), Some(k)) => store_bound(store, o, k).map(|()| true),
        (Some(o), None) => delete_bound(store, o).map(|()| false),
        (None, None) => store.delete(KeyRef::APP).map(|()| false),
        (None, Some(_)) => Err(AiError::invalid(
            "API 키를 저장하려면 먼저 AI 서버 주소를 넣어 주세요. 키는 그 주소에만 보냅니다.",
            "To save an API key, first enter the AI server address. The key is sent to that address only.",
        )),
    }
}

/// Whether a key is saved for `origin` (`None`: no address, so no key); an unreadable keychain counts as
/// no key.
pub fn has_bound(store: &dyn KeyStore, origin: Option<&str>) -> bool {
    origin.is_some_and(|o| matches!(read_bound(store, o), Ok(Some(_))))
}

#[cfg(any(target_os = "linux", target_os = "macos", windows))]
mod os {
    use super::{ApiKey, KeyRef};
    use crate::{AiError, Result};

    /// What went wrong, without anything of the secret (BadEncoding carries the stored bytes: dropped).
    fn keychain_error(e: keyring::Error) -> AiError {
        let (ko, en) = match &e {
            keyring::Error::NoStorageAccess(inner) => (
                format!("보관함이 잠겨 있거나 접근이 막혔습니다 ({inner})"),
                format!("the store is locked or access was denied ({inner})"),
            ),
            keyring::Error::PlatformFailure(inner) => (
                format!("보관함 서비스에 연결하지 못했습니다 ({inner})"),
                format!("the keychain service could not be reached ({inner})"),
            ),
            keyring::Error::BadEncoding(_) => (
                "저장된 키를 읽을 수 없습니다. 키를 다시 넣어 주세요".to_string(),
                "the stored key is unreadable; enter the key again".to_string(),
            ),
            keyring::Error::Ambiguous(_) => (
                "보관함에 같은 이름의 키가 여러 개 있습니다".to_string(),
                "the keychain holds several keys of the same name".to_string(),
            ),
            keyring::Error::TooLong(..) | keyring::Error::Invalid(..) => (
                "보관함이 이 항목을 받지 않습니다".to_string(),
                "the keychain does not accept this item".to_string(),
            ),
            _ => (
                "알 수 없는 보관함 오류".to_string(),
                "unknown keychain error".to_string(),
            ),
        };
        AiError::Keychain { ko, en }
    }

    fn entry(at: KeyRef<'_>) -> Result<keyring::Entry> {
        keyring::Entry::new(at.service, at.user).map_err(keychain_error)
    }

    pub fn store(at: KeyRef<'_>, key: &ApiKey) -> Result<()> {
        entry(at)?
            .set_password(key.expose())
            .map_err(keychain_error)
    }

    pub fn read(at: KeyRef<'_>) -> Result<Option<ApiKey>> {
        match entry(at)?.get_password() {
            Ok(k) => ApiKey::new(&k).or(Ok(None)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error(e)),
        }
    }

    pub fn delete(at: KeyRef<'_>) -> Result<()> {
        match entry(at)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error(e)),
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
mod os {
    //! keyring has no real store here (it would fall back to an in-memory mock that forgets the key).
    use super::{ApiKey, KeyRef};
    use crate::{AiError, Result};

    fn unsupported() -> AiError {
        AiError::Keychain {
            ko: "이 운영체제의 암호 보관함은 아직 지원하지 않습니다".into(),
            en: "this operating system's keychain is not supported yet".into(),
        }
    }

    pub fn store(_: KeyRef<'_>, _: &ApiKey) -> Result<()> {
        Err(unsupported())
    }

    pub fn read(_: KeyRef<'_>) -> Result<Option<ApiKey>> {
        Err(unsupported())
    }

    pub fn delete(_: KeyRef<'_>) -> Result<()> {
        Err(unsupported())
    }
}

/// Stores (or replaces) the key in the OS keychain. Blocking (D-Bus, maybe an unlock prompt).
pub fn store_key(at: KeyRef<'_>, key: &ApiKey) -> Result<()> {
    os::store(at, key)
}

/// The key in the OS keychain, `None` when there is none. Blocking.
pub fn read_key(at: KeyRef<'_>) -> Result<Option<ApiKey>> {
    os::read(at)
}

/// Deletes the key (nothing stored is not an error). Blocking.
pub fn delete_key(at: KeyRef<'_>) -> Result<()> {
    os::delete(at)
}

/// Whether a key is stored; a keychain that cannot be read counts as no key (the settings screen still opens).
pub fn has_key(at: KeyRef<'_>) -> bool {
    matches!(read_key(at), Ok(Some(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_never_prints() {
        let k = ApiKey::new("  sk-secret-123\n").unwrap().unwrap();
        assert_eq!(k.expose(), "sk-secret-123");
        assert!(!format!("{k:?}").contains("secret"));
        assert!(ApiKey::new("   ").unwrap().is_none());
        let e = ApiKey::new("sk-\u{7}bell").unwrap_err();
        assert_eq!(e.code(), "invalid");
        assert!(!e.message_en().contains("bell"));
    }
}
