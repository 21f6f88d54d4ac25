//! User corrections of a timeline (DESIGN §5): edit an event's date, hide an event, add one
//! from a selection. They are stored apart from the derived events and applied over them each
//! time the timeline is computed, so they survive the tagger changing its mind.
//!
//! **Matching.** A correction names its mention by article, offsets and text. It is anchored
//! to the current text first at its offsets (when the text there is still the mention's),
//! else at the occurrence of the mention's text nearest the old start (the article was
//! downloaded again and moved); when the text no longer holds it anywhere the correction is
//! an *orphan*: kept in the store and reported, never dropped. An anchored correction acts on
//! the derived event whose mention has the same span, else one whose mention overlaps it (the
//! tagger now reads "March 2, 2021" where it read "March 2"). An edit or an add with no such
//! event makes one, with the sentence around the mention; a hide with none does nothing.
//!
//! Corrections apply adds first, then edits, then hides, each in the order they were last
//! changed, so the latest edit of one event wins and a hidden event stays hidden whatever
//! its date.

use super::article::ArticleEvent;
use super::events::{people, Event, Mention};
use super::spans::CharOffsets;
use super::value::{normalise_value, DatedValue};
use crate::store::ArticleId;
use serde::{Deserialize, Serialize};

/// What a correction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CorrectionKind {
    /// Adds an event the tagger missed, from a selection.
    Add,
    /// Gives an event another date.
    Edit,
    /// Leaves an event out of the timeline.
    Hide,
}

impl CorrectionKind {
    /// The name stored in the database and shown to people.
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::Add => "add",
            CorrectionKind::Edit => "edit",
            CorrectionKind::Hide => "hide",
        }
    }
}

/// A user's correction of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// UUIDv7.
    pub id: String,
    /// The article the event is in.
    pub article: ArticleId,
    /// What it does.
    pub kind: CorrectionKind,
    /// The mention it was made on, as the text read then.
    pub mention: Mention,
    /// The new value (edit, add); `None` for a hide.
    pub value: Option<String>,
    /// When it was made (ISO 8601 UTC).
    pub created: String,
    /// When it last changed (ISO 8601 UTC).
    pub modified: String,
}

/// A correction and where it lands in the current text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchoredCorrection {
    /// The correction as stored.
    #[serde(flatten)]
    pub correction: Correction,
    /// Its mention in the current text; `None` for an orphan.
    pub anchor: Option<Mention>,
}

impl AnchoredCorrection {
    /// True when the mention is no longer in the text.
    pub fn is_orphan(&self) -> bool {
        self.anchor.is_none()
    }
}

/// One article's timeline with its corrections applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Corrected {
    /// The events, hidden ones included (flagged), sorted by date.
    pub events: Vec<ArticleEvent>,
    /// Every correction with its anchor, orphans included.
    pub corrections: Vec<AnchoredCorrection>,
}

/// Applies `corrections` of the article `article` (whose canonical text is `text`) over the
/// events the tagger `derived` from it.
pub fn apply(article: &ArticleId, text: &str, derived: Vec<Event>, corrections: &[Correction]) -> Corrected {
    let mut events: Vec<ArticleEvent> =
        derived.into_iter().map(|event| ArticleEvent::derived(article.clone(), event)).collect();
    let mut ordered: Vec<&Correction> = corrections.iter().collect();
    ordered.sort_by(|a, b| (a.kind, &a.modified, &a.id).cmp(&(b.kind, &b.modified, &b.id)));
    let chars: Vec<char> = text.chars().collect();
    let mut anchored = Vec::with_capacity(ordered.len());
    for correction in ordered {
        let anchor = reanchor(&chars, &correction.mention);
        if let Some(mention) = &anchor {
            act(&mut events, article, text, correction, mention);
        }
        anchored.push(AnchoredCorrection { correction: correction.clone(), anchor });
    }
    events.sort_by(|a, b| {
        (a.event.from, a.event.to, a.event.mention.start).cmp(&(b.event.from, b.event.to, b.event.mention.start))
    });
    Corrected { events, corrections: anchored }
}

fn act(events: &mut Vec<ArticleEvent>, article: &ArticleId, text: &str, correction: &Correction, mention: &Mention) {
    let target = find_event(events, mention);
    if correction.kind == CorrectionKind::Hide {
        if let Some(i) = target {
            events[i].hidden = true;
        }
        return;
    }
    // Values were checked when stored; one that no longer reads (a hand-edited database) is
    // skipped rather than allowed to break the whole timeline.
    let Some(dated) = correction.value.as_deref().and_then(|v| normalise_value(v).ok()) else {
        return;
    };
    let i = match target {
        Some(i) => i,
        None => {
            events.push(ArticleEvent::derived(article.clone(), event_at(text, mention, &dated)));
            events.len() - 1
        }
    };
    let e = &mut events[i];
    if !e.corrected && target.is_some() {
        e.original_value = Some(e.event.value.clone());
    }
    e.corrected = true;
    e.correction = Some(correction.id.clone());
    e.event.value = dated.value;
    e.event.from = dated.from;
    e.event.to = dated.to;
    e.event.precision = dated.precision;
}

/// The event whose mention is `mention`, else the first one overlapping it.
fn find_event(events: &[ArticleEvent], mention: &Mention) -> Option<usize> {
    let m = &events.iter().map(|e| &e.event.mention).collect::<Vec<_>>();
    m.iter()
        .position(|e| e.start == mention.start && e.end == mention.end)
        .or_else(|| m.iter().position(|e| e.start < mention.end && mention.start < e.end))
}

