//! Finding quotations: spans between quotation marks, English and Chinese.
//!
//! Handled: “…” (with ‘…’ nested inside), "…", 「…」 (with 『…』 nested), 『…』, and mixed
//! pairs as sloppy typing produces them (“…" and "…”). A quotation never crosses a line:
//! an unclosed mark at the end of a paragraph is dropped rather than swallowing the next
//! one. Top-level single quotes (‘…’) are not searched for: they cannot be told apart from
//! apostrophes reliably, and the texts Lectern reads use them mostly inside double quotes.

/// A quotation: the positions (code points) of its opening and closing marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Quoted {
    /// The opening mark.
    pub open: usize,
    /// The closing mark; the content is `open + 1..close`.
    pub close: usize,
}

/// The longest quotation considered, in code points; anything longer is a stray mark.
const MAX_QUOTE: usize = 3_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// “…”, closed by ” or, in mixed typing, by ".
    Curly,
    /// "…", closed by " or ”.
    Straight,
    /// 「…」.
    Corner,
    /// 『…』 at the top level.
    WhiteCorner,
}

/// Every top-level quotation in `text`, in order.
pub(super) fn find(text: &[char]) -> Vec<Quoted> {
    let mut found = Vec::new();
    // The open quotation: its kind, where it opened, and how deep same-kind marks nest.
    let mut open: Option<(Kind, usize, usize)> = None;
    for (i, &c) in text.iter().enumerate() {
        if c == '\n' {
            open = None;
            continue;
        }
        match open {
            None => {
                let kind = match c {
                    '“' => Kind::Curly,
                    '"' => Kind::Straight,
                    '「' => Kind::Corner,
                    '『' => Kind::WhiteCorner,
                    _ => continue,
                };
                open = Some((kind, i, 1));
            }
            Some((kind, start, depth)) => {
                if i - start > MAX_QUOTE {
                    open = None;
                    continue;
                }
                let (opens, closes) = match kind {
                    Kind::Curly => (c == '“', c == '”' || (c == '"' && depth == 1)),
                    Kind::Straight => (false, c == '"' || c == '”'),
                    Kind::Corner => (c == '「', c == '」'),
                    Kind::WhiteCorner => (c == '『', c == '』'),
                };
                if opens {
                    open = Some((kind, start, depth + 1));
                } else if closes && depth > 1 {
                    open = Some((kind, start, depth - 1));
                } else if closes {
                    if i > start + 1 {
                        found.push(Quoted { open: start, close: i });
                    }
                    open = None;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find(&chars).iter().map(|q| chars[q.open + 1..q.close].iter().collect()).collect()
    }

    #[test]
    fn finds_each_kind_and_mixed_marks() {
        assert_eq!(quotes("He said “yes” and \"no\"."), ["yes", "no"]);
        assert_eq!(quotes("“Mixed,\" she said, \"marks.”"), ["Mixed,", "marks."]);
        assert_eq!(quotes("她说：「宁可慢一点。」又说『好』"), ["宁可慢一点。", "好"]);
    }

    #[test]
    fn keeps_nested_quotes_inside() {
        assert_eq!(quotes("“讲究‘修旧如旧’，不能改。”"), ["讲究‘修旧如旧’，不能改。"]);
        assert_eq!(
            quotes("“He called it ‘the reset’ and “twice” over.”"),
            ["He called it ‘the reset’ and “twice” over."]
        );
        assert_eq!(quotes("「外『内』外」"), ["外『内』外"]);
    }

    #[test]
    fn an_unclosed_mark_ends_with_its_paragraph() {
        assert_eq!(quotes("“Never closed.\n\n“Closed.”"), ["Closed."]);
        assert!(quotes("\"\"").is_empty());
    }
}
