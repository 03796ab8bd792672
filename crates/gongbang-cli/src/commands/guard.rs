//! Why: `gongbang client`, `approve` and `word` — the leak guard's records (customers and their policy,
//! approvals, registered words) from scripts, through the same core as the window.

use std::process::ExitCode;

use gongbang_core::guard;
use gongbang_core::repo::approvals::NewApproval;
use gongbang_core::repo::clients::{self, ClientInput};
use gongbang_core::repo::watch_words;
use gongbang_core::{Library, Result};

use crate::cli::{ClientCommand, WordCommand};

/// Runs `client …`.
pub fn client(lib: &mut Library, command: ClientCommand) -> Result<ExitCode> {
    match command {
        ClientCommand::Add {
            name,
            policy,
            aliases,
            note,
        } => {
            let existing = clients::by_name(lib.conn(), &name)?;
            let c = clients::save(
                lib.conn(),
                &ClientInput {
                    id: existing.map(|c| c.id),
                    name,
                    aliases,
                    policy: policy.into(),
                    note: note.unwrap_or_default(),
                },
            )?;
            println!("{}", c.id);
        }
        ClientCommand::List => {
            for c in clients::list(lib.conn())? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    c.id,
                    c.name,
                    c.policy.as_str(),
                    c.aliases.join(", "),
                    c.note
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `approve`.
pub fn approve(
    lib: &Library,
    job: i64,
    by: &str,
    how: &str,
    note: Option<&str>,
    at: Option<&str>,
) -> Result<ExitCode> {
    let g = guard::record_approval(
        lib.conn(),
        job,
        &NewApproval {
            approved_by: by,
            how,
            note: note.unwrap_or(""),
            approved_at: at,
        },
    )?;
    if let Some(a) = &g.approval {
        println!(
            "허락 기록됨 / approval recorded: {} — {} ({}, {})",
            a.client_name, a.approved_by, a.how, a.approved_at
        );
        println!("{}", a.id);
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `word …`.
pub fn word(lib: &Library, command: WordCommand) -> Result<ExitCode> {
    match command {
        WordCommand::Add { word } => watch_words::add(lib.conn(), &word)?,
        WordCommand::List => {
            for w in watch_words::list(lib.conn())? {
                println!("{w}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
