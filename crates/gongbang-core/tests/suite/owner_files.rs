//! The folders and files owners' PCs really have, on Linux and on Windows (where these tests also run, under
//! Wine): Korean names everywhere, paths longer than Windows' old 260-character limit, read-only originals,
//! and originals another program holds open. The import reads them and the export writes beside them.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};

use common::*;
use gongbang_core::export::export_post;
use gongbang_core::import::import_paths;
use gongbang_core::repo::{jobs, photos};
use gongbang_core::{draft, Library, Platform};

/// `base` extended by Korean folder names until the path is longer than `min_len` characters.
fn deep_folder(base: &Path, min_len: usize) -> PathBuf {
    let mut dir = base.to_path_buf();
    let mut n = 1;
    while dir.to_string_lossy().chars().count() <= min_len {
        dir.push(format!("{n:02}_거래처별 작업사진 보관함_2026년 정밀가공"));
        n += 1;
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies the first `n` photos of a test folder into `dir` under Korean names.
fn korean_copies(folder: &str, dir: &Path, n: usize) -> Vec<PathBuf> {
    photos_in(folder)
        .into_iter()
        .take(n)
        .enumerate()
        .map(|(i, src)| {
            let ext = src.extension().unwrap().to_string_lossy().into_owned();
            let dst = dir.join(format!("샤프트 가공 {:02}번 사진.{ext}", i + 1));
            std::fs::copy(&src, &dst).unwrap();
            dst
        })
        .collect()
}

#[test]
fn korean_names_and_paths_over_260_characters_import_and_export() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path().join("공방 자료")).unwrap();
    let originals = deep_folder(&tmp.path().join("사진"), 300);
    let files = korean_copies("orientation", &originals, 3);
    assert!(files[0].to_string_lossy().chars().count() > 260);

    let job = own_job(&lib, &shaft_job());
    let s = import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!((s.imported, s.rejected), (3, 0), "{:#?}", s.items);
    assert!(s.items[0].file_name.starts_with("샤프트 가공 01번"));

    let post = draft::make_draft(&mut lib, job.id, Platform::Naver).unwrap();
    let out = deep_folder(&tmp.path().join("내보내기"), 280);
    let result = export_post(&mut lib, post.id, &out, &[]).unwrap();
    let folder = PathBuf::from(&result.folder);
    assert_eq!(folder.parent().unwrap(), out);
    for rel in [
        "photos/01.jpg",
        "photos/03.jpg",
        "본문.txt",
        "제목.txt",
        "태그.txt",
    ] {
        let path = folder.join(rel);
        assert!(
            std::fs::metadata(&path).unwrap().len() > 0,
            "{}",
            path.display()
        );
    }
    // Only the finished export is there: no temporary or empty folder.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
}

#[test]
fn a_read_only_original_is_imported_exported_and_left_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path().join("lib")).unwrap();
    let dir = tmp.path().join("읽기 전용");
    std::fs::create_dir(&dir).unwrap();
    let files = korean_copies("orientation", &dir, 2);
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    for f in &files {
        let mut perms = std::fs::metadata(f).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(f, perms).unwrap();
    }

    let job = own_job(&lib, &shaft_job());
    let s = import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!((s.imported, s.rejected), (2, 0), "{:#?}", s.items);
    let post = draft::make_draft(&mut lib, job.id, Platform::Naver).unwrap();
    export_post(&mut lib, post.id, &tmp.path().join("out"), &[]).unwrap();
    // A photo taken out of the job and the job's photos listed again: nothing touches the original.
    let first = photos::for_job(lib.conn(), job.id).unwrap()[0].id;
    jobs::remove_photo(lib.conn(), job.id, first).unwrap();

    for (f, bytes) in files.iter().zip(&before) {
        assert_eq!(&std::fs::read(f).unwrap(), bytes, "{} changed", f.display());
        let perms = std::fs::metadata(f).unwrap().permissions();
        assert!(perms.readonly(), "{} is no longer read-only", f.display());
        // Let the temporary folder go (Windows will not delete a read-only file).
        #[allow(clippy::permissions_set_readonly_false)]
        {
            let mut perms = perms;
            perms.set_readonly(false);
            std::fs::set_permissions(f, perms).unwrap();
        }
    }
}

/// A photo viewer has the original open (Windows lets others read it): the import reads it as usual.
#[test]
fn an_original_a_viewer_has_open_is_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path().join("lib")).unwrap();
    let files = korean_copies("orientation", tmp.path(), 1);
    let _viewer = std::fs::File::open(&files[0]).unwrap();
    let job = own_job(&lib, &shaft_job());
    let s = import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!(s.imported, 1, "{:#?}", s.items);
}

/// A program holding the original open for itself alone (Windows' share mode 0): that file is refused with
/// a message saying to close the program, and the other photos still come in.
#[cfg(windows)]
#[test]
fn an_original_another_program_locks_is_refused_in_plain_words_and_the_rest_come_in() {
    use gongbang_core::import::ImportOutcome;
    use std::os::windows::fs::OpenOptionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path().join("lib")).unwrap();
    let files = korean_copies("orientation", tmp.path(), 2);
    let _locker = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(&files[0])
        .unwrap();
    let job = own_job(&lib, &shaft_job());
    let s = import_paths(&mut lib, Some(job.id), &files, |_, _, _| {}).unwrap();
    assert_eq!((s.imported, s.rejected), (1, 1), "{:#?}", s.items);
    let refused = s
        .items
        .iter()
        .find(|i| matches!(i.outcome, ImportOutcome::Rejected))
        .unwrap();
    let ko = refused.reason_ko.as_deref().unwrap();
    let en = refused.reason_en.as_deref().unwrap();
    assert!(ko.contains("다른 프로그램"), "{ko}");
    assert!(en.contains("Another program"), "{en}");
}

/// On Windows the library lives in the user's local AppData (not the roaming profile), as the installer
/// and its uninstaller expect.
#[cfg(windows)]
#[test]
fn the_default_library_is_in_local_app_data() {
    if std::env::var_os(gongbang_core::library::LIBRARY_ENV).is_some() {
        return; // set by the caller: the default is not in use
    }
    let root = Library::default_root().unwrap();
    let local =
        PathBuf::from(std::env::var_os("LOCALAPPDATA").expect("LOCALAPPDATA is set on Windows"));
    assert_eq!(root, local.join("kr.gongbang.post"));
}
