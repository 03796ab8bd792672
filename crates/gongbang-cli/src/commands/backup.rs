//! Why: `gongbang backup create|restore` — the same backup file and checks as 설정 → 백업 in the window.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use gongbang_core::ops::backup as ops;
use gongbang_core::{CoreError, Library, Result};

/// Progress on stderr (stdout ends with the file alone, for scripts).
fn progress(done: usize, total: usize) {
    let mut err = std::io::stderr();
    let _ = write!(err, "\r{done}/{total}");
    if done == total {
        let _ = writeln!(err);
    }
}

/// Writes a backup into `out` and prints its path last, on its own line.
pub fn create(lib: &Library, out: &Path) -> Result<ExitCode> {
    let file = ops::create_backup(lib.root(), out, &mut progress)?;
    ops::record_backup(lib, &file)?;
    println!("{}", file.display());
    Ok(ExitCode::SUCCESS)
}

/// Restores `file` into the new library folder `target` (from --library).
pub fn restore(file: &Path, target: Option<&Path>) -> Result<ExitCode> {
    let Some(target) = target else {
        return Err(CoreError::invalid(
            "복원할 새 폴더를 --library 로 알려 주세요 (비어 있거나 없는 폴더).",
            "Name the new library folder with --library (missing or empty).",
        ));
    };
    let r = ops::restore_backup(file, target, &mut progress)?;
    println!("복원 완료 / restored: {}", r.library_dir.display());
    println!(
        "백업 시각 / made at: {} (app {})",
        r.created_at, r.app_version
    );
    println!("파일 / files: {}", r.files);
    println!("사진 / photos: {}", r.photos);
    println!("작업 / jobs: {}", r.jobs);
    println!(
        "이 자료를 쓰려면 --library {} 를 붙이거나, 앱의 설정 → 백업에서 이 폴더로 바꾸세요. / To use it, pass --library {} or switch to it in the app (Settings → Backup).",
        r.library_dir.display(),
        r.library_dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
