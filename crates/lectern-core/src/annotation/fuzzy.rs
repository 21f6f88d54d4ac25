//! Approximate string matching for anchoring: where does a quote occur in a text with at
//! most `k` edits (insertions, deletions, substitutions)?
//!
//! This is Myers' bit-parallel algorithm in Hyyrö's multi-word form, as the Hypothesis
//! client uses (through `approx-string-match`): the text is scanned once, with one 64-bit
//! word per 64 code points of the quote, so a quote of 200 code points costs four word
//! operations per character of text. Positions are indices into symbol arrays (code points
//! mapped to small integers by the caller), never bytes.

/// One approximate occurrence: `text[start..end]` is within `errors` edits of the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Match {
    /// First symbol.
    pub start: usize,
    /// One past the last symbol.
    pub end: usize,
    /// The edit distance.
    pub errors: usize,
}

/// Marks a pattern symbol that does not occur in the text (it matches nothing).
pub(super) const ABSENT: u32 = u32::MAX;

/// The best-scoring occurrences of `pattern` in `text` with at most `max_errors` edits: for
/// each run of adjacent match ends, the end with the fewest errors; at most `limit` of them,
/// fewest errors first. `alphabet` bounds the symbols of `text`.
pub(super) fn search(text: &[u32], pattern: &[u32], alphabet: usize, max_errors: usize, limit: usize) -> Vec<Match> {
    let m = pattern.len();
    if m == 0 || m > text.len() + max_errors {
        return Vec::new();
    }
    let blocks = m.div_ceil(64);
    let peq = match_masks(pattern.iter().copied(), alphabet, blocks);
    let none = vec![0u64; blocks];
    let last_rows = last_rows(m);
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    // The edit distance of the whole pattern against the text ending here; the empty text
    // costs m deletions.
    let mut score = m as isize;
    let max = max_errors as isize;

    // Runs of consecutive ends within the bound; each keeps its best end.
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut in_run = false;
    for (j, &symbol) in text.iter().enumerate() {
        let eq = if (symbol as usize) < alphabet { &peq[symbol as usize * blocks..][..blocks] } else { &none[..] };
        // Sellers' search: the row above the pattern is all zeros (a match may start
        // anywhere), so the first block never receives a horizontal carry.
        let mut carry = 0;
        if blocks == 1 {
            // Most quotes fit one word; spare the loop.
            carry = advance_block(&mut pv[0], &mut mv[0], eq[0], 0, last_rows[0]);
        } else {
            for (((pv, mv), &eq), &last) in pv.iter_mut().zip(mv.iter_mut()).zip(eq).zip(&last_rows) {
                carry = advance_block(pv, mv, eq, carry, last);
            }
        }
        score += carry as isize;
        if score <= max {
            let errors = score as usize;
            match ends.last_mut() {
                Some(last) if in_run && errors < last.1 => *last = (j + 1, errors),
                Some(_) if in_run => {}
                _ => ends.push((j + 1, errors)),
            }
            in_run = true;
        } else {
            in_run = false;
        }
    }
    ends.sort_by_key(|&(end, errors)| (errors, end));
    ends.truncate(limit);
    // The starts: the reversed pattern aligned backwards from each end.
    let reversed = match_masks(pattern.iter().rev().copied(), alphabet, blocks);
    ends.into_iter().filter_map(|(end, _)| start_of(text, &reversed, m, alphabet, end, max_errors)).collect()
}

/// For each 64-row block of a pattern of length `m`, the bit of its last row.
fn last_rows(m: usize) -> Vec<u64> {
    let blocks = m.div_ceil(64);
    (0..blocks).map(|b| if b + 1 == blocks { 1u64 << ((m - 1) % 64) } else { 1u64 << 63 }).collect()
}

/// `masks[symbol * blocks + b]`: bit i set when the pattern's symbol b * 64 + i is that one.
fn match_masks(pattern: impl Iterator<Item = u32>, alphabet: usize, blocks: usize) -> Vec<u64> {
    let mut masks = vec![0u64; alphabet * blocks];
    for (i, symbol) in pattern.enumerate() {
        if symbol != ABSENT && (symbol as usize) < alphabet {
            masks[symbol as usize * blocks + i / 64] |= 1 << (i % 64);
        }
    }
    masks
}

