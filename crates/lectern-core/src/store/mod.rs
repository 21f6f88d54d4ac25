//! The library store: one SQLite file holding articles, assets, tags, reading state and
//! settings (DESIGN §3).
//!
//! The file is opened in WAL mode with foreign keys on and a busy timeout, so the desktop app
//! and the `lectern` command can use one library at once. Every write that touches more than
//! one row runs in one transaction. The schema evolves through numbered migrations in
//! `migrations/`, tracked by `PRAGMA user_version`.

mod annotations;
mod articles;
mod backup;
mod error;
mod exchange;
mod migrate;
mod quotes;
mod search;
mod settings;
mod tags;
mod timeline;

pub use annotations::ReanchorReport;
pub use articles::{AddOutcome, Article, ArticleId, ArticleSummary, ReplaceOutcome, Sort};
pub use backup::{validate_library_file, BACKUP_DIR};
pub use error::StoreError;
pub use search::{index_text, SearchHit};
pub use settings::ReadingState;

use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// The file name of the library database inside the library folder.
pub const DATABASE_FILE: &str = "library.sqlite3";

/// How long a write waits for another process (the app, the CLI) to finish its own.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open library database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::Open { path: path.to_path_buf(), source: e })?;
        // Before anything else: switching to WAL takes a lock another process may hold.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL is durable across application crashes in WAL mode; only an OS crash or power
        // loss can lose the last transactions, never corrupt the file.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::prepare(conn, path.parent())
    }

    /// A private in-memory database, for tests and one-shot commands.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, library_dir: Option<&Path>) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Every write transaction takes the write lock when it begins. A deferred one starts
        // as a reader (most of ours read first: "is this article already here?") and must
        // upgrade to a writer; if another process committed meanwhile, SQLite cannot wait
        // for the upgrade and fails at once with SQLITE_BUSY ("database is locked") despite
        // the busy timeout. An immediate transaction waits on the busy timeout instead.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        migrate::up(&mut conn, library_dir)?;
        Ok(Store { conn })
    }

    /// The schema version (the number of migrations applied).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }
}

/// The current time as ISO 8601 UTC with milliseconds, the form every timestamp is stored in.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}
