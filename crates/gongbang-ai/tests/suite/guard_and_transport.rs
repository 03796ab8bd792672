//! Issue 10, items 3 and 7, against the loopback chat server that counts requests: the AI help obeys the
//! leak guard's verdict (the one export uses) before any request, and the transport rules — plain http only
//! to this PC or the shop's own network, the key only to the address it was saved for.

use crate::common;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use common::{Behaviour, Owner, CLIENT};
use gongbang_ai::rewrite::{apply, fetch, prepare};
use gongbang_ai::secrets;
use gongbang_ai::{settings, AiError, ApiKey, KeyStore, Style, Timeouts};
use gongbang_core::ops::{self, Policy};
use gongbang_core::Post;

fn short() -> Timeouts {
    Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(5),
    }
}

/// prepare → fetch (no key) → apply, as `ai_rewrite` does.
async fn rewrite(lib: &mut gongbang_core::Library, post: &Post) -> Result<Post, AiError> {
    let plan = prepare(lib, post.id, Style::Polish, Some(1))?;
    let cancel = AtomicBool::new(false);
    let answers = fetch(&plan, Ok(None), short(), &cancel).await?;
    apply(lib, &plan, &answers, &cancel)
}

/// The AI help for a job of this owner: refused with `code` and the guard's own message, nothing sent and
/// the post as it was.
async fn refused(owner: Owner, code: &str) {
    let (_dir, mut lib, post) = common::library_with_post_for(owner);
    let server = common::start(Behaviour::Echo {
        prefix: "다듬음 ".into(),
    });
    common::enable_ai(&lib, &server.base_url);
    let before = common::stored(&lib, post.id);
    let e = rewrite(&mut lib, &post).await.unwrap_err();
    assert_eq!(e.code(), code, "{owner:?}: {e:?}");
    // The same refusal export gives, word for word.
    let export = ops::guard::post_verdict(&lib, &post)
        .unwrap()
        .refusal()
        .expect("export is refused too");
    assert_eq!(e.message_ko(), export.message_ko());
    assert_eq!(e.message_en(), export.message_en());
    // Whole post too: the same.
    let all = prepare(&lib, post.id, Style::Shorter, None).unwrap_err();
    assert_eq!(all.code(), code);
    assert_eq!(server.requests().len(), 0, "{owner:?}: a request went out");
    assert_eq!(common::stored(&lib, post.id), before);
}

#[tokio::test]
async fn a_never_job_sends_nothing() {
    refused(
        Owner::Client {
            policy: Policy::Never,
            approved: false,
        },
        "export_forbidden",
    )
    .await;
    let (_dir, lib, post) = common::library_with_post_for(Owner::Client {
        policy: Policy::Never,
        approved: false,
    });
    let server = common::start(Behaviour::Echo { prefix: "x".into() });
    common::enable_ai(&lib, &server.base_url);
    let e = prepare(&lib, post.id, Style::Polish, None).unwrap_err();
    assert!(e.message_ko().contains(CLIENT) && e.message_en().contains(CLIENT));
}

#[tokio::test]
async fn an_ask_job_without_an_approval_sends_nothing() {
    refused(
        Owner::Client {
            policy: Policy::Ask,
            approved: false,
        },
        "approval_missing",
    )
    .await;
}

#[tokio::test]
async fn a_job_whose_owner_is_not_set_counts_as_ask() {
    refused(Owner::Unset, "approval_missing").await;
}

#[tokio::test]
async fn after_the_approval_is_recorded_the_request_goes() {
    let (_dir, mut lib, post) = common::library_with_post_for(Owner::Client {
        policy: Policy::Ask,
        approved: false,
    });
    let server = common::start(Behaviour::Echo {
        prefix: "다듬음 ".into(),
    });
    common::enable_ai(&lib, &server.base_url);
    assert_eq!(
        rewrite(&mut lib, &post).await.unwrap_err().code(),
        "approval_missing"
    );
    assert_eq!(server.requests().len(), 0);
    common::approve(&lib, post.job_id);
    let saved = rewrite(&mut lib, &post).await.unwrap();
    assert_eq!(server.requests().len(), 1);
    assert_ne!(saved.blocks[1], post.blocks[1]);
}

