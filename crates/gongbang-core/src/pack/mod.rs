//! Why: a mentor or a club shares edited templates, trade notes, lessons, keyword lists and checklist
//! weights as one signed file (issue 15); a shop sees what it changes before installing, trusts its author
//! once, and can remove it again. A pack that was changed, holds anything unexpected or does not work in
//! this app is refused whole and nothing is installed.
//!
//! Precedence (see `Library::overlay`): the owner's own files win over packs, the newest-installed pack
//! over older ones, packs over what is shipped.

pub mod format;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::coach::weights;
use crate::domain::{
    ExportedPack, InstalledPack, KeywordChange, PackAuthor, PackChangeKind, PackFileChange,
    PackPreview, WeightChange,
};
use crate::draft::keyword_lists::{self, KeywordList};
use crate::error::CoreError;
use crate::library::{Library, Overlay, PACKS_FOLDER};
use crate::repo;
use crate::Result;

use format::{
    check_contents, classify, from_hex, pack_id, refused, to_hex, Kind, Manifest, ManifestAuthor,
    ManifestFile, FORMAT, MANIFEST, MAX_FILES, MAX_MANIFEST_BYTES, MAX_PACK_BYTES, MAX_TOTAL_BYTES,
    SIGNATURE, VERSION,
};

/// Where a library keeps its pack author's secret key. In the library folder on purpose: a backup keeps
/// the identity (the same key signs the owner's next packs, so shops that trusted him are not asked again).
pub const AUTHOR_KEY_FILE: &str = "keys/pack-author.key";

/// A pack read and verified in memory: the signature, every file's size and hash, the layout, the limits
/// and the contents all checked.
#[derive(Debug, Clone)]
pub struct VerifiedPack {
    pub manifest: Manifest,
    pub author: PackAuthor,
    /// Path in the pack → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
}

fn damaged(ko: impl Into<String>, en: impl Into<String>) -> CoreError {
    refused("pack_damaged", (ko.into(), en.into()))
}

fn tampered(ko: impl Into<String>, en: impl Into<String>) -> CoreError {
    refused("pack_tampered", (ko.into(), en.into()))
}

/// Reads one zip entry, at most `limit` bytes (a larger one is refused, whatever its header says).
fn read_entry(zip: &mut zip::ZipArchive<File>, name: &str, limit: u64) -> Result<Vec<u8>> {
    let entry = zip.by_name(name).map_err(|_| {
        tampered(
            format!("{name}이(가) 없습니다"),
            format!("{name} is missing"),
        )
    })?;
    let mut bytes = Vec::new();
    entry.take(limit + 1).read_to_end(&mut bytes).map_err(|e| {
        damaged(
            format!("{name}을(를) 읽을 수 없습니다 ({e})"),
            format!("{name} cannot be read ({e})"),
        )
    })?;
    if bytes.len() as u64 > limit {
        return Err(refused(
            "pack_refused",
            (
                format!("{name}이(가) 너무 큽니다"),
                format!("{name} is too large"),
            ),
        ));
    }
    Ok(bytes)
}

