//! Why: the library screen (서재) as commands — cards, filters, search, the photo wall, archive and removal
//! with undo, products and their pages, a post about a product, a customer's page; each a thin adapter over
//! `ops::library` and `ops::products`, adding the thumbnail addresses (the photo's boxes burned in).

use gongbang_core::ops::{
    self, ClientDetail, FilterChoices, JobCard, LibraryFilter, LibraryPage, PhotoPage, PhotoTile,
    Product, ProductDetail, ProductInput, Removal, SearchHit,
};
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::{with_library, AppState};
use crate::thumb_protocol;

fn card_urls(mut c: JobCard) -> JobCard {
    c.cover_thumb_url = c
        .cover_hash
        .as_deref()
        .map(|h| thumb_protocol::url(h, &c.cover_boxes));
    c
}

fn product_urls(mut p: Product) -> Product {
    p.cover_thumb_url = p
        .cover_hash
        .as_deref()
        .map(|h| thumb_protocol::url(h, &p.cover_boxes));
    p
}

fn tile_urls(mut t: PhotoTile) -> PhotoTile {
    t.thumb_url = thumb_protocol::url(&t.hash, &t.boxes);
    t
}

/// One page of the library: job cards newest first (empty jobs never), the products the filter leaves (first
/// page only), and how many jobs match.
#[tauri::command]
#[specta::specta]
pub async fn library_page(
    state: State<'_, AppState>,
    filter: LibraryFilter,
    offset: i64,
    limit: i64,
) -> Result<LibraryPage, IpcError> {
    with_library(&state, move |lib| {
        let mut page = ops::library::page(lib, &filter, offset, limit)?;
        page.jobs = page.jobs.into_iter().map(card_urls).collect();
        page.products = page.products.into_iter().map(product_urls).collect();
        Ok(page)
    })
    .await
}

/// What the library's filters can choose from (customers, materials, processes, years some job has).
#[tauri::command]
#[specta::specta]
pub async fn library_filters(state: State<'_, AppState>) -> Result<FilterChoices, IpcError> {
    with_library(&state, |lib| Ok(ops::library::filters(lib)?)).await
}

/// Searches titles, job fields, captions, customers (and aliases), posts and products by any part of a
/// word (1 character and up).
#[tauri::command]
#[specta::specta]
pub async fn library_search(
    state: State<'_, AppState>,
    text: String,
    limit: i64,
) -> Result<Vec<SearchHit>, IpcError> {
    with_library(&state, move |lib| Ok(ops::library::search(lib, &text, limit)?)).await
}

/// The photo wall across the whole library, newest first (with a text: the photos it finds).
#[tauri::command]
#[specta::specta]
pub async fn library_photos(
    state: State<'_, AppState>,
    text: String,
    offset: i64,
    limit: i64,
) -> Result<PhotoPage, IpcError> {
    with_library(&state, move |lib| {
        let mut page = ops::library::photos(lib, &text, offset, limit)?;
        page.photos = page.photos.into_iter().map(tile_urls).collect();
        Ok(page)
    })
    .await
}

/// Adds a library photo to a job (at the end).
#[tauri::command]
#[specta::specta]
pub async fn add_photo_to_job(
    state: State<'_, AppState>,
    photo_id: i64,
    job_id: i64,
) -> Result<(), IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::library::add_photo_to_job(lib, photo_id, job_id)?)
    })
    .await
}

/// Puts a job in the archive (보관함).
#[tauri::command]
#[specta::specta]
pub async fn archive_job(state: State<'_, AppState>, job_id: i64) -> Result<(), IpcError> {
    with_library(&state, move |lib| Ok(ops::library::archive_job(lib, job_id)?)).await
}

/// Takes a job out of the archive.
#[tauri::command]
#[specta::specta]
pub async fn unarchive_job(state: State<'_, AppState>, job_id: i64) -> Result<(), IpcError> {
    with_library(&state, move |lib| Ok(ops::library::unarchive_job(lib, job_id)?)).await
}

