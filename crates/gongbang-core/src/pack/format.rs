//! Why: what a `.gbpack` file is and what may be in it, in one place, so export writes exactly what import
//! accepts: a zip of `manifest.json` (signed), `signature` and the files, each at a safe path of the known
//! layout, under size limits, and each checked the way the app will use it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::coach::weights;
use crate::draft::keyword_lists::{self, KeywordList};
use crate::draft::templates;
use crate::draft::Knowledge;
use crate::error::CoreError;
use crate::lessons;

/// What the manifest's `format` says.
pub const FORMAT: &str = "gongbang-pack";
/// The manifest's version this app writes and reads.
pub const VERSION: u32 = 1;
/// A pack file's extension.
pub const EXTENSION: &str = "gbpack";
/// The manifest's entry name.
pub const MANIFEST: &str = "manifest.json";
/// The signature's entry name: hex Ed25519 signature over the exact bytes of the manifest.
pub const SIGNATURE: &str = "signature";

/// Most files in a pack.
pub const MAX_FILES: usize = 400;
/// Most bytes of all the files together (unpacked).
pub const MAX_TOTAL_BYTES: u64 = 16 * 1024 * 1024;
/// Largest `.gbpack` file read.
pub const MAX_PACK_BYTES: u64 = 24 * 1024 * 1024;
/// Largest manifest.
pub const MAX_MANIFEST_BYTES: u64 = 256 * 1024;
/// Largest template, trade notes file, keyword list or weights file.
pub const MAX_TEXT_BYTES: u64 = 512 * 1024;

/// The manifest: what the author signed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    pub version: u32,
    /// Hex blake3 of the file list (see [`pack_id`]).
    pub id: String,
    pub name: String,
    pub author: ManifestAuthor,
    /// When it was made (ISO 8601 with offset).
    pub created_at: String,
    pub files: Vec<ManifestFile>,
}

/// The author as the manifest names them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ManifestAuthor {
    pub name: String,
    /// Hex Ed25519 public key.
    pub key: String,
}

/// One file of the pack.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub blake3: String,
}

/// The pack's id: hex blake3 over the files sorted by path, one `path\tsize\tblake3\n` line each.
pub fn pack_id(files: &[ManifestFile]) -> String {
    let mut sorted: Vec<&ManifestFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut h = blake3::Hasher::new();
    for f in sorted {
        h.update(format!("{}\t{}\t{}\n", f.path, f.size, f.blake3).as_bytes());
    }
    h.finalize().to_hex().to_string()
}

/// What kind of file a pack path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Template,
    Trade,
    Lesson,
    LessonImage,
    Keywords,
    Weights,
}

impl Kind {
    /// The largest file of this kind.
    pub fn max_bytes(self) -> u64 {
        match self {
            Kind::Lesson => lessons::MAX_LESSON_BYTES,
            Kind::LessonImage => lessons::MAX_IMAGE_BYTES,
            _ => MAX_TEXT_BYTES,
        }
    }
}

/// Why a path is not one a pack may hold (Korean, English), or its kind.
pub fn classify(path: &str) -> std::result::Result<Kind, (String, String)> {
    let safe = !path.is_empty()
        && path.len() <= 200
        && path.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        });
    if !safe {
        return Err((
            format!("'{path}'은(는) 묶음 안에 둘 수 없는 경로입니다 (상위 폴더, 절대 경로, 역슬래시, 특수 문자는 안 됩니다)"),
            format!("'{path}' is not a path a pack may hold (no parent folders, absolute paths, backslashes or special characters)"),
        ));
    }
    let parts: Vec<&str> = path.split('/').collect();
    let kind = match parts.as_slice() {
        ["templates", name] if templates::is_known(name) => Some(Kind::Template),
        ["trade", name] if Knowledge::is_file_name(name) => Some(Kind::Trade),
        ["lessons", name] if lessons::lesson_file(name).is_some() => Some(Kind::Lesson),
        ["lessons", "img", name] if lessons::image_type(name).is_some() => Some(Kind::LessonImage),
        [keyword_lists::FILE_NAME] => Some(Kind::Keywords),
        [weights::FILE_NAME] => Some(Kind::Weights),
        _ => None,
    };
    kind.ok_or_else(|| {
        (
            format!("'{path}'은(는) 묶음에 넣을 수 있는 파일이 아닙니다 (templates/의 글 틀, trade/의 업계 상식, lessons/의 배우기 글과 그림, keywords.toml, weights.toml만 됩니다)"),
            format!("'{path}' is not a file a pack may hold (only the app's templates in templates/, trade notes in trade/, lessons and their pictures in lessons/, keywords.toml and weights.toml)"),
        )
    })
}

