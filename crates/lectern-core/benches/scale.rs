//! Scale benchmark: a library of 100,000 articles, then search and the library list.
//!
//! Targets (issue "Hardening"): search p95 ≤ 50 ms and one page of the library list
//! ≤ 100 ms at 100,000 articles. Run with `make bench-scale`
//! (`cargo bench -p lectern-core --bench scale`).
//!
//! The articles are generated in memory and stored straight through `Store::add_article`,
//! 1,000 drafts at a time: reading 100,000 files through ingest would measure ingest (the
//! `library` benchmark does that) and take far longer, while the store and its indexes end
//! up the same. Each article is one transaction, as in the app. `LECTERN_SCALE_ARTICLES`
//! changes the count; `LECTERN_SCALE_DIR` keeps the library in that folder and reuses it on
//! the next run (generation is most of the time).

mod corpus;

use corpus::{percentile, word_of_rank, Words};
use lectern_core::document::{Block, Document, Metadata};
use lectern_core::ingest::Draft;
use lectern_core::store::{Sort, Store, DATABASE_FILE};
use std::time::{Duration, Instant};

/// How many distinct words the corpus uses.
const VOCABULARY: usize = 30_000;
const BATCH: usize = 1_000;

fn draft(i: usize, rng: &mut Words) -> Draft {
    let title = format!("{} {} {} ({i})", rng.word(), rng.word(), rng.word());
    let mut blocks = vec![Block::heading(1, title.clone())];
    for p in 0..4 {
        let mut paragraph: Vec<String> = (0..50).map(|_| rng.word()).collect();
        if p == 0 && i % 3 == 0 {
            paragraph.push(rng.chinese().to_string());
        }
        blocks.push(Block::paragraph(format!("{} (ref {i}-{p}).", paragraph.join(" "))));
    }
    let published = (i % 5 != 0).then(|| format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28));
    let meta = Metadata {
        title,
        published,
        url: Some(format!("https://example.org/{i}")),
        language: Some("en".into()),
        ..Default::default()
    };
    Draft { document: Document { meta, blocks }, assets: Vec::new() }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let count: usize = std::env::var("LECTERN_SCALE_ARTICLES").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let temp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("LECTERN_SCALE_DIR").map(Into::into).unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    let mut store = Store::open(&dir.join(DATABASE_FILE)).unwrap();

    let have = store.list_articles_page(Sort::Added, 0, usize::MAX >> 1).unwrap().len();
    if have < count {
        let start = Instant::now();
        let mut rng = Words::new(0x9E37_79B9_7F4A_7C15 ^ have as u64, VOCABULARY);
        for batch in (have..count).step_by(BATCH) {
            let drafts: Vec<Draft> = (batch..(batch + BATCH).min(count)).map(|i| draft(i, &mut rng)).collect();
            for d in &drafts {
                store.add_article(d).unwrap();
            }
        }
        let elapsed = start.elapsed();
        println!(
            "generate: {} articles in {:.1} s ({:.0}/s)",
            count - have,
            elapsed.as_secs_f64(),
            (count - have) as f64 / elapsed.as_secs_f64()
        );
    }
    let size = std::fs::metadata(dir.join(DATABASE_FILE)).unwrap().len();
    println!("library: {count} articles, {:.0} MB", size as f64 / 1e6);

    let (middling, rare, reference) = (word_of_rank(300), word_of_rank(8_000), format!("ref {}", count / 2));
    let queries = [
        "river",
        "budget council",
        "harbour ferry station",
        "图书馆",
        "古籍",
        "restor",
        "volunteers spring",
        "\"unbalanced quote *",
        &middling,
        &rare,
        &reference,
    ];
    let mut times = Vec::new();
    for _ in 0..20 {
        for q in queries {
            let t = Instant::now();
            let _ = store.search(q, 20).unwrap();
            times.push(t.elapsed());
        }
    }
    for (i, q) in queries.iter().enumerate() {
        let mut mine: Vec<Duration> = times.iter().skip(i).step_by(queries.len()).copied().collect();
        mine.sort();
        println!("  {q:>24}: p50 {:6.2} ms, max {:6.2} ms", ms(percentile(&mine, 0.5)), ms(*mine.last().unwrap()));
    }
    times.sort();
    println!(
        "search: {} queries: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target p95 ≤ 50 ms)",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().unwrap())
    );

    for sort in [Sort::Added, Sort::Published, Sort::Title] {
        let mut times = Vec::new();
        for _ in 0..10 {
            for offset in [0, count / 2, count.saturating_sub(50)] {
                let t = Instant::now();
                let page = store.list_articles_page(sort, offset, 50).unwrap();
                times.push(t.elapsed());
                assert_eq!(page.len(), 50.min(count - offset));
            }
        }
        times.sort();
        println!(
            "list page ({sort:?}, 50 rows, first/middle/last): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target ≤ 100 ms)",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().unwrap())
        );
    }
    let t = Instant::now();
    let all = store.list_articles(Sort::Added).unwrap();
    println!("whole list (for comparison): {} rows in {:.0} ms", all.len(), ms(t.elapsed()));
}
