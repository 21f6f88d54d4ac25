//! Golden tests: every folder under `tests/fixtures/articles/` holds one article (`source.html`,
//! `source.htm`, `source.md` or `source.txt`, with any `source_files/` beside it) and an
//! `expected.json` naming what ingest must find. Only the keys present are checked:
//!
//! - `title`, `byline`, `source`, `site_name`, `published`, `language`, `canonical_url`:
//!   metadata, compared exactly (`null` means "must be absent");
//! - `breadcrumbs`, `headings`: lists, compared exactly;
//! - `contains`: fragments the canonical text must hold;
//! - `absent`: fragments (page chrome, script) it must not hold;
//! - `images`: how many figures must have their image stored;
//! - `first_paragraph`: the text of the first non-heading block.
//!
//! Adding a case is adding a folder.

use lectern_core::document::{BlockKind, Document};
use lectern_core::ingest;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/articles")
}

fn source_of(case: &Path) -> PathBuf {
    ["source.html", "source.htm", "source.md", "source.txt"]
        .iter()
        .map(|name| case.join(name))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{}: no source.* file", case.display()))
}

fn check_case(case: &Path) -> Vec<String> {
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
        .unwrap_or_else(|e| panic!("{}: bad expected.json: {e}", case.display()));
    let draft = match ingest::load_file(&source_of(case)) {
        Ok(draft) => draft,
        Err(e) => return vec![format!("ingest failed: {e}")],
    };
    let doc = &draft.document;
    let text = doc.text();
    let meta = serde_json::to_value(&doc.meta).unwrap();
    let mut failures = Vec::new();
    for (key, want) in expected.as_object().unwrap() {
        match key.as_str() {
            "title" | "byline" | "source" | "site_name" | "published" | "language" | "canonical_url"
            | "breadcrumbs" => {
                if &meta[key] != want {
                    failures.push(format!("{key}: got {}, want {want}", meta[key]));
                }
            }
            "headings" => {
                let got = serde_json::to_value(doc.headings()).unwrap();
                if &got != want {
                    failures.push(format!("headings: got {got}, want {want}"));
                }
            }
            "contains" => {
                failures.extend(fragments(want).filter(|f| !text.contains(f)).map(|f| format!("missing text: {f:?}")))
            }
            "absent" => {
                failures.extend(fragments(want).filter(|f| text.contains(f)).map(|f| format!("chrome left in: {f:?}")))
            }
            "images" => {
                let stored = doc.images().filter(|i| i.sha256.is_some()).count();
                let ok = stored as u64 == want.as_u64().unwrap() && draft.assets.len() <= stored;
                if !ok {
                    failures.push(format!("images: {stored} stored, want {want}"));
                }
            }
            "first_paragraph" => {
                let got = first_paragraph(doc);
                if Some(want.as_str().unwrap()) != got.as_deref() {
                    failures.push(format!("first_paragraph: got {got:?}, want {want}"));
                }
            }
            other => failures.push(format!("unknown key in expected.json: {other}")),
        }
    }
    failures
}

fn fragments(value: &Value) -> impl Iterator<Item = &str> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap())
}

fn first_paragraph(doc: &Document) -> Option<String> {
    doc.blocks.iter().find(|b| !matches!(b.kind, BlockKind::Heading { .. })).map(|b| b.text.clone())
}

#[test]
fn every_fixture_ingests_as_expected() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/articles exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "only {} fixture cases", cases.len());
    let report: Vec<String> = cases
        .iter()
        .flat_map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            check_case(case).into_iter().map(move |f| format!("{name}: {f}"))
        })
        .collect();
    assert!(report.is_empty(), "{} problems:\n{}", report.len(), report.join("\n"));
}
