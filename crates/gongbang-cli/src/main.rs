//! `gongbang`: the headless command line of Gongbang Post (design §7) — a thin adapter over the core,
//! for batch work, scripts and benchmarks.

mod cli;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(e) => {
            output::error(&e);
            ExitCode::from(1)
        }
    }
}
