//! `lectern timeline` and `lectern dates` speak the JSON contract of DESIGN §4.

mod common;

use common::run_with_input as run;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Output;

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

fn add_fixture(lib: &str) -> String {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/articles/txt-en-regional-government/source.txt");
    let added = json_of(&run(&["--json", "--library", lib, "add", fixture.to_str().unwrap()], ""));
    added[0]["id"].as_str().unwrap().to_string()
}

#[test]
fn event_commands_edit_hide_unhide_add_and_rm() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let lib = lib.to_str().unwrap();
    let id = add_fixture(lib);
    let events = json_of(&run(&["--json", "--library", lib, "timeline", &id], ""));
    let first = &events[0];
    let start = first["mention"]["start"].as_u64().unwrap().to_string();

    let edit =
        json_of(&run(&["--json", "--library", lib, "event", "edit", &id, "--start", &start, "--value", "1999-q2"], ""));
    assert_eq!((edit["kind"].as_str(), edit["value"].as_str()), (Some("edit"), Some("1999-Q2")));
    let rich = json_of(&run(&["--library", lib, "timeline", &id, "--format", "json"], ""));
    assert_eq!(rich[0]["value"], "1999-Q2");
    assert_eq!(rich[0]["corrected"], true);
    assert_eq!(rich[0]["original_value"], first["value"]);
    // `--json` alone keeps the DESIGN §4 shape, with the corrected value.
    let plain = json_of(&run(&["--json", "--library", lib, "timeline", &id], ""));
    assert_eq!(plain[0]["value"], "1999-Q2");
    assert!(plain[0].get("corrected").is_none());

    json_of(&run(&["--json", "--library", lib, "event", "hide", &id, "--mention-start", &start], ""));
    let hidden = json_of(&run(&["--json", "--library", lib, "timeline", &id], ""));
    assert_eq!(hidden.as_array().unwrap().len(), events.as_array().unwrap().len() - 1);
    let with = json_of(&run(&["--library", lib, "timeline", &id, "--hidden", "--format", "json"], ""));
    assert!(with.as_array().unwrap().iter().any(|e| e["hidden"] == true));
    let unhide = json_of(&run(&["--json", "--library", lib, "event", "unhide", &id, "--start", &start], ""));
    assert_eq!(unhide["unhidden"], true);

    let add = json_of(&run(
        &["--json", "--library", lib, "event", "add", &id, "--start", "0", "--end", "3", "--value", "1990"],
        "",
    ));
    assert_eq!(add["mention"]["start"], 0);
    let list = json_of(&run(&["--json", "--library", lib, "event", "list", &id], ""));
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert!(list.as_array().unwrap().iter().all(|c| c["status"] == "anchored"));
    let rm = json_of(&run(&["--json", "--library", lib, "event", "rm", add["id"].as_str().unwrap()], ""));
    assert_eq!(rm["removed"], true);

    let bad = run(&["--library", lib, "event", "edit", &id, "--start", &start, "--value", "soon"], "");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid date value `soon`"));
    let nowhere = run(&["--library", lib, "event", "hide", &id, "--start", "999999"], "");
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("no dated mention starts at 999999"));
}

#[test]
fn timeline_exports_to_files_by_tag() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let lib = lib.to_str().unwrap();
    add_fixture(lib);
    let count = json_of(&run(&["--json", "--library", lib, "timeline"], "")).as_array().unwrap().len();
    let no_tag = run(&["--library", lib, "timeline", "--tag", "rivers"], "");
    assert!(String::from_utf8_lossy(&no_tag.stderr).contains("no article is tagged `rivers`"));

    let csv = dir.path().join("t.csv");
    let out = run(&["--library", lib, "timeline", "--format", "csv", "-o", csv.to_str().unwrap()], "");
    assert!(out.status.success() && out.stdout.is_empty());
    let csv = std::fs::read_to_string(csv).unwrap();
    assert!(csv.starts_with("value,from,to,precision,article,title,mention,sentence\r\n"));
    // Sentences never hold a line break (they end at one), so rows are lines.
    assert_eq!(csv.lines().count(), count + 1);

    let tl = json_of(&run(&["--library", lib, "timeline", "--format", "timelinejs"], ""));
    assert_eq!(tl["events"].as_array().unwrap().len(), count);
    assert!(tl["events"][0]["start_date"]["year"].is_number());

    let md = run(&["--library", lib, "timeline", "--format", "md"], "");
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# ") && md.contains("\n## 2021\n"), "{md}");
}
