//! The article's body: joining hard-wrapped lines into paragraphs, and telling the few
//! section headings apart from them.

use super::lines::is_date_alone;
use super::vocab::{CAPTION_STARTS, SPEECH_VERBS, TRAILING_FUNCTION_WORDS};
use crate::document::{Block, BlockKind};
use crate::text::{count_words, is_cjk};
use regex::Regex;
use std::sync::LazyLock;

/// Punctuation that ends a sentence (and so a paragraph line that is not wrapped).
const SENTENCE_END: &[char] = &['.', '!', '?', '。', '！', '？', '…', ';', '；', ':', '：'];

/// Closing quotes and brackets that may follow the sentence end (`…said."`, `……。”`).
const CLOSERS: &[char] = &['"', '\'', '”', '’', '」', '』', ')', '）', ']', '】', '》'];

/// Lines wider than this (in columns, CJK counting two) are never the product of hard
/// wrapping: mail and text editors wrap at 72–80 columns.
const MAX_WRAP_WIDTH: usize = 100;

/// A Latin heading has at most this many words…
const MAX_HEADING_WORDS: usize = 10;
/// …and a Chinese one at most this many characters.
const MAX_HEADING_CJK: usize = 24;

/// A paragraph in the making: its text and how many source lines it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paragraph {
    pub text: String,
    pub lines: usize,
}

/// True when the line ends a sentence, looking past closing quotes and brackets.
pub(super) fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(CLOSERS).ends_with(SENTENCE_END)
}

/// Columns a text takes in a monospaced editor: CJK and full-width forms take two.
fn width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// The wrap width, when the text was hard-wrapped: most lines fit a narrow column and at
/// least three lines that stop mid-sentence reach nearly to its edge.
fn wrap_width(lines: &[Option<String>]) -> Option<usize> {
    let texts: Vec<&String> = lines.iter().flatten().collect();
    let narrow = texts.iter().filter(|l| width(l) <= MAX_WRAP_WIDTH).count();
    if texts.is_empty() || narrow * 5 < texts.len() * 4 {
        return None;
    }
    let continued = |i: usize| lines.get(i + 1).is_some_and(Option::is_some);
    let edge = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((i, l.as_ref()?)))
        .filter(|(i, l)| continued(*i) && width(l) <= MAX_WRAP_WIDTH)
        .map(|(_, l)| width(l))
        .max()?;
    let wrapped = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((i, l.as_ref()?)))
        .filter(|(i, l)| continued(*i) && !ends_sentence(l) && width(l) * 5 >= edge * 4)
        .count();
    (wrapped >= 3).then_some(edge)
}

/// Whether `line` continues on `next` rather than ending its paragraph.
fn continues(line: &str, next: &str, wrap: Option<usize>) -> bool {
    if ends_sentence(line) {
        return false;
    }
    match wrap {
        // A greedy wrapper breaks a line only when the next word would not fit; a line that
        // had room for it was broken by its author (a heading, a caption, a list). Text
        // wrapped by hand is less exact, hence a tenth of the width as slack.
        Some(wrap) => {
            let limit = wrap - wrap / 10;
            // In CJK text the next "word" is one character, with no space before it, and a
            // line may stop a character short because punctuation cannot open a line.
            if next.starts_with(is_wide) {
                return width(line) + 4 > limit;
            }
            let first_word = next.split_whitespace().next().unwrap_or("");
            width(line) + 1 + width(first_word) > limit
        }
        // Unwrapped text keeps one paragraph per line; only a line that plainly continues
        // in lower case is a paragraph broken in copying.
        None => next.starts_with(|c: char| c.is_ascii_lowercase()),
    }
}

/// Appends `next` to a paragraph: with a space between Latin words, with none between CJK
/// characters (Chinese has no spaces to restore), and with none after a hyphen that split
/// a compound (`long-` / `term`).
fn join(text: &mut String, next: &str) {
    let last = text.chars().next_back();
    let first = next.chars().next();
    let tight = match (last, first) {
        (Some(a), Some(b)) if is_wide(a) && is_wide(b) => true,
        (Some('-'), Some(b)) => b.is_lowercase() && text.chars().rev().nth(1).is_some_and(char::is_alphabetic),
        _ => false,
    };
    if !tight {
        text.push(' ');
    }
    text.push_str(next);
}

