//! What each fuzz target does with one input, kept here so the same code runs under
//! libFuzzer (`fuzz_targets/*.rs`, `make fuzz`) and as a plain test over the seed corpus
//! and the saved crashes (`tests/corpus.rs`, `cargo test` on the stable toolchain).
//!
//! Every function must return normally for every input: the core never panics on bad input
//! (STYLE, Errors).

use lectern_core::exchange::Limits;
use lectern_core::{extract, ingest, timeline, Library};
use std::sync::{Mutex, OnceLock};

/// The names of the targets, as in `fuzz_targets/` and `corpus/`.
pub const TARGETS: &[&str] = &["extract_html", "plaintext", "dates", "markdown_notes", "bundle_import"];

/// Seeds taken from the shared fixtures rather than copied into `corpus/`: each target's
/// seeds include the file of this name in every case folder of `tests/fixtures/articles/`.
/// The Makefile's `FUZZ_SEEDS` says the same for `make fuzz` (a test checks they agree).
pub const FIXTURE_SEEDS: &[(&str, &str)] = &[
    ("extract_html", "source.html"),
    ("plaintext", "source.txt"),
    ("dates", "source.txt"),
    ("markdown_notes", "source.md"),
];

/// Runs the target called `name` on `data`.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "extract_html" => extract_html(data),
        "plaintext" => plaintext(data),
        "dates" => dates(data),
        "markdown_notes" => markdown_notes(data),
        "bundle_import" => bundle_import(data),
        other => panic!("no fuzz target `{other}`"),
    }
}

/// Bytes as a saved page: charset detection, then article extraction.
pub fn extract_html(data: &[u8]) {
    let html = ingest::charset::decode_html(data, None);
    let base = "https://example.org/news/article.html".parse().ok();
    if let Ok(document) = extract::html(&html, base.as_ref()) {
        let _ = document.text();
    }
}

/// Text as a `.txt` article.
pub fn plaintext(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = ingest::plaintext::parse(&text).text();
}

/// Text through the date tagger, with a fixed document creation time.
pub fn dates(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let dct = chrono::NaiveDate::from_ymd_opt(2021, 5, 29);
    let _ = timeline::tag(&text, dct);
}

/// Text as an annotation's Markdown note, and as a Markdown article.
pub fn markdown_notes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = lectern_core::annotation::render_note(&text);
    let base = "https://example.org/notes/".parse().ok();
    let _ = ingest::markdown::parse(&text, base.as_ref()).text();
}

/// The caps for fuzzed imports: small, so no input can take long or use much memory.
pub fn small_limits() -> Limits {
    Limits {
        max_file: 1 << 20,
        max_articles: 8,
        max_asset: 64 << 10,
        max_annotations: 64,
        max_note: 4 << 10,
        max_total_uncompressed: 4 << 20,
        max_ratio: 200,
        ratio_floor: 4 << 10,
        max_entries: 32,
    }
}

/// Bytes as an import file (bundle, W3C JSON or Hypothesis export) into a scratch library,
/// opened once per process: opening one per input would be most of the time spent.
pub fn bundle_import(data: &[u8]) {
    static LIBRARY: OnceLock<(tempfile::TempDir, Mutex<Library>)> = OnceLock::new();
    let (_, library) = LIBRARY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let library = Library::open(dir.path()).expect("a scratch library");
        (dir, Mutex::new(library))
    });
    let mut library = library.lock().unwrap_or_else(|e| e.into_inner());
    let _ = library.import_bytes(data, &small_limits());
}
