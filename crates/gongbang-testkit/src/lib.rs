//! The test kit the suites of the core, the CLI and the AI helper share (one copy, not three): where the real
//! test photos are, a fresh library in a temporary folder, the real checker of metadata (exiftool), and jobs,
//! customers and approvals made the way the owner makes them. Test code: a failed setup panics with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

use std::path::{Path, PathBuf};
use std::process::Command;

use gongbang_core::ops::{self, Client, ClientInput, NewApproval, OwnerKind, Policy};
use gongbang_core::{Job, JobFields, Library};

/// `../shared/testdata/photos` relative to the project root (or `GONGBANG_TESTDATA`/photos).
pub fn photos_dir() -> PathBuf {
    let base = std::env::var_os("GONGBANG_TESTDATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata"),
        PathBuf::from,
    );
    let dir = base.join("photos");
    assert!(
        dir.is_dir(),
        "test photos not found at {} (expected ../shared/testdata beside the project)",
        dir.display()
    );
    dir
}

/// The image files of one test folder, sorted.
pub fn photos_in(folder: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(photos_dir().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("jpg" | "jpeg" | "tiff" | "png" | "webp")
            )
        })
        .collect();
    v.sort();
    v
}

/// A library in a fresh temporary folder (kept alive by the returned guard).
pub fn temp_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("lib")).unwrap();
    (dir, lib)
}

/// Whether the Linux checkers (exiftool, ffprobe, ffmpeg) run here. The Windows build of these tests runs
/// under Wine, which cannot start them: there the checks that need them are skipped, and they run on Linux.
pub const LINUX_CHECKERS: bool = cfg!(not(windows));

/// `exiftool -j -a -G1 -s FILE` as JSON key → value.
pub fn exiftool(path: &Path) -> serde_json::Map<String, serde_json::Value> {
    let out = Command::new("exiftool")
        .args(["-j", "-a", "-G1", "-s"])
        .arg(path)
        .output()
        .expect("exiftool must be installed (Debian: libimage-exiftool-perl)");
    assert!(
        out.status.success(),
        "exiftool failed on {}",
        path.display()
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v[0].as_object().unwrap().clone()
}

/// The tag groups exiftool may report on a clean JPEG: file facts and the JFIF header only
/// (ICC_Profile is allowed too, for sources that carried one).
pub const ALLOWED_GROUPS: &[&str] = &[
    "ExifTool",
    "System",
    "File",
    "JFIF",
    "Composite",
    "ICC_Profile",
    "ICC-header",
    "ICC-view",
    "ICC-meas",
];

/// Asserts exiftool finds nothing but allowed groups in `path` (on Linux; the Windows build under Wine
/// cannot start exiftool, and the byte checks beside each call still run there).
pub fn assert_no_metadata(path: &Path) {
    if !LINUX_CHECKERS {
        return;
    }
    let tags = exiftool(path);
    for key in tags.keys() {
        if key == "SourceFile" {
            continue;
        }
        let group = key.split(':').next().unwrap();
        assert!(
            ALLOWED_GROUPS.contains(&group),
            "{}: exiftool found {key} = {}",
            path.display(),
            tags[key]
        );
    }
}

/// Mean absolute difference per channel between two same-size RGB images (0–255).
pub fn mean_abs_diff(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let sum: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / a.as_raw().len() as f64
}

/// A new job marked as the shop's own product (so the leak guard lets it out).
pub fn own_job(lib: &Library, fields: &JobFields) -> Job {
    ops::jobs::create(lib, fields, Some(OwnerKind::Own), None).unwrap()
}

/// A new job with only a title, owned as said.
pub fn titled_job(lib: &Library, title: &str, kind: Option<OwnerKind>, client: Option<i64>) -> Job {
    ops::jobs::create(
        lib,
        &JobFields {
            title: title.into(),
            ..JobFields::default()
        },
        kind,
        client,
    )
    .unwrap()
}

/// A new customer (the save must succeed), with no note.
pub fn new_client(lib: &Library, name: &str, policy: Policy, aliases: &[&str]) -> Client {
    ops::clients::save(
        lib,
        &ClientInput {
            id: None,
            name: name.into(),
            aliases: aliases
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            policy,
            note: String::new(),
        },
    )
    .unwrap()
}

/// The facts of a typical job: a SUS304 shaft turned on a CNC lathe.
pub fn shaft_job() -> gongbang_core::JobFields {
    gongbang_core::JobFields {
        title: "샤프트 가공".into(),
        material: "SUS304".into(),
        process: "CNC 선반".into(),
        machine: "두산 Lynx 220".into(),
        tolerance: "±0.01".into(),
        quantity: "20개".into(),
        lead_time: "5일".into(),
        story: "긴 축이라 떨림을 잡는 게 어려웠습니다.".into(),
        ..gongbang_core::JobFields::default()
    }
}

/// Records the customer's approval of the job (what the owner does in the job step).
pub fn approve(lib: &Library, job_id: i64) {
    ops::guard::record_approval(
        lib,
        job_id,
        &NewApproval {
            approved_by: "김부장",
            how: "전화",
            note: "",
            approved_at: None,
        },
    )
    .unwrap();
}

/// `ffprobe -v error ARGS PATH`'s output (verification only: the app never runs ffmpeg).
pub fn ffprobe(path: &Path, args: &[&str]) -> String {
    let out = Command::new("ffprobe")
        .args(["-v", "error"])
        .args(args)
        .arg(path)
        .output()
        .expect("ffprobe must be installed (Debian: ffmpeg) — for verification only");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The top-level boxes of an MP4 file, in order (`ftyp`, `moov`, `mdat` for a fast-start file).
pub fn mp4_top_boxes(path: &Path) -> Vec<String> {
    let d = std::fs::read(path).unwrap();
    let mut i = 0usize;
    let mut names = Vec::new();
    while i + 8 <= d.len() {
        let size = u32::from_be_bytes(d[i..i + 4].try_into().unwrap()) as usize;
        names.push(String::from_utf8_lossy(&d[i + 4..i + 8]).into_owned());
        if size < 8 {
            break;
        }
        i += size;
    }
    names
}
