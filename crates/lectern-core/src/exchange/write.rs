//! Writing an exchange file where someone chose (an export, a member file in a group folder):
//! whole, or not at all.

use super::ExchangeError;
use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path` through a hidden temporary file beside it (so the rename stays on
/// one file system; its name is unique, so two writers never share it), flushed to disk, then
/// renamed over the old file. A full disk or a crash never leaves half a file under `path`.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), ExchangeError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExchangeError::Io { path, source }
    };
    let name = path
        .file_name()
        .ok_or_else(|| io(path)(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name")))?;
    let temp = path.with_file_name(format!(".{}.{}.tmp", name.to_string_lossy(), uuid::Uuid::now_v7().simple()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp).map_err(io(&temp))?;
        file.write_all(bytes).map_err(io(&temp))?;
        file.sync_all().map_err(io(&temp))?;
        std::fs::rename(&temp, path).map_err(io(path))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("timeline.csv");
        write_whole(&file, b"value,from\r\n").unwrap();
        write_whole(&file, b"value,from,to\r\n").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"value,from,to\r\n", "a second write replaces the first");
        let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(entries.len(), 1, "no temporary file is left behind");
        let error = write_whole(&dir.path().join("missing/notes.md"), b"x").unwrap_err();
        assert!(error.to_string().contains("missing"), "{error}");
        assert!(matches!(error, ExchangeError::Io { .. }), "{error:?}");
        assert_eq!(crate::Error::from(error).kind(), "io");
        assert!(matches!(write_whole(Path::new("/"), b"x"), Err(ExchangeError::Io { .. })));
    }
}
