//! Exchange (DESIGN §7): study groups share annotations as files, with no server.
//!
//! - [`markdown`](mod@markdown): an article's highlights and timeline as Markdown, for reading
//!   and note apps (export only);
//! - [`w3c`]: W3C Web Annotation JSON-LD, an `AnnotationCollection` (export and import);
//! - [`hypothesis`]: the JSON a Hypothesis export holds (import only);
//! - [`bundle`]: the `.lectern` file, articles with their documents, images and annotations,
//!   so a member without the article can read it;
//! - [`merge`](mod@merge): the rule that decides which copy of an annotation wins, the same on
//!   every member whatever the order files arrive in;
//! - [`validate`](mod@validate): limits and schema checks for untrusted input, with errors
//!   naming the field;
//! - [`group`]: the group folder, one file per member.
//!
//! Everything here is pure (bytes in, values out); the use cases that touch the library are
//! `Library::export_*`, `Library::import_*` and `Library::sync_group`.

pub mod bundle;
mod error;
pub mod group;
pub mod hypothesis;
pub mod markdown;
pub mod merge;
pub mod validate;
pub mod w3c;
mod write;

pub use error::ExchangeError;
pub use validate::Limits;
pub use write::write_whole;

use crate::annotation::Annotation;
use crate::document::Document;
use crate::ingest::Asset;
use crate::store::ArticleId;
use serde::{Deserialize, Serialize};

/// What an import did, for the user and for `lectern import --json`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Annotations new to this library.
    pub added: usize,
    /// Annotations that replaced an older local copy (edits, deletions, undeletions).
    pub updated: usize,
    /// Annotations the library already had in this or a newer state (nothing the reader sees
    /// changed; a tombstone of an annotation never seen here is recorded and counted here).
    pub unchanged: usize,
    /// Of the added and updated ones, those whose words were not found in the local copy of
    /// the article: kept as orphans, listed for the user to re-attach.
    pub orphaned: usize,
    /// Articles created from the file because the library did not have them.
    pub articles_added: usize,
    /// Annotations not written: their article is neither here nor in the file (or, from
    /// Hypothesis, a page note or reply with no quoted words).
    pub skipped: usize,
}

impl ImportSummary {
    /// Adds another file's counts to these (for a group folder's total).
    pub fn add(&mut self, other: &ImportSummary) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.orphaned += other.orphaned;
        self.articles_added += other.articles_added;
        self.skipped += other.skipped;
    }
}

/// An article as it travels in a bundle: its document and images, checked and sanitized.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePackage {
    /// The article's id in the library that exported it.
    pub id: ArticleId,
    /// The document, sanitized again on import.
    pub document: Document,
    /// SHA-256 of the canonical text, to match a local copy of the same article.
    pub text_sha256: String,
    /// The images its figures use.
    pub assets: Vec<Asset>,
}

/// What an import file holds once read and validated: nothing here has touched the library.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Payload {
    /// Articles to match, or create when the library lacks them (bundles only).
    pub articles: Vec<ArticlePackage>,
    /// Annotations, tombstones included; their target is matched by article id, else URL.
    pub annotations: Vec<Annotation>,
    /// Annotations dropped while reading (Hypothesis page notes and replies).
    pub skipped: usize,
}

/// SHA-256 of a text, lowercase hex (the form `articles.text_hash` stores).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads an import file of any supported kind: a bundle (a zip), W3C JSON, or a Hypothesis
/// export, told apart by their content rather than their name.
pub fn read_any(bytes: &[u8], limits: &Limits) -> Result<Payload, ExchangeError> {
    if bytes.starts_with(b"PK") {
        return bundle::read(bytes, limits);
    }
    limits.check_size("the file", bytes.len() as u64, limits.max_file)?;
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| ExchangeError::Malformed {
        what: "the file".into(),
        reason: format!("not JSON or a .lectern bundle: {e}"),
    })?;
    if hypothesis::looks_like(&value) {
        hypothesis::read(&value, limits)
    } else {
        w3c::read(&value, limits)
    }
}
