//! The `lectern:` URI scheme: serves the library's stored images to the reader, so articles
//! read offline and the page never loads anything remote.
//!
//! The reader asks for `lectern://asset/<sha256>` (Linux, macOS) or
//! `http://lectern.localhost/asset/<sha256>` (Windows, where WebView2 maps custom schemes to
//! that form); either way the last path segment is the hash.

use crate::state::Shared;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

/// The scheme's name, as registered and as written in the CSP.
pub const SCHEME: &str = "lectern";

/// Answers one request on a blocking thread (a large image is a large SQLite read).
pub fn handle<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
    let shared = ctx.app_handle().state::<Shared>().inner().clone();
    let path = request.uri().path().to_string();
    tauri::async_runtime::spawn_blocking(move || responder.respond(respond(&shared, &path)));
}

fn respond(shared: &Shared, path: &str) -> Response<Vec<u8>> {
    let sha256 = path.rsplit('/').next().unwrap_or_default();
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return status(StatusCode::BAD_REQUEST);
    }
    let sha256 = sha256.to_ascii_lowercase();
    match shared.with(|library| Ok(library.asset(&sha256)?)) {
        Ok(Some((mime, bytes))) => Response::builder()
            .header(header::CONTENT_TYPE, mime)
            // The type was sniffed from the bytes when stored; the webview must not re-guess.
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            // Content-addressed: the bytes behind a hash never change.
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(bytes)
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Ok(None) => status(StatusCode::NOT_FOUND),
        Err(_) => status(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = code;
    response
}