#[tokio::test]
async fn a_post_whose_photo_also_belongs_to_a_never_job_sends_nothing() {
    // The same file imported into the approved job and into a job of a `never` customer: export refuses
    // the post (the strictest verdict among the photo's jobs), and so does the AI help.
    let (_dir, mut lib, post) = common::library_with_post();
    let server = common::start(Behaviour::Echo { prefix: "x".into() });
    common::enable_ai(&lib, &server.base_url);
    let photo = gongbang_testkit::photos_dir().join("cameras/Nikon_D70.jpg");
    assert!(photo.is_file(), "{}", photo.display());
    let secret = ops::clients::save(
        &lib,
        &ops::ClientInput {
            id: None,
            name: "비밀공업".into(),
            aliases: Vec::new(),
            policy: Policy::Never,
            note: String::new(),
        },
    )
    .unwrap();
    let other = ops::jobs::create(
        &lib,
        &gongbang_core::JobFields {
            title: "비공개 금형".into(),
            ..gongbang_core::JobFields::default()
        },
        Some(ops::OwnerKind::Client),
        Some(secret.id),
    )
    .unwrap();
    let mut ids = Vec::new();
    for job_id in [post.job_id, other.id] {
        let s = gongbang_core::import::import_paths(
            &mut lib,
            Some(job_id),
            std::slice::from_ref(&photo),
            |_, _, _| {},
        )
        .unwrap();
        ids.push(s.items[0].photo.as_ref().unwrap().id);
    }
    assert_eq!(ids[0], ids[1], "one photo in both jobs");
    // Before the photo is in the post, the AI help goes.
    prepare(&lib, post.id, Style::Polish, Some(1)).unwrap();
    let mut blocks = post.blocks.clone();
    blocks.push(gongbang_core::Block::Photo {
        photo_id: ids[0],
        caption: String::new(),
    });
    let post = ops::posts::save_text(&mut lib, &Post { blocks, ..post }).unwrap();
    let e = rewrite(&mut lib, &post).await.unwrap_err();
    let export = ops::guard::post_verdict(&lib, &post)
        .unwrap()
        .refusal()
        .expect("export is refused");
    assert_eq!(e.code(), export.code());
    assert_eq!(e.code(), "export_forbidden");
    assert_eq!(e.message_ko(), export.message_ko());
    assert_eq!(server.requests().len(), 0);
}

#[tokio::test]
async fn public_customers_and_own_products_go() {
    for owner in [
        Owner::Own,
        Owner::Client {
            policy: Policy::Public,
            approved: false,
        },
    ] {
        let (_dir, mut lib, post) = common::library_with_post_for(owner);
        let server = common::start(Behaviour::Echo {
            prefix: "ok ".into(),
        });
        common::enable_ai(&lib, &server.base_url);
        rewrite(&mut lib, &post).await.unwrap();
        assert_eq!(server.requests().len(), 1, "{owner:?}");
    }
}

// ---- item 7: plain http inside the shop; the key bound to the address it was saved for ----

const KEY: &str = "sk-bound-SECRET-4a5b6c";

/// What the app does on "다듬기": prepare, the key saved for the plan's address, fetch, apply.
async fn rewrite_with(
    lib: &mut gongbang_core::Library,
    post: &Post,
    store: &common::MemoryStore,
) -> Result<Post, AiError> {
    let plan = prepare(lib, post.id, Style::Polish, Some(1))?;
    let key = secrets::read_bound(store, &plan.key_origin().unwrap());
    let cancel = AtomicBool::new(false);
    let answers = fetch(&plan, key, short(), &cancel).await?;
    apply(lib, &plan, &answers, &cancel)
}

fn auth(r: &common::Recorded) -> Option<&str> {
    r.headers.get("authorization").map(String::as_str)
}

