//! Reading a TIMEX3-style value back into the days it covers: what a user types when they
//! correct an event's date. It goes through the same calendar functions the tagger uses, so a
//! corrected `2021-SU` covers exactly the days a tagged "summer 2021" does.

use super::calendar::{self, Period};
use super::timex::{Precision, Season};
use super::TimelineError;
use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A placeable value with the days it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedValue {
    /// The value, spelled as the tagger spells it (`2021-03-02`, `2021-SU`, `2021-W10`).
    pub value: String,
    /// First day covered (inclusive).
    #[serde(with = "super::timex::iso_date")]
    pub from: NaiveDate,
    /// Last day covered (inclusive).
    #[serde(with = "super::timex::iso_date")]
    pub to: NaiveDate,
    /// The grain of `value`.
    pub precision: Precision,
}

static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    // One alternative per grain; a time of day (`T20:00`, `TNI`) may follow a full date, as
    // the tagger writes TIME values.
    Regex::new(
        r"^(?:(?P<decade>\d{3})|(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?P<t>T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)?|-Q(?P<q>[1-4])|-(?P<s>SP|SU|FA|WI)|-W(?P<w>\d{2}))?)$",
    )
    .expect("value regex")
});

/// Normalises a value typed by a user: `2021-03-02`, `2021-03`, `2021`, `2021-Q1`, `2021-SU`,
/// `2021-W10`, `202` (the 2020s), or a day with a time (`2021-03-02T20:00`). Case and
/// surrounding spaces are forgiven; anything else, or a day that does not exist, is refused.
///
/// ```
/// use lectern_core::timeline::{normalise_value, Precision};
/// let v = normalise_value("2021-su").unwrap();
/// assert_eq!((v.value.as_str(), v.from.to_string(), v.to.to_string()), ("2021-SU", "2021-06-01".into(), "2021-08-31".into()));
/// assert_eq!(normalise_value("2021-W10").unwrap().precision, Precision::Week);
/// assert!(normalise_value("2021-02-30").is_err());
/// ```
pub fn normalise_value(value: &str) -> Result<DatedValue, TimelineError> {
    let wanted = value.trim().to_ascii_uppercase();
    let invalid = || TimelineError::InvalidValue { value: value.to_string() };
    let caps = VALUE.captures(&wanted).ok_or_else(invalid)?;
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    let period: Option<Period> = if let Some(decade) = num("decade") {
        calendar::decade(decade * 10)
    } else {
        let y = num("y").ok_or_else(invalid)?;
        match (num("m"), num("d"), num("q"), caps.name("s"), num("w")) {
            (Some(m), Some(d), ..) => calendar::ymd(y, m as u32, d as u32).map(calendar::day),
            (Some(m), None, ..) => calendar::month(y, m as u32),
            (_, _, Some(q), ..) => calendar::quarter(y, q as u32),
            (_, _, _, Some(s), _) => calendar::season(y, season(s.as_str())),
            (_, _, _, _, Some(w)) => calendar::iso_week(y, w as u32).filter(|p| p.value == format!("{y:04}-W{w:02}")),
            _ => calendar::year(y),
        }
    };
    let period = period.ok_or_else(invalid)?;
    let precision = period.precision.ok_or_else(invalid)?;
    let time = caps.name("t").map_or("", |t| t.as_str());
    Ok(DatedValue { value: format!("{}{time}", period.value), from: period.from, to: period.to, precision })
}

fn season(code: &str) -> Season {
    match code {
        "SP" => Season::Spring,
        "SU" => Season::Summer,
        "FA" => Season::Fall,
        _ => Season::Winter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grain_the_tagger_writes_reads_back() {
        let cases = [
            ("2021-03-02", "2021-03-02", "2021-03-02", Precision::Day),
            ("2021-03", "2021-03-01", "2021-03-31", Precision::Month),
            ("2021", "2021-01-01", "2021-12-31", Precision::Year),
            ("2021-Q1", "2021-01-01", "2021-03-31", Precision::Quarter),
            ("2021-SU", "2021-06-01", "2021-08-31", Precision::Season),
            ("2021-WI", "2021-12-01", "2022-02-28", Precision::Season),
            ("2021-W10", "2021-03-08", "2021-03-14", Precision::Week),
            ("202", "2020-01-01", "2029-12-31", Precision::Decade),
            (" 2013-03-17T20:00 ", "2013-03-17", "2013-03-17", Precision::Day),
        ];
        for (input, from, to, precision) in cases {
            let v = normalise_value(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(
                (v.from.to_string(), v.to.to_string(), v.precision),
                (from.into(), to.into(), precision),
                "{input}"
            );
        }
        assert_eq!(normalise_value("2013-03-17tni").unwrap().value, "2013-03-17TNI");
    }

    #[test]
    fn nonsense_is_refused_by_name() {
        for bad in ["", "2021-13", "2021-02-29", "2021-Q5", "2021-W54", "2020-W54", "March 2", "XXXX-03-02", "P3D"] {
            let err = normalise_value(bad).unwrap_err();
            assert!(err.to_string().contains(&format!("`{bad}`")), "{bad}: {err}");
        }
    }
}
