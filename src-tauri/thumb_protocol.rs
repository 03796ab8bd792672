//! Why: thumbnails reach the webview through a read-only custom protocol that serves only files of the
//! library's thumbnail store by content hash — no file-system permission for the webview.

use std::borrow::Cow;

use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

use crate::state::AppState;

/// The scheme name (`gbthumb://localhost/<hash>` on Linux and macOS).
pub const SCHEME: &str = "gbthumb";

/// The URL the webview uses for a photo's thumbnail.
pub fn url(hash: &str) -> String {
    if cfg!(windows) {
        format!("http://{SCHEME}.localhost/{hash}")
    } else {
        format!("{SCHEME}://localhost/{hash}")
    }
}

/// Serves `/<hash>`; anything that is not a 64-digit hex hash is refused.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Cow<'static, [u8]>> {
    let hash = request.uri().path().trim_start_matches('/');
    if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return status(StatusCode::BAD_REQUEST);
    }
    let state = ctx.app_handle().state::<AppState>();
    let Some(store) = state.store() else {
        return status(StatusCode::SERVICE_UNAVAILABLE);
    };
    let path = store.thumbnail(hash);
    match std::fs::read(&path) {
        Ok(bytes) => Response::builder()
            .header("Content-Type", "image/jpeg")
            .header("Cache-Control", "max-age=31536000, immutable")
            .body(Cow::Owned(bytes))
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

fn status(code: StatusCode) -> Response<Cow<'static, [u8]>> {
    let mut r = Response::new(Cow::Borrowed(&[][..]));
    *r.status_mut() = code;
    r
}
