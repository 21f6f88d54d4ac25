//! Writing a timeline for other tools (DESIGN §5): TimelineJS3 JSON, CSV and Markdown.
//!
//! Every format takes the events (already corrected, hidden ones left out by the caller) and
//! the titles of their articles. Text from articles is untrusted: TimelineJS renders HTML, so
//! it is escaped there; spreadsheets run formulas, so CSV cells that would start one are
//! defused; Markdown punctuation is escaped so a sentence cannot turn into a link or a list.

use super::article::ArticleEvent;
use super::timex::Precision;
use crate::store::ArticleId;
use chrono::{Datelike, NaiveDate};
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

/// The title of each article, by id; an article missing here is shown by its id.
pub type Titles = HashMap<ArticleId, String>;

fn title_of<'a>(titles: &'a Titles, id: &'a ArticleId) -> &'a str {
    titles.get(id).map_or(id.0.as_str(), String::as_str)
}

/// The timeline as a [TimelineJS3](https://timeline.knightlab.com/docs/json-format.html) data
/// object: a title slide and one slide per event. Dates carry only the fields the event's
/// precision knows (a month is `{year, month}`); a period longer than its first unit has an
/// `end_date`, and a `display_date` with its value when the grain (season, quarter, week,
/// decade) has no TimelineJS spelling. With more than one article, each slide's `group` is its
/// article's title. Headline and text are HTML-escaped.
pub fn to_timelinejs(title: &str, events: &[ArticleEvent], titles: &Titles) -> Value {
    let articles: BTreeSet<&ArticleId> = events.iter().map(|e| &e.article).collect();
    let slides: Vec<Value> = events
        .iter()
        .map(|e| {
            let ev = &e.event;
            let (start, end) = tl_dates(ev.from, ev.to, ev.precision);
            let mut slide = Map::new();
            slide.insert("start_date".into(), start);
            if let Some(end) = end {
                slide.insert("end_date".into(), end);
            }
            if !matches!(ev.precision, Precision::Day | Precision::Month | Precision::Year) {
                slide.insert("display_date".into(), json!(ev.value));
            }
            let text = format!(
                "<p>{}</p><p><cite>{}</cite></p>",
                mark_mention(&ev.sentence, ev.mention.start.saturating_sub(ev.sentence_start), &ev.mention.text),
                escape_html(title_of(titles, &e.article))
            );
            slide.insert("text".into(), json!({"headline": escape_html(&headline(&ev.sentence)), "text": text}));
            if articles.len() > 1 {
                slide.insert("group".into(), json!(escape_html(title_of(titles, &e.article))));
            }
            slide.insert("unique_id".into(), json!(format!("{}-{}", e.article.0, ev.mention.start)));
            Value::Object(slide)
        })
        .collect();
    let subtitle = format!("{} events from {} article{}", events.len(), articles.len(), plural(articles.len()));
    json!({"title": {"text": {"headline": escape_html(title), "text": subtitle}}, "events": slides})
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// TimelineJS date objects for a period: start, and an end when it spans more than its first
/// unit.
fn tl_dates(from: NaiveDate, to: NaiveDate, precision: Precision) -> (Value, Option<Value>) {
    let day = |d: NaiveDate| json!({"year": d.year(), "month": d.month(), "day": d.day()});
    let month = |d: NaiveDate| json!({"year": d.year(), "month": d.month()});
    let year = |d: NaiveDate| json!({"year": d.year()});
    match precision {
        Precision::Day => (day(from), None),
        Precision::Week => (day(from), Some(day(to))),
        Precision::Month => (month(from), None),
        Precision::Season | Precision::Quarter => (month(from), Some(month(to))),
        Precision::Year => (year(from), None),
        Precision::Decade => (year(from), Some(year(to))),
    }
}

/// The sentence, escaped, with its mention (at code point `at` in it) in `<mark>`.
fn mark_mention(sentence: &str, at: usize, mention: &str) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    let len = mention.chars().count();
    if chars.get(at..at + len).is_none_or(|m| !m.iter().copied().eq(mention.chars())) {
        return escape_html(sentence);
    }
    let part = |r: std::ops::Range<usize>| escape_html(&chars[r].iter().collect::<String>());
    format!("{}<mark>{}</mark>{}", part(0..at), part(at..at + len), part(at + len..chars.len()))
}

