//! Anchoring: turning what the recognisers understood into calendar values (DESIGN §5).
//!
//! The rules, in the order they are tried:
//!
//! 1. **Written years stand.** `March 2, 2021`, `2021年6月`, `summer 2023` need no anchor.
//! 2. **Partial dates inherit the narrative year.** A month, month-day, season or quarter
//!    without a year takes the year of the most recent *explicit* date before it (one whose
//!    year is written, or counted from a written one: 同年6月). A year alone (`in 2019`)
//!    anchors only within its own paragraph; a day or month keeps anchoring until the text
//!    returns to the present.
//! 3. **Deictic words return to the present.** `yesterday`, `last week`, `Friday`, `this
//!    month`, `now`, 昨天, 上月 anchor to the publication date (DCT) and end the narrative:
//!    later partial dates are read from the DCT again. `last year` and 去年 instead set a
//!    year anchor for the rest of the paragraph. A sentence framed by `this week` or `this
//!    month` without a past-tense cue returns to the present from its start, and in it a
//!    date after `until`/`through`/`to`/`by` is at or after the DCT.
//! 4. **Otherwise a partial date is the most recent one at or before the DCT** (TempEval
//!    convention: with DCT 2013-03-22, `July` is 2012-07), unless a future cue (`will`,
//!    `expected`, `scheduled`, 将, 预计, 计划) comes shortly before it in its sentence: then it
//!    is the next one at or after the DCT.
//! 5. **Relative expressions chain.** `two days later`, `the following month`, 次日, 同年,
//!    当天 count from the most recent date of any kind before them (so chains work), or
//!    from the DCT when there is none. Counting days from a month (or anything coarser) is
//!    refused: the value stays unresolved rather than invented.
//! 6. **Weekdays** are read around the DCT (the most recent one at or before it, the next
//!    one with a future cue; `last`/`next` exclude the DCT itself), except in a narrative
//!    set far (> 7 days) from the DCT, where they mean the first such day on or after the
//!    narrative's day.
//! 7. Without a DCT and without an anchor nothing is guessed: the value keeps `X`s
//!    (`XXXX-03-02`) and the expression has no `from`/`to`.

use super::calendar::{self, Period};
use super::sentences::Sentence;
use super::timex::{Base, Desc, Found, Precision, Rel, TimexKind, Unit, YearRef};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A resolved expression: its value and, when placeable, its period.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub value: String,
    pub period: Option<Period>,
}

/// The most recent explicit date: where it was said, and whether it was only a year.
#[derive(Debug, Clone)]
struct Explicit {
    period: Period,
    para: usize,
    year_only: bool,
}

/// What the text has said so far.
#[derive(Debug, Default)]
struct Anchors {
    explicit: Option<Explicit>,
    last: Option<Period>,
}

/// How a period was reached; decides what it does to the anchors.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    /// A written year, or one counted from the narrative.
    Explicit,
    /// A year counted from the DCT (`last year`, 去年, `last July`).
    DeicticYear,
    /// A day, week or month counted from the DCT: the text is back in the present.
    Present,
    /// Chosen by the DCT rule, counted from the narrative or inherited from the explicit
    /// anchor: leaves the explicit anchor as it is.
    Neutral,
}

static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^a-z])(?:will|shall|'ll|upcoming|expected|scheduled|due|plans?|planned|planning|set\s+to|going\s+to|intends?|aims?)(?:[^a-z]|$)|将|预计|计划|拟|即将|有望")
        .expect("future cue regex")
});

static PAST_CUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:was|were|had|did|said|ago|used\s+to)\b").expect("past cue regex"));
static RANGE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:until|till|through|to|by)\s+$").expect("range end regex"));

/// True when the sentence is set in the present by `this week` or `this month` and has no
/// past-tense cue: it speaks from the publication date whatever story came before it.
fn present_sentence(text: &str, sentence: Sentence, found: &[Found]) -> bool {
    let framed = found.iter().any(|f| {
        f.start >= sentence.start
            && f.end <= sentence.end
            && matches!(f.desc, Desc::Shift(Base::Dct, Unit::Week | Unit::Month, 0))
    });
    framed && !PAST_CUE.is_match(&text[sentence.start..sentence.end])
}

