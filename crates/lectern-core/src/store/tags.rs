//! Tags: free-form labels on articles.

use super::{articles::ArticleId, Store, StoreError};
use rusqlite::params;

impl Store {
    /// Replaces the tags of `id` with `tags` (trimmed, empty ones ignored, case-insensitive
    /// duplicates merged). Tags no article uses any more are deleted.
    pub fn set_tags(&mut self, id: &ArticleId, tags: &[String]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let exists: bool = tx.query_row("SELECT count(*) FROM articles WHERE id = ?1", [&id.0], |r| r.get(0))?;
        if !exists {
            return Err(StoreError::NotFound(id.0.clone()));
        }
        tx.execute("DELETE FROM article_tags WHERE article_id = ?1", [&id.0])?;
        for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            tx.execute("INSERT INTO tags (name) VALUES (?1) ON CONFLICT(name) DO NOTHING", [tag])?;
            tx.execute(
                "INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
                params![id.0, tag],
            )?;
        }
        tx.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Every tag in the library with how many (visible) articles carry it, by name.
    pub fn tags(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name, count(a.id) FROM tags t JOIN article_tags at ON at.tag_id = t.id \
             JOIN articles a ON a.id = at.article_id AND a.removed IS NULL GROUP BY t.id ORDER BY t.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{articles::tests::draft, AddOutcome};

    #[test]
    fn tags_are_set_listed_and_cleaned_up() {
        let mut store = Store::open_in_memory().unwrap();
        let AddOutcome::Added(id) = store.add_article(&draft("T", None, "Body.")).unwrap() else { panic!() };
        store.set_tags(&id, &["Policy".into(), " policy ".into(), "".into(), "Bridges".into()]).unwrap();
        assert_eq!(store.tags().unwrap(), vec![("Bridges".into(), 1), ("Policy".into(), 1)]);
        assert_eq!(store.list_articles(Default::default()).unwrap()[0].tags, ["Bridges", "Policy"]);
        store.set_tags(&id, &[]).unwrap();
        assert!(store.tags().unwrap().is_empty());
    }
}