/// A short headline: the sentence up to about twelve words.
fn headline(sentence: &str) -> String {
    const WORDS: usize = 12;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() > WORDS {
        return format!("{}…", words[..WORDS].join(" "));
    }
    // CJK text has no spaces: cut by characters instead.
    let chars: Vec<char> = sentence.chars().collect();
    if chars.len() > 60 {
        return format!("{}…", chars[..60].iter().collect::<String>());
    }
    words.join(" ")
}

/// Escapes text for HTML element content and attributes.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 8] = ["value", "from", "to", "precision", "article", "title", "mention", "sentence"];

/// The timeline as CSV (RFC 4180: a header row, CRLF line ends, fields with a comma, quote or
/// line break quoted, quotes doubled). A cell starting with `=`, `+`, `-` or `@` is prefixed
/// with `'` so a spreadsheet shows it instead of running it as a formula.
pub fn to_csv(events: &[ArticleEvent], titles: &Titles) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for e in events {
        let ev = &e.event;
        let precision = serde_json::to_value(ev.precision).ok().and_then(|v| v.as_str().map(str::to_string));
        push_row(
            &mut out,
            [
                ev.value.clone(),
                ev.from.to_string(),
                ev.to.to_string(),
                precision.unwrap_or_default(),
                e.article.0.clone(),
                title_of(titles, &e.article).to_string(),
                ev.mention.text.clone(),
                ev.sentence.clone(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

fn csv_cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The timeline as Markdown: a `#` title, a `##` heading per year and a `###` heading per
/// month, each event a bullet `**value** sentence — *article title*`. Events longer than a
/// month (seasons, quarters, years, decades) are listed under their first year, before its
/// months.
pub fn to_markdown(title: &str, events: &[ArticleEvent], titles: &Titles) -> String {
    let mut out = format!("# {}\n", escape_markdown(title));
    if events.is_empty() {
        out.push_str("\nNo dated events.\n");
        return out;
    }
    let mut years: Vec<i32> = events.iter().map(|e| e.event.from.year()).collect();
    years.dedup();
    for year in years {
        let _ = write!(out, "\n## {year}\n\n");
        let in_year: Vec<&ArticleEvent> = events.iter().filter(|e| e.event.from.year() == year).collect();
        let coarse = |e: &&&ArticleEvent| e.event.precision > Precision::Month;
        for e in in_year.iter().filter(coarse) {
            bullet(&mut out, e, titles);
        }
        let mut month = None;
        for e in in_year.iter().filter(|e| !coarse(e)) {
            if month != Some(e.event.from.month()) {
                month = Some(e.event.from.month());
                let _ = write!(
                    out,
                    "{}### {}\n\n",
                    if out.ends_with("\n\n") { "" } else { "\n" },
                    MONTHS[e.event.from.month0() as usize]
                );
            }
            bullet(&mut out, e, titles);
        }
    }
    out
}

fn bullet(out: &mut String, e: &ArticleEvent, titles: &Titles) {
    let sentence = e.event.sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let _ = writeln!(
        out,
        "- **{}** {} — *{}*",
        e.event.value,
        escape_markdown(&sentence),
        escape_markdown(title_of(titles, &e.article))
    );
}

/// Backslash-escapes the Markdown punctuation that could change a line's meaning.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_quote_and_defuse() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn html_is_escaped_and_the_mention_marked() {
        assert_eq!(escape_html("<b>&\"</b>"), "&lt;b&gt;&amp;&quot;&lt;/b&gt;");
        assert_eq!(mark_mention("On <May 2> it", 3, "<May 2>"), "On <mark>&lt;May 2&gt;</mark> it");
        // A mention that does not sit where it says is not marked, still escaped.
        assert_eq!(mark_mention("a < b", 0, "zz"), "a &lt; b");
    }

    #[test]
    fn headlines_are_short() {
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen";
        assert_eq!(headline(long), "one two three four five six seven eight nine ten eleven twelve…");
        assert_eq!(headline("Short one."), "Short one.");
    }
}
