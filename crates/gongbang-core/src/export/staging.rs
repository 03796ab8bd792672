//! Why: an export is either complete or absent. It is written into a hidden temporary folder beside the
//! target and renamed into place at the end; its name comes from the app (date, platform, number), never
//! from the owner's text.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::{store, CoreError, Result};

/// An export being written.
pub struct Staging {
    dir: TempDir,
    out_dir: PathBuf,
    files: Vec<String>,
}

impl Staging {
    /// Starts an export under `out_dir` (created when missing).
    pub fn begin(out_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(out_dir).map_err(|e| CoreError::io(out_dir, e))?;
        let dir = tempfile::Builder::new()
            .prefix(".gongbang-export-")
            .tempdir_in(out_dir)
            .map_err(|e| CoreError::io(out_dir, e))?;
        Ok(Staging {
            dir,
            out_dir: out_dir.to_path_buf(),
            files: Vec::new(),
        })
    }

    /// Writes a file at `rel` (an app-chosen relative path) inside the export.
    pub fn write(&mut self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.path().join(rel);
        store::write_atomic(&path, bytes)?;
        self.files.push(rel.to_string());
        Ok(())
    }

    /// Lets `make` write a file at `rel` itself (a video streamed to disk), then records it.
    pub fn write_with(&mut self, rel: &str, make: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
        let path = self.dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| CoreError::io(parent, e))?;
        }
        make(&path)?;
        self.files.push(rel.to_string());
        Ok(())
    }

    /// The folder being written.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Renames the finished export into place as `YYYY-MM-DD_<platform>_NN`; returns the path and the
    /// files written (relative, sorted).
    pub fn commit(self, platform: &str) -> Result<(PathBuf, Vec<String>)> {
        let date = chrono::Local::now().format("%Y-%m-%d").to_string();
        let tmp = self.dir.keep();
        if let Err(e) = open_up(&tmp) {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
        for n in 1..10_000 {
            let target = self.out_dir.join(format!("{date}_{platform}_{n:02}"));
            if target.exists() {
                continue;
            }
            match rename_no_replace(&tmp, &target) {
                Ok(()) => {
                    let mut files = self.files;
                    files.sort();
                    return Ok((target, files));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    let _ = std::fs::remove_dir_all(&tmp);
                    return Err(CoreError::io(target, e));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&tmp);
        Err(CoreError::invalid(
            "내보내기 폴더 이름을 정할 수 없습니다.",
            "No free export folder name.",
        ))
    }
}

/// Temporary files and folders are private (0600/0700); a finished export is the owner's ordinary folder,
/// readable like any other he makes (0644/0755).
#[cfg(unix)]
fn open_up(dir: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| CoreError::io(dir, e))?;
    for entry in std::fs::read_dir(dir).map_err(|e| CoreError::io(dir, e))? {
        let path = entry.map_err(|e| CoreError::io(dir, e))?.path();
        if path.is_dir() {
            open_up(&path)?;
        } else {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))
                .map_err(|e| CoreError::io(&path, e))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn open_up(_dir: &Path) -> Result<()> {
    Ok(())
}

/// Renames a folder, failing with `AlreadyExists` rather than replacing an existing target.
#[cfg(not(windows))]
fn rename_no_replace(from: &Path, to: &Path) -> std::io::Result<()> {
    // A folder appearing between the exists() check and here makes rename fail (ENOTEMPTY/EEXIST) on
    // Linux unless it is empty; creating the target first closes even that window.
    std::fs::create_dir(to)?;
    std::fs::rename(from, to).inspect_err(|_| {
        // Nothing of a failed export stays behind: the empty folder made above goes again.
        let _ = std::fs::remove_dir(to);
    })
}

/// Renames a folder, failing with `AlreadyExists` rather than replacing an existing target.
///
/// Windows never renames a folder onto another one ("Access denied", even onto an empty folder), so the
/// target is not made first; a name taken meanwhile fails the rename and counts as taken. A scanner holding
/// a file of the new export makes the rename fail for a moment: it is tried again (`busy`).
#[cfg(windows)]
fn rename_no_replace(from: &Path, to: &Path) -> std::io::Result<()> {
    crate::busy::retry_while_busy(|| {
        if to.exists() {
            return Err(std::io::ErrorKind::AlreadyExists.into());
        }
        std::fs::rename(from, to)
    })
    .map_err(|e| {
        if to.exists() {
            std::io::Error::new(std::io::ErrorKind::AlreadyExists, e)
        } else {
            e
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_export_on_the_same_day_gets_the_next_number_and_nothing_else_is_left() {
        let out = tempfile::tempdir().unwrap();
        let mut names = Vec::new();
        for _ in 0..2 {
            let mut s = Staging::begin(out.path()).unwrap();
            s.write("본문.txt", "본문".as_bytes()).unwrap();
            let (path, files) = s.commit("naver").unwrap();
            assert_eq!(files, vec!["본문.txt".to_string()]);
            assert_eq!(
                std::fs::read_to_string(path.join("본문.txt")).unwrap(),
                "본문"
            );
            names.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
        assert!(
            names[0].ends_with("_naver_01") && names[1].ends_with("_naver_02"),
            "{names:?}"
        );
        let mut left: Vec<String> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left, names,
            "no temporary or empty folder is left beside the exports"
        );
    }

    #[test]
    fn a_name_taken_while_the_export_was_written_is_skipped_not_replaced() {
        let out = tempfile::tempdir().unwrap();
        let mut s = Staging::begin(out.path()).unwrap();
        s.write("제목.txt", b"new").unwrap();
        // Another export (or the owner) takes the first name, with a file in it, before this one commits.
        let date = chrono::Local::now().format("%Y-%m-%d").to_string();
        let taken = out.path().join(format!("{date}_naver_01"));
        std::fs::create_dir(&taken).unwrap();
        std::fs::write(taken.join("제목.txt"), b"old").unwrap();
        let (path, _) = s.commit("naver").unwrap();
        assert!(path.ends_with(format!("{date}_naver_02")));
        assert_eq!(std::fs::read(taken.join("제목.txt")).unwrap(), b"old");
        assert_eq!(std::fs::read(path.join("제목.txt")).unwrap(), b"new");
    }

    #[test]
    fn a_folder_that_cannot_be_renamed_into_is_an_error_and_leaves_nothing() {
        let out = tempfile::tempdir().unwrap();
        let mut s = Staging::begin(out.path()).unwrap();
        s.write("제목.txt", b"x").unwrap();
        // The staging folder vanishes under the export (a cleaner, the owner): the rename must fail cleanly.
        std::fs::remove_dir_all(s.path()).unwrap();
        assert!(s.commit("naver").is_err());
        assert_eq!(
            std::fs::read_dir(out.path()).unwrap().count(),
            0,
            "no empty folder is left"
        );
    }

    #[test]
    fn an_export_abandoned_half_way_leaves_nothing() {
        let out = tempfile::tempdir().unwrap();
        {
            let mut s = Staging::begin(out.path()).unwrap();
            s.write("photos/01.jpg", b"half").unwrap();
            // Dropped without commit, as when a photo fails its byte check.
        }
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    }
}
