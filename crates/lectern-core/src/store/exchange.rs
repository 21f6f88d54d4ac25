//! The store side of exchange: applying an import in one transaction (matching articles,
//! creating missing ones with their images, merging annotations, re-anchoring them), and the
//! reads an export needs (tombstones included).

use super::annotations::{from_row, sync_notes, tags_json, COLUMNS};
use super::articles::{insert_article, insert_asset};
use super::{AddOutcome, ArticleId, Store, StoreError};
use crate::annotation::{anchor, selectors_for, Annotation, AnnotationId, Selectors, Status, TextPositionSelector};
use crate::exchange::merge::{self, Decision};
use crate::exchange::{ArticlePackage, ImportSummary, Payload};
use crate::ingest::{Asset, Draft};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{BTreeSet, HashMap};

impl Store {
    /// Applies what an import file holds, in one transaction: on any error nothing is written.
    /// Articles are matched by id, canonical URL or text hash, else created from the file;
    /// annotations are merged by [`merge::decide`] and re-anchored to the local text.
    pub fn apply_import(&mut self, payload: &Payload) -> Result<ImportSummary, StoreError> {
        let tx = self.conn.transaction()?;
        let mut summary = ImportSummary { skipped: payload.skipped, ..ImportSummary::default() };
        let mut local_ids: HashMap<&str, ArticleId> = HashMap::new();
        for package in &payload.articles {
            let (id, created) = match_or_create(&tx, package)?;
            summary.articles_added += usize::from(created);
            local_ids.insert(&package.id.0, id);
        }
        let mut texts: HashMap<ArticleId, String> = HashMap::new();
        let mut touched = BTreeSet::new();
        for incoming in &payload.annotations {
            let local = local_annotation(&tx, &incoming.id)?;
            let article = match &local {
                // An annotation stays on the article it is on here.
                Some(local) => Some(local.target.source.article.clone()),
                None => find_article(&tx, incoming, &local_ids)?,
            };
            let Some(article) = article else {
                summary.skipped += 1;
                continue;
            };
            let decision = merge::decide(local.as_ref(), incoming);
            if decision == Decision::Keep {
                summary.unchanged += 1;
                continue;
            }
            if !texts.contains_key(&article) {
                let text: String =
                    tx.query_row("SELECT text FROM articles WHERE id = ?1", [&article.0], |r| r.get(0))?;
                texts.insert(article.clone(), text);
            }
            let (selectors, status) = reanchor(&texts[&article], &incoming.target.selectors);
            write_annotation(&tx, incoming, &article, &selectors, status, decision)?;
            match (decision, &incoming.deleted) {
                (Decision::Insert, None) => summary.added += 1,
                // A tombstone of something never seen here: recorded, so that an older live
                // copy arriving later cannot bring it back, but nothing visible changed.
                (Decision::Insert, Some(_)) => summary.unchanged += 1,
                _ => summary.updated += 1,
            }
            if status == Status::Orphan && incoming.deleted.is_none() {
                summary.orphaned += 1;
            }
            touched.insert(article);
        }
        for article in &touched {
            sync_notes(&tx, article)?;
        }
        tx.commit()?;
        Ok(summary)
    }

