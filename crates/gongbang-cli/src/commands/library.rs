//! Why: `gongbang product add|list` and `gongbang search` — the library from the command line, for scripts
//! and the benchmark; every rule is the core's.

use std::process::ExitCode;

use gongbang_core::ops::{self, ProductInput};
use gongbang_core::{Library, Result};

use crate::cli::ProductCommand;

/// Runs `product …`.
pub fn product(lib: &Library, command: ProductCommand) -> Result<ExitCode> {
    match command {
        ProductCommand::Add {
            name,
            kind,
            material,
            process,
            description,
        } => {
            let p = ops::products::save(
                lib,
                &ProductInput {
                    id: None,
                    name,
                    kind: kind.unwrap_or_default(),
                    material: material.unwrap_or_default(),
                    process: process.unwrap_or_default(),
                    description: description.unwrap_or_default(),
                    cover_photo_id: None,
                },
            )?;
            // The number last, on its own line, for scripts.
            println!("{}", p.id);
        }
        ProductCommand::List { all } => {
            for p in ops::products::list(lib, all)? {
                println!(
                    "{}\t{}\t{}\t{}\t작업 {}건",
                    p.id, p.name, p.material, p.process, p.job_count
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `search TEXT`: one line per hit (kind, number, title) on standard output. Nothing found leaves standard
/// output empty (exit 0) and says so on standard error; a blank text is refused (exit 2).
pub fn search(lib: &Library, text: &str, limit: i64) -> Result<ExitCode> {
    if text.trim().is_empty() {
        eprintln!("오류: 찾을 글자를 적어 주세요. 한두 글자만 적어도 찾습니다.");
        eprintln!("error: type something to search for (one or two letters are enough).");
        return Ok(ExitCode::from(2));
    }
    let hits = ops::library::search(lib, text, limit)?;
    if hits.is_empty() {
        eprintln!("찾은 것이 없습니다. 다른 글자로 찾아 보세요.");
        eprintln!("nothing found; try other letters.");
    }
    for hit in hits {
        let title = hit.title.replace(['\t', '\n', '\r'], " ");
        println!("{}\t{}\t{}", hit.kind.as_str(), hit.id, title);
    }
    Ok(ExitCode::SUCCESS)
}
