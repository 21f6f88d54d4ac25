//! Articles: adding (with duplicate detection), listing, reading back and removing.

use super::annotations::{reanchor, sync_notes, ReanchorReport};
use super::{now, search, Store, StoreError};
use crate::annotation::AnnotationError;
use crate::document::Document;
use crate::ingest::{Asset, Draft};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// An article's identifier: a UUIDv7 string, stable across exports and sortable by creation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// A fresh identifier.
    pub fn new() -> Self {
        ArticleId(uuid::Uuid::now_v7().to_string())
    }
}

impl Default for ArticleId {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One row of the library list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// The article.
    pub id: ArticleId,
    /// Its headline.
    pub title: String,
    /// Who published it: the credited source, else the site's name, else the host.
    pub source: Option<String>,
    /// ISO 8601 publication time, when known.
    pub published: Option<String>,
    /// When it entered the library (ISO 8601 UTC).
    pub added: String,
    /// Its length in words (each CJK character counts as one).
    pub words: usize,
    /// Its language (`en`, `zh`…), when known.
    pub language: Option<String>,
    /// How far it has been read, 0 to 1.
    pub progress: f64,
    /// Its tags, sorted.
    pub tags: Vec<String>,
}

/// A whole stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The article.
    pub id: ArticleId,
    /// When it entered the library (ISO 8601 UTC).
    pub added: String,
    /// Its length in words.
    pub words: usize,
    /// The document: metadata and blocks.
    pub document: Document,
}

/// What adding an article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    /// A new article was stored.
    Added(ArticleId),
    /// The library already had it (same address or same text); nothing was written.
    Exists(ArticleId),
}

/// What replacing an article with a fresh download of it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplaceOutcome {
    /// The new document is the stored one: nothing was written.
    Unchanged,
    /// The document was replaced and the annotations re-anchored.
    Replaced(ReanchorReport),
    /// The new version's text or address is another article's: nothing was written.
    Duplicate(ArticleId),
}

/// The orders the library list can be sorted in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Most recently added first.
    #[default]
    Added,
    /// Most recently published first; undated articles last.
    Published,
    /// By title, A to Z.
    Title,
}

/// SHA-256 of the canonical text, hex: two copies of one article have the same text.
fn text_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The ORDER BY of each sort, over `articles a`; ids break ties so pages never overlap.
fn sort_order(sort: Sort) -> &'static str {
    match sort {
        Sort::Added => "a.added DESC, a.id DESC",
        Sort::Published => "a.published IS NULL, a.published DESC, a.added DESC, a.id DESC",
        Sort::Title => "a.title COLLATE NOCASE, a.id",
    }
}

const SUMMARY_COLUMNS: &str =
    "a.id, a.title, coalesce(a.source, a.site_name), a.published, a.added, a.words, a.language, \
     coalesce(r.progress, 0), (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM article_tags at \
       JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id ORDER BY t.name)), a.url";

/// The filter of a page query on its third parameter: a tag name, or NULL for every article.
const TAGGED: &str = "(?3 IS NULL OR EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id \
     WHERE at.article_id = a.id AND t.name = ?3))";

