//! What can go wrong with annotations.

use crate::store::StoreError;

/// What can go wrong with annotations.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnnotationError {
    /// No (live) annotation has this id.
    #[error("no annotation with id `{0}`")]
    NotFound(String),
    /// The quote to highlight does not occur in the article's text.
    #[error("the quote `{quote}` is not in the text of article `{article}`")]
    QuoteNotFound {
        /// The article.
        article: String,
        /// The text looked for.
        quote: String,
    },
    /// A range that is empty, reversed, or past the end of the text.
    #[error("the range {start}..{end} is not inside the text ({len} characters) or is empty")]
    BadRange {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// The text's length in code points.
        len: usize,
    },
    /// A colour outside the palette.
    #[error("unknown colour `{0}` (use yellow, green, blue, pink or purple)")]
    UnknownColor(String),
    /// A note, tag or quote over the size limits.
    #[error("{what} is too long ({len} characters, at most {max})")]
    TooLong {
        /// What was too long.
        what: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Imported JSON that is not a usable W3C annotation.
    #[error("not a usable W3C annotation: {0}")]
    Invalid(String),
    /// Undo of a deletion for an annotation that is not deleted.
    #[error("annotation `{0}` is not deleted")]
    NotDeleted(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for AnnotationError {
    fn from(e: rusqlite::Error) -> Self {
        AnnotationError::Store(StoreError::Sqlite(e))
    }
}