/// Resolves every expression, in text order.
pub(crate) fn resolve(text: &str, found: &[Found], sentences: &[Sentence], dct: Option<NaiveDate>) -> Vec<Resolved> {
    let mut anchors = Anchors::default();
    let mut out = Vec::with_capacity(found.len());
    let mut current: Option<(usize, bool)> = None;
    for f in found {
        let index = super::sentences::index_of(sentences, f.start);
        let sentence = sentences.get(index).copied();
        // Rule 3 for a whole sentence: "The summer timetable runs from this week until the
        // end of September" returns to the present at its start, not only at "this week".
        if current.is_none_or(|(i, _)| i != index) {
            let present = sentence.is_some_and(|s| present_sentence(text, s, found));
            if present {
                anchors.explicit = None;
            }
            current = Some((index, present));
        }
        let in_present = current.is_some_and(|(_, p)| p);
        let para = sentence.map_or(0, |s| s.para);
        // In a present sentence, "until September" runs forward from now.
        let range_end = in_present && RANGE_END.is_match(&text[sentence.map_or(0, |s| s.start)..f.start]);
        let future = range_end || sentence.is_some_and(|s| future_cue(text, s.start, f.start));
        let ctx = Context { dct, para, future };
        out.push(resolve_one(f, &ctx, &mut anchors));
    }
    out
}

struct Context {
    dct: Option<NaiveDate>,
    para: usize,
    future: bool,
}

/// True when a future cue appears within a few words before `at` in its sentence.
fn future_cue(text: &str, sentence_start: usize, at: usize) -> bool {
    let mut from = at.saturating_sub(48).max(sentence_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..at).is_some_and(|window| FUTURE_CUE.is_match(window))
}

fn resolve_one(f: &Found, ctx: &Context, anchors: &mut Anchors) -> Resolved {
    match &f.desc {
        Desc::Duration(v) | Desc::Set(v) => return Resolved { value: v.clone(), period: None },
        Desc::Present => {
            anchors.explicit = None;
            return Resolved { value: "PRESENT_REF".into(), period: None };
        }
        _ => {}
    }
    let Some((period, source)) = place(&f.desc, ctx, anchors) else {
        return Resolved { value: unresolved_value(&f.desc, f.time.as_deref()), period: None };
    };
    match source {
        Source::Explicit => {
            let year_only = period.precision >= Some(Precision::Year) || period.precision.is_none();
            anchors.explicit = Some(Explicit { period: period.clone(), para: ctx.para, year_only });
        }
        Source::DeicticYear => {
            let year_only = period.precision == Some(Precision::Year);
            anchors.explicit = Some(Explicit { period: period.clone(), para: ctx.para, year_only });
        }
        Source::Present => anchors.explicit = None,
        Source::Neutral => {}
    }
    if !matches!(f.desc, Desc::Decade(_) | Desc::Century(_)) {
        anchors.last = Some(period.clone());
    }
    let period = match f.part {
        Some(part) => calendar::narrow(period, part),
        None => period,
    };
    let value = match &f.time {
        Some(t) if f.kind == TimexKind::Time && period.precision == Some(Precision::Day) => {
            format!("{}{t}", period.value)
        }
        _ => period.value.clone(),
    };
    Resolved { value, period: Some(period) }
}

/// The period an expression names and how it was reached, or `None` when nothing anchors it.
fn place(desc: &Desc, ctx: &Context, anchors: &Anchors) -> Option<(Period, Source)> {
    let dct = ctx.dct;
    match *desc {
        Desc::Date { year, month, day } => {
            let (y, source) = match (year, month) {
                (_, None) => return day_only(day?, ctx, anchors),
                (YearRef::Implicit, Some(m)) => implicit_year(m, day.unwrap_or(1), ctx, anchors)?,
                (YearRef::Rel(rel), Some(m)) => (relative_year(m, day.unwrap_or(1), rel, dct?), Source::DeicticYear),
                (other, _) => year_of(other, ctx, anchors)?,
            };
            let m = month?;
            let period = match day {
                Some(d) => calendar::day(calendar::ymd(y, m, d)?),
                None => calendar::month(y, m)?,
            };
            Some((period, source))
        }
        Desc::Year(year) => {
            let (y, source) = year_of(year, ctx, anchors)?;
            Some((calendar::year(y)?, source))
        }
        Desc::Season(year, season) => {
            let start = calendar::season_start_month(season);
            let (y, source) = match year {
                YearRef::Implicit => implicit_year(start, 1, ctx, anchors)?,
                YearRef::Rel(rel) => (season_year(season, rel, dct?)?, Source::DeicticYear),
                other => year_of(other, ctx, anchors)?,
            };
            Some((calendar::season(y, season)?, source))
        }
        Desc::Quarter(year, q) => {
            let (y, source) = match year {
                YearRef::Implicit => implicit_year(3 * q.clamp(1, 4) - 2, 1, ctx, anchors)?,
                other => year_of(other, ctx, anchors)?,
            };
            Some((calendar::quarter(y, q)?, source))
        }
        Desc::Half(year, h) => {
            let (y, source) = match year {
                YearRef::Implicit => implicit_year(if h == 1 { 1 } else { 7 }, 1, ctx, anchors)?,
                other => year_of(other, ctx, anchors)?,
            };
            Some((calendar::half(y, h)?, source))
        }
        Desc::Week(y, w) => Some((calendar::iso_week(y, w)?, Source::Explicit)),
        Desc::Decade(start) => Some((calendar::decade(start)?, Source::Neutral)),
        Desc::Century(n) => Some((calendar::century(n)?, Source::Neutral)),
        Desc::Shift(base, unit, n) => shifted(base, unit, n, ctx, anchors),
        Desc::Weekday(wd, rel) => weekday(wd, rel, ctx, anchors),
        Desc::Present | Desc::Duration(_) | Desc::Set(_) => None,
    }
}

