//! The timex benchmark: tags the TempEval-3 platinum texts and writes the scorer's format.
//!
//! ```text
//! cargo run --release -p lectern-core --example timex_bench -- GOLD.jsonl OUT.json
//! ```
//! Reads only `id`, `dct` and `text` of each line of GOLD.jsonl, writes `{id: [{start, end,
//! value, text, type}]}` to OUT.json, and prints throughput: KB of text per second, the
//! median of `REPEAT` (default 20) timed passes after one untimed warm-up pass.

use chrono::NaiveDate;
use lectern_core::timeline::tag;
use serde_json::{json, Map, Value};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(gold), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: timex_bench GOLD.jsonl OUT.json");
        std::process::exit(2);
    };
    let repeat: usize = std::env::var("REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(20).max(1);

    let mut docs = Vec::new();
    for line in std::fs::read_to_string(gold)?.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line)?;
        let id = doc["id"].as_str().unwrap_or_default().to_string();
        let dct = doc["dct"].as_str().and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
        let text = doc["text"].as_str().unwrap_or_default().to_string();
        docs.push((id, dct, text));
    }
    let bytes: usize = docs.iter().map(|(_, _, t)| t.len()).sum();

    let run = || docs.iter().map(|(id, dct, text)| (id.clone(), tag(text, *dct))).collect::<Vec<_>>();
    let results = run(); // warm-up, and the output
    let mut passes: Vec<f64> = (0..repeat)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(run());
            t0.elapsed().as_secs_f64()
        })
        .collect();
    passes.sort_by(|a, b| a.total_cmp(b));
    let median = if repeat % 2 == 1 { passes[repeat / 2] } else { (passes[repeat / 2 - 1] + passes[repeat / 2]) / 2.0 };

    let mut map = Map::new();
    let mut found = 0;
    for (id, timexes) in results {
        found += timexes.len();
        let list = timexes
            .iter()
            .map(|t| json!({"start": t.start, "end": t.end, "value": t.value, "text": t.text, "type": t.kind}))
            .collect();
        map.insert(id, Value::Array(list));
    }
    std::fs::write(out, serde_json::to_string(&Value::Object(map))?)?;
    let kb = bytes as f64 / 1024.0;
    println!(
        "lectern: docs={} found={found} text={kb:.1}KB median pass={:.2}ms -> {:.0} KB/s ({repeat} passes)",
        docs.len(),
        median * 1000.0,
        kb / median
    );
    Ok(())
}
