//! Issue 10, item 7: plain `http://` to a public host sends nothing — refused when saved, when a library edited
//! by hand holds such an address, and by the client itself for a plan made by hand. How "nothing" is seen:
//! this test binary (its own process, one test) points HTTP_PROXY at the counting loopback server, so a
//! request to any public host would arrive there; a control request over https shows that it does.

// Its own binary (the one exception to the AI helper's single test binary, tests/suite): it sets HTTP_PROXY for
// the whole process, which would reroute the other suites' loopback requests if they shared it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "suite/common.rs"]
#[allow(dead_code)] // the suite uses all of it; this binary a part
mod common;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use common::Behaviour;
use gongbang_ai::rewrite::{fetch, prepare, Plan, Target};
use gongbang_ai::{settings, AiSettingsInput, ApiKey, BoundKey, Endpoint, Style, Timeouts};

fn short() -> Timeouts {
    Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(5),
    }
}

fn plan(base_url: &str) -> Plan {
    Plan {
        post_id: 1,
        style: Style::Polish,
        endpoint: Endpoint {
            base_url: base_url.into(),
            model: "test-model".into(),
        },
        targets: vec![Target {
            block_index: 1,
            original: "문단".into(),
            outgoing: "문단".into(),
        }],
    }
}

#[tokio::test]
async fn plain_http_to_a_public_host_sends_nothing() {
    let proxy = common::start(Behaviour::Echo {
        prefix: String::new(),
    });
    let proxy_url = proxy.base_url.trim_end_matches("/v1").to_string();
    for var in ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"] {
        std::env::set_var(var, &proxy_url);
    }
    for var in ["NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"] {
        std::env::remove_var(var);
    }
    let (_dir, lib, post) = common::library_with_post();
    let cancel = AtomicBool::new(false);
    let key = || {
        Ok(Some(BoundKey::new(
            "http://93.184.216.34",
            ApiKey::new("sk-public-SECRET").unwrap().unwrap(),
        )))
    };

    // 1. Saving: refused with a message in both languages, nothing stored.
    for public in [
        "http://93.184.216.34/v1",
        "http://api.example.com/v1",
        "http://[2606:2800:220:1:248:1893:25c8:1946]:8080/v1",
        "http://0x5db8d822/v1",
    ] {
        let e = settings::save(
            &lib,
            &AiSettingsInput {
                enabled: true,
                base_url: public.into(),
                model: "test-model".into(),
            },
        )
        .unwrap_err();
        assert_eq!(e.code(), "ai_insecure", "{public}");
        assert!(e.message_ko().contains("https://") && e.message_en().contains("https://"));
        assert!(e.message_ko().contains("암호화"), "{}", e.message_ko());
        assert_eq!(
            settings::load(&lib).unwrap().base_url,
            "",
            "{public} was stored"
        );
    }
    assert!(e_is_https_ok(&lib));

    // 2. A library edited by hand: prepare refuses before any request.
    gongbang_core::ops::settings::set_all(
        &lib,
        &[
            (settings::ENABLED, "1"),
            (settings::MODEL, "test-model"),
            (settings::BASE_URL, "http://93.184.216.34/v1"),
        ],
    )
    .unwrap();
    let e = prepare(&lib, post.id, Style::Polish, None).unwrap_err();
    assert_eq!(e.code(), "ai_insecure");

    // 3. A plan made by hand (no prepare): the client refuses, key or not.
    for public in [
        "http://93.184.216.34/v1",
        "http://api.example.com/v1",
        "http://[2606:2800:220:1:248:1893:25c8:1946]/v1",
    ] {
        let e = fetch(&plan(public), key(), short(), &cancel)
            .await
            .unwrap_err();
        assert_eq!(e.code(), "ai_insecure", "{public}");
        let e = fetch(&plan(public), Ok(None), short(), &cancel)
            .await
            .unwrap_err();
        assert_eq!(e.code(), "ai_insecure", "{public}");
    }
    assert_eq!(
        proxy.requests().len(),
        0,
        "plain http reached the proxy: {:?}",
        proxy.requests()
    );

    // Control: the proxy really is in the way — an https request to a public host goes to it (CONNECT).
    let e = fetch(
        &plan("https://api.example.com/v1"),
        Ok(None),
        short(),
        &cancel,
    )
    .await
    .unwrap_err();
    assert_ne!(e.code(), "ai_insecure");
    let seen = proxy.requests();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].method, "CONNECT");
    assert!(seen[0].path.starts_with("api.example.com:443"));
}

/// https to a public host and http to the shop's network are still accepted when saved.
fn e_is_https_ok(lib: &gongbang_core::Library) -> bool {
    for ok in [
        "https://api.openai.com/v1",
        "http://192.168.0.20:11434/v1",
        "http://10.1.2.3:8000/v1",
        "http://[fd00::20]:11434/v1",
        "http://shop-pc.local:11434/v1",
    ] {
        let s = settings::save(
            lib,
            &AiSettingsInput {
                enabled: true,
                base_url: ok.into(),
                model: "test-model".into(),
            },
        )
        .unwrap_or_else(|e| panic!("{ok}: {e:?}"));
        assert_eq!(s.base_url, ok);
    }
    true
}
