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
    let scanner = Scanner::new(pattern, alphabet, max_errors);
    let mut ends = Vec::new();
    scanner.scan(text, 0, text.len(), 1, &mut ends);
    scanner.finish(text, ends, limit)
}

/// Length of the q-grams [`Grams`] indexes; shorter pieces are not selective enough to filter.
const Q: usize = 3;

/// Where each q-gram (run of [`Q`] symbols) of a text starts, built once per text to find
/// the exact occurrences of a piece of a pattern without scanning the text. The q-grams are
/// hashed into buckets, about one per symbol of text; a bucket lists the starts of all its
/// q-grams, so a lookup may return some starts of other q-grams (the caller checks the text).
#[derive(Debug)]
pub(super) struct Grams {
    /// Bits of the hash kept: the table has `1 << bits` buckets.
    bits: u32,
    /// Bucket `b`'s starts are `starts[heads[b]..heads[b + 1]]`.
    heads: Vec<u32>,
    /// The starts, bucket by bucket, in text order within each.
    starts: Vec<usize>,
}

impl Grams {
    /// Indexes `text`: a counting sort of its q-grams by bucket.
    pub(super) fn new(text: &[u32]) -> Self {
        let bits = text.len().max(16).next_power_of_two().trailing_zeros().min(20);
        let mut heads = vec![0u32; (1 << bits) + 1];
        for gram in text.windows(Q) {
            heads[Self::bucket(bits, gram) + 1] += 1;
        }
        for b in 1..heads.len() {
            heads[b] += heads[b - 1];
        }
        let mut next = heads.clone();
        let mut starts = vec![0; text.len().saturating_sub(Q - 1)];
        for (i, gram) in text.windows(Q).enumerate() {
            let slot = &mut next[Self::bucket(bits, gram)];
            starts[*slot as usize] = i;
            *slot += 1;
        }
        Grams { bits, heads, starts }
    }

    fn bucket(bits: u32, gram: &[u32]) -> usize {
        const MIX: u32 = 0x9E37_79B1;
        let hash = ((gram[0].wrapping_mul(MIX) ^ gram[1]).wrapping_mul(MIX) ^ gram[2]).wrapping_mul(MIX);
        (hash >> (32 - bits)) as usize
    }

    /// Where `gram` (of [`Q`] symbols) may start in the text: every place it does, and
    /// perhaps others.
    fn positions(&self, gram: &[u32]) -> &[usize] {
        let b = Self::bucket(self.bits, gram);
        &self.starts[self.heads[b] as usize..self.heads[b + 1] as usize]
    }
}

/// Exactly what [`search`] returns, but faster on a long text: the Myers scan runs only near
/// the places where the pattern could match at all, found with the pigeonhole (partition)
/// filter. `grams` must index `text`.
///
/// Why it loses nothing: cut the pattern into `k + 1` disjoint pieces (k = `max_errors`).
/// An alignment with at most k edits has an edit inside at most k of them (an edit touches
/// one pattern symbol, or falls between two; an insertion at a piece boundary breaks
/// neither piece), so at least one piece is in the text unchanged. If piece `o..o + l` of
/// the pattern (length m) is at `t..t + l` of the text, the rest of the pattern aligns with
/// at most k edits on either side, so the match ends in `t + l ..= t + m - o + k`. Every end
/// within the bound is therefore in one of these regions, and every end outside them is
/// beyond the bound. A region's ends are scanned from `m + k` symbols before it: a match of
/// at most k edits spans at most `m + k` symbols, so from there the scan sees every start
/// such a match could have, and its distances at the region's ends are the full scan's
/// (distances above the bound may come out higher, but they are rejected either way).
/// Regions are merged when they touch, so runs of adjacent ends are the same as well.
///
/// When a piece would be shorter than [`Q`], or the pieces occur so often that the regions
/// would cover as much as the text, this is the plain full scan.
pub(super) fn search_filtered(
    text: &[u32],
    grams: &Grams,
    pattern: &[u32],
    alphabet: usize,
    max_errors: usize,
    limit: usize,
) -> Vec<Match> {
    let m = pattern.len();
    let k = max_errors;
    if m == 0 || m > text.len() + k {
        return Vec::new();
    }
    let piece_len = m / (k + 1);
    if piece_len < Q {
        return search(text, pattern, alphabet, max_errors, limit);
    }
    // Each piece's rarest q-gram gives the fewest places to check. If even those are so
    // many that the regions (each up to 2(m + k) symbols with the run-up) would cover about
    // as much as the text, the filter cannot win: scan it all.
    let pieces: Vec<(usize, usize, &[usize])> = (0..=k)
        .map(|p| {
            let o = p * piece_len;
            let (at, starts) = (0..=piece_len - Q)
                .map(|d| (d, grams.positions(&pattern[o + d..o + d + Q])))
                .min_by_key(|(_, starts)| starts.len())
                .unwrap_or((0, &[]));
            (o, at, starts)
        })
        .collect();
    let candidates: usize = pieces.iter().map(|(_, _, starts)| starts.len()).sum();
    if candidates.saturating_mul(2 * (m + k)) >= text.len() {
        return search(text, pattern, alphabet, max_errors, limit);
    }
    search_near_pieces(text, &pieces, piece_len, pattern, alphabet, max_errors, limit)
}