/// The year of an explicit, DCT-counted or narrative-counted year reference.
fn year_of(year: YearRef, ctx: &Context, anchors: &Anchors) -> Option<(i32, Source)> {
    match year {
        YearRef::Given(y) => Some((y, Source::Explicit)),
        YearRef::Dct(k) => Some((ctx.dct?.year() + k, Source::DeicticYear)),
        YearRef::Narrative(k) => {
            let base = anchors.last.as_ref().map(|p| p.from).or(ctx.dct)?;
            Some((base.year() + k, Source::Explicit))
        }
        YearRef::Implicit | YearRef::Rel(_) => None,
    }
}

/// The year of a month (and day) whose year is not written: rules 2 and 4.
fn implicit_year(month: u32, day: u32, ctx: &Context, anchors: &Anchors) -> Option<(i32, Source)> {
    // A day or month anchor is a narrative and wins; a year alone yields to a future cue.
    let anchor = anchors.explicit.as_ref().filter(|e| !e.year_only || e.para == ctx.para);
    if let Some(e) = anchor.filter(|e| !e.year_only || !ctx.future || ctx.dct.is_none()) {
        return Some((e.period.from.year(), Source::Neutral));
    }
    let dct = ctx.dct?;
    let (y, here, now) = (dct.year(), (month, day), (dct.month(), dct.day()));
    let same_month = month == dct.month();
    let year = if ctx.future {
        if here >= now || same_month {
            y
        } else {
            y + 1
        }
    } else if here <= now || same_month {
        y
    } else {
        y - 1
    };
    Some((year, Source::Neutral))
}

/// `last July`: the nearest such month strictly before the DCT's month; `next July` after it.
fn relative_year(month: u32, day: u32, rel: Rel, dct: NaiveDate) -> i32 {
    let (y, here, now) = (dct.year(), (month, day), (dct.month(), dct.day()));
    match rel {
        Rel::Last if here < now && month != dct.month() => y,
        Rel::Last => y - 1,
        Rel::Next if here > now && month != dct.month() => y,
        Rel::Next => y + 1,
        _ => y,
    }
}

/// `last summer`: the latest season that ended before the DCT; `next summer`: the first that
/// starts after it; `this summer`: the DCT's year.
fn season_year(season: super::timex::Season, rel: Rel, dct: NaiveDate) -> Option<i32> {
    let y = dct.year();
    match rel {
        Rel::Last => {
            let this = calendar::season(y, season)?;
            let prev = calendar::season(y - 1, season)?;
            Some(if this.to < dct {
                y
            } else if prev.to < dct {
                y - 1
            } else {
                y - 2
            })
        }
        Rel::Next => Some(if calendar::season(y, season)?.from > dct { y } else { y + 1 }),
        _ => Some(y),
    }
}

/// A day of the month alone (`the 5th`, `5日`): the month of the last date, else the DCT's.
fn day_only(day: u32, ctx: &Context, anchors: &Anchors) -> Option<(Period, Source)> {
    if let Some(last) = anchors.last.as_ref().filter(|p| p.precision <= Some(Precision::Month) && p.precision.is_some())
    {
        let d = calendar::ymd(last.from.year(), last.from.month(), day)?;
        return Some((calendar::day(d), Source::Neutral));
    }
    let dct = ctx.dct?;
    let this_month = calendar::ymd(dct.year(), dct.month(), day);
    let d = match (this_month, ctx.future) {
        (Some(d), false) if d <= dct => d,
        (Some(d), true) if d >= dct => d,
        (_, false) => calendar::ymd(dct.year(), dct.month(), 1)?
            .pred_opt()
            .and_then(|p| calendar::ymd(p.year(), p.month(), day))?,
        (_, true) => {
            let next = calendar::shift(calendar::ymd(dct.year(), dct.month(), 1)?, Unit::Month, 1)?;
            calendar::ymd(next.year(), next.month(), day)?
        }
    };
    Some((calendar::day(d), Source::Neutral))
}

