//! Plain-text page saves: text copied from a news page, with its breadcrumb, title,
//! source/date line and page chrome.

use crate::document::{Block, Document};

/// Parses text copied from a news page into a document.
pub fn parse(text: &str) -> Document {
    // Placeholder until the plain-text reader lands: every non-empty line is a paragraph.
    let blocks = text.lines().filter(|l| !l.trim().is_empty()).map(|l| Block::paragraph(l.trim())).collect();
    Document { blocks, ..Default::default() }
}
