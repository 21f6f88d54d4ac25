//! The group folder's lifecycle and files opened with the app (issue #6).
//!
//! - At start, once the window is up and off the UI thread: import the files the app was
//!   opened with (`lectern-desktop FILE.lectern`, as a file manager calls it), then sync with
//!   the group folder if one is set (write our member file, import the others').
//! - On quit: write our own member file only (best effort: a failure is logged, the app still
//!   quits). Importing the others' files then would only slow the quit down.
//!
//! What the start did is queued as [`Report`]s and announced with the [`EXCHANGE_REPORT`]
//! event. The UI drains the queue (`take_exchange_reports`) when it starts and on each event,
//! so a report made before the page listened is not lost and none is shown twice.

use crate::error::Error;
use crate::state::Shared;
use lectern_core::exchange::ImportSummary;
use lectern_core::{GroupSync, GROUP_FOLDER_SETTING};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Emitter};

/// The event announcing that reports are waiting (no payload: the queue is the truth).
pub const EXCHANGE_REPORT: &str = "exchange-report";

/// Something the app imported by itself.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Report {
    /// A file the app was opened with was imported.
    Opened {
        /// The file.
        file: PathBuf,
        /// What it changed.
        summary: ImportSummary,
    },
    /// A file the app was opened with was refused; the library is as it was.
    OpenFailed {
        /// The file.
        file: PathBuf,
        /// Why (`{kind, message}`).
        error: Error,
    },
    /// The start-up sync with the group folder.
    Synced {
        /// The folder.
        folder: PathBuf,
        /// What it wrote and imported.
        sync: GroupSync,
    },
    /// The start-up sync failed (the folder is gone, say).
    SyncFailed {
        /// The folder.
        folder: PathBuf,
        /// Why.
        error: Error,
    },
}

/// The queue of reports not yet shown.
#[derive(Debug, Default, Clone)]
pub struct Reports(Arc<Mutex<Vec<Report>>>);

impl Reports {
    fn push(&self, report: Report) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(report);
    }

    /// Every waiting report, oldest first; the queue is left empty.
    pub fn take(&self) -> Vec<Report> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// The group folder in the library's settings, if any.
fn folder(shared: &Shared) -> Option<PathBuf> {
    let setting = shared.with(|library| Ok(library.setting(GROUP_FOLDER_SETTING)?));
    setting.ok().flatten().and_then(|v| v.as_str().map(PathBuf::from))
}

/// Imports `files`, then syncs with the group folder, on a thread of its own; each outcome
/// is queued and announced.
pub fn start(app: AppHandle, shared: Shared, reports: Reports, files: Vec<PathBuf>) {
    std::thread::spawn(move || {
        let announce = |report: Report| {
            reports.push(report);
            // A failed emit means the window is gone; the report stays queued.
            let _ = app.emit(EXCHANGE_REPORT, ());
        };
        for file in files {
            match shared.with(|library| Ok(library.import_file(&file)?)) {
                Ok(summary) => announce(Report::Opened { file, summary }),
                Err(error) => announce(Report::OpenFailed { file, error }),
            }
        }
        if let Some(folder) = folder(&shared) {
            match shared.with(|library| Ok(library.sync_group(&folder)?)) {
                Ok(sync) => announce(Report::Synced { folder, sync }),
                Err(error) => announce(Report::SyncFailed { folder, error }),
            }
        }
    });
}

/// Writes our member file into the group folder, if one is set (on quit).
pub fn on_exit(shared: &Shared) {
    let Some(folder) = folder(shared) else { return };
    match shared.with(|library| Ok(library.write_group_file(&folder)?)) {
        Ok(file) => eprintln!("lectern-desktop: wrote {}", file.display()),
        Err(e) => eprintln!("lectern-desktop: could not write our file in the group folder: {e}"),
    }
}
