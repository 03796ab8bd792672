//! Why: a review travels between two PCs that share nothing but a file, so the file says everything itself:
//! a bundle (`.gbreview`, a zip: `review.json` and the photos exactly as an export writes them, each with its
//! size and blake3) and a reply (`.gbreply`, one JSON file). Reading either is strict: unknown entries,
//! oversized entries, a photo that does not match its hash or carries metadata are refused in plain words.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::review::NoteTarget;
use crate::domain::{Block, Platform};
use crate::imaging::jpeg_segments::verify_clean;
use crate::{CoreError, Result};

/// A review bundle's file extension.
pub const BUNDLE_EXT: &str = "gbreview";
/// A reply's file extension.
pub const REPLY_EXT: &str = "gbreply";

const FORMAT: &str = "gongbang-review";
const VERSION: u32 = 1;
const MANIFEST: &str = "review.json";
/// A bundle holds at most this many photos …
const MAX_PHOTOS: usize = 60;
/// … each at most this big (an exported 1600 px JPEG is well under 2 MB) …
const MAX_PHOTO_BYTES: u64 = 16 * 1024 * 1024;
/// … and its `review.json` and a reply at most this big.
const MAX_JSON_BYTES: u64 = 4 * 1024 * 1024;

/// A block of the post as the bundle carries it: the library's photo ids stay home, a photo is its number.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BundleBlock {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// `photo`: 1-based, into the bundle's photos.
    Photo {
        photo: u32,
        caption: String,
    },
    List {
        items: Vec<String>,
    },
    Table {
        rows: Vec<[String; 2]>,
    },
}

impl BundleBlock {
    /// The text a suggestion may rewrite (a list is its items, one a line); `None` for a table.
    pub fn rewritable_text(&self) -> Option<String> {
        match self {
            BundleBlock::Heading { text } | BundleBlock::Paragraph { text } => Some(text.clone()),
            BundleBlock::Photo { caption, .. } => Some(caption.clone()),
            BundleBlock::List { items } => Some(items.join("\n")),
            BundleBlock::Table { .. } => None,
        }
    }
}

/// The text of a post's block that a suggestion rewrites, as [`BundleBlock::rewritable_text`] reads it.
pub(crate) fn block_text(b: &Block) -> Option<String> {
    match b {
        Block::Heading { text } | Block::Paragraph { text } => Some(text.clone()),
        Block::Photo { caption, .. } => Some(caption.clone()),
        Block::List { items } => Some(items.join("\n")),
        Block::Table { .. } => None,
    }
}

/// Puts `text` into a post's block in place of its rewritable text.
pub(crate) fn set_block_text(b: &mut Block, text: &str) {
    match b {
        Block::Heading { text: t } | Block::Paragraph { text: t } => *t = text.to_string(),
        Block::Photo { caption, .. } => *caption = text.to_string(),
        Block::List { items } => {
            *items = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
        }
        Block::Table { .. } => {}
    }
}

/// The post as the mentor sees it.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundlePost {
    pub platform: Platform,
    pub title: String,
    pub tags: Vec<String>,
    pub blocks: Vec<BundleBlock>,
}

/// One check of the coach's list, as it came out when the bundle was made.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleCheck {
    pub id: String,
    /// `pass`, `warn` or `fail`.
    pub status: String,
    pub title_ko: String,
    pub title_en: String,
    pub why_ko: String,
    pub why_en: String,
}

/// The coach's result when the bundle was made.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleCoach {
    pub score: u32,
    pub passed: u32,
    pub total: u32,
    pub main_keyword: String,
    pub checks: Vec<BundleCheck>,
}

/// A text file of the package, exactly as an export writes it.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleText {
    pub name: String,
    pub text: String,
}

/// A photo entry of the bundle: its name in the zip, size and blake3 (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundlePhoto {
    pub file: String,
    pub size: u64,
    pub blake3: String,
}

/// `review.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleManifest {
    pub format: String,
    pub version: u32,
    pub kind: String,
    pub id: String,
    pub created_at: String,
    pub app_version: String,
    /// The shop that asks for the review (its own name, from its profile).
    pub shop: String,
    pub post: BundlePost,
    pub coach: BundleCoach,
    pub photos: Vec<BundlePhoto>,
    pub texts: Vec<BundleText>,
}

impl BundleManifest {
    pub(crate) fn new(id: String, created_at: String, shop: String) -> Self {
        BundleManifest {
            format: FORMAT.into(),
            version: VERSION,
            kind: "bundle".into(),
            id,
            created_at,
            app_version: env!("CARGO_PKG_VERSION").into(),
            shop,
            post: BundlePost {
                platform: Platform::Naver,
                title: String::new(),
                tags: Vec::new(),
                blocks: Vec::new(),
            },
            coach: BundleCoach {
                score: 0,
                passed: 0,
                total: 0,
                main_keyword: String::new(),
                checks: Vec::new(),
            },
            photos: Vec::new(),
            texts: Vec::new(),
        }
    }
}

