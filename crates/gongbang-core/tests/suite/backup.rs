//! Backup and restore (issue 14 item 4) on a real library: real photos imported, every kind of row written the
//! way the owner writes it, a real zip on disk; the restored library compared table by table and byte by byte.

use gongbang_testkit as common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use common::*;
use gongbang_core::backup;
use gongbang_core::export::export_post;
use gongbang_core::import::import_paths;
use gongbang_core::ops::{self, backup as ob, OwnerKind, Policy, RedactBox};
use gongbang_core::{Library, Platform};

fn photo(rel: &str) -> PathBuf {
    photos_dir().join(rel)
}

/// A library with every kind of row: customers (ask, own), jobs, photos with quality, redactions, an
/// approval, guard log entries, watch words, a post exported (post events) and published, the shop profile
/// with its logo, settings; and a mentor's template and trade override folders.
fn full_library() -> (tempfile::TempDir, Library) {
    let (dir, mut lib) = temp_library();
    let client = new_client(&lib, "대한정밀", Policy::Ask, &["대한"]);
    let own = own_job(&lib, &shaft_job());
    import_paths(
        &mut lib,
        Some(own.id),
        &[
            photo("cameras/Canon_40D.jpg"),
            photo("orientation/Landscape_6.jpg"),
            photo("gps/DSCN0010.jpg"),
        ],
        |_, _, _| {},
    )
    .unwrap();
    let asked = titled_job(
        &lib,
        "브래킷 가공",
        Some(OwnerKind::Client),
        Some(client.id),
    );
    import_paths(
        &mut lib,
        Some(asked.id),
        &[
            photo("cameras/Nikon_D70.jpg"),
            photo("orientation/Portrait_8.jpg"),
        ],
        |_, _, _| {},
    )
    .unwrap();
    approve(&lib, asked.id);
    let photos = ops::photos::for_job(&lib, own.id).unwrap();
    ops::photos::set_redactions(
        &mut lib,
        photos[0].id,
        &[RedactBox {
            x: 0.1,
            y: 0.2,
            w: 0.3,
            h: 0.1,
        }],
    )
    .unwrap();
    ops::guard::add_watch_word(&lib, "비밀도면").unwrap();
    let mut profile = ops::shop::profile(&lib).unwrap();
    profile.name = "문래 정밀".into();
    profile.phone = "02-123-4567".into();
    ops::shop::save_profile(&lib, &profile).unwrap();
    let logo = dir.path().join("logo.png");
    image::RgbaImage::from_pixel(64, 32, image::Rgba([200, 30, 30, 255]))
        .save(&logo)
        .unwrap();
    ops::shop::import_logo(&lib, &logo).unwrap();
    ops::settings::set_export_dir(&lib, "/tmp/내보내기").unwrap();
    let now = chrono::Local::now().fixed_offset();
    ops::calendar::set_goal(&lib, 2, now).unwrap();
    let post = ops::posts::make_draft(&mut lib, own.id, Platform::Naver).unwrap();
    let out = dir.path().join("out");
    export_post(&mut lib, post.id, &out, &[]).unwrap();
    ops::calendar::mark_published(&mut lib, post.id, "https://blog.naver.com/shop/1").unwrap();
    let _draft_only = ops::posts::make_draft(&mut lib, asked.id, Platform::Youtube).unwrap();
    // A mentor's overrides: files of the owner's the app reads from the library folder.
    let root = lib.root().to_path_buf();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/blog_body.ko.j2"),
        "{{ title }} — 멘토 틀\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("trade/재료")).unwrap();
    std::fs::write(root.join("trade/재료/materials.toml"), "# 멘토 노트\n").unwrap();
    (dir, lib)
}

