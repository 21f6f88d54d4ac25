//! Calendar periods: the days a value covers, its grain, and its TIMEX3 spelling.

use super::timex::{Part, Precision, Season, Unit};
use chrono::{Datelike, Days, Months, NaiveDate};

/// A stretch of calendar days with its TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// `None` for grains outside [`Precision`] (centuries, half years).
    pub precision: Option<Precision>,
    pub value: String,
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The last day of a month.
pub(crate) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

pub(crate) fn day(d: NaiveDate) -> Period {
    Period { from: d, to: d, precision: Some(Precision::Day), value: d.format("%Y-%m-%d").to_string() }
}

pub(crate) fn month(y: i32, m: u32) -> Option<Period> {
    Some(Period {
        from: ymd(y, m, 1)?,
        to: month_end(y, m)?,
        precision: Some(Precision::Month),
        value: format!("{y:04}-{m:02}"),
    })
}

pub(crate) fn year(y: i32) -> Option<Period> {
    Some(Period {
        from: ymd(y, 1, 1)?,
        to: ymd(y, 12, 31)?,
        precision: Some(Precision::Year),
        value: format!("{y:04}"),
    })
}

/// The ISO week holding `d` (`None` at the ends of the calendar).
pub(crate) fn week_of(d: NaiveDate) -> Option<Period> {
    let monday = d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))?;
    let iso = d.iso_week();
    Some(Period {
        from: monday,
        to: monday.checked_add_days(Days::new(6))?,
        precision: Some(Precision::Week),
        value: format!("{:04}-W{:02}", iso.year(), iso.week()),
    })
}

pub(crate) fn iso_week(y: i32, w: u32) -> Option<Period> {
    NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon).and_then(week_of)
}

/// Seasons are meteorological: winter `Y` runs from December `Y` to February `Y+1`.
pub(crate) fn season(y: i32, s: Season) -> Option<Period> {
    let (m, code) = match s {
        Season::Spring => (3, "SP"),
        Season::Summer => (6, "SU"),
        Season::Fall => (9, "FA"),
        Season::Winter => (12, "WI"),
    };
    let from = ymd(y, m, 1)?;
    let to = from.checked_add_months(Months::new(3))?.pred_opt()?;
    Some(Period { from, to, precision: Some(Precision::Season), value: format!("{y:04}-{code}") })
}

pub(crate) fn season_start_month(s: Season) -> u32 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Fall => 9,
        Season::Winter => 12,
    }
}

pub(crate) fn quarter(y: i32, q: u32) -> Option<Period> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let from = ymd(y, 3 * q - 2, 1)?;
    Some(Period { from, to: month_end(y, 3 * q)?, precision: Some(Precision::Quarter), value: format!("{y:04}-Q{q}") })
}

pub(crate) fn half(y: i32, h: u32) -> Option<Period> {
    let (a, b) = match h {
        1 => (1, 6),
        2 => (7, 12),
        _ => return None,
    };
    Some(Period { from: ymd(y, a, 1)?, to: month_end(y, b)?, precision: None, value: format!("{y:04}-H{h}") })
}

/// The decade starting at `start` (a multiple of ten): value `199` for the 1990s.
pub(crate) fn decade(start: i32) -> Option<Period> {
    Some(Period {
        from: ymd(start, 1, 1)?,
        to: ymd(start + 9, 12, 31)?,
        precision: Some(Precision::Decade),
        value: format!("{:03}", start / 10),
    })
}

/// The n-th century: value `19` for the 20th century (1900–1999, as TIMEX3 counts it).
pub(crate) fn century(n: i32) -> Option<Period> {
    let first = (n - 1) * 100;
    Some(Period {
        from: ymd(first, 1, 1)?,
        to: ymd(first + 99, 12, 31)?,
        precision: None,
        value: format!("{:02}", n - 1),
    })
}

/// The period of grain `unit` holding `d`.
pub(crate) fn unit_of(d: NaiveDate, unit: Unit) -> Option<Period> {
    match unit {
        Unit::Day => Some(day(d)),
        Unit::Week => week_of(d),
        Unit::Month => month(d.year(), d.month()),
        Unit::Quarter => quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Year => year(d.year()),
        Unit::Decade => decade(d.year().div_euclid(10) * 10),
    }
}

