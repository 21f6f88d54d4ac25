//! Golden tests of key-quote suggestions: every folder under `tests/fixtures/quotes/` holds a
//! `text.txt` and an `expected.json` listing the suggestions, in text order, as
//! `{"text", "speaker"}`; the suggestions must be exactly these (offsets are checked against
//! the text). Texts are the team's own writing. Adding a case is adding a folder.
//!
//! The sample articles that ship with Lectern are checked for the quotes a reader would pick.

use lectern_core::quotes::{suggest_quotes, QuoteSuggestion};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/quotes")
}

/// The suggestions in text order, each checked to be the text at its offsets.
fn in_order(text: &str) -> Vec<QuoteSuggestion> {
    let mut quotes = suggest_quotes(text);
    for q in &quotes {
        let at: String = text.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(at, q.text, "offsets {}..{} do not hold the quote", q.start, q.end);
        assert!((0.0..=1.0).contains(&q.score));
    }
    quotes.sort_by_key(|q| q.start);
    quotes
}

fn as_json(quotes: &[QuoteSuggestion]) -> Value {
    quotes.iter().map(|q| serde_json::json!({"text": q.text, "speaker": q.speaker})).collect()
}

#[test]
fn golden_quote_cases() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/quotes exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 6, "expected the golden cases, found {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(case.join("text.txt")).unwrap();
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
            .unwrap_or_else(|e| panic!("{}: bad expected.json: {e}", case.display()));
        let got = as_json(&in_order(&text));
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {}\n  got      {}",
                case.file_name().unwrap().to_string_lossy(),
                serde_json::to_string_pretty(&expected).unwrap(),
                serde_json::to_string_pretty(&got).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)).unwrap()
}

#[test]
fn the_river_sample_gives_its_speakers_quotes() {
    let quotes = in_order(&sample("river-restoration.txt"));
    let got: Vec<(&str, Option<&str>)> = quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
    eprintln!("{got:#?}");
    assert!(got.iter().all(|(t, _)| *t != "reset button"), "a scare quote was suggested");
    let speaker_of = |start: &str| got.iter().find(|(t, _)| t.starts_with(start)).map(|(_, s)| *s);
    assert_eq!(speaker_of("We knew the river"), Some(Some("Chen Hua")));
    assert_eq!(speaker_of("So we planned"), Some(Some("Chen Hua")));
    assert_eq!(speaker_of("had to move slowly"), Some(Some("Jane Roe")));
    assert_eq!(speaker_of("At first people worried"), Some(Some("Liu Jianguo")));
    assert_eq!(speaker_of("But when the smell"), Some(Some("Liu Jianguo")));
    assert_eq!(speaker_of("Clean water is not a finish line"), Some(Some("Chen Hua")));
    assert_eq!(speaker_of("It is a habit"), Some(Some("Chen Hua")));
    assert_eq!(got.len(), 7);
}

#[test]
fn the_chinese_sample_gives_its_speakers_quotes() {
    let quotes = in_order(&sample("古籍修复.txt"));
    let got: Vec<(&str, Option<&str>)> = quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
    eprintln!("{got:#?}");
    let speaker_of = |start: &str| got.iter().find(|(t, _)| t.starts_with(start)).map(|(_, s)| *s);
    assert_eq!(speaker_of("古籍修复讲究‘修旧如旧’"), Some(Some("李娜")));
    assert_eq!(speaker_of("宁可慢一点"), Some(Some("老师傅")));
    assert_eq!(speaker_of("古籍是前人留给我们的宝贵财富"), Some(Some("王立新")));
    assert_eq!(speaker_of("以前觉得古籍离自己很远"), Some(Some("陈先生")));
    for name in ["打补丁", "古籍保护与修复工程", "云溪古籍数字资源库", "古籍修复体验日"] {
        assert!(got.iter().all(|(t, _)| *t != name), "the name “{name}” was suggested");
    }
    assert_eq!(got.len(), 4);
}
