//! Template packs (issue 15): a pack exported from one library, imported into another — refused before
//! its author is trusted, then used by the drafts, the coach's score and keywords, and the lessons, and
//! gone again when removed. A changed pack, a pack with an unsafe path, weights naming an unknown check,
//! and a second author with a known name are refused with nothing installed.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signer, SigningKey};
use gongbang_testkit as common;

use gongbang_core::coach;
use gongbang_core::draft::{self, Lang};
use gongbang_core::ops::{self, PackChangeKind};
use gongbang_core::repo::posts::Platform;
use gongbang_core::repo::shop_profile::{self, ShopProfile};
use gongbang_core::{CoreError, Library};

const MENTOR_LINE: &str = "멘토가 고친 글 틀로 쓴 글입니다.";

/// Library A: a mentor's edited template, a trade note, a lesson, keywords and weights.
fn mentor_library() -> (tempfile::TempDir, Library) {
    let (dir, lib) = common::temp_library();
    let root = lib.root().to_path_buf();
    let shipped = include_str!("../../../../assets/templates/blog_body.ko.j2");
    write(
        &root,
        "templates/blog_body.ko.j2",
        &format!("{MENTOR_LINE}\n\n{shipped}"),
    );
    write(
        &root,
        "trade/materials.toml",
        "[[entry]]\nid = \"sus304\"\nmatch = [\"SUS304\"]\n[entry.ko]\nname = \"스텐\"\nwhat = [\"멘토가 쓴 스텐 이야기입니다.\"]\n",
    );
    write(
        &root,
        "lessons/shop-tips.ko.md",
        "+++\ntitle = \"멘토의 가게 요령\"\nsummary = \"멘토가 쓴 배우기 글\"\norder = 9\n+++\n## 요령\n\n**꼭** 기억하세요.\n\n![도면](img/tip.svg)\n",
    );
    write(
        &root,
        "lessons/img/tip.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"5\" height=\"5\"/></svg>",
    );
    write(
        &root,
        "keywords.toml",
        "[any]\nko = [\"멘토추천 검색어\"]\n",
    );
    write(&root, "weights.toml", "photo_count = 10\ntags = 0\n");
    (dir, lib)
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = rel.split('/').fold(root.to_path_buf(), |p, s| p.join(s));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn shop() -> ShopProfile {
    ShopProfile {
        name: "대성정밀".into(),
        phone: "010-1234-5678".into(),
        region_keywords: vec!["문래동".into()],
        ..ShopProfile::default()
    }
}

/// Library B with a SUS304 job and its Naver draft: the draft's text and the post id.
fn draft_text(lib: &mut Library, job_id: i64) -> (String, i64) {
    let post = draft::make_draft_for(lib, job_id, Platform::Naver, &shop(), Lang::Ko).unwrap();
    (format!("{:?}", post.blocks), post.id)
}

fn nothing_installed(lib: &Library) {
    assert!(ops::packs::list(lib).unwrap().is_empty());
    let packs = lib.root().join("packs");
    let left: Vec<_> = std::fs::read_dir(&packs)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "left in packs/: {left:?}");
}

