//! Why: `gongbang review` and `gongbang club` — a review bundle from a script or a batch (through the same
//! leak guard as the window), a look inside a bundle or a reply without opening it into a library, and the
//! club folder's setting.

use std::path::Path;
use std::process::ExitCode;

use gongbang_core::ops::club;
use gongbang_core::ops::review::{self as ops, BundleBlock, NoteTarget};
use gongbang_core::review::{not_a_review_file, read_bundle, read_reply, BUNDLE_EXT, REPLY_EXT};
use gongbang_core::{Library, Result};

use crate::cli::{ClubCommand, ReviewCommand};

/// Runs `review …`.
pub fn review(lib: &mut Library, command: ReviewCommand) -> Result<ExitCode> {
    match command {
        ReviewCommand::Send {
            job,
            platform,
            out,
            accept,
        } => {
            let post = ops::post_of_job(lib, job, platform.map(Into::into))?;
            let sent = ops::send(lib, post.id, Some(&out), &accept)?;
            println!("post: {} ({})", post.id, post.title);
            println!("{}", sent.file);
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Show { file } => show(&file),
    }
}

fn ext_of(file: &Path) -> String {
    file.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn show(file: &Path) -> Result<ExitCode> {
    let ext = ext_of(file);
    if ext == BUNDLE_EXT {
        let (m, photos) = read_bundle(file)?;
        println!("bundle: {}", m.id);
        println!("from: {}", m.shop);
        println!("made: {}", m.created_at);
        println!("platform: {}", m.post.platform.as_str());
        println!("title: {}", m.post.title);
        for (i, b) in m.post.blocks.iter().enumerate() {
            let line = match b {
                BundleBlock::Heading { text } => format!("## {text}"),
                BundleBlock::Paragraph { text } => text.clone(),
                BundleBlock::Photo { photo, caption } => format!("[사진 {photo}] {caption}"),
                BundleBlock::List { items } => items
                    .iter()
                    .map(|i| format!("- {i}"))
                    .collect::<Vec<_>>()
                    .join(" / "),
                BundleBlock::Table { rows } => rows
                    .iter()
                    .map(|[k, v]| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join(" / "),
            };
            println!("block {}: {line}", i + 1);
        }
        println!("tags: {}", m.post.tags.join(", "));
        println!("photos: {}", photos.len());
        println!(
            "coach: {} ({} of {} checks passed)",
            m.coach.score, m.coach.passed, m.coach.total
        );
        for c in &m.coach.checks {
            println!("  {}\t{}\t{}", c.status, c.id, c.title_ko);
        }
        Ok(ExitCode::SUCCESS)
    } else if ext == REPLY_EXT {
        let r = read_reply(file)?;
        println!("reply: {}", r.id);
        println!("to bundle: {}", r.bundle_id);
        println!("from: {}", r.reviewer);
        println!("written: {}", r.created_at);
        println!("title: {}", r.title);
        for n in &r.notes {
            let on = match n.target {
                NoteTarget::Title => "title".to_string(),
                NoteTarget::Block { index } => format!("block {}", index + 1),
            };
            println!("note on {on}: {}", n.comment);
            if let (Some(o), Some(s)) = (&n.original, &n.suggestion) {
                println!("  - {o}");
                println!("  + {s}");
            }
        }
        Ok(ExitCode::SUCCESS)
    } else {
        Err(not_a_review_file(file))
    }
}

/// Runs `club …`.
pub fn club(lib: &Library, command: ClubCommand) -> Result<ExitCode> {
    let now = chrono::Local::now().fixed_offset();
    match command {
        ClubCommand::Set { dir } => {
            club::set_folder(lib, Some(&dir), now)?;
            println!("club folder: {}", dir.display());
        }
        ClubCommand::Clear => {
            club::set_folder(lib, None, now)?;
            println!("club folder: none");
        }
        ClubCommand::Show => {
            match club::folder(lib)? {
                Some(f) => println!("club folder: {f}"),
                None => println!("club folder: none"),
            }
            for item in club::inbox(lib)? {
                let kind = match item.kind {
                    club::ClubKind::Bundle => "bundle",
                    club::ClubKind::Reply => "reply",
                    club::ClubKind::Pack => "pack",
                };
                println!("{kind}\t{}\t{}\t{}", item.name, item.from, item.title);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
