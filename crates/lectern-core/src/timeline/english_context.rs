//! Context for the English recognisers: the word lists that decide whether a month name or a
//! four-digit number is a date, and the helpers that look at the words around a match.

use super::timex::{Part, Rel, Unit};
use chrono::Weekday;
use regex::Captures;
/// Words after which a bare month name is a date ("in May", not "Theresa May").
pub(crate) const MONTH_CUES: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "throughout",
    "during",
    "before",
    "after",
    "between",
    "and",
    "or",
    "of",
    "early",
    "late",
    "mid",
    "around",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "as",
    "for",
    "into",
    "within",
    "including",
    "except",
    "than",
    "the",
];
/// Words before a number that make it a label, an amount or a count.
pub(crate) const NUMBER_LABELS: &[&str] = &[
    "page",
    "pages",
    "p",
    "pp",
    "room",
    "rooms",
    "version",
    "v",
    "no",
    "number",
    "nos",
    "flight",
    "route",
    "highway",
    "model",
    "chapter",
    "article",
    "section",
    "line",
    "table",
    "figure",
    "fig",
    "item",
    "rule",
    "bus",
    "apartment",
    "suite",
    "box",
    "unit",
    "code",
    "vol",
    "volume",
    "issue",
    "exhibit",
    "gate",
    "platform",
    "seat",
    "channel",
    "track",
    "level",
    "episode",
    "order",
    "than",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "total",
    "totalling",
    "totaling",
    "additional",
    "extra",
    "another",
    "some",
    "about",
    "over",
    "under",
    "only",
    "just",
    "exactly",
    "reached",
    "hit",
    "score",
    "scored",
    "rank",
    "ranked",
    "mile",
    "km",
    "kilometre",
    "kilometer",
    "zip",
    "postcode",
    "call",
    "dial",
    "ext",
    "extension",
    "pin",
    "id",
    "tel",
    "phone",
    "street",
    "avenue",
    "road",
];
/// Words after a number that make it a count or a measure.
pub(crate) const NUMBER_UNITS: &[&str] = &[
    "people",
    "persons",
    "workers",
    "employees",
    "staff",
    "members",
    "students",
    "children",
    "patients",
    "residents",
    "troops",
    "soldiers",
    "votes",
    "cases",
    "deaths",
    "units",
    "cars",
    "homes",
    "houses",
    "households",
    "jobs",
    "words",
    "pages",
    "calories",
    "points",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "meters",
    "metres",
    "feet",
    "ft",
    "kg",
    "tons",
    "tonnes",
    "yuan",
    "dollars",
    "euros",
    "pounds",
    "mph",
    "acres",
    "hectares",
    "m",
    "cm",
    "mm",
    "g",
    "lb",
    "lbs",
    "gb",
    "mb",
    "kw",
    "mw",
    "hp",
    "pixels",
    "copies",
    "times",
    "years",
    "days",
    "months",
    "hours",
    "minutes",
    "seconds",
    "weeks",
    "rooms",
    "beds",
    "shares",
    "barrels",
    "degrees",
    "percent",
    "per",
    "items",
    "signatures",
    "visitors",
    "participants",
    "companies",
    "firms",
    "vehicles",
    "users",
    "officers",
    "police",
];
pub(crate) const HOLIDAY_PREFIXES: &[&str] =
    &["good", "black", "cyber", "ash", "palm", "holy", "easter", "super", "bloody", "giving"];

pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

pub(crate) fn char_after(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// True when the span does not cut a word or a number in two.
pub(crate) fn bounded(text: &str, start: usize, end: usize) -> bool {
    let cut = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !cut(char_before(text, start)) && !cut(char_after(text, end))
}

/// True when a number at `start..end` is glued to another number (`1.2021`, `2,020`, `555-2021`).
pub(crate) fn glued_to_number(text: &str, start: usize, end: usize) -> bool {
    let before = char_before(text, start);
    let glued_before = before.is_some_and(|c| matches!(c, '.' | ',' | ':' | '/' | '-'))
        && char_before(text, start - 1).is_some_and(|c| c.is_ascii_digit());
    let after = char_after(text, end);
    let glued_after = after.is_some_and(|c| matches!(c, '.' | ',' | ':' | '/' | '-'))
        && char_after(text, end + 1).is_some_and(|c| c.is_ascii_digit());
    glued_before || glued_after || before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '#'))
}

/// The word (letters, digits, apostrophes, dots inside) that ends just before `i`, skipping spaces.
pub(crate) fn word_before(text: &str, i: usize) -> &str {
    let head = text.get(..i).unwrap_or("").trim_end();
    let head = head.strip_suffix('.').unwrap_or(head);
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\''))
        .map_or(0, |(j, c)| j + c.len_utf8());
    &head[start..]
}

/// The word that starts just after `i`, skipping spaces.
pub(crate) fn word_after(text: &str, i: usize) -> &str {
    let tail = text.get(i..).unwrap_or("").trim_start();
    let end = tail.find(|c: char| !(c.is_alphanumeric() || c == '\'')).unwrap_or(tail.len());
    &tail[..end]
}

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(crate) fn in_list(list: &[&str], word: &str) -> bool {
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

pub(crate) fn part_of(caps: &Captures) -> Option<Part> {
    let p = caps.name("part")?.as_str().to_ascii_lowercase();
    Some(if p.starts_with("early") || p.contains("beginning") || p.contains("start") {
        Part::Early
    } else if p.starts_with("mid") || p.contains("middle") {
        Part::Mid
    } else if p.starts_with("late") {
        Part::Late
    } else {
        Part::End
    })
}

pub(crate) fn rel_of(word: Option<&str>) -> Rel {
    match word.map(|w| w.to_ascii_lowercase()).as_deref() {
        Some("last" | "past") => Rel::Last,
        Some("this") => Rel::This,
        Some("next" | "coming") => Rel::Next,
        _ => Rel::None,
    }
}

pub(crate) fn num(caps: &Captures, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

pub(crate) fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.get(..3)?.to_ascii_lowercase().as_str() {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

pub(crate) fn unit(word: &str) -> Option<Unit> {
    let w = word.to_ascii_lowercase();
    Some(match w.trim_end_matches('s') {
        "day" | "night" => Unit::Day,
        "week" | "weekend" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

pub(crate) fn time_of_day(word: Option<&str>) -> Option<String> {
    let code = match word?.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" | "tonight" => "TNI",
        _ => return None,
    };
    Some(code.to_string())
}

pub(crate) fn plausible_day(month: u32, day: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(2000, month, day).is_some()
}
