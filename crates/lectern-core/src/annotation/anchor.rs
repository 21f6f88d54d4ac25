//! Anchoring: finding an annotation's words again in an article's text, which may have
//! changed since the annotation was made (a re-download, a corrected extraction).
//!
//! Modelled on the Hypothesis client's `anchoring/` (`match-quote`, `text-range`). In order:
//! 1. **position**: the [`TextPositionSelector`] range, if the text there is still the quote;
//! 2. **exact quote**: every occurrence of the quote, the one whose surroundings best match
//!    the stored prefix and suffix (and, between equals, lies nearest the old position);
//! 3. **fuzzy quote**: approximate occurrences (at most [`MAX_ERROR_RATE`] of the quote
//!    edited), scored by quote similarity, context and position with the named weights
//!    below; the best is taken if it scores at least [`MIN_FUZZY_SCORE`];
//! 4. otherwise the annotation is an **orphan**: kept and listed, never moved to a guess.
//!
//! All offsets are code points into the canonical text (DESIGN §2).

use super::fuzzy::{self, ABSENT};
use super::{AnnotationError, Selectors, TextPositionSelector, TextQuoteSelector};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How many code points of context the quote selector keeps on each side.
pub const CONTEXT_LENGTH: usize = 32;

/// The largest share of the quote that may differ in a fuzzy match. Hypothesis allows half;
/// we allow less because a wrong anchor is worse than an orphan: an orphan is visibly
/// unplaced and the user can re-attach it, a wrong anchor silently attaches a note to words
/// it was not about.
pub const MAX_ERROR_RATE: f64 = 0.3;

/// The least weighted score ([`QUOTE_WEIGHT`] …) a fuzzy match needs. With the weights below,
/// a quote that is 90% the same keeps its place only if some of its context survived
/// (≈0.59 with unrelated context, ≈0.97 with intact context), while text that merely
/// resembles the quote somewhere else (70% similar, unrelated context) scores ≈0.48.
pub const MIN_FUZZY_SCORE: f64 = 0.55;

/// Weight of the quote's own similarity. It dominates: the words are what was annotated.
pub const QUOTE_WEIGHT: f64 = 50.0;
/// Weight of the text before the match resembling the stored prefix. Context is what tells
/// two similar passages apart, and what survives when the quote itself was edited.
pub const PREFIX_WEIGHT: f64 = 20.0;
/// Weight of the text after the match resembling the stored suffix (same reasoning).
pub const SUFFIX_WEIGHT: f64 = 20.0;
/// Weight of closeness to the old position. Small: a re-downloaded page often gains or loses
/// whole sections above the quote, so distance says little; it only breaks near-ties.
pub const POSITION_WEIGHT: f64 = 2.0;

/// How far around the expected place a fuzzy match is looked for first, in code points.
const NEAR_RADIUS: usize = 2_000;

/// How many approximate candidates are scored in full (the fewest-error ones).
const FUZZY_CANDIDATES: usize = 16;

/// Where an annotation's words are in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// The quote, exactly, at `start..end` (code points).
    Exact {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
    },
    /// Text resembling the quote at `start..end`, with its score (0–1).
    Fuzzy {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// The weighted score, at least [`MIN_FUZZY_SCORE`].
        score: f64,
    },
    /// Not found: the annotation keeps its selectors and waits for the user.
    Orphan,
}

impl Anchor {
    /// The range found, if any.
    pub fn range(&self) -> Option<(usize, usize)> {
        match *self {
            Anchor::Exact { start, end } | Anchor::Fuzzy { start, end, .. } => Some((start, end)),
            Anchor::Orphan => None,
        }
    }
}

/// Anchors `selectors` in `text`. To anchor many annotations in one text, make one
/// [`Anchorer`] and reuse it.
pub fn anchor(text: &str, selectors: &Selectors) -> Anchor {
    Anchorer::new(text).anchor(selectors)
}

/// The selectors describing `start..end` (code points) of `text`, with
/// [`CONTEXT_LENGTH`] code points of context.
pub fn selectors_for(
    text: &str,
    start: usize,
    end: usize,
) -> Result<(TextQuoteSelector, TextPositionSelector), AnnotationError> {
    Anchorer::new(text).selectors(start, end)
}

