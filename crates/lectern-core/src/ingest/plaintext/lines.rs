//! What a single line of a copied page is: chrome to drop, a location trail, a source/date
//! line, or text. Each rule looks at one line alone; where a line sits is decided in the
//! parent module.

use super::vocab::*;
use crate::published;
use regex::Regex;
use std::sync::LazyLock;

/// Brackets and bullets that pages wrap their labels and links in (`【Print】`, `[打印本页]`).
const WRAPPERS: &[char] = &['【', '】', '[', ']', '〔', '〕', '（', '）', '(', ')', '|', '丨', '｜', '·', '•', ' '];

/// What a source/date line tells about the article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct MetaFields {
    /// The credited publisher (`Source: Zhejiang Daily`).
    pub source: Option<String>,
    /// The publication time, normalised.
    pub published: Option<String>,
    /// The author (`Author: …`, `作者：…`).
    pub byline: Option<String>,
}

/// If `text` starts with one of `labels` followed by a colon, the text after the colon.
///
/// Requiring the colon is what keeps "Location of the plant…" or "字体设计" out: a label
/// is only a label when the page punctuates it as one.
fn after_label<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|label| {
        let head = text.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        let rest = text[label.len()..].trim_start();
        let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
        Some(rest.trim())
    })
}

/// The line without the brackets and bullets around it.
fn unwrapped(line: &str) -> &str {
    line.trim_matches(|c: char| WRAPPERS.contains(&c) || c.is_whitespace())
}

/// True for lines that belong to the page, not the article: font-size switches, share bars,
/// visit counters, editor credits, and rows of print/close/back-to-top links.
pub(super) fn is_chrome(line: &str) -> bool {
    let core = unwrapped(line);
    // Labelled chrome: the label alone identifies the line, whatever follows it
    // (`【Fonts: Small Big`, `Share to: WeChat Weibo`, `Views: 123`, `责任编辑：王芳`).
    let labelled = [FONT_LABELS, SHARE_LABELS, VIEW_LABELS, EDITOR_LABELS];
    if labelled.iter().any(|labels| after_label(core, labels).is_some()) {
        return true;
    }
    only_page_actions(line)
}

/// True when the line is nothing but page actions (`【Print】【Close】`, `[打印本页] [关闭窗口]`,
/// `Back to top`): remove every known action and see whether anything but brackets is left.
fn only_page_actions(line: &str) -> bool {
    let mut rest = line.to_lowercase();
    let before = rest.len();
    for action in PAGE_ACTIONS {
        rest = rest.replace(action, "");
    }
    rest.len() < before
        && rest.chars().all(|c| WRAPPERS.contains(&c) || c.is_whitespace() || "/、,，:：-—_".contains(c))
}