/// Every table's rows (as text, sorted), from sqlite_master: only SQLite's own tables and FTS shadow tables
/// (derived from their index) are left out.
fn all_rows(db: &Path) -> BTreeMap<String, Vec<String>> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let tables: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let fts: Vec<String> = tables
        .iter()
        .filter(|(_, sql)| sql.to_ascii_lowercase().contains("using fts"))
        .map(|(n, _)| n.clone())
        .collect();
    let mut out = BTreeMap::new();
    for (name, _) in &tables {
        let shadow = fts.iter().any(|f| name.starts_with(&format!("{f}_")));
        if name.starts_with("sqlite_") || shadow {
            continue;
        }
        let mut st = conn.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let vals: Vec<rusqlite::types::Value> =
                    (0..n).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                Ok(format!("{vals:?}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.insert(name.clone(), rows);
    }
    out
}

fn files_under(root: &Path, sub: &str) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.join(sub)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

fn make_backup(lib: &Library, out: &Path) -> PathBuf {
    let mut seen = Vec::new();
    let file = ob::create_backup(lib.root(), out, &mut |d, t| seen.push((d, t))).unwrap();
    assert_eq!(seen.first().map(|s| s.0), Some(0));
    let (done, total) = *seen.last().unwrap();
    assert_eq!(done, total, "progress ends at total");
    file
}

#[test]
fn a_round_trip_restores_every_row_and_every_original() {
    let (dir, lib) = full_library();
    let before = all_rows(&lib.root().join("library.sqlite3"));
    for table in [
        "jobs",
        "clients",
        "approvals",
        "guard_log",
        "posts",
        "post_events",
        "photos",
        "photo_quality",
        "redactions",
        "shop_profile",
        "settings",
        "watch_words",
    ] {
        assert!(
            before.get(table).is_some_and(|r| !r.is_empty()),
            "the test library must have rows in {table}: {:?}",
            before.keys().collect::<Vec<_>>()
        );
    }
    let file = make_backup(&lib, &dir.path().join("backups"));
    assert!(file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("gongbang-backup-"));
    assert!(file.extension().is_some_and(|e| e == "zip"));

    // The manifest: versions, every file with its size and hash; stored entries; no thumbnails.
    let manifest = ob::read_manifest(&file).unwrap();
    assert_eq!(manifest.schema_version, gongbang_core::db::SCHEMA_VERSION);
    assert_eq!(manifest.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest.files[0].path, "library.sqlite3");
    assert!(manifest
        .files
        .iter()
        .all(|f| !f.path.starts_with("thumbs/")));
    assert!(manifest
        .files
        .iter()
        .any(|f| f.path == "templates/blog_body.ko.j2"));
    assert!(manifest
        .files
        .iter()
        .any(|f| f.path == "trade/재료/materials.toml"));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    for i in 0..zip.len() {
        let e = zip.by_index(i).unwrap();
        assert_eq!(
            e.compression(),
            zip::CompressionMethod::Stored,
            "{:?}",
            e.name()
        );
    }
    drop(zip);
    let originals = files_under(lib.root(), "originals");
    assert_eq!(originals.len(), 5);
    for (path, bytes) in &originals {
        let m = manifest.files.iter().find(|f| &f.path == path).unwrap();
        assert_eq!(m.size, bytes.len() as u64);
        assert_eq!(m.blake3, blake3::hash(bytes).to_hex().to_string());
    }

    // Restore into a new folder.
    let target = dir.path().join("복원된 자료");
    let r = ob::restore_backup(&file, &target, &mut |_, _| {}).unwrap();
    assert_eq!(r.library_dir, target);
    assert_eq!(r.photos, 5);
    assert_eq!(r.jobs, 2);
    let after = all_rows(&target.join("library.sqlite3"));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &before {
        assert_eq!(rows, &after[table], "table {table} differs after restore");
    }
    assert_eq!(
        originals,
        files_under(&target, "originals"),
        "originals byte-identical"
    );
    assert_eq!(
        files_under(lib.root(), "templates"),
        files_under(&target, "templates")
    );
    assert_eq!(
        files_under(lib.root(), "trade"),
        files_under(&target, "trade")
    );
    // The thumbnails (a cache, not in the backup) are made again, one per photo.
    assert_eq!(files_under(&target, "thumbs").len(), 5);
    // Originals stay read-only in the restored store.
    let one = target.join(originals.keys().next().unwrap());
    assert!(std::fs::metadata(one).unwrap().permissions().readonly());
    // Nothing left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".gongbang-restore-")
        })
        .collect();
    assert!(leftovers.is_empty());
    // The restored library opens and reads like the original.
    let restored = Library::open(&target).unwrap();
    assert_eq!(ops::shop::profile(&restored).unwrap().name, "문래 정밀");
    assert!(ops::shop::profile(&restored)
        .unwrap()
        .logo_data_url
        .is_some());
}