/// One column step of Myers' algorithm on a 64-row block (Hyyrö 2003). `pv`/`mv` are the
/// block's vertical +1/−1 deltas; `h_in` the horizontal delta entering at its top row. Returns
/// the horizontal delta leaving at `last_row`.
#[inline(always)]
fn advance_block(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i32, last_row: u64) -> i32 {
    let eq = eq | u64::from(h_in < 0);
    let xv = eq | *mv;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let h_out = i32::from(ph & last_row != 0) - i32::from(mh & last_row != 0);
    ph <<= 1;
    mh <<= 1;
    mh |= u64::from(h_in < 0);
    ph |= u64::from(h_in > 0);
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

/// Where the best alignment of a pattern of length `m` ending at `end` starts: Myers'
/// algorithm again, with the reversed pattern (`reversed` masks) run backwards from `end`
/// over at most `m + max_errors` symbols. Here the alignment is anchored at `end`, so the
/// row above the pattern counts up (each skipped text symbol is an edit): the first block
/// receives a +1 carry at every step.
fn start_of(text: &[u32], reversed: &[u64], m: usize, alphabet: usize, end: usize, max_errors: usize) -> Option<Match> {
    let blocks = m.div_ceil(64);
    let width = (m + max_errors).min(end);
    let none = vec![0u64; blocks];
    let last_rows = last_rows(m);
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    // Distance of the whole pattern against the empty text: m.
    let mut score = m;
    let mut best = (score, 0usize);
    for len in 1..=width {
        let symbol = text[end - len] as usize;
        let eq = if symbol < alphabet { &reversed[symbol * blocks..][..blocks] } else { &none[..] };
        let mut carry = 1;
        for (((pv, mv), &eq), &last) in pv.iter_mut().zip(mv.iter_mut()).zip(eq).zip(&last_rows) {
            carry = advance_block(pv, mv, eq, carry, last);
        }
        score = score.checked_add_signed(carry as isize)?;
        // The fewest errors; among equals, the length closest to the pattern's.
        if score < best.0 || (score == best.0 && len.abs_diff(m) < best.1.abs_diff(m)) {
            best = (score, len);
        }
    }
    let (errors, len) = best;
    (errors <= max_errors).then_some(Match { start: end - len, end, errors })
}

/// Levenshtein distance between two code-point sequences (for short context strings).
pub(super) fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb)).min(row[j + 1] + 1).min(row[j] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn symbols(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn find(text: &str, pattern: &str, k: usize) -> Vec<Match> {
        search(&symbols(text), &symbols(pattern), 0x11_0000, k, 10)
    }

    #[test]
    fn finds_exact_and_approximate_occurrences() {
        assert_eq!(find("the quick brown fox", "brown", 0), [Match { start: 10, end: 15, errors: 0 }]);
        assert_eq!(find("the quick brwn fox", "brown", 1), [Match { start: 10, end: 14, errors: 1 }]);
        assert_eq!(find("the quick brXwn fox", "brown", 1), [Match { start: 10, end: 15, errors: 1 }]);
        assert!(find("the quick fox", "brown", 1).is_empty());
    }

    #[test]
    fn long_patterns_span_several_words() {
        let pattern: String = (0..150).map(|i| char::from(b'a' + (i * 7 % 26) as u8)).collect();
        let mut edited = pattern.clone();
        edited.replace_range(70..71, "#");
        edited.remove(130);
        let text = format!("{}{}{}", "z".repeat(40), edited, "y".repeat(30));
        let found = find(&text, &pattern, 5);
        assert_eq!(found[0], Match { start: 40, end: 40 + 149, errors: 2 });
    }

    #[test]
    fn matches_the_plain_dynamic_programme() {
        // A brute-force check on small inputs: the best distance over all substrings.
        let text = symbols("abcabdacbdabcdbcadbca");
        for pattern in ["abcd", "cbda", "aaaa", "dbcad", "bca"] {
            let p = symbols(pattern);
            let best = (0..=text.len())
                .flat_map(|s| (s..=text.len()).map(move |e| (s, e)))
                .map(|(s, e)| {
                    let a: Vec<char> = text[s..e].iter().map(|&c| char::from_u32(c).unwrap()).collect();
                    edit_distance(&a, &pattern.chars().collect::<Vec<_>>())
                })
                .min()
                .unwrap();
            let found = search(&text, &p, 128, 2, 10);
            assert_eq!(found.first().map(|m| m.errors), (best <= 2).then_some(best), "{pattern}");
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("kitten"), &c("sitting")), 3);
        assert_eq!(edit_distance(&c(""), &c("古籍")), 2);
    }
}
