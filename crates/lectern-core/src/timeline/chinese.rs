//! Chinese recognisers: 年/月/日 dates in Arabic or Chinese numerals, 上旬/中旬/下旬,
//! seasons, quarters and halves, 年代 and 世纪, deictic words (昨天, 去年, 上月), narrative
//! words (次日, 同年, 当天), `N天后`/`N年前`, durations (`两周`) and sets (`每年`).

use super::numbers::{self, ZH_DIGIT};
use super::timex::{Base, Desc, Found, Part, Rel, Season, TimexKind, Unit, YearRef};
use chrono::Weekday;
use regex::{Captures, Regex};
use std::sync::LazyLock;

const YEAR4: &str = r"[0-9０-９]{4}|[〇零○一二三四五六七八九]{4}";
const MONTH: &str = r"1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九]";
const DAY: &str = r"[12][0-9]|3[01]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]";

fn re(pattern: &str) -> Regex {
    let pattern =
        pattern.replace("{YEAR4}", YEAR4).replace("{MONTH}", MONTH).replace("{DAY}", DAY).replace("{N}", ZH_DIGIT);
    Regex::new(&pattern).expect("timeline regex")
}

/// What may follow a year, or stand alone: a month (with a day or a part), a season, a
/// quarter, a half year, or a part of the year.
const AFTER_YEAR: &str = r"(?: (?P<m>{MONTH})月份?(?: (?P<d>{DAY})[日号] | (?P<part>上旬|中旬|下旬|初|底|末) )?
    | (?P<season>春|夏|秋|冬)[天季]
    | 第?(?P<q>[一二三四1-4])季度
    | (?P<half>上半年|下半年)
    | (?P<ypart>初|底|末) )";
/// Dates led by a year: `2021年3月2日`, `去年6月`, `同年`, `2020年第一季度`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)(?:(?P<y>{{YEAR4}})年|(?P<yrel>今年|去年|前年|明年|上年|同年|当年|次年|翌年|第二年)){AFTER_YEAR}?"
    ))
});
/// Dates without a year: `6月30日`, `3月上旬`, `一季度`, `上半年`.
static YEARLESS_DATE: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?x){AFTER_YEAR}")));
static BARE_DAY: LazyLock<Regex> = LazyLock::new(|| re(r"(?P<d>[0-9０-９]{1,2})日"));
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?P<rel>上|下|本|这)?个?(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])"));
static DEICTIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<w>今天|今日|昨天|昨日|明天|明日|前天|后天|本月|上月|上个月|下月|下个月|本周|上周|下周|这周|本星期|上星期|下星期|次日|翌日|第二天|当天|当日|同日|同月|当月|次月|翌月|目前|现在|当前|如今)(?P<tod>上午|下午|晚上|晚间|凌晨|早上|中午|傍晚|夜间)?",
    )
});
static OFFSET: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?P<n>{N}{1,3})(?P<ge>个)?(?P<u>天|周|星期|月|年)(?P<dir>以后|以前|之后|之前|后|前)"));
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?P<n>{N}{1,4}|半)(?:(?P<ge>个)多?(?P<u1>月|星期|小时|季度)|多?(?P<u>天|周|星期|年|小时|分钟|秒))")
});
static SET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"每(?:(?:周|星期)(?P<wd>[一二三四五六日天])|隔?(?P<n>{N}{1,3})?个?(?P<u>年|月|天|日|周|星期|季度|小时|分钟))")
});
static DECADE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?P<cent>上|[0-9]{2}|二十|十九)世纪)?(?P<dec>[0-9]0|[一二三四五六七八九]十)年代(?P<part>初期|初|中期|末期|末|后期)?|(?P<c>[0-9]{1,2}|二?十[一二三四五六七八九]?)世纪(?P<cpart>初|末|中叶)?",
    )
});

/// Adds every Chinese expression found in `text` to `out`.
pub(crate) fn recognise(text: &str, out: &mut Vec<Found>) {
    dates(text, out);
    bare_days(text, out);
    weekdays(text, out);
    deictics(text, out);
    offsets(text, out);
    durations(text, out);
    sets(text, out);
    decades(text, out);
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn is_numeral(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零○一二两三四五六七八九十百千万".contains(c)
    })
}

fn zh(caps: &Captures, name: &str) -> Option<u32> {
    numbers::chinese(caps.name(name)?.as_str())
}

