//! Why: the small choices the owner makes once (the window's language, the export folder, the AI helper's
//! address) read and written without naming the settings table.

use crate::draft::Lang;
use crate::repo::settings;
use crate::{Library, Result};

/// The window's language as saved (Korean when never set).
pub fn lang(lib: &Library) -> Result<Lang> {
    Lang::of_library(lib.conn())
}

/// Saves the window's language.
pub fn set_lang(lib: &Library, lang: Lang) -> Result<()> {
    settings::set(lib.conn(), settings::LANG, lang.as_str())
}

/// The export folder the owner picked, if any.
pub fn export_dir(lib: &Library) -> Result<Option<String>> {
    settings::get(lib.conn(), settings::EXPORT_DIR)
}

/// Remembers the export folder.
pub fn set_export_dir(lib: &Library, dir: &str) -> Result<()> {
    settings::set(lib.conn(), settings::EXPORT_DIR, dir)
}

/// A setting by its key (for the settings of crates above the core, such as the AI helper's).
pub fn get(lib: &Library, key: &str) -> Result<Option<String>> {
    settings::get(lib.conn(), key)
}

/// Writes these settings, all or none (one transaction).
pub fn set_all(lib: &Library, pairs: &[(&str, &str)]) -> Result<()> {
    let tx = lib.conn().unchecked_transaction()?;
    for (key, value) in pairs {
        settings::set(&tx, key, value)?;
    }
    tx.commit()?;
    Ok(())
}
