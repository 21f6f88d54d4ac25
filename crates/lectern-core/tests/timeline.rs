//! Golden tests of the timeline: every folder under `tests/fixtures/timeline/` holds one text
//! (`text.txt`), its publication date (`dct`, `YYYY-MM-DD`; absent means none) and an
//! `expected.json` with any of these keys:
//!
//! - `timexes`: `[{"text", "value", "type"?, "from"?, "to"?, "precision"?}]`. Each must be
//!   found by `tag`, in this order (other expressions may come between them); the optional
//!   keys are compared when given.
//! - `events`: `[{"text", "value"}]`, the exact list `events` must return (mention text and
//!   value, in timeline order); `from`/`to` are compared when given.
//! - `absent`: fragments of the text (false friends such as `Theresa May`); no expression may
//!   overlap the first occurrence of each.
//! - `people`: `{"mention text": ["Name", ...]}`, the people of the event with that mention.
//!
//! Adding a case is adding a folder.

use chrono::NaiveDate;
use lectern_core::timeline::{events, tag, Timex};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/timeline")
}

fn same(want: &Value, key: &str, got: Option<String>) -> bool {
    want.get(key).and_then(Value::as_str).is_none_or(|w| got.as_deref() == Some(w))
}

fn timex_matches(want: &Value, t: &Timex) -> bool {
    let as_json = serde_json::to_value(t).expect("timex serialises");
    want["text"].as_str() == Some(t.text.as_str())
        && want["value"].as_str() == Some(t.value.as_str())
        && ["type", "from", "to", "precision"]
            .iter()
            .all(|k| same(want, k, as_json.get(*k).and_then(Value::as_str).map(str::to_string)))
}

fn check_case(case: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(case.join("text.txt")).expect("text.txt");
    let dct = std::fs::read_to_string(case.join("dct"))
        .ok()
        .map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").expect("dct is YYYY-MM-DD"));
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).expect("expected.json"))
            .expect("expected.json is JSON");
    let timexes = tag(&text, dct);
    let found = || timexes.iter().map(|t| format!("{} = {}", t.text, t.value)).collect::<Vec<_>>();
    let mut problems = Vec::new();

    if let Some(wanted) = expected["timexes"].as_array() {
        let mut rest = timexes.iter();
        for want in wanted {
            if !rest.any(|t| timex_matches(want, t)) {
                problems.push(format!("timex {want} not found in order; found {:?}", found()));
                break;
            }
        }
    }
    let timeline = events(&text, dct);
    if let Some(wanted) = expected["events"].as_array() {
        let got: Vec<(String, String)> = timeline.iter().map(|e| (e.mention.text.clone(), e.value.clone())).collect();
        let want: Vec<(String, String)> = wanted
            .iter()
            .map(|w| (w["text"].as_str().unwrap_or("").to_string(), w["value"].as_str().unwrap_or("").to_string()))
            .collect();
        if got != want {
            problems.push(format!("events differ:\n  want {want:?}\n  got  {got:?}"));
        }
        for (w, e) in wanted.iter().zip(&timeline) {
            let from = e.from.format("%Y-%m-%d").to_string();
            let to = e.to.format("%Y-%m-%d").to_string();
            if !same(w, "from", Some(from)) || !same(w, "to", Some(to)) {
                problems.push(format!("event {w}: got from {} to {}", e.from, e.to));
            }
        }
    }
    if let Some(absent) = expected["absent"].as_array() {
        for fragment in absent.iter().filter_map(Value::as_str) {
            let Some(byte) = text.find(fragment) else {
                problems.push(format!("absent fragment {fragment:?} is not in the text"));
                continue;
            };
            let start = text[..byte].chars().count();
            let end = start + fragment.chars().count();
            if let Some(t) = timexes.iter().find(|t| t.start < end && start < t.end) {
                problems.push(format!("{fragment:?} was tagged as {:?} = {}", t.text, t.value));
            }
        }
    }
    if let Some(people) = expected["people"].as_object() {
        for (mention, names) in people {
            let want: Vec<&str> = names.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            match timeline.iter().find(|e| &e.mention.text == mention) {
                Some(e) if e.people == want => {}
                Some(e) => problems.push(format!("people of {mention:?}: want {want:?}, got {:?}", e.people)),
                None => problems.push(format!("no event {mention:?} for people")),
            }
        }
    }
    problems
}

