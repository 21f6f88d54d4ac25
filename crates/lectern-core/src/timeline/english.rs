//! English recognisers: each regex finds one family of expressions, and a few lines of code
//! check the context a regex cannot see (word boundaries, the word before a bare month,
//! the labels and units that make `2021` a number rather than a year).
//!
//! Boundaries are checked in code rather than with `\b` so that every regex stays ASCII and
//! runs on the fast DFA engines even over Chinese text.

use super::english_context::*;
use super::numbers::{self, EN_NUMBER};
use super::timex::{Base, Desc, Found, Part, Rel, Season, TimexKind, Unit, YearRef};
use crate::published::month_number;
use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// "early", "mid-", "the end of" in front of a period.
const PART: &str = r"(?i:(?P<part>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)(?:\s+|-))?";

fn re(pattern: &str) -> Regex {
    let pattern = pattern
        .replace("{MONTH}", MONTH)
        .replace("{WEEKDAY}", WEEKDAY)
        .replace("{PART}", PART)
        .replace("{NUM}", EN_NUMBER);
    Regex::new(&pattern).expect("timeline regex")
}

/// Month-name dates: `March 2, 2021`, `2 March 2021`, `Monday, March 2`, `May 2010`,
/// `early December`, `late last July`.
static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x){PART}(?i:(?P<rel>last|this|next|past|coming)\s+)?(?:{WEEKDAY},?\s+(?:the\s+)?)?
        (?: (?P<mon>{MONTH})(?: ,?\s+(?:of\s+)?(?P<y0>\d{4}) | \s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))? )?
            (?:\s+of\s+(?P<yrel>(?i:this|last|next))\s+year)?
          | (?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{MONTH})(?:,?\s+(?P<y2>\d{4}))? )")
});
/// Numeric dates: ISO `2021-03-02`, `2021/3/2`, `2021.03.02`, and US `3/2/2021`.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<y2>\d{4})/(?P<m2>\d{1,2})/(?P<d2>\d{1,2})|(?P<y3>\d{4})\.(?P<m3>\d{1,2})\.(?P<d3>\d{1,2})|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y4>\d{4})",
    )
});
/// Years, with a part (`early 2011`, `mid-2020`) and ranges (`2009-2010`, `1957-58`).
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"{PART}(?P<y>\d{4})(?:(?P<dash>\s*[-–]\s*)(?P<y2>\d{4}|\d{2}))?"));
static DECADE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i:the\s+)?(?i:(?P<part>early|mid|late)(?:\s+|-))?(?:(?P<c>1\d|20)(?P<d>\d)0|'(?P<yy>\d)0)s")
});
static CENTURY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i:(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s+|-))?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century)")
});
static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?P<part>early|mid|late)(?:\s+|-))?(?i:(?P<rel>last|this|next|past|coming|the)\s+)?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?",
    )
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?i:the\s+)?(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?i:quarter)(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>(?i:this|last|next))\s+year|the\s+year))?|Q(?P<q2>[1-4])(?:\s+(?P<y2>\d{4}))?|(?P<y3>\d{4})\s*Q(?P<q3>[1-4]))",
    )
});
static WEEK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i:week\s+(?P<w>\d{1,2})\s+of\s+(?P<y>\d{4}))|(?P<iy>\d{4})-W(?P<iw>\d{2})"));
static WEEKDAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?P<rel>last|this|next|past|coming)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?(?:\s+(?i:(?P<tod>morning|afternoon|evening|night)))?",
    )
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)(?: (?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>(?i:[ap]\.?\s?m)\.?)(?:\s+(?P<z>GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|ET|PT))?
          | (?P<h2>\d{1,2}):(?P<mi2>\d{2})\s*(?P<z2>GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|ET|PT|(?i:local\s+time))
          | (?i:(?P<pre>at|by|until|till|before|after|from|since)\s+)(?P<noon>(?i:noon|midday|midnight)) )
        (?: ,?\s+(?:on\s+)?(?P<wd>{WEEKDAY}) | \s+(?P<dd>(?i:today|tomorrow|yesterday|tonight)) )?",
    )
});
static DEICTIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)|(?P<w>today|tonight|yesterday|tomorrow|now|currently|nowadays|presently|at\s+present|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)(?:\s+(?P<tod>morning|afternoon|evening|night))?)",
    )
});
static UNIT_REL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"{PART}(?i:(?P<det>the\s+)?(?P<rel>last|this|next|past|coming|previous|preceding|following|same|current|that|subsequent)\s+(?:fiscal\s+)?(?P<u>day|week|weekend|month|quarter|year|decade)|(?:the|that)\s+(?P<u2>week|month|year)|(?P<u3>year|month)-end)",
    )
});
static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?P<n>{NUM})[\s-]+(?P<u>day|week|month|year|decade)s?\s+(?P<dir>later|earlier|ago|afterwards?|after|before|prior|previously|from\s+now|hence))",
    )
});
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)(?i:(?:(?:the|these|those)\s+)?(?:(?:past|last|next|first|coming|following|previous|final|initial|remaining)\s+)?
        (?:(?:almost|nearly|about|around|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|up\s+to|only|just|a\s+mere|another|an\s+additional|a\s+further)\s+)?
        (?P<n>{NUM})[\s-]+(?P<u>second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ies))(?P<pl>s)?(?P<adj>-long|-old)?
        | (?P<r>recent|past|coming|next|last|the\s+past|the\s+last|the\s+next|the\s+coming)\s+(?P<u2>days|weeks|months|years|decades))",
    )
});
static SET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)(?i:(?:every|each)\s+(?:(?P<n>other|{NUM})\s+)?(?P<u>second|minute|hour|day|night|week|month|year|decade|morning|afternoon|evening|season|spring|summer|autumn|winter|{WEEKDAY})s?)
        | (?P<adv>daily|weekly|monthly|yearly|annually|hourly|quarterly|fortnightly|biweekly|nightly)
        | (?i:(?P<times>once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|every|each)\s+(?P<u2>day|week|month|year|decade|hour|minute))",
    )
});
static NTH: LazyLock<Regex> = LazyLock::new(|| re(r"(?i:on\s+)(?P<span>the\s+(?P<d>\d{1,2})(?:st|nd|rd|th))"));