fn summary_from_row(row: &Row) -> rusqlite::Result<ArticleSummary> {
    let tags: Option<String> = row.get(8)?;
    let url: Option<String> = row.get(9)?;
    let source: Option<String> = row.get(2)?;
    Ok(ArticleSummary {
        id: ArticleId(row.get(0)?),
        title: row.get(1)?,
        source: source.or_else(|| url.and_then(|u| url::Url::parse(&u).ok()?.host_str().map(str::to_string))),
        published: row.get(3)?,
        added: row.get(4)?,
        words: row.get::<_, i64>(5)? as usize,
        language: row.get(6)?,
        progress: row.get(7)?,
        tags: tags.map(|t| t.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default(),
    })
}

impl Store {
    /// Stores a draft as a new article, unless the library already holds it (same canonical
    /// URL, or the same text). One transaction: on error nothing is written.
    pub fn add_article(&mut self, draft: &Draft) -> Result<AddOutcome, StoreError> {
        let tx = self.conn.transaction()?;
        let outcome = insert_article(&tx, draft)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Replaces an article's document, text, full-text row and images with `draft` (a fresh
    /// download of it) and re-anchors its annotations, all in one transaction; does nothing
    /// when the document is unchanged. Reading state, tags, annotations' notes and timeline
    /// corrections stay (corrections are anchored when the timeline is read).
    pub fn replace_article(&mut self, id: &ArticleId, draft: &Draft) -> Result<ReplaceOutcome, AnnotationError> {
        let tx = self.conn.transaction()?;
        let stored: String = tx
            .query_row("SELECT document FROM articles WHERE id = ?1 AND removed IS NULL", [&id.0], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.0.clone()))?;
        let document = serde_json::to_string(&draft.document).expect("a document always serializes");
        // Compared as documents, not strings, so a change in field order is no change.
        let unchanged = serde_json::from_str::<Document>(&stored).is_ok_and(|old| old == draft.document);
        if unchanged {
            return Ok(ReplaceOutcome::Unchanged);
        }
        let meta = &draft.document.meta;
        let text = draft.document.text();
        let hash = text_hash(&text);
        let canonical = meta.canonical_url.as_deref().or(meta.url.as_deref());
        let other: Option<String> = tx
            .query_row(
                "SELECT id FROM articles WHERE id != ?3 AND (text_hash = ?1 OR (?2 IS NOT NULL AND canonical_url = ?2)) \
                 LIMIT 1",
                params![hash, canonical, id.0],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            return Ok(ReplaceOutcome::Duplicate(ArticleId(other)));
        }
        tx.execute(
            "UPDATE articles SET url = ?2, canonical_url = ?3, title = ?4, byline = ?5, source = ?6, site_name = ?7, \
             published = ?8, language = ?9, document = ?10, text = ?11, text_hash = ?12, words = ?13 WHERE id = ?1",
            params![
                id.0,
                meta.url,
                canonical,
                meta.title,
                meta.byline,
                meta.source,
                meta.site_name,
                meta.published,
                meta.language,
                document,
                text,
                hash,
                crate::text::count_words(&text) as i64,
            ],
        )?;
        tx.execute("DELETE FROM article_assets WHERE article_id = ?1", [&id.0])?;
        for asset in &draft.assets {
            insert_asset(&tx, id, asset)?;
        }
        tx.execute("DELETE FROM assets WHERE sha256 NOT IN (SELECT sha256 FROM article_assets)", [])?;
        let report = reanchor(&tx, id)?;
        // After re-anchoring: the full-text row carries the text and the notes, in reading order.
        sync_notes(&tx, id)?;
        tx.commit()?;
        Ok(ReplaceOutcome::Replaced(report))
    }

    /// How many live annotations of an article are placed, and how many are orphans.
    pub fn annotation_counts(&self, id: &ArticleId) -> Result<(usize, usize), StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FILTER (WHERE status = 'anchored'), count(*) FILTER (WHERE status = 'orphan') \
             FROM annotations WHERE article_id = ?1 AND deleted IS NULL",
            [&id.0],
            |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize)),
        )?)
    }

    /// The articles in the library, sorted.
    pub fn list_articles(&self, sort: Sort) -> Result<Vec<ArticleSummary>, StoreError> {
        let order = sort_order(sort);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a LEFT JOIN reading_state r ON r.article_id = a.id \
             WHERE a.removed IS NULL ORDER BY {order}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One page of the library list: `limit` articles from position `offset` in `sort`
    /// order. The page is chosen on the articles table alone, so the tags and reading state
    /// are looked up for its rows only, not for the whole library.
    pub fn list_articles_page(
        &self,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        self.page(None, sort, offset, limit)
    }

    /// One page of the articles tagged `tag` (case-insensitive), as [`Self::list_articles_page`].
    pub fn tagged_articles_page(
        &self,
        tag: &str,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        self.page(Some(tag), sort, offset, limit)
    }

    fn page(
        &self,
        tag: Option<&str>,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let order = sort_order(sort);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM (SELECT a.key FROM articles a WHERE a.removed IS NULL AND {TAGGED} \
             ORDER BY {order} LIMIT ?1 OFFSET ?2) page JOIN articles a ON a.key = page.key \
             LEFT JOIN reading_state r ON r.article_id = a.id ORDER BY {order}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![limit as i64, offset as i64, tag], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many articles the library list holds (those tagged `tag`, when given).
    pub fn count_articles(&self, tag: Option<&str>) -> Result<usize, StoreError> {
        let sql = format!("SELECT count(*) FROM articles a WHERE a.removed IS NULL AND {TAGGED}");
        let count: i64 =
            self.conn.prepare_cached(&sql)?.query_row(params![None::<i64>, None::<i64>, tag], |row| row.get(0))?;
        Ok(count as usize)
    }

    /// One row of the library list.
    pub fn article_summary(&self, id: &ArticleId) -> Result<ArticleSummary, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a LEFT JOIN reading_state r ON r.article_id = a.id \
             WHERE a.id = ?1 AND a.removed IS NULL"
        );
        self.conn
            .query_row(&sql, [&id.0], summary_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.0.clone()))
    }

    /// A whole article, with its document.
    pub fn article(&self, id: &ArticleId) -> Result<Article, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT added, words, document FROM articles WHERE id = ?1 AND removed IS NULL",
                [&id.0],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?, row.get::<_, String>(2)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.0.clone()))?;
        let document = serde_json::from_str(&row.2)
            .map_err(|e| StoreError::Corrupt { id: id.0.clone(), reason: e.to_string() })?;
        Ok(Article { id: id.clone(), added: row.0, words: row.1 as usize, document })
    }

    /// Resolves a full id, or an unambiguous prefix or suffix of one (as people type them),
    /// to an id. Suffixes matter because UUIDv7 ids made in the same second share their
    /// first characters (a timestamp) and differ in the last (random) ones.
    pub fn resolve_id(&self, part: &str) -> Result<ArticleId, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM articles WHERE removed IS NULL \
             AND (substr(id, 1, length(?1)) = ?1 OR substr(id, -length(?1)) = ?1) LIMIT 2",
        )?;
        let ids: Vec<String> = stmt.query_map([part], |r| r.get(0))?.collect::<Result<_, _>>()?;
        match ids.as_slice() {
            [one] if part.len() >= 4 => Ok(ArticleId(one.clone())),
            _ => Err(StoreError::NotFound(part.to_string())),
        }
    }

    /// An image's bytes and media type, by SHA-256.
    pub fn asset(&self, sha256: &str) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT mime, bytes FROM assets WHERE sha256 = ?1", [sha256], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// The byte sizes of stored assets, by SHA-256 (for `show`).
    pub fn asset_size(&self, sha256: &str) -> Result<Option<usize>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT length(bytes) FROM assets WHERE sha256 = ?1", [sha256], |r| r.get::<_, i64>(0))
            .optional()?
            .map(|n| n as usize))
    }

    /// Hides an article from the library, keeping it so that [`Store::restore_article`] can
    /// undo the removal until [`Store::purge_removed`] runs.
    pub fn remove_article(&mut self, id: &ArticleId) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("UPDATE articles SET removed = ?2 WHERE id = ?1 AND removed IS NULL", params![id.0, now()])?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0.clone()));
        }
        Ok(())
    }

    /// Undoes [`Store::remove_article`].
    pub fn restore_article(&mut self, id: &ArticleId) -> Result<(), StoreError> {
        let changed =
            self.conn.execute("UPDATE articles SET removed = NULL WHERE id = ?1 AND removed IS NOT NULL", [&id.0])?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0.clone()));
        }
        Ok(())
    }

    /// Deletes removed articles for good, with their index entries and any images no other
    /// article uses. Returns how many articles went.
    pub fn purge_removed(&mut self) -> Result<usize, StoreError> {
        self.purge("SELECT key FROM articles WHERE removed IS NOT NULL", [])
    }

    /// Deletes one article for good, at once (no undo).
    pub fn delete_article(&mut self, id: &ArticleId) -> Result<(), StoreError> {
        match self.purge("SELECT key FROM articles WHERE id = ?1", [&id.0])? {
            0 => Err(StoreError::NotFound(id.0.clone())),
            _ => Ok(()),
        }
    }

    /// Deletes the articles the query selects (by key), and images left unused.
    fn purge(&mut self, select_keys: &str, params: impl rusqlite::Params) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let keys: Vec<i64> = {
            let mut stmt = tx.prepare(select_keys)?;
            let keys = stmt.query_map(params, |r| r.get(0))?.collect::<Result<_, _>>()?;
            keys
        };
        for key in &keys {
            delete_article(&tx, *key)?;
        }
        tx.execute("DELETE FROM assets WHERE sha256 NOT IN (SELECT sha256 FROM article_assets)", [])?;
        tx.commit()?;
        Ok(keys.len())
    }
}

