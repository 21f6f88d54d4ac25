//! Events: the placeable expressions (DATE and TIME with a period) with the sentence they
//! belong to and the people that sentence names, sorted by date.

use super::spans::CharOffsets;
use super::timex::{Precision, TimexKind};
use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// One dated mention and its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// TIMEX3-style value (`2021-03-02`, `2021-06`, `2023-SU`).
    pub value: String,
    /// First day covered (inclusive).
    #[serde(with = "super::timex::iso_date")]
    pub from: NaiveDate,
    /// Last day covered (inclusive).
    #[serde(with = "super::timex::iso_date")]
    pub to: NaiveDate,
    /// The grain of `value`.
    pub precision: Precision,
    /// The expression in the text.
    pub mention: Mention,
    /// The sentence holding the mention, trimmed.
    pub sentence: String,
    /// Where the sentence starts, in code points.
    pub sentence_start: usize,
    /// People named in the sentence (a title before a capitalised name, a name before
    /// "said"; 局长 or 主任 before a name, a name before 说/表示/指出).
    pub people: Vec<String>,
}

/// Where a date is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The expression as written.
    pub text: String,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
}

/// The dated events of `text`, sorted by `from` (then the shorter period first, then by
/// position). Several mentions of the
/// same value in one sentence make one event (the first mention).
pub fn events(text: &str, dct: Option<NaiveDate>) -> Vec<Event> {
    let analysis = super::analyse(text, dct);
    let offsets = CharOffsets::new(text);
    let mut out: Vec<(usize, Event)> = Vec::new();
    for (timex, &si) in analysis.timexes.iter().zip(&analysis.sentence_of) {
        if !matches!(timex.kind, TimexKind::Date | TimexKind::Time) {
            continue;
        }
        let (Some(from), Some(to), Some(precision)) = (timex.from, timex.to, timex.precision) else {
            continue;
        };
        if out.iter().any(|(s, e)| *s == si && e.value == timex.value) {
            continue;
        }
        let Some(sentence) = analysis.sentences.get(si) else {
            continue;
        };
        let sentence_text = &text[sentence.start..sentence.end];
        out.push((
            si,
            Event {
                value: timex.value.clone(),
                from,
                to,
                precision,
                mention: Mention { text: timex.text.clone(), start: timex.start, end: timex.end },
                sentence: sentence_text.to_string(),
                sentence_start: offsets.of(sentence.start),
                people: people(sentence_text),
            },
        ));
    }
    let mut events: Vec<Event> = out.into_iter().map(|(_, e)| e).collect();
    events.sort_by_key(|e| (e.from, e.to, e.mention.start));
    events
}

const NAME: &str = r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*";
static EN_TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt)\.?\s+(?P<n>{NAME}(?:\s+(?:[A-Z]\.\s+)?{NAME}){{0,2}})|(?:Director|President|Prime\s+Minister|Minister|Secretary|Senator|Governor|Mayor|Judge|Justice|Professor|Chairman|Chairwoman|Chancellor|Commissioner|Inspector|Detective|Officer|Sheriff|Ambassador|Pope|King|Queen|Prince|Princess|General|Colonel|Captain|Sergeant|Dean|Rabbi|Bishop|Coach|Speaker|Sir|Dame|Lord|Lady)\s+(?P<n2>{NAME}(?:\s+(?:[A-Z]\.\s+)?{NAME}){{0,2}})"
    ))
    .expect("people regex")
});
static EN_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<n>{NAME}(?:\s+(?:[A-Z]\.\s+)?{NAME}){{0,2}}),?\s+(?:said|says|told)\b"))
        .expect("people regex")
});
const NOT_NAMES: &[&str] = &[
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "The",
    "A",
    "An",
    "Officials",
    "Police",
    "Authorities",
    "Critics",
    "Experts",
    "Analysts",
    "Residents",
    "Witnesses",
    "Sources",
    "Others",
    "Many",
    "Some",
    "Both",
    "Spokesman",
    "Spokeswoman",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
    "Today",
    "Yesterday",
    "But",
    "And",
    "Then",
    "Later",
    "Also",
];