/// Adds every English expression found in `text` to `out` (overlaps are settled later).
pub(crate) fn recognise(text: &str, out: &mut Vec<Found>) {
    month_dates(text, out);
    numeric_dates(text, out);
    years(text, out);
    decades(text, out);
    seasons(text, out);
    quarters(text, out);
    weeks(text, out);
    weekdays(text, out);
    clocks(text, out);
    deictics(text, out);
    unit_relatives(text, out);
    offsets(text, out);
    durations(text, out);
    sets(text, out);
    nths(text, out);
}

// ---------------------------------------------------------------------------------------
// Recognisers

fn month_dates(text: &str, out: &mut Vec<Found>) {
    for caps in MONTH_DATE.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let (Some(mon), day, year) = (
            caps.name("mon").or(caps.name("mon2")),
            caps.name("d").or(caps.name("d2")).and_then(|d| d.as_str().parse::<u32>().ok()),
            caps.name("y0").or(caps.name("y")).or(caps.name("y2")).and_then(|y| y.as_str().parse::<i32>().ok()),
        ) else {
            continue;
        };
        if !bounded(text, m.start(), m.end()) || glued_to_number(text, m.start(), m.end()) {
            continue;
        }
        let Some(month) = month_number(mon.as_str()) else {
            continue;
        };
        let abbreviated =
            mon.as_str().len() <= 5 && !matches!(mon.as_str(), "March" | "April" | "May" | "June" | "July");
        let part = part_of(&caps);
        let rel = rel_of(caps.name("rel").map(|r| r.as_str()));
        if day.is_none() && year.is_none() && caps.name("yrel").is_none() {
            // A bare month name: only after a cue word, and never abbreviated.
            let cued = part.is_some() || rel != Rel::None || in_list(MONTH_CUES, word_before(text, m.start()));
            if abbreviated || !cued {
                continue;
            }
        }
        if day.is_some_and(|d| !plausible_day(month, d)) || year.is_some_and(|y| !(1000..=2999).contains(&y)) {
            continue;
        }
        // "March 2 of this year", "June of last year": a year counted from the DCT.
        let counted = caps.name("yrel").map(|r| match rel_of(Some(r.as_str())) {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        });
        let year = match (year, counted, rel) {
            (Some(y), _, _) => YearRef::Given(y),
            (None, Some(k), _) => YearRef::Dct(k),
            (None, None, Rel::None) => YearRef::Implicit,
            (None, None, rel) => YearRef::Rel(rel),
        };
        out.push(Found::date(m.start(), m.end(), Desc::Date { year, month: Some(month), day }).with_part(part));
    }
}

