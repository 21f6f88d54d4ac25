//! Markdown files, with optional front matter.

use crate::document::{Block, Document};

/// Parses a Markdown article into a document.
pub fn parse(text: &str) -> Document {
    // Placeholder until the Markdown reader lands.
    let blocks = text.split("\n\n").filter(|l| !l.trim().is_empty()).map(|l| Block::paragraph(l.trim())).collect();
    Document { blocks, ..Default::default() }
}
