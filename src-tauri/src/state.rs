//! The app's state: one open library, shared by commands, the asset protocol and the window
//! bookkeeping. Every use of it runs on a blocking thread, never on the UI thread.

use crate::error::{Error, Result};
use lectern_core::Library;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The open library. SQLite calls are short; the lock is never held across a download.
#[derive(Debug, Clone)]
pub struct Shared(Arc<Mutex<Library>>);

impl Shared {
    /// Wraps an open library.
    pub fn new(library: Library) -> Self {
        Shared(Arc::new(Mutex::new(library)))
    }

    /// Runs `f` with the library on Tauri's blocking pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library) -> Result<T, lectern_core::Error> + Send + 'static,
    {
        let shared = self.clone();
        tauri::async_runtime::spawn_blocking(move || shared.with(|library| f(library).map_err(Error::from)))
            .await
            .map_err(|e| Error::Internal(e.to_string()))?
    }

    /// Runs `f` with the library on the current thread (which must be allowed to block).
    pub fn with<T>(&self, f: impl FnOnce(&mut Library) -> Result<T>) -> Result<T> {
        // A panic in an earlier call leaves the library itself consistent (every write is one
        // transaction), so a poisoned lock is recovered rather than bricking the session.
        let mut library = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut library)
    }
}

/// Where the library lives: `--library DIR`, else `$LECTERN_LIBRARY`, else the platform's
/// data folder (the last two are `Library::default_dir`).
pub fn library_dir(args: &[String]) -> Result<PathBuf> {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        if let Some(dir) = arg.strip_prefix("--library=") {
            return Ok(PathBuf::from(dir));
        }
        if arg == "--library" {
            return iter.next().map(PathBuf::from).ok_or_else(|| Error::Invalid("`--library` needs a folder".into()));
        }
    }
    Ok(Library::default_dir()?)
}

/// The files the app was opened with (`lectern-desktop [--library DIR] FILE...`, as a file
/// manager's "Open with" calls it): every argument that is not an option or its value. A
/// `file://` URL is taken as the path it names.
pub fn open_files(args: &[String]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        if arg == "--library" {
            iter.next();
        } else if !arg.starts_with('-') {
            let path = arg.strip_prefix("file://").unwrap_or(arg);
            files.push(PathBuf::from(path));
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn library_flag_wins_in_both_spellings() {
        assert_eq!(library_dir(&args(&["app", "--library", "/tmp/a"])).unwrap(), PathBuf::from("/tmp/a"));
        assert_eq!(library_dir(&args(&["app", "--library=/tmp/b"])).unwrap(), PathBuf::from("/tmp/b"));
        assert!(library_dir(&args(&["app", "--library"])).is_err());
    }

    #[test]
    fn files_to_open_are_the_arguments_that_are_not_options() {
        let files =
            open_files(&args(&["app", "--library", "/tmp/a", "/x/notes.lectern", "--library=/b", "file:///y/a.json"]));
        assert_eq!(files, vec![PathBuf::from("/x/notes.lectern"), PathBuf::from("/y/a.json")]);
        assert!(open_files(&args(&["app", "--library", "/tmp/a"])).is_empty());
    }
}