fn numeric_dates(text: &str, out: &mut Vec<Found>) {
    for caps in NUMERIC_DATE.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let after = char_after(text, m.end());
        let iso_time = after == Some('T') && char_after(text, m.end() + 1).is_some_and(|c| c.is_ascii_digit());
        if !(bounded(text, m.start(), m.end()) || iso_time) || glued_to_number(text, m.start(), m.end()) {
            continue;
        }
        let (y, mo, d) = if let Some(y) = num(&caps, "y").or(num(&caps, "y2")).or(num(&caps, "y3")) {
            let mo = num(&caps, "m").or(num(&caps, "m2")).or(num(&caps, "m3"));
            let d = num(&caps, "d").or(num(&caps, "d2")).or(num(&caps, "d3"));
            (y as i32, mo, d)
        } else {
            // US order, unless the first number cannot be a month.
            let (a, b) = (num(&caps, "a"), num(&caps, "b"));
            let y = num(&caps, "y4").unwrap_or(0) as i32;
            if a.is_some_and(|a| a > 12) {
                (y, b, a)
            } else {
                (y, a, b)
            }
        };
        let (Some(mo), Some(d)) = (mo, d) else {
            continue;
        };
        if chrono::NaiveDate::from_ymd_opt(y, mo, d).is_none() || !(1000..=2999).contains(&y) {
            continue;
        }
        out.push(Found::date(
            m.start(),
            m.end(),
            Desc::Date { year: YearRef::Given(y), month: Some(mo), day: Some(d) },
        ));
    }
}

/// Whether a four-digit number at `start..end` reads as a year in its context.
fn year_in_context(text: &str, start: usize, end: usize) -> bool {
    if !bounded(text, start, end) || glued_to_number(text, start, end) || char_after(text, end) == Some('%') {
        return false;
    }
    let before = word_before(text, start);
    let after = word_after(text, end);
    if in_list(NUMBER_LABELS, before) || in_list(NUMBER_UNITS, after) {
        return false;
    }
    if before.chars().all(|c| c.is_ascii_digit()) && !before.is_empty() {
        return false; // "555 2021": part of a longer number
    }
    // "the 1990 Club": a number inside a name.
    let tail = text.get(end..).unwrap_or("");
    let spaced = tail.starts_with(' ');
    !(before.eq_ignore_ascii_case("the") && spaced && is_capitalised(after) && month_number(after).is_none())
}

fn years(text: &str, out: &mut Vec<Found>) {
    for caps in YEAR.captures_iter(text) {
        let y = caps.name("y").expect("year");
        let Ok(year) = y.as_str().parse::<i32>() else {
            continue;
        };
        if !(1000..=2199).contains(&year) {
            continue;
        }
        let second = caps.name("y2");
        // A range's end is checked as the range's end; a bad one drops the whole match.
        let end = second.map_or(y.end(), |s| s.end());
        if !year_in_context(text, y.start(), y.end()) && second.is_none() {
            continue;
        }
        if second.is_some() && !year_in_context(text, y.start(), end) {
            continue;
        }
        let start = caps.get(0).expect("match").start();
        if let Some(second) = second {
            let Ok(n) = second.as_str().parse::<i32>() else {
                continue;
            };
            let year2 = if second.len() == 2 { year / 100 * 100 + n } else { n };
            if year2 <= year || year2 - year > 100 {
                continue; // "2021-5555": an identifier, not a range
            }
            out.push(Found::date(start, y.end(), Desc::Year(YearRef::Given(year))).with_part(part_of(&caps)));
            out.push(Found::date(second.start(), second.end(), Desc::Year(YearRef::Given(year2))));
        } else {
            out.push(Found::date(start, y.end(), Desc::Year(YearRef::Given(year))).with_part(part_of(&caps)));
        }
    }
}

