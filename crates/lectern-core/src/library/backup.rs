//! Backing up a library to one file and restoring it from one.

use super::{Error, Library};
use crate::store::{validate_library_file, Store, StoreError, DATABASE_FILE};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The file the library was restored from.
    pub restored: PathBuf,
    /// Where the library as it was before the restore is kept.
    pub previous: PathBuf,
}

impl Library {
    /// Writes a consistent copy of the library to `dest` (safe while the app is writing) and
    /// returns its size in bytes. Refuses to replace an existing file unless `overwrite`.
    pub fn backup(&self, dest: &Path, overwrite: bool) -> Result<u64, Error> {
        Ok(self.store.backup_to(dest, overwrite)?)
    }

    /// Replaces the library with the backup `file`, after checking that it is a Lectern
    /// library this build can open. The library as it was is first copied to
    /// `library.sqlite3.before-restore-<timestamp>` beside it; a backup from an older Lectern
    /// is migrated on reopening. Returns the reopened library.
    ///
    /// Refuses while another process (the app) has the library open.
    pub fn restore(self, file: &Path) -> Result<(Library, Restored), Error> {
        validate_library_file(file)?;
        let Library { store, fetcher, dir } = self;
        let db = dir.join(DATABASE_FILE);
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let previous = dir.join(format!("{DATABASE_FILE}.before-restore-{stamp}"));
        store.backup_to(&previous, false)?;

        // Copy the backup in beside the library first, so the swap is one rename.
        let incoming = dir.join(format!(".{DATABASE_FILE}.restoring"));
        let io =
            |path: &Path, e: std::io::Error| StoreError::Backup { path: path.to_path_buf(), reason: e.to_string() };
        std::fs::copy(file, &incoming).map_err(|e| io(&incoming, e))?;
        std::fs::File::open(&incoming).and_then(|f| f.sync_all()).map_err(|e| io(&incoming, e))?;

        // Empty the WAL into the old file and close it. The WAL must be gone before the swap:
        // SQLite would replay a leftover WAL onto the restored file and corrupt it.
        if let Err(error) = store.checkpoint() {
            let _ = std::fs::remove_file(&incoming);
            return Err(error.into());
        }
        drop(store);
        for suffix in ["-wal", "-shm"] {
            let side = dir.join(format!("{DATABASE_FILE}{suffix}"));
            match std::fs::remove_file(&side) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(&side, e).into()),
            }
        }
        std::fs::rename(&incoming, &db).map_err(|e| io(&db, e))?;

        let store = Store::open(&db)?;
        let library = Library { store, fetcher, dir };
        Ok((library, Restored { restored: file.to_path_buf(), previous }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_brings_back_the_backup_and_keeps_the_previous_library() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(&dir.path().join("lib")).unwrap();
        library.set_setting("kept", &serde_json::json!("before")).unwrap();
        let backup = dir.path().join("backup.sqlite3");
        library.backup(&backup, false).unwrap();
        library.set_setting("kept", &serde_json::json!("after")).unwrap();

        let (library, restored) = library.restore(&backup).unwrap();
        assert_eq!(library.setting("kept").unwrap(), Some(serde_json::json!("before")));
        let previous = Store::open(&restored.previous).unwrap();
        assert_eq!(previous.setting("kept").unwrap(), Some(serde_json::json!("after")));
    }

    #[test]
    fn restore_migrates_a_backup_from_an_older_lectern() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("lib")).unwrap();
        let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/libraries/v1.sqlite3");
        let old = dir.path().join("old.sqlite3");
        std::fs::copy(v1, &old).unwrap();
        let (mut library, _) = library.restore(&old).unwrap();
        assert_eq!(
            library.store().schema_version().unwrap(),
            crate::store::Store::open_in_memory().unwrap().schema_version().unwrap()
        );
        assert_eq!(library.list(crate::store::Sort::Added).unwrap().len(), 4);
        let backups = std::fs::read_dir(dir.path().join("lib").join(crate::store::BACKUP_DIR)).unwrap().count();
        assert_eq!(backups, 1, "the restored file was kept before its migration");
    }

    #[test]
    fn restore_refuses_a_file_that_is_not_a_library() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("lib")).unwrap();
        let junk = dir.path().join("junk.sqlite3");
        std::fs::write(&junk, b"SQLite format 3\0 but not really").unwrap();
        assert!(matches!(library.restore(&junk), Err(Error::Store(StoreError::NotALibrary { .. }))));
    }
}