#[test]
fn a_pack_goes_from_one_library_to_another_and_back_out() {
    let (_a_dir, a) = mentor_library();
    let out = tempfile::tempdir().unwrap();
    let exported = ops::packs::export(&a, out.path(), "문래 멘토 묶음", Some("김멘토")).unwrap();
    assert_eq!(exported.file_count, 6);
    assert!(exported.path.ends_with(".gbpack"), "{}", exported.path);
    // The author's key is kept in the library (a backup keeps it): a second export signs with the same key.
    assert!(a.root().join("keys").join("pack-author.key").is_file());
    let again = ops::packs::export(&a, out.path(), "둘째", Some("김멘토")).unwrap();
    assert_eq!(again.author.key, exported.author.key);
    let file = PathBuf::from(&exported.path);

    let (_b_dir, mut b) = common::temp_library();
    shop_profile::save(b.conn(), &shop()).unwrap();
    let job = common::own_job(&b, &common::shaft_job());
    let (before, post_id) = draft_text(&mut b, job.id);
    assert!(!before.contains(MENTOR_LINE));
    let coach_before = coach::coach_post(&b, post_id).unwrap();
    assert!(coach_before.checks.iter().all(|c| c.weight == 1));
    let lessons_before = ops::lessons::list(&b, Lang::Ko).unwrap();

    // What it changes, before anything is installed.
    let preview = ops::packs::preview(&b, &file).unwrap();
    assert!(!preview.trusted && !preview.installed);
    assert_eq!(preview.author.name, "김멘토");
    let change = |p: &str| preview.files.iter().find(|f| f.path == p).unwrap().change;
    assert_eq!(
        change("templates/blog_body.ko.j2"),
        PackChangeKind::ReplacesBuiltin
    );
    assert_eq!(change("lessons/shop-tips.ko.md"), PackChangeKind::New);
    assert_eq!(preview.keywords[0].added, ["멘토추천 검색어"]);
    assert!(preview
        .weights
        .iter()
        .any(|w| w.check == "photo_count" && w.from == 1 && w.to == 10));

    // Unknown author: refused, named, nothing installed.
    let err = ops::packs::install(&b, &file, false).unwrap_err();
    assert_eq!(err.code(), "pack_untrusted");
    assert!(err.message_ko().contains("김멘토"), "{}", err.message_ko());
    assert!(err.message_en().contains(&exported.author.fingerprint));
    nothing_installed(&b);

    // Trusted once: installed, and the next install needs no trust.
    let installed = ops::packs::install(&b, &file, true).unwrap();
    assert_eq!(installed.id, exported.id);
    assert!(b
        .root()
        .join("packs")
        .join(&installed.id)
        .join("weights.toml")
        .is_file());
    assert!(ops::packs::preview(&b, &file).unwrap().trusted);

    let (after, post_id) = draft_text(&mut b, job.id);
    assert!(after.contains(MENTOR_LINE), "{after}");
    let coach_after = coach::coach_post(&b, post_id).unwrap();
    assert_eq!(coach_after.get("photo_count").unwrap().weight, 10);
    assert_eq!(coach_after.get("tags").unwrap().weight, 0);
    let (mut passed, mut total) = (0u32, 0u32);
    for c in &coach_after.checks {
        total += u32::from(c.weight);
        if c.status == coach::CheckStatus::Pass {
            passed += u32::from(c.weight);
        }
    }
    assert_eq!(
        coach_after.score,
        (f64::from(passed) * 100.0 / f64::from(total)).round() as u32
    );
    // No photos: photo_count fails, and it now weighs ten times as much.
    assert!(
        coach_after.score < coach_before.score,
        "{} !< {}",
        coach_after.score,
        coach_before.score
    );
    assert!(coach_after
        .keywords
        .contains(&"멘토추천 검색어".to_string()));
    let lessons_after = ops::lessons::list(&b, Lang::Ko).unwrap();
    assert_eq!(lessons_after.len(), lessons_before.len() + 1);
    let tip = ops::lessons::get(&b, "shop-tips", Lang::Ko).unwrap();
    assert_eq!(tip.title, "멘토의 가게 요령");
    assert!(format!("{:?}", tip.blocks).contains("data:image/svg+xml;base64,"));

    // The owner's own file wins over the pack's.
    write(b.root(), "weights.toml", "photo_count = 2\n");
    assert_eq!(
        coach::coach_post(&b, post_id)
            .unwrap()
            .get("photo_count")
            .unwrap()
            .weight,
        2
    );
    let hidden = ops::packs::preview(&b, &file).unwrap();
    assert!(hidden.installed);
    assert_eq!(
        hidden
            .files
            .iter()
            .find(|f| f.path == "weights.toml")
            .unwrap()
            .change,
        PackChangeKind::HiddenByOwner
    );
    std::fs::remove_file(b.root().join("weights.toml")).unwrap();

    // Removed: back to what is shipped, at once.
    ops::packs::remove(&b, &installed.id).unwrap();
    nothing_installed(&b);
    let (gone, post_id) = draft_text(&mut b, job.id);
    assert!(!gone.contains(MENTOR_LINE));
    let coach_gone = coach::coach_post(&b, post_id).unwrap();
    assert!(coach_gone.checks.iter().all(|c| c.weight == 1));
    assert!(!coach_gone.keywords.contains(&"멘토추천 검색어".to_string()));
    assert_eq!(ops::lessons::list(&b, Lang::Ko).unwrap(), lessons_before);
    assert_eq!(
        ops::packs::remove(&b, &installed.id).unwrap_err().code(),
        "no_such_pack"
    );
}