/// Checks every file the way the app will use it: templates compile in the app's environment, TOML
/// reads, weights name only coach checks, lessons read and their pictures are drawings we show.
/// Gives (Korean, English) reasons on the first failure.
pub fn check_contents(
    files: &BTreeMap<String, Vec<u8>>,
) -> std::result::Result<(), (String, String)> {
    for (path, bytes) in files {
        let kind = classify(path)?;
        if bytes.len() as u64 > kind.max_bytes() {
            return Err((
                format!(
                    "{path} 파일이 너무 큽니다 ({} 바이트까지)",
                    kind.max_bytes()
                ),
                format!("{path} is too large (at most {} bytes)", kind.max_bytes()),
            ));
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        if kind == Kind::LessonImage {
            if !lessons::image_ok(name, bytes) {
                return Err((
                    format!("{path}은(는) 보여 줄 수 있는 그림이 아닙니다 (스크립트나 바깥 주소가 없는 SVG, PNG, JPEG만 됩니다)"),
                    format!("{path} is not a picture the app shows (SVG without scripts or outside addresses, PNG or JPEG only)"),
                ));
            }
            continue;
        }
        let text = std::str::from_utf8(bytes).map_err(|_| {
            (
                format!("{path}은(는) UTF-8 글자 파일이 아닙니다"),
                format!("{path} is not a UTF-8 text file"),
            )
        })?;
        let checked = match kind {
            Kind::Template => templates::check(name, text),
            Kind::Trade => Knowledge::check(name, text),
            Kind::Lesson => lessons::check(name, text).map(drop),
            Kind::Keywords => KeywordList::parse(text).map(drop),
            Kind::Weights => weights::parse(text).map(drop),
            Kind::LessonImage => Ok(()),
        };
        checked.map_err(|e: CoreError| {
            (
                format!("{path}: {}", e.message_ko()),
                format!("{path}: {}", e.message_en()),
            )
        })?;
    }
    Ok(())
}

/// Hex to bytes (`None` for an odd length or a character that is not a hex digit).
pub fn from_hex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

/// Bytes as lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A pack's refusal with its code, the reason in both languages and what to do.
pub fn refused(code: &'static str, (ko, en): (String, String)) -> CoreError {
    let (lead_ko, lead_en, tail_ko, tail_en) = match code {
        "pack_tampered" => (
            "이 묶음은 만든 뒤에 바뀌었습니다",
            "This pack was changed after it was made",
            "받은 그대로의 파일을 다시 받아 주세요.",
            "Ask for the file again, as it was sent.",
        ),
        "pack_damaged" => (
            "묶음 파일을 읽을 수 없습니다",
            "The pack file cannot be read",
            "파일이 끝까지 받아졌는지 확인해 주세요.",
            "Check that the whole file was received.",
        ),
        _ => (
            "이 묶음은 받을 수 없습니다",
            "This pack cannot be used",
            "만든 사람에게 고쳐 달라고 해 주세요.",
            "Ask its maker to fix it.",
        ),
    };
    CoreError::Pack {
        code,
        ko: format!("{lead_ko}: {ko}. 아무것도 설치하지 않았습니다. {tail_ko}"),
        en: format!("{lead_en}: {en}. Nothing was installed. {tail_en}"),
    }
}
