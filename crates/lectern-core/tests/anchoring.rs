//! Property tests of anchoring (DESIGN §6): a selector made from any range anchors back to
//! it; edits elsewhere in the text do not lose it; a quote deleted from the text makes an
//! orphan, never a wrong match. Texts mix Latin, CJK and astral-plane characters, so any
//! confusion of bytes, UTF-16 units and code points shows.

use lectern_core::annotation::{anchor, selectors_for, Anchor, Selectors};
use proptest::prelude::*;

/// Forty-odd symbols: enough entropy that a random stretch of text does not resemble
/// another by chance, which is what a real article's sentences are like too.
const ALPHABET: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'w', ' ', ' ', ' ',
    ',', '.', '\n', '古', '籍', '修', '复', '保', '护', '中', '心', '。', '“', '”', '🙂', '𝄞', '😀', '𠀀', 'é', 'ß',
];

fn text(min: usize, max: usize) -> impl Strategy<Value = Vec<char>> {
    prop::collection::vec(prop::sample::select(ALPHABET), min..max)
}

/// An edit somewhere in the text: where (a fraction of the length), and either text to
/// insert or a number of code points to delete.
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, Vec<char>),
    Delete(f64, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (0.0..=1.0f64, text(1, 40)).prop_map(|(at, t)| Edit::Insert(at, t)),
        (0.0..=1.0f64, 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
    ];
    prop::collection::vec(edit, 1..8)
}

/// Applies the edits outside `quote` (a range of `text`), and returns where the quote is now.
fn apply_outside(text: &mut Vec<char>, quote: (usize, usize), edits: &[Edit]) -> (usize, usize) {
    let (mut start, mut end) = quote;
    for edit in edits {
        match edit {
            Edit::Insert(at, chars) => {
                let mut pos = (at * text.len() as f64) as usize;
                if pos > start && pos < end {
                    pos = start;
                }
                text.splice(pos..pos, chars.iter().copied());
                if pos <= start {
                    start += chars.len();
                    end += chars.len();
                }
            }
            Edit::Delete(at, n) => {
                let pos = ((at * text.len() as f64) as usize).min(text.len());
                let (from, to) = if pos < start {
                    (pos, (pos + n).min(start))
                } else if pos >= end {
                    (pos, (pos + n).min(text.len()))
                } else {
                    continue;
                };
                text.drain(from..to);
                if to <= start {
                    start -= to - from;
                    end -= to - from;
                }
            }
        }
    }
    (start, end)
}

fn occurrences(hay: &str, needle: &str) -> usize {
    (0..hay.len()).filter(|&i| hay.is_char_boundary(i) && hay[i..].starts_with(needle)).count()
}

/// A text and a range in it, as fractions turned into code-point offsets.
fn text_and_range(min_quote: usize) -> impl Strategy<Value = (Vec<char>, usize, usize)> {
    (text(min_quote + 20, 400), 0.0..1.0f64, min_quote..60usize).prop_map(|(t, at, len)| {
        let len = len.min(t.len());
        let start = ((t.len() - len) as f64 * at) as usize;
        (t, start, start + len)
    })
}

fn selectors(text: &str, start: usize, end: usize) -> Selectors {
    let (quote, position) = selectors_for(text, start, end).unwrap();
    Selectors { quote, position: Some(position) }
}

proptest! {
    #[test]
    fn any_range_anchors_back_to_itself((chars, start, end) in text_and_range(1)) {
        let text: String = chars.iter().collect();
        let s = selectors(&text, start, end);
        prop_assert_eq!(s.quote.exact.chars().count(), end - start);
        prop_assert!(s.quote.prefix.chars().count() <= 32 && s.quote.suffix.chars().count() <= 32);
        prop_assert_eq!(anchor(&text, &s), Anchor::Exact { start, end });
        // Without its position, the quote and its context still find the same words.
        let quote_only = Selectors { quote: s.quote.clone(), position: None };
        let found = anchor(&text, &quote_only).range().expect("found");
        let at: String = chars[found.0..found.1].iter().collect();
        prop_assert_eq!(at, s.quote.exact);
    }

    #[test]
    fn edits_elsewhere_do_not_lose_the_quote((chars, start, end) in text_and_range(5), edits in edits()) {
        let before: String = chars.iter().collect();
        let s = selectors(&before, start, end);
        let mut edited = chars.clone();
        let (new_start, new_end) = apply_outside(&mut edited, (start, end), &edits);
        let after: String = edited.iter().collect();
        prop_assert_eq!(&edited[new_start..new_end].iter().collect::<String>(), &s.quote.exact);
        // When the words occur twice, either place is right as far as the text can tell.
        prop_assume!(occurrences(&after, &s.quote.exact) == 1);
        prop_assert_eq!(anchor(&after, &s), Anchor::Exact { start: new_start, end: new_end });
    }

    #[test]
    fn a_deleted_quote_is_an_orphan((chars, start, end) in text_and_range(8), edits in edits()) {
        let before: String = chars.iter().collect();
        let s = selectors(&before, start, end);
        let mut edited = chars.clone();
        let (start, end) = apply_outside(&mut edited, (start, end), &edits);
        edited.drain(start..end);
        let after: String = edited.iter().collect();
        prop_assume!(!after.contains(&s.quote.exact));
        prop_assert_eq!(anchor(&after, &s), Anchor::Orphan);
    }
}

#[test]
fn a_lightly_edited_quote_moves_with_its_text() {
    let text = "保护古籍是一项长期工作。修复师每天都在修补虫蛀的书页，一页要补一整天。🙂 The end.";
    let start = text.chars().position(|c| c == '修').unwrap();
    let s = selectors(text, start, start + 20);
    let edited = format!("新的开头。{}", text.replace("一整天", "整整一天"));
    match anchor(&edited, &s) {
        Anchor::Fuzzy { start: found, score, .. } => {
            assert_eq!(found, start + 5);
            assert!(score > 0.8, "{score}");
        }
        other => panic!("expected a fuzzy anchor, got {other:?}"),
    }
}