/// The filter's scan: Myers' search over the regions where a match can end, given for each
/// of the `k + 1` pieces of length `piece_len` its offset in the pattern, the offset in it
/// of the q-gram looked up, and where that q-gram is in the text.
fn search_near_pieces(
    text: &[u32],
    pieces: &[(usize, usize, &[usize])],
    piece_len: usize,
    pattern: &[u32],
    alphabet: usize,
    max_errors: usize,
    limit: usize,
) -> Vec<Match> {
    let (m, k) = (pattern.len(), max_errors);
    let mut regions: Vec<(usize, usize)> = Vec::new();
    for &(o, at, starts) in pieces {
        let piece = &pattern[o..o + piece_len];
        for t in starts.iter().filter_map(|s| s.checked_sub(at)) {
            if text.get(t..t + piece_len) == Some(piece) {
                regions.push((t + piece_len, (t + m - o + k).min(text.len())));
            }
        }
    }
    regions.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(regions.len());
    for (first, last) in regions {
        match merged.last_mut() {
            Some(region) if first <= region.1 + 1 => region.1 = region.1.max(last),
            _ => merged.push((first, last)),
        }
    }
    let scanner = Scanner::new(pattern, alphabet, max_errors);
    let mut ends = Vec::new();
    for (first, last) in merged {
        scanner.scan(text, first.saturating_sub(m + k), last, first, &mut ends);
    }
    scanner.finish(text, ends, limit)
}

/// A pattern prepared for Myers' scan.
struct Scanner<'p> {
    pattern: &'p [u32],
    alphabet: usize,
    max_errors: usize,
    blocks: usize,
    /// The pattern's match masks (see [`match_masks`]).
    peq: Vec<u64>,
    last_rows: Vec<u64>,
}

impl<'p> Scanner<'p> {
    fn new(pattern: &'p [u32], alphabet: usize, max_errors: usize) -> Self {
        let blocks = pattern.len().div_ceil(64);
        let peq = match_masks(pattern.iter().copied(), alphabet, blocks);
        Scanner { pattern, alphabet, max_errors, blocks, peq, last_rows: last_rows(pattern.len()) }
    }

    /// Scans `text[from..to]` as if the text began at `from`, and appends to `ends` each
    /// run of adjacent match ends of at least `first_end` within the bound, as (its
    /// fewest-error end, those errors).
    fn scan(&self, text: &[u32], from: usize, to: usize, first_end: usize, ends: &mut Vec<(usize, usize)>) {
        // Quotes of up to 256 code points (nearly all) keep their blocks in fixed-size
        // arrays, which the compiler unrolls and keeps in registers.
        match self.blocks {
            1 => self.scan_blocks::<1>(text, from, to, first_end, ends),
            2 => self.scan_blocks::<2>(text, from, to, first_end, ends),
            3 => self.scan_blocks::<3>(text, from, to, first_end, ends),
            4 => self.scan_blocks::<4>(text, from, to, first_end, ends),
            blocks => {
                let none = vec![0u64; blocks];
                let mut pv = vec![!0u64; blocks];
                let mut mv = vec![0u64; blocks];
                self.record(text, from, to, first_end, ends, |symbol| {
                    let eq = self.masks(symbol).unwrap_or(&none);
                    let mut carry = 0;
                    for (((pv, mv), &eq), &last) in pv.iter_mut().zip(mv.iter_mut()).zip(eq).zip(&self.last_rows) {
                        carry = advance_block(pv, mv, eq, carry, last);
                    }
                    carry
                });
            }
        }
    }