/// Copies the zip entry by entry, letting `edit` change an entry's bytes (name, bytes) → new bytes.
fn rewrite_zip(src: &Path, dst: &Path, edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        zout.start_file(name.clone(), opts).unwrap();
        zout.write_all(&edit(&name, bytes)).unwrap();
    }
    zout.finish().unwrap();
}

fn assert_refused_leaving_nothing(
    file: &Path,
    parent: &Path,
    code: &str,
) -> gongbang_core::CoreError {
    let target = parent.join("new-lib");
    let e = ob::restore_backup(file, &target, &mut |_, _| {}).unwrap_err();
    assert_eq!(e.code(), code, "{}", e.message_en());
    assert!(!target.exists(), "a refused restore leaves no folder");
    let left: Vec<_> = std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".gongbang-restore-"))
        .collect();
    assert!(left.is_empty(), "no staging folder left: {left:?}");
    e
}

#[test]
fn a_damaged_or_newer_backup_is_refused_and_leaves_nothing() {
    let (dir, lib) = full_library();
    let file = make_backup(&lib, &dir.path().join("backups"));
    let bytes = std::fs::read(&file).unwrap();

    // A byte flipped inside an original (found by its offset in the zip; the manifest's hash is not touched).
    let flipped = dir.path().join("flipped.zip");
    {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
        let name = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
            .find(|n| n.starts_with("originals/"))
            .unwrap();
        let e = zip.by_name(&name).unwrap();
        let at = usize::try_from(e.data_start().unwrap() + e.size() / 2).unwrap();
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x40;
        std::fs::write(&flipped, damaged).unwrap();
    }
    let e = assert_refused_leaving_nothing(&flipped, dir.path(), "backup_damaged");
    assert!(e.message_ko().contains("손상"));
    assert!(e.message_ko().contains("originals/"), "{}", e.message_ko());

    // A hash that does not match (the manifest edited, the zip itself consistent).
    let mismatch = dir.path().join("mismatch.zip");
    rewrite_zip(&file, &mismatch, |name, b| {
        if name == backup::MANIFEST {
            let mut m: backup::Manifest = serde_json::from_slice(&b).unwrap();
            let f = m
                .files
                .iter_mut()
                .find(|f| f.path.starts_with("originals/"))
                .unwrap();
            f.blake3 = "0".repeat(64);
            serde_json::to_vec(&m).unwrap()
        } else {
            b
        }
    });
    assert_refused_leaving_nothing(&mismatch, dir.path(), "backup_damaged");

    // A truncated file (a copy cut short).
    let truncated = dir.path().join("truncated.zip");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let e = assert_refused_leaving_nothing(&truncated, dir.path(), "backup_damaged");
    assert!(e.message_en().contains("damaged"));

    // Not a zip at all.
    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"this is not a backup").unwrap();
    assert_refused_leaving_nothing(&junk, dir.path(), "backup_damaged");

    // A backup from a newer app (schema version above this build's).
    let newer = dir.path().join("newer.zip");
    rewrite_zip(&file, &newer, |name, b| {
        if name == backup::MANIFEST {
            let mut m: backup::Manifest = serde_json::from_slice(&b).unwrap();
            m.schema_version = gongbang_core::db::SCHEMA_VERSION + 1;
            m.app_version = "99.0.0".into();
            serde_json::to_vec(&m).unwrap()
        } else {
            b
        }
    });
    let e = assert_refused_leaving_nothing(&newer, dir.path(), "backup_newer");
    assert!(
        e.message_ko().contains("더 새로운 공방포스트"),
        "{}",
        e.message_ko()
    );
    assert!(e.message_ko().contains("업데이트"));
    assert!(e.message_en().contains("newer Gongbang Post"));
}

