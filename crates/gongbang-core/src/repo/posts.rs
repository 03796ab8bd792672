//! Why: a post is the owner's text for one platform, kept as structured blocks so every renderer (Naver
//! text, HTML, Markdown) reads the same thing; post_photos mirrors the photo order for queries.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::now;
use crate::{CoreError, Result};

pub use crate::domain::post::{Block, Platform, Post, PostStatus};
use crate::domain::VideoSettings;

const COLUMNS: &str =
    "id, job_id, platform, title, blocks_json, tags_json, status, export_path, updated_at, video_json";

fn from_row(r: &Row<'_>) -> rusqlite::Result<(Post, String, String)> {
    let video: String = r.get(9)?;
    let platform: String = r.get(2)?;
    let status: String = r.get(6)?;
    Ok((
        Post {
            id: r.get(0)?,
            job_id: r.get(1)?,
            platform: Platform::parse(&platform).unwrap_or(Platform::Naver),
            title: r.get(3)?,
            blocks: Vec::new(),
            tags: Vec::new(),
            status: PostStatus::parse(&status),
            export_path: r.get(7)?,
            updated_at: r.get(8)?,
            // Settings are the owner's convenience: unreadable ones fall back to the defaults.
            video: serde_json::from_str(&video).unwrap_or_default(),
        },
        r.get(4)?,
        r.get(5)?,
    ))
}

fn finish((mut post, blocks, tags): (Post, String, String)) -> Result<Post> {
    post.blocks = serde_json::from_str(&blocks)?;
    post.tags = serde_json::from_str(&tags)?;
    Ok(post)
}

/// The post with this id, or `NoSuchPost`.
pub fn get(conn: &Connection, id: i64) -> Result<Post> {
    let raw = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM posts WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(CoreError::NoSuchPost(id))?;
    finish(raw)
}

/// The post of a job last worked on (optionally for one platform).
pub fn latest_for_job(
    conn: &Connection,
    job_id: i64,
    platform: Option<Platform>,
) -> Result<Option<Post>> {
    let raw = conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM posts WHERE job_id = ?1 AND (?2 IS NULL OR platform = ?2)
                 ORDER BY updated_at DESC, id DESC LIMIT 1"
            ),
            params![job_id, platform.map(Platform::as_str)],
            from_row,
        )
        .optional()?;
    raw.map(finish).transpose()
}