    /// [`Scanner::scan`] for a pattern of exactly `B` blocks.
    fn scan_blocks<const B: usize>(
        &self,
        text: &[u32],
        from: usize,
        to: usize,
        first_end: usize,
        ends: &mut Vec<(usize, usize)>,
    ) {
        let last_rows: [u64; B] = self.last_rows[..].try_into().expect("B blocks");
        let mut pv = [!0u64; B];
        let mut mv = [0u64; B];
        self.record(text, from, to, first_end, ends, |symbol| {
            let eq: [u64; B] = self.masks(symbol).map_or([0; B], |eq| eq.try_into().expect("B blocks"));
            // Sellers' search: the row above the pattern is all zeros (a match may start
            // anywhere), so the first block never receives a horizontal carry.
            let mut carry = 0;
            for (((pv, mv), eq), last) in pv.iter_mut().zip(mv.iter_mut()).zip(eq).zip(last_rows) {
                carry = advance_block(pv, mv, eq, carry, last);
            }
            carry
        });
    }

    /// The pattern's match masks for a text symbol, or `None` for a symbol it lacks.
    #[inline(always)]
    fn masks(&self, symbol: u32) -> Option<&[u64]> {
        let symbol = symbol as usize;
        (symbol < self.alphabet).then(|| &self.peq[symbol * self.blocks..][..self.blocks])
    }