/// Groups body lines (`None` for a blank line or dropped chrome) into paragraphs.
pub(super) fn paragraphs(lines: &[Option<String>]) -> Vec<Paragraph> {
    let wrap = wrap_width(lines);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        let Some(line) = line else {
            open = false;
            continue;
        };
        match out.last_mut() {
            Some(paragraph) if open => {
                join(&mut paragraph.text, line);
                paragraph.lines += 1;
            }
            _ => out.push(Paragraph { text: line.clone(), lines: 1 }),
        }
        open = matches!(lines.get(i + 1), Some(Some(next)) if continues(line, next, wrap));
    }
    out
}

/// Turns paragraphs into blocks, making headings of the lines that stand as section titles.
pub(super) fn blocks(paragraphs: &[Paragraph]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let after_paragraph = blocks.last().is_some_and(|b| b.kind == BlockKind::Paragraph);
        let before_paragraph = paragraphs.get(i + 1).is_some_and(|next| {
            ends_sentence(&next.text) && next.text.chars().count() > paragraph.text.chars().count()
        });
        // A heading stands between two paragraphs: something must precede it (it does not
        // open the body, where a deck or a dateline sits) and real prose must follow it.
        if paragraph.lines == 1 && after_paragraph && before_paragraph && is_heading_like(&paragraph.text) {
            blocks.push(Block::heading(2, paragraph.text.clone()));
        } else {
            blocks.push(Block::paragraph(paragraph.text.clone()));
        }
    }
    blocks
}

/// The enumerators sections are numbered with (`II.`, `3)`, `一、`, `（二）`, `第三部分`),
/// which are stripped before the heading's own words are judged.
static ENUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[IVXLC]+|\d{1,2}|[A-Z])[.)]\s+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]\s*|第[一二三四五六七八九十\d]+[章节部分]\s*)")
        .expect("enumerator pattern")
});