/// A text prepared for anchoring many annotations: code-point offsets are mapped to bytes
/// once, and the symbol table for fuzzy search is built only if some annotation needs it.
///
/// [`Anchorer::anchor`] takes annotations one at a time, best in text order (see `shift`);
/// [`Anchorer::anchor_all`] takes a whole article's and spreads them over the CPU's cores.
#[derive(Debug)]
pub struct Anchorer<'t> {
    text: Prepared<'t>,
    /// How far the last annotation anchored had moved from its stored position. An edit
    /// shifts everything after it by the same amount, so when annotations are anchored in
    /// text order this is where the next one most likely is.
    shift: Cell<isize>,
}

/// The part of an [`Anchorer`] that threads share: the text, its byte offsets, its symbols.
#[derive(Debug)]
struct Prepared<'t> {
    text: &'t str,
    /// Byte offset of each code point, and the text's byte length at the end.
    bytes: Vec<usize>,
    /// The text as small integers, for fuzzy search; built on first use.
    symbols: OnceLock<Symbols>,
}

/// Fewer annotations than this per thread are anchored on one thread: starting another
/// costs more than it saves.
const MIN_PER_THREAD: usize = 64;

impl<'t> Anchorer<'t> {
    /// Prepares `text`.
    pub fn new(text: &'t str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Anchorer { text: Prepared { text, bytes, symbols: OnceLock::new() }, shift: Cell::new(0) }
    }

    /// The text's length in code points.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text between two code-point offsets (clamped to the text).
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.slice(start, end)
    }

    /// See [`selectors_for`].
    pub fn selectors(
        &self,
        start: usize,
        end: usize,
    ) -> Result<(TextQuoteSelector, TextPositionSelector), AnnotationError> {
        if start >= end || end > self.len() {
            return Err(AnnotationError::BadRange { start, end, len: self.len() });
        }
        let quote = TextQuoteSelector {
            exact: self.slice(start, end).to_string(),
            prefix: self.slice(start.saturating_sub(CONTEXT_LENGTH), start).to_string(),
            suffix: self.slice(end, end + CONTEXT_LENGTH).to_string(),
        };
        Ok((quote, TextPositionSelector { start, end }))
    }

    /// Finds `selectors` in the text: position, then exact quote, then fuzzy quote.
    pub fn anchor(&self, selectors: &Selectors) -> Anchor {
        self.text.anchor(selectors, &self.shift)
    }

    /// Anchors every one of `all` (best sorted by stored position), in order. They are cut
    /// into one contiguous run per core, each anchored in order with its own `shift`: an
    /// orphan costs a search of the whole text, and a re-downloaded article can have
    /// hundreds of them.
    pub fn anchor_all(&self, all: &[Selectors]) -> Vec<Anchor> {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let threads = cores.min(all.len() / MIN_PER_THREAD).max(1);
        if threads == 1 {
            return all.iter().map(|s| self.anchor(s)).collect();
        }
        let text = &self.text;
        std::thread::scope(|scope| {
            let runs: Vec<_> = all
                .chunks(all.len().div_ceil(threads))
                .map(|run| {
                    scope.spawn(move || {
                        let shift = Cell::new(0);
                        run.iter().map(|s| text.anchor(s, &shift)).collect::<Vec<_>>()
                    })
                })
                .collect();
            runs.into_iter().flat_map(|run| run.join().expect("anchoring does not panic")).collect()
        })
    }
}

