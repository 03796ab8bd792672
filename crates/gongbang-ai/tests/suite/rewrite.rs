//! The AI path against a real chat-completions server on loopback: the right error code for each failure
//! with the post left byte-identical, the right text saved on success, and what leaves the computer —
//! flagged customer names never in the request body, the key only in the Authorization header and never in
//! an error.

use crate::common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Behaviour, ALIAS, CLIENT, WATCH};
use gongbang_ai::rewrite::{apply, fetch, prepare};
use gongbang_ai::{AiError, ApiKey, BoundKey, Style, Timeouts};
use gongbang_core::ops;
use gongbang_core::{Block, Library, Post};

const KEY: &str = "sk-test-SECRET-9f8e7d6c5b4a";

fn short() -> Timeouts {
    Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(5),
    }
}

/// What `ai_rewrite` does, step by step.
async fn rewrite(
    lib: &mut Library,
    post_id: i64,
    style: Style,
    block: Option<usize>,
    key: Option<&str>,
    timeouts: Timeouts,
    cancel: &AtomicBool,
) -> Result<Post, AiError> {
    let plan = prepare(lib, post_id, style, block)?;
    // The key as saved for the plan's address.
    let key =
        key.map(|k| BoundKey::new(plan.key_origin().unwrap(), ApiKey::new(k).unwrap().unwrap()));
    let answers = fetch(&plan, Ok(key), timeouts, cancel).await?;
    apply(lib, &plan, &answers, cancel)
}

fn paragraph(post: &Post, i: usize) -> &str {
    match &post.blocks[i] {
        Block::Paragraph { text } => text,
        other => panic!("block {i} is not a paragraph: {other:?}"),
    }
}

/// Nothing flagged in what was sent, and the key nowhere but the Authorization header.
fn assert_private(server: &common::Server) {
    let reqs = server.requests();
    assert!(!reqs.is_empty());
    for r in &reqs {
        let sent = r.everything_but_auth();
        let lower = sent.to_lowercase();
        for bad in [CLIENT, WATCH, "AB-1234-567", "1234"] {
            assert!(!sent.contains(bad), "'{bad}' was sent:\n{sent}");
        }
        assert!(
            !lower.contains(&ALIAS.to_lowercase()),
            "alias sent:\n{sent}"
        );
        assert!(!lower.contains("dh precision"));
        assert!(
            !sent.contains(KEY),
            "the key outside Authorization:\n{sent}"
        );
    }
}

fn assert_key_not_in(e: &AiError) {
    let all = format!("{e:?} {e} {} {}", e.message_ko(), e.message_en());
    assert!(!all.contains(KEY), "the key in an error: {all}");
    assert!(
        !all.contains("SECRET"),
        "part of the key in an error: {all}"
    );
    assert!(!e.message_ko().is_empty() && !e.message_en().is_empty());
}

/// Rewrites against a server that answers with `behaviour` and expects the error `code`, the post unchanged.
async fn expect_failure(behaviour: Behaviour, timeouts: Timeouts, code: &str) -> common::Server {
    let (_dir, mut lib, post) = common::library_with_post();
    let server = common::start(behaviour);
    common::enable_ai(&lib, &server.base_url);
    let before = common::stored(&lib, post.id);
    let cancel = AtomicBool::new(false);
    let e = rewrite(
        &mut lib,
        post.id,
        Style::Polish,
        None,
        Some(KEY),
        timeouts,
        &cancel,
    )
    .await
    .unwrap_err();
    assert_eq!(e.code(), code, "{e:?}");
    assert_key_not_in(&e);
    assert_eq!(common::stored(&lib, post.id), before, "the post changed");
    server
}

#[tokio::test]
async fn every_paragraph_is_rewritten_and_saved_with_names_masked() {
    let (_dir, mut lib, post) = common::library_with_post();
    let server = common::start(Behaviour::Echo {
        prefix: "[다듬음] ".into(),
    });
    common::enable_ai(&lib, &server.base_url);
    let cancel = AtomicBool::new(false);
    let saved = rewrite(
        &mut lib,
        post.id,
        Style::Friendlier,
        None,
        Some(KEY),
        short(),
        &cancel,
    )
    .await
    .unwrap();

    // Two paragraphs with text, two requests, in order; the blank paragraph is not sent.
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for r in &reqs {
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/v1/chat/completions");
        assert_eq!(r.headers["authorization"], format!("Bearer {KEY}"));
        assert!(r.headers["content-type"].starts_with("application/json"));
        let v = r.json();
        assert_eq!(v["model"], "test-model");
        assert_eq!(v["stream"], false);
        assert_eq!(v["messages"][0]["role"], "system");
        assert!(v["messages"][0]["content"]
            .as_str()
            .unwrap()
            .contains("더 친근하게"));
        assert_eq!(v["messages"][1]["role"], "user");
        assert_eq!(v["messages"].as_array().unwrap().len(), 2);
    }
    assert_private(&server);
    // Only the paragraph's own text is sent: not the title, the heading, the list or the tags.
    let user0 = reqs[0].json()["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        user0,
        "고객사에서 맡긴 SUS304 샤프트를 CNC 선반으로 가공했습니다. 공차는 ±0.01 입니다."
    );
    let user1 = reqs[1].json()["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        user1.contains("고객사 ○○") && user1.contains("(비공개)"),
        "{user1}"
    );
    for r in &reqs {
        // Neither the title nor the list nor the tags.
        assert!(
            !r.body.contains("문래동") && !r.body.contains("20개") && !r.body.contains("CNC선반")
        );
    }

    // Saved in one go: the paragraphs hold the answers, everything else is as it was.
    assert_eq!(paragraph(&saved, 1), format!("[다듬음] {user0}"));
    assert_eq!(paragraph(&saved, 3), format!("[다듬음] {user1}"));
    assert_eq!(saved.blocks[0], post.blocks[0]);
    assert_eq!(saved.blocks[2], post.blocks[2]);
    assert_eq!(saved.blocks[4], post.blocks[4]);
    assert_eq!(saved.title, post.title);
    assert_eq!(saved.tags, post.tags);
    assert_eq!(ops::posts::get(&lib, post.id).unwrap(), saved);
}