fn decades(text: &str, out: &mut Vec<Found>) {
    for caps in DECADE.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) || glued_to_number(text, m.start(), m.end()) {
            continue;
        }
        let start = if let (Some(c), Some(d)) = (num(&caps, "c"), num(&caps, "d")) {
            (c * 100 + d * 10) as i32
        } else if let Some(yy) = num(&caps, "yy") {
            if yy >= 3 {
                1900 + 10 * yy as i32
            } else {
                2000 + 10 * yy as i32
            }
        } else {
            continue;
        };
        out.push(Found::date(m.start(), m.end(), Desc::Decade(start)).with_part(part_of(&caps)));
    }
    for caps in CENTURY.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if let (true, Some(n)) = (bounded(text, m.start(), m.end()), num(&caps, "n")) {
            if (1..=30).contains(&n) {
                out.push(Found::date(m.start(), m.end(), Desc::Century(n as i32)).with_part(part_of(&caps)));
            }
        }
    }
}

fn seasons(text: &str, out: &mut Vec<Found>) {
    for caps in SEASON.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) {
            continue;
        }
        let name = caps["s"].to_ascii_lowercase();
        let season = match name.as_str() {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "autumn" | "fall" => Season::Fall,
            _ => Season::Winter,
        };
        let year = num(&caps, "y").map(|y| y as i32);
        let rel_word = caps.name("rel").map(|r| r.as_str().to_ascii_lowercase());
        let rel = rel_of(rel_word.as_deref());
        let year = match (year, rel) {
            (Some(y), _) => YearRef::Given(y),
            (None, Rel::None) => {
                // "in the summer", "during winter"; "the fall of Rome" and "fall" alone are not seasons.
                // "The summer timetable" is: after "the", summer, autumn and winter have no
                // other common sense (spring and fall do: water, a drop).
                let cue_at = caps.name("rel").map_or(m.start(), |r| r.start());
                let cue_at = caps.name("part").map_or(cue_at, |p| p.start().min(cue_at));
                let unambiguous =
                    rel_word.as_deref() == Some("the") && matches!(name.as_str(), "summer" | "autumn" | "winter");
                if name == "fall"
                    || !(unambiguous || in_list(MONTH_CUES, word_before(text, cue_at)))
                    || word_after(text, m.end()) == "of"
                {
                    continue;
                }
                YearRef::Implicit
            }
            (None, rel) => YearRef::Rel(rel),
        };
        out.push(Found::date(m.start(), m.end(), Desc::Season(year, season)).with_part(part_of(&caps)));
    }
}

fn quarters(text: &str, out: &mut Vec<Found>) {
    for caps in QUARTER.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) {
            continue;
        }
        let q = match caps.name("q").map(|q| q.as_str().to_ascii_lowercase()) {
            Some(q) => match q.as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            },
            None => num(&caps, "q2").or(num(&caps, "q3")).unwrap_or(1),
        };
        let year = match (num(&caps, "y").or(num(&caps, "y2")).or(num(&caps, "y3")), caps.name("rel")) {
            (Some(y), _) => YearRef::Given(y as i32),
            (None, Some(r)) => YearRef::Dct(match rel_of(Some(r.as_str())) {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            }),
            (None, None) => YearRef::Implicit,
        };
        out.push(Found::date(m.start(), m.end(), Desc::Quarter(year, q)));
    }
}

