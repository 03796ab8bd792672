//! Why: products as the owner handles them — made, listed, archived, removed with undo, shown with their
//! jobs, best photos and posts — and a post about a product, drawing on all its jobs' facts and photos under
//! the strictest leak-guard verdict among them (`guard::verdict`).

use crate::domain::{JobFields, PhotoRole, Product, ProductDetail, ProductInput, Removal};
use crate::repo::{self, library, products};
use crate::{Library, Result};

/// How many photos a product's page and a product post take at most.
pub const BEST_PHOTOS: i64 = 12;

/// The products not removed (the archived ones too when asked), by name.
pub fn list(lib: &Library, include_archived: bool) -> Result<Vec<Product>> {
    products::list(lib.conn(), include_archived)
}

/// The product with this number (not removed), or `no_such_product`.
pub fn get(lib: &Library, product_id: i64) -> Result<Product> {
    products::get_live(lib.conn(), product_id)
}

/// Saves a product (`id` none = new).
pub fn save(lib: &Library, input: &ProductInput) -> Result<Product> {
    products::save(lib.conn(), input)
}

/// Puts a product in the archive.
pub fn archive(lib: &Library, product_id: i64) -> Result<()> {
    products::set_archived(lib.conn(), product_id, true)
}

/// Takes a product out of the archive.
pub fn unarchive(lib: &Library, product_id: i64) -> Result<()> {
    products::set_archived(lib.conn(), product_id, false)
}

/// Removes a product: its jobs stay (unlinked), its posts about the product are hidden with it; undo
/// (`ops::library::undo_removal`) restores the links.
pub fn remove(lib: &Library, product_id: i64) -> Result<Removal> {
    library::remove_product(lib.conn(), product_id)
}

/// Puts a job in a product (or takes it out with `None`).
pub fn set_job_product(lib: &Library, job_id: i64, product_id: Option<i64>) -> Result<()> {
    products::set_job_product(lib.conn(), job_id, product_id)
}

/// A product's page: the product, its jobs (cards, newest first, posts about it included), its best photos
/// (finished ones and well-exposed sharp ones first, a dozen at most) and every post of its jobs.
pub fn detail(lib: &Library, product_id: i64) -> Result<ProductDetail> {
    let conn = lib.conn();
    let product = products::get_live(conn, product_id)?;
    let ids = library::job_ids_where(conn, "j.product_id = ?1", [product_id])?;
    Ok(ProductDetail {
        product,
        jobs: library::cards(conn, &ids)?,
        photos: library::best_photos(conn, product_id, BEST_PHOTOS)?
            .into_iter()
            .map(|(t, _)| t)
            .collect(),
        posts: library::product_posts(conn, product_id)?,
    })
}

/// The distinct non-empty values, in order, joined: only what the jobs say, nothing invented.
fn merged<'a>(values: impl Iterator<Item = &'a str>, sep: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.join(sep)
}

/// One of a job's facts by name.
fn field<'a>(f: &'a JobFields, name: &str) -> &'a str {
    match name {
        "material" => &f.material,
        "process" => &f.process,
        "machine" => &f.machine,
        "tolerance" => &f.tolerance,
        "finish" => &f.finish,
        "quantity" => &f.quantity,
        "lead_time" => &f.lead_time,
        "story" => &f.story,
        _ => &f.title,
    }
}

/// Where a photo of this role goes in a product post's story: the stock, the machine, the work, the
/// measuring, the finished part; photos without a role last.
fn story_rank(role: Option<PhotoRole>) -> u8 {
    match role {
        Some(PhotoRole::Stock) => 0,
        Some(PhotoRole::Machine) => 1,
        Some(PhotoRole::InProcess) => 2,
        Some(PhotoRole::Measured) => 3,
        Some(PhotoRole::Finished) => 4,
        None => 5,
    }
}

/// Starts a post about a product: a job of kind `product_post` linked to it, titled by the product, its facts
/// merged from the product and its jobs (each distinct value once; nothing invented), its best photos
/// (a dozen at most) linked in story order with their roles and captions. The shop's own post, but it goes
/// out only under the strictest verdict among the product's jobs. Returns the new job's number.
pub fn new_product_post(lib: &Library, product_id: i64) -> Result<i64> {
    let conn = lib.conn();
    let product = products::get_live(conn, product_id)?;
    let sources: Vec<crate::domain::Job> = products::source_jobs(conn, product_id)?
        .into_iter()
        .map(|id| repo::jobs::get(conn, id))
        .collect::<Result<_>>()?;
    let f = |name: &str, own: &str, sep: &str| {
        merged(
            std::iter::once(own).chain(sources.iter().map(|j| field(&j.fields, name))),
            sep,
        )
    };
    let fields = JobFields {
        title: product.name.clone(),
        material: f("material", &product.material, ", "),
        process: f("process", &product.process, ", "),
        machine: f("machine", "", ", "),
        tolerance: f("tolerance", "", ", "),
        finish: f("finish", "", ", "),
        quantity: f("quantity", "", ", "),
        lead_time: f("lead_time", "", ", "),
        story: f("story", &product.description, "\n\n"),
    };
    let mut photos = library::best_photos(conn, product_id, BEST_PHOTOS)?;
    photos.sort_by_key(|(_, role)| story_rank(role.as_deref().and_then(PhotoRole::parse)));
    let tx = conn.unchecked_transaction()?;
    let job_id = products::create_product_post(&tx, &fields, product_id)?;
    for (tile, role) in &photos {
        library::link_photo(&tx, job_id, tile.photo_id, role.as_deref(), &tile.caption)?;
    }
    tx.commit()?;
    Ok(job_id)
}

/// The product with this number, for the CLI's `job add --product` (`no_such_product` otherwise).
pub fn check(lib: &Library, product_id: i64) -> Result<()> {
    products::get_live(lib.conn(), product_id).map(|_| ())
}
