//! Why: the library screen reads across tables — job cards with their counts and covers, the filters'
//! choices, the search index, the photo wall, removals with undo — each in one query (no query per card), so
//! a library of thousands of jobs answers within the window's budget.

use std::collections::BTreeSet;

use rusqlite::{params, params_from_iter, types::Value, Connection, OptionalExtension, Row};

use super::redactions::{parse_boxes, BOXES_JSON_SQL};
use crate::db::{nfc, now};
use crate::domain::{
    ClientChoice, FilterChoices, HitKind, JobCard, JobKind, LibraryFilter, PhotoTile, PostedFilter,
    ProductPost, Removal, RemovalKind, SearchHit,
};
use crate::{CoreError, Result};

/// A job with nothing in it: no photo, no field filled, no product, no post (alias `j`).
pub(crate) const EMPTY_JOB_SQL: &str = "(j.title = '' AND j.material = '' AND j.process = '' \
     AND j.machine = '' AND j.tolerance = '' AND j.finish = '' AND j.quantity = '' AND j.lead_time = '' \
     AND j.story = '' AND j.product_id IS NULL \
     AND NOT EXISTS (SELECT 1 FROM job_photos e WHERE e.job_id = j.id) \
     AND NOT EXISTS (SELECT 1 FROM posts e WHERE e.job_id = j.id))";

const POSTED_SQL: &str =
    "EXISTS (SELECT 1 FROM posts po WHERE po.job_id = j.id AND po.status <> 'draft')";

/// The cards of these jobs, in this order (one query).
pub(crate) fn cards(conn: &Connection, ids: &[i64]) -> Result<Vec<JobCard>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids_json = serde_json::to_string(ids)?;
    let sql = format!(
        "WITH wanted AS (SELECT key AS ord, value AS id FROM json_each(?1))
         SELECT j.id, j.title, j.kind, j.product_id, pr.name, j.client_id, c.name, j.material, j.process,
                (SELECT COUNT(*) FROM job_photos jp WHERE jp.job_id = j.id),
                p.hash, {BOXES_JSON_SQL}, {POSTED_SQL}, j.archived_at IS NOT NULL, j.created_at,
                j.updated_at
         FROM wanted w JOIN jobs j ON j.id = w.id
         LEFT JOIN products pr ON pr.id = j.product_id
         LEFT JOIN clients c ON c.id = j.client_id AND j.owner_kind = 'client'
         LEFT JOIN photos p ON p.id = (SELECT jp.photo_id FROM job_photos jp WHERE jp.job_id = j.id
                                        ORDER BY jp.position, jp.rowid LIMIT 1)
         ORDER BY w.ord"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([ids_json], card_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn card_from_row(r: &Row<'_>) -> rusqlite::Result<JobCard> {
    Ok(JobCard {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: JobKind::parse(&r.get::<_, String>(2)?),
        product_id: r.get(3)?,
        product_name: r.get(4)?,
        client_id: r.get(5)?,
        client_name: r.get(6)?,
        material: r.get(7)?,
        process: r.get(8)?,
        photo_count: r.get(9)?,
        cover_hash: r.get(10)?,
        cover_thumb_url: None,
        cover_boxes: parse_boxes(r.get(11)?),
        posted: r.get(12)?,
        archived: r.get(13)?,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

/// The WHERE clause (over `j`) and its values for a filter; `text_jobs` are the jobs the text matched.
fn job_where(f: &LibraryFilter, text_jobs: Option<&BTreeSet<i64>>) -> Result<(String, Vec<Value>)> {
    let mut w = vec![
        "j.removed_at IS NULL".to_string(),
        format!("NOT {EMPTY_JOB_SQL}"),
        if f.archived {
            "j.archived_at IS NOT NULL".into()
        } else {
            "j.archived_at IS NULL".into()
        },
    ];
    let mut v: Vec<Value> = Vec::new();
    let mut bind = |w: &mut Vec<String>, sql: &str, val: Value| {
        v.push(val);
        w.push(sql.replace('?', &format!("?{}", v.len())));
    };
    if let Some(c) = f.client_id {
        bind(
            &mut w,
            "(j.owner_kind = 'client' AND j.client_id = ?)",
            Value::Integer(c),
        );
    }
    if !f.material.trim().is_empty() {
        bind(
            &mut w,
            "j.material = ?",
            Value::Text(f.material.trim().into()),
        );
    }
    if !f.process.trim().is_empty() {
        bind(
            &mut w,
            "j.process = ?",
            Value::Text(f.process.trim().into()),
        );
    }
    if let Some(y) = f.year {
        bind(
            &mut w,
            "substr(j.created_at, 1, 4) = ?",
            Value::Text(format!("{y:04}")),
        );
    }
    if let Some(p) = f.product_id {
        bind(&mut w, "j.product_id = ?", Value::Integer(p));
    }
    match f.posted {
        PostedFilter::Any => {}
        PostedFilter::Posted => w.push(POSTED_SQL.into()),
        PostedFilter::Unposted => w.push(format!("NOT {POSTED_SQL}")),
    }
    if let Some(ids) = text_jobs {
        let json = serde_json::to_string(&ids.iter().collect::<Vec<_>>())?;
        bind(
            &mut w,
            "j.id IN (SELECT value FROM json_each(?))",
            Value::Text(json),
        );
    }
    Ok((w.join(" AND "), v))
}

/// What a text finds, without the words around it: (kind, id, job) of every hit, in no particular order. The
/// library's page and photo wall need only this, once per query.
pub(crate) fn search_refs(
    conn: &Connection,
    text: &str,
) -> Result<Vec<(HitKind, i64, Option<i64>)>> {
    let Some((w, v)) = search_where(text) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT s.kind, s.ref_id, s.job_id FROM search_index s WHERE {w}"
    ))?;
    let rows = stmt.query_map(params_from_iter(v.iter()), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Option<i64>>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, id, job_id) = row?;
        if let Some(kind) = HitKind::parse(&kind) {
            out.push((kind, id, job_id));
        }
    }
    Ok(out)
}

