//! Annotations in the store: create, edit, delete (a tombstone, undoable), list, re-anchor
//! after an article's text changes, and keep the full-text index's `notes` column in step.
//!
//! Every write is one transaction that also rewrites the article's row of `articles_fts`:
//! the index is contentless (`contentless_delete=1`), so a row can only be replaced whole,
//! with the title, byline and text read back from `articles` and the notes gathered afresh.

use super::{search, ArticleId, Store, StoreError};
use crate::annotation::model::now;
use crate::annotation::{
    Anchorer, Annotation, AnnotationEdit, AnnotationError, AnnotationFilter, AnnotationId, Body, Color, Creator,
    Selection, Selectors, Status, Target, TargetSource, TextPositionSelector, TextQuoteSelector,
};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

/// What re-anchoring an article's annotations found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReanchorReport {
    /// Found exactly where they were.
    pub anchored: usize,
    /// Found elsewhere, or found only approximately (their selectors now describe the new text).
    pub moved: usize,
    /// Not found: kept as orphans, selectors untouched.
    pub orphaned: usize,
}

pub(super) const COLUMNS: &str =
    "n.id, n.article_id, coalesce(a.url, a.canonical_url), n.creator, n.created, n.modified, \
     n.deleted, n.note, n.color, n.tags, n.exact, n.prefix, n.suffix, n.\"start\", n.\"end\", n.status";

pub(super) fn from_row(row: &Row) -> rusqlite::Result<Annotation> {
    let color: String = row.get(8)?;
    let tags: String = row.get(9)?;
    let body = Body {
        note: row.get(7)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        // The table's CHECK constraint admits only palette names.
        color: color.parse().unwrap_or_default(),
    };
    let status: String = row.get(15)?;
    Ok(Annotation {
        id: AnnotationId(row.get(0)?),
        target: Target {
            source: TargetSource { article: ArticleId(row.get(1)?), url: row.get(2)? },
            selectors: Selectors {
                quote: TextQuoteSelector { exact: row.get(10)?, prefix: row.get(11)?, suffix: row.get(12)? },
                position: Some(TextPositionSelector {
                    start: row.get::<_, i64>(13)? as usize,
                    end: row.get::<_, i64>(14)? as usize,
                }),
            },
        },
        creator: Creator { name: row.get(3)? },
        created: row.get(4)?,
        modified: row.get(5)?,
        deleted: row.get(6)?,
        motivation: body.motivation(),
        body,
        status: if status == "orphan" { Status::Orphan } else { Status::Anchored },
    })
}

impl Store {
    /// Highlights `selection` of an article's canonical text (a [`Selection::Quote`] takes
    /// its first occurrence) with `body`, as `creator`.
    pub fn create_annotation(
        &mut self,
        article: &ArticleId,
        selection: &Selection,
        body: Body,
        creator: &str,
    ) -> Result<Annotation, AnnotationError> {
        let body = body.normalized()?;
        let tx = self.conn.transaction()?;
        let text: String = tx
            .query_row("SELECT text FROM articles WHERE id = ?1 AND removed IS NULL", [&article.0], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(article.0.clone()))?;
        let anchorer = Anchorer::new(&text);
        let (start, end) = match selection {
            Selection::Range { start, end } => (*start, *end),
            Selection::Quote(quote) => {
                let byte = text.find(quote.as_str()).filter(|_| !quote.is_empty()).ok_or_else(|| {
                    AnnotationError::QuoteNotFound { article: article.0.clone(), quote: quote.clone() }
                })?;
                let start = crate::text::char_offset(&text, byte);
                (start, start + quote.chars().count())
            }
        };
        let (quote, position) = anchorer.selectors(start, end)?;
        let id = AnnotationId::new();
        let time = now();
        tx.execute(
            "INSERT INTO annotations (id, article_id, creator, created, modified, motivation, note, color, tags, \
             exact, prefix, suffix, \"start\", \"end\", status) \
             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'anchored')",
            params![
                id.0,
                article.0,
                creator,
                time,
                body.motivation().as_str(),
                body.note,
                body.color.as_str(),
                tags_json(&body.tags),
                quote.exact,
                quote.prefix,
                quote.suffix,
                position.start as i64,
                position.end as i64,
            ],
        )?;
        sync_notes(&tx, article)?;
        tx.commit()?;
        self.annotation(&id)
    }

