//! Why: the video preview plays the real frames: `gbframe://localhost/<postId>/<frame>` renders that frame of
//! the post's video at a third of its size (640×360, Shorts 360×640) and returns it as a JPEG. The prepared
//! segment pictures (decoded, redacted, framed photos and the cards) are kept for the last post asked, keyed
//! by what they were made from, so playing the preview renders frames and never re-prepares per frame.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, TryLockError};

use gongbang_core::video::{self, Renderer};
use gongbang_core::{imaging, ops, CoreError, Library};
use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

/// The scheme name (`gbframe://localhost/<postId>/<frame>` on Linux and macOS).
pub const SCHEME: &str = "gbframe";
/// Preview frames are a third of the video's size.
const PREVIEW_SCALE: f32 = 1.0 / 3.0;
const JPEG_QUALITY: u8 = 80;

/// The URL prefix of a post's preview frames; the window appends the frame number.
pub fn base_url(post_id: i64) -> String {
    if cfg!(windows) {
        format!("http://{SCHEME}.localhost/{post_id}/")
    } else {
        format!("{SCHEME}://localhost/{post_id}/")
    }
}

/// The last prepared preview: what it was made from, and the renderer.
pub struct FrameCache {
    key: String,
    post_id: i64,
    renderer: Arc<Renderer>,
}

/// Shared slot for the last prepared preview (in AppState, outside the library lock).
pub type FrameSlot = Mutex<Option<FrameCache>>;

/// Serves `/<postId>/<frame>` on a worker thread (decoding photos must not stall the window).
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        responder.respond(serve(&state, &path));
    });
}

fn parse(path: &str) -> Option<(i64, u32)> {
    let mut parts = path.trim_start_matches('/').split('/');
    let post_id = parts.next()?.parse::<i64>().ok()?;
    let frame = parts.next()?.parse::<u32>().ok()?;
    if parts.next().is_some() || post_id <= 0 {
        return None;
    }
    Some((post_id, frame))
}

fn serve(state: &AppState, path: &str) -> Response<Cow<'static, [u8]>> {
    let Some((post_id, frame)) = parse(path) else {
        return status(StatusCode::BAD_REQUEST);
    };
    let renderer = match renderer(state, post_id) {
        Ok(r) => r,
        Err(Some(e)) => {
            eprintln!("preview frame: {e}");
            return status(StatusCode::NOT_FOUND);
        }
        Err(None) => return status(StatusCode::SERVICE_UNAVAILABLE),
    };
    let last = renderer.plan.total_frames.saturating_sub(1);
    let mut out = renderer.blank();
    let mut scratch = renderer.blank();
    renderer.frame(frame.min(last), &mut out, &mut scratch);
    match imaging::encode_clean_jpeg(&out, JPEG_QUALITY) {
        Ok(bytes) => Response::builder()
            .header("Content-Type", "image/jpeg")
            .header("Cache-Control", "no-store")
            .body(Cow::Owned(bytes))
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(e) => {
            eprintln!("preview frame: {e}");
            status(StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// The cached renderer when it is still what the post would make; else a new one, prepared once.
/// While an export holds the library, the cached preview of that post keeps playing.
fn renderer(state: &AppState, post_id: i64) -> Result<Arc<Renderer>, Option<CoreError>> {
    let lib = state.library().map_err(|_| None)?;
    let slot = state.frames();
    let guard = match lib.try_lock() {
        Ok(g) => g,
        Err(TryLockError::Poisoned(p)) => p.into_inner(),
        Err(TryLockError::WouldBlock) => {
            if let Some(c) = slot
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .as_ref()
                .filter(|c| c.post_id == post_id)
            {
                return Ok(c.renderer.clone());
            }
            lib.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        }
    };
    let lib: &Library = &guard;
    let (key, post) = ops::preview::source(lib, post_id).map_err(Some)?;
    if let Some(c) = slot
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .as_ref()
        .filter(|c| c.key == key)
    {
        return Ok(c.renderer.clone());
    }
    let r = Arc::new(video::renderer_for(lib, &post, PREVIEW_SCALE).map_err(Some)?);
    *slot
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(FrameCache {
        key,
        post_id,
        renderer: r.clone(),
    });
    Ok(r)
}

fn status(code: StatusCode) -> Response<Cow<'static, [u8]>> {
    let mut r = Response::new(Cow::Borrowed(&[][..]));
    *r.status_mut() = code;
    r
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn only_post_and_frame_numbers_are_served() {
        assert_eq!(parse("/12/0"), Some((12, 0)));
        assert_eq!(parse("/12/345"), Some((12, 345)));
        assert_eq!(parse("/12"), None);
        assert_eq!(parse("/12/x"), None);
        assert_eq!(parse("/0/1"), None);
        assert_eq!(parse("/12/1/2"), None);
        assert_eq!(parse("/../1"), None);
    }
}