/// The jobs these hits find by what is about the whole job (its own words, its customer, its product); with
/// `parts`, by its captions and posts too.
pub(crate) fn jobs_found(
    conn: &Connection,
    refs: &[(HitKind, i64, Option<i64>)],
    parts: bool,
) -> Result<BTreeSet<i64>> {
    let mut out = BTreeSet::new();
    let mut clients = Vec::new();
    let mut products = Vec::new();
    for &(kind, id, job_id) in refs {
        match kind {
            HitKind::Job => {
                if let Some(j) = job_id {
                    out.insert(j);
                }
            }
            HitKind::Photo | HitKind::Post => {
                if let (true, Some(j)) = (parts, job_id) {
                    out.insert(j);
                }
            }
            HitKind::Customer => clients.push(id),
            HitKind::Product => products.push(id),
        }
    }
    if !clients.is_empty() || !products.is_empty() {
        let mut stmt = conn.prepare(
            "SELECT id FROM jobs WHERE (owner_kind = 'client' AND client_id IN (SELECT value FROM json_each(?1)))
                OR product_id IN (SELECT value FROM json_each(?2))",
        )?;
        let rows = stmt.query_map(
            params![
                serde_json::to_string(&clients)?,
                serde_json::to_string(&products)?
            ],
            |r| r.get::<_, i64>(0),
        )?;
        for id in rows {
            out.insert(id?);
        }
    }
    Ok(out)
}