fn weeks(text: &str, out: &mut Vec<Found>) {
    for caps in WEEK.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let y = num(&caps, "y").or(num(&caps, "iy"));
        let w = num(&caps, "w").or(num(&caps, "iw"));
        if let (true, Some(y), Some(w)) = (bounded(text, m.start(), m.end()), y, w) {
            if (1..=53).contains(&w) {
                out.push(Found::date(m.start(), m.end(), Desc::Week(y as i32, w)));
            }
        }
    }
}

fn weekdays(text: &str, out: &mut Vec<Found>) {
    for caps in WEEKDAY_RE.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let Some(wd) = weekday(&caps["wd"]) else {
            continue;
        };
        if !bounded(text, m.start(), m.end()) || in_list(HOLIDAY_PREFIXES, word_before(text, m.start())) {
            continue;
        }
        let next = word_after(text, m.end());
        if text.get(m.end()..).is_some_and(|t| t.starts_with(' '))
            && is_capitalised(next)
            && month_number(next).is_none()
        {
            continue; // "Sunday Times", "Friday Night Lights"
        }
        if caps.name("pl").is_some() {
            let value = format!("XXXX-WXX-{}", wd.number_from_monday());
            out.push(Found { kind: TimexKind::Set, ..Found::date(m.start(), m.end(), Desc::Set(value)) });
            continue;
        }
        let rel = rel_of(caps.name("rel").map(|r| r.as_str()));
        let time = time_of_day(caps.name("tod").map(|t| t.as_str()));
        out.push(Found::date(m.start(), m.end(), Desc::Weekday(wd, rel)).with_time(time));
    }
}

fn clocks(text: &str, out: &mut Vec<Found>) {
    for caps in CLOCK.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let start = caps.name("pre").map_or(m.start(), |p| {
            // "at noon": the preposition is context, not part of the expression.
            caps.name("noon").map_or(p.start(), |n| n.start())
        });
        if !bounded(text, m.start(), m.end()) && !text[..m.end()].ends_with('.') {
            continue;
        }
        if glued_to_number(text, start, m.end()) {
            continue;
        }
        let (h, mi) = if let Some(h) = num(&caps, "h") {
            let pm = caps["ap"].to_ascii_lowercase().starts_with('p');
            if !(1..=12).contains(&h) {
                continue;
            }
            (h % 12 + if pm { 12 } else { 0 }, num(&caps, "mi").unwrap_or(0))
        } else if let Some(h) = num(&caps, "h2") {
            (h, num(&caps, "mi2").unwrap_or(0))
        } else if let Some(noon) = caps.name("noon") {
            (if noon.as_str().eq_ignore_ascii_case("midnight") { 0 } else { 12 }, 0)
        } else {
            continue;
        };
        if h > 23 || mi > 59 {
            continue;
        }
        let time = Some(format!("T{h:02}:{mi:02}"));
        let desc = if let Some(wd) = caps.name("wd").and_then(|w| weekday(w.as_str())) {
            Desc::Weekday(wd, Rel::None)
        } else if let Some(dd) = caps.name("dd") {
            match dd.as_str().to_ascii_lowercase().as_str() {
                "yesterday" => Desc::Shift(Base::Dct, Unit::Day, -1),
                "tomorrow" => Desc::Shift(Base::Dct, Unit::Day, 1),
                _ => Desc::Shift(Base::Dct, Unit::Day, 0),
            }
        } else {
            Desc::Shift(Base::Narrative, Unit::Day, 0)
        };
        out.push(Found::date(start, m.end(), desc).with_time(time));
    }
}

