//! `gongbang pack export|import|list|remove` on real libraries: a pack made in one library installs in
//! another with --trust (and the second import needs none), exit 2 naming the author without it, exit 1
//! for a changed pack, and removal.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::common::*;

fn mentor_files(lib: &Path) {
    std::fs::create_dir_all(lib.join("templates")).unwrap();
    let shipped = include_str!("../../../../assets/templates/contact.ko.j2");
    std::fs::write(
        lib.join("templates").join("contact.ko.j2"),
        format!("{{# 멘토가 고침 #}}\n{shipped}"),
    )
    .unwrap();
    std::fs::write(lib.join("weights.toml"), "contact_block = 5\n").unwrap();
}

fn export(lib: &Path, out: &Path) -> PathBuf {
    let o = gongbang(
        lib,
        &[
            "pack",
            "export",
            "--out",
            out.to_str().unwrap(),
            "--author",
            "김멘토",
            "--name",
            "문래 묶음",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let last = text.lines().last().unwrap();
    assert!(last.ends_with(".gbpack"), "{text}");
    PathBuf::from(last)
}

#[test]
fn a_pack_exports_and_imports_with_trust_and_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, out) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("out"),
    );
    std::fs::create_dir_all(&a).unwrap();
    mentor_files(&a);
    let file = export(&a, &out);

    // Not trusted: exit 2, the name and the fingerprint on stderr, nothing installed.
    let o = gongbang(&b, &["pack", "import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("김멘토") && err.contains("fingerprint"),
        "{err}"
    );
    let list = gongbang(&b, &["pack", "list"]);
    assert!(stdout(&list).trim().is_empty(), "{}", stdout(&list));

    let o = gongbang(&b, &["pack", "import", file.to_str().unwrap(), "--trust"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("templates/contact.ko.j2"), "{text}");
    assert!(text.contains("contact_block: 1 → 5"), "{text}");
    let list = stdout(&gongbang(&b, &["pack", "list"]));
    let id = list.split('\t').next().unwrap().to_string();
    assert_eq!(id.len(), 64, "{list}");
    assert!(
        list.contains("문래 묶음") && list.contains("김멘토"),
        "{list}"
    );

    // The same author's next pack needs no --trust.
    std::fs::write(a.join("keywords.toml"), "[any]\nko = [\"멘토 검색어\"]\n").unwrap();
    let second = export(&a, &out);
    let o = gongbang(&b, &["pack", "import", second.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("멘토 검색어"), "{}", stdout(&o));

    let o = gongbang(&b, &["pack", "remove", &id]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!b.join("packs").join(&id).exists());
    assert_eq!(stdout(&gongbang(&b, &["pack", "list"])).lines().count(), 1);
    let o = gongbang(&b, &["pack", "remove", &id]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_changed_pack_is_refused_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, out) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("out"),
    );
    std::fs::create_dir_all(&a).unwrap();
    mentor_files(&a);
    let file = export(&a, &out);
    // One byte of weights.toml changed, the zip written again.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut entries = Vec::new();
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        let name = e.name().unwrap().to_string();
        if name == "weights.toml" {
            let n = bytes.len();
            bytes[n - 2] = b'9';
        }
        entries.push((name, bytes));
    }
    let changed = dir.path().join("changed.gbpack");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&changed).unwrap());
    for (name, bytes) in &entries {
        w.start_file(
            name.as_str(),
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    let o = gongbang(
        &b,
        &["pack", "import", changed.to_str().unwrap(), "--trust"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("changed after it was made"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&gongbang(&b, &["pack", "list"])).trim().is_empty());
    assert!(!b.join("packs").exists() || std::fs::read_dir(b.join("packs")).unwrap().count() == 0);
}