/// Reads and verifies a `.gbpack` file; nothing is written.
pub fn read(path: &Path) -> Result<VerifiedPack> {
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?;
    if meta.len() > MAX_PACK_BYTES {
        return Err(refused(
            "pack_refused",
            (
                format!(
                    "파일이 너무 큽니다 ({} MB까지)",
                    MAX_PACK_BYTES / (1024 * 1024)
                ),
                format!(
                    "the file is too large (at most {} MB)",
                    MAX_PACK_BYTES / (1024 * 1024)
                ),
            ),
        ));
    }
    let file = File::open(path).map_err(|e| CoreError::io(path, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        damaged(
            format!("zip 파일로 읽을 수 없습니다 ({e})"),
            format!("it is not a readable zip file ({e})"),
        )
    })?;
    if zip.len() > MAX_FILES + 2 {
        return Err(refused(
            "pack_refused",
            (
                format!("파일이 너무 많습니다 ({MAX_FILES}개까지)"),
                format!("it holds too many files (at most {MAX_FILES})"),
            ),
        ));
    }
    let mut entries: Vec<String> = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| {
            damaged(
                format!("zip 항목을 읽을 수 없습니다 ({e})"),
                format!("a zip entry cannot be read ({e})"),
            )
        })?;
        let name = entry
            .name()
            .map_err(|e| {
                damaged(
                    format!("zip 항목 이름을 읽을 수 없습니다 ({e})"),
                    format!("a zip entry's name cannot be read ({e})"),
                )
            })?
            .into_owned();
        if entry.is_dir() {
            continue;
        }
        if entries.contains(&name) {
            return Err(tampered(
                format!("{name}이(가) 두 번 들어 있습니다"),
                format!("{name} is in it twice"),
            ));
        }
        entries.push(name);
    }
    if !entries.iter().any(|e| e == MANIFEST) || !entries.iter().any(|e| e == SIGNATURE) {
        return Err(damaged(
            "공방포스트 템플릿 묶음이 아닙니다 (manifest.json이나 signature가 없습니다)",
            "it is not a Gongbang Post template pack (no manifest.json or signature)",
        ));
    }
    let manifest_bytes = read_entry(&mut zip, MANIFEST, MAX_MANIFEST_BYTES)?;
    let signature_hex = read_entry(&mut zip, SIGNATURE, 512)?;
    // The signature first, over the exact bytes: nothing the manifest says is believed before it holds.
    let value: serde_json::Value = serde_json::from_slice(&manifest_bytes).map_err(|e| {
        damaged(
            format!("manifest.json을 읽을 수 없습니다 ({e})"),
            format!("manifest.json cannot be read ({e})"),
        )
    })?;
    let key_hex = value
        .get("author")
        .and_then(|a| a.get("key"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_string();
    let key = from_hex(&key_hex)
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
        .ok_or_else(|| damaged("만든 사람의 열쇠가 없습니다", "the author's key is missing"))?;
    let signature = std::str::from_utf8(&signature_hex)
        .ok()
        .and_then(from_hex)
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
        .ok_or_else(|| tampered("서명이 올바르지 않습니다", "the signature is not valid"))?;
    key.verify_strict(&manifest_bytes, &signature)
        .map_err(|_| {
            tampered(
                "서명이 manifest.json과 맞지 않습니다",
                "the signature does not match manifest.json",
            )
        })?;
    let manifest: Manifest = serde_json::from_value(value).map_err(|e| {
        damaged(
            format!("manifest.json의 내용이 맞지 않습니다 ({e})"),
            format!("manifest.json is not as expected ({e})"),
        )
    })?;
    if manifest.format != FORMAT || manifest.version != VERSION {
        return Err(damaged(
            format!(
                "다른 형식이나 더 새 버전의 묶음입니다 ({} {})",
                manifest.format, manifest.version
            ),
            format!(
                "it is another format or a newer version ({} {})",
                manifest.format, manifest.version
            ),
        ));
    }
    for (field, value) in [("name", &manifest.name), ("author", &manifest.author.name)] {
        if value.trim().is_empty() || value.chars().count() > 100 {
            return Err(refused(
                "pack_refused",
                (
                    format!("묶음의 {field}이(가) 비었거나 너무 깁니다"),
                    format!("the pack's {field} is empty or too long"),
                ),
            ));
        }
    }
    if pack_id(&manifest.files) != manifest.id {
        return Err(tampered(
            "묶음 번호(id)가 파일 목록과 맞지 않습니다",
            "the pack's id does not match its file list",
        ));
    }
    let mut total = 0u64;
    let mut files = BTreeMap::new();
    for f in &manifest.files {
        let kind = classify(&f.path).map_err(|reason| refused("pack_refused", reason))?;
        if files.contains_key(&f.path) {
            return Err(tampered(
                format!("{}이(가) 목록에 두 번 있습니다", f.path),
                format!("{} is listed twice", f.path),
            ));
        }
        total += f.size;
        if f.size > kind.max_bytes() || total > MAX_TOTAL_BYTES {
            return Err(refused(
                "pack_refused",
                (
                    format!("{}이(가) 너무 큽니다", f.path),
                    format!("{} is too large", f.path),
                ),
            ));
        }
        if !entries.contains(&f.path) {
            return Err(tampered(
                format!("목록에 있는 {}이(가) 없습니다", f.path),
                format!("{} is listed but missing", f.path),
            ));
        }
        // Up to the kind's limit: an entry longer than listed is a changed file, not a large one.
        let bytes = read_entry(&mut zip, &f.path, kind.max_bytes())?;
        if bytes.len() as u64 != f.size || blake3::hash(&bytes).to_hex().as_str() != f.blake3 {
            return Err(tampered(
                format!("{}의 내용이 목록과 다릅니다", f.path),
                format!("{} differs from its listing", f.path),
            ));
        }
        files.insert(f.path.clone(), bytes);
    }
    if let Some(extra) = entries
        .iter()
        .find(|e| *e != MANIFEST && *e != SIGNATURE && !files.contains_key(*e))
    {
        return Err(tampered(
            format!("목록에 없는 파일 {extra}이(가) 들어 있습니다"),
            format!("it holds {extra}, which is not in its list"),
        ));
    }
    check_contents(&files).map_err(|reason| refused("pack_refused", reason))?;
    let author = PackAuthor::new(manifest.author.name.trim(), &key_hex.to_ascii_lowercase());
    Ok(VerifiedPack {
        manifest,
        author,
        files,
    })
}

/// The library's pack author key: read from [`AUTHOR_KEY_FILE`], or made from the OS's random source and
/// kept there on first use.
fn author_key(root: &Path) -> Result<SigningKey> {
    let path = AUTHOR_KEY_FILE
        .split('/')
        .fold(root.to_path_buf(), |p, part| p.join(part));
    if path.is_file() {
        let text = std::fs::read_to_string(&path).map_err(|e| CoreError::io(&path, e))?;
        let seed = from_hex(&text)
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .ok_or_else(|| {
                CoreError::Pack {
                    code: "pack_author",
                    ko: format!("묶음 서명 열쇠 파일이 손상되었습니다 ({}). 지우면 새 열쇠를 만들지만, 그 열쇠로 만든 묶음은 받는 쪽에서 새 사람으로 봅니다.", path.display()),
                    en: format!("The pack signing key file is damaged ({}). Deleting it makes a new key, but shops will see packs signed with it as from someone new.", path.display()),
                }
            })?;
        return Ok(SigningKey::from_bytes(&seed));
    }
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| {
        CoreError::io(
            &path,
            std::io::Error::other(format!("no random source: {e}")),
        )
    })?;
    crate::store::write_atomic(&path, format!("{}\n", to_hex(&seed)).as_bytes())?;
    Ok(SigningKey::from_bytes(&seed))
}

