//! Articles, settings and reading state: list, search, open, import, remove, tag.

use crate::error::{Error, Result};
use crate::state::Shared;
use lectern_core::ingest::{self, Fetcher, Source};
use lectern_core::store::{ArticleId, ArticleSummary, SearchHit, Sort};
use lectern_core::{AddStatus, Added, ArticleView};
use serde::Serialize;
use serde_json::{Map, Value};
use tauri::{AppHandle, Emitter, State};

/// The settings the UI owns, by core setting key. The window geometry (`window`) belongs to
/// the shell and is not exposed. `layers`: the group view's member colours and hidden layers.
const UI_SETTINGS: [&str; 3] = ["reader", "library", "layers"];

/// How many search results the library view shows.
const SEARCH_LIMIT: usize = 50;

/// The event `import_sources` emits as each source starts and ends.
pub const IMPORT_PROGRESS: &str = "import-progress";

/// One row of the library list: the core's summary plus its reading time.
#[derive(Debug, Clone, Serialize)]
pub struct ListedArticle {
    #[serde(flatten)]
    summary: ArticleSummary,
    /// Minutes to read, by the core's rule (`ArticleSummary` does not carry it yet).
    reading_minutes: usize,
}

/// One page of the library list, and how many articles there are in all.
#[derive(Debug, Clone, Serialize)]
pub struct ArticlePage {
    articles: Vec<ListedArticle>,
    total: usize,
}

/// A page of the library's articles (one tag's, when given), sorted.
#[tauri::command]
pub async fn list_articles(
    state: State<'_, Shared>,
    sort: Option<Sort>,
    tag: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
) -> Result<ArticlePage> {
    // Without a page, the whole list (the highlights view wants every title).
    let (offset, limit) = (offset.unwrap_or(0), limit.unwrap_or(usize::MAX >> 1));
    state
        .run(move |library| {
            let sort = sort.unwrap_or_default();
            let page = match &tag {
                Some(tag) => library.tagged_page(tag, sort, offset, limit)?,
                None => library.list_page(sort, offset, limit)?,
            };
            let articles = page
                .into_iter()
                .map(|summary| ListedArticle {
                    reading_minutes: lectern_core::text::reading_minutes(summary.words),
                    summary,
                })
                .collect();
            Ok(ArticlePage { articles, total: library.count(tag.as_deref())? })
        })
        .await
}

/// Full-text search as the user types.
#[tauri::command]
pub async fn search_articles(state: State<'_, Shared>, query: String) -> Result<Vec<SearchHit>> {
    state.run(move |library| library.search(&query, SEARCH_LIMIT)).await
}

/// Everything the reader shows for one article.
#[tauri::command]
pub async fn open_article(state: State<'_, Shared>, id: ArticleId) -> Result<ArticleView> {
    state.run(move |library| library.open_article(&id)).await
}

/// What importing one source did.
#[derive(Debug, Serialize)]
pub struct ImportResult {
    /// The URL or path as given.
    source: String,
    /// Whether the article is now in the library.
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<ArticleId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<AddStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<Error>,
}

/// One `import-progress` event.
#[derive(Debug, Clone, Serialize)]
struct ImportProgress<'a> {
    index: usize,
    total: usize,
    /// `reading` when the source starts, `done` when it ended (see `result`).
    phase: &'static str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<&'a ImportResult>,
}

/// Imports URLs and files one after the other, reporting progress per source. A failing
/// source does not stop the others; each gets its own result.
#[tauri::command]
pub async fn import_sources(
    app: AppHandle,
    state: State<'_, Shared>,
    sources: Vec<String>,
) -> Result<Vec<ImportResult>> {
    let state = state.inner().clone();
    let sources: Vec<String> = sources.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    let total = sources.len();
    let mut results = Vec::with_capacity(total);
    for (index, source) in sources.into_iter().enumerate() {
        let progress = |phase, result| ImportProgress { index, total, phase, source: &source, result };
        // A failed emit only means the window is gone; the import itself still counts.
        let _ = app.emit(IMPORT_PROGRESS, progress("reading", None));
        let result = match import_one(&state, source.clone()).await {
            Ok(added) => ImportResult {
                source: source.clone(),
                ok: true,
                id: Some(added.id),
                title: Some(added.title),
                status: Some(added.status),
                error: None,
            },
            Err(error) => ImportResult {
                source: source.clone(),
                ok: false,
                id: None,
                title: None,
                status: None,
                error: Some(error),
            },
        };
        let _ = app.emit(IMPORT_PROGRESS, progress("done", Some(&result)));
        results.push(result);
    }
    Ok(results)
}

