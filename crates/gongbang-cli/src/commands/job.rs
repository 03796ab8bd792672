//! Why: `gongbang job add|list|show` — jobs by number, with whose part each one is.

use std::process::ExitCode;

use gongbang_core::ops::{self, OwnerKind};
use gongbang_core::{JobFields, Library, Result};

use crate::cli::JobCommand;

/// Runs `job …`.
pub fn run(lib: &mut Library, command: JobCommand) -> Result<ExitCode> {
    match command {
        JobCommand::Add {
            title,
            client,
            own,
            material,
            process,
            machine,
            tolerance,
            finish,
            quantity,
            lead_time,
            story,
            product,
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
            let kind = if own {
                OwnerKind::Own
            } else {
                OwnerKind::Client
            };
            // The customer and the product must exist before the job is made, so a typo leaves nothing
            // behind.
            if let Some(p) = product {
                ops::products::check(lib, p)?;
            }
            let job = ops::jobs::create_named(lib, &fields, Some(kind), client.as_deref())?;
            if let Some(p) = product {
                ops::products::set_job_product(lib, job.id, Some(p))?;
            }
            println!("{}", job.id);
        }
        JobCommand::List => {
            for (j, n) in ops::jobs::list_with_photo_counts(lib)? {
                println!(
                    "{}\t{}\t{}\t{}\t사진 {n}장",
                    j.id, j.fields.title, j.fields.material, j.fields.process
                );
            }
        }
        JobCommand::Show { id } => show(lib, id)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn show(lib: &Library, id: i64) -> Result<()> {
    let ops::jobs::JobSheet {
        job: j,
        guard: g,
        photos,
        history,
    } = ops::jobs::sheet(lib, id)?;
    let f = &j.fields;
    let owner = match (&g.owner_kind, &g.client) {
        (Some(OwnerKind::Own), _) => "우리 제품 / own product".to_string(),
        (_, Some(c)) => format!("고객사 / customer: {}", c.name),
        _ => "정하지 않음 / not set".to_string(),
    };
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
        ("누구 것 owner", owner),
        ("정책 policy", g.policy.as_str().to_string()),
        (
            "내보내기 export",
            if g.can_export {
                "가능 / allowed".into()
            } else {
                format!(
                    "막힘 / refused: {}",
                    g.reason_ko.clone().unwrap_or_default()
                )
            },
        ),
    ] {
        println!("{k}: {v}");
    }
    for (i, p) in photos.iter().enumerate() {
        println!(
            "사진 photo {}: {} ({}×{}){}",
            i + 1,
            p.original_name,
            p.width,
            p.height,
            if p.redactions.is_empty() {
                String::new()
            } else {
                format!(
                    ", 가림 {} / {} box(es)",
                    p.redactions.len(),
                    p.redactions.len()
                )
            }
        );
    }
    for h in history {
        println!("기록 history: {} {}", h.at, h.text_ko);
    }
    Ok(())
}
