//! The generated corpus the `library` and `scale` benchmarks share: words drawn with a
//! Zipf-like distribution from a fixed vocabulary (a few real words, then made-up ones), some
//! Chinese runs so the bigram index is exercised too, and a deterministic generator so every
//! run writes the same articles.
#![allow(dead_code, reason = "each benchmark uses a different part of this module")]

use std::time::Duration;

/// The most frequent words of the vocabulary; the rarer ranks are made-up words.
const WORDS: &[&str] = &[
    "council",
    "river",
    "bridge",
    "budget",
    "planting",
    "harbour",
    "ferry",
    "library",
    "station",
    "school",
    "market",
    "county",
    "director",
    "engineer",
    "volunteers",
    "restoration",
    "storm",
    "season",
    "farmers",
    "village",
    "museum",
    "report",
    "officials",
    "weekend",
    "spring",
    "winter",
    "repairs",
    "timetable",
    "residents",
    "project",
    "funding",
];

/// Chinese words that go into some paragraphs.
const CHINESE: &[&str] = &["古籍修复", "城市书房", "图书馆", "志愿者", "数字化", "文献保护", "新闻中心", "本地要闻"];

const SYLLABLES: &[&str] =
    &["ka", "lo", "mi", "ren", "tas", "vu", "shi", "por", "den", "al", "qua", "bel", "nor", "ti"];

/// A deterministic word generator (xorshift) over a vocabulary of `vocabulary` words.
pub struct Words {
    state: u64,
    vocabulary: usize,
}

impl Words {
    /// A generator; the same seed gives the same words.
    pub fn new(seed: u64, vocabulary: usize) -> Self {
        Words { state: seed, vocabulary }
    }

    /// The next raw number.
    pub fn next(&mut self) -> usize {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state as usize
    }

    /// A word drawn with a Zipf-like (log-uniform) rank distribution, as in real text: a few
    /// words are everywhere, most are rare, so posting lists have realistic lengths.
    pub fn word(&mut self) -> String {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        word_of_rank(((self.vocabulary as f64).powf(u) as usize).saturating_sub(1))
    }

    /// A Chinese word.
    pub fn chinese(&mut self) -> &'static str {
        CHINESE[self.next() % CHINESE.len()]
    }
}

/// The word of a given frequency rank (0 is the most frequent).
pub fn word_of_rank(rank: usize) -> String {
    if let Some(word) = WORDS.get(rank) {
        return word.to_string();
    }
    let (mut n, mut word) = (rank, String::new());
    while n > 0 || word.is_empty() {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    word
}

/// The `p` quantile (0–1) of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}
