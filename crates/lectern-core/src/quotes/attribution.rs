//! Who said it: attribution patterns around a quotation, in English and Chinese.
//!
//! The text just before the opening mark (back to the sentence start) and just after the
//! closing mark (to the sentence end) are matched against the usual patterns of reporting:
//! "…," said X / X said / X, a title, said / X said the work "…" / according to X / X told Y:
//! "…"; X说：“…” / X表示：/ X指出 / 据X介绍 / “…”X说。 Titles before a name are taken off
//! ("county engineer Jane Roe", "Director Li Wei", 馆长王立新 → Jane Roe, Li Wei, 王立新).
//! A pronoun ("he said", 她说) is reported as such, for the caller to resolve.

use regex::Regex;
use std::sync::LazyLock;

/// What the context of a quotation says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Attribution {
    /// A named speaker.
    Named(String),
    /// "he said", 她说: the speaker is someone named earlier.
    Pronoun,
}

/// English reporting verbs. "say" (plural) is left out on purpose: "Residents say" names a
/// crowd, not a speaker.
const VERBS: &str = r"(?:said|says|told|tells|added|adds|explained|explains|noted|notes|recalled|recalls|asked|asks|stated|states|wrote|writes|argued|argues|warned|warns|insisted|insists|replied|replies|remarked|continued|concluded|admitted|acknowledged|emphasi[sz]ed|stressed|observed|commented|announced|declared|pointed out|points out|answered)";

/// A name: one to four capitalised words (initials and particles allowed).
const NAME: &str = r"(?:[A-Z][\p{L}'’.-]*(?:\s+(?:[A-Z][\p{L}'’.-]*|de|van|von|der|da|bin|al-[A-Z][\p{L}]*)){0,3})";

static AFTER_VERB_NAME: LazyLock<Regex> = LazyLock::new(|| {
    // ", said county engineer Jane Roe" / ", said he"
    Regex::new(&format!(
        r"^[\s,，]*{VERBS}\s+(?:(?:the\s+)?(?:[a-z-]+\s+){{0,3}}(?P<name>{NAME})|(?P<pronoun>he|she)\b)"
    ))
    .expect("valid regex")
});
static AFTER_NAME_VERB: LazyLock<Regex> = LazyLock::new(|| {
    // ", Chen said" / ", he added" / ", Chen Hua, director of the bureau, said"
    Regex::new(&format!(
        r"^[\s,，]*(?:(?P<name>{NAME})(?:\s*,[^,“”\x22]{{1,80}},)?|(?P<pronoun>he|she))\s+(?:\p{{Ll}}+ly\s+)?{VERBS}\b"
    ))
    .expect("valid regex")
});
static BEFORE_NAME_VERB: LazyLock<Regex> = LazyLock::new(|| {
    // "County engineer Jane Roe said the work " / "He told reporters: " / "Li Wei pointed out that "
    Regex::new(&format!(
        r"(?:(?P<name>{NAME})(?:\s*,[^,“”\x22]{{1,80}},)?|\b(?P<pronoun>[Hh]e|[Ss]he))\s+(?:\p{{Ll}}+ly\s+)?{VERBS}\b[^.!?]*$"
    ))
    .expect("valid regex")
});
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[Aa]ccording to\s+(?:(?:the\s+)?(?:[a-z-]+\s+){{0,3}}(?P<name>{NAME}))[^.!?]*$"))
        .expect("valid regex")
});

/// Chinese reporting verbs, longest first.
///
/// Single-character 称 and 道 are left out: 俗称“…”, 被称为“…” name things, they report no one.
const ZH_VERBS: &str = "告诉记者|介绍说|表示|指出|介绍|强调|认为|坦言|回忆|感慨|解释|透露|补充|说道|笑道|问道|说";

static ZH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // 修复师李娜说：“ / 馆长王立新表示：“ / 他指出，“
    Regex::new(&format!(r"(?P<who>[^，。！？；：、,.!?;:\s“”「」]{{1,24}}?)(?:{ZH_VERBS})\s*[：:，,]?\s*$"))
        .expect("valid regex")
});
static ZH_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"据(?P<who>[^，。！？；：、,.!?;:\s“”「」]{1,24}?)(?:介绍|透露|称|表示|说)[，,]?\s*$")
        .expect("valid regex")
});
static ZH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // ”陈先生说。
    Regex::new(&format!(r"^[，,]?\s*(?P<who>[^，。！？；：、,.!?;:\s“”「」]{{1,12}}?)(?:{ZH_VERBS})"))
        .expect("valid regex")
});

/// Capitalised words that start sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "So",
    "Then",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "Yet",
    "However",
    "Meanwhile",
    "Officials",
    "Residents",
    "We",
    "They",
    "I",
    "You",
    "He",
    "She",
    "Our",
    "His",
    "Her",
    "Their",
    "Its",
    "Some",
    "Many",
    "One",
    "Others",
    "Everyone",
    "Nobody",
];

