//! Use cases of the timeline: the corrected timeline of some articles, of a tag or of the
//! whole library; correcting, hiding and adding events; exporting.

use super::{Error, Library};
use crate::store::{ArticleId, Sort};
use crate::timeline::{
    self, AnchoredCorrection, ArticleEvent, Corrected, Correction, CorrectionKind, DatedValue, Mention, TimelineError,
    Titles,
};

/// A merged timeline with what could not be placed.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineReport {
    /// The events, sorted by date.
    pub events: Vec<ArticleEvent>,
    /// Corrections whose mention is no longer in its article's text: kept, to show the user.
    pub orphans: Vec<Correction>,
    /// The title of each article in the timeline.
    pub titles: Titles,
}

impl Library {
    /// The merged, corrected timeline of the given articles, or of the whole library when
    /// `ids` is empty. Hidden events are left out.
    pub fn timeline(&self, ids: &[ArticleId]) -> Result<Vec<ArticleEvent>, Error> {
        Ok(self.timeline_report(ids, false)?.events)
    }

    /// Like [`Library::timeline`], with hidden events included (flagged `hidden`).
    pub fn timeline_with_hidden(&self, ids: &[ArticleId]) -> Result<Vec<ArticleEvent>, Error> {
        Ok(self.timeline_report(ids, true)?.events)
    }

    /// The merged, corrected timeline of the articles tagged `tag` (case-insensitive).
    pub fn timeline_for_tag(&self, tag: &str) -> Result<Vec<ArticleEvent>, Error> {
        let ids = self.tagged(tag)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.timeline(&ids)
    }

