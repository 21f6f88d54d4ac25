//! The timeline: dated events found in an article's text (DESIGN §5).
//!
//! [`tag`] finds temporal expressions in English and Chinese and normalises them to
//! TIMEX3-style values; [`events`] keeps the placeable ones (DATE and TIME) with the sentence
//! they belong to, sorted by date. Offsets are Unicode code points (DESIGN §2).
//!
//! ```
//! use chrono::NaiveDate;
//! use lectern_core::timeline::{events, tag, TimexKind};
//!
//! let dct = NaiveDate::from_ymd_opt(2022, 3, 14);
//! let text = "On March 2, 2021 the dam failed. As of June 9, repairs had taken 37 days.";
//! let found = tag(text, dct);
//! let values: Vec<_> = found.iter().map(|t| (t.text.as_str(), t.value.as_str())).collect();
//! // A year-less date inherits the year of the narrative, not of the publication.
//! assert_eq!(values, [("March 2, 2021", "2021-03-02"), ("June 9", "2021-06-09"), ("37 days", "P37D")]);
//! assert_eq!(found[2].kind, TimexKind::Duration);
//!
//! // Durations and sets are never events; dates are, with their sentence.
//! let timeline = events(text, dct);
//! assert_eq!(timeline.len(), 2);
//! assert_eq!(timeline[1].sentence, "As of June 9, repairs had taken 37 days.");
//! ```
//!
//! Deictic words anchor to the publication date, and in news a bare month is the most recent
//! such month (TempEval convention):
//!
//! ```
//! # use chrono::NaiveDate;
//! # use lectern_core::timeline::tag;
//! let dct = NaiveDate::from_ymd_opt(2013, 3, 22);
//! let v = |t: &str| tag(t, dct).into_iter().map(|t| t.value).collect::<Vec<_>>();
//! assert_eq!(v("He was fired in July."), ["2012-07"]);
//! assert_eq!(v("The towers will close in July."), ["2013-07"]);
//! assert_eq!(v("She spoke yesterday and last week."), ["2013-03-21", "2013-W11"]);
//! assert_eq!(v("去年6月5日，工程开工。次日下雨。"), ["2012-06-05", "2012-06-06"]);
//! // Days are not counted from a month: the value stays unknown rather than invented.
//! assert_eq!(v("去年6月，工程开工。次日下雨。"), ["2012-06", "XXXX-XX-XX"]);
//! ```
//!
//! How each part works: [`english`](self) and `chinese` recognise, `resolve` anchors
//! (its module docs list the rules), `events` builds the timeline. User corrections are
//! applied over it by [`apply`] (see `corrections` for the matching rule), and `export`
//! writes a timeline as TimelineJS3 JSON, CSV or Markdown.

mod article;
mod calendar;
mod chinese;
mod corrections;
mod english;
mod english_context;
mod error;
mod events;
mod export;
mod numbers;
mod resolve;
mod sentences;
mod spans;
mod timex;
mod value;

pub use article::{document_events, merge, publication_date, sort, ArticleEvent};
pub use corrections::{apply, AnchoredCorrection, Corrected, Correction, CorrectionKind};
pub use error::TimelineError;
pub use events::{events, Event, Mention};
pub use export::{to_csv, to_markdown, to_timelinejs, Titles, CSV_COLUMNS};
pub use timex::{Precision, Timex, TimexKind};
pub use value::{normalise_value, DatedValue};

use chrono::NaiveDate;
use sentences::Sentence;
use spans::{attach_clocks, select, CharOffsets};

/// Finds every temporal expression in `text` and anchors it, with `dct` (the publication
/// date) as the reference for deictic words. Sorted by position; spans never overlap.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    analyse(text, dct).timexes
}

/// Everything [`tag`] computes, kept for [`events`]: the sentences and each timex's sentence.
pub(crate) struct Analysis {
    pub timexes: Vec<Timex>,
    /// For each timex, the index of its sentence in `sentences`.
    pub sentence_of: Vec<usize>,
    pub sentences: Vec<Sentence>,
}

pub(crate) fn analyse(text: &str, dct: Option<NaiveDate>) -> Analysis {
    let mut found = Vec::new();
    english::recognise(text, &mut found);
    if !text.is_ascii() {
        chinese::recognise(text, &mut found);
    }
    let found = attach_clocks(text, select(found));
    let sentences = sentences::split(text);
    let resolved = resolve::resolve(text, &found, &sentences, dct);
    let offsets = CharOffsets::new(text);
    let mut timexes = Vec::with_capacity(found.len());
    let mut sentence_of = Vec::with_capacity(found.len());
    for (f, r) in found.iter().zip(resolved) {
        let period = r.period;
        timexes.push(Timex {
            start: offsets.of(f.start),
            end: offsets.of(f.end),
            text: text[f.start..f.end].to_string(),
            kind: f.kind,
            value: r.value,
            from: period.as_ref().map(|p| p.from),
            to: period.as_ref().map(|p| p.to),
            precision: period.and_then(|p| p.precision),
        });
        sentence_of.push(sentences::index_of(&sentences, f.start));
    }
    Analysis { timexes, sentence_of, sentences }
}
