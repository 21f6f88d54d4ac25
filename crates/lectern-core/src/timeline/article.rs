//! The timeline of stored articles: each article's events, anchored to its publication date.

use super::{events, Event};
use crate::document::Document;
use crate::store::ArticleId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An event of one article in a library-wide timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEvent {
    /// The article it was found in.
    pub article: ArticleId,
    /// The event.
    #[serde(flatten)]
    pub event: Event,
    /// True when a user correction set its date or added it.
    #[serde(default)]
    pub corrected: bool,
    /// The value the tagger found, when a correction changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_value: Option<String>,
    /// True when the user hid it (only listed when hidden events are asked for).
    #[serde(default)]
    pub hidden: bool,
    /// The id of the correction that set its date, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
}

impl ArticleEvent {
    /// An event as the tagger found it, uncorrected.
    pub fn derived(article: ArticleId, event: Event) -> Self {
        ArticleEvent { article, event, corrected: false, original_value: None, hidden: false, correction: None }
    }
}

/// The publication date of a document (the reference date for its deictic words).
pub fn publication_date(doc: &Document) -> Option<NaiveDate> {
    let published = doc.meta.published.as_deref()?;
    NaiveDate::parse_from_str(published.get(..10)?, "%Y-%m-%d").ok()
}

/// The events of one document, sorted by date.
pub fn document_events(doc: &Document) -> Vec<Event> {
    events(&doc.text(), publication_date(doc))
}

/// Merges several articles' events into one timeline, sorted by date, then by article and
/// position, so the order is stable.
pub fn merge(mut per_article: Vec<(ArticleId, Vec<Event>)>) -> Vec<ArticleEvent> {
    let mut all: Vec<ArticleEvent> = per_article
        .drain(..)
        .flat_map(|(article, events)| {
            events.into_iter().map(move |event| ArticleEvent::derived(article.clone(), event))
        })
        .collect();
    sort(&mut all);
    all
}

/// Sorts a merged timeline by date, then by article and position, so the order is stable.
pub fn sort(all: &mut [ArticleEvent]) {
    all.sort_by(|a, b| {
        (a.event.from, a.event.to, &a.article, a.event.mention.start).cmp(&(
            b.event.from,
            b.event.to,
            &b.article,
            b.event.mention.start,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Metadata};

    #[test]
    fn year_less_dates_take_the_story_year_and_articles_merge_by_date() {
        let doc = |published: &str, text: &str| Document {
            meta: Metadata { title: "t".into(), published: Some(published.into()), ..Default::default() },
            blocks: vec![Block::paragraph(text)],
        };
        let a = doc(
            "2022-03-14T09:05:00",
            "On March 9, 2021, the river flooded. On April 2, volunteers began clearing it.",
        );
        let b = doc("2020-05-01", "The bridge opened yesterday.");
        assert_eq!(publication_date(&a), NaiveDate::from_ymd_opt(2022, 3, 14));
        let merged =
            merge(vec![(ArticleId("a".into()), document_events(&a)), (ArticleId("b".into()), document_events(&b))]);
        let values: Vec<(&str, &str)> = merged.iter().map(|e| (e.article.0.as_str(), e.event.value.as_str())).collect();
        assert_eq!(values, [("b", "2020-04-30"), ("a", "2021-03-09"), ("a", "2021-04-02")]);
    }
}