/// Removes a job: hidden at once, purged after 30 days unless undone.
#[tauri::command]
#[specta::specta]
pub async fn remove_job(state: State<'_, AppState>, job_id: i64) -> Result<Removal, IpcError> {
    with_library(&state, move |lib| Ok(ops::library::remove_job(lib, job_id)?)).await
}

/// Brings back a removed job or product.
#[tauri::command]
#[specta::specta]
pub async fn undo_removal(state: State<'_, AppState>, removal_id: i64) -> Result<(), IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::library::undo_removal(lib, removal_id)?)
    })
    .await
}

/// The products (archived ones too when asked), by name.
#[tauri::command]
#[specta::specta]
pub async fn list_products(
    state: State<'_, AppState>,
    include_archived: bool,
) -> Result<Vec<Product>, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::products::list(lib, include_archived)?
            .into_iter()
            .map(product_urls)
            .collect())
    })
    .await
}

/// Saves a product (`id` null = new); a name is required.
#[tauri::command]
#[specta::specta]
pub async fn save_product(
    state: State<'_, AppState>,
    input: ProductInput,
) -> Result<Product, IpcError> {
    with_library(&state, move |lib| {
        Ok(product_urls(ops::products::save(lib, &input)?))
    })
    .await
}

/// Puts a product in the archive.
#[tauri::command]
#[specta::specta]
pub async fn archive_product(state: State<'_, AppState>, product_id: i64) -> Result<(), IpcError> {
    with_library(&state, move |lib| Ok(ops::products::archive(lib, product_id)?)).await
}

/// Takes a product out of the archive.
#[tauri::command]
#[specta::specta]
pub async fn unarchive_product(
    state: State<'_, AppState>,
    product_id: i64,
) -> Result<(), IpcError> {
    with_library(&state, move |lib| Ok(ops::products::unarchive(lib, product_id)?)).await
}

/// Removes a product: its jobs stay (unlinked); undo restores the links.
#[tauri::command]
#[specta::specta]
pub async fn remove_product(
    state: State<'_, AppState>,
    product_id: i64,
) -> Result<Removal, IpcError> {
    with_library(&state, move |lib| Ok(ops::products::remove(lib, product_id)?)).await
}

/// A product's page: the product, its jobs, its best photos, its posts.
#[tauri::command]
#[specta::specta]
pub async fn product_detail(
    state: State<'_, AppState>,
    product_id: i64,
) -> Result<ProductDetail, IpcError> {
    with_library(&state, move |lib| {
        let mut d = ops::products::detail(lib, product_id)?;
        d.product = product_urls(d.product);
        d.jobs = d.jobs.into_iter().map(card_urls).collect();
        d.photos = d.photos.into_iter().map(tile_urls).collect();
        Ok(d)
    })
    .await
}

/// Puts a job in a product (null: takes it out).
#[tauri::command]
#[specta::specta]
pub async fn set_job_product(
    state: State<'_, AppState>,
    job_id: i64,
    product_id: Option<i64>,
) -> Result<(), IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::products::set_job_product(lib, job_id, product_id)?)
    })
    .await
}

/// Starts a post about a product (its jobs' facts and best photos); answers the new job's number, which
/// the window then opens. It goes out only under the strictest verdict among the product's jobs.
#[tauri::command]
#[specta::specta]
pub async fn new_product_post(
    state: State<'_, AppState>,
    product_id: i64,
) -> Result<i64, IpcError> {
    with_library(&state, move |lib| {
        Ok(ops::products::new_product_post(lib, product_id)?)
    })
    .await
}

/// A customer's page: the customer, its jobs, every change of it (from the guard log).
#[tauri::command]
#[specta::specta]
pub async fn client_detail(
    state: State<'_, AppState>,
    client_id: i64,
) -> Result<ClientDetail, IpcError> {
    with_library(&state, move |lib| {
        let mut d = ops::library::client_detail(lib, client_id)?;
        d.jobs = d.jobs.into_iter().map(card_urls).collect();
        Ok(d)
    })
    .await
}
