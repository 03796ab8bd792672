//! Why: the review bundles this library sent or opened, and their notes, are rows so the owner's answers
//! (accepted, declined, undone) and the mentor's drafts survive a restart and a kill.

use chrono::{Local, SecondsFormat};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::domain::review::{NoteState, NoteTarget, Review, ReviewNote, ReviewRole, Rewrite};
use crate::domain::Platform;
use crate::{CoreError, Result};

/// Now, as stored.
pub(crate) fn now() -> String {
    Local::now().to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A new review row.
pub(crate) struct NewReview<'a> {
    pub bundle_id: &'a str,
    pub role: ReviewRole,
    pub post_id: Option<i64>,
    pub shop_name: &'a str,
    pub title: &'a str,
    pub platform: Platform,
    pub file: &'a str,
    pub created_at: &'a str,
}

/// Records a bundle; a bundle already recorded in the same role keeps its row (its id is returned).
pub(crate) fn insert(conn: &Connection, r: &NewReview<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO reviews (bundle_id, role, post_id, shop_name, title, platform, file, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (bundle_id, role) DO NOTHING",
        params![
            r.bundle_id,
            r.role.as_str(),
            r.post_id,
            r.shop_name,
            r.title,
            r.platform.as_str(),
            r.file,
            r.created_at
        ],
    )?;
    Ok(conn.query_row(
        "SELECT id FROM reviews WHERE bundle_id = ?1 AND role = ?2",
        params![r.bundle_id, r.role.as_str()],
        |row| row.get(0),
    )?)
}

fn review_of(row: &Row<'_>) -> rusqlite::Result<Review> {
    let role: String = row.get("role")?;
    let platform: String = row.get("platform")?;
    Ok(Review {
        id: row.get("id")?,
        bundle_id: row.get("bundle_id")?,
        role: if role == "sent" {
            ReviewRole::Sent
        } else {
            ReviewRole::Received
        },
        post_id: row.get("post_id")?,
        shop_name: row.get("shop_name")?,
        title: row.get("title")?,
        platform: Platform::parse(&platform).unwrap_or(Platform::Naver),
        file: row.get("file")?,
        created_at: row.get("created_at")?,
        replied_at: row.get("replied_at")?,
        notes: Vec::new(),
    })
}

fn with_notes(conn: &Connection, mut r: Review) -> Result<Review> {
    r.notes = notes(conn, r.id)?;
    Ok(r)
}

/// One review by its row id, with its notes.
pub(crate) fn get(conn: &Connection, id: i64) -> Result<Review> {
    let r = conn
        .query_row("SELECT * FROM reviews WHERE id = ?1", [id], review_of)
        .optional()?
        .ok_or_else(|| {
            CoreError::invalid(
                format!("{id}번 검토를 찾을 수 없습니다."),
                format!("No review number {id}."),
            )
        })?;
    with_notes(conn, r)
}

/// The review of a bundle in a role, if this library has it.
pub(crate) fn by_bundle(
    conn: &Connection,
    bundle_id: &str,
    role: ReviewRole,
) -> Result<Option<Review>> {
    let r = conn
        .query_row(
            "SELECT * FROM reviews WHERE bundle_id = ?1 AND role = ?2",
            params![bundle_id, role.as_str()],
            review_of,
        )
        .optional()?;
    r.map(|r| with_notes(conn, r)).transpose()
}

/// Every review in a role, newest first, with their notes.
pub(crate) fn list(conn: &Connection, role: ReviewRole) -> Result<Vec<Review>> {
    let mut st =
        conn.prepare("SELECT * FROM reviews WHERE role = ?1 ORDER BY created_at DESC, id DESC")?;
    let rows = st
        .query_map([role.as_str()], review_of)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|r| with_notes(conn, r)).collect()
}

/// The reviews of one post (sent bundles), newest first.
pub(crate) fn of_post(conn: &Connection, post_id: i64) -> Result<Vec<Review>> {
    let mut st = conn.prepare(
        "SELECT * FROM reviews WHERE post_id = ?1 AND role = 'sent' ORDER BY created_at DESC, id DESC",
    )?;
    let rows = st
        .query_map([post_id], review_of)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|r| with_notes(conn, r)).collect()
}

