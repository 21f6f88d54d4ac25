//! Extraction: the main content of an HTML page, as Firefox Reader View finds it, turned
//! into Lectern's block model with its metadata. Nothing active survives.
//!
//! The page is parsed once. [`metadata::Page::read`] looks at the whole page first
//! (JSON-LD, meta tags, breadcrumbs, date lines that sit outside the article); then
//! [dom_smoothie](https://docs.rs/dom_smoothie), a close port of Mozilla's Readability.js,
//! finds the article and its title, byline, excerpt and site name; [`blocks::blocks_of`]
//! walks the article's DOM into blocks; finally visible metadata lines and page chrome
//! are lifted out of the body ([`metadata::lift_lines`]).
//!
//! Sanitizing is by construction: blocks hold plain text and marks, link targets are
//! absolute `http`/`https`/`mailto` URLs and image sources `http`/`https` (or `file` for
//! a saved page), so no markup, handler or script URL can reach the store or the reader.
//!
//! ```
//! let page = r#"<html lang="en"><head><title>Hello</title></head><body><article>
//!   <h1>Hello</h1><p>First paragraph of a <em>fine</em> article.</p></article></body></html>"#;
//! let doc = lectern_core::extract::html(page, None).unwrap();
//! assert_eq!(doc.meta.title, "Hello");
//! assert_eq!(doc.text(), "First paragraph of a fine article.");
//! ```

mod blocks;
mod inline;
mod metadata;
mod urls;

pub use metadata::{breadcrumbs_from_line, reporter_from_line, source_from_line};

use crate::document::{Block, BlockKind, Document, Metadata};
use crate::text::normalize_space;
use dom_smoothie::{Config, Readability};
use url::Url;

/// Why a page could not be turned into an article.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The readability pass found nothing it could use.
    #[error("{0}")]
    Readability(String),
}

/// Extracts the article from an HTML page. `base` resolves relative links and image sources
/// (the page's own address, or its `file://` URL for a saved page).
pub fn html(html: &str, base: Option<&Url>) -> Result<Document, ExtractError> {
    let dom = dom_query::Document::from(html);
    let page = metadata::Page::read(&dom, html, base);

    let mut readability = Readability::with_document(dom, base.map(Url::as_str), Some(Config::default()))
        .map_err(|e| ExtractError::Readability(e.to_string()))?;
    let (article, blocks) = match readability.parse() {
        Ok(article) => {
            let root = readability.doc.select("#readability-page-1");
            let blocks = root.nodes().first().map(|n| blocks::blocks_of(n, base)).unwrap_or_default();
            (Some(article), blocks)
        }
        // Readability gives up on pages with almost no text; a short note is still an
        // article to its reader, so lay out the whole body instead.
        Err(_) => {
            let dom = dom_query::Document::from(html);
            let blocks = dom.body().map(|body| blocks::blocks_of(&body, base)).unwrap_or_default();
            (None, blocks)
        }
    };

    let clean = |s: Option<String>| s.map(|s| normalize_space(&s)).filter(|s| !s.is_empty());
    let mut meta = Metadata {
        language: page.language,
        canonical_url: page.canonical_url,
        breadcrumbs: page.breadcrumbs,
        ..Metadata::default()
    };
    if let Some(article) = article {
        // Kept as Readability gives it (only trimmed), so titles agree with Reader View.
        meta.title = article.title.trim().to_string();
        meta.byline = clean(article.byline);
        meta.site_name = clean(article.site_name);
        meta.excerpt = clean(article.excerpt);
        meta.published = article.published_time.as_deref().and_then(crate::published::normalize);
    }
    meta.published = meta.published.or(page.published);
    meta.byline = meta.byline.or(page.authors);
    meta.source = page.source;

    let mut doc = Document { meta, blocks };
    drop_title_heading(&mut doc);
    metadata::lift_lines(&mut doc.blocks, &mut doc.meta);
    doc.meta.published = doc.meta.published.take().or(page.visible_date);
    Ok(doc)
}

/// Drops a leading heading that repeats the title (the reader shows the title already).
fn drop_title_heading(doc: &mut Document) {
    let title = normalize_space(&doc.meta.title).to_lowercase();
    if title.is_empty() {
        return;
    }
    let first_text = doc.blocks.iter().position(|b| !matches!(b.kind, BlockKind::Figure { .. }));
    if let Some(i) = first_text {
        let Block { kind, text, .. } = &doc.blocks[i];
        if matches!(kind, BlockKind::Heading { .. }) && normalize_space(text).to_lowercase() == title {
            doc.blocks.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="en"><head><title>River restoration plan approved by the council | Courier</title>
        <meta property="og:site_name" content="Courier">
        <meta name="author" content="Ana  Ruiz">
        <meta name="description" content="The council said yes.">
        <meta property="article:published_time" content="2023-05-14T07:45:00+01:00">
        </head><body><article><h1>River restoration plan approved by the council</h1>
        <p>The council approved the river plan on Tuesday after a long debate about costs and timing.</p>
        <p>Work starts in June and should take two years, the engineer in charge told the meeting.</p>
        </article></body></html>"#;

    #[test]
    fn readability_metadata_is_kept() {
        let doc = html(PAGE, Some(&Url::parse("https://courier.example/a").unwrap())).unwrap();
        assert_eq!(doc.meta.title, "River restoration plan approved by the council");
        assert_eq!(doc.meta.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(doc.meta.site_name.as_deref(), Some("Courier"));
        assert_eq!(doc.meta.excerpt.as_deref(), Some("The council said yes."));
        assert_eq!(doc.meta.published.as_deref(), Some("2023-05-14T07:45:00"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert!(doc.headings().is_empty(), "the title heading is not repeated: {:?}", doc.blocks);
        assert!(doc.text().starts_with("The council approved"));
    }

    #[test]
    fn visible_date_line_is_the_last_resort() {
        let page = "<html><body><div><p>Date: 2022-03-14 09:05:00</p>\
            <p>A short notice that the library will close early on Friday for a staff training day.</p></div></body></html>";
        let doc = html(page, None).unwrap();
        assert_eq!(doc.meta.published.as_deref(), Some("2022-03-14T09:05:00"));
        assert!(!doc.text().contains("Date:"));
    }
}
