//! Why: the command-line contract of design §7 in one place, with generated help.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "gongbang",
    version,
    about = "공방포스트 — 작업 사진으로 블로그 글 만들기 (Gongbang Post CLI)"
)]
pub struct Args {
    /// Library folder (default: the app's data folder).
    #[arg(long, global = true, env = "GONGBANG_LIBRARY", value_name = "DIR")]
    pub library: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Copy photos (files or folders) into the library.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Write one new post folder under --out.
    Export {
        #[arg(long, value_enum)]
        platform: PlatformArg,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The post's title (also the new job's title when no --job is given).
        #[arg(long)]
        title: Option<String>,
        /// Export this job (its photos, plus any given by path).
        #[arg(long, value_name = "ID")]
        job: Option<i64>,
        /// Photos to import and use, in this order.
        #[arg(value_name = "PHOTO")]
        photos: Vec<PathBuf>,
    },
    /// Jobs: add, list, show.
    Job {
        #[command(subcommand)]
        command: JobCommand,
    },
}

#[derive(Subcommand, Debug)]
// Parsed once per run: the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum JobCommand {
    /// Create a job; prints its number last.
    Add {
        #[arg(long)]
        title: String,
        #[arg(long)]
        material: Option<String>,
        #[arg(long)]
        process: Option<String>,
        #[arg(long)]
        machine: Option<String>,
        #[arg(long)]
        tolerance: Option<String>,
        #[arg(long)]
        finish: Option<String>,
        #[arg(long)]
        quantity: Option<String>,
        #[arg(long = "lead-time")]
        lead_time: Option<String>,
        #[arg(long)]
        story: Option<String>,
    },
    /// List jobs, newest first.
    List,
    /// Show one job and its photos.
    Show { id: i64 },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum PlatformArg {
    Naver,
    Html,
    Markdown,
}

impl From<PlatformArg> for gongbang_core::Platform {
    fn from(p: PlatformArg) -> Self {
        match p {
            PlatformArg::Naver => gongbang_core::Platform::Naver,
            PlatformArg::Html => gongbang_core::Platform::Html,
            PlatformArg::Markdown => gongbang_core::Platform::Markdown,
        }
    }
}