#[tokio::test]
async fn the_key_goes_only_to_the_address_it_was_saved_for() {
    let (_dir, mut lib, post) = common::library_with_post();
    let store = common::MemoryStore::default();
    // Two hosts on this computer: A on 127.0.0.1, B on 127.0.0.2.
    let a = common::start_on(
        "127.0.0.1",
        Behaviour::Echo {
            prefix: "A ".into(),
        },
    );
    let b = common::start_on(
        "127.0.0.2",
        Behaviour::Echo {
            prefix: "B ".into(),
        },
    );
    let origin = |url: &str| settings::key_origin(url).unwrap();

    // The owner saves address A with a key: the key is A's, and goes to A.
    common::enable_ai(&lib, &a.base_url);
    secrets::store_bound(
        &store,
        &origin(&a.base_url),
        &ApiKey::new(KEY).unwrap().unwrap(),
    )
    .unwrap();
    assert!(secrets::has_bound(&store, Some(&origin(&a.base_url))));
    rewrite_with(&mut lib, &post, &store).await.unwrap();
    assert_eq!(a.requests().len(), 1);
    assert_eq!(
        auth(&a.requests()[0]),
        Some(format!("Bearer {KEY}").as_str())
    );

    // The address changes to B: no key for B (the settings ask again), and the request to B carries none.
    common::enable_ai(&lib, &b.base_url);
    assert!(!secrets::has_bound(&store, Some(&origin(&b.base_url))));
    rewrite_with(&mut lib, &post, &store).await.unwrap();
    assert_eq!(b.requests().len(), 1);
    assert_eq!(auth(&b.requests()[0]), None);
    for r in b.requests() {
        assert!(!r.body.contains(KEY) && !format!("{:?}", r.headers).contains("SECRET"));
    }

    // Even handed A's key, the client does not send it to B.
    let plan = prepare(&lib, post.id, Style::Polish, Some(1)).unwrap();
    let a_key = secrets::read_bound(&store, &origin(&a.base_url))
        .unwrap()
        .unwrap();
    let cancel = AtomicBool::new(false);
    fetch(&plan, Ok(Some(a_key.clone())), short(), &cancel)
        .await
        .unwrap();
    assert_eq!(b.requests().len(), 2);
    assert_eq!(auth(&b.requests()[1]), None);

    // Another name for the same computer and port is another address too: `localhost` is not 127.0.0.1.
    let a_port = a
        .base_url
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches("/v1");
    let by_name = format!("http://localhost:{a_port}/v1");
    common::enable_ai(&lib, &by_name);
    assert!(!secrets::has_bound(&store, Some(&origin(&by_name))));
    let plan = prepare(&lib, post.id, Style::Polish, Some(1)).unwrap();
    fetch(&plan, Ok(Some(a_key)), short(), &cancel)
        .await
        .unwrap();
    assert_eq!(a.requests().len(), 2, "localhost reached A's server");
    assert_eq!(auth(&a.requests()[1]), None);

    // Back to A: its key is there again and goes to A.
    common::enable_ai(&lib, &a.base_url);
    assert!(secrets::has_bound(&store, Some(&origin(&a.base_url))));
    rewrite_with(&mut lib, &post, &store).await.unwrap();
    assert_eq!(a.requests().len(), 3);
    assert_eq!(
        auth(&a.requests()[2]),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(b.requests().len(), 2);

    // The keychain items are named after the address; the old unbound item is gone once a key is saved.
    store
        .store(
            gongbang_ai::KeyRef::APP,
            &ApiKey::new("sk-old").unwrap().unwrap(),
        )
        .unwrap();
    secrets::store_bound(
        &store,
        &origin(&b.base_url),
        &ApiKey::new("sk-b").unwrap().unwrap(),
    )
    .unwrap();
    let mut users = store.users();
    users.sort();
    let mut want = vec![
        format!("ai-api-key@{}", origin(&a.base_url)),
        format!("ai-api-key@{}", origin(&b.base_url)),
    ];
    want.sort();
    assert_eq!(users, want);
    secrets::delete_bound(&store, &origin(&b.base_url)).unwrap();
    assert!(!secrets::has_bound(&store, Some(&origin(&b.base_url))));
    assert!(secrets::has_bound(&store, Some(&origin(&a.base_url))));
    assert!(!secrets::has_bound(&store, None));
}

#[tokio::test]
async fn plain_http_to_this_pc_by_name_and_address_is_allowed() {
    let (_dir, mut lib, post) = common::library_with_post();
    let server = common::start(Behaviour::Echo {
        prefix: "ok ".into(),
    });
    let port = server
        .base_url
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches("/v1")
        .to_string();
    let store = common::MemoryStore::default();
    for url in [
        server.base_url.clone(),
        format!("http://localhost:{port}/v1"),
    ] {
        let saved = settings::save(
            &lib,
            &gongbang_ai::AiSettingsInput {
                enabled: true,
                base_url: url.clone(),
                model: "test-model".into(),
            },
        )
        .unwrap();
        assert_eq!(saved.base_url, url);
        rewrite_with(&mut lib, &post, &store).await.unwrap();
    }
    assert_eq!(server.requests().len(), 2);
}
