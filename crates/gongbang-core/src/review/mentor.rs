//! Why: the mentor's side. A mentor opens a bundle in the same app (no shop profile needed): the bundle is
//! checked, copied into the library's `reviews/` folder (the original file is only read), and the notes the
//! mentor writes are kept as drafts until "답장 보내기" writes them into one reply file.

use std::path::{Path, PathBuf};

use base64::Engine;
use serde::Serialize;

use crate::domain::review::{
    NoteInput, NoteState, NoteTarget, Review, ReviewNote, ReviewRole, Rewrite,
};
use crate::library::Library;
use crate::repo::reviews;
use crate::{CoreError, Result};

use super::format::{
    new_id, read_bundle, BundleCoach, BundleManifest, BundlePost, BundleText, ReplyFile, ReplyNote,
    BUNDLE_EXT, REPLY_EXT,
};

/// The library's folder of opened bundles.
pub const RECEIVED_FOLDER: &str = "reviews/received";

/// A bundle as the mentor's window shows it.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleView {
    pub review: Review,
    pub shop: String,
    pub created_at: String,
    pub post: BundlePost,
    /// The photos as `data:image/jpeg;base64,…`, in number order.
    pub photos: Vec<String>,
    pub texts: Vec<BundleText>,
    pub coach: BundleCoach,
}

fn received_path(root: &Path, bundle_id: &str) -> PathBuf {
    root.join(RECEIVED_FOLDER)
        .join(format!("{bundle_id}.{BUNDLE_EXT}"))
}

/// Opens a bundle (a file anywhere: e-mail, KakaoTalk, a USB stick): checks it, keeps a copy in the
/// library and records it; opening the same bundle again shows it with the notes written so far.
pub fn open_bundle(lib: &mut Library, file: &Path) -> Result<BundleView> {
    let (m, _) = read_bundle(file)?;
    if reviews::by_bundle(lib.conn(), &m.id, ReviewRole::Sent)?.is_some() {
        return Err(CoreError::invalid(
            "이 검토 묶음은 이 컴퓨터에서 보낸 것입니다. 멘토의 답장(.gbreply)을 기다려 주세요.",
            "This review bundle was sent from this computer. Wait for the mentor's reply (.gbreply).",
        ));
    }
    let kept = received_path(lib.root(), &m.id);
    if !kept.exists() {
        let bytes = crate::store::read_original(file)?;
        crate::store::write_atomic(&kept, &bytes)?;
    }
    let rel = format!("{RECEIVED_FOLDER}/{}.{BUNDLE_EXT}", m.id);
    let id = reviews::insert(
        lib.conn(),
        &reviews::NewReview {
            bundle_id: &m.id,
            role: ReviewRole::Received,
            post_id: None,
            shop_name: &m.shop,
            title: &m.post.title,
            platform: m.post.platform,
            file: &rel,
            created_at: &m.created_at,
        },
    )?;
    view(lib, id)
}

/// A received bundle, read again from the library's copy, with its notes.
pub fn view(lib: &Library, review_id: i64) -> Result<BundleView> {
    let review = received(lib, review_id)?;
    let (m, photos) = read_bundle(&lib.root().join(&review.file))?;
    Ok(view_of(review, m, &photos))
}

/// The view of a bundle already read (a note's change reads the bundle once, for its check and its view).
fn view_of(review: Review, m: BundleManifest, photos: &[Vec<u8>]) -> BundleView {
    let b64 = base64::engine::general_purpose::STANDARD;
    BundleView {
        review,
        shop: m.shop,
        created_at: m.created_at,
        post: m.post,
        photos: photos
            .iter()
            .map(|p| format!("data:image/jpeg;base64,{}", b64.encode(p)))
            .collect(),
        texts: m.texts,
        coach: m.coach,
    }
}

fn received(lib: &Library, review_id: i64) -> Result<Review> {
    let r = reviews::get(lib.conn(), review_id)?;
    if r.role != ReviewRole::Received {
        return Err(CoreError::invalid(
            "보낸 검토 묶음에는 의견을 쓸 수 없습니다.",
            "Notes are written on a received review bundle, not a sent one.",
        ));
    }
    Ok(r)
}

/// What a note's suggestion replaces, from the bundle; refused when the target is not in the post or
/// cannot be rewritten (a table).
fn original_of(m: &BundleManifest, target: NoteTarget) -> Result<Option<String>> {
    match target {
        NoteTarget::Title => Ok(Some(m.post.title.clone())),
        NoteTarget::Block { index } => {
            let block = m.post.blocks.get(index as usize).ok_or_else(|| {
                CoreError::invalid(
                    format!("글에 {}번째 부분이 없습니다.", index + 1),
                    format!("The post has no part {}.", index + 1),
                )
            })?;
            Ok(block.rewritable_text())
        }
    }
}

fn note_from(m: &BundleManifest, input: &NoteInput) -> Result<(String, Option<Rewrite>)> {
    let comment = input.comment.trim().to_string();
    let suggestion = input
        .suggestion
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let original = original_of(m, input.target)?;
    let rewrite = match (suggestion, original) {
        (None, _) => None,
        (Some(_), None) => {
            return Err(CoreError::invalid(
                "표는 고쳐 쓰기 제안을 할 수 없습니다. 의견으로 남겨 주세요.",
                "A table cannot take a suggested rewrite; leave a comment instead.",
            ))
        }
        (Some(s), Some(o)) if s == o.trim() => None,
        (Some(s), Some(o)) => Some(Rewrite {
            original: o,
            text: s.to_string(),
        }),
    };
    if comment.is_empty() && rewrite.is_none() {
        return Err(CoreError::invalid(
            "의견이나 고쳐 쓴 글을 적어 주세요.",
            "Write a comment or a rewrite.",
        ));
    }
    Ok((comment, rewrite))
}

