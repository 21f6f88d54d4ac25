//! Settings (JSON values by key) and reading state (how far each article has been read).

use super::{articles::ArticleId, now, Store, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Where the reader left an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadingState {
    /// Code-point offset (DESIGN §2) of the first text in view.
    pub position: usize,
    /// How far through the article, 0 to 1.
    pub progress: f64,
    /// When it was last opened (ISO 8601 UTC).
    pub opened: String,
}

impl Store {
    /// A setting's value, or `None` when it was never set.
    pub fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError> {
        let raw: Option<String> =
            self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        // A value that no longer parses is treated as unset rather than blocking start-up.
        Ok(raw.and_then(|r| serde_json::from_str(&r).ok()))
    }

    /// Stores a setting.
    pub fn set_setting(&mut self, key: &str, value: &serde_json::Value) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value.to_string()],
        )?;
        Ok(())
    }

    /// Where the reader left `id`, if it was ever opened.
    pub fn reading_state(&self, id: &ArticleId) -> Result<Option<ReadingState>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT position, progress, opened FROM reading_state WHERE article_id = ?1", [&id.0], |r| {
                Ok(ReadingState { position: r.get::<_, i64>(0)? as usize, progress: r.get(1)?, opened: r.get(2)? })
            })
            .optional()?)
    }

    /// Records where the reader is in `id`.
    pub fn save_reading_state(
        &mut self,
        id: &ArticleId,
        position: usize,
        progress: f64,
    ) -> Result<ReadingState, StoreError> {
        let state = ReadingState { position, progress: progress.clamp(0.0, 1.0), opened: now() };
        let changed = self.conn.execute(
            "INSERT INTO reading_state (article_id, position, progress, opened) \
             SELECT id, ?2, ?3, ?4 FROM articles WHERE id = ?1 AND removed IS NULL \
             ON CONFLICT(article_id) DO UPDATE SET position = excluded.position, progress = excluded.progress, opened = excluded.opened",
            params![id.0, state.position as i64, state.progress, state.opened],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0.clone()));
        }
        Ok(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{articles::tests::draft, AddOutcome};
    use serde_json::json;

    #[test]
    fn settings_round_trip() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.setting("reader").unwrap(), None);
        store.set_setting("reader", &json!({"fontSize": 20})).unwrap();
        store.set_setting("reader", &json!({"fontSize": 22})).unwrap();
        assert_eq!(store.setting("reader").unwrap(), Some(json!({"fontSize": 22})));
    }

    #[test]
    fn reading_state_round_trips_and_needs_an_article() {
        let mut store = Store::open_in_memory().unwrap();
        let AddOutcome::Added(id) = store.add_article(&draft("T", None, "Body text.")).unwrap() else { panic!() };
        assert_eq!(store.reading_state(&id).unwrap(), None);
        store.save_reading_state(&id, 5, 1.5).unwrap();
        let state = store.reading_state(&id).unwrap().unwrap();
        assert_eq!((state.position, state.progress), (5, 1.0));
        assert_eq!(store.list_articles(Default::default()).unwrap()[0].progress, 1.0);
        assert!(store.save_reading_state(&ArticleId("nope".into()), 0, 0.0).is_err());
    }
}
