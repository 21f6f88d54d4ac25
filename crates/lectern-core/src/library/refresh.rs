//! Downloading an article again (issue #5): when the page changed, its document, text, search
//! row and images are replaced and its annotations re-anchored, in one transaction; when it
//! did not, nothing is written. A failed download changes nothing either.
//!
//! Timeline corrections need no work here: they are anchored to the current text each time a
//! timeline is read (see `timeline::corrections`), so they follow their words on their own.

use super::{Error, Library};
use crate::ingest::Source;
use crate::store::{ArticleId, ReplaceOutcome};
use serde::{Deserialize, Serialize};

/// What downloading one article again did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refreshed {
    /// The article.
    pub id: ArticleId,
    /// Whether the page had changed (and the article was replaced).
    pub changed: bool,
    /// Annotations found exactly where they were (when nothing changed: the live annotations
    /// that are placed).
    pub anchored: usize,
    /// Annotations found elsewhere or only approximately: their selectors now describe the
    /// new text.
    pub moved: usize,
    /// Annotations whose words are gone: kept as orphans, listed, never dropped (when nothing
    /// changed: the live orphans there already were).
    pub orphaned: usize,
}

impl Library {
    /// Downloads an article again from the address it was read from (through the library's
    /// fetcher, with the limits of [`Library::add`]) and, if its text or metadata changed,
    /// replaces it and re-anchors its annotations.
    pub fn refresh(&mut self, id: &ArticleId) -> Result<Refreshed, Error> {
        let article = self.store.article(id)?;
        let meta = &article.document.meta;
        let url = match meta.url.as_deref().map(Source::parse) {
            Some(Source::Url(url)) => url,
            _ => return Err(Error::NoUrl { id: id.clone(), title: meta.title.clone() }),
        };
        let draft = self.fetcher.fetch_article(&url)?;
        match self.store.replace_article(id, &draft)? {
            ReplaceOutcome::Unchanged => {
                let (anchored, orphaned) = self.store.annotation_counts(id)?;
                Ok(Refreshed { id: id.clone(), changed: false, anchored, moved: 0, orphaned })
            }
            ReplaceOutcome::Replaced(report) => Ok(Refreshed {
                id: id.clone(),
                changed: true,
                anchored: report.anchored,
                moved: report.moved,
                orphaned: report.orphaned,
            }),
            ReplaceOutcome::Duplicate(other) => {
                Err(Error::RefreshDuplicate { id: id.clone(), title: meta.title.clone(), other })
            }
        }
    }
}
