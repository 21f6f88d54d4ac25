//! Runs Lectern's extractor over the extraction benchmark pages and writes the output the
//! benchmark's scorer reads (`../shared/bench/README.md`, suite 1).
//!
//! Usage: `extraction_bench PAGES_DIR OUT_DIR`. For every `PAGES_DIR/<slug>/source.html` it
//! writes `OUT_DIR/<slug>.json` (`title`, `textContent` = the canonical text, `byline`,
//! `excerpt`, `publishedTime`, `siteName`) and `OUT_DIR/_timing.json`. Each page is timed
//! from the HTML string to the finished document, without file I/O, after five untimed
//! warm-up pages, as the peer is.

use lectern_core::extract;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Instant;
use url::Url;

const WARMUP: usize = 5;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, pages, out] = args.as_slice() else {
        eprintln!("usage: extraction_bench PAGES_DIR OUT_DIR");
        std::process::exit(2);
    };
    let out = Path::new(out);
    std::fs::create_dir_all(out)?;
    let mut slugs: Vec<PathBuf> = std::fs::read_dir(pages)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").exists())
        .collect();
    slugs.sort();
    let base = Url::parse("http://fakehost/test/page.html")?;
    let sources: Vec<(String, String)> = slugs
        .iter()
        .map(|p| {
            let slug = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
            Ok((slug, std::fs::read_to_string(p.join("source.html"))?))
        })
        .collect::<Result<_, std::io::Error>>()?;

    for (_, html) in sources.iter().take(WARMUP) {
        let _ = extract::html(html, Some(&base));
    }

    let mut timing = serde_json::Map::new();
    let mut times = Vec::new();
    for (slug, html) in &sources {
        let start = Instant::now();
        let result = extract::html(html, Some(&base));
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let output = match result {
            Ok(doc) => json!({
                "title": doc.meta.title,
                "textContent": doc.text(),
                "byline": doc.meta.byline,
                "excerpt": doc.meta.excerpt,
                "publishedTime": doc.meta.published,
                "siteName": doc.meta.site_name,
            }),
            Err(e) => json!({ "title": null, "textContent": "", "error": e.to_string() }),
        };
        std::fs::write(out.join(format!("{slug}.json")), serde_json::to_string_pretty(&output)?)?;
        timing.insert(slug.clone(), json!({ "total": ms }));
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let median = match times.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => times[n / 2],
        n => (times[n / 2 - 1] + times[n / 2]) / 2.0,
    };
    let total: f64 = times.iter().sum();
    let summary = json!({ "unit": "ms", "engine": "lectern extract::html", "pages": timing, "n": times.len(),
                          "total_ms": total, "median_total_ms": median });
    std::fs::write(out.join("_timing.json"), serde_json::to_string_pretty(&summary)?)?;
    println!("pages={} sum={total:.0}ms median/page={median:.2}ms", times.len());
    Ok(())
}
