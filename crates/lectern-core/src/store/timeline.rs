//! Timeline corrections: the user's edits, hides and additions of events, one row each.
//! Which event a row acts on is decided by `timeline::apply`, not here.

use super::{articles::ArticleId, now, Store, StoreError};
use crate::timeline::{Correction, CorrectionKind, Mention};
use rusqlite::{params, OptionalExtension, Row};

const COLUMNS: &str = "id, article_id, kind, mention_start, mention_end, mention_text, value, created, modified";

fn from_row(row: &Row) -> rusqlite::Result<Correction> {
    let kind: String = row.get(2)?;
    let kind = match kind.as_str() {
        "add" => CorrectionKind::Add,
        "edit" => CorrectionKind::Edit,
        _ => CorrectionKind::Hide,
    };
    Ok(Correction {
        id: row.get(0)?,
        article: ArticleId(row.get(1)?),
        kind,
        mention: Mention {
            start: row.get::<_, i64>(3)? as usize,
            end: row.get::<_, i64>(4)? as usize,
            text: row.get(5)?,
        },
        value: row.get(6)?,
        created: row.get(7)?,
        modified: row.get(8)?,
    })
}

impl Store {
    /// An article's timeline corrections, oldest first.
    pub fn timeline_corrections(&self, article: &ArticleId) -> Result<Vec<Correction>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM timeline_corrections WHERE article_id = ?1 ORDER BY created, id"
        ))?;
        let rows = stmt.query_map([&article.0], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One correction by id.
    pub fn timeline_correction(&self, id: &str) -> Result<Option<Correction>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM timeline_corrections WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], from_row).optional()?)
    }

    /// Stores a correction: a new one when `replace` is `None`, else it overwrites the
    /// correction with that id (keeping its `created`), re-pointing it at `mention`. One
    /// transaction; the article must exist.
    pub fn save_timeline_correction(
        &mut self,
        article: &ArticleId,
        kind: CorrectionKind,
        mention: &Mention,
        value: Option<&str>,
        replace: Option<&str>,
    ) -> Result<Correction, StoreError> {
        let tx = self.conn.transaction()?;
        let exists: bool = tx.query_row("SELECT count(*) FROM articles WHERE id = ?1", [&article.0], |r| r.get(0))?;
        if !exists {
            return Err(StoreError::NotFound(article.0.clone()));
        }
        let time = now();
        let id = match replace {
            Some(id) => {
                tx.execute(
                    "UPDATE timeline_corrections SET kind = ?2, mention_start = ?3, mention_end = ?4, mention_text = ?5, \
                     value = ?6, modified = ?7 WHERE id = ?1",
                    params![id, kind.as_str(), mention.start as i64, mention.end as i64, mention.text, value, time],
                )?;
                id.to_string()
            }
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                tx.execute(
                    "INSERT INTO timeline_corrections (id, article_id, kind, mention_start, mention_end, mention_text, \
                     value, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                    params![id, article.0, kind.as_str(), mention.start as i64, mention.end as i64, mention.text, value, time],
                )?;
                id
            }
        };
        let saved =
            tx.query_row(&format!("SELECT {COLUMNS} FROM timeline_corrections WHERE id = ?1"), [&id], from_row)?;
        tx.commit()?;
        Ok(saved)
    }

    /// Deletes corrections by id; returns how many there were.
    pub fn delete_timeline_corrections(&mut self, ids: &[&str]) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut deleted = 0;
        for id in ids {
            deleted += tx.execute("DELETE FROM timeline_corrections WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(deleted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{articles::tests::draft, AddOutcome};

    #[test]
    fn corrections_round_trip_update_and_cascade() {
        let mut store = Store::open_in_memory().unwrap();
        let AddOutcome::Added(id) = store.add_article(&draft("T", None, "On May 2 it rained.")).unwrap() else {
            panic!()
        };
        let mention = Mention { text: "May 2".into(), start: 3, end: 8 };
        let edit =
            store.save_timeline_correction(&id, CorrectionKind::Edit, &mention, Some("2020-05-02"), None).unwrap();
        store.save_timeline_correction(&id, CorrectionKind::Hide, &mention, None, None).unwrap();
        let moved = Mention { text: "May 2".into(), start: 4, end: 9 };
        let again = store
            .save_timeline_correction(&id, CorrectionKind::Edit, &moved, Some("2020-05-03"), Some(&edit.id))
            .unwrap();
        assert_eq!((again.created.as_str(), again.mention.start), (edit.created.as_str(), 4));
        let all = store.timeline_corrections(&id).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].value.as_deref(), Some("2020-05-03"));
        assert_eq!(store.timeline_correction(&edit.id).unwrap().unwrap().kind, CorrectionKind::Edit);

        let missing = ArticleId("nope".into());
        assert!(matches!(
            store.save_timeline_correction(&missing, CorrectionKind::Hide, &mention, None, None),
            Err(StoreError::NotFound(_))
        ));
        store.delete_article(&id).unwrap();
        assert!(store.timeline_correction(&edit.id).unwrap().is_none(), "deleting the article cascades");
    }
}
