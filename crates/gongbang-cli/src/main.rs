//! `gongbang`: the headless command line of Gongbang Post (design §7) — a thin adapter over the core,
//! for batch work, scripts and benchmarks.

mod cli;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

/// 3 when the leak guard refused (scripts can tell it from a broken file), 2 when a pack's author is not
/// trusted yet (`pack import` without `--trust`), 1 for every other error.
fn exit_status(e: &gongbang_core::CoreError) -> u8 {
    use gongbang_core::CoreError::{
        ApprovalMissing, ExportForbidden, FlaggedText, NotCleared, PackUntrusted, PhotoNotInJob,
        ProductJobRefused, SharedPhotoRefused,
    };
    match e {
        ExportForbidden { .. }
        | ApprovalMissing { .. }
        | FlaggedText { .. }
        | PhotoNotInJob { .. }
        | SharedPhotoRefused { .. }
        | ProductJobRefused { .. }
        | NotCleared { .. } => 3,
        PackUntrusted { .. } => 2,
        _ => 1,
    }
}

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(e) => {
            output::error(&e);
            ExitCode::from(exit_status(&e))
        }
    }
}