fn deictics(text: &str, out: &mut Vec<Found>) {
    for caps in DEICTIC.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) {
            continue;
        }
        let found =
            |desc, time: Option<&str>| Found::date(m.start(), m.end(), desc).with_time(time.map(str::to_string));
        if caps.name("dby").is_some() {
            out.push(found(Desc::Shift(Base::Dct, Unit::Day, -2), None));
            continue;
        }
        if caps.name("dat").is_some() {
            out.push(found(Desc::Shift(Base::Dct, Unit::Day, 2), None));
            continue;
        }
        let word = caps["w"].to_ascii_lowercase();
        let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
        let tod = time_of_day(caps.name("tod").map(|t| t.as_str()));
        let f = match word.as_str() {
            "now" | "currently" | "nowadays" | "presently" | "at present" => {
                if caps.name("tod").is_some() {
                    continue;
                }
                found(Desc::Present, None)
            }
            "today" => Found::date(m.start(), m.end(), Desc::Shift(Base::Dct, Unit::Day, 0)).with_time(tod),
            "tonight" => found(Desc::Shift(Base::Dct, Unit::Day, 0), Some("TNI")),
            "yesterday" => Found::date(m.start(), m.end(), Desc::Shift(Base::Dct, Unit::Day, -1)).with_time(tod),
            "tomorrow" => Found::date(m.start(), m.end(), Desc::Shift(Base::Dct, Unit::Day, 1)).with_time(tod),
            "last night" => found(Desc::Shift(Base::Dct, Unit::Day, -1), Some("TNI")),
            this_part => {
                let code = time_of_day(this_part.split_whitespace().nth(1));
                Found::date(m.start(), m.end(), Desc::Shift(Base::Dct, Unit::Day, 0)).with_time(code)
            }
        };
        out.push(f);
    }
}

fn unit_relatives(text: &str, out: &mut Vec<Found>) {
    for caps in UNIT_REL.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) {
            continue;
        }
        let part = part_of(&caps);
        if let Some(u) = caps.name("u2").or(caps.name("u3")) {
            // "the end of the year", "year-end": only with a part, in the narrative's year.
            let part = part.or(caps.name("u3").map(|_| Part::End));
            let Some(unit) = unit(u.as_str()) else {
                continue;
            };
            if part.is_some() {
                out.push(Found::date(m.start(), m.end(), Desc::Shift(Base::Narrative, unit, 0)).with_part(part));
            }
            continue;
        }
        let Some(unit) = unit(&caps["u"]) else {
            continue;
        };
        let det = caps.name("det").is_some();
        let rel = caps["rel"].to_ascii_lowercase();
        let (base, n) = match rel.as_str() {
            "last" | "past" => (Base::Dct, -1),
            "this" | "current" => (Base::Dct, 0),
            "next" if det => (Base::Narrative, 1),
            "next" | "coming" => (Base::Dct, 1),
            "following" | "subsequent" => (Base::Narrative, 1),
            "previous" | "preceding" => (Base::Narrative, -1),
            _ => (Base::Narrative, 0), // same, that
        };
        // "the last week of March" is a part of March, not the week before publication.
        if word_after(text, m.end()) == "of" && det {
            continue;
        }
        out.push(Found::date(m.start(), m.end(), Desc::Shift(base, unit, n)).with_part(part));
    }
}

fn offsets(text: &str, out: &mut Vec<Found>) {
    for caps in OFFSET.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) || glued_to_number(text, m.start(), m.end()) {
            continue;
        }
        let (Some(n), Some(unit)) = (numbers::english(&caps["n"]), unit(&caps["u"])) else {
            continue;
        };
        let dir = caps["dir"].to_ascii_lowercase();
        if word_after(text, m.end()).eq_ignore_ascii_case("than") {
            continue; // "a month earlier than usual" compares, it does not count
        }
        let (base, sign) = match dir.as_str() {
            "ago" => (Base::Dct, -1),
            "later" | "afterwards" | "afterward" => (Base::Narrative, 1),
            "earlier" | "prior" | "previously" => (Base::Narrative, -1),
            "after" | "before" => {
                // "two days before the vote" counts from an event, not from the narrative.
                let next = char_after(text, m.end());
                if next.is_some_and(|c| c.is_alphanumeric() || c == ' ' && !word_after(text, m.end()).is_empty()) {
                    continue;
                }
                (Base::Narrative, if dir == "after" { 1 } else { -1 })
            }
            _ => (Base::Dct, 1), // from now, hence
        };
        out.push(Found::date(m.start(), m.end(), Desc::Shift(base, unit, sign * n as i32)));
    }
}

