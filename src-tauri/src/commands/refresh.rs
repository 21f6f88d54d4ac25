//! Downloading an article again (issue #5): the page is fetched without holding the library
//! (a download can take seconds), then the core replaces the article and re-anchors its
//! annotations in one transaction, or writes nothing when the page is unchanged.

use crate::error::{Error, Result};
use crate::state::Shared;
use lectern_core::ingest::Fetcher;
use lectern_core::store::ArticleId;
use lectern_core::Refreshed;
use tauri::State;

/// Downloads an article again; reports whether it changed and where its highlights went.
#[tauri::command]
pub async fn refresh_article(state: State<'_, Shared>, id: ArticleId) -> Result<Refreshed> {
    let key = id.clone();
    let url = state.run(move |library| library.refresh_url(&key)).await?;
    let draft = tauri::async_runtime::spawn_blocking(move || Fetcher::default().fetch_article(&url))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
        .map_err(lectern_core::Error::from)?;
    state.run(move |library| library.apply_refresh(&id, &draft)).await
}
