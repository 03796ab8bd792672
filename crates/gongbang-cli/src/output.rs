//! Why: the CLI's lines are a contract for scripts (one line per file, a summary, the folder last) and
//! must read plainly for the owner, in Korean and English.

use gongbang_core::import::{ImportItem, ImportOutcome, ImportSummary};
use gongbang_core::CoreError;

/// One line per imported file.
pub fn import_line(item: &ImportItem) {
    match item.outcome {
        ImportOutcome::Imported => println!("imported: {}", item.path),
        ImportOutcome::Duplicate => println!(
            "duplicate: {} (이미 있는 사진 / already in the library)",
            item.path
        ),
        ImportOutcome::Rejected => println!(
            "rejected: {}: {} / {}",
            item.path,
            item.reason_ko.as_deref().unwrap_or(""),
            item.reason_en.as_deref().unwrap_or("")
        ),
    }
}

/// The summary line after an import.
pub fn import_summary(s: &ImportSummary) {
    println!(
        "가져옴 {} · 중복 {} · 거부 {} (imported {}, duplicates {}, rejected {})",
        s.imported, s.duplicates, s.rejected, s.imported, s.duplicates, s.rejected
    );
}

/// An error, both languages, on stderr.
pub fn error(e: &CoreError) {
    eprintln!("오류: {}", e.message_ko());
    eprintln!("error: {}", e.message_en());
}