fn part_of(word: &str) -> Option<Part> {
    Some(match word {
        "上旬" | "初" | "初期" => Part::Early,
        "中旬" | "中期" | "中叶" => Part::Mid,
        "下旬" | "后期" => Part::Late,
        "底" | "末" | "末期" => Part::End,
        _ => return None,
    })
}

fn dates(text: &str, out: &mut Vec<Found>) {
    for caps in DATE.captures_iter(text).chain(YEARLESS_DATE.captures_iter(text)) {
        let m = caps.get(0).expect("match");
        if m.is_empty() || is_numeral(prev_char(text, m.start())) {
            continue;
        }
        let year = if let Some(y) = caps.name("y") {
            match numbers::chinese(y.as_str()) {
                Some(y) if (1000..=2999).contains(&y) => YearRef::Given(y as i32),
                _ => continue,
            }
        } else if let Some(rel) = caps.name("yrel") {
            match rel.as_str() {
                "今年" => YearRef::Dct(0),
                "去年" | "上年" => YearRef::Dct(-1),
                "前年" => YearRef::Dct(-2),
                "明年" => YearRef::Dct(1),
                "同年" | "当年" => YearRef::Narrative(0),
                _ => YearRef::Narrative(1),
            }
        } else {
            YearRef::Implicit
        };
        let has_year = year != YearRef::Implicit;
        let found = |desc| Found::date(m.start(), m.end(), desc);
        let f = if let Some(month) = zh(&caps, "m") {
            if !(1..=12).contains(&month) {
                continue;
            }
            // "月" that starts a word (月亮, 月饼, 月球) is not a month.
            if caps.name("d").is_none()
                && caps.name("part").is_none()
                && matches!(next_char(text, m.end()), Some('亮' | '饼' | '球' | '光' | '薪' | '租' | '费' | '票'))
            {
                continue;
            }
            let day = zh(&caps, "d");
            if day.is_some_and(|d| chrono::NaiveDate::from_ymd_opt(2000, month, d).is_none()) {
                continue;
            }
            let part = caps.name("part").and_then(|p| part_of(p.as_str()));
            found(Desc::Date { year, month: Some(month), day }).with_part(part)
        } else if let Some(season) = caps.name("season").filter(|_| has_year) {
            let season = match season.as_str() {
                "春" => Season::Spring,
                "夏" => Season::Summer,
                "秋" => Season::Fall,
                _ => Season::Winter,
            };
            found(Desc::Season(year, season))
        } else if let Some(q) = zh(&caps, "q") {
            found(Desc::Quarter(year, q))
        } else if let Some(half) = caps.name("half") {
            found(Desc::Half(year, if half.as_str() == "上半年" { 1 } else { 2 }))
        } else if let Some(part) = caps.name("ypart").filter(|_| has_year) {
            found(Desc::Year(year)).with_part(part_of(part.as_str()))
        } else if has_year && caps.name("season").is_none() && caps.name("ypart").is_none() {
            // A year alone; "2021年级" and "2021年代" are not years.
            if matches!(next_char(text, m.end()), Some('级' | '代')) {
                continue;
            }
            found(Desc::Year(year))
        } else {
            continue;
        };
        out.push(f);
    }
}

fn bare_days(text: &str, out: &mut Vec<Found>) {
    for caps in BARE_DAY.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let prev = prev_char(text, m.start());
        if is_numeral(prev) || matches!(prev, Some('月' | '.' | '/' | '-' | '第' | '每')) {
            continue;
        }
        if let Some(d) = zh(&caps, "d").filter(|d| (1..=31).contains(d)) {
            out.push(Found::date(
                m.start(),
                m.end(),
                Desc::Date { year: YearRef::Implicit, month: None, day: Some(d) },
            ));
        }
    }
}

fn weekday_of(c: &str) -> Option<Weekday> {
    Some(match c {
        "一" => Weekday::Mon,
        "二" => Weekday::Tue,
        "三" => Weekday::Wed,
        "四" => Weekday::Thu,
        "五" => Weekday::Fri,
        "六" => Weekday::Sat,
        "日" | "天" => Weekday::Sun,
        _ => return None,
    })
}

fn weekdays(text: &str, out: &mut Vec<Found>) {
    for caps in WEEKDAY.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if matches!(prev_char(text, m.start()), Some('每')) || is_numeral(prev_char(text, m.start())) {
            continue;
        }
        // "周一" followed by a numeral is part of a count ("一周一次" is handled elsewhere).
        let Some(wd) = weekday_of(&caps["wd"]) else {
            continue;
        };
        let rel = match caps.name("rel").map(|r| r.as_str()) {
            Some("上") => Rel::Last,
            Some("下") => Rel::Next,
            Some(_) => Rel::This,
            None => Rel::None,
        };
        out.push(Found::date(m.start(), m.end(), Desc::Weekday(wd, rel)));
    }
}

