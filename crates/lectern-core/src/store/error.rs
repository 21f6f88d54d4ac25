//! What can go wrong with the library database.

use std::path::PathBuf;

/// What can go wrong with the library database.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database file could not be opened.
    #[error("cannot open the library at `{}`: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The database was written by a newer Lectern.
    #[error(
        "the library has schema version {found}, newer than this Lectern understands ({supported}); update Lectern"
    )]
    TooNew {
        /// The version in the file.
        found: u32,
        /// The newest version this build knows.
        supported: u32,
    },
    /// No article has this id.
    #[error("no article with id `{0}`")]
    NotFound(String),
    /// A stored document could not be read back.
    #[error("article `{id}` is damaged: {reason}")]
    Corrupt {
        /// The article.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// A backup copy could not be written.
    #[error("cannot write the backup `{}`: {reason}", path.display())]
    Backup {
        /// The file being written.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A file offered for restoring is not a Lectern library this build can open.
    #[error("`{}` is not a Lectern library: {reason}", path.display())]
    NotALibrary {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// Another process has the library open, so its file cannot be replaced now.
    #[error("the library is in use by another process (close the Lectern app and try again)")]
    InUse,
    /// Any other database error.
    #[error("library database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