/// One page of job cards for a filter, newest first, and how many there are in all.
pub(crate) fn job_page(
    conn: &Connection,
    f: &LibraryFilter,
    text_jobs: Option<&BTreeSet<i64>>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<JobCard>, i64)> {
    let (w, mut v) = job_where(f, text_jobs)?;
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM jobs j WHERE {w}"),
        params_from_iter(v.iter()),
        |r| r.get(0),
    )?;
    v.push(Value::Integer(limit.clamp(0, 1000)));
    v.push(Value::Integer(offset.max(0)));
    let n = v.len();
    let mut stmt = conn.prepare(&format!(
        "SELECT j.id FROM jobs j WHERE {w} ORDER BY j.created_at DESC, j.id DESC LIMIT ?{} OFFSET ?{n}",
        n - 1
    ))?;
    let ids: Vec<i64> = stmt
        .query_map(params_from_iter(v.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok((cards(conn, &ids)?, total))
}

/// The products the page shows: every one (archived or not, as the filter says) when the filter is about
/// nothing a product has; else those with a job the filter finds, or (text alone) whose own words match.
pub(crate) fn product_ids_for(
    conn: &Connection,
    f: &LibraryFilter,
    text_jobs: Option<&BTreeSet<i64>>,
    text_products: &BTreeSet<i64>,
) -> Result<Option<BTreeSet<i64>>> {
    let job_specific = f.client_id.is_some()
        || f.year.is_some()
        || f.posted != PostedFilter::Any
        || !f.material.trim().is_empty()
        || !f.process.trim().is_empty()
        || text_jobs.is_some();
    if !job_specific {
        return Ok(None);
    }
    let job_filter = LibraryFilter {
        archived: false,
        product_id: None,
        ..f.clone()
    };
    let (w, v) = job_where(&job_filter, text_jobs)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT j.product_id FROM jobs j WHERE j.product_id IS NOT NULL AND {w}"
    ))?;
    let mut out: BTreeSet<i64> = stmt
        .query_map(params_from_iter(v.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let only_text = f.client_id.is_none() && f.year.is_none() && f.posted == PostedFilter::Any;
    if only_text {
        out.extend(text_products.iter().copied());
    }
    Ok(Some(out))
}

/// What the filters can choose from.
pub(crate) fn filter_choices(conn: &Connection) -> Result<FilterChoices> {
    let live = format!("j.removed_at IS NULL AND NOT {EMPTY_JOB_SQL}");
    let strings = |sql: &str| -> Result<Vec<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let materials = strings(&format!(
        "SELECT DISTINCT j.material FROM jobs j WHERE j.material <> '' AND {live} ORDER BY 1"
    ))?;
    let processes = strings(&format!(
        "SELECT DISTINCT j.process FROM jobs j WHERE j.process <> '' AND {live} ORDER BY 1"
    ))?;
    let years: Vec<i32> = strings(&format!(
        "SELECT DISTINCT substr(j.created_at, 1, 4) FROM jobs j WHERE {live} ORDER BY 1 DESC"
    ))?
    .iter()
    .filter_map(|y| y.parse().ok())
    .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT c.id, c.name FROM clients c JOIN jobs j ON j.client_id = c.id
         WHERE j.owner_kind = 'client' AND {live} ORDER BY c.name COLLATE NOCASE"
    ))?;
    let clients = stmt
        .query_map([], |r| {
            Ok(ClientChoice {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(FilterChoices {
        clients,
        materials,
        processes,
        years,
    })
}

/// The words of a query, NFC, each either long enough for the trigram index (3+ characters) or short.
fn terms(text: &str) -> (Vec<String>, Vec<String>) {
    let text = nfc(text);
    let mut long = Vec::new();
    let mut short = Vec::new();
    for t in text.split_whitespace() {
        if t.chars().count() >= 3 {
            long.push(t.to_string());
        } else {
            short.push(t.to_lowercase());
        }
    }
    (long, short)
}

/// The WHERE clause (over `s`, the search index) and its values for a query: every word of `text` must appear
/// (any part of a word; 3+ characters through the trigram index, shorter ones by a scan of the index's text);
/// removed jobs and products are left out. `None` when the text has no word.
fn search_where(text: &str) -> Option<(String, Vec<Value>)> {
    let (long, short) = terms(text);
    if long.is_empty() && short.is_empty() {
        return None;
    }
    let mut w = vec![
        "(s.job_id IS NULL OR EXISTS (SELECT 1 FROM jobs j WHERE j.id = s.job_id AND j.removed_at IS NULL))"
            .to_string(),
        "(s.kind <> 'product' OR EXISTS (SELECT 1 FROM products pr WHERE pr.id = s.ref_id AND pr.removed_at IS NULL))"
            .to_string(),
    ];
    let mut v: Vec<Value> = Vec::new();
    if !long.is_empty() {
        let expr = long
            .iter()
            .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" AND ");
        v.push(Value::Text(expr));
        w.push(format!(
            "s.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?{})",
            v.len()
        ));
    }
    // A short word is looked for in the index's stored text: FTS5 keeps it in its `search_index_content` table
    // (`id` the rowid, `c3` the title, `c4` the body), read directly because going through the virtual table
    // costs three times as much on a library of long posts. lower() only when the word has a Latin letter (the
    // only letters SQLite's lower() changes): it is most of the cost, and Korean has no case.
    for t in &short {
        v.push(Value::Text(t.clone()));
        let (title, body) = if t.chars().any(|c| c.is_ascii_alphabetic()) {
            ("lower(c3)", "lower(c4)")
        } else {
            ("c3", "c4")
        };
        w.push(format!(
            "s.rowid IN (SELECT id FROM search_index_content WHERE instr({title}, ?{0}) > 0 OR instr({body}, ?{0}) > 0)",
            v.len()
        ));
    }
    Some((w.join(" AND "), v))
}

/// Searches the index (see [`search_where`]): the hits in order — products, jobs, customers, posts, photos;
/// newest first within each — each with the words around the first match.
pub fn search(conn: &Connection, text: &str, limit: i64) -> Result<Vec<SearchHit>> {
    let Some((w, mut v)) = search_where(text) else {
        return Ok(Vec::new());
    };
    let (long, short) = terms(text);
    v.push(Value::Integer(limit.clamp(0, 100_000)));
    let sql = format!(
        "SELECT s.kind, s.ref_id, s.job_id, s.title, s.body,
                (SELECT j.title FROM jobs j WHERE j.id = s.job_id)
         FROM search_index s WHERE {w}
         ORDER BY CASE s.kind WHEN 'product' THEN 0 WHEN 'job' THEN 1 WHEN 'customer' THEN 2
                              WHEN 'post' THEN 3 ELSE 4 END, s.rowid DESC
         LIMIT ?{}",
        v.len()
    );
    let mut stmt = conn.prepare(&sql)?;
    let words: Vec<String> = long
        .iter()
        .map(|t| t.to_lowercase())
        .chain(short.iter().cloned())
        .collect();
    let rows = stmt.query_map(params_from_iter(v.iter()), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, id, job_id, title, body, job_title) = row?;
        let Some(kind) = HitKind::parse(&kind) else {
            continue;
        };
        let (title, snippet) = match kind {
            HitKind::Photo => (job_title.unwrap_or_default(), title),
            _ => (title.clone(), snippet(&format!("{title} {body}"), &words)),
        };
        out.push(SearchHit {
            kind,
            id,
            job_id,
            title,
            snippet,
        });
    }
    Ok(out)
}

/// Up to 30 characters either side of the first word found.
fn snippet(text: &str, words: &[String]) -> String {
    let lower = text.to_lowercase();
    let chars: Vec<char> = text.chars().collect();
    let lower_chars: Vec<char> = lower.chars().collect();
    let at = words.iter().find_map(|w| {
        let wc: Vec<char> = w.chars().collect();
        if wc.is_empty() || lower_chars.len() != chars.len() {
            return None;
        }
        lower_chars
            .windows(wc.len())
            .position(|win| win == wc.as_slice())
    });
    let at = at.unwrap_or(0);
    let start = at.saturating_sub(30);
    let end = (at + 30).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

/// The photo wall: every photo in a job not removed (once, with its first job), newest first; `only` limits
/// it to the photos of these jobs (by their first job) and these photos. Without a limit the count comes from
/// the index of job photos and the page walks the photos newest first, stopping at the page; with one, only
/// the photos of those jobs and those photos are weighed (never every photo of the library).
pub(crate) fn photo_page(
    conn: &Connection,
    only: Option<(&BTreeSet<i64>, &BTreeSet<i64>)>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<PhotoTile>, i64)> {
    const FIRST_JOB: &str =
        "(SELECT MIN(jp2.job_id) FROM job_photos jp2 JOIN jobs j2 ON j2.id = jp2.job_id
                              WHERE jp2.photo_id = p.id AND j2.removed_at IS NULL)";
    let mut v: Vec<Value> = Vec::new();
    let (candidates, filter) = match only {
        Some((jobs, photos)) => {
            v.push(Value::Text(serde_json::to_string(
                &jobs.iter().collect::<Vec<_>>(),
            )?));
            v.push(Value::Text(serde_json::to_string(
                &photos.iter().collect::<Vec<_>>(),
            )?));
            (
                "JOIN (SELECT c.photo_id AS id FROM job_photos c WHERE c.job_id IN (SELECT value FROM json_each(?1))
                       UNION SELECT value FROM json_each(?2)) cand ON cand.id = p.id",
                "AND (jp.job_id IN (SELECT value FROM json_each(?1)) OR p.id IN (SELECT value FROM json_each(?2)))",
            )
        }
        None => ("", ""),
    };
    let from = format!(
        "FROM photos p {candidates}
         JOIN job_photos jp ON jp.photo_id = p.id AND jp.job_id = {FIRST_JOB}
         JOIN jobs j ON j.id = jp.job_id
         WHERE 1 = 1 {filter}"
    );
    let count_sql = if only.is_some() {
        format!("SELECT COUNT(*) {from}")
    } else {
        "SELECT COUNT(DISTINCT jp.photo_id) FROM job_photos jp JOIN jobs j ON j.id = jp.job_id
         WHERE j.removed_at IS NULL"
            .to_string()
    };
    let total: i64 = conn.query_row(&count_sql, params_from_iter(v.iter()), |r| r.get(0))?;
    v.push(Value::Integer(limit.clamp(0, 1000)));
    v.push(Value::Integer(offset.max(0)));
    let n = v.len();
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.hash, jp.caption, jp.job_id, j.title, p.taken_at, {BOXES_JSON_SQL} {from}
         ORDER BY p.id DESC LIMIT ?{} OFFSET ?{n}",
        n - 1
    ))?;
    let rows = stmt.query_map(params_from_iter(v.iter()), tile_from_row)?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