/// True when a lone line reads as a section title. Every rule here rejects; false headings
/// break the reading order worse than missed ones, so the line has to pass them all.
pub(super) fn is_heading_like(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = ENUMERATOR.replace(line, "");
    let words = words.trim();
    let cjk = words.chars().filter(|&c| is_cjk(c)).count();
    let latin_words = words.split_whitespace().count();
    // Closing punctuation means a sentence, a quotation or a bracketed remark; but a title
    // may end on a quoted term (`二、聚焦“一老一小”`, `修复师都是“慢功夫”`): numbered, or
    // with the opening quote inside the line rather than at its start.
    let enumerated = words.len() < line.trim().len();
    let quoted_term = [('“', '”'), ('「', '」'), ('『', '』'), ('"', '"')].iter().any(|&(open, close)| {
        line.ends_with(close) && line[..line.len() - close.len_utf8()].contains(open) && !line.starts_with(open)
    });
    let closed = line.trim_end().ends_with(|c: char| {
        SENTENCE_END.contains(&c) || ",，、".contains(c) || (CLOSERS.contains(&c) && !enumerated && !quoted_term)
    });
    // Titles are short.
    let short =
        if cjk * 2 >= words.chars().count() { cjk <= MAX_HEADING_CJK } else { latin_words <= MAX_HEADING_WORDS };
    // A sentence break inside means two sentences, a comma in Chinese a clause.
    let inner_sentence = words.contains(['。', '！', '？', '，', '；']) || words.contains(". ") || words.contains("? ");
    // Captions look like headings: "(Photo: …)", "图为…", "▲…".
    // (Judged after the enumerator, so that "（二）" does not pass for a bracketed caption.)
    let caption = CAPTION_STARTS.iter().any(|start| words.to_lowercase().starts_with(start));
    // Speech: a line opening with a quotation mark or a dash, or naming a speaker.
    let speech = line.starts_with(['"', '“', '「', '『', '\'', '—', '–', '-', '―'])
        || SPEECH_VERBS.iter().any(|verb| lower.contains(verb));
    // Latin headings are capitalised and do not stop on "the" or "of" (a broken line).
    let latin_shape = cjk > 0
        || (words.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !words
                .split_whitespace()
                .next_back()
                .is_some_and(|w| TRAILING_FUNCTION_WORDS.contains(&w.to_lowercase().as_str())));
    let link = lower.contains("://") || lower.contains("www.") || lower.contains('@');
    !words.is_empty()
        && count_words(words) >= 1
        && !closed
        && short
        && !inner_sentence
        && !caption
        && !speech
        && latin_shape
        && !link
        && !is_date_alone(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Option<String>> {
        text.lines().map(|l| (!l.trim().is_empty()).then(|| l.trim().to_string())).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        paragraphs(&lines(text)).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn hard_wrapped_latin_lines_join_with_a_space() {
        let text = "The regional transport bureau said on Tuesday that the new line would\n\
                    open to passengers in the spring, two months later than planned, after\n\
                    engineers found cracks in the supports of the viaduct near the river.\n\
                    Tickets will cost the same as on the existing lines of the network, and\n\
                    students will travel at half price until the end of the school year.\n\
                    \n\
                    Next steps\n\
                    Work on the second viaduct starts in June.";
        assert_eq!(
            texts(text),
            [
                "The regional transport bureau said on Tuesday that the new line would open to passengers in the spring, two months later than planned, after engineers found cracks in the supports of the viaduct near the river.",
                "Tickets will cost the same as on the existing lines of the network, and students will travel at half price until the end of the school year.",
                "Next steps",
                "Work on the second viaduct starts in June.",
            ]
        );
    }

    #[test]
    fn hard_wrapped_chinese_lines_join_without_a_space() {
        let text = "市交通局周二表示，新线路将于春季开通，比原计划晚两个月，原因是工程师\n\
                    在河边高架桥的支柱上发现了裂缝。票价与现有线路相同，学生在本学年结束\n\
                    前享受半价优惠，老年人凭证件可以免费乘坐，残疾人士同样享受免费乘车。\n\
                    市交通局还表示，二期工程的高架桥将于六月开工建设，预计两年内完工通车，\n\
                    届时从城东到城西只需要二十分钟。";
        assert_eq!(
            texts(text),
            [
                "市交通局周二表示，新线路将于春季开通，比原计划晚两个月，原因是工程师在河边高架桥的支柱上发现了裂缝。\
                 票价与现有线路相同，学生在本学年结束前享受半价优惠，老年人凭证件可以免费乘坐，残疾人士同样享受免费乘车。",
                "市交通局还表示，二期工程的高架桥将于六月开工建设，预计两年内完工通车，届时从城东到城西只需要二十分钟。",
            ]
        );
    }

    #[test]
    fn unwrapped_text_keeps_one_paragraph_per_line() {
        let text = "Funding for the second phase\nThe council approved 2.4 billion yuan for the second phase of the project on Tuesday, after a long debate.\n(Photo: the new bridge at dusk)";
        assert_eq!(texts(text).len(), 3);
    }

    #[test]
    fn headings_stand_between_paragraphs() {
        let para = |t: &str| Paragraph { text: t.into(), lines: 1 };
        let body = [
            para("The council met on Tuesday to discuss the budget."),
            para("Funding for the second phase"),
            para("The second phase will cost 2.4 billion yuan, the finance office said."),
            para("(Photo: the new bridge at dusk)"),
            para("Work resumes in June, when the river is low enough for the barges."),
        ];
        let kinds: Vec<bool> = blocks(&body).iter().map(|b| matches!(b.kind, BlockKind::Heading { .. })).collect();
        assert_eq!(kinds, [false, true, false, false, false]);
    }

    #[test]
    fn heading_shapes() {
        for line in [
            "Funding for the second phase",
            "一、项目进展",
            "二、聚焦“一老一小”",
            "修复师都是“慢功夫”",
            "II. Results",
            "（二）下一步工作",
            "What comes next",
        ] {
            assert!(is_heading_like(line), "{line}");
        }
        for line in [
            "(Photo: the new bridge at dusk)",
            "图为新建成的大桥",
            "Photo: Zhang Wei",
            "▲ 新大桥夜景",
            "March 14, 2022",
            "— Li Wei, director of the bureau",
            "Director Li Wei said",
            "“我们会继续努力”",
            "The plan was approved.",
            "Residents who live near the river and",
            "通知如下：",
            "新线路春季开通，票价不变",
            "See https://example.org",
            "This heading has far too many words to be a heading of any kind at all really",
        ] {
            assert!(!is_heading_like(line), "{line}");
        }
    }
}