/// Reads a location trail (`Your locale: HOME > NEWS > Local`, `首页 > 新闻中心 > 本地要闻`)
/// into its steps, without the label.
pub(super) fn breadcrumb(line: &str) -> Option<Vec<String>> {
    let line = unwrapped(line);
    let (labelled, trail) = match after_label(line, BREADCRUMB_LABELS) {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let starts_at_home = HOME_WORDS.iter().any(|home| {
        trail.get(..home.len()).is_some_and(|head| head.eq_ignore_ascii_case(home))
            && !trail[home.len()..].starts_with(|c: char| c.is_alphanumeric())
    });
    let arrows = trail.contains(TRAIL_SEPARATORS);
    // A slash separates steps only in a line that is clearly a trail; otherwise "and/or"
    // or a date like 2022/3/14 would make one.
    let steps: Vec<String> = if arrows {
        trail.split(TRAIL_SEPARATORS).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
    } else if labelled || starts_at_home {
        trail.split(['/', '／']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
    } else {
        return None;
    };
    // Steps are link texts: short, and never sentences.
    let step_like = |s: &String| s.chars().count() <= 30 && !s.contains(['。', '，', '！', '？', '!', '?', ';', '；']);
    if steps.is_empty() || !steps.iter().all(step_like) {
        return None;
    }
    // Without a label, only a trail that starts at the home page, or a long arrow chain, is
    // trusted: "A > B" alone is as likely a comparison.
    let trusted = labelled || (starts_at_home && steps.len() >= 2) || (arrows && steps.len() >= 3);
    trusted.then_some(steps)
}

/// What kind of field a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Source,
    Date,
    Author,
    Ignored,
}

/// Every label a source/date line may hold, longest first so that "release date" wins over
/// "date" and "发布时间" over "时间".
static META_LABELS: LazyLock<(Regex, Vec<(&'static str, Field)>)> = LazyLock::new(|| {
    let mut labels: Vec<(&'static str, Field)> = Vec::new();
    let groups = [
        (SOURCE_LABELS, Field::Source),
        (DATE_LABELS, Field::Date),
        (AUTHOR_LABELS, Field::Author),
        (EDITOR_LABELS, Field::Ignored),
        (VIEW_LABELS, Field::Ignored),
    ];
    for (words, field) in groups {
        labels.extend(words.iter().map(|w| (*w, field)));
    }
    labels.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let alternation: Vec<String> = labels.iter().map(|(w, _)| regex::escape(w)).collect();
    let re = Regex::new(&format!(r"(?i)(?:{})\s*[:：]", alternation.join("|"))).expect("label pattern");
    (re, labels)
});

/// The labels in `line`, as (field, start of label, end of colon). A Latin label glued to
/// a preceding letter is only a label at a case change (`DailyDate:`), never inside a word
/// (`Updated:` holds no `date:`).
fn labels_in(line: &str) -> Vec<(Field, usize, usize)> {
    let (re, labels) = &*META_LABELS;
    let mut found = Vec::new();
    for m in re.find_iter(line) {
        let label = m.as_str().trim_end_matches([':', '：']).trim_end();
        let Some(&(_, field)) = labels.iter().find(|(w, _)| w.eq_ignore_ascii_case(label)) else {
            continue;
        };
        let before = line[..m.start()].chars().next_back();
        let first = label.chars().next().unwrap_or(' ');
        let glued = before.is_some_and(|c| c.is_ascii_alphanumeric()) && first.is_ascii_alphabetic();
        if glued && !(before.is_some_and(|c| c.is_ascii_lowercase()) && first.is_ascii_uppercase()) {
            continue;
        }
        found.push((field, m.start(), m.end()));
    }
    found
}

/// Reads a source/date line (`Source: Zhejiang Daily Date: 2022-03-14 09:05:00`,
/// `来源：浙江日报 发布时间：2022-08-15 09:30:00`, `Author: …`), or `None` when the line is
/// not one. The line must open with a label (or with a bare date followed by labels).
pub(super) fn meta_line(line: &str) -> Option<MetaFields> {
    let core = unwrapped(line);
    // A sentence that mentions a source in passing is long; these lines are short.
    if core.chars().count() > 160 {
        return None;
    }
    let labels = labels_in(core);
    let (_, first_start, _) = *labels.first()?;
    let lead = core[..first_start].trim();
    if !lead.is_empty() && !is_date_alone(lead) {
        return None;
    }
    let mut fields = MetaFields::default();
    for (i, &(field, _, value_start)) in labels.iter().enumerate() {
        let value_end = labels.get(i + 1).map_or(core.len(), |next| next.1);
        let value = core[value_start..value_end].trim_matches(|c: char| WRAPPERS.contains(&c) || c.is_whitespace());
        if value.is_empty() {
            continue;
        }
        match field {
            Field::Source if fields.source.is_none() => fields.source = Some(value.to_string()),
            Field::Author if fields.byline.is_none() => fields.byline = Some(value.to_string()),
            Field::Date if fields.published.is_none() => fields.published = published::normalize(value),
            _ => {}
        }
    }
    // The date may stand without a label (`2022-03-14 Source: Xinhua`).
    if fields.published.is_none() {
        fields.published = published::normalize(core);
    }
    Some(fields)
}

/// True for a line that is only a date or time (`March 2`, `2022-03-14 09:05`,
/// `2022年3月14日 星期一`): such a line is metadata, never a heading.
pub(super) fn is_date_alone(line: &str) -> bool {
    static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)^(?:
                \d | [年月日号时分秒点\s.\-/:：,，()（）]
              | \b(?:january|february|march|april|may|june|july|august|september|october|november|december
                   |jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?
              | \b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?
              | \b[ap]\.?m\b\.? | (?:st|nd|rd|th)\b | \bat\b | 星期[一二三四五六日天] | 周[一二三四五六日天]
            )+$",
        )
        .expect("date pattern")
    });
    line.contains(|c: char| c.is_ascii_digit()) && DATE_ONLY.is_match(line.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs_lose_their_label_and_accept_every_separator() {
        let cases: [(&str, &[&str]); 7] = [
            ("Your locale: HOME > NEWS > Local", &["HOME", "NEWS", "Local"]),
            ("Location:Home>World", &["Home", "World"]),
            ("首页 > 新闻中心 > 本地要闻", &["首页", "新闻中心", "本地要闻"]),
            ("当前位置：首页 > 新闻 > 本地", &["首页", "新闻", "本地"]),
            ("您的位置：首页＞政务公开＞通知公告", &["首页", "政务公开", "通知公告"]),
            ("Home » Science › Space", &["Home", "Science", "Space"]),
            ("Location: Home / World / Asia", &["Home", "World", "Asia"]),
        ];
        for (line, want) in cases {
            assert_eq!(breadcrumb(line), Some(want.iter().map(|s| s.to_string()).collect()), "{line}");
        }
    }

    #[test]
    fn sentences_and_comparisons_are_not_breadcrumbs() {
        for line in [
            "Prices rose > 5% in March",
            "The and/or question was settled.",
            "Location of the new plant is still open.",
            "2022/3/14",
            "A > B",
            "当前位置：首页，然后我们去了新闻中心。",
        ] {
            assert_eq!(breadcrumb(line), None, "{line}");
        }
    }

    #[test]
    fn source_date_lines_in_every_spelling() {
        let all = |s: &str, p: &str| MetaFields { source: Some(s.into()), published: Some(p.into()), byline: None };
        assert_eq!(
            meta_line("Source: Zhejiang Daily Date: 2022-03-14 09:05:00"),
            Some(all("Zhejiang Daily", "2022-03-14T09:05:00"))
        );
        assert_eq!(meta_line("Source:Zhejiang DailyDate:2022-03-14"), Some(all("Zhejiang Daily", "2022-03-14")));
        assert_eq!(
            meta_line("来源：浙江日报\u{3000}发布时间：2022-08-15 09:30:00"),
            Some(all("浙江日报", "2022-08-15T09:30:00"))
        );
        assert_eq!(meta_line("来源:宁波晚报 时间:2022年5月6日"), Some(all("宁波晚报", "2022-05-06")));
        let author = meta_line("作者：李明").unwrap();
        assert_eq!(author.byline.as_deref(), Some("李明"));
        let date = meta_line("Updated: March 14, 2022").unwrap();
        assert_eq!(date.published.as_deref(), Some("2022-03-14"));
        assert_eq!(meta_line("2022-03-14 09:05 Source: Xinhua").unwrap().source.as_deref(), Some("Xinhua"));
    }

    #[test]
    fn sentences_mentioning_sources_are_not_source_lines() {
        assert_eq!(meta_line("Sources close to the bureau said the plan would change."), None);
        assert_eq!(meta_line("The source: a report from 2021 that nobody read."), None);
        assert_eq!(meta_line("据来源：不详"), None);
    }

    #[test]
    fn chrome_lines_are_recognised() {
        for line in [
            "【Fonts: Small Big",
            "【Font size: Large Medium Small】",
            "【字体：大 中 小】",
            "字号：大 中 小",
            "【Print】【Close】",
            "[打印本页] [关闭窗口]",
            "Share to:",
            "分享到：微信 微博",
            "Back to top",
            "Views: 123",
            "浏览次数：4567",
            "Editor: Zhang Hua",
            "（责任编辑：王芳）",
        ] {
            assert!(is_chrome(line), "{line}");
        }
        for line in ["Print shops reopened on Monday.", "Close to 300 people attended.", "字体设计大赛开幕"] {
            assert!(!is_chrome(line), "{line}");
        }
    }

    #[test]
    fn dates_alone() {
        for line in ["March 2", "2022-03-14 09:05", "2022年3月14日 星期一", "Monday, March 14, 2022"] {
            assert!(is_date_alone(line), "{line}");
        }
        for line in ["Mayor 12", "Phase 2", "II. Results", "March on"] {
            assert!(!is_date_alone(line), "{line}");
        }
    }
}
