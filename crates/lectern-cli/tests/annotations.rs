//! Runs the built `lectern` binary for highlights and quotes: `highlight` prints the W3C
//! annotation, `highlights` lists them (one article's or all), `quotes` speaks the DESIGN §4
//! contract, and a quote not in the article is a one-line error with a non-zero exit.

mod common;

use common::{json, lectern};
use std::path::Path;

const ARTICLE: &str = "# Flood basins\n\n\
    The county opened its third flood basin on Friday, a project once billed as a \"reset button\" for the town.\n\n\
    \"Every basin buys the town another hour when the river rises,\" said county engineer Jane Roe.\n\n\
    修复师李娜说：“古籍修复讲究修旧如旧，不能为了好看而改变书的原貌。”\n";

/// A library holding the article; returns the library folder and the article id.
fn setup(dir: &Path) -> (std::path::PathBuf, String) {
    let lib = dir.join("lib");
    let file = dir.join("basins.md");
    std::fs::write(&file, ARTICLE).unwrap();
    let added = json(&lib, &["add", file.to_str().unwrap()]);
    (lib, added[0]["id"].as_str().unwrap().to_string())
}

#[test]
fn highlight_prints_a_w3c_annotation_and_highlights_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = setup(dir.path());
    let a = json(
        &lib,
        &[
            "highlight",
            &id[..8],
            "--quote",
            "third flood basin",
            "--note",
            "Since *when*?",
            "--color",
            "green",
            "--tag",
            "flood",
            "--tag",
            "town",
        ],
    );
    assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(a["type"], "Annotation");
    assert_eq!(a["motivation"], "commenting");
    assert_eq!(a["creator"]["name"], "tester");
    assert_eq!(a["target"]["source"]["id"], format!("urn:uuid:{id}"));
    assert_eq!(a["target"]["styleClass"], "green");
    let selectors = a["target"]["selector"].as_array().unwrap();
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(selectors[0]["exact"], "third flood basin");
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    let (start, end) = (selectors[1]["start"].as_u64().unwrap(), selectors[1]["end"].as_u64().unwrap());
    assert_eq!(end - start, 17);
    let bodies: Vec<&str> = a["body"].as_array().unwrap().iter().map(|b| b["value"].as_str().unwrap()).collect();
    assert_eq!(bodies, ["Since *when*?", "flood", "town"]);

    // The offsets are code points of the article's canonical text.
    let show = json(&lib, &["show", &id]);
    let text: Vec<char> = show["text"].as_str().unwrap().chars().collect();
    assert_eq!(text[start as usize..end as usize].iter().collect::<String>(), "third flood basin");

    let zh = json(&lib, &["highlight", &id, "--quote", "修旧如旧"]);
    assert_eq!(zh["motivation"], "highlighting");
    assert_eq!(zh["target"]["styleClass"], "yellow");

    let one = json(&lib, &["highlights", &id]);
    assert_eq!(one.as_array().unwrap().len(), 2);
    assert_eq!(one[0]["id"], a["id"], "one article's highlights come in reading order");
    assert_eq!(json(&lib, &["highlights"]).as_array().unwrap().len(), 2);

    let human = lectern(&lib, &["highlights", &id]);
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(human.contains("“third flood basin”") && human.contains("#flood"), "{human}");

    // The note is searchable.
    assert_eq!(json(&lib, &["search", "when"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_quote_not_in_the_article_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = setup(dir.path());
    let out = lectern(&lib, &["--json", "highlight", &id, "--quote", "not in this article"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing half-written on stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not in this article") && stderr.contains("is not in the text"), "{stderr}");

    let out = lectern(&lib, &["highlight", &id, "--quote", "third", "--color", "red"]);
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("unknown colour `red`"));
    assert!(json(&lib, &["highlights"]).as_array().unwrap().is_empty(), "a failed highlight writes nothing");
}

#[test]
fn quotes_speak_the_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = setup(dir.path());
    let quotes = json(&lib, &["quotes", &id]);
    let quotes = quotes.as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    for q in quotes {
        let mut keys: Vec<&str> = q.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["end", "speaker", "start", "text"]);
    }
    let by_speaker = |name: &str| quotes.iter().find(|q| q["speaker"] == name).unwrap_or_else(|| panic!("{name}"));
    assert_eq!(by_speaker("Jane Roe")["text"], "Every basin buys the town another hour when the river rises");
    assert_eq!(by_speaker("李娜")["text"], "古籍修复讲究修旧如旧，不能为了好看而改变书的原貌。");
    assert!(quotes.iter().all(|q| q["text"] != "reset button"));

    let human = String::from_utf8(lectern(&lib, &["quotes", &id]).stdout).unwrap();
    assert!(human.contains("— Jane Roe"), "{human}");
}