/// The owner's own files a pack is made of, by path in the pack.
fn owner_files(root: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut add = |rel: String, path: PathBuf| -> Result<()> {
        if classify(&rel).is_ok() && path.is_file() {
            out.insert(rel, crate::store::read_original(&path)?);
        }
        Ok(())
    };
    for folder in ["templates", "trade", "lessons", "lessons/img"] {
        let dir = folder
            .split('/')
            .fold(root.to_path_buf(), |p, part| p.join(part));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            add(format!("{folder}/{name}"), e.path())?;
        }
    }
    for name in [keyword_lists::FILE_NAME, weights::FILE_NAME] {
        add(name.to_string(), root.join(name))?;
    }
    Ok(out)
}

/// A file name from the pack's name: letters, digits, Hangul, `-` and `_` kept, the rest `-`.
fn file_stem(name: &str) -> String {
    let s: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "pack".to_string()
    } else {
        s
    }
}

/// Writes the library's own templates, trade notes, lessons, keyword list and weights as a signed pack
/// into `out_dir` (temporary file, then renamed). Refused when there is nothing to share, or a file would
/// not be accepted by an import (named).
pub fn export(root: &Path, out_dir: &Path, name: &str, author: &str) -> Result<ExportedPack> {
    let (name, author) = (name.trim(), author.trim());
    if author.is_empty() || author.chars().count() > 100 {
        return Err(CoreError::Pack {
            code: "pack_author",
            ko: "묶음을 만든 사람의 이름이 필요합니다. 가게 정보에 가게 이름을 적거나, 이름을 정해 주세요 (100자까지).".into(),
            en: "A pack needs its author's name: fill in the shop's name in the profile, or give a name (up to 100 characters).".into(),
        });
    }
    let name = if name.is_empty() {
        format!("{author} 템플릿 묶음")
    } else {
        name.chars().take(100).collect()
    };
    let files = owner_files(root)?;
    if files.is_empty() {
        return Err(CoreError::Pack {
            code: "pack_empty",
            ko: "묶음에 넣을 파일이 없습니다. 자료 폴더의 templates, trade, lessons 폴더나 keywords.toml, weights.toml에 고친 파일을 두면 묶음으로 만들 수 있습니다.".into(),
            en: "There is nothing to put in a pack: edited files go in the library folder's templates, trade or lessons folders, or keywords.toml and weights.toml.".into(),
        });
    }
    check_contents(&files).map_err(|(ko, en)| CoreError::Pack {
        code: "pack_refused",
        ko: format!("이 파일은 묶음에 넣을 수 없습니다: {ko}. 묶음을 만들지 않았습니다."),
        en: format!("This file cannot go into a pack: {en}. No pack was written."),
    })?;
    let key = author_key(root)?;
    let listed: Vec<ManifestFile> = files
        .iter()
        .map(|(path, bytes)| ManifestFile {
            path: path.clone(),
            size: bytes.len() as u64,
            blake3: blake3::hash(bytes).to_hex().to_string(),
        })
        .collect();
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: VERSION,
        id: pack_id(&listed),
        name: name.clone(),
        author: ManifestAuthor {
            name: author.to_string(),
            key: to_hex(key.verifying_key().as_bytes()),
        },
        created_at: chrono::Local::now()
            .fixed_offset()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        files: listed,
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest)?;
    let signature = to_hex(&key.sign(&manifest_bytes).to_bytes());
    let zip_error = |e: zip::result::ZipError| CoreError::Pack {
        code: "pack_damaged",
        ko: format!("묶음 파일을 만들지 못했습니다: {e}"),
        en: format!("The pack file could not be made: {e}"),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (entry, bytes) in [
        (MANIFEST, manifest_bytes.as_slice()),
        (SIGNATURE, signature.as_bytes()),
    ]
    .into_iter()
    .chain(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
    {
        zip.start_file(entry, stored).map_err(zip_error)?;
        zip.write_all(bytes)
            .map_err(|e| zip_error(zip::result::ZipError::Io(e)))?;
    }
    let bytes = zip.finish().map_err(zip_error)?.into_inner();
    let target = out_dir.join(format!(
        "{}-{}.{}",
        file_stem(&name),
        manifest.id.get(..8).unwrap_or_default(),
        format::EXTENSION
    ));
    crate::store::write_atomic(&target, &bytes)?;
    Ok(ExportedPack {
        path: target.to_string_lossy().into_owned(),
        id: manifest.id.clone(),
        name,
        author: PackAuthor::new(author, &manifest.author.key),
        file_count: files.len() as u32,
    })
}

/// Whether the pack's author is trusted; with `trust`, trusts them now. Refused with the author's name and
/// fingerprint otherwise.
fn ensure_trusted(lib: &Library, author: &PackAuthor, trust: bool) -> Result<()> {
    let conn = lib.conn();
    if repo::packs::trusted_name(conn, &author.key)?.is_some() {
        return Ok(());
    }
    if trust {
        let now = chrono::Local::now()
            .fixed_offset()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        return repo::packs::trust(conn, &author.key, &author.name, &now);
    }
    Err(CoreError::PackUntrusted {
        name: author.name.clone(),
        key: author.key.clone(),
        fingerprint: author.fingerprint.clone(),
        same_name_known: repo::packs::name_has_other_key(conn, &author.name, &author.key)?,
    })
}

/// What installing the pack would change; nothing is written.
pub fn preview(lib: &Library, pack: &VerifiedPack) -> Result<PackPreview> {
    let conn = lib.conn();
    let root = lib.root();
    let installed = repo::packs::installed(conn)?;
    let others: Vec<&InstalledPack> = installed
        .iter()
        .filter(|p| p.id != pack.manifest.id)
        .collect();
    let in_folder = |dir: &Path, rel: &str| {
        rel.split('/')
            .fold(dir.to_path_buf(), |p, part| p.join(part))
            .is_file()
    };
    let mut files = Vec::new();
    for (path, bytes) in &pack.files {
        let other = others
            .iter()
            .find(|p| in_folder(&root.join(PACKS_FOLDER).join(&p.id), path));
        let builtin = match classify(path) {
            Ok(Kind::Template | Kind::Trade) => true,
            Ok(Kind::Lesson | Kind::LessonImage) => crate::lessons::is_builtin(path),
            _ => false,
        };
        let (change, other_pack) = if in_folder(root, path) {
            (PackChangeKind::HiddenByOwner, None)
        } else if let Some(p) = other {
            (PackChangeKind::ReplacesPack, Some(p.name.clone()))
        } else if builtin {
            (PackChangeKind::ReplacesBuiltin, None)
        } else {
            (PackChangeKind::New, None)
        };
        files.push(PackFileChange {
            path: path.clone(),
            size: bytes.len() as u32,
            change,
            other_pack,
        });
    }
    let overlay = lib.overlay()?;
    let current_overlay = Overlay::from_roots(
        overlay
            .roots()
            .iter()
            .filter(|r| !r.ends_with(&pack.manifest.id))
            .cloned()
            .collect(),
    );
    let mut keywords = Vec::new();
    if let Some(src) = pack
        .files
        .get(keyword_lists::FILE_NAME)
        .and_then(|b| std::str::from_utf8(b).ok())
    {
        let theirs = KeywordList::parse(src)?;
        let ours = keyword_lists::lists(&current_overlay);
        for (group, words) in theirs.groups() {
            for (lang, list) in [("ko", &words.ko), ("en", &words.en)] {
                let known: Vec<String> = ours
                    .iter()
                    .flat_map(|l| l.groups())
                    .filter(|(g, _)| *g == group)
                    .flat_map(|(_, w)| {
                        if lang == "ko" {
                            w.ko.clone()
                        } else {
                            w.en.clone()
                        }
                    })
                    .collect();
                let added: Vec<String> = list
                    .iter()
                    .map(|w| w.trim().to_string())
                    .filter(|w| !w.is_empty() && !known.contains(w))
                    .collect();
                if !added.is_empty() {
                    keywords.push(KeywordChange {
                        group: group.clone(),
                        lang: lang.to_string(),
                        added,
                    });
                }
            }
        }
    }
    let mut weight_changes = Vec::new();
    if let Some(src) = pack
        .files
        .get(weights::FILE_NAME)
        .and_then(|b| std::str::from_utf8(b).ok())
    {
        let theirs = weights::parse(src)?;
        let current = weights::lists(&current_overlay);
        let owners = weights::lists(&Overlay::owner_only(root));
        for (check, to) in theirs {
            let from = weights::weight_of(&current, &check);
            let hidden_by_owner = owners.iter().any(|w| w.contains_key(&check));
            if from != to || hidden_by_owner {
                weight_changes.push(WeightChange {
                    check,
                    from,
                    to,
                    hidden_by_owner,
                });
            }
        }
    }
    Ok(PackPreview {
        id: pack.manifest.id.clone(),
        name: pack.manifest.name.clone(),
        author: pack.author.clone(),
        created_at: pack.manifest.created_at.clone(),
        trusted: repo::packs::trusted_name(conn, &pack.author.key)?.is_some(),
        known_name_other_key: repo::packs::name_has_other_key(
            conn,
            &pack.author.name,
            &pack.author.key,
        )?,
        installed: installed.iter().any(|p| p.id == pack.manifest.id),
        files,
        keywords,
        weights: weight_changes,
    })
}

/// Installs a verified pack into `<library>/packs/<id>/` (a temporary folder beside it, renamed into
/// place), as the newest pack. Its author must be trusted, or `trust` given (then trusted from now on).
pub fn install(lib: &Library, pack: &VerifiedPack, trust: bool) -> Result<InstalledPack> {
    ensure_trusted(lib, &pack.author, trust)?;
    let packs = lib.root().join(PACKS_FOLDER);
    std::fs::create_dir_all(&packs).map_err(|e| CoreError::io(&packs, e))?;
    let target = packs.join(&pack.manifest.id);
    let mut made = false;
    if !target.is_dir() {
        let staging = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempdir_in(&packs)
            .map_err(|e| CoreError::io(&packs, e))?;
        for (rel, bytes) in &pack.files {
            let path = rel
                .split('/')
                .fold(staging.path().to_path_buf(), |p, part| p.join(part));
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
            }
            let mut f = File::create(&path).map_err(|e| CoreError::io(&path, e))?;
            f.write_all(bytes).map_err(|e| CoreError::io(&path, e))?;
            f.sync_all().map_err(|e| CoreError::io(&path, e))?;
        }
        let staged = staging.keep();
        if let Err(e) = crate::busy::retry_while_busy(|| std::fs::rename(&staged, &target)) {
            let _ = std::fs::remove_dir_all(&staged);
            return Err(CoreError::io(&target, e));
        }
        made = true;
    }
    let installed_at = chrono::Local::now()
        .fixed_offset()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    let row = repo::packs::NewPack {
        id: &pack.manifest.id,
        name: &pack.manifest.name,
        author: &pack.author,
        created_at: &pack.manifest.created_at,
        installed_at: &installed_at,
        file_count: pack.files.len() as u32,
    };
    if let Err(e) = repo::packs::insert(lib.conn(), &row) {
        if made {
            let _ = std::fs::remove_dir_all(&target);
        }
        return Err(e);
    }
    Ok(InstalledPack {
        id: pack.manifest.id.clone(),
        name: pack.manifest.name.clone(),
        author: pack.author.clone(),
        created_at: pack.manifest.created_at.clone(),
        installed_at,
        file_count: pack.files.len() as u32,
    })
}

/// Removes an installed pack: its row first (its files stop being used at once), then its folder.
pub fn remove(lib: &Library, id: &str) -> Result<()> {
    let valid = id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit());
    if !valid || !repo::packs::remove(lib.conn(), id)? {
        return Err(CoreError::Pack {
            code: "no_such_pack",
            ko: format!(
                "'{id}' 묶음은 설치되어 있지 않습니다. 설치된 묶음 목록에서 번호를 확인해 주세요."
            ),
            en: format!("No pack '{id}' is installed; see the list of installed packs."),
        });
    }
    let dir = lib.root().join(PACKS_FOLDER).join(id);
    match std::fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(CoreError::io(&dir, e)),
        _ => Ok(()),
    }
}