/// One note of a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyNote {
    pub target: NoteTarget,
    pub comment: String,
    pub original: Option<String>,
    pub suggestion: Option<String>,
    pub created_at: String,
}

/// A reply file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyFile {
    pub format: String,
    pub version: u32,
    pub kind: String,
    pub id: String,
    pub bundle_id: String,
    /// Who wrote it (the mentor's name as they signed it).
    pub reviewer: String,
    pub created_at: String,
    /// The post's title as the mentor saw it, so the owner recognises which post it is about.
    pub title: String,
    pub notes: Vec<ReplyNote>,
}

impl ReplyFile {
    pub(crate) fn new(
        id: String,
        bundle_id: String,
        reviewer: String,
        title: String,
        notes: Vec<ReplyNote>,
    ) -> Self {
        ReplyFile {
            format: FORMAT.into(),
            version: VERSION,
            kind: "reply".into(),
            id,
            bundle_id,
            reviewer,
            created_at: crate::repo::reviews::now(),
            title,
            notes,
        }
    }
}

/// A refusal of a review file, in plain words.
pub(crate) fn unreadable(file: &Path, ko: &str, en: &str) -> CoreError {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    CoreError::invalid(
        format!("'{name}'은(는) 열 수 없는 검토 파일입니다: {ko}. 보낸 분께 다시 보내 달라고 해 주세요."),
        format!("'{name}' is not a review file this app can open: {en}. Ask the sender to send it again."),
    )
}

/// A new id: 16 bytes of blake3 over the time, the process and `salt` (hex).
pub(crate) fn new_id(salt: &[u8]) -> String {
    let mut h = blake3::Hasher::new();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    h.update(&nanos.to_le_bytes());
    h.update(&std::process::id().to_le_bytes());
    h.update(salt);
    h.finalize().to_hex()[..32].to_string()
}

/// The bundle as zip bytes: `review.json` first, then the photos (stored: they are JPEGs already).
pub(crate) fn bundle_bytes(manifest: &BundleManifest, photos: &[Vec<u8>]) -> Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    let err = |e: zip::result::ZipError| {
        CoreError::invalid(
            format!("검토 묶음을 만들지 못했습니다: {e}"),
            format!("Could not write the review bundle: {e}"),
        )
    };
    zip.start_file(MANIFEST, opts).map_err(err)?;
    zip.write_all(&serde_json::to_vec_pretty(manifest)?)
        .map_err(|e| err(e.into()))?;
    for (p, bytes) in manifest.photos.iter().zip(photos) {
        zip.start_file(p.file.as_str(), opts).map_err(err)?;
        zip.write_all(bytes).map_err(|e| err(e.into()))?;
    }
    Ok(zip.finish().map_err(err)?.into_inner())
}