fn tile_from_row(r: &Row<'_>) -> rusqlite::Result<PhotoTile> {
    Ok(PhotoTile {
        photo_id: r.get(0)?,
        hash: r.get(1)?,
        caption: r.get(2)?,
        job_id: r.get(3)?,
        job_title: r.get(4)?,
        taken_at: r.get(5)?,
        thumb_url: String::new(),
        boxes: parse_boxes(r.get(6)?),
    })
}

/// A product's best photos: finished ones first, then those not dark or blurry, newest jobs first; each
/// photo once, at most `limit`. Each comes with its role, for a product post's story order.
pub(crate) fn best_photos(
    conn: &Connection,
    product_id: i64,
    limit: i64,
) -> Result<Vec<(PhotoTile, Option<String>)>> {
    let mut stmt = conn.prepare(&format!(
        "WITH ranked AS (
             SELECT jp.photo_id, jp.job_id, jp.caption, jp.role, j.title,
                    ROW_NUMBER() OVER (PARTITION BY jp.photo_id
                                       ORDER BY j.created_at DESC, j.id DESC) AS n,
                    (jp.role = 'finished') AS fin,
                    (q.photo_id IS NULL OR (q.mean_luma >= 45 AND q.sharpness >= 40)) AS good,
                    j.created_at AS jc, j.id AS jid, jp.position AS pos
             FROM jobs j JOIN job_photos jp ON jp.job_id = j.id
             LEFT JOIN photo_quality q ON q.photo_id = jp.photo_id
             WHERE j.product_id = ?1 AND j.kind = 'job' AND j.removed_at IS NULL)
         SELECT p.id, p.hash, r.caption, r.job_id, r.title, p.taken_at, {BOXES_JSON_SQL}, r.role
         FROM ranked r JOIN photos p ON p.id = r.photo_id
         WHERE r.n = 1
         ORDER BY r.fin DESC, r.good DESC, r.jc DESC, r.jid DESC, r.pos
         LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![product_id, limit], |r| {
        Ok((tile_from_row(r)?, r.get::<_, Option<String>>(7)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The posts of a product's jobs and about the product, newest first.
pub(crate) fn product_posts(conn: &Connection, product_id: i64) -> Result<Vec<ProductPost>> {
    let mut stmt = conn.prepare(
        "SELECT po.id, po.job_id, po.platform, po.title, po.exported_at
         FROM posts po JOIN jobs j ON j.id = po.job_id
         WHERE j.product_id = ?1 AND j.removed_at IS NULL
         ORDER BY po.updated_at DESC, po.id DESC",
    )?;
    let rows = stmt.query_map([product_id], |r| {
        Ok(ProductPost {
            post_id: r.get(0)?,
            job_id: r.get(1)?,
            platform: r.get(2)?,
            title: r.get(3)?,
            exported_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Ids of the jobs (not removed, not empty) matching a WHERE over `j`, newest first.
pub(crate) fn job_ids_where(
    conn: &Connection,
    where_sql: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT j.id FROM jobs j WHERE j.removed_at IS NULL AND NOT {EMPTY_JOB_SQL} AND {where_sql}
         ORDER BY j.created_at DESC, j.id DESC"
    ))?;
    let rows = stmt.query_map(p, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Archives a job or takes it out of the archive.
pub(crate) fn set_job_archived(conn: &Connection, job_id: i64, archived: bool) -> Result<()> {
    let n = conn.execute(
        "UPDATE jobs SET archived_at = CASE WHEN ?2 THEN ?3 ELSE NULL END WHERE id = ?1
             AND removed_at IS NULL",
        params![job_id, archived, now()],
    )?;
    if n == 0 {
        return Err(CoreError::NoSuchJob(job_id));
    }
    Ok(())
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Removes a job (hidden at once; purged after 30 days unless undone) and any posts about a product that
/// it is; one transaction.
pub(crate) fn remove_job(conn: &Connection, job_id: i64) -> Result<Removal> {
    let tx = conn.unchecked_transaction()?;
    let title: Option<String> = tx
        .query_row(
            "SELECT title FROM jobs WHERE id = ?1 AND removed_at IS NULL",
            [job_id],
            |r| r.get(0),
        )
        .optional()?;
    let title = title.ok_or(CoreError::NoSuchJob(job_id))?;
    let t = now();
    tx.execute(
        "UPDATE jobs SET removed_at = ?2 WHERE id = ?1",
        params![job_id, t],
    )?;
    let removal = insert_removal(&tx, RemovalKind::Job, job_id, &title, "{}", &t)?;
    tx.commit()?;
    Ok(removal)
}

/// Removes a product: hidden at once, its jobs unlinked (kept), its posts about the product hidden with it;
/// undo restores all of it. One transaction.
pub(crate) fn remove_product(conn: &Connection, product_id: i64) -> Result<Removal> {
    let tx = conn.unchecked_transaction()?;
    let product = super::products::get_live(&tx, product_id)?;
    let t = now();
    let linked: Vec<i64> = {
        let mut stmt =
            tx.prepare("SELECT id FROM jobs WHERE product_id = ?1 AND kind = 'job' ORDER BY id")?;
        let rows = stmt.query_map([product_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let posts: Vec<i64> = {
        let mut stmt = tx.prepare(
            "SELECT id FROM jobs WHERE product_id = ?1 AND kind = 'product_post' AND removed_at IS NULL",
        )?;
        let rows = stmt.query_map([product_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    tx.execute(
        "UPDATE jobs SET product_id = NULL WHERE product_id = ?1 AND kind = 'job'",
        [product_id],
    )?;
    tx.execute(
        "UPDATE jobs SET removed_at = ?2 WHERE product_id = ?1 AND kind = 'product_post'
             AND removed_at IS NULL",
        params![product_id, t],
    )?;
    tx.execute(
        "UPDATE products SET removed_at = ?2 WHERE id = ?1",
        params![product_id, t],
    )?;
    let detail = serde_json::json!({ "jobs": linked, "posts": posts }).to_string();
    let removal = insert_removal(
        &tx,
        RemovalKind::Product,
        product_id,
        &product.name,
        &detail,
        &t,
    )?;
    tx.commit()?;
    Ok(removal)
}

fn insert_removal(
    conn: &Connection,
    kind: RemovalKind,
    id: i64,
    title: &str,
    detail: &str,
    t: &str,
) -> Result<Removal> {
    conn.execute(
        "INSERT INTO removals (kind, ref_id, title, detail_json, removed_at, removed_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![kind.as_str(), id, title, detail, t, now_ms()],
    )?;
    Ok(Removal {
        removal_id: conn.last_insert_rowid(),
        kind,
        id,
        title: title.to_string(),
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ProductDetailJson {
    jobs: Vec<i64>,
    posts: Vec<i64>,
}

/// Undoes a removal; one transaction.
pub(crate) fn undo_removal(conn: &Connection, removal_id: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    let row: Option<(String, i64, String)> = tx
        .query_row(
            "SELECT kind, ref_id, detail_json FROM removals WHERE id = ?1",
            [removal_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (kind, id, detail) = row.ok_or(CoreError::NoSuchRemoval(removal_id))?;
    if kind == "job" {
        tx.execute("UPDATE jobs SET removed_at = NULL WHERE id = ?1", [id])?;
    } else {
        let d: ProductDetailJson = serde_json::from_str(&detail).unwrap_or_default();
        tx.execute("UPDATE products SET removed_at = NULL WHERE id = ?1", [id])?;
        for j in d.jobs {
            tx.execute(
                "UPDATE jobs SET product_id = ?2 WHERE id = ?1 AND product_id IS NULL AND kind = 'job'",
                params![j, id],
            )?;
        }
        for j in d.posts {
            tx.execute("UPDATE jobs SET removed_at = NULL WHERE id = ?1", [j])?;
        }
    }
    tx.execute("DELETE FROM removals WHERE id = ?1", [removal_id])?;
    tx.commit()?;
    Ok(())
}

/// A stored photo no longer used by anything, deleted from the table: its hash, for the files.
pub(crate) struct Forgotten {
    pub hash: String,
}

/// Purges the removals older than `max_age_ms`: the jobs and products go, and so does every photo they used
/// that nothing else uses (no job, no post, no product cover). A job the guard log or an approval names is
/// kept, hidden (the record that protects the owner outlives it). Returns the photos to delete from the
/// store; one transaction.
pub(crate) fn purge_removals(conn: &Connection, max_age_ms: i64) -> Result<Vec<Forgotten>> {
    let cutoff = now_ms() - max_age_ms;
    let tx = conn.unchecked_transaction()?;
    let due: Vec<(i64, String, i64)> = {
        let mut stmt =
            tx.prepare("SELECT id, kind, ref_id FROM removals WHERE removed_ms <= ?1 ORDER BY id")?;
        let rows = stmt.query_map([cutoff], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut candidates: BTreeSet<i64> = BTreeSet::new();
    for (removal_id, kind, id) in due {
        let mut jobs = Vec::new();
        if kind == "job" {
            jobs.push(id);
        } else {
            let mut stmt = tx.prepare(
                "SELECT id FROM jobs WHERE product_id = ?1 AND kind = 'product_post' AND removed_at IS NOT NULL",
            )?;
            let rows = stmt.query_map([id], |r| r.get(0))?;
            jobs.extend(rows.collect::<rusqlite::Result<Vec<i64>>>()?);
            if let Some(c) = tx
                .query_row(
                    "SELECT cover_photo_id FROM products WHERE id = ?1",
                    [id],
                    |r| r.get::<_, Option<i64>>(0),
                )
                .optional()?
                .flatten()
            {
                candidates.insert(c);
            }
        }
        for job in jobs {
            candidates.extend(purge_job(&tx, job)?);
        }
        if kind == "product" {
            tx.execute("DELETE FROM products WHERE id = ?1", [id])?;
        }
        tx.execute("DELETE FROM removals WHERE id = ?1", [removal_id])?;
    }
    let mut forgotten = Vec::new();
    for photo in candidates {
        let unused: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM job_photos WHERE photo_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM post_photos WHERE photo_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM products WHERE cover_photo_id = ?1)",
            [photo],
            |r| r.get(0),
        )?;
        if !unused {
            continue;
        }
        let hash: Option<String> = tx
            .query_row("SELECT hash FROM photos WHERE id = ?1", [photo], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(hash) = hash {
            tx.execute("DELETE FROM photos WHERE id = ?1", [photo])?;
            forgotten.push(Forgotten { hash });
        }
    }
    tx.commit()?;
    Ok(forgotten)
}

/// Deletes a removed job's rows (its photos' links, its posts) unless the guard log or an approval names it;
/// returns the photos it used.
fn purge_job(tx: &Connection, job_id: i64) -> Result<Vec<i64>> {
    let named: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM approvals WHERE job_id = ?1)
             OR EXISTS (SELECT 1 FROM guard_log WHERE job_id = ?1)",
        [job_id],
        |r| r.get(0),
    )?;
    if named {
        return Ok(Vec::new());
    }
    let mut stmt = tx.prepare(
        "SELECT photo_id FROM job_photos WHERE job_id = ?1
         UNION SELECT pp.photo_id FROM post_photos pp JOIN posts po ON po.id = pp.post_id WHERE po.job_id = ?1",
    )?;
    let photos: Vec<i64> = stmt
        .query_map([job_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM jobs WHERE id = ?1", [job_id])?;
    Ok(photos)
}

/// Deletes the empty jobs (see [`EMPTY_JOB_SQL`]) other than `keep`, unless the guard log or an approval
/// names them.
pub(crate) fn drop_empty_jobs(conn: &Connection, keep: Option<i64>) -> Result<usize> {
    Ok(conn.execute(
        &format!(
            "DELETE FROM jobs WHERE id IN (SELECT j.id FROM jobs j WHERE {EMPTY_JOB_SQL}
                 AND j.id IS NOT ?1
                 AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.job_id = j.id)
                 AND NOT EXISTS (SELECT 1 FROM guard_log g WHERE g.job_id = j.id))"
        ),
        [keep],
    )?)
}

/// Whether a job is empty.
pub(crate) fn is_empty_job(conn: &Connection, job_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        &format!("SELECT {EMPTY_JOB_SQL} FROM jobs j WHERE j.id = ?1"),
        [job_id],
        |r| r.get(0),
    )?)
}

/// The photos linked into a job, with role and caption, at the end of its order (one transaction is the
/// caller's).
pub(crate) fn link_photo(
    conn: &Connection,
    job_id: i64,
    photo_id: i64,
    role: Option<&str>,
    caption: &str,
) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO job_photos (job_id, photo_id, position, role, caption)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM job_photos WHERE job_id = ?1), ?3, ?4)",
        params![job_id, photo_id, role, caption],
    )?;
    Ok(())
}
