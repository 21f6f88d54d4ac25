//! Key-quote suggestions: quoted speech, with its speaker, ranked by how much it carries
//! (DESIGN §6). Suggestions are offered, never forced: accepting one makes a highlight.
//!
//! - [`marks`] finds quotations between quotation marks (English and Chinese, mixed and
//!   nested marks);
//! - [`attribution`] reads who said it from the words around them;
//! - this module decides what is speech and ranks it.
//!
//! **Speech or not?** A quotation with an attribution ("…," said X; X说：“…”) is speech if
//! it has at least [`MIN_ATTRIBUTED_WORDS`] words. Without one it must read like speech: a
//! sentence or most of one. Scare quotes ("reset button") and names in quotation marks
//! ("Employer of the Year", “云溪古籍数字资源库”) are short, title-case or unpunctuated, and
//! have no reporting verb near them, so they are left out.
//!
//! **Who?** A pronoun ("he said", 她说) is resolved to the last named speaker only when that
//! speaker was named in the same or the previous paragraph; a surname alone ("Chen said")
//! is expanded to the one full name seen before that ends or starts with it. A quotation
//! right after another in the same paragraph, with no new speaker named between them,
//! continues the same speaker.
//!
//! ```
//! use lectern_core::quotes::suggest_quotes;
//! let text = "The plan was a \"reset button\". \"It took two years,\" said Jane Roe.";
//! let quotes = suggest_quotes(text);
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(quotes[0].text, "It took two years");
//! assert_eq!(quotes[0].speaker.as_deref(), Some("Jane Roe"));
//! ```

mod attribution;
mod marks;

use attribution::Attribution;
use serde::{Deserialize, Serialize};

/// A quotation worth highlighting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSuggestion {
    /// The quoted words, without the quotation marks (and without a trailing comma).
    pub text: String,
    /// Who said it, when the text says.
    pub speaker: Option<String>,
    /// First code point of `text` in the canonical text.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// How much the quote carries, 0–1; suggestions are sorted by it, best first.
    pub score: f64,
}

/// The fewest words (each CJK character counting as one) an attributed quotation needs to be
/// offered: "Yes," she said carries nothing worth a highlight.
pub const MIN_ATTRIBUTED_WORDS: usize = 3;

/// Weight of length in the score: longer quotations say more (saturating at
/// [`FULL_LENGTH_WORDS`]).
const LENGTH_WEIGHT: f64 = 0.5;
/// Weight of a known speaker: a quotation with a name is a quotation a reader can cite.
const SPEAKER_WEIGHT: f64 = 0.35;
/// Weight of position: news puts what matters first.
const POSITION_WEIGHT: f64 = 0.15;
/// The length, in words, at which a quotation gets the whole length score.
const FULL_LENGTH_WORDS: f64 = 40.0;
/// How far back (or forward) attribution is looked for, in code points.
const WINDOW: usize = 200;

/// Suggests key quotes in a canonical text, best first.
pub fn suggest_quotes(text: &str) -> Vec<QuoteSuggestion> {
    let chars: Vec<char> = text.chars().collect();
    let mut newlines = Vec::with_capacity(chars.len() + 1);
    newlines.push(0usize);
    for &c in &chars {
        newlines.push(newlines.last().unwrap_or(&0) + usize::from(c == '\n'));
    }
    // "Near" means the same paragraph or the one before: blocks are joined by "\n\n".
    let near = |a: usize, b: usize| newlines[b] - newlines[a] <= 2;
    let same_paragraph = |a: usize, b: usize| newlines[a] == newlines[b];

    let quoted = marks::find(&chars);
    let mut known: Vec<String> = Vec::new();
    // The last named speaker, and where they were named.
    let mut last_named: Option<(String, usize)> = None;
    // The previous quotation's closing mark and speaker.
    let mut previous: Option<(usize, Option<String>)> = None;
    let mut out = Vec::new();

    for (i, q) in quoted.iter().enumerate() {
        let floor = previous.as_ref().map_or(0, |p| p.0 + 1);
        let ceiling = quoted.get(i + 1).map_or(chars.len(), |next| next.open);

        // Speakers named in the running text since the previous quotation.
        let region: String = chars[floor..q.open].iter().collect();
        let mention = attribution::last_mention(&region).map(|(byte, name)| {
            let name = expand(name, &known);
            (name, floor + region[..byte].chars().count())
        });
        if let Some(m) = &mention {
            last_named = Some(m.clone());
        }

        let before: String = chars[sentence_start(&chars, q.open, floor)..q.open].iter().collect();
        let after: String = chars[q.close + 1..sentence_end(&chars, q.close + 1, ceiling)].iter().collect();
        let attribution = attribution::after(&after).or_else(|| attribution::before(&before));
        let continued = match &previous {
            Some((close, Some(speaker)))
                if same_paragraph(*close, q.open) && mention.as_ref().is_none_or(|(name, _)| name == speaker) =>
            {
                Some(speaker.clone())
            }
            _ => None,
        };
        let speaker = match &attribution {
            Some(Attribution::Named(name)) => {
                let name = expand(name.clone(), &known);
                if !known.contains(&name) {
                    known.push(name.clone());
                }
                last_named = Some((name.clone(), q.open));
                Some(name)
            }
            Some(Attribution::Pronoun) => {
                last_named.as_ref().filter(|(_, at)| near(*at, q.open)).map(|(name, _)| name.clone())
            }
            None => continued.clone(),
        };
        previous = Some((q.close, speaker.clone()));

        let (start, end) = trimmed(&chars, q.open + 1, q.close);
        let content: String = chars[start..end].iter().collect();
        let words = crate::text::count_words(&content);
        let attributed = attribution.is_some() || continued.is_some();
        let speech = if attributed { words >= MIN_ATTRIBUTED_WORDS } else { reads_like_speech(&content, words) };
        if !speech || is_title(&content) {
            continue;
        }
        let length = (words as f64 / FULL_LENGTH_WORDS).min(1.0);
        let known_speaker = match (&speaker, attributed) {
            (Some(_), _) => 1.0,
            (None, true) => 0.5,
            (None, false) => 0.0,
        };
        let position = 1.0 - start as f64 / chars.len().max(1) as f64;
        let score = LENGTH_WEIGHT * length + SPEAKER_WEIGHT * known_speaker + POSITION_WEIGHT * position;
        out.push(QuoteSuggestion { text: content, speaker, start, end, score: (score * 1000.0).round() / 1000.0 });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.start.cmp(&b.start)));
    out
}