/// The entries of a zip, in order.
fn entries(file: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).unwrap();
            (e.name().unwrap().to_string(), bytes)
        })
        .collect()
}

fn zip_up(file: &Path, entries: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(file).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), stored).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A pack signed by `key` with exactly these files (listed as they are), as a maker other than the app
/// could write one.
fn signed_pack(dir: &Path, key: &SigningKey, author: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let listed: Vec<serde_json::Value> = files
        .iter()
        .map(|(p, b)| {
            serde_json::json!({"path": p, "size": b.len(), "blake3": blake3::hash(b).to_hex().to_string()})
        })
        .collect();
    let mut sorted: BTreeMap<&str, String> = BTreeMap::new();
    for (p, b) in files {
        sorted.insert(
            p,
            format!("{p}\t{}\t{}\n", b.len(), blake3::hash(b).to_hex()),
        );
    }
    let id = blake3::hash(sorted.values().cloned().collect::<String>().as_bytes())
        .to_hex()
        .to_string();
    let manifest = serde_json::to_vec(&serde_json::json!({
        "format": "gongbang-pack", "version": 1, "id": id, "name": "시험 묶음",
        "author": {"name": author, "key": hex(key.verifying_key().as_bytes())},
        "created_at": "2025-01-01T00:00:00+09:00", "files": listed,
    }))
    .unwrap();
    let mut all = vec![
        ("manifest.json".to_string(), manifest.clone()),
        (
            "signature".to_string(),
            hex(&key.sign(&manifest).to_bytes()).into_bytes(),
        ),
    ];
    all.extend(files.iter().map(|(p, b)| (p.to_string(), b.to_vec())));
    let file = dir.join(format!("{}.gbpack", &id[..8]));
    zip_up(&file, &all);
    file
}

#[test]
fn a_changed_pack_is_refused_and_nothing_is_installed() {
    let (_a_dir, a) = mentor_library();
    let out = tempfile::tempdir().unwrap();
    let file = PathBuf::from(
        ops::packs::export(&a, out.path(), "", Some("김멘토"))
            .unwrap()
            .path,
    );
    let (_b_dir, b) = common::temp_library();
    let original = entries(&file);
    type Change = fn(&mut Vec<u8>);
    let cases: [(&str, Change); 3] = [
        ("templates/blog_body.ko.j2", |b| b[0] ^= 1),
        ("manifest.json", |b| {
            let i = b.iter().position(|c| *c == b'"').unwrap();
            b.insert(i, b' ');
        }),
        ("weights.toml", |b| b.push(b'\n')),
    ];
    for (target, change) in cases {
        let mut changed = original.clone();
        change(&mut changed.iter_mut().find(|(n, _)| n == target).unwrap().1);
        let bad = out.path().join("changed.gbpack");
        zip_up(&bad, &changed);
        let err = ops::packs::install(&b, &bad, true).unwrap_err();
        assert_eq!(err.code(), "pack_tampered", "{target}: {err}");
        assert!(err.message_ko().contains("아무것도 설치하지 않았습니다"));
        assert!(ops::packs::preview(&b, &bad).is_err());
        nothing_installed(&b);
    }
    // A file nobody listed, slipped in.
    let mut extra = original.clone();
    extra.push(("templates/contact.ko.j2".into(), b"x".to_vec()));
    let bad = out.path().join("extra.gbpack");
    zip_up(&bad, &extra);
    assert_eq!(
        ops::packs::install(&b, &bad, true).unwrap_err().code(),
        "pack_tampered"
    );
    // Not a zip at all.
    std::fs::write(&bad, b"not a zip").unwrap();
    assert_eq!(
        ops::packs::install(&b, &bad, true).unwrap_err().code(),
        "pack_damaged"
    );
    nothing_installed(&b);
    // The untouched pack still installs.
    ops::packs::install(&b, &file, true).unwrap();
}

