//! What can go wrong when correcting or exporting a timeline.

/// What can go wrong when correcting a timeline.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TimelineError {
    /// A date value that is not one of the accepted forms, or names a day that does not exist.
    #[error(
        "invalid date value `{value}` (want 2021-03-02, 2021-03, 2021, 2021-Q1, 2021-SU, 2021-W10 or 202 for a decade)"
    )]
    InvalidValue {
        /// The value as given.
        value: String,
    },
    /// A selection outside the article's text, or empty.
    #[error("selection {start}..{end} is not inside the article's text (0..{len} code points)")]
    BadSelection {
        /// Start, in code points.
        start: usize,
        /// End (exclusive), in code points.
        end: usize,
        /// The text's length, in code points.
        len: usize,
    },
    /// No event or date mention starts at this offset of the article.
    #[error("no dated mention starts at {start} in article `{article}`")]
    NoMention {
        /// The article.
        article: String,
        /// The offset given.
        start: usize,
    },
    /// No correction has this id.
    #[error("no timeline correction with id `{0}`")]
    CorrectionNotFound(String),
}