fn duration_value(n: Option<u32>, unit: &str) -> String {
    let n = |k: u32| n.map_or("X".to_string(), |n| (n * k).to_string());
    match unit.to_ascii_lowercase().trim_end_matches('s') {
        "second" => format!("PT{}S", n(1)),
        "minute" => format!("PT{}M", n(1)),
        "hour" => format!("PT{}H", n(1)),
        "day" | "night" => format!("P{}D", n(1)),
        "week" => format!("P{}W", n(1)),
        "fortnight" => format!("P{}W", n(2)),
        "month" => format!("P{}M", n(1)),
        "decade" => format!("P{}Y", n(10)),
        "century" | "centurie" => format!("P{}Y", n(100)),
        _ => format!("P{}Y", n(1)),
    }
}

fn durations(text: &str, out: &mut Vec<Found>) {
    for caps in DURATION.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) || glued_to_number(text, m.start(), m.end()) {
            continue;
        }
        let value = if let Some(u) = caps.name("u2") {
            duration_value(None, u.as_str())
        } else {
            let u = &caps["u"];
            let after = word_after(text, m.end()).to_ascii_lowercase();
            if caps.name("adj").is_some_and(|a| a.as_str().eq_ignore_ascii_case("-old")) || after == "old" {
                continue; // ages
            }
            let nword = caps["n"].to_ascii_lowercase();
            if matches!(nword.as_str(), "a" | "an")
                && in_list(&["once", "twice", "thrice", "times", "per"], word_before(text, m.start()))
            {
                continue; // "twice a week" is a set
            }
            duration_value(numbers::english(&nword), u)
        };
        let f = Found { kind: TimexKind::Duration, ..Found::date(m.start(), m.end(), Desc::Duration(value)) };
        out.push(f);
    }
}

fn sets(text: &str, out: &mut Vec<Found>) {
    for caps in SET.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !bounded(text, m.start(), m.end()) {
            continue;
        }
        let value = if let Some(adv) = caps.name("adv") {
            match adv.as_str() {
                "daily" => "P1D",
                "weekly" => "P1W",
                "monthly" => "P1M",
                "yearly" | "annually" => "P1Y",
                "hourly" => "PT1H",
                "quarterly" => "P3M",
                "nightly" => "XXXX-XX-XXTNI",
                _ => "P2W",
            }
            .to_string()
        } else if let Some(u) = caps.name("u2") {
            duration_value(Some(1), u.as_str())
        } else {
            let u = caps["u"].to_ascii_lowercase();
            let n = match caps.name("n").map(|n| n.as_str().to_ascii_lowercase()) {
                Some(n) if n == "other" => Some(2),
                Some(n) => numbers::english(&n),
                None => Some(1),
            };
            if let Some(wd) = weekday(&u).filter(|_| u.ends_with("day") && u.len() > 5) {
                format!("XXXX-WXX-{}", wd.number_from_monday())
            } else if let Some(code) = time_of_day(Some(u.as_str())) {
                format!("XXXX-XX-XX{code}")
            } else {
                match u.as_str() {
                    "spring" => "XXXX-SP".to_string(),
                    "summer" => "XXXX-SU".to_string(),
                    "autumn" => "XXXX-FA".to_string(),
                    "winter" => "XXXX-WI".to_string(),
                    "season" => "P3M".to_string(),
                    _ => duration_value(n, &u),
                }
            }
        };
        out.push(Found { kind: TimexKind::Set, ..Found::date(m.start(), m.end(), Desc::Set(value)) });
    }
}

