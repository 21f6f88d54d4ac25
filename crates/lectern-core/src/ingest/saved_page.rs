//! Web pages saved by a browser: `page.html` with its `page_files/` folder of images.
//!
//! The page is decoded in whatever encoding it declares (GBK pages are common), extracted
//! with the page's own `file://` URL as base so that `page_files/a.png` resolves beside it,
//! and its images are read from that folder only ([`super::local_files_under`]). Where the
//! page came from is read from the `<!-- saved from url=(0044)https://… -->` comment that
//! Chrome and Internet Explorer write, else from the page's canonical address.

use super::{attach_images, local_files_under, Draft, IngestError};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;
use url::Url;

/// Reads a saved page and the images beside it.
pub fn load(path: &Path) -> Result<Draft, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: path.to_path_buf(), source })?;
    let html = super::charset::decode_html(&bytes, None);
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let base = Url::from_file_path(&absolute).ok();
    let mut document = crate::extract::html(&html, base.as_ref())
        .map_err(|e| IngestError::Extract { origin: path.display().to_string(), reason: e.to_string() })?;
    document.meta.url = saved_from(&html).or_else(|| document.meta.canonical_url.clone());
    let folder = absolute.parent().unwrap_or(Path::new("."));
    let assets = attach_images(&mut document, local_files_under(folder));
    super::finish(Draft { document, assets }, &path.display().to_string())
}

/// The address in a `<!-- saved from url=(0044)https://example.com/… -->` comment, when it
/// is a web address (the "mark of the web" sits near the top of the file).
fn saved_from(html: &str) -> Option<String> {
    static SAVED_FROM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->").unwrap());
    let raw = SAVED_FROM.captures(head(html, 4096))?.get(1)?.as_str();
    let url = Url::parse(raw).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// The first `max` bytes of `s`, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_mark_of_the_web() {
        let html = "<!DOCTYPE html>\n<!-- saved from url=(0044)https://news.example.com/2022/08/story.html -->\n<html>";
        assert_eq!(saved_from(html).as_deref(), Some("https://news.example.com/2022/08/story.html"));
        assert_eq!(saved_from("<!-- saved from url=(0014)about:internet -->"), None);
        assert_eq!(saved_from("<html>"), None);
    }
}