#[test]
fn a_restore_goes_only_into_a_new_empty_folder() {
    let (dir, lib) = full_library();
    let file = make_backup(&lib, &dir.path().join("backups"));
    // Over the current library: refused, nothing changed.
    let before = all_rows(&lib.root().join("library.sqlite3"));
    let e = ob::restore_backup(&file, lib.root(), &mut |_, _| {}).unwrap_err();
    assert_eq!(e.code(), "restore_not_empty");
    assert_eq!(before, all_rows(&lib.root().join("library.sqlite3")));
    // A folder with someone's file in it: refused, the file untouched.
    let busy = dir.path().join("busy");
    std::fs::create_dir_all(&busy).unwrap();
    std::fs::write(busy.join("메모.txt"), "keep me").unwrap();
    let e = ob::restore_backup(&file, &busy, &mut |_, _| {}).unwrap_err();
    assert_eq!(e.code(), "restore_not_empty");
    assert!(e.message_ko().contains("비어 있는 새 폴더"));
    assert_eq!(
        std::fs::read_to_string(busy.join("메모.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(std::fs::read_dir(&busy).unwrap().count(), 1);
    // An empty folder is fine.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let r = ob::restore_backup(&file, &empty, &mut |_, _| {}).unwrap();
    assert_eq!(r.photos, 5);
}

#[test]
fn a_backup_is_consistent_while_the_app_writes() {
    // The window's connection stays open (WAL) with a write not yet checkpointed: the snapshot has it.
    let (dir, lib) = full_library();
    titled_job(&lib, "방금 만든 작업", Some(OwnerKind::Own), None);
    let file = make_backup(&lib, &dir.path().join("backups"));
    let target = dir.path().join("r");
    let r = ob::restore_backup(&file, &target, &mut |_, _| {}).unwrap();
    assert_eq!(r.jobs, 3);
    assert_eq!(
        all_rows(&lib.root().join("library.sqlite3")),
        all_rows(&target.join("library.sqlite3"))
    );
}

#[test]
fn automatic_backups_rotate_only_our_files_and_survive_a_missing_folder() {
    let (dir, mut lib) = temp_library();
    import_paths(
        &mut lib,
        None,
        &[photo("cameras/Canon_40D.jpg")],
        |_, _, _| {},
    )
    .unwrap();
    let defaults = ob::backup_settings(&lib).unwrap();
    assert_eq!((defaults.every_days, defaults.keep), (7, 5));
    assert_eq!(defaults.folder, None);

    let folder = dir.path().join("usb");
    std::fs::create_dir_all(&folder).unwrap();
    let others = [
        "holiday.zip",
        "gongbang-backup-notes.txt",
        "gongbang-backup-20200101-000000.zip.partial.bak",
    ];
    for o in others {
        std::fs::write(folder.join(o), "not ours").unwrap();
    }
    for old in ["20200101-000000", "20200102-000000", "20200103-000000"] {
        std::fs::write(folder.join(format!("gongbang-backup-{old}.zip")), "old").unwrap();
    }
    ob::set_backup_folder(&lib, &folder).unwrap();
    let s = ob::set_auto_backup(&lib, 1, 2).unwrap();
    assert_eq!((s.every_days, s.keep), (1, 2));
    assert!(ob::set_auto_backup(&lib, 1, 0).is_err());

    let lib = Mutex::new(lib);
    let made = ob::auto_backup_if_due(&lib, &mut |_, _| {})
        .unwrap()
        .unwrap();
    let ours = backup::our_backups(&folder);
    assert_eq!(ours.len(), 2, "{ours:?}");
    assert_eq!(ours[1], made);
    assert!(ours[0].ends_with("gongbang-backup-20200103-000000.zip"));
    for o in others {
        assert!(folder.join(o).exists(), "{o} is not ours and stays");
    }
    // Just made: not due again.
    assert_eq!(ob::auto_backup_if_due(&lib, &mut |_, _| {}).unwrap(), None);
    let s = ob::backup_settings(&lib.lock().unwrap()).unwrap();
    assert_eq!(
        s.last_backup_file.as_deref(),
        Some(made.to_string_lossy().as_ref())
    );
    assert!(s.last_backup_at.is_some());

    // The USB drive unplugged: no backup, no error raised; the settings say so.
    {
        let guard = lib.lock().unwrap();
        ob::set_backup_folder(&guard, &dir.path().join("unplugged")).unwrap();
        ops::settings::set_all(&guard, &[(ob::LAST_AT, "2020-01-01T00:00:00+09:00")]).unwrap();
    }
    assert_eq!(ob::auto_backup_if_due(&lib, &mut |_, _| {}).unwrap(), None);
    let s = ob::backup_settings(&lib.lock().unwrap()).unwrap();
    assert!(s.folder_missing);
    assert!(s.last_error.unwrap().contains("USB"));
}

#[test]
fn a_backup_from_an_older_app_is_restored_and_brought_up_to_date() {
    // Last year's backup, made before products and search existed: one job with one photo.
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("old-library");
    std::fs::create_dir_all(&made).unwrap();
    let original = std::fs::read(photo("cameras/Canon_40D.jpg")).unwrap();
    let hash = blake3::hash(&original).to_hex().to_string();
    {
        let conn = crate::old_schema::database_at(&made.join(backup::DATABASE), 7);
        conn.execute(
            "INSERT INTO jobs (id, title, material, process, created_at, updated_at, owner_kind)
             VALUES (1, 'SUS304 플랜지 선반 가공', 'SUS304', 'CNC 선반', '2025-03-02T09:00:00+09:00',
                     '2025-03-02T09:00:00+09:00', 'own')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO photos (id, hash, format, original_name, original_path, imported_at, width, height,
                                 byte_size)
             VALUES (1, ?1, 'jpeg', 'Canon_40D.jpg', 'C:\\사진\\Canon_40D.jpg', '2025-03-02T09:01:00+09:00',
                     100, 68, ?2)",
            rusqlite::params![hash, original.len() as i64],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO job_photos (job_id, photo_id, position, role, caption)
             VALUES (1, 1, 0, 'finished', '완성된 플랜지')",
            [],
        )
        .unwrap();
    }
    let rel_original = format!("originals/{}/{hash}.jpg", &hash[..2]);
    let files: Vec<(String, Vec<u8>)> = vec![
        (
            backup::DATABASE.to_string(),
            std::fs::read(made.join(backup::DATABASE)).unwrap(),
        ),
        (rel_original.clone(), original.clone()),
    ];
    let manifest = backup::Manifest {
        format: backup::FORMAT.into(),
        app_version: "0.7.0".into(),
        schema_version: 7,
        created_at: "2025-03-02T18:00:00+09:00".into(),
        files: files
            .iter()
            .map(|(p, b)| backup::ManifestFile {
                path: p.clone(),
                size: b.len() as u64,
                blake3: blake3::hash(b).to_hex().to_string(),
            })
            .collect(),
    };
    let file = dir.path().join("gongbang-backup-20250302-180000.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&file).unwrap());
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file(backup::MANIFEST, opts).unwrap();
    z.write_all(&serde_json::to_vec(&manifest).unwrap())
        .unwrap();
    for (p, b) in &files {
        z.start_file(p.as_str(), opts).unwrap();
        z.write_all(b).unwrap();
    }
    z.finish().unwrap();

    // Restored into a new folder by this build: migrated to its schema, the thumbnail rebuilt.
    let target = dir.path().join("restored");
    let r = ob::restore_backup(&file, &target, &mut |_, _| {}).unwrap();
    assert_eq!((r.schema_from, r.photos, r.jobs), (7, 1, 1));
    let lib = Library::open(&target).unwrap();
    let conn = rusqlite::Connection::open(target.join(backup::DATABASE)).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, gongbang_core::db::SCHEMA_VERSION as i64);
    assert_eq!(std::fs::read(target.join(&rel_original)).unwrap(), original);
    assert!(
        lib.thumbnail_path(&hash).is_file(),
        "the thumbnail is made again"
    );

    // The old job is in the new library: found by the middle of a word, with its photo and caption.
    let hits = ops::library::search(&lib, "플랜", 20).unwrap();
    assert!(
        hits.iter().any(|h| h.title == "SUS304 플랜지 선반 가공"),
        "{hits:?}"
    );
    let caption_hits = ops::library::search(&lib, "완성된", 20).unwrap();
    assert!(!caption_hits.is_empty(), "captions are indexed too");
    let photos = ops::photos::for_job(&lib, 1).unwrap();
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0].hash, hash);
    // And it takes the library's new rows: a product for it.
    let product = ops::products::save(
        &lib,
        &ops::ProductInput {
            id: None,
            name: "SUS304 플랜지".into(),
            kind: "부품군".into(),
            material: "SUS304".into(),
            process: "CNC 선반".into(),
            description: String::new(),
            cover_photo_id: None,
        },
    )
    .unwrap();
    ops::products::set_job_product(&lib, 1, Some(product.id)).unwrap();
}