fn nths(text: &str, out: &mut Vec<Found>) {
    for caps in NTH.captures_iter(text) {
        let span = caps.name("span").expect("span");
        let Some(d) = num(&caps, "d").filter(|d| (1..=31).contains(d)) else {
            continue;
        };
        if bounded(text, caps.get(0).expect("match").start(), span.end()) && word_after(text, span.end()) != "of" {
            let desc = Desc::Date { year: YearRef::Implicit, month: None, day: Some(d) };
            out.push(Found::date(span.start(), span.end(), desc));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Desc)> {
        let mut out = Vec::new();
        recognise(text, &mut out);
        let mut kept = super::super::spans::select(out);
        kept.sort_by_key(|f| f.start);
        kept.into_iter().map(|f| (text[f.start..f.end].to_string(), f.desc)).collect()
    }

    fn spans(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn absolute_dates_in_common_formats() {
        for text in
            ["March 2, 2021", "2 March 2021", "2021-03-02", "3/2/2021", "Tuesday, March 2, 2021", "Mar. 2, 2021"]
        {
            let all = found(text);
            assert_eq!(all.len(), 1, "{text}: {all:?}");
            assert_eq!(all[0].1, Desc::Date { year: YearRef::Given(2021), month: Some(3), day: Some(2) }, "{text}");
            assert_eq!(all[0].0, text);
        }
    }

    #[test]
    fn bare_months_need_a_cue() {
        assert_eq!(spans("It happened in May."), ["May"]);
        assert_eq!(spans("Theresa May said so. May said no."), Vec::<String>::new());
        assert_eq!(spans("in early December"), ["early December"]);
        assert_eq!(spans("late last July"), ["late last July"]);
    }

    #[test]
    fn false_friends_are_not_dates() {
        for text in [
            "the 1990 Club met",
            "see page 2021",
            "version 10.3",
            "Room 2024 is empty",
            "call 555-2021 now please",
            "3/4 of the members",
            "a sum of $2,020",
            "2000 people came",
            "It cost $2020.",
        ] {
            let dates: Vec<_> = found(text).into_iter().filter(|(_, d)| !matches!(d, Desc::Present)).collect();
            assert!(dates.is_empty(), "{text}: {dates:?}");
        }
    }

    #[test]
    fn years_ranges_decades_and_quarters() {
        assert_eq!(spans("the pandemic of 2009-2010, when"), ["2009", "2010"]);
        assert_eq!(spans("the expedition of 1957-58"), ["1957", "58"]);
        assert_eq!(found("in the 1990s")[0].1, Desc::Decade(1990));
        assert_eq!(found("the first quarter of 2020")[0].1, Desc::Quarter(YearRef::Given(2020), 1));
        assert_eq!(found("summer 2023")[0].1, Desc::Season(YearRef::Given(2023), Season::Summer));
        assert_eq!(found("week 10 of 2024")[0].1, Desc::Week(2024, 10));
    }

    #[test]
    fn relatives_durations_and_sets() {
        assert_eq!(found("two days later")[0].1, Desc::Shift(Base::Narrative, Unit::Day, 2));
        assert_eq!(found("four years ago")[0].1, Desc::Shift(Base::Dct, Unit::Year, -4));
        assert_eq!(found("the following month")[0].1, Desc::Shift(Base::Narrative, Unit::Month, 1));
        assert_eq!(found("last week")[0].1, Desc::Shift(Base::Dct, Unit::Week, -1));
        assert_eq!(found("for 37 days")[0].1, Desc::Duration("P37D".into()));
        assert_eq!(found("three years")[0].1, Desc::Duration("P3Y".into()));
        assert_eq!(found("every 3 days")[0].1, Desc::Set("P3D".into()));
        assert_eq!(found("it is published weekly")[0].1, Desc::Set("P1W".into()));
        assert_eq!(spans("two days before the vote"), ["two days"]);
        assert_eq!(spans("his 22-year-old son"), Vec::<String>::new());
    }

    #[test]
    fn times_and_weekdays() {
        assert_eq!(spans("Call me Sunday night at 8 PM at the resort"), ["Sunday night", "8 PM"]);
        assert_eq!(spans("postponed until 15:00 GMT Saturday due to snow"), ["15:00 GMT Saturday"]);
        assert_eq!(spans("read the Sunday Times on Good Friday"), Vec::<String>::new());
    }
}