    /// An article's annotations, tombstones included, in reading order (for export).
    pub fn annotations_with_tombstones(&self, article: &ArticleId) -> Result<Vec<Annotation>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM annotations n JOIN articles a ON a.id = n.article_id \
             WHERE n.article_id = ?1 ORDER BY n.\"start\", n.\"end\", n.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([&article.0], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The articles (not removed) that have annotations, tombstones included, oldest first.
    pub fn annotated_articles(&self) -> Result<Vec<ArticleId>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT a.id FROM articles a JOIN annotations n ON n.article_id = a.id \
             WHERE a.removed IS NULL ORDER BY a.id",
        )?;
        let rows = stmt.query_map([], |r| Ok(ArticleId(r.get(0)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// An article's images.
    pub fn article_assets(&self, article: &ArticleId) -> Result<Vec<Asset>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.sha256, s.mime, s.bytes FROM article_assets x JOIN assets s ON s.sha256 = x.sha256 \
             WHERE x.article_id = ?1 ORDER BY s.sha256",
        )?;
        let rows =
            stmt.query_map([&article.0], |r| Ok(Asset { sha256: r.get(0)?, mime: r.get(1)?, bytes: r.get(2)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The SHA-256 of an article's canonical text.
    pub fn text_hash(&self, article: &ArticleId) -> Result<String, StoreError> {
        self.conn
            .query_row("SELECT text_hash FROM articles WHERE id = ?1", [&article.0], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(article.0.clone()))
    }
}

/// The local article for a bundle's article, and whether it was created now.
fn match_or_create(tx: &Transaction, package: &ArticlePackage) -> Result<(ArticleId, bool), StoreError> {
    let meta = &package.document.meta;
    let canonical = meta.canonical_url.as_deref().or(meta.url.as_deref());
    let found: Option<String> = tx
        .query_row(
            "SELECT id FROM articles WHERE removed IS NULL AND \
             (id = ?1 OR text_hash = ?2 OR (?3 IS NOT NULL AND canonical_url = ?3)) ORDER BY id = ?1 DESC LIMIT 1",
            params![package.id.0, package.text_sha256, canonical],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok((ArticleId(id), false));
    }
    let draft = Draft { document: package.document.clone(), assets: Vec::new() };
    let id = match insert_article(tx, &draft)? {
        AddOutcome::Added(id) => id,
        AddOutcome::Exists(id) => return Ok((id, false)),
    };
    // Keep the sender's id, so that the article is one id across the group, unless a
    // removed article here holds it. No row refers to the new id yet, so it can change.
    let taken: bool = tx.query_row("SELECT count(*) > 0 FROM articles WHERE id = ?1", [&package.id.0], |r| r.get(0))?;
    let id = if taken {
        id
    } else {
        tx.execute("UPDATE articles SET id = ?2 WHERE id = ?1", params![id.0, package.id.0])?;
        package.id.clone()
    };
    for asset in &package.assets {
        insert_asset(tx, &id, asset)?;
    }
    Ok((id, true))
}

/// The annotation's article here: the one its bundle article matched, the same id, or an
/// article with its target's address.
fn find_article(
    tx: &Transaction,
    incoming: &Annotation,
    local_ids: &HashMap<&str, ArticleId>,
) -> Result<Option<ArticleId>, StoreError> {
    let source = &incoming.target.source;
    if let Some(id) = local_ids.get(source.article.0.as_str()) {
        return Ok(Some(id.clone()));
    }
    let found: Option<String> = tx
        .query_row(
            "SELECT id FROM articles WHERE removed IS NULL AND \
             (id = ?1 OR (?2 IS NOT NULL AND (canonical_url = ?2 OR url = ?2))) ORDER BY id = ?1 DESC LIMIT 1",
            params![source.article.0, source.url],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.map(ArticleId))
}

fn local_annotation(tx: &Transaction, id: &AnnotationId) -> Result<Option<Annotation>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.id = ?1");
    Ok(tx.query_row(&sql, [&id.0], from_row).optional()?)
}

/// The selectors describing where `selectors` anchor in `text`, or the same selectors and
/// the orphan status when they do not.
fn reanchor(text: &str, selectors: &Selectors) -> (Selectors, Status) {
    match anchor(text, selectors).range().and_then(|(start, end)| selectors_for(text, start, end).ok()) {
        Some((quote, position)) => (Selectors { quote, position: Some(position) }, Status::Anchored),
        None => (selectors.clone(), Status::Orphan),
    }
}

fn write_annotation(
    tx: &Transaction,
    a: &Annotation,
    article: &ArticleId,
    selectors: &Selectors,
    status: Status,
    decision: Decision,
) -> Result<(), StoreError> {
    let position = selectors.position.unwrap_or(TextPositionSelector { start: 0, end: 0 });
    let sql = match decision {
        Decision::Insert => {
            "INSERT INTO annotations (id, article_id, creator, created, modified, deleted, motivation, note, color, \
             tags, exact, prefix, suffix, \"start\", \"end\", status) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
        }
        _ => {
            "UPDATE annotations SET article_id = ?2, creator = ?3, created = ?4, modified = ?5, deleted = ?6, \
             motivation = ?7, note = ?8, color = ?9, tags = ?10, exact = ?11, prefix = ?12, suffix = ?13, \
             \"start\" = ?14, \"end\" = ?15, status = ?16 WHERE id = ?1"
        }
    };
    tx.execute(
        sql,
        params![
            a.id.0,
            article.0,
            a.creator.name,
            a.created,
            a.modified,
            a.deleted,
            a.body.motivation().as_str(),
            a.body.note,
            a.body.color.as_str(),
            tags_json(&a.body.tags),
            selectors.quote.exact,
            selectors.quote.prefix,
            selectors.quote.suffix,
            position.start as i64,
            position.end as i64,
            status.as_str(),
        ],
    )?;
    Ok(())
}
