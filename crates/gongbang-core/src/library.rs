//! Why: the owner's library is one folder — the SQLite file plus the content-addressed photo store and
//! thumbnails — found in the OS data folder unless `GONGBANG_LIBRARY` or `--library` says otherwise, or the
//! owner switched to another library folder (a restored backup), recorded in the OS config folder.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::{db, CoreError, Result};

/// The environment variable that overrides the library folder.
pub const LIBRARY_ENV: &str = "GONGBANG_LIBRARY";
/// Folder name under the OS data folder; equals the app's Tauri identifier, so the window and the CLI
/// share one library.
pub const APP_IDENTIFIER: &str = "kr.gongbang.post";
/// The file in the OS config folder (`<config>/kr.gongbang.post/`) naming the library folder the owner chose
/// (a restored backup); read at start. Missing: the default folder.
pub const LIBRARY_POINTER: &str = "library-folder.txt";
/// Test hook: the folder holding [`LIBRARY_POINTER`] instead of the OS config folder.
pub const CONFIG_ENV: &str = "GONGBANG_CONFIG_DIR";

/// An open library.
pub struct Library {
    root: PathBuf,
    conn: Connection,
}

impl Library {
    /// Opens the library at `root`, creating the folder and the database when missing.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root).map_err(|e| CoreError::io(&root, e))?;
        let conn = db::open(&root.join("library.sqlite3"))?;
        Ok(Library { root, conn })
    }

    /// The default library folder: `GONGBANG_LIBRARY`, else the OS's local data folder — on Windows
    /// `%LOCALAPPDATA%\kr.gongbang.post` (photos are too large to roam with a profile; WebView2 keeps the
    /// window's own data beside it), on Linux `~/.local/share/kr.gongbang.post`, on macOS
    /// `~/Library/Application Support/kr.gongbang.post`.
    pub fn default_root() -> Result<PathBuf> {
        if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        if let Some(dir) = chosen_root() {
            return Ok(dir);
        }
        Self::os_default_root()
    }

    /// The OS's own data folder for the library (what [`Library::default_root`] falls back to).
    pub fn os_default_root() -> Result<PathBuf> {
        dirs::data_local_dir()
            .map(|d| d.join(APP_IDENTIFIER))
            .ok_or_else(|| {
                CoreError::invalid(
                    "자료 폴더를 찾을 수 없습니다. GONGBANG_LIBRARY로 폴더를 지정해 주세요.",
                    "No data folder found; set GONGBANG_LIBRARY to a folder.",
                )
            })
    }

    /// The library folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The database connection, for the core's layers and its own tests; callers outside the core use
    /// [`crate::ops`] (checked by `tests/suite/surface.rs`).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The database connection, for transactions.
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The store's file paths (cheap to clone, usable from worker threads).
    pub fn store_paths(root: &Path) -> StorePaths {
        StorePaths {
            root: root.to_path_buf(),
        }
    }

    /// Where the original with this hash lives.
    pub fn original_path(&self, hash: &str, extension: &str) -> PathBuf {
        Self::store_paths(&self.root).original(hash, extension)
    }

    /// Deletes the stored original (whatever its extension) and the thumbnail of a photo the library no
    /// longer has a row for. Only the library's own store: the owner's files and exported folders are never
    /// touched. Read-only originals are made writable first (Windows refuses to delete them otherwise).
    pub fn forget_stored(&self, hash: &str) -> Result<()> {
        if hash.len() < 2 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(());
        }
        let paths = Self::store_paths(&self.root);
        let mut files = vec![paths.thumbnail(hash)];
        if let Some(dir) = paths.original(hash, "x").parent() {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for e in entries.flatten() {
                    let name = e.file_name();
                    let name = name.to_string_lossy();
                    if name.split('.').next() == Some(hash) {
                        files.push(e.path());
                    }
                }
            }
        }
        for f in files {
            if let Ok(meta) = std::fs::metadata(&f) {
                let mut perms = meta.permissions();
                if perms.readonly() {
                    #[allow(
                        clippy::permissions_set_readonly_false,
                        reason = "the file is deleted next"
                    )]
                    perms.set_readonly(false);
                    let _ = std::fs::set_permissions(&f, perms);
                }
                std::fs::remove_file(&f).map_err(|e| CoreError::io(&f, e))?;
            }
        }
        Ok(())
    }

    /// Where the thumbnail of the photo with this hash lives.
    pub fn thumbnail_path(&self, hash: &str) -> PathBuf {
        Self::store_paths(&self.root).thumbnail(hash)
    }

    /// Where the templates, trade notes, lessons, keyword lists and checklist weights are looked up: the
    /// owner's own files in the library folder first, then the installed packs, newest first (the shipped
    /// ones come after all of these, in each loader).
    pub fn overlay(&self) -> Result<Overlay> {
        let mut roots = vec![self.root.clone()];
        for pack in crate::repo::packs::installed(&self.conn)? {
            let dir = self.root.join(PACKS_FOLDER).join(&pack.id);
            if dir.is_dir() {
                roots.push(dir);
            }
        }
        Ok(Overlay { roots })
    }
}

