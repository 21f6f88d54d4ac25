//! Lectern's core: everything about articles that is not a window.
//!
//! Data flows one way: **source → [`ingest`] → [`extract`] → [`store`] → analyse → present**.
//! The [`Library`] type gathers the use cases that the `lectern` command and the desktop
//! shell expose; both are thin fronts over it. [`exchange`] holds the study-group formats
//! (Markdown, W3C JSON-LD, `.lectern` bundles, Hypothesis import) and their merge rule.
//!
//! ```no_run
//! use lectern_core::Library;
//! let mut library = Library::open("/tmp/my-library".as_ref())?;
//! let added = library.add("tests/fixtures/articles/en-council-budget/source.txt")?;
//! println!("{} {}", added.id, added.title);
//! # Ok::<(), lectern_core::Error>(())
//! ```

pub mod annotation;
pub mod document;
pub mod exchange;
pub mod extract;
pub mod ingest;
pub mod language;
pub mod published;
pub mod quotes;
pub mod store;
pub mod text;
pub mod timeline;

mod library;
mod samples;

pub use library::{
    AddStatus, Added, ArticleView, Error, ExportFormat, ExportScope, GroupSync, Library, MemberSync, Refreshed,
    Restored, TimelineReport, CREATOR_SETTING, GROUP_FOLDER_SETTING, LIBRARY_ENV, MEMBER_ID_SETTING,
};
