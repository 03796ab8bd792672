//! Why: each subcommand is a few calls into the core; nothing here decides a rule of the trade.

mod backup;
mod export;
mod guard;
mod job;
mod library;
mod pack;
mod review;
mod shop;

use std::path::PathBuf;
use std::process::ExitCode;

use gongbang_core::import::{import_paths, ImportSummary};
use gongbang_core::{Library, Result};

use crate::cli::{Args, BackupCommand, Command};
use crate::output;

/// Runs the command; returns the process exit status.
pub fn run(args: Args) -> Result<ExitCode> {
    // A restore writes a new library folder: it must not open (and so create) one there first.
    if let Command::Backup {
        command: BackupCommand::Restore { file },
    } = &args.command
    {
        return backup::restore(file, args.library.as_deref());
    }
    let root = match args.library {
        Some(dir) => dir,
        None => Library::default_root()?,
    };
    let mut lib = Library::open(root)?;
    match args.command {
        Command::Import { paths } => {
            let summary = import(&mut lib, None, &paths)?;
            Ok(exit_for(&summary))
        }
        Command::Export(a) => export::run(&mut lib, a),
        Command::Job { command } => job::run(&mut lib, command),
        Command::Client { command } => guard::client(&mut lib, command),
        Command::Approve {
            job,
            by,
            how,
            note,
            at,
        } => guard::approve(&lib, job, &by, &how, note.as_deref(), at.as_deref()),
        Command::Word { command } => guard::word(&lib, command),
        Command::Shop { command } => shop::run(&lib, command),
        Command::Product { command } => library::product(&lib, command),
        Command::Search { text, limit } => library::search(&lib, &text.join(" "), limit),
        Command::Backup { command } => match command {
            BackupCommand::Create { out } => backup::create(&lib, &out),
            BackupCommand::Restore { .. } => Ok(ExitCode::SUCCESS),
        },
        Command::Review { command } => review::review(&mut lib, command),
        Command::Club { command } => review::club(&lib, command),
        Command::Pack { command } => pack::run(&lib, command),
    }
}

fn exit_for(summary: &ImportSummary) -> ExitCode {
    if summary.rejected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn import(lib: &mut Library, job: Option<i64>, paths: &[PathBuf]) -> Result<ImportSummary> {
    let summary = import_paths(lib, job, paths, |_, _, item| output::import_line(item))?;
    output::import_summary(&summary);
    Ok(summary)
}