    /// The scan itself: `step` advances the columns by one text symbol and returns the
    /// change of the whole pattern's distance; the runs of ends within the bound are kept.
    #[inline(always)]
    fn record(
        &self,
        text: &[u32],
        from: usize,
        to: usize,
        first_end: usize,
        ends: &mut Vec<(usize, usize)>,
        mut step: impl FnMut(u32) -> i32,
    ) {
        // The edit distance of the whole pattern against the text ending here; the empty text
        // costs m deletions.
        let mut score = self.pattern.len() as isize;
        let max = self.max_errors as isize;
        // Runs of consecutive ends within the bound; each keeps its best end.
        let mut in_run = false;
        for (j, &symbol) in (from..to).zip(&text[from..to]) {
            score += step(symbol) as isize;
            if score <= max && j + 1 >= first_end {
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
    }

    /// The best `limit` of the `ends` found, fewest errors first, with their starts.
    fn finish(&self, text: &[u32], mut ends: Vec<(usize, usize)>, limit: usize) -> Vec<Match> {
        ends.sort_by_key(|&(end, errors)| (errors, end));
        ends.truncate(limit);
        // The starts: the reversed pattern aligned backwards from each end.
        let m = self.pattern.len();
        let reversed = match_masks(self.pattern.iter().rev().copied(), self.alphabet, self.blocks);
        ends.into_iter()
            .filter_map(|(end, _)| start_of(text, &reversed, m, self.alphabet, end, self.max_errors))
            .collect()
    }
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
    use proptest::prelude::*;

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
    fn the_filter_scans_only_near_the_pieces() {
        // A long text of distinct symbols: the pattern's pieces occur once, so the filter
        // scans a few hundred symbols, and finds what the full scan finds.
        let text: Vec<u32> = (0..5_000).collect();
        let mut pattern = text[2_000..2_040].to_vec();
        pattern[10] = 5_000;
        pattern.remove(30);
        let grams = Grams::new(&text);
        let full = search(&text, &pattern, 5_001, 11, 16);
        assert_eq!(full.first(), Some(&Match { start: 2_000, end: 2_040, errors: 2 }));
        assert_eq!(search_filtered(&text, &grams, &pattern, 5_001, 11, 16), full);
    }

    /// A text over a few symbols (so pieces recur and approximate matches abound), and a
    /// pattern cut from it and edited.
    fn text_and_pattern() -> impl Strategy<Value = (Vec<u32>, Vec<u32>, usize)> {
        (2..40u32, 0..1500usize)
            .prop_flat_map(|(symbols, len)| {
                let text = prop::collection::vec(0..symbols, len..=len + 50);
                let edits = prop::collection::vec((0..3u8, 0..1000usize, 0..symbols + 1), 0..12);
                (text, 0..1000usize, 3..300usize, edits, 0..90usize)
            })
            .prop_map(|(text, at, len, edits, k)| {
                let start = at % text.len().max(1);
                let mut pattern = text[start.min(text.len())..(start + len).min(text.len())].to_vec();
                for (kind, at, symbol) in edits {
                    let at = at % (pattern.len() + 1);
                    match kind {
                        0 => pattern.insert(at, symbol),
                        1 if at < pattern.len() => drop(pattern.remove(at)),
                        _ if at < pattern.len() => pattern[at] = symbol,
                        _ => {}
                    }
                }
                let k = k % (pattern.len() / 3 + 1);
                (text, pattern, k)
            })
    }

    proptest! {
        #[test]
        fn the_filter_changes_nothing((text, pattern, k) in text_and_pattern(), limit in 1..20usize) {
            let alphabet = 41;
            let full = search(&text, &pattern, alphabet, k, limit);
            let grams = Grams::new(&text);
            prop_assert_eq!(&search_filtered(&text, &grams, &pattern, alphabet, k, limit), &full);
            // The scan near the pieces on its own, even where they are too common to pay.
            let piece_len = pattern.len() / (k + 1);
            prop_assume!(piece_len >= Q && pattern.len() <= text.len() + k);
            let pieces: Vec<(usize, usize, &[usize])> =
                (0..=k).map(|p| (p * piece_len, 0, grams.positions(&pattern[p * piece_len..]))).collect();
            let near = search_near_pieces(&text, &pieces, piece_len, &pattern, alphabet, k, limit);
            prop_assert_eq!(near, full);
        }
    }

    /// The runs of match ends by Sellers' plain dynamic programme, one cell at a time.
    fn plain_ends(text: &[u32], pattern: &[u32], k: usize) -> Vec<(usize, usize)> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut ends: Vec<(usize, usize)> = Vec::new();
        let mut in_run = false;
        for (j, &c) in text.iter().enumerate() {
            let mut diagonal = column[0];
            for (i, &p) in pattern.iter().enumerate() {
                let next = (diagonal + usize::from(p != c)).min(column[i + 1] + 1).min(column[i] + 1);
                diagonal = column[i + 1];
                column[i + 1] = next;
            }
            let errors = column[pattern.len()];
            if errors <= k {
                match ends.last_mut() {
                    Some(last) if in_run && errors < last.1 => *last = (j + 1, errors),
                    Some(_) if in_run => {}
                    _ => ends.push((j + 1, errors)),
                }
            }
            in_run = errors <= k;
        }
        ends
    }

    proptest! {
        #[test]
        fn the_bit_parallel_scan_is_the_plain_programme((text, pattern, k) in text_and_pattern()) {
            // Patterns of one to several 64-bit blocks, the fixed-size and the general path.
            prop_assume!(!pattern.is_empty());
            let scanner = Scanner::new(&pattern, 41, k);
            let mut ends = Vec::new();
            scanner.scan(&text, 0, text.len(), 1, &mut ends);
            prop_assert_eq!(ends, plain_ends(&text, &pattern, k));
        }
    }

    #[test]
    fn five_blocks_take_the_general_path() {
        let pattern: Vec<u32> = (0..300).map(|i| i * 7 % 13).collect();
        let mut text = vec![20u32; 50];
        text.extend(&pattern[..150]);
        text.extend(&pattern[160..]);
        text.extend([20; 50]);
        let scanner = Scanner::new(&pattern, 21, 30);
        let mut ends = Vec::new();
        scanner.scan(&text, 0, text.len(), 1, &mut ends);
        assert_eq!(ends, plain_ends(&text, &pattern, 30));
        assert!(!ends.is_empty());
    }

    #[test]
    fn edit_distance_counts_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("kitten"), &c("sitting")), 3);
        assert_eq!(edit_distance(&c(""), &c("古籍")), 2);
    }
}
