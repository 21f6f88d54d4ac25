//! Normalises the publication dates that pages print or declare into ISO 8601.
//!
//! Pages say when they were published in many ways: `2022-03-14 09:05:00` in a source line,
//! `2021-05-29T15:30:22+08:00` in a meta tag, `Sat, 29 May 2021 15:30:22 GMT` in a feed,
//! `2022年8月15日 09:30` in a Chinese date line, `March 14, 2022` in a byline. Lectern keeps the
//! wall-clock time the page shows (`2022-03-14T09:05:00`), or the date alone when no time is
//! given, and drops any zone offset: readers think in the article's local time.

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;

/// Parses the first publication date found in `text` and returns it as ISO 8601, or `None`.
///
/// ```
/// use lectern_core::published::normalize;
/// assert_eq!(normalize("Date: 2022-03-14 09:05:00").as_deref(), Some("2022-03-14T09:05:00"));
/// assert_eq!(normalize("2022年8月15日").as_deref(), Some("2022-08-15"));
/// assert_eq!(normalize("Sat, 29 May 2021 15:30:22 GMT").as_deref(), Some("2021-05-29T15:30:22"));
/// assert_eq!(normalize("no date here"), None);
/// ```
pub fn normalize(text: &str) -> Option<String> {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?:\s*日)?
              (?:(?:\s*T\s*|\s+|\s*日\s*)(?P<time>\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?",
        )
        .unwrap()
    });
    static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)
              (?:,?\s+(?:at\s+)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?P<ampm>[ap]\.?m\.?)?)?",
        )
        .unwrap()
    });
    static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?P<y>(?:19|20)\d\d)
              (?:,?\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?P<ampm>[ap]\.?m\.?)?)?",
        )
        .unwrap()
    });

    let candidates = [&*NUMERIC, &*MONTH_FIRST, &*DAY_FIRST];
    let best = candidates
        .iter()
        .filter_map(|re| re.captures(text))
        .min_by_key(|caps| caps.get(0).map_or(usize::MAX, |m| m.start()))?;

    let year: i32 = best["y"].parse().ok()?;
    let month = match best.name("m") {
        Some(m) => m.as_str().parse().ok()?,
        None => month_number(&best["mon"])?,
    };
    let day: u32 = best["d"].parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let time = best.name("time").and_then(|t| parse_time(t.as_str(), best.name("ampm").map(|m| m.as_str())));
    Some(match time {
        Some(time) => format!("{}T{}", date.format("%Y-%m-%d"), time.format("%H:%M:%S")),
        None => date.format("%Y-%m-%d").to_string(),
    })
}

fn parse_time(text: &str, ampm: Option<&str>) -> Option<NaiveTime> {
    let text = text.replace('：', ":");
    let mut parts = text.split(':').map(|p| p.parse::<u32>().ok());
    let mut hour = parts.next()??;
    let minute = parts.next()??;
    let second = parts.next().flatten().unwrap_or(0);
    if let Some(ampm) = ampm {
        let pm = ampm.to_ascii_lowercase().starts_with('p');
        if pm && hour < 12 {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// The number (1–12) of an English month name or its three-letter abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    MONTHS.iter().position(|m| *m == prefix).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn reads_common_forms() {
        let cases = [
            ("2021-05-29T15:30:22+08:00", Some("2021-05-29T15:30:22")),
            ("2021-05-29T15:30:22.000Z", Some("2021-05-29T15:30:22")),
            ("2022/3/4", Some("2022-03-04")),
            ("发布时间：2022-08-15 09:30:00", Some("2022-08-15T09:30:00")),
            ("2022年8月15日 09:30", Some("2022-08-15T09:30:00")),
            ("Published March 14, 2022 at 9:05 pm", Some("2022-03-14T21:05:00")),
            ("14 March 2022", Some("2022-03-14")),
            ("Updated: Jan. 5th, 2020", Some("2020-01-05")),
            ("2022-02-30", None),
            ("version 10.2.3", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), want, "input: {input}");
        }
    }
}
