//! Which link targets and image sources survive extraction.
//!
//! A link is kept only when it resolves to an absolute `http`, `https` or `mailto` URL:
//! `javascript:`, `data:`, `vbscript:`, `blob:` and relative links that cannot be resolved
//! lose their link (their text stays). An image source must be `http(s)`, or `file` when
//! the page itself is a local file (a saved page's `_files/` folder); a page from the web
//! never gets to name a file on the reader's disk.
//!
//! `data:` images are dropped rather than decoded: they are mostly placeholder pixels for
//! lazy loading, the real picture sits in `data-src`/`srcset`, and the asset pipeline
//! ([`crate::ingest::attach_images`]) works by URL.

use url::Url;

/// Resolves `raw` against `base` and keeps it only if it is a link a reader may follow.
pub fn link(raw: &str, base: Option<&Url>) -> Option<String> {
    let url = resolve(raw, base)?;
    matches!(url.scheme(), "http" | "https" | "mailto").then(|| url.to_string())
}

/// Resolves `raw` against `base` and keeps it only if it is an image Lectern may fetch.
pub fn image(raw: &str, base: Option<&Url>) -> Option<String> {
    let url = resolve(raw, base)?;
    let local_page = base.is_some_and(|b| b.scheme() == "file");
    match url.scheme() {
        "http" | "https" => Some(url.to_string()),
        "file" if local_page => Some(url.to_string()),
        _ => None,
    }
}

fn resolve(raw: &str, base: Option<&Url>) -> Option<Url> {
    // Browsers strip ASCII whitespace around attribute URLs (and tabs/newlines inside them).
    let raw: String = raw.trim().chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if raw.is_empty() || raw.starts_with('#') {
        return None;
    }
    match base {
        Some(base) => base.join(&raw).ok(),
        None => Url::parse(&raw).ok(),
    }
}

/// The best candidate of a `srcset` list: the widest (`800w`) or densest (`2x`) one, else the last.
pub fn best_of_srcset(srcset: &str) -> Option<&str> {
    let mut best: Option<(&str, f32)> = None;
    for candidate in srcset.split(',') {
        let mut parts = candidate.split_whitespace();
        let Some(url) = parts.next() else { continue };
        let weight = parts.next().and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f32>().ok()).unwrap_or(1.0);
        if best.is_none_or(|(_, w)| weight >= w) {
            best = Some((url, weight));
        }
    }
    best.map(|(url, _)| url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://example.com/news/a.html").unwrap()
    }

    #[test]
    fn links_keep_only_web_and_mail_targets() {
        let b = base();
        assert_eq!(link("/x", Some(&b)).as_deref(), Some("https://example.com/x"));
        assert_eq!(link("mailto:a@b.c", Some(&b)).as_deref(), Some("mailto:a@b.c"));
        assert_eq!(link(" java\nscript:alert(1)", Some(&b)), None);
        assert_eq!(link("JavaScript:alert(1)", Some(&b)), None);
        assert_eq!(link("data:text/html,<script>", Some(&b)), None);
        assert_eq!(link("#top", Some(&b)), None);
        assert_eq!(link("relative.html", None), None);
    }

    #[test]
    fn images_from_the_web_never_name_local_files() {
        let web = base();
        let local = Url::parse("file:///home/u/page.html").unwrap();
        assert_eq!(image("file:///etc/passwd", Some(&web)), None);
        assert_eq!(image("page_files/a.png", Some(&local)).as_deref(), Some("file:///home/u/page_files/a.png"));
        assert_eq!(image("data:image/png;base64,AAAA", Some(&web)), None);
        assert_eq!(image("//cdn.example.com/a.jpg", Some(&web)).as_deref(), Some("https://cdn.example.com/a.jpg"));
    }

    #[test]
    fn srcset_picks_the_largest() {
        assert_eq!(best_of_srcset("a.jpg 320w, b.jpg 1024w, c.jpg 640w"), Some("b.jpg"));
        assert_eq!(best_of_srcset("a.jpg, b.jpg 2x"), Some("b.jpg"));
        assert_eq!(best_of_srcset(""), None);
    }
}
