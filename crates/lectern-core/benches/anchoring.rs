//! Re-anchoring benchmark (DESIGN §6): 1,000 annotations on a 50,000-character article,
//! after the article changed (sections inserted and removed, words inside some quotes
//! edited). Target: at most 100 ms for all of them.
//!
//! Run with `cargo bench -p lectern-core --bench anchoring`. A plain `main`, so it prints
//! its figures without a harness: how many anchored exactly, fuzzily, or became orphans, and
//! the time, best and median of several runs.

use lectern_core::annotation::{selectors_for, Anchor, Anchorer, Selectors};
use std::time::{Duration, Instant};

const TARGET: Duration = Duration::from_millis(100);
const ARTICLE_CHARS: usize = 50_000;
const ANNOTATIONS: usize = 1_000;
const RUNS: usize = 15;

/// A small deterministic generator (no dependency, same article every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "river",
    "water",
    "village",
    "county",
    "bank",
    "crew",
    "summer",
    "plan",
    "bridge",
    "reed",
    "willow",
    "farm",
    "station",
    "report",
    "survey",
    "fish",
    "heron",
    "dredging",
    "silt",
    "flow",
    "year",
    "week",
    "month",
    "people",
    "volunteer",
    "engineer",
    "director",
    "bureau",
    "household",
    "workshop",
    "standard",
    "road",
    "field",
    "grass",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "was",
    "were",
    "had",
    "has",
    "with",
    "on",
    "for",
    "from",
    "by",
    "at",
    "clear",
    "slow",
    "green",
    "small",
    "old",
    "new",
    "first",
    "last",
    "every",
    "many",
    "few",
    "lower",
    "upper",
    "middle",
    "began",
    "finished",
    "moved",
    "planted",
    "counted",
    "opened",
    "tested",
    "raised",
    "asked",
    "said",
    "built",
    "修复",
    "古籍",
    "图书馆",
    "纸张",
    "保护",
    "数字化",
];

fn sentence(rng: &mut Lcg) -> String {
    let n = 8 + rng.below(18);
    let mut s: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    let first = s[0].to_string();
    let mut capital = first.clone();
    if let Some(c) = first.chars().next() {
        capital = c.to_uppercase().chain(first.chars().skip(1)).collect();
    }
    s[0] = &capital;
    format!("{}.", s.join(" "))
}

fn article(rng: &mut Lcg) -> String {
    let mut text = String::new();
    while text.chars().count() < ARTICLE_CHARS {
        let paragraph: Vec<String> = (0..3 + rng.below(4)).map(|_| sentence(rng)).collect();
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&paragraph.join(" "));
    }
    text
}

/// The CPU time this process has had so far, every thread's, finished ones included (Linux:
/// `/proc/self/stat`, in clock ticks of 10 ms), or `None` elsewhere. On a machine shared with
/// other work the wall time measures the load as much as the code; the CPU time much less so.
fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')';
    // utime and stime are the 14th and 15th fields of the line.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The 1-minute load average (Linux), to print beside the figures.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

fn main() {
    let mut rng = Lcg(0x5eed);
    let original = article(&mut rng);
    let chars: Vec<char> = original.chars().collect();

    // 1,000 highlights of 20 to 200 characters anywhere in the text.
    let mut annotations: Vec<Selectors> = (0..ANNOTATIONS)
        .map(|_| {
            let len = 20 + rng.below(180);
            let start = rng.below(chars.len() - len);
            let (quote, position) = selectors_for(&original, start, start + len).expect("a valid range");
            Selectors { quote, position: Some(position) }
        })
        .collect();
    annotations.sort_by_key(|s| s.position.map(|p| p.start));

    // The re-download: 30 new paragraphs, 20 paragraphs gone, and one word changed in 50
    // sentences (some of them inside quotes).
    let mut paragraphs: Vec<String> = original.split("\n\n").map(str::to_string).collect();
    for _ in 0..30 {
        let at = rng.below(paragraphs.len());
        paragraphs.insert(at, sentence(&mut rng) + " " + &sentence(&mut rng));
    }
    for _ in 0..20 {
        let at = rng.below(paragraphs.len());
        paragraphs.remove(at);
    }
    for _ in 0..50 {
        let at = rng.below(paragraphs.len());
        let word = WORDS[rng.below(WORDS.len())];
        if let Some(pos) = paragraphs[at].find(word) {
            paragraphs[at].replace_range(pos..pos + word.len(), "changed");
        }
    }
    let edited = paragraphs.join("\n\n");

    let mut times = Vec::new();
    let mut counts = (0, 0, 0);
    let load_before = load_average();
    let cpu_before = process_cpu_time();
    for _ in 0..RUNS {
        let began = Instant::now();
        let anchorer = Anchorer::new(&edited);
        let found = anchorer.anchor_all(&annotations);
        times.push(began.elapsed());
        counts = found.iter().fold((0, 0, 0), |(e, f, o), a| match a {
            Anchor::Exact { .. } => (e + 1, f, o),
            Anchor::Fuzzy { .. } => (e, f + 1, o),
            Anchor::Orphan => (e, f, o + 1),
        });
    }
    let cpu = cpu_before.zip(process_cpu_time()).map(|(before, after)| (after - before) / RUNS as u32);
    times.sort();
    // Where the time goes, by outcome.
    let anchorer = Anchorer::new(&edited);
    let mut by_kind = [Duration::ZERO; 3];
    for s in &annotations {
        let began = Instant::now();
        let kind = match anchorer.anchor(s) {
            Anchor::Exact { .. } => 0,
            Anchor::Fuzzy { .. } => 1,
            Anchor::Orphan => 2,
        };
        by_kind[kind] += began.elapsed();
    }
    let best = times[0];
    let median = times[RUNS / 2];
    println!("re-anchoring {ANNOTATIONS} annotations on a {}-character article after edits:", edited.chars().count());
    println!("  exact {}, fuzzy {}, orphans {}", counts.0, counts.1, counts.2);
    println!("  time spent on exact {:.2?}, fuzzy {:.2?}, orphans {:.2?}", by_kind[0], by_kind[1], by_kind[2]);
    println!(
        "  best {best:.2?}, median {median:.2?} (target ≤ {TARGET:?}) — {}",
        if median <= TARGET { "met" } else { "MISSED" }
    );
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    println!("  on up to {threads} threads; CPU time per run, all threads: mean {:.1?}", cpu.unwrap_or_default());
    println!("  load average {load_before} before, {} after", load_average());
}