impl<'t> Prepared<'t> {
    fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    fn slice(&self, start: usize, end: usize) -> &'t str {
        let end = end.min(self.len());
        let start = start.min(end);
        &self.text[self.bytes[start]..self.bytes[end]]
    }

    /// Finds `selectors`: position, then exact quote, then fuzzy quote. `shift` is the
    /// caller's running estimate of how far the text moved (see [`Anchorer`]).
    fn anchor(&self, selectors: &Selectors, shift: &Cell<isize>) -> Anchor {
        let exact = selectors.quote.exact.as_str();
        if exact.is_empty() {
            return Anchor::Orphan;
        }
        let expected = selectors.position.map(|p| p.start);
        let found = self.by_position(selectors, shift.get()).or_else(|| self.exact_match(&selectors.quote, expected));
        let found = found.unwrap_or_else(|| self.fuzzy_match(&selectors.quote, expected, shift.get()));
        if let (Some((start, _)), Some(at)) = (found.range(), expected) {
            shift.set(start as isize - at as isize);
        }
        found
    }

    /// The stored position if it still holds the quote; else the stored position moved by
    /// the last shift seen, if it holds the quote *and* its whole stored context (the
    /// context check makes this shortcut as safe as the full search, which it spares).
    fn by_position(&self, selectors: &Selectors, shift: isize) -> Option<Anchor> {
        let p = selectors.position?;
        let quote = &selectors.quote;
        if p.start < p.end && p.end <= self.len() && self.slice(p.start, p.end) == quote.exact {
            return Some(Anchor::Exact { start: p.start, end: p.end });
        }
        let start = usize::try_from(p.start as isize + shift).ok()?;
        let end = start + p.end.checked_sub(p.start)?;
        let prefix = quote.prefix.chars().count();
        let fits = start >= prefix && start < end && end <= self.len();
        (fits
            && self.slice(start, end) == quote.exact
            && self.slice(start - prefix, start) == quote.prefix
            && self.slice(end, end + quote.suffix.chars().count()) == quote.suffix)
            .then_some(Anchor::Exact { start, end })
    }

    /// The occurrence of the exact quote whose context best matches, or `None`.
    fn exact_match(&self, quote: &TextQuoteSelector, expected: Option<usize>) -> Option<Anchor> {
        let exact = quote.exact.as_str();
        let len = exact.chars().count();
        let prefix: Vec<char> = quote.prefix.chars().collect();
        let suffix: Vec<char> = quote.suffix.chars().collect();
        let mut best: Option<(f64, usize)> = None;
        let mut from = 0;
        // Overlapping occurrences count: in "aaa" the quote "aa" may be the second pair.
        while let Some(found) = self.text[from..].find(exact) {
            let byte = from + found;
            let start = self.bytes.partition_point(|&b| b < byte);
            // Context is compared by how many code points agree next to the quote: cheap
            // enough for a common word found a thousand times, and it is the adjacent
            // text that tells occurrences apart.
            let before = self.slice(start.saturating_sub(prefix.len()), start).chars().rev();
            let after = self.slice(start + len, start + len + suffix.len()).chars();
            let prefix_score = run_score(prefix.iter().rev().copied(), before, prefix.len());
            let suffix_score = run_score(suffix.iter().copied(), after, suffix.len());
            let score = PREFIX_WEIGHT * prefix_score
                + SUFFIX_WEIGHT * suffix_score
                + POSITION_WEIGHT * self.position_score(start, expected);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, start));
            }
            from = byte + exact.chars().next().map_or(1, char::len_utf8);
        }
        best.map(|(_, start)| Anchor::Exact { start, end: start + len })
    }

    /// The best approximate occurrence of the quote, if it scores enough; else an orphan.
    fn fuzzy_match(&self, quote: &TextQuoteSelector, expected: Option<usize>, shift: isize) -> Anchor {
        let Symbols { text, alphabet, grams } = self.symbols.get_or_init(|| {
            let mut alphabet = HashMap::new();
            let text: Vec<u32> = self
                .text
                .chars()
                .map(|c| {
                    let next = alphabet.len() as u32;
                    *alphabet.entry(c).or_insert(next)
                })
                .collect();
            let grams = fuzzy::Grams::new(&text);
            Symbols { text, alphabet, grams }
        });
        let pattern: Vec<u32> = quote.exact.chars().map(|c| alphabet.get(&c).copied().unwrap_or(ABSENT)).collect();
        let max_errors = (pattern.len() as f64 * MAX_ERROR_RATE) as usize;
        if max_errors == 0 {
            // Too short to tell a small edit from a different word.
            return Anchor::Orphan;
        }
        // Near where the quote should be first (its old place, moved by the last shift
        // seen): an edited quote has usually not travelled, and a window of a few thousand
        // characters is searched in a fraction of the time of a long article. Only if
        // nothing good enough is there is the whole text searched.
        if let Some(at) = expected {
            let centre = (at as isize + shift).clamp(0, text.len() as isize) as usize;
            let radius = NEAR_RADIUS + 2 * pattern.len();
            let (lo, hi) = (centre.saturating_sub(radius), (centre + radius).min(text.len()));
            let found = fuzzy::search(&text[lo..hi], &pattern, alphabet.len(), max_errors, FUZZY_CANDIDATES);
            let near = self.best_fuzzy(found, lo, &pattern, quote, expected);
            if near != Anchor::Orphan || (lo == 0 && hi == text.len()) {
                return near;
            }
        }
        // The whole text, where the filter spares scanning most of it.
        let found = fuzzy::search_filtered(text, grams, &pattern, alphabet.len(), max_errors, FUZZY_CANDIDATES);
        self.best_fuzzy(found, 0, &pattern, quote, expected)
    }

    /// The best-scoring of the approximate occurrences `found` in a window that starts at
    /// code point `offset` of the text, or an orphan if none scores [`MIN_FUZZY_SCORE`].
    fn best_fuzzy(
        &self,
        found: Vec<fuzzy::Match>,
        offset: usize,
        pattern: &[u32],
        quote: &TextQuoteSelector,
        expected: Option<usize>,
    ) -> Anchor {
        let prefix: Vec<char> = quote.prefix.chars().collect();
        let suffix: Vec<char> = quote.suffix.chars().collect();
        let mut best = Anchor::Orphan;
        let mut best_score = MIN_FUZZY_SCORE;
        for found in found {
            let m = fuzzy::Match { start: found.start + offset, end: found.end + offset, errors: found.errors };
            let quote_score = 1.0 - m.errors as f64 / pattern.len() as f64;
            let prefix_score = self.context_score(&prefix, m.start.saturating_sub(prefix.len()), m.start, m.start == 0);
            let suffix_score = self.context_score(&suffix, m.end, m.end + suffix.len(), m.end == self.len());
            let score = (QUOTE_WEIGHT * quote_score
                + PREFIX_WEIGHT * prefix_score
                + SUFFIX_WEIGHT * suffix_score
                + POSITION_WEIGHT * self.position_score(m.start, expected))
                / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
            if score >= best_score {
                best_score = score;
                best = Anchor::Fuzzy { start: m.start, end: m.end, score };
            }
        }
        best
    }

    /// How much the text at `start..end` resembles the stored context (0–1, by edit
    /// distance). An empty stored context means the quote touched the text's edge: it
    /// agrees with a match at the edge and is neutral elsewhere.
    fn context_score(&self, context: &[char], start: usize, end: usize, at_edge: bool) -> f64 {
        if context.is_empty() {
            return if at_edge { 1.0 } else { 0.5 };
        }
        let found: Vec<char> = self.slice(start, end).chars().collect();
        1.0 - fuzzy::edit_distance(context, &found) as f64 / context.len().max(found.len()) as f64
    }

    /// 1 at the expected position, falling linearly to 0 a text's length away; 0.5 when no
    /// position is known.
    fn position_score(&self, start: usize, expected: Option<usize>) -> f64 {
        match expected {
            Some(at) => 1.0 - start.abs_diff(at) as f64 / self.len().max(1) as f64,
            None => 0.5,
        }
    }
}