/// `d` moved by `n` units (months clamp to the month's end).
pub(crate) fn shift(d: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let months = |k: i32| {
        if k >= 0 {
            d.checked_add_months(Months::new(k.unsigned_abs()))
        } else {
            d.checked_sub_months(Months::new(k.unsigned_abs()))
        }
    };
    let days = |k: i64| {
        if k >= 0 {
            d.checked_add_days(Days::new(k.unsigned_abs()))
        } else {
            d.checked_sub_days(Days::new(k.unsigned_abs()))
        }
    };
    match unit {
        Unit::Day => days(i64::from(n)),
        Unit::Week => days(7 * i64::from(n)),
        Unit::Month => months(n),
        Unit::Quarter => months(3 * n),
        Unit::Year => months(12 * n),
        Unit::Decade => months(120 * n),
    }
}

/// Narrows a period to the part the text names. Months split at the 10th and 20th (as
/// 上旬/中旬/下旬 do); years into January–April, May–August, September–December, with "the
/// end of" a year meaning December; other periods into thirds. The value is unchanged (TIMEX3
/// records the part as a modifier, not in the value).
pub(crate) fn narrow(p: Period, part: Part) -> Period {
    let (from, to) = match p.precision {
        Some(Precision::Month) => {
            let (y, m) = (p.from.year(), p.from.month());
            match part {
                Part::Early => (p.from, ymd(y, m, 10)),
                Part::Mid => (ymd(y, m, 11).unwrap_or(p.from), ymd(y, m, 20)),
                Part::Late | Part::End => (ymd(y, m, 21).unwrap_or(p.from), Some(p.to)),
            }
        }
        Some(Precision::Year) => {
            let y = p.from.year();
            match part {
                Part::Early => (p.from, month_end(y, 4)),
                Part::Mid => (ymd(y, 5, 1).unwrap_or(p.from), month_end(y, 8)),
                Part::Late => (ymd(y, 9, 1).unwrap_or(p.from), Some(p.to)),
                Part::End => (ymd(y, 12, 1).unwrap_or(p.from), Some(p.to)),
            }
        }
        _ => {
            let span = (p.to - p.from).num_days() + 1;
            let third = (span / 3).max(1) as u64;
            match part {
                Part::Early => (p.from, p.from.checked_add_days(Days::new(third - 1))),
                Part::Mid => (
                    p.from.checked_add_days(Days::new(third)).unwrap_or(p.from),
                    p.from.checked_add_days(Days::new(2 * third - 1)),
                ),
                Part::Late | Part::End => {
                    (p.from.checked_add_days(Days::new((2 * third).min(span as u64 - 1))).unwrap_or(p.from), Some(p.to))
                }
            }
        }
    };
    Period { from, to: to.unwrap_or(p.to).min(p.to).max(from), ..p }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_follow_timex3() {
        assert_eq!(month(2020, 1).unwrap().value, "2020-01");
        assert_eq!(season(2023, Season::Summer).unwrap().value, "2023-SU");
        assert_eq!(quarter(2020, 1).unwrap().value, "2020-Q1");
        assert_eq!(iso_week(2024, 10).unwrap().value, "2024-W10");
        assert_eq!(decade(1990).unwrap().value, "199");
        assert_eq!(century(20).unwrap().value, "19");
        assert_eq!(week_of(ymd(2013, 3, 22).unwrap()).unwrap().value, "2013-W12");
        assert_eq!(week_of(NaiveDate::MIN), None);
    }

    #[test]
    fn parts_of_a_month_follow_the_ten_day_split() {
        let jan = month(2020, 1).unwrap();
        let early = narrow(jan.clone(), Part::Early);
        assert_eq!((early.from, early.to), (ymd(2020, 1, 1).unwrap(), ymd(2020, 1, 10).unwrap()));
        let late = narrow(month(2020, 2).unwrap(), Part::Late);
        assert_eq!((late.from, late.to), (ymd(2020, 2, 21).unwrap(), ymd(2020, 2, 29).unwrap()));
        assert_eq!(narrow(jan, Part::Mid).value, "2020-01");
    }

    #[test]
    fn shifts_clamp_and_never_panic() {
        assert_eq!(shift(ymd(2021, 1, 31).unwrap(), Unit::Month, 1), ymd(2021, 2, 28));
        assert_eq!(shift(NaiveDate::MAX, Unit::Year, 1), None);
        assert_eq!(winter_spans_the_new_year(), (ymd(2023, 12, 1).unwrap(), ymd(2024, 2, 29).unwrap()));
    }

    fn winter_spans_the_new_year() -> (NaiveDate, NaiveDate) {
        let w = season(2023, Season::Winter).unwrap();
        (w.from, w.to)
    }
}
