//! Why: `gongbang export` — photos and a job in, one post folder out, through the same leak guard as the
//! window (policy, redaction boxes, text scan with explicit `--accept`).

use std::collections::BTreeMap;
use std::process::ExitCode;

use gongbang_core::ops::{self, OwnerKind, RedactBox};
use gongbang_core::{export, CoreError, JobFields, Library, Result};

use crate::cli::ExportArgs;

/// `PHOTO:X,Y,W,H` → (PHOTO, box). The last `:` splits, so paths may hold colons.
fn parse_redact(arg: &str) -> Result<(String, RedactBox)> {
    let bad = || {
        CoreError::invalid(
            format!("--redact 형식이 잘못되었습니다: '{arg}'. 사진:X,Y,W,H (0에서 1 사이 비율) 로 적어 주세요. 예: photo.jpg:0.1,0.2,0.3,0.1"),
            format!("Bad --redact '{arg}'. Use PHOTO:X,Y,W,H with fractions 0–1, e.g. photo.jpg:0.1,0.2,0.3,0.1"),
        )
    };
    let (photo, nums) = arg.rsplit_once(':').ok_or_else(bad)?;
    let v: Vec<f64> = nums
        .split(',')
        .map(|n| n.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| bad())?;
    let [x, y, w, h] = v.as_slice() else {
        return Err(bad());
    };
    if photo.trim().is_empty() {
        return Err(bad());
    }
    let b = RedactBox {
        x: *x,
        y: *y,
        w: *w,
        h: *h,
    }
    .validated()?;
    Ok((photo.to_string(), b))
}

fn new_job(lib: &Library, a: &ExportArgs) -> Result<i64> {
    if a.photos.is_empty() {
        return Err(CoreError::invalid(
            "내보낼 사진을 주거나 --job 으로 작업을 골라 주세요.",
            "Give photos to export, or pick a job with --job.",
        ));
    }
    let fields = JobFields {
        title: a.title.clone().unwrap_or_default(),
        ..JobFields::default()
    };
    let (kind, client) = match (&a.client, a.own) {
        (Some(name), _) => (Some(OwnerKind::Client), Some(name.as_str())),
        (None, true) => (Some(OwnerKind::Own), None),
        (None, false) => (None, None),
    };
    let job = ops::jobs::create_named(lib, &fields, kind, client)?;
    Ok(job.id)
}

/// Runs `export`.
pub fn run(lib: &mut Library, a: ExportArgs) -> Result<ExitCode> {
    // Bad boxes are refused before anything is imported or created.
    let boxes = a
        .redact
        .iter()
        .map(|r| parse_redact(r))
        .collect::<Result<Vec<_>>>()?;
    let job_id = match a.job {
        Some(id) => ops::jobs::get(lib, id)?.id,
        None => new_job(lib, &a)?,
    };
    if !a.photos.is_empty() {
        let summary = super::import(lib, Some(job_id), &a.photos)?;
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
        ops::photos::set_order(lib, job_id, &ids)?;
    }
    // Boxes are added to those the photo has (drawn in the window or by an earlier export), never replace them.
    let mut by_photo: BTreeMap<i64, Vec<RedactBox>> = BTreeMap::new();
    for (photo, b) in boxes {
        by_photo
            .entry(ops::photos::find(lib, &photo)?.id)
            .or_default()
            .push(b);
    }
    for (photo_id, boxes) in &by_photo {
        let all = ops::photos::add_redactions(lib, *photo_id, boxes)?;
        println!(
            "redact: photo {photo_id}: {} box(es) given, {} in all",
            boxes.len(),
            all.len()
        );
    }
    let mut post = ops::posts::make_draft(lib, job_id, a.platform.into())?;
    if let Some(t) = a.title.as_deref().filter(|t| !t.trim().is_empty()) {
        post = ops::posts::set_title(lib, post.id, t.trim())?;
    }
    if let Some(s) = a.seconds_per_photo {
        let mut video = post.video.clone();
        video.seconds_per_photo = s;
        post = ops::posts::save_video(lib, post.id, &video)?;
    }
    if let Some(music) = &a.music {
        post = ops::posts::set_music(lib, post.id, Some(music))?;
        if let Some(m) = &post.video.music {
            println!("music: {} ({:.1} s)", m.name, m.seconds);
        }
    }
    let result = export::export_post(lib, post.id, &a.out, &a.accept)?;
    for f in &result.files {
        println!("wrote: {f}");
    }
    println!("{}", result.folder);
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_arguments_parse_or_explain() {
        let (p, b) = parse_redact("C:/shop/a:b.jpg:0.1,0.2,0.3,0.4").expect("parses");
        assert_eq!(p, "C:/shop/a:b.jpg");
        assert_eq!((b.x, b.y, b.w, b.h), (0.1, 0.2, 0.3, 0.4));
        for bad in [
            "a.jpg",
            "a.jpg:0.1,0.2,0.3",
            "a.jpg:x,0,1,1",
            ":0,0,1,1",
            "a.jpg:0.9,0,0.2,1",
        ] {
            assert!(parse_redact(bad).is_err(), "{bad}");
        }
    }
}
