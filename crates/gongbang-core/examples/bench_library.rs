//! Why: issue 14 asks the library to stay quick at the size of a real shop (10,000 photos in 2,000 jobs and
//! 300 products); this builds such a library from the test photos through the real import and operations, and
//! times what the window calls against the anchors. Run by `scripts/bench-library.sh`.
//!
//!   bench_library make DIR --photos N --jobs N --products N --photos-from DIR
//!   bench_library measure DIR [--runs N]

use std::path::{Path, PathBuf};
use std::time::Instant;

use gongbang_core::import::import_paths;
use gongbang_core::library::Library;
use gongbang_core::ops::{
    self, ClientInput, JobFields, LibraryFilter, OwnerKind, Policy, ProductInput,
};
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, Rgb, RgbImage};
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

const PARTS: &[&str] = &[
    "샤프트",
    "플랜지",
    "부싱",
    "브라켓",
    "하우징",
    "커플링",
    "노즐",
    "지그",
    "금형 코어",
    "기어 블랭크",
    "피스톤",
    "슬리브",
    "캠",
    "너트",
    "볼트",
    "베이스 플레이트",
    "커버",
    "핀",
    "롤러",
    "스페이서",
];
const MATERIALS: &[&str] = &[
    "SUS304",
    "SUS316",
    "S45C",
    "SCM440",
    "SKD11",
    "AL6061",
    "AL7075",
    "황동",
    "동",
    "MC나일론",
    "POM",
    "티타늄",
];
const PROCESSES: &[&str] = &[
    "CNC 선반",
    "MCT",
    "밀링",
    "연삭",
    "와이어컷",
    "방전",
    "용접",
    "열처리",
    "도금",
    "아노다이징",
];
const CLIENTS: &[&str] = &[
    "대한정밀",
    "한빛기계",
    "성진산업",
    "동양오토",
    "미래테크",
    "우성금속",
    "삼화엔지니어링",
    "경인자동화",
    "태성로보틱스",
    "서울메카",
    "광명공업",
    "신흥정공",
];

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn arg_path(args: &[String], name: &str) -> Option<PathBuf> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(cmd), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: bench_library make|measure DIR [options]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let result = match cmd.as_str() {
        "make" => make(&dir, &args),
        "measure" => measure(&dir, arg(&args, "--runs", 15)),
        other => Err(format!("unknown command {other}")),
    };
    if let Err(e) = result {
        eprintln!("bench_library: {e}");
        std::process::exit(1);
    }
}

/// The source pictures, decoded once and made 1600 px on the long side (a camera photo as the blog uses it).
fn sources(from: &Path) -> Result<Vec<RgbImage>, String> {
    let mut files: Vec<PathBuf> = walk(from)
        .into_iter()
        .filter(|p| {
            let s = p.to_string_lossy().to_lowercase();
            (s.ends_with(".jpg") || s.ends_with(".jpeg")) && !s.contains("broken")
        })
        .collect();
    files.sort();
    let out: Vec<RgbImage> = files
        .par_iter()
        .filter_map(|f| image::open(f).ok())
        .map(|im| im.resize(1600, 1600, FilterType::Triangle).to_rgb8())
        .collect();
    if out.is_empty() {
        return Err(format!("no JPEG photos under {}", from.display()));
    }
    Ok(out)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Photo number `k`: a source picture with a small pattern of its own in one corner, so every file is
/// distinct (distinct bytes, distinct hash) and still looks like a shop photo.
fn variant(sources: &[RgbImage], k: usize, out: &Path) -> Result<PathBuf, String> {
    let mut im = sources[k % sources.len()].clone();
    let (w, h) = im.dimensions();
    let cell = 6u32;
    for bit in 0..16u32 {
        let on = (k >> bit) & 1 == 1;
        let shade = if on { 250 } else { 10 };
        let (x0, y0) = (w - (bit + 2) * cell, h - 2 * cell);
        for y in y0..y0 + cell {
            for x in x0..x0 + cell {
                im.put_pixel(x, y, Rgb([shade, shade, (k % 251) as u8]));
            }
        }
    }
    let path = out.join(format!("photo-{k:05}.jpg"));
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 85)
        .encode_image(&DynamicImage::ImageRgb8(im))
        .map_err(|e| e.to_string())?;
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    Ok(path)
}

