//! Copies of the library file: online backups that stay consistent while another process
//! writes, the rolling backup kept before each migration, and the checks a file must pass
//! before it may replace the library.
//!
//! Copies are made with `VACUUM INTO`, which reads the database inside one read transaction
//! (so a concurrent writer neither blocks it nor tears it) and writes a compact standalone
//! file that includes whatever the WAL holds. Every copy is written to a temporary name and
//! then moved into place, so a crash leaves the old file or none, never half of one.

use super::{migrate, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The folder, inside the library folder, holding the rolling pre-migration backups.
pub const BACKUP_DIR: &str = "backups";

/// How many pre-migration backups are kept; older ones are deleted.
const ROLLING_KEEP: usize = 3;

/// The tables a library of each schema version must have (index 0: version 1).
const TABLES_BY_VERSION: &[&[&str]] = &[
    &["articles", "assets", "article_assets", "tags", "article_tags", "reading_state", "settings", "articles_fts"],
    &["annotations"],
    &["timeline_corrections"],
    &[],
];

impl super::Store {
    /// Writes a consistent copy of the library to `dest` and returns its size in bytes.
    /// Refuses to replace an existing `dest` unless `overwrite`.
    pub fn backup_to(&self, dest: &Path, overwrite: bool) -> Result<u64, StoreError> {
        copy_to(&self.conn, dest, overwrite)
    }

    /// Moves everything in the WAL into the main file and empties the WAL, so the file alone
    /// is the whole library. Fails with [`StoreError::InUse`] when another connection is
    /// reading and the WAL could not be emptied.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        let busy: i64 = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(StoreError::InUse);
        }
        Ok(())
    }
}

/// `VACUUM INTO` a temporary file beside `dest`, synced, then moved to `dest`.
fn copy_to(conn: &Connection, dest: &Path, overwrite: bool) -> Result<u64, StoreError> {
    let fail = |reason: String| StoreError::Backup { path: dest.to_path_buf(), reason };
    if !overwrite && dest.exists() {
        return Err(fail("the file exists (use --force to replace it)".into()));
    }
    let dir = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = dest.file_name().ok_or_else(|| fail("not a file name".into()))?;
    let temp = dir.join(format!(".{}.partial", name.to_string_lossy()));
    let temp_str = temp.to_str().ok_or_else(|| fail("the path is not valid UTF-8".into()))?;
    // A partial copy left by a crash would make VACUUM INTO fail.
    let _ = std::fs::remove_file(&temp);
    conn.execute("VACUUM INTO ?1", [temp_str]).map_err(|e| fail(e.to_string()))?;
    let io = |e: std::io::Error| fail(e.to_string());
    let file = std::fs::File::open(&temp).map_err(io)?;
    file.sync_all().map_err(io)?;
    let bytes = file.metadata().map_err(io)?.len();
    drop(file);
    if overwrite {
        std::fs::rename(&temp, dest).map_err(io)?;
    } else {
        // A hard link fails if `dest` appeared meanwhile, where a rename would replace it.
        // On a file system without hard links, fall back to the rename (checked above).
        match std::fs::hard_link(&temp, dest) {
            Ok(()) => std::fs::remove_file(&temp).map_err(io)?,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&temp);
                return Err(fail("the file exists (use --force to replace it)".into()));
            }
            Err(_) => std::fs::rename(&temp, dest).map_err(io)?,
        }
    }
    Ok(bytes)
}

/// Copies the library to `backups/library-v<version>-<timestamp>.sqlite3` in `library_dir`
/// before a migration, and deletes all but the newest [`ROLLING_KEEP`] such copies.
pub(super) fn rolling_backup(conn: &Connection, library_dir: &Path, version: u32) -> Result<PathBuf, StoreError> {
    let dir = library_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::Backup { path: dir.clone(), reason: e.to_string() })?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let path = dir.join(format!("library-v{version}-{stamp}.sqlite3"));
    copy_to(conn, &path, false)?;
    prune(&dir);
    Ok(path)
}

/// Deletes the oldest rolling backups beyond [`ROLLING_KEEP`]; a file that cannot be deleted
/// is left, since an extra backup does no harm.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    // (timestamp, path): the timestamp is what follows the version, so versions sort by age.
    let mut backups: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(".library-v") && name.ends_with(".partial") {
                // Left by a copy that was interrupted (a crash, a kill); never a backup. A
                // recent one may be another process's copy in progress: leave it.
                let age = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
                if age.is_some_and(|age| age.as_secs() > 3600) {
                    let _ = std::fs::remove_file(e.path());
                }
                return None;
            }
            let stem = name.strip_prefix("library-v")?.strip_suffix(".sqlite3")?;
            let (_, stamp) = stem.split_once('-')?;
            Some((stamp.to_string(), e.path()))
        })
        .collect();
    backups.sort();
    let excess = backups.len().saturating_sub(ROLLING_KEEP);
    for (_, path) in backups.into_iter().take(excess) {
        let _ = std::fs::remove_file(path);
    }
}

/// Checks that `path` is a Lectern library this build can open: SQLite's integrity check
/// passes, its schema version is known, and the tables of that version are present.
/// Returns its schema version.
pub fn validate_library_file(path: &Path) -> Result<u32, StoreError> {
    let refuse = |reason: String| StoreError::NotALibrary { path: path.to_path_buf(), reason };
    if !path.is_file() {
        return Err(refuse("no such file".into()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| refuse(e.to_string()))?;
    let check: String =
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| refuse(format!("not SQLite: {e}")))?;
    if check != "ok" {
        return Err(refuse(format!("integrity check failed: {check}")));
    }
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let supported = migrate::latest();
    if version > supported {
        return Err(StoreError::TooNew { found: version, supported });
    }
    if version == 0 {
        return Err(refuse("it has no Lectern schema".into()));
    }
    for table in TABLES_BY_VERSION.iter().take(version as usize).flat_map(|t| t.iter()) {
        let present: bool =
            conn.query_row("SELECT count(*) > 0 FROM sqlite_master WHERE name = ?1", [table], |r| r.get(0))?;
        if !present {
            return Err(refuse(format!("the table `{table}` is missing")));
        }
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn backup_refuses_to_overwrite_and_validates() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("library.sqlite3")).unwrap();
        let dest = dir.path().join("copy.sqlite3");
        let bytes = store.backup_to(&dest, false).unwrap();
        assert_eq!(bytes, std::fs::metadata(&dest).unwrap().len());
        assert!(matches!(store.backup_to(&dest, false), Err(StoreError::Backup { .. })));
        store.backup_to(&dest, true).unwrap();
        assert_eq!(validate_library_file(&dest).unwrap(), migrate::latest());
    }

    #[test]
    fn validation_refuses_what_is_not_a_library() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "not a database at all, just some words").unwrap();
        assert!(matches!(validate_library_file(&text), Err(StoreError::NotALibrary { .. })));
        let empty = dir.path().join("empty.sqlite3");
        Connection::open(&empty).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
        assert!(matches!(validate_library_file(&empty), Err(StoreError::NotALibrary { .. })));
    }

    #[test]
    fn prune_keeps_the_newest_three() {
        let dir = tempfile::tempdir().unwrap();
        for (v, stamp) in [(1, "20240101"), (2, "20250101"), (1, "20230101"), (3, "20260101")] {
            std::fs::write(dir.path().join(format!("library-v{v}-{stamp}.sqlite3")), "").unwrap();
        }
        prune(dir.path());
        let mut left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        left.sort();
        assert_eq!(left, ["library-v1-20240101.sqlite3", "library-v2-20250101.sqlite3", "library-v3-20260101.sqlite3"]);
    }
}
