//! Why: the products table — what the shop makes, as the owner thinks of it — mapped to `domain::Product`,
//! with the job counts and the cover the library's cards show, in one query.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::redactions::{parse_boxes, BOXES_JSON_SQL};
use crate::db::now;
use crate::domain::{JobKind, Product, ProductInput};
use crate::{CoreError, Result};

/// The columns of a product card (`pr` is the products alias); the cover is the chosen one, else the first
/// photo of its newest job.
pub(crate) fn card_sql(where_sql: &str) -> String {
    format!(
        "WITH base AS (
             SELECT pr.*, COALESCE(pr.cover_photo_id,
                 (SELECT jp.photo_id FROM jobs j JOIN job_photos jp ON jp.job_id = j.id
                   WHERE j.product_id = pr.id AND j.removed_at IS NULL AND j.kind = 'job'
                   ORDER BY j.created_at DESC, j.id DESC, jp.position, jp.rowid LIMIT 1)) AS cover_id
             FROM products pr WHERE {where_sql})
         SELECT pr.id, pr.name, pr.kind, pr.material, pr.process, pr.description, pr.cover_photo_id,
                p.hash, {BOXES_JSON_SQL}, pr.archived_at IS NOT NULL, pr.created_at, pr.updated_at,
                (SELECT COUNT(*) FROM jobs j WHERE j.product_id = pr.id AND j.removed_at IS NULL
                   AND j.kind = 'job'),
                (SELECT COUNT(DISTINCT jp.photo_id) FROM jobs j JOIN job_photos jp ON jp.job_id = j.id
                   WHERE j.product_id = pr.id AND j.removed_at IS NULL AND j.kind = 'job')
         FROM base pr LEFT JOIN photos p ON p.id = pr.cover_id
         ORDER BY pr.name COLLATE NOCASE, pr.id"
    )
}

pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<Product> {
    Ok(Product {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        material: r.get(3)?,
        process: r.get(4)?,
        description: r.get(5)?,
        cover_photo_id: r.get(6)?,
        cover_hash: r.get(7)?,
        cover_thumb_url: None,
        cover_boxes: parse_boxes(r.get(8)?),
        archived: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        job_count: r.get(12)?,
        photo_count: r.get(13)?,
    })
}

/// The products matching `where_sql` (over `pr`) with `params`.
pub(crate) fn query(
    conn: &Connection,
    where_sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Product>> {
    let mut stmt = conn.prepare(&card_sql(where_sql))?;
    let rows = stmt.query_map(params, from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The product with this id (removed ones too), or `no_such_product`.
pub fn get(conn: &Connection, id: i64) -> Result<Product> {
    query(conn, "pr.id = ?1", [id])?
        .into_iter()
        .next()
        .ok_or(CoreError::NoSuchProduct(id))
}

/// The product, unless it was removed.
pub fn get_live(conn: &Connection, id: i64) -> Result<Product> {
    let removed: Option<Option<String>> = conn
        .query_row("SELECT removed_at FROM products WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    match removed {
        Some(None) => get(conn, id),
        _ => Err(CoreError::NoSuchProduct(id)),
    }
}

/// Every product not removed (archived ones only when asked), by name.
pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Product>> {
    if include_archived {
        query(conn, "pr.removed_at IS NULL", [])
    } else {
        query(conn, "pr.removed_at IS NULL AND pr.archived_at IS NULL", [])
    }
}

/// Creates or updates a product; a name is required, a cover must be a photo of the library.
pub fn save(conn: &Connection, input: &ProductInput) -> Result<Product> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid(
            "제품 이름을 적어 주세요.",
            "Please enter the product's name.",
        ));
    }
    if let Some(photo) = input.cover_photo_id {
        if !super::photos::exists(conn, photo)? {
            return Err(CoreError::NoSuchPhoto(photo));
        }
    }
    let t = now();
    let id = match input.id {
        Some(id) => {
            get_live(conn, id)?;
            conn.execute(
                "UPDATE products SET name = ?2, kind = ?3, material = ?4, process = ?5, description = ?6,
                     cover_photo_id = ?7, updated_at = ?8 WHERE id = ?1",
                params![
                    id,
                    name,
                    input.kind.trim(),
                    input.material.trim(),
                    input.process.trim(),
                    input.description.trim_end(),
                    input.cover_photo_id,
                    t
                ],
            )?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO products (name, kind, material, process, description, cover_photo_id,
                     created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    name,
                    input.kind.trim(),
                    input.material.trim(),
                    input.process.trim(),
                    input.description.trim_end(),
                    input.cover_photo_id,
                    t
                ],
            )?;
            conn.last_insert_rowid()
        }
    };
    get(conn, id)
}

/// Puts a product in the archive (or takes it out).
pub fn set_archived(conn: &Connection, id: i64, archived: bool) -> Result<()> {
    get_live(conn, id)?;
    conn.execute(
        "UPDATE products SET archived_at = CASE WHEN ?2 THEN ?3 ELSE NULL END, updated_at = ?3
         WHERE id = ?1",
        params![id, archived, now()],
    )?;
    Ok(())
}

/// Links a job to a product (or unlinks it). A post about a product keeps its product.
pub fn set_job_product(conn: &Connection, job_id: i64, product_id: Option<i64>) -> Result<()> {
    let job = super::jobs::get(conn, job_id)?;
    if job.kind == JobKind::ProductPost {
        return Err(CoreError::invalid(
            "제품 글의 제품은 바꿀 수 없습니다.",
            "A product post stays with its product.",
        ));
    }
    if let Some(p) = product_id {
        get_live(conn, p)?;
    }
    conn.execute(
        "UPDATE jobs SET product_id = ?2, updated_at = ?3 WHERE id = ?1",
        params![job_id, product_id, now()],
    )?;
    Ok(())
}

/// The jobs of a product a product post draws on: its plain jobs not removed, oldest first.
pub fn source_jobs(conn: &Connection, product_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM jobs WHERE product_id = ?1 AND kind = 'job' AND removed_at IS NULL
         ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([product_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Creates a post about a product: a job of kind `product_post`, the shop's own, with these facts (inside
/// the caller's transaction). Returns its number.
pub(crate) fn create_product_post(
    conn: &Connection,
    f: &crate::domain::JobFields,
    product_id: i64,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO jobs (title, material, process, machine, tolerance, finish, quantity, lead_time, story,
                           owner_kind, client_id, product_id, kind, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'own', NULL, ?10, 'product_post', ?11, ?11)",
        params![
            f.title.trim(),
            f.material.trim(),
            f.process.trim(),
            f.machine.trim(),
            f.tolerance.trim(),
            f.finish.trim(),
            f.quantity.trim(),
            f.lead_time.trim(),
            f.story.trim_end(),
            product_id,
            now()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}