/// Adds the mentor's note (a draft until the reply is written).
pub fn add_note(lib: &Library, review_id: i64, input: &NoteInput) -> Result<BundleView> {
    let r = received(lib, review_id)?;
    let (m, photos) = read_bundle(&lib.root().join(&r.file))?;
    let (comment, rewrite) = note_from(&m, input)?;
    let note = ReviewNote {
        id: 0,
        author: String::new(),
        target: input.target,
        comment,
        rewrite,
        state: NoteState::Draft,
        created_at: reviews::now(),
        decided_at: None,
    };
    reviews::add_note(lib.conn(), review_id, None, &note)?;
    Ok(view_of(reviews::get(lib.conn(), review_id)?, m, &photos))
}

/// Changes a draft note.
pub fn update_note(lib: &Library, note_id: i64, input: &NoteInput) -> Result<BundleView> {
    let (review_id, old) = reviews::note(lib.conn(), note_id)?;
    let r = received(lib, review_id)?;
    draft_only(&old)?;
    let (m, photos) = read_bundle(&lib.root().join(&r.file))?;
    let (comment, rewrite) = note_from(
        &m,
        &NoteInput {
            target: old.target,
            ..input.clone()
        },
    )?;
    reviews::update_note(lib.conn(), note_id, &comment, rewrite.as_ref())?;
    Ok(view_of(reviews::get(lib.conn(), review_id)?, m, &photos))
}

/// Removes a draft note.
pub fn delete_note(lib: &Library, note_id: i64) -> Result<BundleView> {
    let (review_id, old) = reviews::note(lib.conn(), note_id)?;
    received(lib, review_id)?;
    draft_only(&old)?;
    reviews::delete_note(lib.conn(), note_id)?;
    view(lib, review_id)
}

fn draft_only(n: &ReviewNote) -> Result<()> {
    if n.state == NoteState::Draft {
        Ok(())
    } else {
        Err(CoreError::invalid(
            "이미 보낸 의견은 고칠 수 없습니다. 새 의견을 적어 주세요.",
            "A note already sent cannot be changed; write a new one.",
        ))
    }
}

/// The reply written.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WrittenReply {
    pub file: String,
    pub notes: u32,
}

/// "답장 보내기": writes every note of the review into one reply file in `out_dir` (temporary name, then
/// renamed), signed with the mentor's name; the notes are sent (no longer drafts).
pub fn write_reply(
    lib: &mut Library,
    review_id: i64,
    reviewer: &str,
    out_dir: &Path,
) -> Result<WrittenReply> {
    let reviewer = reviewer.trim();
    if reviewer.is_empty() {
        return Err(CoreError::invalid(
            "답장에 적을 이름을 넣어 주세요 (누가 한 말인지 사장님이 알 수 있게).",
            "Enter your name for the reply (so the owner knows who said what).",
        ));
    }
    let r = received(lib, review_id)?;
    let drafts: Vec<&ReviewNote> = r
        .notes
        .iter()
        .filter(|n| n.state == NoteState::Draft)
        .collect();
    if drafts.is_empty() {
        return Err(CoreError::invalid(
            "보낼 의견이 없습니다. 제목이나 글, 사진에 의견을 먼저 적어 주세요.",
            "There is nothing to send: write a note on the title, a part of the post or a photo first.",
        ));
    }
    let notes: Vec<ReplyNote> = drafts
        .iter()
        .map(|n| ReplyNote {
            target: n.target,
            comment: n.comment.clone(),
            original: n.rewrite.as_ref().map(|w| w.original.clone()),
            suggestion: n.rewrite.as_ref().map(|w| w.text.clone()),
            created_at: n.created_at.clone(),
        })
        .collect();
    let id = new_id(format!("{}{reviewer}", r.bundle_id).as_bytes());
    let reply = ReplyFile::new(
        id.clone(),
        r.bundle_id.clone(),
        reviewer.to_string(),
        r.title.clone(),
        notes,
    );
    let bytes = serde_json::to_vec_pretty(&reply)?;
    let target = out_dir.join(format!(
        "reply-{}-{}.{REPLY_EXT}",
        chrono::Local::now().format("%Y%m%d-%H%M%S"),
        &id[..8]
    ));
    crate::store::write_atomic(&target, &bytes)?;
    let tx = lib.conn_mut().transaction()?;
    for n in &drafts {
        reviews::mark_sent(&tx, n.id, reviewer, &id)?;
    }
    reviews::set_replied(&tx, review_id, &reply.created_at)?;
    tx.commit()?;
    Ok(WrittenReply {
        file: target.to_string_lossy().into_owned(),
        notes: drafts.len() as u32,
    })
}

/// The bundles this library opened as a mentor, newest first.
pub fn received_list(lib: &Library) -> Result<Vec<Review>> {
    reviews::list(lib.conn(), ReviewRole::Received)
}
