//! Key-quote suggestions.

use serde::{Deserialize, Serialize};

/// A quotation worth highlighting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSuggestion {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Who said it, when the text says.
    pub speaker: Option<String>,
    /// First code point of `text` in the canonical text.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// How much the quote carries, 0–1; suggestions are sorted by it, best first.
    pub score: f64,
}

/// Suggests key quotes in a canonical text.
pub fn suggest_quotes(_text: &str) -> Vec<QuoteSuggestion> {
    Vec::new()
}