/// Reads the source without holding the library (a download can take seconds), then stores it.
async fn import_one(state: &Shared, source: String) -> Result<Added> {
    let draft =
        tauri::async_runtime::spawn_blocking(move || ingest::load(&Source::parse(&source), &Fetcher::default()))
            .await
            .map_err(|e| Error::Internal(e.to_string()))?
            .map_err(lectern_core::Error::from)?;
    state.run(move |library| library.add_draft(&draft)).await
}

/// Removes an article; `undo_remove` brings it back until the app restarts.
#[tauri::command]
pub async fn remove_article(state: State<'_, Shared>, id: ArticleId) -> Result<()> {
    state.run(move |library| library.remove(&id)).await
}

/// Brings back an article removed in this session.
#[tauri::command]
pub async fn undo_remove(state: State<'_, Shared>, id: ArticleId) -> Result<()> {
    state.run(move |library| library.undo_remove(&id)).await
}

/// The UI's settings, by key (`reader`, `library`); a key never saved is `null`.
#[tauri::command]
pub async fn get_settings(state: State<'_, Shared>) -> Result<Map<String, Value>> {
    state
        .run(|library| {
            UI_SETTINGS.iter().map(|key| Ok((key.to_string(), library.setting(key)?.unwrap_or(Value::Null)))).collect()
        })
        .await
}

/// Saves the given settings keys; other keys are left as they are.
#[tauri::command]
pub async fn save_settings(state: State<'_, Shared>, settings: Map<String, Value>) -> Result<()> {
    if let Some(key) = settings.keys().find(|k| !UI_SETTINGS.contains(&k.as_str())) {
        return Err(Error::Invalid(format!("unknown setting `{key}`")));
    }
    state.run(move |library| settings.iter().try_for_each(|(key, value)| library.set_setting(key, value))).await
}

/// Records where the reader is in an article (code-point offset and fraction read).
#[tauri::command]
pub async fn save_reading_state(
    state: State<'_, Shared>,
    id: ArticleId,
    position: usize,
    progress: f64,
) -> Result<lectern_core::store::ReadingState> {
    state.run(move |library| library.save_reading_state(&id, position, progress)).await
}

/// Replaces an article's tags.
#[tauri::command]
pub async fn set_tags(state: State<'_, Shared>, id: ArticleId, tags: Vec<String>) -> Result<()> {
    state.run(move |library| library.set_tags(&id, &tags)).await
}

/// One tag and how many articles carry it.
#[derive(Debug, Clone, Serialize)]
pub struct TagCount {
    name: String,
    count: usize,
}

/// Every tag in the library.
#[tauri::command]
pub async fn list_tags(state: State<'_, Shared>) -> Result<Vec<TagCount>> {
    state.run(|library| Ok(library.tags()?.into_iter().map(|(name, count)| TagCount { name, count }).collect())).await
}

/// Adds the sample articles (English and Chinese) that ship with Lectern.
#[tauri::command]
pub async fn add_samples(state: State<'_, Shared>) -> Result<Vec<Added>> {
    state.run(|library| library.add_samples()).await
}

/// Opens an article's link in the system's browser or mail client (never in the app window).
/// Only `http`, `https` and `mailto` links are opened; the extractor keeps no others.
#[tauri::command]
pub async fn open_link(url: String) -> Result<()> {
    let parsed = tauri::Url::parse(&url).map_err(|e| Error::Invalid(format!("not a link: `{url}`: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https" | "mailto") {
        return Err(Error::Invalid(format!("links of type `{}:` are not opened", parsed.scheme())));
    }
    crate::system::open(parsed.as_str()).map_err(|e| Error::Invalid(format!("cannot open `{url}`: {e}")))
}
