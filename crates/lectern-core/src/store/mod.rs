//! The library store: one SQLite file holding articles, assets, tags, reading state and
//! settings (DESIGN §3).
//!
//! The file is opened in WAL mode with foreign keys on and a busy timeout, so the desktop app
//! and the `lectern` command can use one library at once. Every write that touches more than
//! one row runs in one transaction. The schema evolves through numbered migrations in
//! `migrations/`, tracked by `PRAGMA user_version`.

mod annotations;
mod articles;
mod error;
mod exchange;
mod migrate;
mod search;
mod settings;
mod tags;
mod timeline;

pub use annotations::ReanchorReport;
pub use articles::{AddOutcome, Article, ArticleId, ArticleSummary, Sort};
pub use error::StoreError;
pub use search::{index_text, SearchHit};
pub use settings::ReadingState;

use rusqlite::Connection;
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
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL is durable across application crashes in WAL mode; only an OS crash or power
        // loss can lose the last transactions, never corrupt the file.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::prepare(conn)
    }

    /// A private in-memory database, for tests and one-shot commands.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::up(&mut conn)?;
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
