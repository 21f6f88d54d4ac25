//! Schema migrations: numbered SQL files applied in order, each in its own transaction,
//! tracked by `PRAGMA user_version`. A shipped migration is never edited.

use super::StoreError;
use rusqlite::Connection;

/// Every migration, in order; the schema version is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_articles.sql"),
    include_str!("migrations/0002_annotations.sql"),
    include_str!("migrations/0003_timeline_corrections.sql"),
];

/// Brings the schema up to date, or refuses a database from a newer Lectern.
pub(super) fn up(conn: &mut Connection) -> Result<(), StoreError> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let supported = MIGRATIONS.len() as u32;
    if current > supported {
        return Err(StoreError::TooNew { found: current, supported });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
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
        up(&mut conn).unwrap();
        up(&mut conn).unwrap();
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, MIGRATIONS.len() as u32);
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name IN ('articles','assets','tags','settings','articles_fts','timeline_corrections')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 6);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(up(&mut conn), Err(StoreError::TooNew { found: 99, .. })));
    }
}
