//! Schema migrations: numbered SQL files applied in order, each in its own transaction,
//! tracked by `PRAGMA user_version`. A shipped migration is never edited.

use super::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// Every migration, in order; the schema version is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_articles.sql"),
    include_str!("migrations/0002_annotations.sql"),
    include_str!("migrations/0003_timeline_corrections.sql"),
    include_str!("migrations/0004_list_indexes.sql"),
    include_str!("migrations/0005_dismissed_quotes.sql"),
];

/// The schema version this build writes: the number of migrations.
pub(super) fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the schema up to date, or refuses a database from a newer Lectern. When
/// `library_dir` is given and an existing library (not a new, empty one) is about to be
/// migrated, a copy of it is kept first under `backups/` (see [`super::backup`]).
pub(super) fn up(conn: &mut Connection, library_dir: Option<&Path>) -> Result<(), StoreError> {
    let current = version(conn)?;
    let supported = latest();
    if current > supported {
        return Err(StoreError::TooNew { found: current, supported });
    }
    if let (Some(dir), true) = (library_dir, current > 0 && current < supported) {
        super::backup::rolling_backup(conn, dir, current)?;
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        // Immediate: take the write lock before reading the version, so two processes that
        // open an old library at once apply each migration once; the second one finds the
        // version already raised and skips it.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version(&tx)? > index as u32 {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_from_empty_and_is_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        up(&mut conn, None).unwrap();
        up(&mut conn, None).unwrap();
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, MIGRATIONS.len() as u32);
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name IN ('articles','assets','tags','settings','articles_fts','timeline_corrections','dismissed_quotes')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 7);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(up(&mut conn, None), Err(StoreError::TooNew { found: 99, .. })));
    }
}
