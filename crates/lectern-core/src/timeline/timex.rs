//! The tagger's vocabulary: the public [`Timex`] and its kinds and precisions, and the
//! internal, not yet anchored description ([`Desc`]) that the recognisers produce.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// One temporal expression found in a text, anchored and normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Start, in Unicode code points into the text.
    pub start: usize,
    /// End (exclusive), in Unicode code points into the text.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// DATE, TIME, DURATION or SET (TIMEX3 types).
    #[serde(rename = "type")]
    pub kind: TimexKind,
    /// TIMEX3-style value: `2020-01-23`, `2020-01`, `2020`, `2023-SU`, `2024-W10`, `2020-Q1`,
    /// `199` (a decade), `P37D` (a duration), `PRESENT_REF`; `X` marks what is unknown
    /// (`XXXX-03-02` for a month-day that nothing anchors).
    pub value: String,
    /// First day covered (inclusive), when the expression is a placeable date.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso_date::option")]
    pub from: Option<NaiveDate>,
    /// Last day covered (inclusive), when the expression is a placeable date.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso_date::option")]
    pub to: Option<NaiveDate>,
    /// The grain of `value`, when it is one of the calendar grains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
}

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    /// A calendar date or period: `March 2, 2021`, `last year`, `2020-Q1`.
    Date,
    /// A time of day, possibly with its date: `8 p.m.`, `Friday afternoon`.
    Time,
    /// A length of time: `37 days`, `两周`. Never placed on the timeline.
    Duration,
    /// A recurrence: `every 3 days`, `weekly`, `每年`. Never placed on the timeline.
    Set,
}

/// The grain of a placed date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// One calendar day.
    Day,
    /// One ISO week (Monday to Sunday).
    Week,
    /// One calendar month.
    Month,
    /// One meteorological season (spring = March–May, …, winter = December–February).
    Season,
    /// One calendar quarter.
    Quarter,
    /// One calendar year.
    Year,
    /// Ten years, `1990`–`1999` for `199`.
    Decade,
}

/// Which part of a period the text singles out ("early", 上旬, "the end of").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
    End,
}

/// Calendar units for relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// The publication date: "yesterday", "last week", 去年.
    Dct,
    /// The most recent date the text mentioned: "two days later", 次日, 同年.
    Narrative,
}

/// `last` / `this` / `next` in front of a named month, season or weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    None,
    Last,
    This,
    Next,
}

/// Where the year of a date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: `2021`, `二〇二一年`.
    Given(i32),
    /// Not written: inherit from the narrative, else pick by the publication date.
    Implicit,
    /// `last July`, `next summer`: the nearest such period before/after the publication date.
    Rel(Rel),
    /// A year counted from the publication date: 今年 (0), 去年 (-1), 明年 (+1).
    Dct(i32),
    /// A year counted from the narrative: 同年 (0), 次年 (+1).
    Narrative(i32),
}

/// Seasons, as TIMEX3 names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// What a recogniser understood, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Desc {
    /// A calendar date with as much as the text gives (at least a month or a day).
    Date {
        year: YearRef,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A year alone.
    Year(YearRef),
    Season(YearRef, Season),
    Quarter(YearRef, u32),
    Half(YearRef, u32),
    /// An ISO week of a year.
    Week(i32, u32),
    /// The decade starting at this year (1990 for "the 1990s").
    Decade(i32),
    /// The n-th century ("20th century" = 20).
    Century(i32),
    /// `n` units from a base: "yesterday" (Dct, Day, -1), "two days later" (Narrative, Day, 2).
    Shift(Base, Unit, i32),
    /// A named weekday, relative to the reference day.
    Weekday(Weekday, Rel),
    /// "now", "currently", 目前.
    Present,
    /// A duration value such as `P37D`.
    Duration(String),
    /// A set (recurrence) value such as `P1W`.
    Set(String),
}

/// One recognised expression: byte span, type and description.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: TimexKind,
    pub desc: Desc,
    pub part: Option<Part>,
    /// A time-of-day suffix for the value (`T15:00`, `TAF`); makes the kind TIME.
    pub time: Option<String>,
}

impl Found {
    pub fn date(start: usize, end: usize, desc: Desc) -> Self {
        Found { start, end, kind: TimexKind::Date, desc, part: None, time: None }
    }

    pub fn with_part(mut self, part: Option<Part>) -> Self {
        self.part = part;
        self
    }

    pub fn with_time(mut self, time: Option<String>) -> Self {
        if time.is_some() {
            self.kind = TimexKind::Time;
        }
        self.time = time;
        self
    }
}

/// ISO `YYYY-MM-DD` (de)serialisation for dates; chrono's own serde support is not enabled
/// in the workspace, and this is all the timeline needs.
pub(crate) mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(serde::de::Error::custom)
    }

    /// The same for optional dates.
    pub mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => super::serialize(date, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}
