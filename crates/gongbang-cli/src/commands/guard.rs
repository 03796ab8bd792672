//! Why: `gongbang client`, `approve` and `word` — the leak guard's records (customers and their policy,
//! approvals, registered words) from scripts, through the same core as the window.

use std::process::ExitCode;

use gongbang_core::ops::{self, ClientInput, NewApproval};
use gongbang_core::{CoreError, Library, Result};

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
            // Never a silent change of an existing customer: that is `client set`, on purpose.
            let saved = ops::clients::save(
                lib,
                &ClientInput {
                    id: None,
                    name,
                    aliases,
                    policy: policy.into(),
                    note: note.unwrap_or_default(),
                },
            );
            let c = match saved {
                Err(e @ CoreError::ClientExists { .. }) => {
                    crate::output::error(&e);
                    if let CoreError::ClientExists { existing, .. } = &e {
                        eprintln!(
                            "바꾸려면 / to change it: gongbang client set --name \"{existing}\" [--policy public|ask|never] [--alias A …] [--note …]"
                        );
                    }
                    return Ok(ExitCode::from(1));
                }
                other => other?,
            };
            println!("{}", c.id);
        }
        ClientCommand::Set {
            name,
            policy,
            aliases,
            no_aliases,
            note,
        } => {
            let old = ops::clients::by_name(lib, &name)?;
            let new = ops::clients::save(
                lib,
                &ClientInput {
                    id: Some(old.id),
                    name: old.name.clone(),
                    aliases: if no_aliases {
                        Vec::new()
                    } else if aliases.is_empty() {
                        old.aliases.clone()
                    } else {
                        aliases
                    },
                    policy: policy.map_or(old.policy, Into::into),
                    note: note.unwrap_or_else(|| old.note.clone()),
                },
            )?;
            let changed = ops::client_changes(&old, &new, true);
            if changed.is_empty() {
                println!("바뀐 것 없음 / nothing changed: {}", new.name);
            }
            for (ko, en) in changed {
                println!("바뀜 / changed: {} — {ko} / {en}", new.name);
            }
            println!("{}", new.id);
        }
        ClientCommand::List => {
            for c in ops::clients::list(lib)? {
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
    let g = ops::guard::record_approval(
        lib,
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
        WordCommand::Add { word } => ops::guard::add_watch_word(lib, &word)?,
        WordCommand::List => {
            for w in ops::guard::watch_words(lib)? {
                println!("{w}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
