//! Runs the built `lectern` binary: every subcommand's `--json` parses and carries the
//! contract's fields (DESIGN §4), human output is tidy, and errors are one line with a
//! non-zero exit.

mod common;

use common::{fixture, json, lectern};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const NOTE: &str = "---\ntitle: Planting season\nauthor: A. Gardener\ndate: 2023-04-02\n---\n\n\
    ## In the valley\n\nFarmers began planting rice in the lower fields this week, a fortnight earlier than last year.\n\n\
    ## 古籍\n\n市图书馆完成了古籍修复工作。\n";

#[test]
fn add_list_show_search_rm_speak_the_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let note = write(dir.path(), "note.md", NOTE);

    let added = json(&lib, &["add", &note]);
    assert_eq!(keys(&added[0]), ["id", "status", "title"]);
    assert_eq!(added[0]["status"], "added");
    assert_eq!(added[0]["title"], "Planting season");
    let id = added[0]["id"].as_str().unwrap().to_string();
    assert_eq!(json(&lib, &["add", &note])[0]["status"], "exists");

    let list = json(&lib, &["list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(keys(&list[0]), ["added", "id", "published", "source", "title", "words"]);
    assert_eq!(list[0]["published"], "2023-04-02");

    let show = json(&lib, &["show", &id[id.len() - 8..]]);
    assert_eq!(
        keys(&show),
        [
            "breadcrumbs",
            "byline",
            "headings",
            "id",
            "images",
            "language",
            "published",
            "site_name",
            "source",
            "text",
            "title",
            "url",
            "words"
        ]
    );
    assert_eq!(show["id"], id.as_str());
    assert_eq!(show["byline"], "A. Gardener");
    assert_eq!(show["headings"], serde_json::json!(["In the valley", "古籍"]));
    assert!(show["text"].as_str().unwrap().contains("planting rice"));

    for query in ["plant", "古籍", "\"AND (*"] {
        let hits = json(&lib, &["search", query]);
        if query != "\"AND (*" {
            assert_eq!(hits.as_array().unwrap().len(), 1, "{query}");
            assert_eq!(keys(&hits[0]), ["id", "snippet", "title"]);
        }
    }

    let removed = json(&lib, &["rm", &id]);
    assert_eq!(removed, serde_json::json!({"id": id, "removed": true}));
    assert_eq!(json(&lib, &["list"]), serde_json::json!([]));
}

#[test]
fn extract_needs_no_library_and_matches_show() {
    let dir = tempfile::tempdir().unwrap();
    let note = write(dir.path(), "note.md", NOTE);
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["--json", "extract", &note, "--url", "https://example.org/planting"])
        .env("LECTERN_LIBRARY", dir.path().join("never-created"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["url"], "https://example.org/planting");
    assert_eq!(doc["title"], "Planting season");
    assert!(doc["id"].is_null());
    assert!(!dir.path().join("never-created").exists(), "extract touches no library");
}

#[test]
fn human_output_is_tidy() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let note = write(dir.path(), "note.md", NOTE);
    let out = lectern(&lib, &["add", &note]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("added ") && text.trim_end().ends_with("Planting season"), "{text}");
    let list = String::from_utf8(lectern(&lib, &["list"]).stdout).unwrap();
    assert!(list.contains("2023-04-02") && list.contains("Planting season"), "{list}");
    let empty = tempfile::tempdir().unwrap();
    let none = String::from_utf8(lectern(empty.path(), &["list"]).stdout).unwrap();
    assert!(none.contains("library is empty"), "{none}");
}

#[test]
fn errors_are_one_line_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let docx = write(dir.path(), "notes.docx", "x");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["add".into(), docx], "unsupported file type `.docx`"),
        (vec!["add".into(), dir.path().join("missing.txt").to_string_lossy().into()], "missing.txt"),
        (vec!["show".into(), "0000".into()], "no article with id `0000`"),
        (vec!["rm".into(), "nope".into()], "no article"),
        (vec!["add".into(), "http://127.0.0.1:9/x".into()], "cannot download"),
    ];
    for (args, words) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = lectern(&lib, &args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!out.status.success(), "{args:?} succeeded");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(words), "{args:?}: {stderr}");
    }
    // A failed add leaves the library as it was.
    let out = lectern(&lib, &["--json", "list"]);
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap(), serde_json::json!([]));
}

#[test]
fn add_reports_each_failure_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let note = write(dir.path(), "note.md", NOTE);
    let out = lectern(&lib, &["--json", "add", &note, "/nonexistent/a.txt"]);
    assert!(!out.status.success());
    let added: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(added.as_array().unwrap().len(), 1);
    assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
}

#[test]
fn fixture_pages_are_accepted_by_extract() {
    // Every format the fixtures hold goes through `extract --json` with the show fields.
    for (case, file) in [("txt-en-regional-government", "source.txt"), ("html-zh-gbk", "source.html")] {
        let path = fixture(case, file);
        if !path.exists() {
            panic!("fixture {case} is missing");
        }
        let out = Command::new(env!("CARGO_BIN_EXE_lectern")).args(["--json", "extract"]).arg(&path).output().unwrap();
        assert!(out.status.success(), "{case}: {}", String::from_utf8_lossy(&out.stderr));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!doc["title"].as_str().unwrap().is_empty(), "{case}");
        assert!(doc["words"].as_u64().unwrap() > 100, "{case}");
    }
}
