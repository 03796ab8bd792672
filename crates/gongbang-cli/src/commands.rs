//! Why: each subcommand is a few calls into the core; nothing here decides a rule of the trade.

use std::path::PathBuf;
use std::process::ExitCode;

use gongbang_core::import::{import_paths, ImportSummary};
use gongbang_core::repo::{jobs, photos, posts};
use gongbang_core::{draft, export, CoreError, JobFields, Library, Result};

use crate::cli::{Args, Command, JobCommand, PlatformArg};
use crate::output;

/// Runs the command; returns the process exit status.
pub fn run(args: Args) -> Result<ExitCode> {
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
        Command::Export {
            platform,
            out,
            title,
            job,
            photos,
        } => run_export(&mut lib, platform, &out, title, job, &photos),
        Command::Job { command } => run_job(&mut lib, command),
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

fn run_export(
    lib: &mut Library,
    platform: PlatformArg,
    out: &std::path::Path,
    title: Option<String>,
    job: Option<i64>,
    photo_paths: &[PathBuf],
) -> Result<ExitCode> {
    let job_id = match job {
        Some(id) => jobs::get(lib.conn(), id)?.id,
        None => {
            if photo_paths.is_empty() {
                return Err(CoreError::invalid(
                    "내보낼 사진을 주거나 --job 으로 작업을 골라 주세요.",
                    "Give photos to export, or pick a job with --job.",
                ));
            }
            let fields = JobFields {
                title: title.clone().unwrap_or_default(),
                ..JobFields::default()
            };
            jobs::create(lib.conn(), &fields)?.id
        }
    };
    if !photo_paths.is_empty() {
        let summary = import(lib, Some(job_id), photo_paths)?;
        if summary.rejected > 0 {
            eprintln!("오류: 읽을 수 없는 사진이 있어 내보내지 않았습니다.");
            eprintln!("error: some photos could not be read, so nothing was exported.");
            return Ok(ExitCode::from(2));
        }
        // The photos named on the command line come first, in the order given.
        let ids: Vec<i64> = summary
            .items
            .iter()
            .filter_map(|i| i.photo.as_ref().map(|p| p.id))
            .collect();
        jobs::set_photo_order(lib.conn_mut(), job_id, &ids)?;
    }
    let mut post = draft::make_draft(lib, job_id, platform.into())?;
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        post = posts::save(lib.conn_mut(), post.id, t.trim(), &post.blocks, &post.tags)?;
    }
    let result = export::export_post(lib, post.id, out)?;
    for f in &result.files {
        println!("wrote: {f}");
    }
    println!("{}", result.folder);
    Ok(ExitCode::SUCCESS)
}

fn run_job(lib: &mut Library, command: JobCommand) -> Result<ExitCode> {
    match command {
        JobCommand::Add {
            title,
            material,
            process,
            machine,
            tolerance,
            finish,
            quantity,
            lead_time,
            story,
        } => {
            let fields = JobFields {
                title,
                material: material.unwrap_or_default(),
                process: process.unwrap_or_default(),
                machine: machine.unwrap_or_default(),
                tolerance: tolerance.unwrap_or_default(),
                finish: finish.unwrap_or_default(),
                quantity: quantity.unwrap_or_default(),
                lead_time: lead_time.unwrap_or_default(),
                story: story.unwrap_or_default(),
            };
            let job = jobs::create(lib.conn(), &fields)?;
            println!("{}", job.id);
        }
        JobCommand::List => {
            for j in jobs::list(lib.conn())? {
                let n = photos::for_job(lib.conn(), j.id)?.len();
                println!(
                    "{}\t{}\t{}\t{}\t사진 {n}장",
                    j.id, j.fields.title, j.fields.material, j.fields.process
                );
            }
        }
        JobCommand::Show { id } => {
            let j = jobs::get(lib.conn(), id)?;
            let f = &j.fields;
            for (k, v) in [
                ("번호 id", j.id.to_string()),
                ("제목 title", f.title.clone()),
                ("소재 material", f.material.clone()),
                ("공정 process", f.process.clone()),
                ("장비 machine", f.machine.clone()),
                ("공차 tolerance", f.tolerance.clone()),
                ("표면 finish", f.finish.clone()),
                ("수량 quantity", f.quantity.clone()),
                ("납기 lead time", f.lead_time.clone()),
                ("이야기 story", f.story.clone()),
            ] {
                println!("{k}: {v}");
            }
            for (i, p) in photos::for_job(lib.conn(), id)?.iter().enumerate() {
                println!(
                    "사진 photo {}: {} ({}×{})",
                    i + 1,
                    p.original_name,
                    p.width,
                    p.height
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