    /// The articles carrying `tag` (case-insensitive), most recently added first.
    pub fn tagged(&self, tag: &str) -> Result<Vec<ArticleId>, Error> {
        let tag = tag.trim();
        Ok(self
            .store
            .list_articles(Sort::Added)?
            .into_iter()
            .filter(|a| a.tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()))
            .map(|a| a.id)
            .collect())
    }

    /// The timeline of `ids` (all articles when empty) with orphaned corrections and titles.
    pub fn timeline_report(&self, ids: &[ArticleId], with_hidden: bool) -> Result<TimelineReport, Error> {
        let ids = match ids {
            [] => self.store.list_articles(Sort::Added)?.into_iter().map(|a| a.id).collect(),
            ids => ids.to_vec(),
        };
        let mut report = TimelineReport { events: Vec::new(), orphans: Vec::new(), titles: Titles::new() };
        for id in ids {
            let corrected = self.corrected(&id)?;
            report.titles.insert(id.clone(), self.store.article_summary(&id)?.title);
            report.events.extend(corrected.events.into_iter().filter(|e| with_hidden || !e.hidden));
            report.orphans.extend(corrected.corrections.into_iter().filter(|c| c.is_orphan()).map(|c| c.correction));
        }
        timeline::sort(&mut report.events);
        Ok(report)
    }

    /// An article's corrections, each with where it lands in the text now (orphans have none).
    pub fn timeline_corrections(&self, article: &ArticleId) -> Result<Vec<AnchoredCorrection>, Error> {
        Ok(self.corrected(article)?.corrections)
    }

    /// Gives the event at `mention` another date. `value` is checked and normalised
    /// (`2021-su` → `2021-SU`); editing an event again replaces the earlier edit.
    pub fn correct_event(&mut self, article: &ArticleId, mention: &Mention, value: &str) -> Result<Correction, Error> {
        let dated = timeline::normalise_value(value)?;
        self.check_mention(article, mention)?;
        // An added event is corrected by changing the add, so it stays one correction.
        let existing = self.existing(article, mention, &[CorrectionKind::Add, CorrectionKind::Edit])?;
        let kind = existing.as_ref().map_or(CorrectionKind::Edit, |c| c.kind);
        let id = existing.map(|c| c.id);
        Ok(self.store.save_timeline_correction(article, kind, mention, Some(&dated.value), id.as_deref())?)
    }

    /// Leaves the event at `mention` out of the timeline (hiding twice is one hide).
    pub fn hide_event(&mut self, article: &ArticleId, mention: &Mention) -> Result<Correction, Error> {
        self.check_mention(article, mention)?;
        let id = self.existing(article, mention, &[CorrectionKind::Hide])?.map(|c| c.id);
        Ok(self.store.save_timeline_correction(article, CorrectionKind::Hide, mention, None, id.as_deref())?)
    }

    /// Shows a hidden event again; returns whether it was hidden.
    pub fn unhide_event(&mut self, article: &ArticleId, mention: &Mention) -> Result<bool, Error> {
        let hides: Vec<String> = self
            .timeline_corrections(article)?
            .into_iter()
            .filter(|c| c.correction.kind == CorrectionKind::Hide && c.anchor.as_ref() == Some(mention))
            .map(|c| c.correction.id)
            .collect();
        let ids: Vec<&str> = hides.iter().map(String::as_str).collect();
        Ok(self.store.delete_timeline_corrections(&ids)? > 0)
    }

    /// Adds an event from a selection of the article's canonical text (`start..end` in code
    /// points) dated `value`; its sentence is the one around the selection.
    pub fn add_event(
        &mut self,
        article: &ArticleId,
        start: usize,
        end: usize,
        value: &str,
    ) -> Result<Correction, Error> {
        let dated = timeline::normalise_value(value)?;
        let text = self.document(article)?.text();
        let len = text.chars().count();
        let selected: String = text.chars().skip(start).take(end.saturating_sub(start)).collect();
        if start >= end || end > len || selected.trim().is_empty() {
            return Err(TimelineError::BadSelection { start, end, len }.into());
        }
        let mention = Mention { text: selected, start, end };
        let id = self.existing(article, &mention, &[CorrectionKind::Add])?.map(|c| c.id);
        Ok(self.store.save_timeline_correction(
            article,
            CorrectionKind::Add,
            &mention,
            Some(&dated.value),
            id.as_deref(),
        )?)
    }

    /// Deletes one correction: the event goes back to what the tagger found.
    pub fn remove_correction(&mut self, id: &str) -> Result<Correction, Error> {
        let correction =
            self.store.timeline_correction(id)?.ok_or_else(|| TimelineError::CorrectionNotFound(id.to_string()))?;
        self.store.delete_timeline_corrections(&[id])?;
        Ok(correction)
    }

    /// The mention of the event (hidden ones included) or, failing that, of any date
    /// expression the tagger found, that starts at `start`: how a user points at an event.
    pub fn mention_at(&self, article: &ArticleId, start: usize) -> Result<Mention, Error> {
        let corrected = self.corrected(article)?;
        if let Some(e) = corrected.events.into_iter().find(|e| e.event.mention.start == start) {
            return Ok(e.event.mention);
        }
        let document = self.document(article)?;
        timeline::tag(&document.text(), timeline::publication_date(&document))
            .into_iter()
            .find(|t| t.start == start)
            .map(|t| Mention { text: t.text, start: t.start, end: t.end })
            .ok_or_else(|| TimelineError::NoMention { article: article.0.clone(), start }.into())
    }

    /// The date the tagger reads in `start..end` of the article's text (the first placeable
    /// expression overlapping it), or `None`: what to prefill when a user adds an event from a
    /// selection.
    pub fn date_guess(&self, article: &ArticleId, start: usize, end: usize) -> Result<Option<DatedValue>, Error> {
        let document = self.document(article)?;
        Ok(timeline::tag(&document.text(), timeline::publication_date(&document))
            .into_iter()
            .filter(|t| t.start < end.max(start + 1) && start < t.end)
            .find_map(|t| timeline::normalise_value(&t.value).ok()))
    }

    fn corrected(&self, article: &ArticleId) -> Result<Corrected, Error> {
        let document = self.store.article(article)?.document;
        let text = document.text();
        let derived = timeline::document_events(&document);
        let corrections = self.store.timeline_corrections(article)?;
        Ok(timeline::apply(article, &text, derived, &corrections))
    }

    /// The latest correction of one of `kinds` that lands on `mention` now.
    fn existing(
        &self,
        article: &ArticleId,
        mention: &Mention,
        kinds: &[CorrectionKind],
    ) -> Result<Option<Correction>, Error> {
        Ok(self
            .timeline_corrections(article)?
            .into_iter()
            .filter(|c| kinds.contains(&c.correction.kind) && c.anchor.as_ref() == Some(mention))
            .max_by(|a, b| a.correction.modified.cmp(&b.correction.modified))
            .map(|c| c.correction))
    }

    /// A mention must be what the text says at its offsets.
    fn check_mention(&self, article: &ArticleId, mention: &Mention) -> Result<(), Error> {
        let text = self.document(article)?.text();
        let at: String = text.chars().skip(mention.start).take(mention.end.saturating_sub(mention.start)).collect();
        if mention.start >= mention.end || at != mention.text {
            return Err(TimelineError::NoMention { article: article.0.clone(), start: mention.start }.into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Document, Metadata};
    use crate::ingest::Draft;

    #[test]
    fn a_selection_over_a_date_is_guessed_with_the_story_year() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let text = "On March 9, 2019 the mill closed. On April 2 the workers left. Nobody came back.";
        let document = Document {
            meta: Metadata { title: "Mill".into(), published: Some("2020-05-01".into()), ..Default::default() },
            blocks: vec![Block::paragraph(text)],
        };
        let id = library.add_draft(&Draft { document, assets: vec![] }).unwrap().id;
        let at = |needle: &str| text.find(needle).unwrap();
        // Selecting the words, or a sentence around them, finds the anchored date.
        let guess = library.date_guess(&id, at("April 2"), at("April 2") + 7).unwrap().unwrap();
        assert_eq!(guess.value, "2019-04-02");
        let sentence = library.date_guess(&id, at("On April"), at(" Nobody")).unwrap().unwrap();
        assert_eq!(sentence.value, "2019-04-02");
        assert_eq!(library.date_guess(&id, at("Nobody"), text.len()).unwrap(), None);
    }
}