#[test]
fn golden_cases() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/timeline exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no timeline fixtures");
    let failures: Vec<String> = cases
        .iter()
        .flat_map(|case| {
            let name = case.file_name().unwrap_or_default().to_string_lossy().to_string();
            check_case(case).into_iter().map(move |p| format!("{name}: {p}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn offsets_are_code_points() {
    let text = "古籍：2021年3月2日 and March 5, 2021";
    let dct = NaiveDate::from_ymd_opt(2022, 1, 1);
    for t in tag(text, dct) {
        let slice: String = text.chars().skip(t.start).take(t.end - t.start).collect();
        assert_eq!(slice, t.text);
    }
}

#[test]
fn json_shape_matches_the_cli_contract() {
    let t = &tag("It rained on 2021-03-02.", None)[0];
    let json = serde_json::to_value(t).unwrap();
    assert_eq!(json["type"], "DATE");
    assert_eq!(json["value"], "2021-03-02");
    assert_eq!(json["from"], "2021-03-02");
    assert_eq!(json["precision"], "day");
    assert_eq!((json["start"].as_u64(), json["end"].as_u64()), (Some(13), Some(23)));
    let back: Timex = serde_json::from_value(json).unwrap();
    assert_eq!(&back, t);
    let e = &events("It rained on 2021-03-02.", None)[0];
    let ej = serde_json::to_value(e).unwrap();
    assert_eq!(ej["mention"]["text"], "2021-03-02");
    assert_eq!(ej["to"], "2021-03-02");
}

#[test]
fn never_panics_on_odd_input() {
    let dct = NaiveDate::from_ymd_opt(2020, 2, 29);
    let inputs = [
        "",
        "\n\n\n",
        "May",
        "31 February 2021, 2021-02-30, 13/13/2021, 0/0/0000",
        "9999-12-31 and 1000-01-01 and week 53 of 2021",
        "二〇二一年十三月四十日，第五季度，十十年",
        "🙂 March 2 🙂 2日 ２０２１年３月２日",
        "the 99th century, the 0th century, 0 days later, 99999 years ago",
        "last February 29, next February 29, 2月29日, the 31st",
        "Q5 2020, the fifth quarter",
        "last week, this week, next week, yesterday, tomorrow, next Monday, last summer, the 1990s",
        "two days later, the following month, 次日, 同年, 上周, 下周五, the early 9990s, early 2999",
    ];
    for input in inputs {
        let _ = tag(input, dct);
        let _ = events(input, dct);
        let _ = tag(input, None);
        let _ = tag(input, NaiveDate::from_ymd_opt(1, 1, 1));
        let _ = tag(input, Some(NaiveDate::MAX));
        let _ = tag(input, Some(NaiveDate::MIN));
    }
    // Every char boundary of a mixed string, cut anywhere.
    let s = "On 2021年3月2日, two days later, 次日 (Friday) at 8 p.m.";
    for (i, _) in s.char_indices() {
        let _ = tag(&s[i..], dct);
        let _ = tag(&s[..i], dct);
    }
}

proptest::proptest! {
    /// Whatever the text, spans are in order, never overlap, and slice back to their text.
    #[test]
    fn spans_slice_back_to_their_text(text in "(\\PC|[0-9年月日 ,./-]|May |March 2, |last week|次日){0,40}") {
        let chars: Vec<char> = text.chars().collect();
        let mut previous_end = 0;
        for t in tag(&text, NaiveDate::from_ymd_opt(2020, 6, 15)) {
            proptest::prop_assert!(t.start >= previous_end && t.start < t.end && t.end <= chars.len());
            proptest::prop_assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.text.clone());
            previous_end = t.end;
        }
    }
}

/// Corrections through the library, over a real SQLite file.
mod corrections;
/// Exports: TimelineJS3 JSON, CSV and Markdown, parsed back.
mod export;
