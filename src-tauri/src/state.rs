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
}