/// Titles that may stand before an English name.
const TITLES: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Director",
    "Deputy",
    "Mayor",
    "Governor",
    "President",
    "Vice",
    "Minister",
    "Secretary",
    "Chief",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Senator",
    "Judge",
    "Captain",
    "General",
    "Engineer",
    "Inspector",
    "Officer",
    "Head",
    "Manager",
    "Curator",
    "Councillor",
    "Councilor",
    "Commissioner",
    "Superintendent",
    "Principal",
    "Sister",
    "Brother",
    "Father",
    "Rev",
    "Rev.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Coach",
    "Editor",
    "Reporter",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
];

/// Chinese titles and roles that stand before a name, longest first where they overlap.
const ZH_TITLES: &[&str] = &[
    "副馆长",
    "馆长",
    "修复师",
    "工程师",
    "研究员",
    "副教授",
    "教授",
    "副主任",
    "主任",
    "副局长",
    "局长",
    "处长",
    "科长",
    "副院长",
    "院长",
    "校长",
    "总经理",
    "经理",
    "董事长",
    "书记",
    "市长",
    "县长",
    "镇长",
    "乡长",
    "村长",
    "主席",
    "负责人",
    "发言人",
    "专家",
    "记者",
    "医生",
    "律师",
    "老师",
    "队长",
    "站长",
    "所长",
    "部长",
    "厅长",
    "代表",
    "委员",
    "志愿者",
    "学生",
    "市民",
    "村民",
    "居民",
    "游客",
    "读者",
    "网友",
    "师傅",
    "教师",
    "管理员",
    "工作人员",
    "店主",
    "农民",
    "工人",
    "村支书",
    "组长",
    "社长",
    "馆员",
    "员工",
    "司机",
    "厨师",
    "护士",
    "科学家",
    "作家",
    "画家",
    "艺术家",
    "导演",
    "演员",
    "运动员",
    "教练",
    "院士",
    "博士",
    "讲解员",
    "队员",
];

/// Single-character adverbs that sit between a Chinese speaker and the verb (老师傅常对…说).
const ZH_ADVERBS: &[char] = &['常', '也', '还', '又', '再', '曾', '都', '就', '便', '则', '却', '更', '总', '笑', '便'];

/// The attribution in the text before a quotation (from its sentence start to the mark).
pub(super) fn before(window: &str) -> Option<Attribution> {
    if let Some(c) = ZH_ACCORDING.captures(window).or_else(|| ZH_BEFORE.captures(window)) {
        return zh_speaker(&c["who"]);
    }
    if let Some(c) = ACCORDING_TO.captures(window) {
        if let Some(name) = clean_name(&c["name"]) {
            return Some(Attribution::Named(name));
        }
    }
    english(&BEFORE_NAME_VERB, window)
}

/// The attribution in the text after a quotation (from the mark to its sentence end).
pub(super) fn after(window: &str) -> Option<Attribution> {
    if let Some(c) = ZH_AFTER.captures(window) {
        return zh_speaker(&c["who"]);
    }
    english(&AFTER_VERB_NAME, window).or_else(|| english(&AFTER_NAME_VERB, window))
}

/// The last "X said" in running text (no quotation needed): who was speaking last, and the
/// byte offset of the mention.
pub(super) fn last_mention(text: &str) -> Option<(usize, String)> {
    static MENTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?P<name>{NAME})(?:\s*,[^,“”\x22]{{1,80}},)?\s+(?:\p{{Ll}}+ly\s+)?{VERBS}\b"))
            .expect("valid regex")
    });
    static ZH_MENTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?P<who>[^，。！？；：、,.!?;:\s“”「」]{{1,24}}?)(?:{ZH_VERBS})[：:，,]"))
            .expect("valid regex")
    });
    let english = MENTION.captures_iter(text).filter_map(|c| Some((c.get(0)?.start(), clean_name(&c["name"])?))).last();
    let chinese = ZH_MENTION
        .captures_iter(text)
        .filter_map(|c| match zh_speaker(&c["who"])? {
            Attribution::Named(name) => Some((c.get(0)?.start(), name)),
            Attribution::Pronoun => None,
        })
        .last();
    match (english, chinese) {
        (Some(e), Some(z)) => Some(if e.0 > z.0 { e } else { z }),
        (e, z) => e.or(z),
    }
}

fn english(pattern: &Regex, window: &str) -> Option<Attribution> {
    let c = pattern.captures(window)?;
    let pronoun = c.name("pronoun").or_else(|| c.name("name").filter(|n| ["He", "She"].contains(&n.as_str())));
    if pronoun.is_some() {
        return Some(Attribution::Pronoun);
    }
    clean_name(c.name("name")?.as_str()).map(Attribution::Named)
}

