//! Ingest: reads an article from wherever the reader has it and hands back a [`Draft`].
//!
//! | source | module |
//! |---|---|
//! | `http://`, `https://` URL | [`fetch`] downloads the page and its images, then [`crate::extract`] |
//! | `.html`/`.htm` saved page (with its `_files/` folder) | [`saved_page`] |
//! | `.md`/`.markdown` | [`markdown`] |
//! | `.txt` text copied from a news page | [`plaintext`] |
//!
//! Every path yields the same [`Document`]; images come along as [`Asset`]s so the article
//! reads fully offline.

pub mod charset;
pub mod fetch;
pub mod markdown;
pub mod plaintext;
pub mod saved_page;

mod assets;
mod error;

pub use assets::{attach_images, local_files_under, Asset};
pub use error::IngestError;
pub use fetch::Fetcher;

use crate::document::Document;
use std::path::{Path, PathBuf};
use url::Url;

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A web address to download.
    Url(Url),
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// Reads a command-line argument: an `http(s)://` URL, else a file path.
    pub fn parse(arg: &str) -> Source {
        match Url::parse(arg) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => Source::Url(url),
            _ => Source::File(PathBuf::from(arg)),
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Url(url) => write!(f, "{url}"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// An article read from a source, not yet stored.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The article.
    pub document: Document,
    /// The images its figures refer to (by SHA-256).
    pub assets: Vec<Asset>,
}

/// Reads `source` into a draft. URLs go through `fetcher`; files are read from disk.
pub fn load(source: &Source, fetcher: &Fetcher) -> Result<Draft, IngestError> {
    match source {
        Source::Url(url) => fetcher.fetch_article(url),
        Source::File(path) => load_file(path),
    }
}

/// Reads a file into a draft, choosing the reader by its extension.
pub fn load_file(path: &Path) -> Result<Draft, IngestError> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let draft = match extension.as_str() {
        "html" | "htm" | "xhtml" => saved_page::load(path)?,
        "md" | "markdown" => {
            let text = read_text(path)?;
            // Relative image paths resolve against the file itself; only images inside its
            // folder are read (see `local_files_under`).
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let base = Url::from_file_path(&absolute).ok();
            let mut document = markdown::parse(&text, base.as_ref());
            let folder = absolute.parent().unwrap_or(Path::new("."));
            let assets = attach_images(&mut document, local_files_under(folder));
            Draft { document, assets }
        }
        "txt" | "text" => {
            let text = read_text(path)?;
            Draft { document: plaintext::parse(&text), assets: Vec::new() }
        }
        _ => {
            return Err(IngestError::UnsupportedFile {
                path: path.to_path_buf(),
                extension: if extension.is_empty() { "(none)".into() } else { format!(".{extension}") },
            })
        }
    };
    finish(draft, &path.display().to_string())
}

/// Extracts an article from HTML held in memory; `origin` names it in errors.
pub fn extract_html(html: &str, origin: &str) -> Result<Document, IngestError> {
    crate::extract::html(html, None)
        .map_err(|e| IngestError::Extract { origin: origin.to_string(), reason: e.to_string() })
}

/// Checks that a draft says something, and fills in what can be derived.
pub(crate) fn finish(mut draft: Draft, origin: &str) -> Result<Draft, IngestError> {
    let doc = &mut draft.document;
    doc.blocks.retain(|b| !b.text.trim().is_empty() || matches!(b.kind, crate::document::BlockKind::Figure { .. }));
    if doc.blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Err(IngestError::NoContent { origin: origin.to_string() });
    }
    if doc.meta.title.trim().is_empty() {
        doc.meta.title = fallback_title(doc, origin);
    }
    if doc.meta.language.is_none() {
        doc.meta.language = crate::language::detect(&doc.text());
    }
    Ok(draft)
}

fn fallback_title(doc: &Document, origin: &str) -> String {
    if let Some(heading) = doc.headings().into_iter().next() {
        return heading;
    }
    Path::new(origin).file_stem().and_then(|s| s.to_str()).unwrap_or(origin).to_string()
}

/// Reads a text file in whatever encoding it was saved in.
fn read_text(path: &Path) -> Result<String, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: path.to_path_buf(), source })?;
    Ok(charset::decode_text(&bytes))
}
