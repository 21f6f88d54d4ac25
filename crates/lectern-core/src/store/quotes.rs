//! Dismissed key-quote suggestions. Suggestions themselves are derived from the text each
//! time (see `crate::quotes`); the store keeps only the user's "no" to one, by its words, so
//! that it stays dismissed when the article's text moves.

use super::{now, ArticleId, Store, StoreError};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// Records that the suggestion `exact` (at `start..end` now) of an article was dismissed.
    /// Dismissing it again only refreshes the record.
    pub fn dismiss_quote(
        &mut self,
        article: &ArticleId,
        exact: &str,
        start: usize,
        end: usize,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let exists: Option<i64> = tx
            .query_row("SELECT 1 FROM articles WHERE id = ?1 AND removed IS NULL", [&article.0], |r| r.get(0))
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::NotFound(article.0.clone()));
        }
        tx.execute(
            "INSERT INTO dismissed_quotes (article_id, exact, \"start\", \"end\", dismissed) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT(article_id, exact) DO UPDATE SET \"start\" = excluded.\"start\", \"end\" = excluded.\"end\", \
             dismissed = excluded.dismissed",
            params![article.0, exact, start as i64, end as i64, now()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Offers the suggestion `exact` again; returns whether it had been dismissed.
    pub fn undismiss_quote(&mut self, article: &ArticleId, exact: &str) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM dismissed_quotes WHERE article_id = ?1 AND exact = ?2", params![article.0, exact])?;
        Ok(changed > 0)
    }

    /// The words of an article's dismissed suggestions, in text order (as last seen).
    pub fn dismissed_quotes(&self, article: &ArticleId) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT exact FROM dismissed_quotes WHERE article_id = ?1 ORDER BY \"start\", exact")?;
        let rows = stmt.query_map([&article.0], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::articles::tests::draft;
    use crate::store::AddOutcome;

    #[test]
    fn dismiss_undismiss_and_cascade() {
        let mut store = Store::open_in_memory().unwrap();
        let AddOutcome::Added(id) = store.add_article(&draft("T", None, "\"One two three,\" she said.")).unwrap()
        else {
            panic!("not added")
        };
        assert!(store.dismissed_quotes(&id).unwrap().is_empty());
        store.dismiss_quote(&id, "One two three", 1, 14).unwrap();
        store.dismiss_quote(&id, "One two three", 1, 14).unwrap();
        assert_eq!(store.dismissed_quotes(&id).unwrap(), ["One two three"]);
        assert!(store.undismiss_quote(&id, "One two three").unwrap());
        assert!(!store.undismiss_quote(&id, "One two three").unwrap());
        assert!(store.dismissed_quotes(&id).unwrap().is_empty());

        assert!(matches!(store.dismiss_quote(&ArticleId("nope".into()), "x", 0, 1), Err(StoreError::NotFound(_))));
        store.dismiss_quote(&id, "One two three", 1, 14).unwrap();
        store.delete_article(&id).unwrap();
        let left: i64 = store.conn.query_row("SELECT count(*) FROM dismissed_quotes", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0, "deleting the article deletes its dismissals");
    }
}
