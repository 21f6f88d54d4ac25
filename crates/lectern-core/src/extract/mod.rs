//! Extraction: the main content of an HTML page, as Firefox Reader View finds it, turned
//! into Lectern's block model with its metadata. Nothing active survives.

use crate::document::{Block, Document};
use url::Url;

/// Why a page could not be turned into an article.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The readability pass found nothing it could use.
    #[error("{0}")]
    Readability(String),
}

/// Extracts the article from an HTML page. `base` resolves relative links and image sources.
pub fn html(html: &str, base: Option<&Url>) -> Result<Document, ExtractError> {
    // Placeholder until the extractor lands.
    let _ = base;
    Ok(Document { blocks: vec![Block::paragraph(html)], ..Default::default() })
}
