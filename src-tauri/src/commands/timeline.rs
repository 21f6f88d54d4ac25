//! Timelines: one article's events (hidden ones flagged), the library's or a tag's merged
//! timeline, user corrections (edit, hide, unhide, add from a selection, revert) and export.
//! Events are named by their mention's start, as `lectern event` names them.

use crate::error::{Error, Result};
use crate::state::Shared;
use lectern_core::store::ArticleId;
use lectern_core::timeline::{self, ArticleEvent, Correction, DatedValue};
use lectern_core::TimelineReport;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use tauri::State;

/// A timeline as the UI shows it.
#[derive(Debug, Serialize)]
pub struct TimelineView {
    /// The events, sorted by date.
    events: Vec<ArticleEvent>,
    /// Corrections whose words are no longer in their article.
    orphans: Vec<Correction>,
    /// Each article's title, by id.
    titles: HashMap<ArticleId, String>,
}

impl From<TimelineReport> for TimelineView {
    fn from(report: TimelineReport) -> Self {
        TimelineView { events: report.events, orphans: report.orphans, titles: report.titles }
    }
}

/// One article's corrected timeline, hidden events included (flagged `hidden`).
#[tauri::command]
pub async fn article_timeline(state: State<'_, Shared>, id: ArticleId) -> Result<TimelineView> {
    state.run(move |library| Ok(library.timeline_report(&[id], true)?.into())).await
}

/// The whole library's merged timeline, or one tag's; hidden events left out.
#[tauri::command]
pub async fn library_timeline(state: State<'_, Shared>, tag: Option<String>) -> Result<TimelineView> {
    state.run(move |library| Ok(report(library, &[], tag.as_deref())?.into())).await
}

/// Gives the event whose mention starts at `start` another date (TIMEX-style or ISO value).
#[tauri::command]
pub async fn correct_event(state: State<'_, Shared>, id: ArticleId, start: usize, value: String) -> Result<Correction> {
    state.run(move |library| library.correct_event(&id, &library.mention_at(&id, start)?, &value)).await
}

/// Leaves the event whose mention starts at `start` out of the timeline.
#[tauri::command]
pub async fn hide_event(state: State<'_, Shared>, id: ArticleId, start: usize) -> Result<Correction> {
    state.run(move |library| library.hide_event(&id, &library.mention_at(&id, start)?)).await
}

/// Shows a hidden event again; returns whether it was hidden.
#[tauri::command]
pub async fn unhide_event(state: State<'_, Shared>, id: ArticleId, start: usize) -> Result<bool> {
    state.run(move |library| library.unhide_event(&id, &library.mention_at(&id, start)?)).await
}

/// Adds an event from a selection (`start..end`, code points) dated `value`.
#[tauri::command]
pub async fn add_event(
    state: State<'_, Shared>,
    id: ArticleId,
    start: usize,
    end: usize,
    value: String,
) -> Result<Correction> {
    state.run(move |library| library.add_event(&id, start, end, &value)).await
}

/// Deletes one correction: the event goes back to what the tagger found.
#[tauri::command]
pub async fn remove_correction(state: State<'_, Shared>, correction: String) -> Result<Correction> {
    state.run(move |library| library.remove_correction(&correction)).await
}

/// The date the tagger reads in a selection, to prefill "Add to timeline".
#[tauri::command]
pub async fn date_guess(
    state: State<'_, Shared>,
    id: ArticleId,
    start: usize,
    end: usize,
) -> Result<Option<DatedValue>> {
    state.run(move |library| library.date_guess(&id, start, end)).await
}

/// The formats a timeline is exported in.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimelineFormat {
    /// TimelineJS3 JSON.
    Timelinejs,
    /// CSV (RFC 4180).
    Csv,
    /// Markdown, by year and month.
    Md,
}

/// Writes the timeline of `ids` (or of `tag`, or of the whole library when both are empty) to
/// `path`, which the UI got from the save dialog; returns the path written.
#[tauri::command]
pub async fn export_timeline(
    state: State<'_, Shared>,
    ids: Option<Vec<ArticleId>>,
    tag: Option<String>,
    format: TimelineFormat,
    path: PathBuf,
) -> Result<PathBuf> {
    let text = state
        .run(move |library| {
            let report = report(library, ids.as_deref().unwrap_or_default(), tag.as_deref())?;
            let title = match (&tag, report.titles.len()) {
                (Some(tag), _) => format!("Timeline: {tag}"),
                (None, 1) => report.titles.values().next().cloned().unwrap_or_default(),
                (None, _) => "Timeline".to_string(),
            };
            Ok(match format {
                TimelineFormat::Timelinejs => {
                    format!("{:#}\n", timeline::to_timelinejs(&title, &report.events, &report.titles))
                }
                TimelineFormat::Csv => timeline::to_csv(&report.events, &report.titles),
                TimelineFormat::Md => timeline::to_markdown(&title, &report.events, &report.titles),
            })
        })
        .await?;
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || lectern_core::exchange::write_whole(&target, text.as_bytes()))
        .await
        .map_err(|e| Error::Internal(e.to_string()))??;
    Ok(path)
}

/// The timeline of `ids`, or of the articles tagged `tag`, or of the whole library.
fn report(
    library: &lectern_core::Library,
    ids: &[ArticleId],
    tag: Option<&str>,
) -> Result<TimelineReport, lectern_core::Error> {
    match tag.map(str::trim).filter(|t| !t.is_empty()) {
        Some(tag) => {
            let tagged = library.tagged(tag)?;
            if tagged.is_empty() {
                // No article carries it: an empty timeline, not the whole library.
                return Ok(TimelineReport { events: vec![], orphans: vec![], titles: Default::default() });
            }
            library.timeline_report(&tagged, false)
        }
        None => library.timeline_report(ids, false),
    }
}
