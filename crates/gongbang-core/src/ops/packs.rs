//! Why: the template packs the owner makes, looks at, installs and removes (issue 15), one function per
//! thing he does, for the window and the CLI alike.

use std::path::Path;

use crate::domain::{ExportedPack, InstalledPack, PackPreview};
use crate::pack;
use crate::repo::{packs, shop_profile};
use crate::{Library, Result};

/// Makes a pack of the library's own templates, trade notes, lessons, keyword list and weights in
/// `out_dir`. `name`: the pack's name (empty: "<author> 템플릿 묶음"); `author`: the maker's name (None: the
/// shop profile's name).
pub fn export(
    lib: &Library,
    out_dir: &Path,
    name: &str,
    author: Option<&str>,
) -> Result<ExportedPack> {
    let author = match author {
        Some(a) => a.to_string(),
        None => shop_profile::get(lib.conn())?.name,
    };
    pack::export(lib.root(), out_dir, name, &author)
}

/// Reads and checks a pack file and says what installing it would change; nothing is installed.
pub fn preview(lib: &Library, file: &Path) -> Result<PackPreview> {
    pack::preview(lib, &pack::read(file)?)
}

/// Checks a pack file again and installs it as the newest pack. An author not trusted yet is refused
/// (`pack_untrusted`, with the name and the key's fingerprint) unless `trust`, which trusts them from now on.
pub fn install(lib: &Library, file: &Path, trust: bool) -> Result<InstalledPack> {
    pack::install(lib, &pack::read(file)?, trust)
}

/// Reads, previews and installs in one go (the CLI): what it changes and what was installed.
pub fn import(lib: &Library, file: &Path, trust: bool) -> Result<(PackPreview, InstalledPack)> {
    let verified = pack::read(file)?;
    let preview = pack::preview(lib, &verified)?;
    let installed = pack::install(lib, &verified, trust)?;
    Ok((preview, installed))
}

/// The installed packs, newest first.
pub fn list(lib: &Library) -> Result<Vec<InstalledPack>> {
    packs::installed(lib.conn())
}

/// Removes an installed pack by its id (its files stop being used at once).
pub fn remove(lib: &Library, id: &str) -> Result<()> {
    pack::remove(lib, id)
}