fn time_of_day(word: Option<&str>) -> Option<String> {
    let code = match word? {
        "上午" | "早上" | "凌晨" => "TMO",
        "中午" => "TMI",
        "下午" => "TAF",
        "傍晚" | "晚上" | "晚间" => "TEV",
        _ => "TNI",
    };
    Some(code.to_string())
}

fn deictics(text: &str, out: &mut Vec<Found>) {
    for caps in DEICTIC.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let desc = match &caps["w"] {
            "今天" | "今日" => Desc::Shift(Base::Dct, Unit::Day, 0),
            "昨天" | "昨日" => Desc::Shift(Base::Dct, Unit::Day, -1),
            "明天" | "明日" => Desc::Shift(Base::Dct, Unit::Day, 1),
            "前天" => Desc::Shift(Base::Dct, Unit::Day, -2),
            "后天" => Desc::Shift(Base::Dct, Unit::Day, 2),
            "本月" => Desc::Shift(Base::Dct, Unit::Month, 0),
            "上月" | "上个月" => Desc::Shift(Base::Dct, Unit::Month, -1),
            "下月" | "下个月" => Desc::Shift(Base::Dct, Unit::Month, 1),
            "本周" | "这周" | "本星期" => Desc::Shift(Base::Dct, Unit::Week, 0),
            "上周" | "上星期" => Desc::Shift(Base::Dct, Unit::Week, -1),
            "下周" | "下星期" => Desc::Shift(Base::Dct, Unit::Week, 1),
            "次日" | "翌日" | "第二天" => Desc::Shift(Base::Narrative, Unit::Day, 1),
            "当天" | "当日" | "同日" => Desc::Shift(Base::Narrative, Unit::Day, 0),
            "同月" | "当月" => Desc::Shift(Base::Narrative, Unit::Month, 0),
            "次月" | "翌月" => Desc::Shift(Base::Narrative, Unit::Month, 1),
            _ => Desc::Present,
        };
        let time = if desc == Desc::Present { None } else { time_of_day(caps.name("tod").map(|t| t.as_str())) };
        let end = if time.is_some() { m.end() } else { caps.name("w").expect("word").end() };
        out.push(Found::date(m.start(), end, desc).with_time(time));
    }
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "天" | "日" => Unit::Day,
        "周" | "星期" => Unit::Week,
        "月" => Unit::Month,
        "年" => Unit::Year,
        "季度" => Unit::Quarter,
        _ => return None,
    })
}

fn offsets(text: &str, out: &mut Vec<Found>) {
    for caps in OFFSET.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if is_numeral(prev_char(text, m.start())) || (&caps["u"] == "月" && caps.name("ge").is_none()) {
            continue;
        }
        let (Some(n), Some(unit)) = (zh(&caps, "n"), unit_of(&caps["u"])) else {
            continue;
        };
        if n >= 1000 {
            continue; // "2021年前": before a year, not years ago
        }
        let desc = if caps["dir"].ends_with('后') {
            Desc::Shift(Base::Narrative, unit, n as i32)
        } else {
            Desc::Shift(Base::Dct, unit, -(n as i32))
        };
        out.push(Found::date(m.start(), m.end(), desc));
    }
}

fn period_value(n: Option<u32>, unit: &str) -> String {
    let n = |k: u32| n.map_or("X".to_string(), |n| (n * k).to_string());
    match unit {
        "天" | "日" => format!("P{}D", n(1)),
        "周" | "星期" => format!("P{}W", n(1)),
        "月" => format!("P{}M", n(1)),
        "季度" => format!("P{}M", n(3)),
        "小时" => format!("PT{}H", n(1)),
        "分钟" => format!("PT{}M", n(1)),
        "秒" => format!("PT{}S", n(1)),
        _ => format!("P{}Y", n(1)),
    }
}