fn delete_article(tx: &Transaction, key: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", [key])?;
    tx.execute("DELETE FROM articles WHERE key = ?1", [key])?;
    Ok(())
}

pub(super) fn insert_article(tx: &Transaction, draft: &Draft) -> Result<AddOutcome, StoreError> {
    let doc = &draft.document;
    let meta = &doc.meta;
    let text = doc.text();
    let hash = text_hash(&text);
    let canonical = meta.canonical_url.as_deref().or(meta.url.as_deref());

    let existing: Option<(i64, String, Option<String>)> = tx
        .query_row(
            "SELECT key, id, removed FROM articles WHERE text_hash = ?1 OR (?2 IS NOT NULL AND canonical_url = ?2) LIMIT 1",
            params![hash, canonical],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match existing {
        Some((_, id, None)) => return Ok(AddOutcome::Exists(ArticleId(id))),
        // A removed article that is added again replaces its hidden copy for good.
        Some((key, _, Some(_))) => delete_article(tx, key)?,
        None => {}
    }

    let id = ArticleId::new();
    let document = serde_json::to_string(doc).expect("a document always serializes");
    let words = crate::text::count_words(&text);
    tx.execute(
        "INSERT INTO articles (id, url, canonical_url, title, byline, source, site_name, published, language, \
         document, text, text_hash, words, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id.0,
            meta.url,
            canonical,
            meta.title,
            meta.byline,
            meta.source,
            meta.site_name,
            meta.published,
            meta.language,
            document,
            text,
            hash,
            words as i64,
            now()
        ],
    )?;
    let key = tx.last_insert_rowid();
    for asset in &draft.assets {
        insert_asset(tx, &id, asset)?;
    }
    search::index_article(tx, key, &meta.title, meta.byline.as_deref().unwrap_or(""), &text, "")?;
    Ok(AddOutcome::Added(id))
}

