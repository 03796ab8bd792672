//! The API key really goes to the OS keychain: on Linux a Secret Service over D-Bus (gnome-keyring under
//! `dbus-run-session` in CI, see scripts/test-all.sh), on Windows the Credential Manager (Wine's in CI).
//! Fails when no keychain is reachable; skipped, loudly, only with GONGBANG_SKIP_KEYCHAIN=1.

use gongbang_ai::secrets::{self, KeyRef};
use gongbang_ai::ApiKey;

/// The tests take turns with the keychain: Wine's Credential Manager makes its encryption key on first use
/// and two first uses at once in a fresh prefix leave one item sealed with a key that was then replaced
/// (seen: a key read back different from the one stored). One at a time is also how the app uses it.
static KEYCHAIN: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn a_key_is_stored_read_and_deleted_in_the_os_keychain() {
    let _turn = KEYCHAIN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if std::env::var("GONGBANG_SKIP_KEYCHAIN").as_deref() == Ok("1") {
        eprintln!(
            "SKIPPED: keychain test not run (GONGBANG_SKIP_KEYCHAIN=1). Run it with a Secret Service, \
             e.g. scripts/test-all.sh (step keychain)."
        );
        return;
    }
    assert_eq!(KeyRef::APP.service, "gongbang-post");
    assert_eq!(KeyRef::APP.user, "ai-api-key");
    // The app's service, an account of the test's own: a developer's real key is left alone.
    let user = format!("ai-api-key.test-{}", std::process::id());
    let at = KeyRef {
        service: secrets::SERVICE,
        user: &user,
    };
    let key = ApiKey::new("sk-keychain-test-7c1e").unwrap().unwrap();
    let fail = |what: &str, e: gongbang_ai::AiError| -> ! {
        panic!(
            "{what}: {} — is a Secret Service running? (CI: dbus-run-session + gnome-keyring-daemon --unlock)",
            e.message_en()
        )
    };

    secrets::store_key(at, &key).unwrap_or_else(|e| fail("store", e));
    let read = secrets::read_key(at).unwrap_or_else(|e| fail("read", e));
    assert_eq!(read.as_ref(), Some(&key));
    assert!(secrets::has_key(at));

    // Not an in-memory stand-in: the Secret Service itself holds the item (libsecret's own client).
    #[cfg(target_os = "linux")]
    {
        let out = std::process::Command::new("secret-tool")
            .args(["lookup", "service", secrets::SERVICE, "username", &user])
            .output()
            .expect("secret-tool (Debian: libsecret-tools) to check the Secret Service");
        assert!(out.status.success(), "secret-tool found no item");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), key.expose());
    }
    #[cfg(windows)]
    assert!(
        windows_credentials().contains(&user),
        "the Credential Manager lists no item for {user}"
    );

    // Replacing keeps one item.
    let newer = ApiKey::new("sk-keychain-test-2").unwrap().unwrap();
    secrets::store_key(at, &newer).unwrap_or_else(|e| fail("replace", e));
    assert_eq!(secrets::read_key(at).unwrap(), Some(newer));

    secrets::delete_key(at).unwrap_or_else(|e| fail("delete", e));
    assert_eq!(secrets::read_key(at).unwrap(), None);
    assert!(!secrets::has_key(at));
    #[cfg(windows)]
    assert!(
        !windows_credentials().contains(&user),
        "the item is still there"
    );
    // Deleting what is not there is fine (the owner clears an empty key field).
    secrets::delete_key(at).unwrap();
}

/// What the Windows Credential Manager lists, read by another program than keyring: `cmdkey /list` on
/// Windows; Wine has no cmdkey and keeps its credentials in the registry, so there `reg query`.
#[cfg(windows)]
fn windows_credentials() -> String {
    use std::process::Command;
    let out = match Command::new("cmdkey").arg("/list").output() {
        Ok(out) => out,
        Err(_) => Command::new("reg")
            .args(["query", r"HKCU\Software\Wine\Credential Manager"])
            .output()
            .expect("reg.exe"),
    };
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Issue 10: the key is bound to the address it was saved for — one keychain item per origin, named
/// `ai-api-key@<origin>`; another address finds none.
#[test]
fn a_key_is_bound_to_its_address_in_the_os_keychain() {
    let _turn = KEYCHAIN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if std::env::var("GONGBANG_SKIP_KEYCHAIN").as_deref() == Ok("1") {
        eprintln!("SKIPPED: keychain test not run (GONGBANG_SKIP_KEYCHAIN=1).");
        return;
    }
    let os = gongbang_ai::OsKeychain;
    // Origins of the test's own (a developer's real keys are left alone).
    let a = format!("http://gongbang-test-{}.local:1", std::process::id());
    let b = format!("http://gongbang-test-{}.local:2", std::process::id());
    let key = ApiKey::new("sk-bound-keychain-test").unwrap().unwrap();
    secrets::store_bound(&os, &a, &key)
        .unwrap_or_else(|e| panic!("store: {} — is a Secret Service running?", e.message_en()));
    let read = secrets::read_bound(&os, &a)
        .unwrap()
        .expect("the key for A");
    assert_eq!(read.origin(), a);
    assert_eq!(read.for_origin(&a), Some(&key));
    assert_eq!(read.for_origin(&b), None);
    assert!(secrets::has_bound(&os, Some(&a)));
    assert!(!secrets::has_bound(&os, Some(&b)));
    assert_eq!(secrets::read_bound(&os, &b).unwrap(), None);

    #[cfg(target_os = "linux")]
    {
        let out = std::process::Command::new("secret-tool")
            .args([
                "lookup",
                "service",
                secrets::SERVICE,
                "username",
                &secrets::bound_user(&a),
            ])
            .output()
            .expect("secret-tool (Debian: libsecret-tools)");
        assert!(out.status.success(), "secret-tool found no item for A");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), key.expose());
    }

    secrets::delete_bound(&os, &a).unwrap();
    assert!(!secrets::has_bound(&os, Some(&a)));
}
