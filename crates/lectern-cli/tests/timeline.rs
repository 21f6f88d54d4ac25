//! `lectern timeline` and `lectern dates` speak the JSON contract of DESIGN §4.

use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .env_remove("LECTERN_LIBRARY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn json_of(out: &Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn dates_tags_a_text_against_a_reference_date() {
    let out = run(
        &["--json", "dates", "--dct", "2022-03-14"],
        "On March 2, 2021 the dam failed. As of June 9, 37 days had passed.",
    );
    let timexes = json_of(&out);
    assert_eq!(
        timexes,
        json!([
            {"start": 3, "end": 16, "text": "March 2, 2021", "value": "2021-03-02", "type": "DATE"},
            {"start": 39, "end": 45, "text": "June 9", "value": "2021-06-09", "type": "DATE"},
            {"start": 47, "end": 54, "text": "37 days", "value": "P37D", "type": "DURATION"},
        ])
    );
}

#[test]
fn dates_jsonl_answers_line_by_line() {
    let input = "{\"id\":\"a\",\"text\":\"Yesterday it rained.\",\"dct\":\"2020-01-02\"}\n\n{\"id\":7,\"text\":\"次日下雨。\"}\n";
    let out = run(&["dates", "--jsonl"], input);
    assert!(out.status.success());
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["timexes"][0]["value"], "2020-01-01");
    assert_eq!(lines[1]["id"], 7);

    let bad = run(&["dates", "--jsonl"], "{\"id\":1}\n");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 1"));
    let bad_dct = run(&["dates", "--dct", "14/03/2022"], "x");
    assert!(String::from_utf8_lossy(&bad_dct.stderr).contains("invalid date `14/03/2022`"));
}

#[test]
fn timeline_merges_articles_by_date_with_story_years() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let lib = lib.to_str().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/articles/txt-en-regional-government/source.txt");
    let added = json_of(&run(&["--json", "--library", lib, "add", fixture.to_str().unwrap()], ""));
    let id = added[0]["id"].as_str().unwrap();

    let events = json_of(&run(&["--json", "--library", lib, "timeline", id], ""));
    let events = events.as_array().unwrap();
    assert!(events.len() >= 5, "{events:?}");
    let mut keys: Vec<&str> = events[0].as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["article", "from", "mention", "precision", "sentence", "to", "value"]);
    let froms: Vec<&str> = events.iter().map(|e| e["from"].as_str().unwrap()).collect();
    assert!(froms.windows(2).all(|w| w[0] <= w[1]), "sorted by from: {froms:?}");
    // Published 2022-03-14, the story runs from 2021: year-less dates take the story's year.
    assert!(froms.iter().any(|f| f.starts_with("2021-")), "{froms:?}");
    for e in events {
        let sentence = e["sentence"].as_str().unwrap();
        assert!(sentence.contains(e["mention"]["text"].as_str().unwrap()), "{e}");
    }
    // The whole library's timeline is the same here, with one article.
    assert_eq!(json_of(&run(&["--json", "--library", lib, "timeline"], "")).as_array().unwrap().len(), events.len());
}