/// The folder of a library holding the installed template packs, one folder per pack id.
pub const PACKS_FOLDER: &str = "packs";

/// The folders a mentor's files are looked up in, highest first: the library folder (the owner's own
/// `templates/`, `trade/`, `lessons/`, `keywords.toml`, `weights.toml`), then each installed pack's folder
/// (same layout), newest first. Built from [`Library::overlay`]; a loader falls back to what is shipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    roots: Vec<PathBuf>,
}

impl Overlay {
    /// Only the library folder's own files (no packs).
    pub fn owner_only(root: &Path) -> Self {
        Overlay {
            roots: vec![root.to_path_buf()],
        }
    }

    /// These folders, highest first.
    pub fn from_roots(roots: Vec<PathBuf>) -> Self {
        Overlay { roots }
    }

    /// The folders, highest first.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// Every existing file at `rel` (a relative path with `/`), highest first.
    pub fn files(&self, rel: &str) -> Vec<PathBuf> {
        self.roots
            .iter()
            .map(|r| rel.split('/').fold(r.clone(), |p, part| p.join(part)))
            .filter(|p| p.is_file())
            .collect()
    }
}

/// Where the pointer to the chosen library folder is kept.
fn pointer_file() -> Option<PathBuf> {
    let dir = match std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => dirs::config_dir()?.join(APP_IDENTIFIER),
    };
    Some(dir.join(LIBRARY_POINTER))
}

/// The library folder the owner switched to, if any (an absolute path written by [`set_chosen_root`]).
pub fn chosen_root() -> Option<PathBuf> {
    let text = std::fs::read_to_string(pointer_file()?).ok()?;
    let line = text.lines().next()?.trim();
    let dir = PathBuf::from(line);
    (!line.is_empty() && dir.is_absolute()).then_some(dir)
}

/// Records the library folder to use from the next start (`None`: back to the OS default).
pub fn set_chosen_root(dir: Option<&Path>) -> Result<()> {
    let Some(file) = pointer_file() else {
        return Err(CoreError::invalid(
            "설정 폴더를 찾을 수 없습니다.",
            "No configuration folder found.",
        ));
    };
    match dir {
        Some(d) => crate::store::write_atomic(&file, format!("{}\n", d.display()).as_bytes()),
        None => match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(CoreError::io(&file, e)),
            _ => Ok(()),
        },
    }
}

/// Paths inside the content-addressed store: `originals/ab/abcd….ext`, `thumbs/ab/abcd….jpg` and
/// `music/ab/abcd….ext`.
#[derive(Debug, Clone)]
pub struct StorePaths {
    root: PathBuf,
}

impl StorePaths {
    fn sharded(&self, kind: &str, hash: &str, extension: &str) -> PathBuf {
        let shard = hash.get(..2).unwrap_or("__");
        self.root
            .join(kind)
            .join(shard)
            .join(format!("{hash}.{extension}"))
    }

    /// Where the original with this hash lives.
    pub fn original(&self, hash: &str, extension: &str) -> PathBuf {
        self.sharded("originals", hash, extension)
    }

    /// Where the thumbnail of the photo with this hash lives.
    pub fn thumbnail(&self, hash: &str) -> PathBuf {
        self.sharded("thumbs", hash, "jpg")
    }

    /// Where the copy of a video's music with this hash lives.
    pub fn music(&self, hash: &str, extension: &str) -> PathBuf {
        self.sharded("music", hash, extension)
    }
}
