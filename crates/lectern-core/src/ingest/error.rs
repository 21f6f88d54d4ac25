//! Why an article could not be read.

use std::path::PathBuf;

/// Why an article could not be read. Each message names the input it is about.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// A file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A file whose type Lectern does not read.
    #[error("unsupported file type `{extension}` for `{}` (Lectern reads .html, .htm, .md and .txt)", path.display())]
    UnsupportedFile {
        /// The file.
        path: PathBuf,
        /// Its extension, with the dot.
        extension: String,
    },
    /// The host could not be reached, or the transfer failed or timed out.
    #[error("cannot download {url}: {reason}")]
    Network {
        /// The address.
        url: String,
        /// What went wrong, in a few words.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("cannot download {url}: the server answered {status}")]
    HttpStatus {
        /// The address.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The response is not a web page.
    #[error("{url} is not a web page (content type `{content_type}`)")]
    NotHtml {
        /// The address.
        url: String,
        /// The declared content type.
        content_type: String,
    },
    /// The response is larger than Lectern accepts.
    #[error("{url} is larger than the {limit_mib} MiB limit")]
    TooLarge {
        /// The address.
        url: String,
        /// The limit, in MiB.
        limit_mib: u64,
    },
    /// The source was read but holds no readable text.
    #[error("no readable article text in {origin}")]
    NoContent {
        /// The source.
        origin: String,
    },
    /// The page could not be parsed into an article.
    #[error("cannot extract an article from {origin}: {reason}")]
    Extract {
        /// The source.
        origin: String,
        /// What the extractor said.
        reason: String,
    },
}
