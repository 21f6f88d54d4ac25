//! Library benchmark: add 10,000 generated articles from local files, then search.
//!
//! Targets (issue "Foundation"): adding ≥ 300 articles/s; search p95 ≤ 10 ms at 10,000
//! articles. Run with `cargo bench -p lectern-core --bench library` (or `make bench`);
//! `LECTERN_BENCH_ARTICLES` changes the count.

mod corpus;

use corpus::{percentile, word_of_rank, Words};
use lectern_core::Library;
use std::time::{Duration, Instant};

/// How many distinct words the corpus uses.
const VOCABULARY: usize = 20_000;

fn article(i: usize, rng: &mut Words) -> (String, String) {
    let mut text = format!("Article {i}: the {} {}\n\n", rng.word(), rng.word());
    for p in 0..6 {
        let mut paragraph = String::new();
        for w in 0..60 {
            paragraph.push_str(&rng.word());
            paragraph.push(if w % 12 == 11 { '.' } else { ' ' });
        }
        if p % 3 == 0 {
            paragraph.push_str(rng.chinese());
        }
        text.push_str(&format!("{paragraph} (ref {i}-{p})\n\n"));
    }
    (format!("article-{i:05}.txt"), text)
}

fn main() {
    let count: usize = std::env::var("LECTERN_BENCH_ARTICLES").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let mut rng = Words::new(0x9E37_79B9_7F4A_7C15, VOCABULARY);
    let paths: Vec<String> = (0..count)
        .map(|i| {
            let (name, text) = article(i, &mut rng);
            let path = files.join(name);
            std::fs::write(&path, text).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect();

    let mut library = Library::open(&dir.path().join("library")).unwrap();
    let start = Instant::now();
    for path in &paths {
        library.add(path).unwrap();
    }
    let elapsed = start.elapsed();
    let rate = count as f64 / elapsed.as_secs_f64();
    println!(
        "add: {count} articles from local files in {:.2} s = {rate:.0} articles/s (target ≥ 300)",
        elapsed.as_secs_f64()
    );

    // Frequent, middling and rare words, multi-word queries, a prefix, and Chinese.
    let (middling, rare, reference) = (word_of_rank(300), word_of_rank(5_000), format!("ref {}", count / 2));
    let queries = [
        "river",
        "planting",
        "budget council",
        "harbour ferry timetable",
        "古籍",
        "图书馆",
        "restor",
        "volunteers spring",
        &middling,
        &rare,
        &reference,
    ];
    let mut times = Vec::new();
    for round in 0..30 {
        for q in queries {
            let t = Instant::now();
            let hits = library.search(q, 20).unwrap();
            times.push(t.elapsed());
            if round == 0 {
                assert!(!hits.is_empty(), "no hits for {q}");
            }
        }
    }
    if std::env::var_os("LECTERN_BENCH_VERBOSE").is_some() {
        for (i, q) in queries.iter().enumerate() {
            let mut mine: Vec<Duration> = times.iter().skip(i).step_by(queries.len()).copied().collect();
            mine.sort();
            println!("  {q:>28}: p50 {:.2} ms", percentile(&mine, 0.5).as_secs_f64() * 1e3);
        }
    }
    times.sort();
    println!(
        "search: {} queries over {count} articles: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target p95 ≤ 10 ms)",
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3
    );
}
