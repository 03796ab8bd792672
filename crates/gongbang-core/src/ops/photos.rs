//! Why: a job's photos as the owner arranges them — order, role and caption, removal with undo, redaction
//! boxes — each answering with the photos as they now are.

use crate::domain::{Photo, PhotoRole, Post, RedactBox, RemovedPhoto};
use crate::guard::{self, MetaItem};
use crate::repo::{jobs, photos, posts, redactions};
use crate::{import, CoreError, Library, Result};

/// The job's photos in the job's order.
pub fn for_job(lib: &Library, job_id: i64) -> Result<Vec<Photo>> {
    photos::for_job(lib.conn(), job_id)
}

/// The library's photo with this content hash, if any.
pub fn by_hash(lib: &Library, hash: &str) -> Result<Option<Photo>> {
    photos::by_hash(lib.conn(), hash)
}

/// The library photo a command line names: its number, its content hash (or 8+ hex digits of it), or a file
/// whose content is in the library (`import::find_photo`).
pub fn find(lib: &Library, reference: &str) -> Result<Photo> {
    import::find_photo(lib.conn(), reference)
}

/// Puts the job's photos in this order (only the job's photos: another id is `photo_not_in_job`); answers
/// the job's photos.
pub fn set_order(lib: &mut Library, job_id: i64, photo_ids: &[i64]) -> Result<Vec<Photo>> {
    jobs::set_photo_order(lib.conn_mut(), job_id, photo_ids)?;
    photos::for_job(lib.conn(), job_id)
}

/// What a removal or its undo changed: the job's photos, the posts that changed, and (for a removal) what
/// was taken away, for [`restore`].
#[derive(Debug, Clone)]
pub struct Removal {
    pub photos: Vec<Photo>,
    pub posts: Vec<Post>,
    pub removed: Option<RemovedPhoto>,
}

fn changed_posts(lib: &Library, r: &RemovedPhoto) -> Result<Vec<Post>> {
    r.posts
        .iter()
        .map(|p| posts::get(lib.conn(), p.post_id))
        .collect()
}

/// Takes a photo out of the job and out of the job's posts in one transaction (the library keeps it).
pub fn remove(lib: &Library, job_id: i64, photo_id: i64) -> Result<Removal> {
    let removed = jobs::remove_photo(lib.conn(), job_id, photo_id)?;
    Ok(Removal {
        photos: photos::for_job(lib.conn(), job_id)?,
        posts: changed_posts(lib, &removed)?,
        removed: Some(removed),
    })
}

/// Undoes [`remove`]: the photo back into the job and its posts, where it was.
pub fn restore(lib: &Library, removed: &RemovedPhoto) -> Result<Removal> {
    jobs::restore_photo(lib.conn(), removed)?;
    Ok(Removal {
        photos: photos::for_job(lib.conn(), removed.job_id)?,
        posts: changed_posts(lib, removed)?,
        removed: None,
    })
}

/// Sets the photo's role and caption in this job; answers the job's photo.
pub fn set_meta(
    lib: &Library,
    job_id: i64,
    photo_id: i64,
    role: Option<PhotoRole>,
    caption: &str,
) -> Result<Photo> {
    jobs::set_photo_meta(lib.conn(), job_id, photo_id, role, caption)?;
    photos::in_job(lib.conn(), job_id, photo_id)?.ok_or(CoreError::NoSuchPhoto(photo_id))
}

/// Replaces the photo's redaction boxes (each box no longer there is logged); answers the library's photo.
pub fn set_redactions(lib: &mut Library, photo_id: i64, boxes: &[RedactBox]) -> Result<Photo> {
    redactions::set(lib.conn_mut(), photo_id, boxes)?;
    photos::get(lib.conn(), photo_id)?.ok_or(CoreError::NoSuchPhoto(photo_id))
}

/// Adds boxes to those the photo has (never replaces them); answers all its boxes.
pub fn add_redactions(
    lib: &mut Library,
    photo_id: i64,
    boxes: &[RedactBox],
) -> Result<Vec<RedactBox>> {
    redactions::add(lib.conn_mut(), photo_id, boxes)
}

/// What an export will remove from the photo, read from its own bytes (empty = nothing).
pub fn metadata(lib: &Library, photo_id: i64) -> Result<Vec<MetaItem>> {
    guard::photo_metadata(lib, photo_id)
}
