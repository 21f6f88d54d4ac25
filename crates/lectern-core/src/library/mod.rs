//! The library: the use cases that the `lectern` command and the desktop shell offer, over
//! the store and ingest. Both fronts call these and hold no rules of their own.

use crate::annotation::AnnotationError;
use crate::document::Document;
use crate::exchange::ExchangeError;
use crate::ingest::{self, Draft, Fetcher, IngestError, Source};
use crate::store::{AddOutcome, Article, ArticleId, ArticleSummary, ReadingState, SearchHit, Sort, Store, StoreError};
use crate::timeline::TimelineError;
use serde::{Deserialize, Serialize};

mod annotations;
mod backup;
mod exchange;
mod refresh;
mod timeline;
pub use backup::Restored;
pub use exchange::{ExportFormat, ExportScope, GroupSync, MemberSync, GROUP_FOLDER_SETTING, MEMBER_ID_SETTING};
pub use refresh::Refreshed;
use std::path::{Path, PathBuf};
pub use timeline::TimelineReport;

/// The environment variable that overrides where the library lives.
pub const LIBRARY_ENV: &str = "LECTERN_LIBRARY";

/// The setting holding the name new annotations are made under.
pub const CREATOR_SETTING: &str = "annotation.creator";

/// Anything a library operation can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading an article from its source failed.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An annotation operation failed.
    #[error(transparent)]
    Annotation(#[from] AnnotationError),
    /// A timeline correction was refused.
    #[error(transparent)]
    Timeline(#[from] TimelineError),
    /// An exchange file could not be read, or was refused.
    #[error(transparent)]
    Exchange(#[from] ExchangeError),
    /// An article to download again was not read from a web address.
    #[error("`{title}` ({id}) was added from a file; add the file again")]
    NoUrl {
        /// The article.
        id: ArticleId,
        /// Its title.
        title: String,
    },
    /// The new version of an article is another article of the library (same text or
    /// address); nothing was changed.
    #[error("the new version of `{title}` ({id}) is already in the library as article {other}")]
    RefreshDuplicate {
        /// The article downloaded again.
        id: ArticleId,
        /// Its title.
        title: String,
        /// The article the new version matches.
        other: ArticleId,
    },
    /// The library folder could not be created or found.
    #[error("cannot use the library folder `{}`: {reason}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

impl Error {
    /// A stable, machine-readable name for the kind of error, for the UI to react to.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Ingest(IngestError::Io { .. }) => "io",
            Error::Ingest(IngestError::UnsupportedFile { .. }) => "unsupported",
            Error::Ingest(IngestError::Network { .. } | IngestError::HttpStatus { .. }) => "network",
            Error::Ingest(IngestError::NotHtml { .. }) => "not_html",
            Error::Ingest(IngestError::TooLarge { .. }) => "too_large",
            Error::Ingest(_) => "no_content",
            Error::Store(StoreError::NotFound(_)) => "not_found",
            Error::Annotation(AnnotationError::NotFound(_) | AnnotationError::Store(StoreError::NotFound(_))) => {
                "not_found"
            }
            Error::Annotation(AnnotationError::QuoteNotFound { .. }) => "quote_not_found",
            Error::Annotation(AnnotationError::Store(_)) => "storage",
            Error::Annotation(_) => "invalid",
            Error::Timeline(TimelineError::NoMention { .. } | TimelineError::CorrectionNotFound(_)) => "not_found",
            Error::Timeline(_) => "invalid",
            Error::Exchange(ExchangeError::TooLarge { .. }) => "too_large",
            Error::Exchange(ExchangeError::Io { .. }) => "io",
            Error::Exchange(_) => "invalid",
            Error::NoUrl { .. } => "no_url",
            Error::RefreshDuplicate { .. } => "exists",
            Error::Store(_) | Error::Folder { .. } => "storage",
        }
    }
}

/// What adding one source did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Added {
    /// The article (new, or the one already in the library).
    pub id: ArticleId,
    /// Its title.
    pub title: String,
    /// Whether it was added now or already there.
    pub status: AddStatus,
}

/// Whether an add stored something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AddStatus {
    /// Stored now.
    Added,
    /// Already in the library; nothing was written.
    Exists,
}

/// A stored article with what the reader needs besides the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    /// The article and its document.
    #[serde(flatten)]
    pub article: Article,
    /// The canonical text (DESIGN §2).
    pub text: String,
    /// Where each block starts in `text`, in code points.
    pub block_starts: Vec<usize>,
    /// Estimated minutes to read.
    pub reading_minutes: usize,
    /// Where the reader left it.
    pub reading_state: Option<ReadingState>,
    /// Its tags.
    pub tags: Vec<String>,
}

/// A Lectern library: a folder holding `library.sqlite3`.
#[derive(Debug)]
pub struct Library {
    store: Store,
    fetcher: Fetcher,
    dir: PathBuf,
}

impl Library {
    /// The folder used when none is given: `$LECTERN_LIBRARY`, else the platform's data
    /// folder (`~/.local/share/lectern` on Linux).
    pub fn default_dir() -> Result<PathBuf, Error> {
        if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("org", "Lectern", "Lectern")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or_else(|| Error::Folder { path: PathBuf::from("~"), reason: "no home folder".into() })
    }

