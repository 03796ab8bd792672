//! Why: the owner's side of a reply. Its notes land beside the post they are about; each suggested rewrite
//! is accepted or declined on its own, and either can be undone. A rewrite goes in only where the text is
//! still what the mentor saw (the owner may have changed it since): never over the owner's newer words.

use std::path::Path;

use crate::domain::review::{NoteState, NoteTarget, Review, ReviewNote, ReviewRole, Rewrite};
use crate::domain::Post;
use crate::library::Library;
use crate::repo::{posts, reviews};
use crate::{CoreError, Result};

use super::format::{block_text, read_reply, set_block_text, REPLY_EXT};

/// The library's folder of opened replies.
pub const REPLIES_FOLDER: &str = "reviews/replies";

/// Opens a reply to a bundle this library sent: its notes join that review (opening the same reply twice
/// adds nothing) and a copy of the file is kept in the library.
pub fn open_reply(lib: &mut Library, file: &Path) -> Result<Review> {
    let reply = read_reply(file)?;
    let Some(review) = reviews::by_bundle(lib.conn(), &reply.bundle_id, ReviewRole::Sent)? else {
        return Err(CoreError::invalid(
            format!(
                "이 답장('{}')은 이 컴퓨터에서 보낸 검토 묶음에 대한 것이 아닙니다.",
                reply.title
            ),
            format!(
                "This reply ('{}') is not about a review bundle sent from this computer.",
                reply.title
            ),
        ));
    };
    if !reply.id.bytes().all(|b| b.is_ascii_hexdigit()) || reply.id.is_empty() {
        return Err(super::format::unreadable(
            file,
            "답장 번호가 잘못됨",
            "its id is malformed",
        ));
    }
    let kept = lib
        .root()
        .join(REPLIES_FOLDER)
        .join(format!("{}.{REPLY_EXT}", reply.id));
    if !kept.exists() {
        crate::store::write_atomic(&kept, &crate::store::read_original(file)?)?;
    }
    if reviews::has_reply(lib.conn(), &reply.id)? {
        return reviews::get(lib.conn(), review.id);
    }
    let tx = lib.conn_mut().transaction()?;
    for n in &reply.notes {
        let note = ReviewNote {
            id: 0,
            author: reply.reviewer.clone(),
            target: n.target,
            comment: n.comment.clone(),
            rewrite: n
                .original
                .clone()
                .zip(n.suggestion.clone())
                .map(|(original, text)| Rewrite { original, text }),
            state: NoteState::Open,
            created_at: n.created_at.clone(),
            decided_at: None,
        };
        reviews::add_note(&tx, review.id, Some(&reply.id), &note)?;
    }
    reviews::set_replied(&tx, review.id, &reviews::now())?;
    tx.commit()?;
    reviews::get(lib.conn(), review.id)
}

/// The reviews of a post (sent bundles and their notes), newest first: the post's review history.
pub fn of_post(lib: &Library, post_id: i64) -> Result<Vec<Review>> {
    reviews::of_post(lib.conn(), post_id)
}

fn owner_note(lib: &Library, note_id: i64) -> Result<(Review, ReviewNote)> {
    let (review_id, note) = reviews::note(lib.conn(), note_id)?;
    let review = reviews::get(lib.conn(), review_id)?;
    if review.role != ReviewRole::Sent || note.state == NoteState::Draft {
        return Err(CoreError::invalid(
            "이 의견은 사장님 글에 대한 답장이 아닙니다.",
            "This note is not a reply about one of your posts.",
        ));
    }
    Ok((review, note))
}

/// Puts `to` where `from` is: the title, or the block the note is about — or, when the owner moved blocks
/// since, the one block whose text is `from`. `None` when the text is no longer there.
fn rewrite_post(post: &mut Post, target: NoteTarget, from: &str, to: &str) -> Option<()> {
    match target {
        NoteTarget::Title => {
            if post.title.trim() != from.trim() {
                return None;
            }
            post.title = to.to_string();
        }
        NoteTarget::Block { index } => {
            let same =
                |b: &crate::domain::Block| block_text(b).is_some_and(|t| t.trim() == from.trim());
            let at = match post.blocks.get(index as usize) {
                Some(b) if same(b) => index as usize,
                _ => {
                    let mut hits = post.blocks.iter().enumerate().filter(|(_, b)| same(b));
                    let (i, _) = hits.next()?;
                    if hits.next().is_some() {
                        return None;
                    }
                    i
                }
            };
            set_block_text(&mut post.blocks[at], to);
        }
    }
    Some(())
}

/// Accepts a note: a suggested rewrite goes into the post (where its text is still what the mentor saw),
/// in one transaction with the note's new state.
pub fn accept(lib: &mut Library, note_id: i64) -> Result<Review> {
    decide(lib, note_id, NoteState::Accepted)
}

/// Declines a note: the post is left as it is.
pub fn decline(lib: &mut Library, note_id: i64) -> Result<Review> {
    decide(lib, note_id, NoteState::Declined)
}

/// Undoes the owner's answer to a note: an accepted rewrite is taken out again (where the post still holds
/// it), and the note is open again.
pub fn undo(lib: &mut Library, note_id: i64) -> Result<Review> {
    decide(lib, note_id, NoteState::Open)
}

fn decide(lib: &mut Library, note_id: i64, to: NoteState) -> Result<Review> {
    let (review, note) = owner_note(lib, note_id)?;
    if note.state == to {
        return reviews::get(lib.conn(), review.id);
    }
    if to != NoteState::Open && note.state != NoteState::Open {
        return Err(CoreError::invalid(
            "이미 답한 의견입니다. 먼저 되돌리기를 눌러 주세요.",
            "You already answered this note; undo first.",
        ));
    }
    let change = match (&note.rewrite, note.state, to) {
        (Some(w), NoteState::Open, NoteState::Accepted) => {
            Some((w.original.as_str(), w.text.as_str()))
        }
        (Some(w), NoteState::Accepted, NoteState::Open) => {
            Some((w.text.as_str(), w.original.as_str()))
        }
        _ => None,
    };
    let tx = lib.conn_mut().transaction()?;
    if let Some((from, into)) = change {
        let mut post = post_of_tx(&tx, &review)?;
        if rewrite_post(&mut post, note.target, from, into).is_none() {
            return Err(if to == NoteState::Accepted {
                CoreError::invalid(
                    "그 부분의 글이 보낸 뒤에 바뀌어서 제안을 넣을 수 없습니다. 제안을 보고 직접 고쳐 주세요.",
                    "That part of the post changed after it was sent, so the suggestion cannot go in. Edit it by hand with the suggestion beside you.",
                )
            } else {
                CoreError::invalid(
                    "받아들인 뒤에 그 부분을 다시 고치셔서 되돌릴 수 없습니다.",
                    "That part was edited again after you accepted it, so it cannot be undone.",
                )
            });
        }
        posts::save_in(&tx, post.id, &post.title, &post.blocks, &post.tags)?;
    }
    let at = (to != NoteState::Open).then(reviews::now);
    reviews::set_state(&tx, note_id, to, at.as_deref())?;
    tx.commit()?;
    reviews::get(lib.conn(), review.id)
}

fn post_of_tx(tx: &rusqlite::Connection, review: &Review) -> Result<Post> {
    let id = review.post_id.ok_or_else(|| {
        CoreError::invalid(
            "이 검토의 글은 지워졌습니다.",
            "The post of this review was removed.",
        )
    })?;
    posts::get(tx, id)
}