fn make(dir: &Path, args: &[String]) -> Result<(), String> {
    let n_photos = arg(args, "--photos", 10_000);
    let n_jobs = arg(args, "--jobs", 2_000).max(1);
    let n_products = arg(args, "--products", 300);
    let from = arg_path(args, "--photos-from").ok_or("--photos-from DIR is required")?;
    let t0 = Instant::now();
    let srcs = sources(&from)?;
    let mut lib = Library::open(dir).map_err(|e| e.to_string())?;
    let staging = dir.join("bench-staging");
    std::fs::create_dir_all(&staging).map_err(|e| e.to_string())?;

    let clients: Vec<i64> = CLIENTS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let policy = [Policy::Public, Policy::Ask, Policy::Never][i % 3];
            ops::clients::save(
                &lib,
                &ClientInput {
                    id: None,
                    name: name.to_string(),
                    aliases: vec![format!("{}(주)", name)],
                    policy,
                    note: format!("{name} 담당자와 도면으로 협의"),
                },
            )
            .map(|c| c.id)
            .map_err(|e| e.to_string())
        })
        .collect::<Result<_, _>>()?;

    let products: Vec<i64> = (0..n_products)
        .map(|i| make_product(&lib, i))
        .collect::<Result<_, _>>()?;

    let per_job = n_photos.div_ceil(n_jobs);
    let mut k = 0usize;
    for j in 0..n_jobs {
        let part = PARTS[j % PARTS.len()];
        let material = MATERIALS[(j / 3) % MATERIALS.len()];
        let process = PROCESSES[(j / 7) % PROCESSES.len()];
        let fields = JobFields {
            title: format!("{material} {part} {process} 가공 {}", j + 1),
            material: material.into(),
            process: process.into(),
            machine: "두산 PUMA 2600".into(),
            tolerance: "±0.01".into(),
            finish: "Ra 0.8".into(),
            quantity: format!("{}개", 10 + j % 90),
            lead_time: format!("{}일", 3 + j % 10),
            story: format!("{part}의 동심도를 맞추려고 한 번에 잡아 가공했습니다."),
        };
        let (kind, client) = if j.is_multiple_of(4) {
            (OwnerKind::Own, None)
        } else {
            (OwnerKind::Client, Some(clients[j % clients.len()]))
        };
        let job =
            ops::jobs::create(&lib, &fields, Some(kind), client).map_err(|e| e.to_string())?;
        let count = per_job.min(n_photos - k);
        let files: Vec<PathBuf> = (k..k + count)
            .into_par_iter()
            .map(|i| variant(&srcs, i, &staging))
            .collect::<Result<_, _>>()?;
        k += count;
        let summary = import_paths(&mut lib, Some(job.id), &files, |_, _, _| {})
            .map_err(|e| e.to_string())?;
        if summary.imported != count {
            return Err(format!(
                "job {}: imported {} of {count}",
                job.id, summary.imported
            ));
        }
        for f in &files {
            let _ = std::fs::remove_file(f);
        }
        let photos = ops::photos::for_job(&lib, job.id).map_err(|e| e.to_string())?;
        for (i, p) in photos.iter().enumerate() {
            let caption = format!(
                "{part} {} 단계 {}",
                ["소재 절단", "황삭", "정삭", "측정", "완성"][i % 5],
                i + 1
            );
            ops::photos::set_meta(&lib, job.id, p.id, None, &caption).map_err(|e| e.to_string())?;
        }
        if !products.is_empty() && j % 3 != 2 {
            link_product(&lib, job.id, products[j % products.len()])?;
        }
        if j.is_multiple_of(2) {
            ops::posts::make_draft(&mut lib, job.id, ops::Platform::Naver)
                .map_err(|e| e.to_string())?;
        }
        if (j + 1) % 100 == 0 {
            eprintln!(
                "  {} jobs, {k} photos, {:.0} s",
                j + 1,
                t0.elapsed().as_secs_f64()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&staging);
    println!(
        "made {k} photos in {n_jobs} jobs and {n_products} products in {:.0} s: {}",
        t0.elapsed().as_secs_f64(),
        dir.display()
    );
    Ok(())
}

fn make_product(lib: &Library, i: usize) -> Result<i64, String> {
    let part = PARTS[i % PARTS.len()];
    let material = MATERIALS[i % MATERIALS.len()];
    let process = PROCESSES[(i / 2) % PROCESSES.len()];
    ops::products::save(
        lib,
        &ProductInput {
            id: None,
            name: format!("{material} {part} {}형", i + 1),
            kind: if i.is_multiple_of(5) {
                "자체 제품"
            } else {
                "부품군"
            }
            .into(),
            material: material.into(),
            process: process.into(),
            description: format!("{process}(으)로 만드는 {material} {part}입니다."),
            cover_photo_id: None,
        },
    )
    .map(|p| p.id)
    .map_err(|e| e.to_string())
}

fn link_product(lib: &Library, job: i64, product: i64) -> Result<(), String> {
    ops::products::set_job_product(lib, job, Some(product)).map_err(|e| e.to_string())
}

/// Median and worst of `runs` calls of `f`, in milliseconds.
fn time<T>(runs: usize, mut f: impl FnMut() -> Result<T, String>) -> Result<(f64, f64, T), String> {
    let mut ms = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        last = Some(f()?);
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    Ok((ms[ms.len() / 2], ms[ms.len() - 1], last.ok_or("no run")?))
}

fn line(what: &str, (median, worst): (f64, f64), anchor: f64, found: &str) {
    let verdict = if worst <= anchor {
        "ok"
    } else if median <= anchor {
        "median ok"
    } else {
        "SLOW"
    };
    println!("  {what:<40} median {median:7.2} ms  worst {worst:7.2} ms  anchor {anchor:5.0} ms  {verdict:<9} {found}");
}

fn measure(dir: &Path, runs: usize) -> Result<(), String> {
    let lib = Library::open(dir).map_err(|e| e.to_string())?;
    let e = |e: gongbang_core::CoreError| e.to_string();
    let all = ops::library::photos(&lib, "", 0, 1).map_err(e)?.total;
    let products = ops::products::list(&lib, true).map_err(e)?;
    let first = ops::library::page(&lib, &LibraryFilter::default(), 0, 60).map_err(e)?;
    println!(
        "core (release), median and worst of {runs} runs, library of {all} photos, {} jobs, {} products",
        first.total_jobs,
        products.len()
    );
    let (m, w, page) = time(runs, || {
        ops::library::page(&lib, &LibraryFilter::default(), 0, 60).map_err(e)
    })?;
    line(
        "library page (first 60 cards)",
        (m, w),
        50.0,
        &format!("{} cards", page.jobs.len() + page.products.len()),
    );
    let deep = first.total_jobs.saturating_sub(60).max(0);
    let (m, w, page) = time(runs, || {
        ops::library::page(&lib, &LibraryFilter::default(), deep, 60).map_err(e)
    })?;
    line(
        "library page (the last 60)",
        (m, w),
        50.0,
        &format!("{} cards", page.jobs.len()),
    );
    let filter = LibraryFilter {
        material: "SUS304".into(),
        process: "CNC 선반".into(),
        ..LibraryFilter::default()
    };
    let (m, w, page) = time(runs, || ops::library::page(&lib, &filter, 0, 60).map_err(e))?;
    line(
        "page filtered (material + process)",
        (m, w),
        50.0,
        &format!("{} of {}", page.jobs.len(), page.total_jobs),
    );
    let filter = LibraryFilter {
        text: "플랜".into(),
        ..LibraryFilter::default()
    };
    let (m, w, page) = time(runs, || ops::library::page(&lib, &filter, 0, 60).map_err(e))?;
    line(
        "page searched \"플랜\"",
        (m, w),
        50.0,
        &format!("{} of {}", page.jobs.len(), page.total_jobs),
    );
    let nfd: String = unicode_nfd("스테인");
    for (label, q) in [
        ("search \"랜지\" (middle of 플랜지)", "랜지".to_string()),
        ("search \"스페이\" (3 letters)", "스페이".to_string()),
        ("search \"축\" (1 letter)", "축".to_string()),
        ("search \"캠\" (1 letter)", "캠".to_string()),
        ("search \"한빛\" (a customer)", "한빛".to_string()),
        ("search \"동심도\" (story text)", "동심도".to_string()),
        ("search decomposed Hangul (NFD)", nfd.clone()),
        (
            "search nothing matches \"ㅋㅋㅋ없음\"",
            "ㅋㅋㅋ없음".to_string(),
        ),
    ] {
        let (m, w, hits) = time(runs, || ops::library::search(&lib, &q, 50).map_err(e))?;
        line(label, (m, w), 50.0, &format!("{} hits", hits.len()));
    }
    let (m, w, wall) = time(runs, || ops::library::photos(&lib, "", 0, 120).map_err(e))?;
    line(
        "photo wall, first 120 tiles",
        (m, w),
        50.0,
        &format!("{} of {}", wall.photos.len(), wall.total),
    );
    let (m, w, wall) = time(runs, || {
        ops::library::photos(&lib, "", all.saturating_sub(120), 120).map_err(e)
    })?;
    line(
        "photo wall, last 120 tiles",
        (m, w),
        50.0,
        &format!("{} tiles", wall.photos.len()),
    );
    let job = page
        .jobs
        .first()
        .map(|j| j.id)
        .or_else(|| first.jobs.first().map(|j| j.id));
    if let Some(job) = job {
        let (m, w, s) = time(runs, || ops::session::open_job(&lib, job).map_err(e))?;
        line(
            "open a job",
            (m, w),
            100.0,
            &format!("job {job}, {} photos", s.photos.len()),
        );
    }
    // The product with the most jobs: the page that has the most to show.
    if let Some(p) = products.iter().max_by_key(|p| p.job_count) {
        let (m, w, d) = time(runs, || ops::products::detail(&lib, p.id).map_err(e))?;
        line(
            "open a product page",
            (m, w),
            100.0,
            &format!("{} jobs, {} photos", d.jobs.len(), d.photos.len()),
        );
    }
    Ok(())
}

/// The same word as a Mac or a phone may type it: Hangul syllables taken apart into their letters.
fn unicode_nfd(s: &str) -> String {
    s.nfd().collect()
}
