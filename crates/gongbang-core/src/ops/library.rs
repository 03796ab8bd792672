//! Why: the library screen's operations — the page of cards with its filters, search, the photo wall,
//! archive, remove with undo, a customer's page — each over a `Library`, composing `repo::library`.

use std::collections::BTreeSet;

use crate::domain::{
    ClientChange, ClientDetail, FilterChoices, HitKind, LibraryFilter, LibraryPage, PhotoPage,
    Removal, SearchHit,
};
use crate::repo::{self, library, products};
use crate::{CoreError, Library, Result};

pub use crate::session::{purge_removed, UNDO_DAYS};

/// One page of the library: job cards newest first (empty jobs never), the products the filter leaves (on
/// the first page only), and how many jobs match in all.
pub fn page(lib: &Library, filter: &LibraryFilter, offset: i64, limit: i64) -> Result<LibraryPage> {
    let conn = lib.conn();
    let text = filter.text.trim();
    let (text_jobs, text_products) = if text.is_empty() {
        (None, BTreeSet::new())
    } else {
        let refs = library::search_refs(conn, text)?;
        let products: BTreeSet<i64> = refs
            .iter()
            .filter(|h| h.0 == HitKind::Product)
            .map(|h| h.1)
            .collect();
        (Some(library::jobs_found(conn, &refs, true)?), products)
    };
    let (jobs, total_jobs) = library::job_page(conn, filter, text_jobs.as_ref(), offset, limit)?;
    let products = if offset > 0 {
        Vec::new()
    } else {
        let shown = library::product_ids_for(conn, filter, text_jobs.as_ref(), &text_products)?;
        let archived = if filter.archived {
            "pr.archived_at IS NOT NULL"
        } else {
            "pr.archived_at IS NULL"
        };
        let all = products::query(conn, &format!("pr.removed_at IS NULL AND {archived}"), [])?;
        all.into_iter()
            .filter(|p| shown.as_ref().is_none_or(|s| s.contains(&p.id)))
            .filter(|p| filter.product_id.is_none_or(|id| id == p.id))
            .collect()
    };
    Ok(LibraryPage {
        jobs,
        products,
        total_jobs,
    })
}

/// What the filters can choose from.
pub fn filters(lib: &Library) -> Result<FilterChoices> {
    library::filter_choices(lib.conn())
}

/// Searches everything (titles, job fields, captions, customers and their aliases, posts, products) by any
/// part of a word, Korean too; 1–2 character words too.
pub fn search(lib: &Library, text: &str, limit: i64) -> Result<Vec<SearchHit>> {
    library::search(lib.conn(), text, limit)
}

/// The photo wall across the library, newest first; with a text, the photos whose caption it finds and the
/// photos of the jobs it finds by their own words, customer or product.
pub fn photos(lib: &Library, text: &str, offset: i64, limit: i64) -> Result<PhotoPage> {
    let conn = lib.conn();
    let (photos, total) = if text.trim().is_empty() {
        library::photo_page(conn, None, offset, limit)?
    } else {
        let refs = library::search_refs(conn, text)?;
        let photo_ids: BTreeSet<i64> = refs
            .iter()
            .filter(|h| h.0 == HitKind::Photo)
            .map(|h| h.1)
            .collect();
        // A caption or a post names its photos, not every photo of its job.
        let jobs = library::jobs_found(conn, &refs, false)?;
        library::photo_page(conn, Some((&jobs, &photo_ids)), offset, limit)?
    };
    Ok(PhotoPage { photos, total })
}

/// Adds a library photo to a job (at the end; nothing when it is there already). The guard then weighs
/// the photo under the strictest of its jobs.
pub fn add_photo_to_job(lib: &Library, photo_id: i64, job_id: i64) -> Result<()> {
    repo::jobs::get(lib.conn(), job_id)?;
    if repo::photos::get(lib.conn(), photo_id)?.is_none() {
        return Err(CoreError::NoSuchPhoto(photo_id));
    }
    let tx = lib.conn().unchecked_transaction()?;
    repo::jobs::attach_photo(&tx, job_id, photo_id)?;
    repo::jobs::touch(&tx, job_id)?;
    tx.commit()?;
    Ok(())
}

/// Puts a job in the archive.
pub fn archive_job(lib: &Library, job_id: i64) -> Result<()> {
    library::set_job_archived(lib.conn(), job_id, true)
}

/// Takes a job out of the archive.
pub fn unarchive_job(lib: &Library, job_id: i64) -> Result<()> {
    library::set_job_archived(lib.conn(), job_id, false)
}

/// Removes a job: hidden at once, purged after 30 days unless undone (`undo_removal`).
pub fn remove_job(lib: &Library, job_id: i64) -> Result<Removal> {
    library::remove_job(lib.conn(), job_id)
}

/// Brings back what a removal hid.
pub fn undo_removal(lib: &Library, removal_id: i64) -> Result<()> {
    library::undo_removal(lib.conn(), removal_id)
}

/// A customer's page: the customer, its jobs (cards, newest first), every change of it from the guard log.
pub fn client_detail(lib: &Library, client_id: i64) -> Result<ClientDetail> {
    let conn = lib.conn();
    let client = repo::clients::get(conn, client_id)?;
    let ids = library::job_ids_where(
        conn,
        "j.owner_kind = 'client' AND j.client_id = ?1",
        [client_id],
    )?;
    let jobs = library::cards(conn, &ids)?;
    let changes = repo::guard_log::for_client(conn, client_id)?
        .into_iter()
        .map(|e| ClientChange {
            at: e.at,
            what: e.detail,
        })
        .collect();
    Ok(ClientDetail {
        client,
        jobs,
        changes,
    })
}
