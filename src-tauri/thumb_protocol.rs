//! Why: thumbnails reach the webview through a read-only custom protocol that serves only files of the
//! library's thumbnail store by content hash — no file-system permission for the webview. A photo with
//! redaction boxes is shown with them burned in (the boxes are part of the address); only the box editor
//! asks for the raw one.

use std::borrow::Cow;

use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

use gongbang_core::domain::RedactBox;
use gongbang_core::imaging::thumbs;

use crate::state::AppState;

/// The scheme name (`gbthumb://localhost/<hash>` on Linux and macOS).
pub const SCHEME: &str = "gbthumb";

fn base(hash: &str) -> String {
    if cfg!(windows) {
        format!("http://{SCHEME}.localhost/{hash}")
    } else {
        format!("{SCHEME}://localhost/{hash}")
    }
}

/// The address of a photo's thumbnail as every view shows it: with the photo's redaction boxes burned in
/// (`/<hash>/boxes/<x,y,w,h_…>`; the address changes with the boxes, so the immutable cache stays right),
/// or the stored clean thumbnail (`/<hash>`) when it has none.
pub fn url(hash: &str, boxes: &[RedactBox]) -> String {
    if boxes.is_empty() {
        base(hash)
    } else {
        format!("{}/boxes/{}", base(hash), thumbs::boxes_key(boxes))
    }
}

/// The thumbnail without its boxes (`/<hash>/raw`): for the box editor only, where the owner must see
/// what the boxes cover.
pub fn raw_url(hash: &str) -> String {
    format!("{}/raw", base(hash))
}

/// What an address asks for.
#[derive(Debug, PartialEq)]
enum Wanted<'a> {
    Clean(&'a str),
    Burned(&'a str, Vec<RedactBox>),
}

fn parse_path(path: &str) -> Option<Wanted<'_>> {
    let mut parts = path.trim_start_matches('/').splitn(3, '/');
    let hash = parts.next()?;
    if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match (parts.next(), parts.next()) {
        (None | Some("raw"), None) => Some(Wanted::Clean(hash)),
        (Some("boxes"), Some(key)) => Some(Wanted::Burned(hash, thumbs::parse_boxes_key(key)?)),
        _ => None,
    }
}

/// Serves `/<hash>`, `/<hash>/raw` and `/<hash>/boxes/<key>`; anything else is refused.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Cow<'static, [u8]>> {
    let Some(wanted) = parse_path(request.uri().path()) else {
        return status(StatusCode::BAD_REQUEST);
    };
    let state = ctx.app_handle().state::<AppState>();
    let Some(store) = state.store() else {
        return status(StatusCode::SERVICE_UNAVAILABLE);
    };
    let hash = match &wanted {
        Wanted::Clean(h) | Wanted::Burned(h, _) => *h,
    };
    let Ok(stored) = std::fs::read(store.thumbnail(hash)) else {
        return status(StatusCode::NOT_FOUND);
    };
    let bytes = match wanted {
        Wanted::Clean(_) => stored,
        Wanted::Burned(_, boxes) => match thumbs::burn_thumbnail(&stored, &boxes) {
            Ok(b) => b,
            // Never the clean picture in place of a burned one.
            Err(_) => return status(StatusCode::INTERNAL_SERVER_ERROR),
        },
    };
    Response::builder()
        .header("Content-Type", "image/jpeg")
        .header("Cache-Control", "max-age=31536000, immutable")
        .body(Cow::Owned(bytes))
        .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR))
}

fn status(code: StatusCode) -> Response<Cow<'static, [u8]>> {
    let mut r = Response::new(Cow::Borrowed(&[][..]));
    *r.status_mut() = code;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";

    #[test]
    fn addresses_name_the_boxes_and_read_back() {
        let b = RedactBox {
            x: 0.1,
            y: 0.2,
            w: 0.3,
            h: 0.4,
        };
        let burned = url(H, &[b]);
        assert_ne!(burned, url(H, &[]));
        assert_ne!(burned, raw_url(H));
        let path = |u: &str| u.splitn(4, '/').nth(3).map(|p| format!("/{p}")).unwrap();
        assert_eq!(parse_path(&path(&burned)), Some(Wanted::Burned(H, vec![b])));
        assert_eq!(parse_path(&path(&raw_url(H))), Some(Wanted::Clean(H)));
        assert_eq!(parse_path(&path(&url(H, &[]))), Some(Wanted::Clean(H)));
        for bad in [
            "/x",
            &format!("/{H}/boxes/"),
            &format!("/{H}/boxes/1,1,1"),
            &format!("/{H}/other"),
        ] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
    }
}
