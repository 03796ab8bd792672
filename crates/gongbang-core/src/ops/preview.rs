//! Why: the window's video preview keeps one prepared renderer; it needs everything the frames are drawn
//! from, as one key that changes whenever any of it does.

use crate::domain::Post;
use crate::repo::{jobs, post_replacements, posts, shop_profile};
use crate::{video, Library, Result};

/// The saved post and a key of everything its preview is made from: the post, its job, the shop profile,
/// its photos with their boxes and captions, and the post's replacements (the post's time has whole
/// seconds only, so the content is part of the key).
pub fn source(lib: &Library, post_id: i64) -> Result<(String, Post)> {
    let post = posts::get(lib.conn(), post_id)?;
    let job = jobs::get(lib.conn(), post.job_id)?;
    let shop = shop_profile::get(lib.conn())?;
    let photos = video::build::post_photos(lib, &post)?;
    let replacements = post_replacements::list(lib.conn(), post_id)?;
    let key = serde_json::to_string(&(&post, &job, &shop, &photos, &replacements))?;
    Ok((key, post))
}