fn durations(text: &str, out: &mut Vec<Found>) {
    for caps in DURATION.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if is_numeral(prev_char(text, m.start())) || matches!(prev_char(text, m.start()), Some('每' | '第' | '隔')) {
            continue;
        }
        let unit = caps.name("u1").or(caps.name("u")).map_or("", |u| u.as_str());
        // 三年级 (a school grade), 90年代, 两周年 (an anniversary), 2021年: not durations.
        if matches!(next_char(text, m.end()), Some('级' | '代' | '度' | '底' | '初' | '末' | '年' | '前' | '后'))
            || matches!(next_char(text, m.end()), Some('月')) && unit == "年"
        {
            continue;
        }
        let raw = &caps["n"];
        let n = if raw == "半" { None } else { numbers::chinese(raw) };
        if n.is_some_and(|n| n >= 1000) || (raw.chars().count() >= 4 && unit == "年") {
            continue;
        }
        let value = match (raw, unit) {
            ("半", "年") => "P6M".to_string(),
            ("半", "月") => "P15D".to_string(),
            ("半", "小时") => "PT30M".to_string(),
            ("半", _) => continue,
            _ => period_value(n, unit),
        };
        out.push(Found { kind: TimexKind::Duration, ..Found::date(m.start(), m.end(), Desc::Duration(value)) });
    }
}

fn sets(text: &str, out: &mut Vec<Found>) {
    for caps in SET.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let value = if let Some(wd) = caps.name("wd").and_then(|w| weekday_of(w.as_str())) {
            format!("XXXX-WXX-{}", wd.number_from_monday())
        } else {
            let n = caps.name("n").map_or(Some(1), |n| numbers::chinese(n.as_str()));
            period_value(n, &caps["u"])
        };
        out.push(Found { kind: TimexKind::Set, ..Found::date(m.start(), m.end(), Desc::Set(value)) });
    }
}

fn decades(text: &str, out: &mut Vec<Found>) {
    for caps in DECADE.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if is_numeral(prev_char(text, m.start())) {
            continue;
        }
        if let Some(dec) = zh(&caps, "dec") {
            let century = match caps.name("cent").map(|c| c.as_str()) {
                Some("上" | "20" | "二十") => 1900,
                Some("19" | "十九") => 1800,
                Some("21") => 2000,
                Some(_) => continue,
                None if dec >= 30 => 1900,
                None => 2000,
            };
            let part = caps.name("part").and_then(|p| part_of(p.as_str()));
            out.push(Found::date(m.start(), m.end(), Desc::Decade(century + dec as i32)).with_part(part));
        } else if let Some(c) = zh(&caps, "c").filter(|c| (1..=30).contains(c)) {
            let part = caps.name("cpart").and_then(|p| part_of(p.as_str()));
            out.push(Found::date(m.start(), m.end(), Desc::Century(c as i32)).with_part(part));
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

    #[test]
    fn full_dates_in_both_numeral_systems() {
        let want = Desc::Date { year: YearRef::Given(2021), month: Some(3), day: Some(2) };
        assert_eq!(found("2021年3月2日"), [("2021年3月2日".to_string(), want.clone())]);
        assert_eq!(found("二〇二一年三月二日"), [("二〇二一年三月二日".to_string(), want)]);
        let d = found("二〇二一年十二月三十一日")[0].1.clone();
        assert_eq!(d, Desc::Date { year: YearRef::Given(2021), month: Some(12), day: Some(31) });
    }

    #[test]
    fn partial_and_period_forms() {
        assert_eq!(found("截至6月30日")[0].0, "6月30日");
        assert_eq!(found("3月上旬")[0].0, "3月上旬");
        assert_eq!(found("2023年夏天")[0].1, Desc::Season(YearRef::Given(2023), Season::Summer));
        assert_eq!(found("2020年第一季度")[0].1, Desc::Quarter(YearRef::Given(2020), 1));
        assert_eq!(found("同年")[0].1, Desc::Year(YearRef::Narrative(0)));
        assert_eq!(found("上世纪90年代")[0].1, Desc::Decade(1990));
        assert_eq!(found("2023年春节").len(), 1, "春节 is a festival, the year stays a year");
    }

    #[test]
    fn relatives_durations_sets() {
        assert_eq!(found("次日")[0].1, Desc::Shift(Base::Narrative, Unit::Day, 1));
        assert_eq!(found("三天后")[0].1, Desc::Shift(Base::Narrative, Unit::Day, 3));
        assert_eq!(found("为期两周")[0].1, Desc::Duration("P2W".into()));
        assert_eq!(found("持续37天")[0].1, Desc::Duration("P37D".into()));
        assert_eq!(found("3个月")[0].1, Desc::Duration("P3M".into()));
        assert_eq!(found("每年举办")[0].1, Desc::Set("P1Y".into()));
        assert!(found("三年级学生").is_empty());
        assert!(found("月亮").is_empty());
    }
}
