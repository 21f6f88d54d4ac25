//! Downloading an article again (issue #5): when the page changed, its document, text, search
//! row and images are replaced and its annotations re-anchored, in one transaction; when it
//! did not, nothing is written. A failed download changes nothing either.
//!
//! Timeline corrections need no work here: they are anchored to the current text each time a
//! timeline is read (see `timeline::corrections`), so they follow their words on their own.

use super::{Error, Library};
use crate::ingest::{Draft, Source};
use crate::store::{ArticleId, ReplaceOutcome};
use serde::{Deserialize, Serialize};
use url::Url;

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
        let url = self.refresh_url(id)?;
        let draft = self.fetcher.fetch_article(&url)?;
        self.apply_refresh(id, &draft)
    }

    /// The address [`Library::refresh`] downloads an article from. Fronts that must not hold
    /// the library during a download (the desktop app) fetch it themselves and hand the
    /// draft to [`Library::apply_refresh`].
    pub fn refresh_url(&self, id: &ArticleId) -> Result<Url, Error> {
        let meta = self.store.article(id)?.document.meta;
        match meta.url.as_deref().map(Source::parse) {
            Some(Source::Url(url)) => Ok(url),
            _ => Err(Error::NoUrl { id: id.clone(), title: meta.title }),
        }
    }

    /// Replaces an article with `draft`, a fresh download of it, and re-anchors its
    /// annotations, in one transaction; writes nothing when the document is unchanged.
    pub fn apply_refresh(&mut self, id: &ArticleId, draft: &Draft) -> Result<Refreshed, Error> {
        let refreshed =
            |changed, anchored, moved, orphaned| Refreshed { id: id.clone(), changed, anchored, moved, orphaned };
        match self.store.replace_article(id, draft)? {
            ReplaceOutcome::Unchanged => {
                let (anchored, orphaned) = self.store.annotation_counts(id)?;
                Ok(refreshed(false, anchored, 0, orphaned))
            }
            ReplaceOutcome::Replaced(r) => Ok(refreshed(true, r.anchored, r.moved, r.orphaned)),
            ReplaceOutcome::Duplicate(other) => {
                let title = self.store.article_summary(id)?.title;
                Err(Error::RefreshDuplicate { id: id.clone(), title, other })
            }
        }
    }
}