#[tokio::test]
async fn one_paragraph_without_a_key() {
    let (_dir, mut lib, post) = common::library_with_post();
    let server = common::start(Behaviour::Echo {
        prefix: "짧게: ".into(),
    });
    common::enable_ai(&lib, &server.base_url);
    let cancel = AtomicBool::new(false);
    let saved = rewrite(
        &mut lib,
        post.id,
        Style::Shorter,
        Some(1),
        None,
        short(),
        &cancel,
    )
    .await
    .unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    // A local server such as Ollama needs no key: no Authorization header at all.
    assert!(!reqs[0].headers.contains_key("authorization"));
    assert_private(&server);
    assert!(paragraph(&saved, 1).starts_with("짧게: 고객사에서"));
    assert_eq!(paragraph(&saved, 3), paragraph(&post, 3));
}

#[tokio::test]
async fn wrong_key_401_and_403() {
    let server = expect_failure(Behaviour::Status(401), short(), "ai_auth").await;
    assert_eq!(server.requests().len(), 1);
    assert_private(&server);
    expect_failure(Behaviour::Status(403), short(), "ai_auth").await;
}

#[tokio::test]
async fn too_many_requests_429() {
    let server = expect_failure(Behaviour::Status(429), short(), "ai_rate").await;
    assert_private(&server);
}

#[tokio::test]
async fn other_status_is_an_unusable_reply() {
    expect_failure(Behaviour::Status(500), short(), "ai_reply").await;
}

#[tokio::test]
async fn slow_reply_past_the_time_limit() {
    let t = Instant::now();
    let limit = Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_millis(600),
    };
    expect_failure(Behaviour::Slow(Duration::from_secs(4)), limit, "ai_timeout").await;
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

#[tokio::test]
async fn malformed_or_empty_replies() {
    expect_failure(
        Behaviour::Raw("{\"choices\": [".into()),
        short(),
        "ai_reply",
    )
    .await;
    expect_failure(
        Behaviour::Raw("<html>Bad gateway</html>".into()),
        short(),
        "ai_reply",
    )
    .await;
    expect_failure(
        Behaviour::Raw("{\"choices\": []}".into()),
        short(),
        "ai_reply",
    )
    .await;
    expect_failure(
        Behaviour::Raw(common::completion("  ")),
        short(),
        "ai_reply",
    )
    .await;
}

#[tokio::test]
async fn no_server_is_a_network_error() {
    let (_dir, mut lib, post) = common::library_with_post();
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    common::enable_ai(&lib, &format!("http://127.0.0.1:{port}/v1"));
    let before = common::stored(&lib, post.id);
    let cancel = AtomicBool::new(false);
    let e = rewrite(
        &mut lib,
        post.id,
        Style::Polish,
        None,
        Some(KEY),
        short(),
        &cancel,
    )
    .await
    .unwrap_err();
    assert_eq!(e.code(), "ai_network", "{e:?}");
    assert!(e.message_en().contains(&format!("127.0.0.1:{port}")));
    assert_key_not_in(&e);
    assert_eq!(common::stored(&lib, post.id), before);
}

#[tokio::test]
async fn cancel_stops_the_waiting_request() {
    let (_dir, mut lib, post) = common::library_with_post();
    let server = common::start(Behaviour::Slow(Duration::from_secs(10)));
    common::enable_ai(&lib, &server.base_url);
    let before = common::stored(&lib, post.id);
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        flag.store(true, Ordering::Relaxed);
    });
    let t = Instant::now();
    let e = rewrite(
        &mut lib,
        post.id,
        Style::Polish,
        None,
        Some(KEY),
        Timeouts::default(),
        &cancel,
    )
    .await
    .unwrap_err();
    assert_eq!(e.code(), "cancelled");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    assert_eq!(server.requests().len(), 1);
    assert_eq!(common::stored(&lib, post.id), before);
}