/// Takes sentence-initial words and titles off a captured name; `None` if nothing is left.
fn clean_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.iter().position(|w| !NOT_NAMES.contains(w) && !TITLES.contains(w))?;
    let words = &words[first..];
    // A title alone ("the Director said") or a lone pronoun is no name.
    if words.is_empty() || ["He", "She"].contains(&words[0]) {
        return None;
    }
    Some(words.join(" ").trim_end_matches(['.', ',']).to_string())
}

/// The speaker in a Chinese clause before a reporting verb: 参加过体验活动的市民陈先生 → 陈先生.
fn zh_speaker(clause: &str) -> Option<Attribution> {
    let mut clause: &str = clause.trim();
    clause = clause.strip_prefix('据').unwrap_or(clause);
    // The listener goes: 老师傅常对年轻人 → 老师傅常.
    for listener in ["对", "向", "跟", "告诉"] {
        if let Some(at) = clause.find(listener) {
            if at > 0 {
                clause = &clause[..at];
            }
        }
    }
    // Adverbs before the verb: 常, 也; and manner phrases ending in 地 (感慨地).
    loop {
        let trimmed = clause.trim_end_matches(ZH_ADVERBS);
        let trimmed = match trimmed.rfind('地') {
            Some(at) if at + '地'.len_utf8() == trimmed.len() && trimmed[..at].chars().count() >= 2 => {
                let before: Vec<char> = trimmed[..at].chars().collect();
                let keep = before.len().saturating_sub(2);
                &trimmed[..before[..keep].iter().map(|c| c.len_utf8()).sum::<usize>()]
            }
            _ => trimmed,
        };
        if trimmed == clause {
            break;
        }
        clause = trimmed;
    }
    // Descriptions end at 的: 参加过体验活动的市民陈先生 → 市民陈先生.
    if let Some(at) = clause.rfind('的') {
        clause = &clause[at + '的'.len_utf8()..];
    }
    if clause.is_empty() {
        return None;
    }
    if ["他", "她"].contains(&clause) {
        return Some(Attribution::Pronoun);
    }
    if clause.chars().any(|c| !crate::text::is_cjk(c)) {
        return None;
    }
    // A name after the last title: 图书馆馆长王立新 → 王立新.
    let after_title = ZH_TITLES
        .iter()
        .filter_map(|t| clause.rfind(t).map(|at| &clause[at + t.len()..]))
        .filter(|rest| (2..=4).contains(&rest.chars().count()))
        .min_by_key(|rest| rest.len());
    match after_title {
        Some(name) => Some(Attribution::Named(name.to_string())),
        None if (2..=6).contains(&clause.chars().count()) => Some(Attribution::Named(clause.to_string())),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Option<Attribution> {
        Some(Attribution::Named(name.into()))
    }

    #[test]
    fn english_after_the_quote() {
        assert_eq!(after(", said Chen Hua, director of the county ecology bureau."), named("Chen Hua"));
        assert_eq!(after(" said county engineer Jane Roe."), named("Jane Roe"));
        assert_eq!(after(", Chen said."), named("Chen"));
        assert_eq!(after(", Chen Hua, head of the bureau, added."), named("Chen Hua"));
        assert_eq!(after(", he said."), Some(Attribution::Pronoun));
        assert_eq!(after(" for the valley when it was announced, is now"), None);
    }

    #[test]
    fn english_before_the_quote() {
        assert_eq!(before("County engineer Jane Roe said the work "), named("Jane Roe"));
        assert_eq!(before("Director Li Wei pointed out that "), named("Li Wei"));
        assert_eq!(before("According to Jane Roe, "), named("Jane Roe"));
        assert_eq!(before("Mayor Ann Lee told reporters: "), named("Ann Lee"));
        assert_eq!(before("The plan was billed as a "), None);
        assert_eq!(before("She added: "), Some(Attribution::Pronoun));
    }

    #[test]
    fn chinese_speakers_lose_their_titles() {
        assert_eq!(before("修复师李娜说："), named("李娜"));
        assert_eq!(before("馆长王立新表示："), named("王立新"));
        assert_eq!(before("老师傅常对年轻人说："), named("老师傅"));
        assert_eq!(before("参加过体验活动的市民陈先生说："), named("陈先生"));
        assert_eq!(before("据馆长王立新介绍，"), named("王立新"));
        assert_eq!(before("专家指出，"), named("专家"));
        assert_eq!(before("他感慨地说："), Some(Attribution::Pronoun));
        assert_eq!(after("陈先生说。"), named("陈先生"));
        assert_eq!(before("修复师正用毛笔为虫蛀的书页"), None);
    }

    #[test]
    fn mentions_in_running_text() {
        assert_eq!(last_mention("Then Chen said the next challenge is to hold on to it. "), Some((0, "Chen".into())));
        assert_eq!(last_mention("Residents of Shiqiao Township say they can see."), None);
        assert_eq!(last_mention("据介绍，图书馆今年还将设置参观通道。"), None);
        assert_eq!(last_mention("她告诉记者，一页书要补一整天。"), None);
    }
}
