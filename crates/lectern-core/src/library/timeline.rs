//! Use cases of the timeline.

use super::{Error, Library};
use crate::store::{ArticleId, Sort};
use crate::timeline::ArticleEvent;

impl Library {
    /// The merged timeline of the given articles, or of the whole library when `ids` is empty.
    pub fn timeline(&self, ids: &[ArticleId]) -> Result<Vec<ArticleEvent>, Error> {
        let ids = match ids {
            [] => self.store.list_articles(Sort::Added)?.into_iter().map(|a| a.id).collect(),
            ids => ids.to_vec(),
        };
        let mut per_article = Vec::with_capacity(ids.len());
        for id in ids {
            let document = self.store.article(&id)?.document;
            per_article.push((id, crate::timeline::document_events(&document)));
        }
        Ok(crate::timeline::merge(per_article))
    }
}