/// Creates a post in `draft` status.
pub fn create(
    conn: &mut Connection,
    job_id: i64,
    platform: Platform,
    title: &str,
    blocks: &[Block],
    tags: &[String],
) -> Result<Post> {
    let tx = conn.transaction()?;
    let t = now();
    tx.execute(
        "INSERT INTO posts (job_id, platform, title, blocks_json, tags_json, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?6)",
        params![
            job_id,
            platform.as_str(),
            title,
            serde_json::to_string(blocks)?,
            serde_json::to_string(tags)?,
            t
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_post_photos(&tx, id, blocks)?;
    tx.execute(
        "UPDATE jobs SET updated_at = ?2 WHERE id = ?1",
        params![job_id, t],
    )?;
    tx.commit()?;
    get(conn, id)
}

/// Saves a post's title, blocks and tags as they are in `post` (the rest is not the owner's text).
pub fn save_text(conn: &mut Connection, post: &Post) -> Result<Post> {
    save(conn, post.id, &post.title, &post.blocks, &post.tags)
}

/// Saves the owner's title, blocks and tags.
pub fn save(
    conn: &mut Connection,
    id: i64,
    title: &str,
    blocks: &[Block],
    tags: &[String],
) -> Result<Post> {
    let tx = conn.transaction()?;
    save_in(&tx, id, title, blocks, tags)?;
    tx.commit()?;
    get(conn, id)
}

/// [`save`] inside the caller's transaction (a review's accepted rewrite and its note's state together).
pub(crate) fn save_in(
    tx: &Connection,
    id: i64,
    title: &str,
    blocks: &[Block],
    tags: &[String],
) -> Result<()> {
    let t = now();
    let n = tx.execute(
        "UPDATE posts SET title = ?2, blocks_json = ?3, tags_json = ?4, updated_at = ?5 WHERE id = ?1",
        params![
            id,
            title,
            serde_json::to_string(blocks)?,
            serde_json::to_string(tags)?,
            t
        ],
    )?;
    if n == 0 {
        return Err(CoreError::NoSuchPost(id));
    }
    write_post_photos(tx, id, blocks)?;
    tx.execute(
        "UPDATE jobs SET updated_at = ?2 WHERE id = (SELECT job_id FROM posts WHERE id = ?1)",
        params![id, t],
    )?;
    Ok(())
}

/// Saves the owner's video choices for a post.
pub fn save_video(conn: &Connection, id: i64, video: &VideoSettings) -> Result<Post> {
    let n = conn.execute(
        "UPDATE posts SET video_json = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, serde_json::to_string(video)?, now()],
    )?;
    if n == 0 {
        return Err(CoreError::NoSuchPost(id));
    }
    get(conn, id)
}

/// Records where a post was exported.
pub(crate) fn mark_exported(conn: &Connection, id: i64, folder: &str) -> Result<()> {
    conn.execute(
        "UPDATE posts SET status = 'exported', export_path = ?2, exported_at = ?3, updated_at = ?3
         WHERE id = ?1",
        params![id, folder, now()],
    )?;
    Ok(())
}

/// Writes the post_photos mirror of `blocks`. Every photo must be one of the post's job's photos (a post
/// holds only its job's photos: a photo of another job, even one the library has, is refused).
fn write_post_photos(tx: &Connection, post_id: i64, blocks: &[Block]) -> Result<()> {
    let job_id: i64 = tx
        .query_row("SELECT job_id FROM posts WHERE id = ?1", [post_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(CoreError::NoSuchPost(post_id))?;
    tx.execute("DELETE FROM post_photos WHERE post_id = ?1", [post_id])?;
    let mut pos = 0i64;
    for b in blocks {
        if let Block::Photo { photo_id, caption } = b {
            pos += 1;
            let n = tx.execute(
                "INSERT OR IGNORE INTO post_photos (post_id, photo_id, position, caption)
                 SELECT ?1, photo_id, ?3, ?4 FROM job_photos WHERE job_id = ?5 AND photo_id = ?2",
                params![post_id, photo_id, pos, caption, job_id],
            )?;
            if n == 0 && !super::jobs::has_photo(tx, job_id, *photo_id)? {
                return Err(if super::photos::exists(tx, *photo_id)? {
                    CoreError::PhotoNotInJob {
                        photo_id: *photo_id,
                        job_id,
                    }
                } else {
                    CoreError::NoSuchPhoto(*photo_id)
                });
            }
        }
    }
    Ok(())
}

/// Every post of a job (any platform, any status), oldest first.
pub(crate) fn for_job(conn: &Connection, job_id: i64) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM posts WHERE job_id = ?1 ORDER BY id"
    ))?;
    let raw = stmt
        .query_map([job_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter().map(finish).collect()
}

/// The posts of the jobs made before `job_id` (lower numbers), oldest first: what a new draft should not
/// repeat. A post that cannot be read is left out (it is reported where it is opened).
pub(crate) fn of_earlier_jobs(conn: &Connection, job_id: i64) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM posts WHERE job_id < ?1 ORDER BY id"
    ))?;
    let raw = stmt
        .query_map([job_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(raw.into_iter().filter_map(|r| finish(r).ok()).collect())
}

/// Rewrites a post's blocks and video settings as they are in `post` (inside the caller's transaction:
/// taking a photo out of a job, or putting it back). The photos are checked against the job as in [`save`].
/// `updated_at` stays: the post the owner worked on last stays the job's current one.
pub(crate) fn write_photos_of(tx: &Connection, post: &Post) -> Result<()> {
    tx.execute(
        "UPDATE posts SET blocks_json = ?2, video_json = ?3 WHERE id = ?1",
        params![
            post.id,
            serde_json::to_string(&post.blocks)?,
            serde_json::to_string(&post.video)?
        ],
    )?;
    write_post_photos(tx, post.id, &post.blocks)
}
