//! Why: a club (동아리) or a mentor shares one folder — synced by Syncthing, a NAS, OneDrive, Naver MYBOX,
//! anything — instead of a server of our own. What others put there (review bundles, replies, template
//! packs) shows up in the app; what the owner sends goes there; optionally the shop's posting streak (counts
//! only) too. Two PCs may write at once and a sync tool may be half-way through a file, so every file is
//! written under a hidden temporary name and renamed into place, never edited in place, and the app reads
//! only whole files under their final names (hidden, partial and sync-tool temporary files are skipped).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::domain::review::ReviewRole;
use crate::library::Library;
use crate::repo::{reviews, settings};
use crate::review::{self, BUNDLE_EXT, REPLY_EXT};
use crate::{calendar, CoreError, Result};

/// Setting key: the club folder (empty or missing: none).
pub const FOLDER_KEY: &str = "club_folder";
/// Setting key: "1" when the shop shares its posting streak with the club.
pub const SHARE_STREAK_KEY: &str = "club_share_streak";
/// Setting key: this library's own name for its streak file (random, made once; never the shop's data).
const MEMBER_KEY: &str = "club_member_id";
/// A template pack's file extension.
pub const PACK_EXT: &str = "gbpack";
/// The club folder's sub-folder of streak files.
const STREAKS: &str = "streaks";

/// What a club file is.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClubKind {
    /// A review bundle someone asks a mentor to look at.
    Bundle,
    /// A mentor's reply to a bundle this library sent.
    Reply,
    /// A template pack.
    Pack,
}

/// A file in the club folder waiting to be opened.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClubItem {
    /// The file's name in the club folder (what `take` opens).
    pub name: String,
    pub kind: ClubKind,
    /// Who sent it: a bundle's shop, a reply's mentor, a pack's author (as the pack names them).
    pub from: String,
    /// A bundle's or a reply's post title, a pack's name.
    pub title: String,
    pub created_at: String,
}

/// The club folder as set, if any.
pub fn folder(lib: &Library) -> Result<Option<PathBuf>> {
    Ok(settings::get(lib.conn(), FOLDER_KEY)?
        .filter(|s| !s.trim().is_empty())
        .map(PathBuf::from))
}

/// Sets (or with `None` clears) the club folder; it must be an existing folder.
pub fn set_folder(lib: &Library, dir: Option<&Path>) -> Result<()> {
    match dir {
        None => settings::set(lib.conn(), FOLDER_KEY, ""),
        Some(d) if d.is_dir() => settings::set(lib.conn(), FOLDER_KEY, &d.to_string_lossy()),
        Some(d) => Err(CoreError::invalid(
            format!(
                "'{}' 폴더를 찾을 수 없습니다. 동아리와 함께 쓰는 폴더를 골라 주세요.",
                d.display()
            ),
            format!(
                "Folder '{}' was not found. Pick the folder you share with the club.",
                d.display()
            ),
        )),
    }
}

fn required(lib: &Library) -> Result<PathBuf> {
    let dir = folder(lib)?.ok_or_else(|| {
        CoreError::invalid(
            "동아리 폴더를 아직 정하지 않았습니다. 설정에서 골라 주세요.",
            "No club folder is set yet; pick one in Settings.",
        )
    })?;
    if !dir.is_dir() {
        return Err(CoreError::invalid(
            format!(
                "동아리 폴더 '{}'를 찾을 수 없습니다 (USB나 네트워크가 빠졌나요?).",
                dir.display()
            ),
            format!(
                "The club folder '{}' is not there (is the USB stick or network drive connected?).",
                dir.display()
            ),
        ));
    }
    Ok(dir)
}

/// Whether a name in the club folder is a whole file of ours: not hidden, not a temporary or partial file
/// of ours or of a sync tool, with one of our extensions.
fn kind_of(name: &str) -> Option<ClubKind> {
    if name.starts_with('.') || name.starts_with('~') || name.contains(".sync") {
        return None;
    }
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        e if e == BUNDLE_EXT => Some(ClubKind::Bundle),
        e if e == REPLY_EXT => Some(ClubKind::Reply),
        e if e == PACK_EXT => Some(ClubKind::Pack),
        _ => None,
    }
}

/// What others put in the club folder for this library: bundles it did not send (and has not opened),
/// replies to bundles it sent (not yet opened), packs not installed here. A file that cannot be read is left out (a sync tool
/// may still be writing it); the list never fails on one bad file.
pub fn inbox(lib: &Library) -> Result<Vec<ClubItem>> {
    let Some(dir) = folder(lib)? else {
        return Ok(Vec::new());
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let sent = reviews::sent_bundle_ids(lib.conn())?;
    let installed: Vec<String> = crate::repo::packs::installed(lib.conn())?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(kind) = kind_of(&name) else { continue };
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = e.path();
        let item = match kind {
            ClubKind::Bundle => {
                let Ok(m) = review::read_bundle_manifest(&path) else {
                    continue;
                };
                if sent.contains(&m.id)
                    || reviews::by_bundle(lib.conn(), &m.id, ReviewRole::Received)?.is_some()
                {
                    continue;
                }
                ClubItem {
                    name,
                    kind,
                    from: m.shop,
                    title: m.post.title,
                    created_at: m.created_at,
                }
            }
            ClubKind::Reply => {
                let Ok(r) = review::read_reply(&path) else {
                    continue;
                };
                if !sent.contains(&r.bundle_id) || reviews::has_reply(lib.conn(), &r.id)? {
                    continue;
                }
                ClubItem {
                    name,
                    kind,
                    from: r.reviewer,
                    title: r.title,
                    created_at: r.created_at,
                }
            }
            ClubKind::Pack => {
                // Checked as an import checks it; a pack already installed here is not shown again.
                let Ok(p) = crate::pack::read(&path) else {
                    continue;
                };
                if installed.contains(&p.manifest.id) {
                    continue;
                }
                ClubItem {
                    name,
                    kind,
                    from: p.manifest.author.name,
                    title: p.manifest.name,
                    created_at: p.manifest.created_at,
                }
            }
        };
        out.push(item);
    }
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.name.cmp(&b.name)));
    Ok(out)
}