/// The bundle ids this library sent (the club folder skips them).
pub(crate) fn sent_bundle_ids(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT bundle_id FROM reviews WHERE role = 'sent'")?;
    let ids = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Marks when a reply was written (received) or opened (sent).
pub(crate) fn set_replied(conn: &Connection, review_id: i64, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE reviews SET replied_at = ?2 WHERE id = ?1",
        params![review_id, at],
    )?;
    Ok(())
}

fn note_of(row: &Row<'_>) -> rusqlite::Result<ReviewNote> {
    let target: String = row.get("target")?;
    let index: Option<i64> = row.get("block_index")?;
    let original: Option<String> = row.get("original")?;
    let suggestion: Option<String> = row.get("suggestion")?;
    let state: String = row.get("state")?;
    Ok(ReviewNote {
        id: row.get("id")?,
        author: row.get("author")?,
        target: NoteTarget::from_parts(&target, index).unwrap_or(NoteTarget::Title),
        comment: row.get("comment")?,
        rewrite: original
            .zip(suggestion)
            .map(|(original, text)| Rewrite { original, text }),
        state: NoteState::parse(&state),
        created_at: row.get("created_at")?,
        decided_at: row.get("decided_at")?,
    })
}

/// The notes of a review, in the order they were written.
pub(crate) fn notes(conn: &Connection, review_id: i64) -> Result<Vec<ReviewNote>> {
    let mut st = conn.prepare("SELECT * FROM review_notes WHERE review_id = ?1 ORDER BY id")?;
    let rows = st
        .query_map([review_id], note_of)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One note by id, with the review it belongs to.
pub(crate) fn note(conn: &Connection, note_id: i64) -> Result<(i64, ReviewNote)> {
    conn.query_row(
        "SELECT * FROM review_notes WHERE id = ?1",
        [note_id],
        |row| Ok((row.get("review_id")?, note_of(row)?)),
    )
    .optional()?
    .ok_or_else(|| {
        CoreError::invalid(
            format!("{note_id}번 의견을 찾을 수 없습니다."),
            format!("No review note number {note_id}."),
        )
    })
}

/// Adds a note.
pub(crate) fn add_note(
    conn: &Connection,
    review_id: i64,
    reply_id: Option<&str>,
    n: &ReviewNote,
) -> Result<i64> {
    let (target, index) = n.target.as_parts();
    conn.execute(
        "INSERT INTO review_notes
           (review_id, reply_id, author, target, block_index, comment, original, suggestion, state,
            decided_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            review_id,
            reply_id,
            n.author,
            target,
            index,
            n.comment,
            n.rewrite.as_ref().map(|r| r.original.as_str()),
            n.rewrite.as_ref().map(|r| r.text.as_str()),
            n.state.as_str(),
            n.decided_at,
            n.created_at
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Changes a note's text (the mentor's draft).
pub(crate) fn update_note(
    conn: &Connection,
    note_id: i64,
    comment: &str,
    rewrite: Option<&Rewrite>,
) -> Result<()> {
    conn.execute(
        "UPDATE review_notes SET comment = ?2, original = ?3, suggestion = ?4 WHERE id = ?1",
        params![
            note_id,
            comment,
            rewrite.map(|r| r.original.as_str()),
            rewrite.map(|r| r.text.as_str())
        ],
    )?;
    Ok(())
}

/// A mentor's draft as sent in a reply: signed and no longer a draft.
pub(crate) fn mark_sent(
    conn: &Connection,
    note_id: i64,
    author: &str,
    reply_id: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE review_notes SET state = 'open', author = ?2, reply_id = ?3 WHERE id = ?1",
        params![note_id, author, reply_id],
    )?;
    Ok(())
}

/// Removes a note (the mentor's draft).
pub(crate) fn delete_note(conn: &Connection, note_id: i64) -> Result<()> {
    conn.execute("DELETE FROM review_notes WHERE id = ?1", [note_id])?;
    Ok(())
}

/// Sets a note's state (and when it was decided; `None` for open).
pub(crate) fn set_state(
    conn: &Connection,
    note_id: i64,
    state: NoteState,
    at: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE review_notes SET state = ?2, decided_at = ?3 WHERE id = ?1",
        params![note_id, state.as_str(), at],
    )?;
    Ok(())
}

/// Whether the notes of this reply were already taken in.
pub(crate) fn has_reply(conn: &Connection, reply_id: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM review_notes WHERE reply_id = ?1 LIMIT 1",
            [reply_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}