fn unit_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Day => Precision::Day,
        Unit::Week => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Quarter => Precision::Quarter,
        Unit::Year => Precision::Year,
        Unit::Decade => Precision::Decade,
    }
}

/// `n` units from the DCT or from the last date.
fn shifted(base: Base, unit: Unit, n: i32, ctx: &Context, anchors: &Anchors) -> Option<(Period, Source)> {
    let (from, source) = match base {
        Base::Dct => {
            let source = if unit >= Unit::Year { Source::DeicticYear } else { Source::Present };
            (calendar::day(ctx.dct?), source)
        }
        Base::Narrative => {
            let source = if unit >= Unit::Year { Source::Explicit } else { Source::Neutral };
            match &anchors.last {
                Some(p) => (p.clone(), source),
                None => (calendar::day(ctx.dct?), source),
            }
        }
    };
    // Days cannot be counted from a month: the base must be at least as fine as the unit.
    let fine_enough = match from.precision {
        Some(p) => p <= unit_precision(unit) || (p == Precision::Season && unit >= Unit::Quarter),
        None => unit >= Unit::Year,
    };
    if !fine_enough {
        return None;
    }
    let moved = calendar::shift(from.from, unit, n)?;
    Some((calendar::unit_of(moved, unit)?, source))
}

fn weekday(wd: Weekday, rel: Rel, ctx: &Context, anchors: &Anchors) -> Option<(Period, Source)> {
    let narrative_day = anchors.last.as_ref().filter(|p| p.precision == Some(Precision::Day)).map(|p| p.from);
    let in_story = anchors.explicit.as_ref().is_some_and(|e| !e.year_only);
    let far = |d: NaiveDate| ctx.dct.is_none_or(|dct| (d - dct).num_days().abs() > 7);
    let (reference, narrative) = match (narrative_day, ctx.dct) {
        (Some(d), _) if in_story && far(d) => (d, true),
        (_, Some(dct)) => (dct, false),
        (Some(d), None) => (d, true),
        (None, None) => return None,
    };
    let back = (7 + reference.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let ahead = (7 + wd.num_days_from_monday() - reference.weekday().num_days_from_monday()) % 7;
    let (date, source) = match rel {
        Rel::Last => {
            (reference.checked_sub_days(Days::new(u64::from(if back == 0 { 7 } else { back })))?, Source::Present)
        }
        Rel::Next => {
            (reference.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))?, Source::Present)
        }
        Rel::This => {
            let monday =
                reference.checked_sub_days(Days::new(u64::from(reference.weekday().num_days_from_monday())))?;
            (monday.checked_add_days(Days::new(u64::from(wd.num_days_from_monday())))?, Source::Present)
        }
        Rel::None if narrative => (reference.checked_add_days(Days::new(u64::from(ahead)))?, Source::Neutral),
        Rel::None if ctx.future => (reference.checked_add_days(Days::new(u64::from(ahead)))?, Source::Present),
        Rel::None => (reference.checked_sub_days(Days::new(u64::from(back)))?, Source::Present),
    };
    let source = if narrative { Source::Neutral } else { source };
    Some((calendar::day(date), source))
}

/// A TIMEX3 value with `X` for what no anchor could supply.
fn unresolved_value(desc: &Desc, time: Option<&str>) -> String {
    let season_code = |s: super::timex::Season| match s {
        super::timex::Season::Spring => "SP",
        super::timex::Season::Summer => "SU",
        super::timex::Season::Fall => "FA",
        super::timex::Season::Winter => "WI",
    };
    let base = match desc {
        Desc::Date { month: Some(m), day: Some(d), .. } => format!("XXXX-{m:02}-{d:02}"),
        Desc::Date { month: Some(m), day: None, .. } => format!("XXXX-{m:02}"),
        Desc::Date { month: None, day: Some(d), .. } => format!("XXXX-XX-{d:02}"),
        Desc::Season(_, s) => format!("XXXX-{}", season_code(*s)),
        Desc::Quarter(_, q) => format!("XXXX-Q{q}"),
        Desc::Half(_, h) => format!("XXXX-H{h}"),
        Desc::Weekday(wd, _) => format!("XXXX-WXX-{}", wd.number_from_monday()),
        Desc::Shift(_, Unit::Week, _) => "XXXX-WXX".to_string(),
        Desc::Shift(_, Unit::Month, _) => "XXXX-XX".to_string(),
        Desc::Shift(_, Unit::Year | Unit::Quarter | Unit::Decade, _) | Desc::Year(_) => "XXXX".to_string(),
        _ => "XXXX-XX-XX".to_string(),
    };
    format!("{base}{}", time.unwrap_or(""))
}