/// A surname alone becomes the one full name seen before that starts or ends with it.
fn expand(name: String, known: &[String]) -> String {
    if name.contains(' ') {
        return name;
    }
    let mut matches = known.iter().filter(|full| {
        let mut words = full.split_whitespace();
        let first = words.next();
        let last = words.last();
        last.is_some() && (first == Some(name.as_str()) || last == Some(name.as_str()))
    });
    match (matches.next(), matches.next()) {
        (Some(full), None) => full.clone(),
        _ => name,
    }
}

/// The content range without surrounding spaces or a trailing comma (English puts the
/// comma of "…," said X inside the marks; it is not part of what was said).
fn trimmed(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && (chars[end - 1].is_whitespace() || matches!(chars[end - 1], ',' | '，' | '、')) {
        end -= 1;
    }
    (start, end)
}

/// Without an attribution, only a sentence (or most of one) counts as speech.
fn reads_like_speech(content: &str, words: usize) -> bool {
    let cjk = content.chars().filter(|&c| crate::text::is_cjk(c)).count();
    if cjk * 2 >= content.chars().count() {
        return cjk >= 8 && content.contains(['，', '。', '！', '？', '；']);
    }
    let ends_a_sentence = content.trim_end_matches(['’', '"', '\'']).ends_with(['.', '!', '?', '…']);
    words >= 10 || (words >= 4 && ends_a_sentence)
}

/// Whether the words are a title or a name ("Employer of the Year"): every word that is not
/// a small word is capitalised, and there is no sentence punctuation.
fn is_title(content: &str) -> bool {
    const SMALL: &[&str] = &["of", "the", "a", "an", "and", "for", "in", "on", "at", "to", "or", "de", "du"];
    if content.ends_with(['.', '!', '?', '。', '！', '？']) {
        return false;
    }
    let words: Vec<&str> = content
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().any(char::is_alphabetic) && !SMALL.contains(w))
        .collect();
    words.len() >= 2 && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()))
}

/// Where the sentence containing `at` starts, not before `floor` nor more than [`WINDOW`]
/// back.
fn sentence_start(chars: &[char], at: usize, floor: usize) -> usize {
    let floor = floor.max(at.saturating_sub(WINDOW));
    let mut i = at;
    while i > floor {
        if ends_sentence(chars, i - 1) {
            break;
        }
        i -= 1;
    }
    i
}

/// Where the sentence containing `from` ends (exclusive), not after `ceiling` nor more than
/// [`WINDOW`] on.
fn sentence_end(chars: &[char], from: usize, ceiling: usize) -> usize {
    let ceiling = ceiling.min(from + WINDOW).min(chars.len());
    (from..ceiling).find(|&i| ends_sentence(chars, i)).unwrap_or(ceiling)
}

/// Whether the character at `i` ends a sentence: CJK full stops and a line end always; `.`
/// `!` `?` when a space follows and the word before is not an abbreviation ("Dr. Li").
fn ends_sentence(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '。' | '！' | '？' | '；' | '\n' => true,
        '.' | '!' | '?' => {
            if !chars.get(i + 1).is_none_or(|c| c.is_whitespace()) {
                return false;
            }
            let word: String = chars[..i].iter().rev().take_while(|c| c.is_alphabetic()).collect();
            let word: String = word.chars().rev().collect();
            let abbreviation = ["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Rev", "Gen", "Gov", "Sen", "Rep"]
                .contains(&word.as_str())
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
            !abbreviation
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let mut q = suggest_quotes(text);
        q.sort_by_key(|q| q.start);
        q.into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    #[test]
    fn offsets_are_code_points_of_the_words() {
        let text = "古籍🙂 “Slow work is good work,” said Li Wei.";
        let q = &suggest_quotes(text)[0];
        assert_eq!(text.chars().skip(q.start).take(q.end - q.start).collect::<String>(), q.text);
        assert_eq!(q.text, "Slow work is good work");
        assert_eq!(q.start, 5);
    }

    #[test]
    fn pronouns_resolve_only_to_a_recent_speaker() {
        let text = "Chen Hua opened the meeting.\n\nLater, Chen said the work was done. \"Clean water is not a finish line,\" he said.";
        assert_eq!(found(text), [("Clean water is not a finish line".into(), Some("Chen".into()))]);
        let far = "Roe said the work was done.\n\nA.\n\nB.\n\nC.\n\n\"Clean water is not a finish line,\" he said.";
        assert_eq!(found(far), [("Clean water is not a finish line".into(), None)]);
    }

    #[test]
    fn scare_quotes_and_titles_are_not_speech() {
        assert!(found("It was billed as a \"reset button\" for the valley.").is_empty());
        assert!(found("The firm was named \"Employer of the Year\" in May.").is_empty());
        assert!(found("修复师正为书页“打补丁”。市图书馆启动“古籍保护与修复工程”。").is_empty());
    }
}