/// A club file by its name: only a plain name in the club folder (no path).
pub fn path_of(lib: &Library, name: &str) -> Result<PathBuf> {
    let dir = required(lib)?;
    let plain = Path::new(name)
        .file_name()
        .is_some_and(|n| n.to_string_lossy() == name);
    if !plain || kind_of(name).is_none() {
        return Err(CoreError::invalid(
            format!("'{name}'은(는) 동아리 폴더의 파일이 아닙니다."),
            format!("'{name}' is not a file of the club folder."),
        ));
    }
    Ok(dir.join(name))
}

/// Moves a club file out of the club folder once the library holds its copy: removal only (never edited
/// in place); a file already gone (another PC took it, the sync tool moved it) is fine.
pub fn remove_taken(path: &Path) -> Result<()> {
    match crate::busy::retry_while_busy(|| std::fs::remove_file(path)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(CoreError::io(path, e)),
    }
}

/// Where the owner's bundles and the mentor's replies go: the club folder when one is set.
pub fn outbox(lib: &Library) -> Result<Option<PathBuf>> {
    Ok(folder(lib)?.filter(|d| d.is_dir()))
}

/// One shop's posting streak as shared with the club: counts only, nothing of the posts.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClubStreak {
    pub shop: String,
    pub streak_weeks: u32,
    pub this_week: u32,
    pub goal_per_week: u32,
    pub updated_at: String,
    /// This library's own line.
    #[serde(default, skip_deserializing)]
    pub mine: bool,
}

fn member_id(lib: &Library) -> Result<String> {
    if let Some(id) = settings::get(lib.conn(), MEMBER_KEY)?.filter(|s| !s.is_empty()) {
        return Ok(id);
    }
    let id = review::format::new_id(lib.root().to_string_lossy().as_bytes());
    settings::set(lib.conn(), MEMBER_KEY, &id)?;
    Ok(id)
}

/// Writes the shop's streak into the club folder when the owner chose to share it (and removes it when
/// they stopped); does nothing without a club folder.
pub fn share_streak(lib: &Library, now: DateTime<FixedOffset>) -> Result<()> {
    let Some(dir) = outbox(lib)? else {
        return Ok(());
    };
    let path = dir.join(STREAKS).join(format!("{}.json", member_id(lib)?));
    let on = settings::get(lib.conn(), SHARE_STREAK_KEY)?.as_deref() == Some("1");
    if !on {
        return remove_taken(&path);
    }
    let cal = calendar::calendar(lib.conn(), None, now)?;
    let s = ClubStreak {
        shop: crate::repo::shop_profile::get(lib.conn())?.name,
        streak_weeks: cal.streak_weeks,
        this_week: cal.this_week,
        goal_per_week: cal.goal_per_week,
        updated_at: now.to_rfc3339(),
        mine: true,
    };
    crate::store::write_atomic(&path, &serde_json::to_vec_pretty(&s)?)
}

/// Turns sharing the streak on or off (and writes or removes the file now).
pub fn set_share_streak(lib: &Library, on: bool, now: DateTime<FixedOffset>) -> Result<()> {
    settings::set(lib.conn(), SHARE_STREAK_KEY, if on { "1" } else { "0" })?;
    share_streak(lib, now)
}

/// Whether the shop shares its streak.
pub fn shares_streak(lib: &Library) -> Result<bool> {
    Ok(settings::get(lib.conn(), SHARE_STREAK_KEY)?.as_deref() == Some("1"))
}

/// The streaks the club's shops share, longest first (unreadable files left out).
pub fn streaks(lib: &Library) -> Result<Vec<ClubStreak>> {
    let Some(dir) = outbox(lib)? else {
        return Ok(Vec::new());
    };
    let mine = format!("{}.json", member_id(lib)?);
    let Ok(entries) = std::fs::read_dir(dir.join(STREAKS)) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<ClubStreak> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".json") {
                return None;
            }
            let bytes = std::fs::read(e.path())
                .ok()
                .filter(|b| b.len() < 64 * 1024)?;
            let mut s: ClubStreak = serde_json::from_slice(&bytes).ok()?;
            s.mine = name == mine;
            Some(s)
        })
        .collect();
    out.sort_by(|a, b| {
        b.streak_weeks
            .cmp(&a.streak_weeks)
            .then(a.shop.cmp(&b.shop))
    });
    Ok(out)
}