    /// Opens the library in `dir`, creating it if needed.
    pub fn open(dir: &Path) -> Result<Library, Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::Folder { path: dir.to_path_buf(), reason: e.to_string() })?;
        let store = Store::open(&dir.join(crate::store::DATABASE_FILE))?;
        Ok(Library { store, fetcher: Fetcher::default(), dir: dir.to_path_buf() })
    }

    /// Uses `fetcher` for downloads (tests shorten its timeouts).
    pub fn with_fetcher(mut self, fetcher: Fetcher) -> Self {
        self.fetcher = fetcher;
        self
    }

    /// The library's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The underlying store, for operations not wrapped here.
    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Reads `source` (a URL or a file path) and adds it, unless it is already here.
    pub fn add(&mut self, source: &str) -> Result<Added, Error> {
        let draft = ingest::load(&Source::parse(source), &self.fetcher)?;
        self.add_draft(&draft)
    }

    /// Adds an article already read.
    pub fn add_draft(&mut self, draft: &Draft) -> Result<Added, Error> {
        let (id, status) = match self.store.add_article(draft)? {
            AddOutcome::Added(id) => (id, AddStatus::Added),
            AddOutcome::Exists(id) => (id, AddStatus::Exists),
        };
        let title = match status {
            AddStatus::Added => draft.document.meta.title.clone(),
            AddStatus::Exists => self.store.article_summary(&id)?.title,
        };
        Ok(Added { id, title, status })
    }

    /// The library's articles.
    pub fn list(&self, sort: Sort) -> Result<Vec<ArticleSummary>, Error> {
        Ok(self.store.list_articles(sort)?)
    }

    /// One page of the library list: `limit` articles from position `offset`.
    pub fn list_page(&self, sort: Sort, offset: usize, limit: usize) -> Result<Vec<ArticleSummary>, Error> {
        Ok(self.store.list_articles_page(sort, offset, limit)?)
    }

    /// One page of the articles tagged `tag`, as [`Self::list_page`].
    pub fn tagged_page(
        &self,
        tag: &str,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, Error> {
        Ok(self.store.tagged_articles_page(tag, sort, offset, limit)?)
    }

    /// How many articles the library holds (those tagged `tag`, when given).
    pub fn count(&self, tag: Option<&str>) -> Result<usize, Error> {
        Ok(self.store.count_articles(tag)?)
    }

    /// Finds an article by id or unambiguous id prefix.
    pub fn resolve(&self, id_or_prefix: &str) -> Result<ArticleId, Error> {
        Ok(self.store.resolve_id(id_or_prefix)?)
    }

    /// An article with everything the reader shows.
    pub fn open_article(&self, id: &ArticleId) -> Result<ArticleView, Error> {
        let article = self.store.article(id)?;
        let summary = self.store.article_summary(id)?;
        Ok(ArticleView {
            text: article.document.text(),
            block_starts: article.document.block_starts(),
            reading_minutes: crate::text::reading_minutes(article.words),
            reading_state: self.store.reading_state(id)?,
            tags: summary.tags,
            article,
        })
    }

    /// An article's document alone.
    pub fn document(&self, id: &ArticleId) -> Result<Document, Error> {
        Ok(self.store.article(id)?.document)
    }

    /// Full-text search.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, Error> {
        Ok(self.store.search(query, limit)?)
    }

    /// Removes an article; [`Library::undo_remove`] brings it back until the library is
    /// next opened.
    pub fn remove(&mut self, id: &ArticleId) -> Result<(), Error> {
        Ok(self.store.remove_article(id)?)
    }

    /// Brings back a removed article.
    pub fn undo_remove(&mut self, id: &ArticleId) -> Result<(), Error> {
        Ok(self.store.restore_article(id)?)
    }

    /// Deletes an article for good, at once.
    pub fn delete(&mut self, id: &ArticleId) -> Result<(), Error> {
        Ok(self.store.delete_article(id)?)
    }

    /// Deletes removed articles for good.
    pub fn purge_removed(&mut self) -> Result<usize, Error> {
        Ok(self.store.purge_removed()?)
    }

    /// An image: its media type and bytes.
    pub fn asset(&self, sha256: &str) -> Result<Option<(String, Vec<u8>)>, Error> {
        Ok(self.store.asset(sha256)?)
    }

    /// A stored image's size in bytes.
    pub fn asset_size(&self, sha256: &str) -> Result<Option<usize>, Error> {
        Ok(self.store.asset_size(sha256)?)
    }

    /// A setting, or `None` when never set.
    pub fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, Error> {
        Ok(self.store.setting(key)?)
    }

    /// Stores a setting.
    pub fn set_setting(&mut self, key: &str, value: &serde_json::Value) -> Result<(), Error> {
        Ok(self.store.set_setting(key, value)?)
    }

    /// Records how far the reader got in an article.
    pub fn save_reading_state(
        &mut self,
        id: &ArticleId,
        position: usize,
        progress: f64,
    ) -> Result<ReadingState, Error> {
        Ok(self.store.save_reading_state(id, position, progress)?)
    }

    /// Replaces an article's tags.
    pub fn set_tags(&mut self, id: &ArticleId, tags: &[String]) -> Result<(), Error> {
        Ok(self.store.set_tags(id, tags)?)
    }

    /// Every tag with its article count.
    pub fn tags(&self) -> Result<Vec<(String, usize)>, Error> {
        Ok(self.store.tags()?)
    }
}