/// A text prepared for fuzzy search.
#[derive(Debug)]
struct Symbols {
    /// Each code point as a small integer.
    text: Vec<u32>,
    /// The integer of each code point in the text.
    alphabet: HashMap<char, u32>,
    /// Where each q-gram of `text` is, for [`fuzzy::search_filtered`].
    grams: fuzzy::Grams,
}

/// The share of `expected` (of length `len`) that agrees with `found` from the start, up to
/// the first difference; 0.5 (neutral) when there is no stored context.
fn run_score(expected: impl Iterator<Item = char>, found: impl Iterator<Item = char>, len: usize) -> f64 {
    if len == 0 {
        return 0.5;
    }
    expected.zip(found).take_while(|(a, b)| a == b).count() as f64 / len as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selectors(text: &str, start: usize, end: usize) -> Selectors {
        let (quote, position) = selectors_for(text, start, end).unwrap();
        Selectors { quote, position: Some(position) }
    }

    #[test]
    fn selectors_take_context_in_code_points() {
        let text = "古籍修复🙂是一门手艺";
        let (quote, position) = selectors_for(text, 5, 7).unwrap();
        assert_eq!(quote.exact, "是一");
        assert_eq!(quote.prefix, "古籍修复🙂");
        assert_eq!(quote.suffix, "门手艺");
        assert_eq!(position, TextPositionSelector { start: 5, end: 7 });
        assert!(selectors_for(text, 3, 3).is_err());
        assert!(selectors_for(text, 3, 99).is_err());
    }

    #[test]
    fn position_then_quote_then_context() {
        let text = "a river; the river; the river bank";
        let s = selectors(text, 13, 18);
        assert_eq!(anchor(text, &s), Anchor::Exact { start: 13, end: 18 });
        // The text grew in front: the position is stale, the context picks the middle one.
        let moved = format!("Preface. {text}");
        assert_eq!(anchor(&moved, &s), Anchor::Exact { start: 22, end: 27 });
    }

    #[test]
    fn an_edited_quote_is_found_fuzzily() {
        let text = "Residents say they can once more see the pebbles on the riverbed from the old stone bridge.";
        let start = text.find("see the").unwrap();
        let s = selectors(text, start, start + "see the pebbles on the riverbed".len());
        let edited = text.replace("pebbles", "stones");
        match anchor(&edited, &s) {
            Anchor::Fuzzy { start: found, end, score } => {
                assert_eq!(found, start);
                assert_eq!(&edited[found..end], "see the stones on the riverbed");
                assert!(score > 0.8, "{score}");
            }
            other => panic!("expected a fuzzy anchor, got {other:?}"),
        }
    }

    #[test]
    fn anchoring_all_at_once_finds_what_one_at_a_time_finds() {
        // Enough annotations for several threads, over a text that then loses sentences and
        // has words changed: exact, fuzzy and orphaned ones, in every run of the split.
        // Every ninth sentence is unlike the rest, and the edit removes those: orphans.
        let sentence = |n: usize| match n % 9 {
            4 => format!("Quite apart, note {n} lists zebras, quinces, yaks and xylophones. "),
            _ => format!("Sentence {n} tells how the river crew moved {} stones. ", n * 7 % 97),
        };
        let text: String = (0..400).map(sentence).collect();
        let all: Vec<Selectors> = (0..400)
            .map(|n| {
                let start = text.find(&sentence(n)).unwrap();
                selectors(&text, start, start + sentence(n).len() - 1)
            })
            .collect();
        let edited: String = (0..400)
            .filter(|n| n % 9 != 4)
            .map(|n| if n % 5 == 0 { sentence(n).replace("river", "canal") } else { sentence(n) })
            .collect();
        let anchorer = Anchorer::new(&edited);
        let together = anchorer.anchor_all(&all);
        let in_order = Anchorer::new(&edited);
        let one_by_one: Vec<Anchor> = all.iter().map(|s| in_order.anchor(s)).collect();
        for (n, (a, b)) in together.iter().zip(&one_by_one).enumerate() {
            assert_eq!(a, b, "annotation {n}");
        }
        let orphans = together.iter().filter(|a| **a == Anchor::Orphan).count();
        let fuzzy = together.iter().filter(|a| matches!(a, Anchor::Fuzzy { .. })).count();
        assert_eq!(orphans, (0..400).filter(|n| n % 9 == 4).count());
        assert!(fuzzy >= 60, "{fuzzy} fuzzy anchors");
    }

    #[test]
    fn a_removed_quote_is_an_orphan() {
        let text = "First sentence stays. The quoted words go away. Last sentence stays.";
        let s = selectors(text, 22, 47);
        let edited = text.replace("The quoted words go away. ", "");
        assert_eq!(anchor(&edited, &s), Anchor::Orphan);
        assert_eq!(anchor("", &s), Anchor::Orphan);
    }
}
