//! Use cases of highlights, notes and key quotes.

use super::{Error, Library, CREATOR_SETTING};
use crate::annotation::{Annotation, AnnotationEdit, AnnotationFilter, AnnotationId, Body, Selection};
use crate::quotes::QuoteSuggestion;
use crate::store::{ArticleId, ReanchorReport};

impl Library {
    /// The name new annotations are made under: the `annotation.creator` setting, else the
    /// login name, else "me".
    pub fn creator(&self) -> Result<String, Error> {
        if let Some(name) = self.setting(CREATOR_SETTING)?.as_ref().and_then(|v| v.as_str()) {
            return Ok(name.to_string());
        }
        Ok(["USER", "USERNAME"]
            .iter()
            .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
            .unwrap_or_else(|| "me".into()))
    }

    /// Highlights words of an article (a range, or the first occurrence of a quote) with a
    /// note, tags and a colour.
    pub fn highlight(&mut self, article: &ArticleId, selection: Selection, body: Body) -> Result<Annotation, Error> {
        let creator = self.creator()?;
        Ok(self.store.create_annotation(article, &selection, body, &creator)?)
    }

    /// Changes an annotation's note, colour or tags.
    pub fn edit_annotation(&mut self, id: &AnnotationId, edit: AnnotationEdit) -> Result<Annotation, Error> {
        Ok(self.store.edit_annotation(id, edit)?)
    }

    /// Deletes an annotation; [`Library::undo_delete_annotation`] brings it back.
    pub fn delete_annotation(&mut self, id: &AnnotationId) -> Result<(), Error> {
        Ok(self.store.delete_annotation(id)?)
    }

    /// Brings back a deleted annotation.
    pub fn undo_delete_annotation(&mut self, id: &AnnotationId) -> Result<Annotation, Error> {
        Ok(self.store.undo_delete_annotation(id)?)
    }

    /// Annotations matching `filter` (orphans included).
    pub fn annotations(&self, filter: &AnnotationFilter) -> Result<Vec<Annotation>, Error> {
        Ok(self.store.list_annotations(filter)?)
    }

    /// Finds an annotation by id or unambiguous id prefix.
    pub fn resolve_annotation(&self, id_or_prefix: &str) -> Result<AnnotationId, Error> {
        Ok(self.store.resolve_annotation_id(id_or_prefix)?)
    }

    /// Re-anchors an article's annotations to its current text (after a re-download).
    pub fn reanchor_article(&mut self, article: &ArticleId) -> Result<ReanchorReport, Error> {
        Ok(self.store.reanchor_article(article)?)
    }

    /// Attaches an annotation (an orphan, usually) to `start..end` of its article's text.
    pub fn reattach_annotation(&mut self, id: &AnnotationId, start: usize, end: usize) -> Result<Annotation, Error> {
        Ok(self.store.reattach_annotation(id, start, end)?)
    }

    /// Key-quote suggestions for an article, best first.
    pub fn quotes(&self, article: &ArticleId) -> Result<Vec<QuoteSuggestion>, Error> {
        Ok(crate::quotes::suggest_quotes(&self.store.article(article)?.document.text()))
    }
}