#[tokio::test]
async fn off_by_default_and_nothing_sent() {
    let (_dir, lib, post) = common::library_with_post();
    let s = gongbang_ai::settings::load(&lib).unwrap();
    assert!(!s.enabled && s.base_url.is_empty() && s.model.is_empty());
    let e = prepare(&lib, post.id, Style::Polish, None).unwrap_err();
    assert_eq!(e.code(), "ai_off");
    // Switched off again after being set up: still off, the address kept.
    let server = common::start(Behaviour::Echo { prefix: "x".into() });
    common::enable_ai(&lib, &server.base_url);
    gongbang_ai::settings::save(
        &lib,
        &gongbang_ai::AiSettingsInput {
            enabled: false,
            base_url: server.base_url.clone(),
            model: "test-model".into(),
        },
    )
    .unwrap();
    assert_eq!(
        prepare(&lib, post.id, Style::Polish, None)
            .unwrap_err()
            .code(),
        "ai_off"
    );
    assert_eq!(
        gongbang_ai::settings::load(&lib).unwrap().base_url,
        server.base_url
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn only_paragraphs_and_the_post_as_it_is() {
    let (_dir, mut lib, post) = common::library_with_post();
    let server = common::start(Behaviour::Echo {
        prefix: "새 글: ".into(),
    });
    common::enable_ai(&lib, &server.base_url);
    for not_a_paragraph in [0, 2, 4, 99] {
        let e = prepare(&lib, post.id, Style::Polish, Some(not_a_paragraph)).unwrap_err();
        assert_eq!(e.code(), "invalid", "block {not_a_paragraph}");
    }
    // The owner edits the paragraph while the AI is answering: the answer is not used.
    let plan = prepare(&lib, post.id, Style::Polish, Some(1)).unwrap();
    let cancel = AtomicBool::new(false);
    let answers = fetch(&plan, Ok(None), short(), &cancel).await.unwrap();
    let mut blocks = post.blocks.clone();
    blocks[1] = Block::Paragraph {
        text: "사장님이 고친 문단".into(),
    };
    ops::posts::save_text(
        &mut lib,
        &gongbang_core::Post {
            blocks,
            ..post.clone()
        },
    )
    .unwrap();
    let before = common::stored(&lib, post.id);
    assert_eq!(
        apply(&mut lib, &plan, &answers, &cancel)
            .unwrap_err()
            .code(),
        "invalid"
    );
    // Answers that do not match the paragraphs: nothing saved.
    assert_eq!(
        apply(&mut lib, &plan, &[], &cancel).unwrap_err().code(),
        "ai_reply"
    );
    assert_eq!(common::stored(&lib, post.id), before);
}

#[tokio::test]
async fn settings_are_checked_and_kept_in_the_library() {
    let (_dir, lib, _post) = common::library_with_post();
    let bad = gongbang_ai::settings::save(
        &lib,
        &gongbang_ai::AiSettingsInput {
            enabled: true,
            base_url: "api.openai.com/v1".into(),
            model: "gpt-4o-mini".into(),
        },
    )
    .unwrap_err();
    assert_eq!(bad.code(), "invalid");
    assert!(bad.message_ko().contains("http://") && bad.message_en().contains("https://"));
    let saved = gongbang_ai::settings::save(
        &lib,
        &gongbang_ai::AiSettingsInput {
            enabled: true,
            base_url: "http://127.0.0.1:11434/v1/".into(),
            model: " qwen2.5:7b ".into(),
        },
    )
    .unwrap();
    assert_eq!(saved.base_url, "http://127.0.0.1:11434/v1");
    assert_eq!(gongbang_ai::settings::load(&lib).unwrap(), saved);
    let raw = ops::settings::get(&lib, gongbang_ai::settings::ENABLED).unwrap();
    assert_eq!(raw.as_deref(), Some("1"));
}

#[tokio::test]
async fn an_unreadable_keychain_still_reaches_a_local_server_and_is_named_when_a_key_is_needed() {
    let (_dir, lib, post) = common::library_with_post();
    let keychain_down = || AiError::Keychain {
        ko: "보관함 서비스에 연결하지 못했습니다".into(),
        en: "the keychain service could not be reached".into(),
    };
    let cancel = AtomicBool::new(false);
    // A server that needs no key (Ollama): the request goes out without one.
    let open = common::start(Behaviour::Echo {
        prefix: "ok ".into(),
    });
    common::enable_ai(&lib, &open.base_url);
    let plan = prepare(&lib, post.id, Style::Polish, Some(1)).unwrap();
    let answers = fetch(&plan, Err(keychain_down()), short(), &cancel)
        .await
        .unwrap();
    assert_eq!(answers.len(), 1);
    assert!(!open.requests()[0].headers.contains_key("authorization"));
    // A server that wants a key: the keychain is named as the cause, not the key.
    let closed = common::start(Behaviour::Status(401));
    common::enable_ai(&lib, &closed.base_url);
    let plan = prepare(&lib, post.id, Style::Polish, Some(1)).unwrap();
    let e = fetch(&plan, Err(keychain_down()), short(), &cancel)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "keychain");
}