/// Where `mention` is in the text now: at its offsets if the text there is unchanged, else the
/// occurrence of its text nearest its old start (earlier one on a tie).
pub(crate) fn reanchor(chars: &[char], mention: &Mention) -> Option<Mention> {
    let wanted: Vec<char> = mention.text.chars().collect();
    if wanted.is_empty() {
        return None;
    }
    if chars.get(mention.start..mention.end) == Some(&wanted[..]) {
        return Some(mention.clone());
    }
    let start = (0..=chars.len().saturating_sub(wanted.len()))
        .filter(|&i| chars[i..].starts_with(&wanted))
        .min_by_key(|&i| (i.abs_diff(mention.start), i))?;
    Some(Mention { text: mention.text.clone(), start, end: start + wanted.len() })
}

/// A new event for a mention the tagger did not place: the sentence around it, its people.
fn event_at(text: &str, mention: &Mention, dated: &DatedValue) -> Event {
    let offsets = CharOffsets::new(text);
    let byte_of = |cp: usize| text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b);
    let at = byte_of(mention.start);
    let sentences = super::sentences::split(text);
    let (sentence, sentence_start) = match sentences.get(super::sentences::index_of(&sentences, at)) {
        // A selection can run past its sentence's end; the sentence is then the stretch from
        // the sentence's start to the selection's end.
        Some(s) => {
            let end = s.end.max(byte_of(mention.end));
            (text[s.start..end].to_string(), offsets.of(s.start))
        }
        None => (mention.text.clone(), mention.start),
    };
    Event {
        value: dated.value.clone(),
        from: dated.from,
        to: dated.to,
        precision: dated.precision,
        people: people(&sentence),
        mention: mention.clone(),
        sentence,
        sentence_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::events;
    use chrono::NaiveDate;

    fn correction(kind: CorrectionKind, text: &str, start: usize, value: Option<&str>, modified: &str) -> Correction {
        Correction {
            id: format!("c-{start}-{modified}"),
            article: ArticleId("a".into()),
            kind,
            mention: Mention { text: text.into(), start, end: start + text.chars().count() },
            value: value.map(str::to_string),
            created: modified.into(),
            modified: modified.into(),
        }
    }

    const TEXT: &str = "On March 9, 2021, the river flooded. On April 2, volunteers began clearing it.";

    fn run(text: &str, corrections: &[Correction]) -> Corrected {
        let derived = events(text, NaiveDate::from_ymd_opt(2022, 3, 14));
        apply(&ArticleId("a".into()), text, derived, corrections)
    }

    #[test]
    fn the_latest_edit_wins_and_keeps_the_tagger_value() {
        let out = run(
            TEXT,
            &[
                correction(CorrectionKind::Edit, "April 2", 40, Some("2021-05"), "2"),
                correction(CorrectionKind::Edit, "April 2", 40, Some("2021-04-03"), "1"),
            ],
        );
        let e = out.events.iter().find(|e| e.event.mention.start == 40).unwrap();
        assert_eq!(
            (e.event.value.as_str(), e.original_value.as_deref(), e.corrected),
            ("2021-05", Some("2021-04-02"), true)
        );
        assert_eq!(e.event.to.to_string(), "2021-05-31");
    }

    #[test]
    fn moved_text_reanchors_by_nearest_occurrence_and_lost_text_is_orphaned() {
        let moved = format!("Update: the report was revised. {TEXT}");
        let shift = "Update: the report was revised. ".chars().count();
        let out = run(
            &moved,
            &[
                correction(CorrectionKind::Hide, "April 2", 40, None, "1"),
                correction(CorrectionKind::Edit, "May 5", 3, Some("2021-05-05"), "1"),
            ],
        );
        assert_eq!(out.corrections.iter().filter(|c| c.is_orphan()).count(), 1);
        let hide = out.corrections.iter().find(|c| c.correction.kind == CorrectionKind::Hide).unwrap();
        assert_eq!(hide.anchor.as_ref().map(|m| m.start), Some(40 + shift));
        let hidden: Vec<_> = out.events.iter().filter(|e| e.hidden).map(|e| e.event.value.as_str()).collect();
        assert_eq!(hidden, ["2021-04-02"]);
    }

    #[test]
    fn an_added_selection_takes_its_sentence_and_sorts_in() {
        let text = "Work resumed in the week after Easter. On March 9, 2021, the river flooded.";
        let out = run(text, &[correction(CorrectionKind::Add, "the week after Easter", 16, Some("2021-W14"), "1")]);
        let values: Vec<_> = out.events.iter().map(|e| e.event.value.as_str()).collect();
        assert_eq!(values, ["2021-03-09", "2021-W14"]);
        let added = &out.events[1];
        assert_eq!((added.corrected, added.original_value.as_deref()), (true, None));
        assert_eq!(added.event.sentence, "Work resumed in the week after Easter.");
        assert_eq!(added.event.sentence_start, 0);
    }

    #[test]
    fn a_grown_tagger_span_still_matches_by_overlap() {
        // Made on "March 9" when the tagger read only that; it now reads "March 9, 2021".
        let out = run(TEXT, &[correction(CorrectionKind::Edit, "March 9", 3, Some("2021-03-10"), "1")]);
        let values: Vec<_> =
            out.events.iter().map(|e| (e.event.mention.text.as_str(), e.event.value.as_str())).collect();
        assert_eq!(values, [("March 9, 2021", "2021-03-10"), ("April 2", "2021-04-02")]);
    }
}