fn read_entry(
    zip: &mut zip::ZipArchive<std::fs::File>,
    file: &Path,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>> {
    let entry = zip
        .by_name(name)
        .map_err(|_| unreadable(file, &format!("{name} 없음"), &format!("no {name}")))?;
    if entry.size() > limit {
        return Err(unreadable(
            file,
            &format!("{name}이(가) 너무 큼"),
            &format!("{name} is too large"),
        ));
    }
    let mut bytes = Vec::new();
    entry.take(limit + 1).read_to_end(&mut bytes).map_err(|e| {
        unreadable(
            file,
            &format!("{name}이(가) 바뀌었거나 손상됨 ({e})"),
            &format!("{name} was changed or is damaged ({e})"),
        )
    })?;
    if bytes.len() as u64 > limit {
        return Err(unreadable(
            file,
            &format!("{name}이(가) 너무 큼"),
            &format!("{name} is too large"),
        ));
    }
    Ok(bytes)
}

/// The photo entry names a bundle may hold: `photos/01.jpg` … in order.
fn photo_name(n: usize) -> String {
    format!("photos/{n:02}.jpg")
}

/// Names the `n`th photo (1-based) of a bundle.
pub(crate) fn bundle_photo(n: usize, bytes: &[u8]) -> BundlePhoto {
    BundlePhoto {
        file: photo_name(n),
        size: bytes.len() as u64,
        blake3: blake3::hash(bytes).to_hex().to_string(),
    }
}

fn open_zip(file: &Path) -> Result<zip::ZipArchive<std::fs::File>> {
    let f = std::fs::File::open(file).map_err(|e| CoreError::io(file, e))?;
    zip::ZipArchive::new(f).map_err(|e| {
        unreadable(
            file,
            &format!("zip으로 읽을 수 없음 ({e})"),
            &format!("not a readable zip ({e})"),
        )
    })
}

/// The refusal of a file that is neither a bundle nor a reply (by its extension).
pub fn not_a_review_file(file: &Path) -> CoreError {
    CoreError::invalid(
        format!(
            "'{}'은(는) 검토 파일이 아닙니다 (.gbreview 또는 .gbreply).",
            file.display()
        ),
        format!(
            "'{}' is not a review file (.gbreview or .gbreply).",
            file.display()
        ),
    )
}

/// Reads a bundle's `review.json` only (the club folder's list).
pub fn read_bundle_manifest(file: &Path) -> Result<BundleManifest> {
    let mut zip = open_zip(file)?;
    manifest_of(&mut zip, file)
}

fn manifest_of(zip: &mut zip::ZipArchive<std::fs::File>, file: &Path) -> Result<BundleManifest> {
    let bytes = read_entry(zip, file, MANIFEST, MAX_JSON_BYTES)?;
    let m: BundleManifest = serde_json::from_slice(&bytes).map_err(|e| {
        unreadable(
            file,
            &format!("review.json이 손상됨 ({e})"),
            &format!("review.json is damaged ({e})"),
        )
    })?;
    if m.format != FORMAT || m.kind != "bundle" {
        return Err(unreadable(
            file,
            "공방포스트 검토 묶음이 아님",
            "not a Gongbang Post review bundle",
        ));
    }
    if m.version > VERSION {
        return Err(unreadable(
            file,
            "더 새로운 공방포스트로 만든 묶음 (앱을 먼저 업데이트하세요)",
            "made by a newer Gongbang Post (update the app first)",
        ));
    }
    if m.id.is_empty() || !m.id.bytes().all(|b| b.is_ascii_hexdigit()) || m.id.len() > 64 {
        return Err(unreadable(
            file,
            "묶음 번호가 잘못됨",
            "its id is malformed",
        ));
    }
    Ok(m)
}

/// Reads a whole bundle and checks it: only `review.json` and the listed photos, each photo of the listed
/// size and hash, a clean JPEG (no metadata), every photo block pointing at one of them.
pub fn read_bundle(file: &Path) -> Result<(BundleManifest, Vec<Vec<u8>>)> {
    let mut zip = open_zip(file)?;
    let m = manifest_of(&mut zip, file)?;
    if m.photos.len() > MAX_PHOTOS || zip.len() != m.photos.len() + 1 {
        return Err(unreadable(
            file,
            "목록에 없는 파일이 들어 있음",
            "it holds files its list does not name",
        ));
    }
    let mut photos = Vec::with_capacity(m.photos.len());
    for (i, p) in m.photos.iter().enumerate() {
        if p.file != photo_name(i + 1) {
            return Err(unreadable(
                file,
                "사진 이름이 잘못됨",
                "a photo is misnamed",
            ));
        }
        let bytes = read_entry(&mut zip, file, &p.file, MAX_PHOTO_BYTES)?;
        if bytes.len() as u64 != p.size || blake3::hash(&bytes).to_hex().as_str() != p.blake3 {
            return Err(unreadable(
                file,
                &format!("{}이(가) 바뀌었거나 손상됨", p.file),
                &format!("{} was changed or is damaged", p.file),
            ));
        }
        verify_clean(&bytes).map_err(|e| {
            unreadable(
                file,
                &format!("{}에 정보(메타데이터)가 남아 있음 ({e})", p.file),
                &format!("{} carries metadata ({e})", p.file),
            )
        })?;
        photos.push(bytes);
    }
    let count = photos.len();
    let bad_photo = m.post.blocks.iter().any(
        |b| matches!(b, BundleBlock::Photo { photo, .. } if *photo == 0 || *photo as usize > count),
    );
    if bad_photo {
        return Err(unreadable(
            file,
            "글이 없는 사진을 가리킴",
            "the post points at a photo it does not hold",
        ));
    }
    Ok((m, photos))
}

/// Reads and checks a reply file.
pub fn read_reply(file: &Path) -> Result<ReplyFile> {
    let meta = std::fs::metadata(file).map_err(|e| CoreError::io(file, e))?;
    if meta.len() > MAX_JSON_BYTES {
        return Err(unreadable(file, "파일이 너무 큼", "the file is too large"));
    }
    let bytes = crate::store::read_original(file)?;
    let r: ReplyFile = serde_json::from_slice(&bytes).map_err(|e| {
        unreadable(
            file,
            &format!("답장 내용이 손상됨 ({e})"),
            &format!("the reply is damaged ({e})"),
        )
    })?;
    if r.format != FORMAT || r.kind != "reply" {
        return Err(unreadable(
            file,
            "공방포스트 검토 답장이 아님",
            "not a Gongbang Post review reply",
        ));
    }
    if r.version > VERSION {
        return Err(unreadable(
            file,
            "더 새로운 공방포스트로 쓴 답장 (앱을 먼저 업데이트하세요)",
            "written by a newer Gongbang Post (update the app first)",
        ));
    }
    let bad_rewrite = r
        .notes
        .iter()
        .any(|n| n.original.is_some() != n.suggestion.is_some());
    if bad_rewrite {
        return Err(unreadable(
            file,
            "고쳐 쓰기 제안이 반쪽임",
            "a suggested rewrite is incomplete",
        ));
    }
    Ok(r)
}