#[test]
fn unsafe_paths_unknown_checks_and_broken_templates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let (_b_dir, b) = common::temp_library();
    for (path, bytes, says) in [
        ("../x", &b"x"[..], "../x"),
        ("templates/../../x.j2", b"x", "templates/../../x.j2"),
        ("/etc/x", b"x", "/etc/x"),
        (
            "templates\\blog_body.ko.j2",
            b"x",
            "templates\\blog_body.ko.j2",
        ),
        ("templates/evil.exe", b"x", "templates/evil.exe"),
        ("weights.toml", b"no_such_check = 3\n", "no_such_check"),
        ("weights.toml", b"tags = 11\n", "tags"),
        ("templates/blog_body.ko.j2", b"{% if %}", "blog_body.ko.j2"),
        ("trade/materials.toml", b"[[entry]\nid=", "materials.toml"),
        ("lessons/x.ko.md", b"no front matter", "x.ko.md"),
        ("lessons/img/x.svg", b"<svg onload=\"alert(1)\"/>", "x.svg"),
    ] {
        let file = signed_pack(dir.path(), &key, "누군가", &[(path, bytes)]);
        let err = ops::packs::install(&b, &file, true).unwrap_err();
        assert_eq!(err.code(), "pack_refused", "{path}: {err}");
        assert!(
            err.message_en().contains(says),
            "{path}: {}",
            err.message_en()
        );
        nothing_installed(&b);
    }
    // A file larger than its limit, whatever the zip says.
    let big = vec![b'#'; 600 * 1024];
    let file = signed_pack(dir.path(), &key, "누군가", &[("keywords.toml", &big)]);
    assert_eq!(
        ops::packs::install(&b, &file, true).unwrap_err().code(),
        "pack_refused"
    );
    nothing_installed(&b);
}

#[test]
fn a_second_author_with_a_known_name_is_asked_about_again() {
    let dir = tempfile::tempdir().unwrap();
    let (_b_dir, b) = common::temp_library();
    let first = SigningKey::from_bytes(&[1u8; 32]);
    let second = SigningKey::from_bytes(&[2u8; 32]);
    let one = signed_pack(
        dir.path(),
        &first,
        "김멘토",
        &[("keywords.toml", b"[any]\nko = [\"a\"]\n")],
    );
    let two = signed_pack(
        dir.path(),
        &second,
        "김멘토",
        &[("keywords.toml", b"[any]\nko = [\"b\"]\n")],
    );
    ops::packs::install(&b, &one, true).unwrap();
    let preview = ops::packs::preview(&b, &two).unwrap();
    assert!(!preview.trusted && preview.known_name_other_key);
    let err = ops::packs::install(&b, &two, false).unwrap_err();
    match &err {
        CoreError::PackUntrusted {
            name,
            same_name_known,
            ..
        } => assert!(name == "김멘토" && *same_name_known),
        other => panic!("{other:?}"),
    }
    assert!(err.message_ko().contains("열쇠"), "{}", err.message_ko());
    assert_eq!(ops::packs::list(&b).unwrap().len(), 1);
    // Trusted too: both installed, the newest first, and its preview says it replaces the other's file.
    ops::packs::install(&b, &two, true).unwrap();
    let list = ops::packs::list(&b).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].author.key, hex(second.verifying_key().as_bytes()));
    let again = ops::packs::preview(&b, &one).unwrap();
    assert_eq!(again.files[0].change, PackChangeKind::ReplacesPack);
}
