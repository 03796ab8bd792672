//! Why: files are written so that a crash never leaves a half file under a real name: into a temporary
//! file beside the target, flushed, then renamed into place. Originals are only ever opened for reading.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use crate::{CoreError, Result};

/// Reads a whole file, opened read-only.
pub fn read_original(path: &Path) -> Result<Vec<u8>> {
    let mut f = File::open(path).map_err(|e| CoreError::io(path, e))?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf)
        .map_err(|e| CoreError::io(path, e))?;
    Ok(buf)
}

/// Writes `bytes` to `path` atomically (temporary file in the same folder, fsync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(dir)
        .map_err(|e| CoreError::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| CoreError::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| CoreError::io(path, e))?;
    // Windows: renaming onto a file a scanner or viewer holds fails for a moment; keep the temporary file
    // and try again (persist hands it back on failure).
    let mut pending = Some(tmp);
    crate::busy::retry_while_busy(|| match pending.take() {
        Some(t) => t.persist(path).map(drop).map_err(|e| {
            let tempfile::PersistError { error, file } = e;
            pending = Some(file);
            error
        }),
        None => Err(std::io::Error::other("temporary file lost")),
    })
    .map_err(|e| CoreError::io(path, e))?;
    Ok(())
}

/// Stores a content-addressed file once: when `path` exists it already holds these bytes.
pub fn store_once(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    write_atomic(path, bytes)?;
    let mut perms = std::fs::metadata(path)
        .map_err(|e| CoreError::io(path, e))?
        .permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(path, perms).map_err(|e| CoreError::io(path, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overwriting_a_larger_file_leaves_nothing_of_it_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("01.jpg");
        std::fs::write(&path, vec![0xAB; 100_000]).unwrap();
        write_atomic(&path, b"short").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"short");
        // No temporary file is left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