    /// A live (not deleted) annotation.
    pub fn annotation(&self, id: &AnnotationId) -> Result<Annotation, AnnotationError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM annotations n JOIN articles a ON a.id = n.article_id \
             WHERE n.id = ?1 AND n.deleted IS NULL"
        );
        self.conn.query_row(&sql, [&id.0], from_row).optional()?.ok_or_else(|| AnnotationError::NotFound(id.0.clone()))
    }

    /// Resolves a full annotation id or an unambiguous prefix of one.
    pub fn resolve_annotation_id(&self, part: &str) -> Result<AnnotationId, AnnotationError> {
        // A start or an end of the id, as for articles (see `Store::resolve_id`).
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM annotations WHERE substr(id, 1, length(?1)) = ?1 OR substr(id, -length(?1)) = ?1 \
             ORDER BY deleted IS NOT NULL LIMIT 2",
        )?;
        let ids: Vec<String> = stmt.query_map([part], |r| r.get(0))?.collect::<Result<_, _>>()?;
        match ids.as_slice() {
            [one] if part.len() >= 4 => Ok(AnnotationId(one.clone())),
            _ => Err(AnnotationError::NotFound(part.to_string())),
        }
    }

    /// Changes an annotation's note, colour or tags; the motivation follows.
    pub fn edit_annotation(&mut self, id: &AnnotationId, edit: AnnotationEdit) -> Result<Annotation, AnnotationError> {
        let current = self.annotation(id)?;
        let body = Body {
            note: edit.note.unwrap_or(current.body.note),
            tags: edit.tags.unwrap_or(current.body.tags),
            color: edit.color.unwrap_or(current.body.color),
        }
        .normalized()?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE annotations SET note = ?2, color = ?3, tags = ?4, motivation = ?5, modified = ?6 WHERE id = ?1",
            params![id.0, body.note, body.color.as_str(), tags_json(&body.tags), body.motivation().as_str(), now()],
        )?;
        sync_notes(&tx, &current.target.source.article)?;
        tx.commit()?;
        self.annotation(id)
    }

    /// Deletes an annotation, leaving a tombstone so that [`Store::undo_delete_annotation`]
    /// can bring it back and a merge with a study group's copy knows it went.
    pub fn delete_annotation(&mut self, id: &AnnotationId) -> Result<(), AnnotationError> {
        self.set_deleted(id, true).map(|_| ())
    }

    /// Undoes [`Store::delete_annotation`].
    pub fn undo_delete_annotation(&mut self, id: &AnnotationId) -> Result<Annotation, AnnotationError> {
        self.set_deleted(id, false)?;
        self.annotation(id)
    }

    fn set_deleted(&mut self, id: &AnnotationId, deleted: bool) -> Result<ArticleId, AnnotationError> {
        let tx = self.conn.transaction()?;
        let row: Option<(String, Option<String>)> = tx
            .query_row("SELECT article_id, deleted FROM annotations WHERE id = ?1", [&id.0], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let article = match row {
            None => return Err(AnnotationError::NotFound(id.0.clone())),
            Some((_, Some(_))) if deleted => return Err(AnnotationError::NotFound(id.0.clone())),
            Some((_, None)) if !deleted => return Err(AnnotationError::NotDeleted(id.0.clone())),
            Some((article, _)) => ArticleId(article),
        };
        let time = now();
        // The deletion (and its undo) is a change like any other: `modified` moves, so the
        // newer state wins when copies meet.
        tx.execute(
            "UPDATE annotations SET deleted = ?2, modified = ?3 WHERE id = ?1",
            params![id.0, deleted.then_some(&time), time],
        )?;
        sync_notes(&tx, &article)?;
        tx.commit()?;
        Ok(article)
    }

    /// Live annotations matching `filter`, orphans included: one article's in reading
    /// order, the whole library's most recently changed first. Articles removed from the
    /// library take their annotations out of view with them.
    pub fn list_annotations(&self, filter: &AnnotationFilter) -> Result<Vec<Annotation>, AnnotationError> {
        let mut sql = format!(
            "SELECT {COLUMNS} FROM annotations n JOIN articles a ON a.id = n.article_id \
             WHERE n.deleted IS NULL AND a.removed IS NULL"
        );
        let mut values: Vec<SqlValue> = Vec::new();
        let mut add = |clause: &str, value: String| {
            values.push(SqlValue::Text(value));
            sql.push_str(&clause.replace('?', &format!("?{}", values.len())));
        };
        if let Some(article) = &filter.article {
            add(" AND n.article_id = ?", article.0.clone());
        }
        if let Some(tag) = &filter.tag {
            add(" AND EXISTS (SELECT 1 FROM json_each(n.tags) t WHERE t.value = ? COLLATE NOCASE)", tag.trim().into());
        }
        if let Some(color) = filter.color {
            add(" AND n.color = ?", color.as_str().into());
        }
        if let Some(creator) = &filter.creator {
            add(" AND n.creator = ?", creator.clone());
        }
        if let Some(words) = filter.note_contains.as_deref().filter(|w| !w.trim().is_empty()) {
            let escaped = words.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            add(" AND n.note LIKE '%' || ? || '%' ESCAPE '\\'", escaped);
        }
        if let Some(words) = filter.text.as_deref().filter(|w| !w.trim().is_empty()) {
            let escaped = words.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            // One parameter (each `?` becomes the same number), matched three ways.
            add(
                " AND (n.note LIKE '%' || ? || '%' ESCAPE '\\' OR n.exact LIKE '%' || ? || '%' ESCAPE '\\' \
                 OR n.tags LIKE '%' || ? || '%' ESCAPE '\\')",
                escaped,
            );
        }
        sql.push_str(if filter.article.is_some() {
            " ORDER BY n.\"start\", n.\"end\", n.id"
        } else {
            " ORDER BY n.modified DESC, n.id DESC"
        });
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Re-anchors every annotation of an article (deleted ones too, so an undo finds them
    /// placed) against its current text, in one transaction. Annotations found elsewhere or
    /// approximately get selectors describing the new text; orphans keep theirs.
    pub fn reanchor_article(&mut self, article: &ArticleId) -> Result<ReanchorReport, AnnotationError> {
        let tx = self.conn.transaction()?;
        let report = reanchor(&tx, article)?;
        tx.commit()?;
        Ok(report)
    }

    /// Attaches an annotation (typically an orphan) to `start..end` of its article's
    /// current text, as the user chose.
    pub fn reattach_annotation(
        &mut self,
        id: &AnnotationId,
        start: usize,
        end: usize,
    ) -> Result<Annotation, AnnotationError> {
        let current = self.annotation(id)?;
        let tx = self.conn.transaction()?;
        let text: String =
            tx.query_row("SELECT text FROM articles WHERE id = ?1", [&current.target.source.article.0], |r| r.get(0))?;
        let (quote, position) = Anchorer::new(&text).selectors(start, end)?;
        tx.execute(
            "UPDATE annotations SET exact = ?2, prefix = ?3, suffix = ?4, \"start\" = ?5, \"end\" = ?6, \
             status = 'anchored', modified = ?7 WHERE id = ?1",
            params![id.0, quote.exact, quote.prefix, quote.suffix, position.start as i64, position.end as i64, now()],
        )?;
        tx.commit()?;
        self.annotation(id)
    }
}

/// Re-anchors every annotation of an article against its current text, inside `tx` (see
/// [`Store::reanchor_article`]); a refreshed article is replaced and re-anchored in one
/// transaction.
pub(super) fn reanchor(tx: &Transaction, article: &ArticleId) -> Result<ReanchorReport, AnnotationError> {
    let text: String = tx
        .query_row("SELECT text FROM articles WHERE id = ?1", [&article.0], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(article.0.clone()))?;
    let anchorer = Anchorer::new(&text);
    let mut report = ReanchorReport::default();
    {
        let mut select = tx.prepare(
            "SELECT key, exact, prefix, suffix, \"start\", \"end\", status FROM annotations WHERE article_id = ?1",
        )?;
        let mut update = tx.prepare(
            "UPDATE annotations SET exact = ?2, prefix = ?3, suffix = ?4, \"start\" = ?5, \"end\" = ?6, \
             status = ?7 WHERE key = ?1",
        )?;
        let rows = select.query_map([&article.0], |r| {
            let selectors = Selectors {
                quote: TextQuoteSelector { exact: r.get(1)?, prefix: r.get(2)?, suffix: r.get(3)? },
                position: Some(TextPositionSelector {
                    start: r.get::<_, i64>(4)? as usize,
                    end: r.get::<_, i64>(5)? as usize,
                }),
            };
            Ok((r.get::<_, i64>(0)?, selectors, r.get::<_, String>(6)?))
        })?;
        // Read them all before updating any: the query walks the (article, start) index, so
        // an annotation moved further down would otherwise be met, and counted, again.
        let rows: Vec<_> = rows.collect::<Result<_, _>>()?;
        let (keys, olds): (Vec<(i64, String)>, Vec<Selectors>) =
            rows.into_iter().map(|(key, old, status)| ((key, status), old)).unzip();
        let found = anchorer.anchor_all(&olds);
        for (((key, status), old), found) in keys.into_iter().zip(olds).zip(found) {
            let Some((start, end)) = found.range() else {
                report.orphaned += 1;
                if status != Status::Orphan.as_str() {
                    update.execute(params![
                        key,
                        old.quote.exact,
                        old.quote.prefix,
                        old.quote.suffix,
                        old.position.map_or(0, |p| p.start as i64),
                        old.position.map_or(0, |p| p.end as i64),
                        Status::Orphan.as_str()
                    ])?;
                }
                continue;
            };
            let (quote, position) = anchorer.selectors(start, end)?;
            let new = Selectors { quote, position: Some(position) };
            if old.position == new.position && old.quote.exact == new.quote.exact {
                report.anchored += 1;
            } else {
                report.moved += 1;
            }
            if new != old || status != Status::Anchored.as_str() {
                update.execute(params![
                    key,
                    new.quote.exact,
                    new.quote.prefix,
                    new.quote.suffix,
                    position.start as i64,
                    position.end as i64,
                    Status::Anchored.as_str()
                ])?;
            }
        }
    }
    Ok(report)
}

pub(super) fn tags_json(tags: &[String]) -> String {
    serde_json::to_string(tags).expect("strings always serialize")
}

/// Rewrites an article's full-text row with its live annotations' notes and tags in the
/// `notes` column (the index is contentless: a row is replaced whole).
pub(super) fn sync_notes(tx: &Transaction, article: &ArticleId) -> Result<(), StoreError> {
    let (key, title, byline, text): (i64, String, Option<String>, String) =
        tx.query_row("SELECT key, title, byline, text FROM articles WHERE id = ?1", [&article.0], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    let notes: String = tx.query_row(
        "SELECT coalesce(group_concat(coalesce(note, '') || ' ' || \
           (SELECT coalesce(group_concat(t.value, ' '), '') FROM json_each(n.tags) t), char(10)), '') \
         FROM (SELECT note, tags FROM annotations WHERE article_id = ?1 AND deleted IS NULL ORDER BY \"start\") n",
        [&article.0],
        |r| r.get(0),
    )?;
    tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", [key])?;
    search::index_article(tx, key, &title, byline.as_deref().unwrap_or(""), &text, &notes)
}

impl Store {
    /// How many live annotations use each colour, for a filter menu.
    pub fn annotation_colors(&self) -> Result<Vec<(Color, usize)>, AnnotationError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT color, count(*) FROM annotations WHERE deleted IS NULL GROUP BY color ORDER BY count(*) DESC",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (color, count) = row?;
            out.push((color.parse().unwrap_or_default(), count as usize));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::articles::tests::draft;
    use crate::store::AddOutcome;

    fn store_with(body: &str) -> (Store, ArticleId) {
        let mut store = Store::open_in_memory().unwrap();
        let AddOutcome::Added(id) = store.add_article(&draft("River", Some("https://a.example/r"), body)).unwrap()
        else {
            panic!("not added")
        };
        (store, id)
    }

    fn note(text: &str) -> Body {
        Body { note: Some(text.into()), ..Body::default() }
    }

    const TEXT: &str = "The river runs clear again. Residents can see the pebbles. 修复古籍需要耐心。";

    #[test]
    fn create_edit_list_and_search_notes() {
        let (mut store, article) = store_with(TEXT);
        let a = store
            .create_annotation(&article, &Selection::Quote("runs clear".into()), note("Since *when*?"), "Ana")
            .unwrap();
        assert_eq!(a.target.selectors.position, Some(TextPositionSelector { start: 10, end: 20 }));
        assert_eq!(a.target.selectors.quote.prefix, "The river ");
        assert_eq!(a.target.source.url.as_deref(), Some("https://a.example/r"));
        assert_eq!(a.creator.name, "Ana");
        assert_eq!(a.motivation, crate::annotation::Motivation::Commenting);

        let b = store
            .create_annotation(
                &article,
                &Selection::Range { start: 59, end: 63 },
                Body { tags: vec!["craft".into()], color: Color::Pink, ..Body::default() },
                "Bo",
            )
            .unwrap();
        assert_eq!(b.target.selectors.quote.exact, "修复古籍");

        // Notes and tags are searchable; the article text still is.
        assert_eq!(store.search("when", 10).unwrap().len(), 1);
        assert_eq!(store.search("craft", 10).unwrap().len(), 1);
        assert_eq!(store.search("pebbles", 10).unwrap().len(), 1);

        let edited = store
            .edit_annotation(&a.id, AnnotationEdit { note: Some(Some("Since spring".into())), ..Default::default() })
            .unwrap();
        assert_eq!(edited.body.note.as_deref(), Some("Since spring"));
        assert!(edited.modified >= a.modified);
        assert!(store.search("when", 10).unwrap().is_empty());
        assert_eq!(store.search("spring", 10).unwrap().len(), 1);

        let all = store.list_annotations(&AnnotationFilter { article: Some(article.clone()), ..Default::default() });
        assert_eq!(
            all.unwrap().iter().map(|a| a.target.selectors.quote.exact.as_str()).collect::<Vec<_>>(),
            ["runs clear", "修复古籍"]
        );
        let by = |filter: AnnotationFilter| store.list_annotations(&filter).unwrap().len();
        assert_eq!(by(AnnotationFilter { tag: Some("CRAFT".into()), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { color: Some(Color::Pink), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { creator: Some("Ana".into()), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { note_contains: Some("SPRING".into()), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { note_contains: Some("100%".into()), ..Default::default() }), 0);
        // The search box: note, highlighted words or tags.
        assert_eq!(by(AnnotationFilter { text: Some("spring".into()), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { text: Some("RUNS".into()), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { text: Some("古籍".into()), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { text: Some("craft".into()), ..Default::default() }), 1);
        assert_eq!(by(AnnotationFilter { text: Some("r_n".into()), ..Default::default() }), 0);
        assert_eq!(
            by(AnnotationFilter { text: Some("spring".into()), color: Some(Color::Pink), ..Default::default() }),
            0
        );
        assert_eq!(store.annotation_colors().unwrap().len(), 2);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let (mut store, article) = store_with(TEXT);
        let create = |store: &mut Store, s: Selection| store.create_annotation(&article, &s, Body::default(), "Ana");
        assert!(matches!(
            create(&mut store, Selection::Quote("not there".into())),
            Err(AnnotationError::QuoteNotFound { .. })
        ));
        assert!(matches!(
            create(&mut store, Selection::Quote(String::new())),
            Err(AnnotationError::QuoteNotFound { .. })
        ));
        assert!(matches!(
            create(&mut store, Selection::Range { start: 5, end: 500 }),
            Err(AnnotationError::BadRange { .. })
        ));
        assert!(matches!(
            create(&mut store, Selection::Range { start: 5, end: 5 }),
            Err(AnnotationError::BadRange { .. })
        ));
        let missing =
            store.create_annotation(&ArticleId::new(), &Selection::Range { start: 0, end: 1 }, Body::default(), "A");
        assert!(matches!(missing, Err(AnnotationError::Store(StoreError::NotFound(_)))));
        assert!(matches!(store.annotation(&AnnotationId::new()), Err(AnnotationError::NotFound(_))));
    }

    #[test]
    fn delete_is_undoable_and_leaves_a_tombstone() {
        let (mut store, article) = store_with(TEXT);
        let a = store.create_annotation(&article, &Selection::Quote("pebbles".into()), note("stones"), "Ana").unwrap();
        store.delete_annotation(&a.id).unwrap();
        assert!(store.list_annotations(&AnnotationFilter::default()).unwrap().is_empty());
        assert!(store.search("stones", 10).unwrap().is_empty());
        assert!(matches!(store.delete_annotation(&a.id), Err(AnnotationError::NotFound(_))));
        let tombstone: Option<String> =
            store.conn.query_row("SELECT deleted FROM annotations WHERE id = ?1", [&a.id.0], |r| r.get(0)).unwrap();
        assert!(tombstone.is_some());

        let back = store.undo_delete_annotation(&a.id).unwrap();
        assert_eq!(back.body.note.as_deref(), Some("stones"));
        assert_eq!(store.search("stones", 10).unwrap().len(), 1);
        assert!(matches!(store.undo_delete_annotation(&a.id), Err(AnnotationError::NotDeleted(_))));
        assert_eq!(store.resolve_annotation_id(&a.id.0[..13]).unwrap(), a.id);
    }

    #[test]
    fn deleting_the_article_deletes_its_annotations() {
        let (mut store, article) = store_with(TEXT);
        store.create_annotation(&article, &Selection::Quote("river".into()), Body::default(), "Ana").unwrap();
        store.delete_article(&article).unwrap();
        let left: i64 = store.conn.query_row("SELECT count(*) FROM annotations", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn reanchoring_after_the_text_changes() {
        let (mut store, article) = store_with(TEXT);
        let same =
            store.create_annotation(&article, &Selection::Quote("The river".into()), Body::default(), "A").unwrap();
        let moved = store
            .create_annotation(&article, &Selection::Quote("see the pebbles".into()), Body::default(), "A")
            .unwrap();
        let gone =
            store.create_annotation(&article, &Selection::Quote("runs clear again".into()), note("x"), "A").unwrap();
        let new_text = "The river is back. Residents can now see the pebbles. 修复古籍需要耐心。";
        store.conn.execute("UPDATE articles SET text = ?2 WHERE id = ?1", params![article.0, new_text]).unwrap();

        let report = store.reanchor_article(&article).unwrap();
        assert_eq!(report, ReanchorReport { anchored: 1, moved: 1, orphaned: 1 });
        assert_eq!(store.annotation(&same.id).unwrap().status, Status::Anchored);
        let m = store.annotation(&moved.id).unwrap();
        assert_eq!(m.target.selectors.position, Some(TextPositionSelector { start: 37, end: 52 }));
        let orphan = store.annotation(&gone.id).unwrap();
        assert_eq!(orphan.status, Status::Orphan);
        assert_eq!(orphan.target.selectors, gone.target.selectors, "an orphan keeps what it was");
        // Orphans are listed, never dropped, and can be re-attached by hand.
        assert_eq!(store.list_annotations(&AnnotationFilter::default()).unwrap().len(), 3);
        let back = store.reattach_annotation(&gone.id, 10, 17).unwrap();
        assert_eq!((back.status, back.target.selectors.quote.exact.as_str()), (Status::Anchored, "is back"));
        assert_eq!(store.reanchor_article(&article).unwrap(), ReanchorReport { anchored: 3, moved: 0, orphaned: 0 });
    }

    #[test]
    fn annotations_moved_down_are_counted_once() {
        // Regression: the re-anchoring query walked the (article, start) index while updating
        // starts, so an annotation moved further down was met and counted a second time.
        let (mut store, article) = store_with(TEXT);
        for quote in ["The river", "the pebbles", "修复古籍"] {
            store.create_annotation(&article, &Selection::Quote(quote.into()), Body::default(), "A").unwrap();
        }
        let new_text = format!("A long new opening sentence pushes every passage further down. {TEXT}");
        store.conn.execute("UPDATE articles SET text = ?2 WHERE id = ?1", params![article.0, new_text]).unwrap();
        assert_eq!(store.reanchor_article(&article).unwrap(), ReanchorReport { anchored: 0, moved: 3, orphaned: 0 });
    }
}