pub(super) fn insert_asset(tx: &Transaction, id: &ArticleId, asset: &Asset) -> Result<(), StoreError> {
    tx.execute(
        "INSERT OR IGNORE INTO assets (sha256, mime, bytes) VALUES (?1, ?2, ?3)",
        params![asset.sha256, asset.mime, asset.bytes],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO article_assets (article_id, sha256) VALUES (?1, ?2)",
        params![id.0, asset.sha256],
    )?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::document::{Block, BlockKind, Image, Metadata};

    pub(crate) fn draft(title: &str, url: Option<&str>, body: &str) -> Draft {
        Draft {
            document: Document {
                meta: Metadata { title: title.into(), url: url.map(Into::into), ..Default::default() },
                blocks: vec![Block::paragraph(body)],
            },
            assets: Vec::new(),
        }
    }

    fn added(outcome: AddOutcome) -> ArticleId {
        match outcome {
            AddOutcome::Added(id) => id,
            other => panic!("expected Added, got {other:?}"),
        }
    }

    #[test]
    fn adds_reads_back_and_lists() {
        let mut store = Store::open_in_memory().unwrap();
        let id = added(
            store.add_article(&draft("Bridge opens", Some("https://a.example/1"), "The bridge opened.")).unwrap(),
        );
        let article = store.article(&id).unwrap();
        assert_eq!(article.document.meta.title, "Bridge opens");
        assert_eq!(article.words, 3);
        let list = store.list_articles(Sort::Added).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].source.as_deref(), Some("a.example"));
        assert_eq!(store.resolve_id(&id.0[..8]).unwrap(), id);
        assert_eq!(store.resolve_id(&id.0[id.0.len() - 8..]).unwrap(), id);
        assert!(store.resolve_id("").is_err());
    }

    #[test]
    fn duplicates_by_url_or_text_are_reported_not_added() {
        let mut store = Store::open_in_memory().unwrap();
        let id = added(store.add_article(&draft("One", Some("https://a.example/1"), "Text one.")).unwrap());
        let same_url = store.add_article(&draft("One again", Some("https://a.example/1"), "Changed text.")).unwrap();
        assert_eq!(same_url, AddOutcome::Exists(id.clone()));
        let same_text = store.add_article(&draft("Copy", None, "Text one.")).unwrap();
        assert_eq!(same_text, AddOutcome::Exists(id));
        assert_eq!(store.list_articles(Sort::Added).unwrap().len(), 1);
    }

    #[test]
    fn remove_restore_and_purge() {
        let mut store = Store::open_in_memory().unwrap();
        let mut d = draft("Pictured", None, "With a picture.");
        let asset = Asset::from_image_bytes(b"\x89PNG\r\n\x1a\nrest".to_vec()).unwrap();
        d.document.blocks.push(Block::new(
            BlockKind::Figure {
                image: Image {
                    src: "https://a.example/p.png".into(),
                    alt: String::new(),
                    sha256: Some(asset.sha256.clone()),
                },
            },
            "",
        ));
        d.assets.push(asset.clone());
        let id = added(store.add_article(&d).unwrap());
        assert!(store.asset(&asset.sha256).unwrap().is_some());

        store.remove_article(&id).unwrap();
        assert!(store.list_articles(Sort::Added).unwrap().is_empty());
        assert!(matches!(store.article(&id), Err(StoreError::NotFound(_))));
        store.restore_article(&id).unwrap();
        assert_eq!(store.list_articles(Sort::Added).unwrap().len(), 1);

        store.remove_article(&id).unwrap();
        assert_eq!(store.purge_removed().unwrap(), 1);
        assert!(store.delete_article(&id).is_err());
        assert!(store.restore_article(&id).is_err());
        assert!(store.asset(&asset.sha256).unwrap().is_none(), "unused images go with the article");
    }

    #[test]
    fn sorts_by_title_and_published() {
        let mut store = Store::open_in_memory().unwrap();
        for (title, published) in [("beta", Some("2020-01-01")), ("Alpha", None), ("gamma", Some("2022-05-01"))] {
            let mut d = draft(title, None, title);
            d.document.meta.published = published.map(Into::into);
            store.add_article(&d).unwrap();
        }
        let titles = |sort| store.list_articles(sort).unwrap().into_iter().map(|a| a.title).collect::<Vec<_>>();
        assert_eq!(titles(Sort::Title), ["Alpha", "beta", "gamma"]);
        assert_eq!(titles(Sort::Published), ["gamma", "beta", "Alpha"]);
    }

    #[test]
    fn pages_of_the_list_add_up_to_the_whole_list() {
        let mut store = Store::open_in_memory().unwrap();
        for n in 0..7 {
            store.add_article(&draft(&format!("Title {}", (n * 3) % 7), None, &format!("body {n}"))).unwrap();
        }
        for sort in [Sort::Added, Sort::Published, Sort::Title] {
            let whole = store.list_articles(sort).unwrap();
            let paged: Vec<_> = (0..3).flat_map(|page| store.list_articles_page(sort, page * 3, 3).unwrap()).collect();
            assert_eq!(paged, whole, "{sort:?}");
        }
    }

    #[test]
    fn a_tag_pages_and_counts_only_its_articles() {
        let mut store = Store::open_in_memory().unwrap();
        let ids: Vec<_> = (0..5)
            .map(|n| added(store.add_article(&draft(&format!("T{n}"), None, &format!("text {n}"))).unwrap()))
            .collect();
        for id in ids.iter().step_by(2) {
            store.set_tags(id, &["Flood".into()]).unwrap();
        }
        store.remove_article(&ids[4]).unwrap();
        assert_eq!(store.count_articles(None).unwrap(), 4);
        assert_eq!(store.count_articles(Some("flood")).unwrap(), 2, "case-insensitive, removed left out");
        let titles = |offset| {
            store
                .tagged_articles_page("FLOOD", Sort::Title, offset, 1)
                .unwrap()
                .into_iter()
                .map(|a| a.title)
                .collect::<Vec<_>>()
        };
        assert_eq!((titles(0), titles(1), titles(2)), (vec!["T0".to_string()], vec!["T2".to_string()], vec![]));
        assert_eq!(store.count_articles(Some("none")).unwrap(), 0);
    }
}
