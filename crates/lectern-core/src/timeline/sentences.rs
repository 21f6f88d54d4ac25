//! Sentences and paragraphs, found cheaply: enough to give each event its sentence and to
//! scope the narrative anchor, not a linguistic parser.
//!
//! A sentence ends at `.`, `!` or `?` followed by a space (unless the word is a known
//! abbreviation such as `Mr.` or `Feb.`, or a single initial), at `。！？`, and at every line
//! break. A paragraph ends at a line break.

/// One sentence: byte range into the text and the paragraph it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub para: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "rev", "col", "lt", "sgt", "capt",
    "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "e.g", "i.e",
    "mt", "ft", "fig", "approx", "dept", "univ", "ave",
];

/// Splits `text` into sentences; together they cover every non-space character.
pub(crate) fn split(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut para = 0;
    let mut start = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, para: usize| {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if s + lead < e - trail {
            out.push(Sentence { start: s + lead, end: e - trail, para });
        }
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = i + c.len_utf8();
        match c {
            '\n' | '\r' => {
                push(&mut out, start, i, para);
                start = next;
                if out.last().is_some_and(|s| s.para == para) {
                    para += 1;
                }
            }
            '。' | '！' | '？' | '；' => {
                // Keep a closing quote with its sentence.
                let mut end = next;
                while let Some(&(j, q)) = iter.peek() {
                    if matches!(q, '”' | '」' | '』' | '’' | '"' | '）') {
                        end = j + q.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                push(&mut out, start, end, para);
                start = end;
            }
            '.' | '!' | '?' => {
                let mut end = next;
                while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                    end += 1;
                }
                let followed_by_space = end >= bytes.len() || bytes[end].is_ascii_whitespace();
                // `"Why?" she asked.` goes on: a lowercase word does not start a sentence.
                let next_word = text[end..].trim_start_matches([' ', '\t']);
                let continues = next_word.starts_with(|c: char| c.is_ascii_lowercase());
                if followed_by_space && !continues && !(c == '.' && is_abbreviation(&text[start..i])) {
                    push(&mut out, start, end, para);
                    start = end;
                    while iter.peek().is_some_and(|&(j, _)| j < end) {
                        iter.next();
                    }
                }
            }
            _ => {}
        }
    }
    push(&mut out, start, text.len(), para);
    out
}

/// True when the text before a period ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"').next().unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || (lower.contains('.') && lower.len() <= 4)
}

/// The index of the sentence holding byte `pos` (the nearest one before it otherwise).
pub(crate) fn index_of(sentences: &[Sentence], pos: usize) -> usize {
    sentences.partition_point(|s| s.start <= pos).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_english_around_abbreviations() {
        assert_eq!(
            texts("Mr. Smith arrived on Feb. 3. He left. \"Why?\" she asked.\n\nNew paragraph"),
            ["Mr. Smith arrived on Feb. 3.", "He left.", "\"Why?\" she asked.", "New paragraph"]
        );
    }

    #[test]
    fn splits_chinese_and_counts_paragraphs() {
        let text = "他说：“好。”随后离开。\n\n次日返回";
        let s = split(text);
        assert_eq!(texts(text), ["他说：“好。”", "随后离开。", "次日返回"]);
        assert_eq!(s.iter().map(|s| s.para).collect::<Vec<_>>(), [0, 0, 1]);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\n ").is_empty());
    }
}