const TITLE_WORDS: &[&str] = &[
    "Director",
    "President",
    "Prime",
    "Minister",
    "Secretary",
    "Senator",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Professor",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Commissioner",
    "Inspector",
    "Detective",
    "Officer",
    "Sheriff",
    "Ambassador",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "General",
    "Colonel",
    "Captain",
    "Sergeant",
    "Dean",
    "Rabbi",
    "Bishop",
    "Coach",
    "Speaker",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const ZH_TITLES: &str = "副局长|局长|副主任|主任|副部长|部长|副市长|市长|省长|县长|区长|镇长|村长|主席|总理|总统|教授|院长|所长|校长|总经理|经理|董事长|书记|发言人|研究员|医生|专家|队长|会长|理事长|处长|科长|厅长|司长|馆长|负责人";
const ZH_VERBS: &str = "说|表示|指出|介绍|认为|强调|称|告诉";
static ZH_TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:{ZH_TITLES})(?P<n>(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|[{SURNAMES}])\p{{Han}}{{1,2}})"))
        .expect("people regex")
});
/// Characters that start the word after a name (a verb, a preposition, punctuation): a
/// three-character match ending in one of them is a two-character name.
const AFTER_NAME: &str = "说表指介认强称告在和与等带率到主出前对向也就还已曾今近日昨回答接会的是将为要、，。：（(";
static ZH_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<n>(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|[{SURNAMES}])\p{{Han}}{{1,2}}?)(?:{ZH_VERBS})"))
        .expect("people regex")
});

/// The people a sentence names, in order, without repeats.
pub(crate) fn people(sentence: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        let words: Vec<&str> =
            name.split_whitespace().skip_while(|w| NOT_NAMES.contains(w) || TITLE_WORDS.contains(w)).collect();
        let name = words.join(" ");
        if !name.is_empty() && !out.iter().any(|n| n.contains(&name)) {
            out.retain(|n| !name.contains(n.as_str()));
            out.push(name);
        }
    };
    for caps in EN_TITLED.captures_iter(sentence) {
        if let Some(n) = caps.name("n").or(caps.name("n2")) {
            add(n.as_str());
        }
    }
    for caps in EN_SAID.captures_iter(sentence) {
        let n = caps.name("n").expect("name");
        let before = sentence[..n.start()].trim_end();
        if !before.ends_with("the") && !before.ends_with("The") {
            add(n.as_str());
        }
    }
    if !sentence.is_ascii() {
        for caps in ZH_TITLED.captures_iter(sentence) {
            let chars: Vec<char> = caps["n"].chars().collect();
            let two_char = chars.len() == 3 && AFTER_NAME.contains(chars[2]);
            add(&chars[..if two_char { 2 } else { chars.len() }].iter().collect::<String>());
        }
        for caps in ZH_SAID.captures_iter(sentence) {
            let n = caps.name("n").expect("name");
            let before = sentence[..n.start()].chars().next_back();
            if before.is_none_or(|c| !crate::text::is_cjk(c)) {
                add(n.as_str());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_by_title_and_by_said() {
        assert_eq!(people("said the CDC's Dr. Michael Jhung said Friday."), ["Michael Jhung"]);
        assert_eq!(people("Director Jane Roe opened it, Tom Smith said."), ["Jane Roe", "Tom Smith"]);
        assert_eq!(people("He said the White House said no."), Vec::<String>::new());
        assert_eq!(people("局长张伟表示，工程将于下月完工。"), ["张伟"]);
        assert_eq!(people("“很好，”李明说。"), ["李明"]);
        assert_eq!(people("该公司表示将继续。"), Vec::<String>::new());
    }

    #[test]
    fn events_merge_one_date_per_sentence_and_sort() {
        let dct = NaiveDate::from_ymd_opt(2013, 3, 22);
        let text = "Call me Sunday night at 8 PM, he wrote on Sunday. It began in 2009.";
        let ev = events(text, dct);
        let values: Vec<_> = ev.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["2009", "2013-03-17TNI", "2013-03-17T20:00", "2013-03-17"]);
        assert_eq!(ev[0].sentence, "It began in 2009.");
        assert_eq!(ev[0].sentence_start, 50);
    }
}
