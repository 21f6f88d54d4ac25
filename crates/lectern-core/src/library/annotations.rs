//! Use cases of highlights, notes and key quotes.

use super::{Error, Library, CREATOR_SETTING};
use crate::annotation::{
    Annotation, AnnotationEdit, AnnotationError, AnnotationFilter, AnnotationId, Body, Selection, Status,
};
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

    /// Whether the user chose the name annotations are made under (else [`Library::creator`]
    /// falls back to the login name), so that an app can ask once.
    pub fn creator_chosen(&self) -> Result<bool, Error> {
        Ok(self.setting(CREATOR_SETTING)?.as_ref().and_then(|v| v.as_str()).is_some_and(|s| !s.trim().is_empty()))
    }

    /// Key-quote suggestions for an article, best first: those still worth offering, that is
    /// neither dismissed ([`Library::dismiss_quote`]) nor overlapping a live highlight.
    pub fn quotes(&self, article: &ArticleId) -> Result<Vec<QuoteSuggestion>, Error> {
        let text = self.store.article(article)?.document.text();
        let dismissed = self.store.dismissed_quotes(article)?;
        let highlighted: Vec<(usize, usize)> = self
            .annotations(&AnnotationFilter { article: Some(article.clone()), ..Default::default() })?
            .iter()
            .filter(|a| a.status == Status::Anchored)
            .filter_map(|a| a.target.selectors.position.map(|p| (p.start, p.end)))
            .collect();
        Ok(crate::quotes::suggest_quotes(&text)
            .into_iter()
            .filter(|q| !dismissed.contains(&q.text))
            .filter(|q| !highlighted.iter().any(|&(start, end)| start < q.end && q.start < end))
            .collect())
    }

    /// Dismisses the key-quote suggestion at `start..end` of an article's text: it is not
    /// offered again, even after the text moves (it is kept by its words). Returns the words.
    pub fn dismiss_quote(&mut self, article: &ArticleId, start: usize, end: usize) -> Result<String, Error> {
        let text = self.store.article(article)?.document.text();
        let words = words_at(&text, start, end)?;
        self.store.dismiss_quote(article, &words, start, end)?;
        Ok(words)
    }

    /// Offers a dismissed suggestion (by its words, as [`Library::dismiss_quote`] returned
    /// them) again; returns whether it had been dismissed.
    pub fn undismiss_quote(&mut self, article: &ArticleId, words: &str) -> Result<bool, Error> {
        Ok(self.store.undismiss_quote(article, words)?)
    }

    /// The words of an article's dismissed suggestions.
    pub fn dismissed_quotes(&self, article: &ArticleId) -> Result<Vec<String>, Error> {
        Ok(self.store.dismissed_quotes(article)?)
    }
}

/// The code points `start..end` of `text`, or why that is not a range of it.
fn words_at(text: &str, start: usize, end: usize) -> Result<String, AnnotationError> {
    let len = text.chars().count();
    if start >= end || end > len {
        return Err(AnnotationError::BadRange { start, end, len });
    }
    Ok(text.chars().skip(start).take(end - start).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Document, Metadata};
    use crate::ingest::Draft;

    const TEXT: &str = "\"The river came back to life this spring,\" said Jane Roe. The plan was a \"reset button\". \
                        \"We counted forty herons in one morning,\" said Tom Lee.";

    fn library_with_text() -> (tempfile::TempDir, Library, ArticleId) {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(&dir.path().join("lib")).unwrap();
        let draft = Draft {
            document: Document {
                meta: Metadata { title: "Herons".into(), ..Default::default() },
                blocks: vec![Block::paragraph(TEXT)],
            },
            assets: Vec::new(),
        };
        let id = library.add_draft(&draft).unwrap().id;
        (dir, library, id)
    }

    #[test]
    fn dismissed_and_highlighted_suggestions_are_not_offered_again() {
        let (_dir, mut library, id) = library_with_text();
        let all = library.quotes(&id).unwrap();
        assert_eq!(all.len(), 2, "{all:?}");
        let jane = all.iter().find(|q| q.speaker.as_deref() == Some("Jane Roe")).unwrap().clone();
        let tom = all.iter().find(|q| q.speaker.as_deref() == Some("Tom Lee")).unwrap().clone();

        // Dismissed: gone, and kept by its words.
        let words = library.dismiss_quote(&id, jane.start, jane.end).unwrap();
        assert_eq!(words, jane.text);
        assert_eq!(library.quotes(&id).unwrap(), std::slice::from_ref(&tom));
        assert_eq!(library.dismissed_quotes(&id).unwrap(), std::slice::from_ref(&jane.text));
        assert!(library.undismiss_quote(&id, &words).unwrap());
        assert_eq!(library.quotes(&id).unwrap().len(), 2);
        library.dismiss_quote(&id, jane.start, jane.end).unwrap();

        // Accepted (highlighted): gone while the highlight lives.
        let highlight =
            library.highlight(&id, Selection::Range { start: tom.start, end: tom.end }, Body::default()).unwrap();
        assert!(library.quotes(&id).unwrap().is_empty());
        library.delete_annotation(&highlight.id).unwrap();
        assert_eq!(library.quotes(&id).unwrap(), [tom]);

        assert!(matches!(
            library.dismiss_quote(&id, 5, 5_000),
            Err(Error::Annotation(AnnotationError::BadRange { .. }))
        ));
        assert!(matches!(library.dismiss_quote(&ArticleId::new(), 0, 1), Err(Error::Store(_))));
    }

    #[test]
    fn the_creator_is_chosen_once_set() {
        let (_dir, mut library, _) = library_with_text();
        assert!(!library.creator_chosen().unwrap());
        assert!(!library.creator().unwrap().is_empty(), "a fallback name");
        library.set_creator("  Ana ").unwrap();
        assert!(library.creator_chosen().unwrap());
        assert_eq!(library.creator().unwrap(), "Ana");
    }
}
