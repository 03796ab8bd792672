//! Why: `gongbang pack export|import|list|remove` — the same template packs, checks and trust as 설정 →
//! 템플릿 묶음 in the window, for a mentor's scripts and for tests.

use std::process::ExitCode;

use gongbang_core::ops::{self, PackChangeKind, PackPreview};
use gongbang_core::{Library, Result};

use crate::cli::PackCommand;

/// Runs one `pack` subcommand.
pub fn run(lib: &Library, command: PackCommand) -> Result<ExitCode> {
    match command {
        PackCommand::Export { out, name, author } => {
            let p = ops::packs::export(
                lib,
                &out,
                name.as_deref().unwrap_or_default(),
                author.as_deref(),
            )?;
            println!("묶음 / pack: {} ({})", p.name, p.id);
            println!(
                "만든 사람 / author: {} (지문 / fingerprint {})",
                p.author.name, p.author.fingerprint
            );
            println!("파일 / files: {}", p.file_count);
            println!("{}", p.path);
        }
        PackCommand::Import { file, trust } => {
            let preview = ops::packs::preview(lib, &file)?;
            print_preview(&preview);
            let installed = ops::packs::install(lib, &file, trust)?;
            println!("설치함 / installed: {} ({})", installed.name, installed.id);
        }
        PackCommand::List => {
            for p in ops::packs::list(lib)? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    p.id, p.name, p.author.name, p.author.fingerprint, p.file_count
                );
            }
        }
        PackCommand::Remove { id } => {
            ops::packs::remove(lib, id.trim())?;
            println!("지움 / removed: {}", id.trim());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What the pack changes, one line per file, keyword group and weight.
fn print_preview(p: &PackPreview) {
    println!("묶음 / pack: {} ({})", p.name, p.id);
    println!(
        "만든 사람 / author: {} (지문 / fingerprint {}){}",
        p.author.name,
        p.author.fingerprint,
        if p.trusted {
            " — 믿는 사람 / trusted"
        } else {
            " — 처음 보는 사람 / new author"
        }
    );
    if p.known_name_other_key {
        println!("주의: 같은 이름의 아는 사람과 열쇠가 다릅니다 / Note: an author you trust has this name with another key");
    }
    for f in &p.files {
        let what = match f.change {
            PackChangeKind::New => "새 파일 / new".to_string(),
            PackChangeKind::ReplacesBuiltin => "기본 파일 대신 / replaces the built-in".to_string(),
            PackChangeKind::ReplacesPack => format!(
                "다른 묶음 '{}' 대신 / replaces pack '{}'",
                f.other_pack.as_deref().unwrap_or_default(),
                f.other_pack.as_deref().unwrap_or_default()
            ),
            PackChangeKind::HiddenByOwner => {
                "내 파일이 우선, 쓰이지 않음 / hidden by your own file".to_string()
            }
        };
        println!("  {}: {what}", f.path);
    }
    for k in &p.keywords {
        println!(
            "  검색어 / keywords [{}] {}: + {}",
            k.group,
            k.lang,
            k.added.join(", ")
        );
    }
    for w in &p.weights {
        println!(
            "  가중치 / weight {}: {} → {}{}",
            w.check,
            w.from,
            w.to,
            if w.hidden_by_owner {
                " (내 weights.toml이 우선 / yours wins)"
            } else {
                ""
            }
        );
    }
}
