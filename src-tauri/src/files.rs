//! Files the app writes where the user chose (exports): whole, or not at all.

use crate::error::{Error, Result};
use lectern_core::exchange::ExchangeError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file beside it, renamed into place once
/// synced, so a full disk or a crash never leaves half an export under the chosen name.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let failed =
        |source| Error::from(lectern_core::Error::from(ExchangeError::Io { path: path.to_path_buf(), source }));
    let name = path.file_name().ok_or_else(|| Error::Invalid(format!("`{}` is not a file name", path.display())))?;
    let temp = path.with_file_name(format!(".{}.part", name.to_string_lossy()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_is_written_whole_or_not_at_all() {
        let dir = std::env::temp_dir().join(format!("lectern-export-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("timeline.csv");
        write_whole(&file, b"value,from\r\n").unwrap();
        write_whole(&file, b"value,from,to\r\n").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"value,from,to\r\n", "a second export replaces the first");
        let entries: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(entries.len(), 1, "no temporary file is left behind");
        let error = write_whole(&dir.join("missing/notes.md"), b"x").unwrap_err();
        assert_eq!(error.kind(), "io");
        assert!(error.to_string().contains("missing"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
