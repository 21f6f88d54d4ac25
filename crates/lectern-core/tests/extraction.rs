//! Extraction of hostile and structured pages: nothing active survives, offsets are sound,
//! and the block model carries the page's structure.

use lectern_core::document::{BlockKind, Document, MarkKind};
use lectern_core::{extract, ingest};
use std::path::{Path, PathBuf};
use url::Url;

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/articles").join(name).join("source.html")
}

fn ingest_case(name: &str) -> ingest::Draft {
    ingest::load_file(&case(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn html_cases() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/articles");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("html-"))
        .collect();
    names.sort();
    names
}

/// Everything a document says, as the store and the UI would see it.
fn as_json(doc: &Document) -> String {
    serde_json::to_string(doc).unwrap().to_lowercase()
}

const ACTIVE: &[&str] = &[
    "<script",
    "</script",
    "javascript:",
    "vbscript:",
    "data:text",
    "onerror",
    "onclick",
    "onload",
    "onmouseover",
    "<iframe",
    "iframe",
    "<svg",
    "<object",
    "<embed",
    "<form",
    "formaction",
    "http-equiv",
    "refresh",
    "url(",
    "<style",
    "evil.example",
    "tracker.example",
    "alert(",
    "document.cookie",
    "srcdoc",
    "payload",
];

#[test]
fn hostile_page_leaves_no_active_content_anywhere() {
    let draft = ingest_case("html-hostile");
    let json = as_json(&draft.document);
    for needle in ACTIVE {
        assert!(!json.contains(needle), "`{needle}` survived extraction:\n{json}");
    }
    // The text around the payloads is all there.
    let text = draft.document.text();
    assert!(text.contains("Read the waiting-list rules before you apply."));
    assert!(text.contains("Contact the organisers by email at hello@ferrisgarden.example."));
}

#[test]
fn hostile_page_from_the_web_is_just_as_clean() {
    let html = std::fs::read_to_string(case("html-hostile")).unwrap();
    let base = Url::parse("https://ferrisgarden.example/news/opening.html").unwrap();
    let doc = extract::html(&html, Some(&base)).unwrap();
    let json = as_json(&doc);
    for needle in ACTIVE {
        assert!(!json.contains(needle), "`{needle}` survived extraction:\n{json}");
    }
}

#[test]
fn hostile_snippets_without_readability_content() {
    // Too short for Readability to score; the whole body is laid out, and still sanitized.
    let html = r#"<body><p>Short note.<img src=x onerror=alert(1)></p><a href="javascript:alert(2)">click</a>
        <svg><script>alert(3)</script></svg><iframe srcdoc="<script>alert(4)</script>"></iframe>
        <img src="file:///etc/passwd" alt="local"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"></body>"#;
    let base = Url::parse("https://example.com/").unwrap();
    let doc = extract::html(html, Some(&base)).unwrap();
    let json = as_json(&doc);
    for needle in ["alert", "javascript:", "file:", "data:", "script"] {
        assert!(!json.contains(needle), "`{needle}` survived: {json}");
    }
    assert!(doc.text().contains("Short note."));
}

#[test]
fn marks_are_valid_code_point_ranges_and_links_are_safe() {
    for name in html_cases() {
        let doc = ingest_case(&name).document;
        for block in &doc.blocks {
            let len = block.text.chars().count();
            for mark in &block.marks {
                assert!(mark.start < mark.end && mark.end <= len, "{name}: mark {mark:?} outside {:?}", block.text);
                if let MarkKind::Link { href } = &mark.kind {
                    let scheme = Url::parse(href).unwrap().scheme().to_string();
                    assert!(matches!(scheme.as_str(), "http" | "https" | "mailto"), "{name}: link {href}");
                }
            }
            if let BlockKind::Figure { image } = &block.kind {
                let scheme = Url::parse(&image.src).unwrap().scheme().to_string();
                assert!(matches!(scheme.as_str(), "http" | "https" | "file"), "{name}: image {}", image.src);
            } else {
                assert!(!block.text.trim().is_empty(), "{name}: empty {:?} block", block.kind);
                assert_eq!(block.text, block.text.trim(), "{name}: untrimmed block");
            }
        }
    }
}

#[test]
fn blog_structure_becomes_blocks() {
    let doc = ingest_case("html-en-blog-structure").document;
    let kinds: Vec<&BlockKind> = doc.blocks.iter().map(|b| &b.kind).collect();
    assert!(kinds.contains(&&BlockKind::ListItem { ordered: true, depth: 0 }));
    assert!(kinds.contains(&&BlockKind::ListItem { ordered: false, depth: 1 }));
    assert!(kinds.contains(&&BlockKind::Quote));
    assert_eq!(kinds.iter().filter(|k| matches!(k, BlockKind::Preformatted)).count(), 2);
    let table = doc.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Table { rows } => Some(rows),
        _ => None,
    });
    let rows = table.expect("a table block");
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0], vec!["Code", "Species", "Typical count"]);
    let marks: Vec<&MarkKind> = doc.blocks.iter().flat_map(|b| b.marks.iter().map(|m| &m.kind)).collect();
    for wanted in [MarkKind::Emphasis, MarkKind::Code, MarkKind::Superscript, MarkKind::Subscript] {
        assert!(marks.contains(&&wanted), "no {wanted:?} mark");
    }
    // The superscript covers exactly "2" in "O2".
    let units = doc.blocks.iter().find(|b| b.text.contains("mg O2")).unwrap();
    let sub = units.marks.iter().find(|m| m.kind == MarkKind::Subscript).unwrap();
    let covered: String = units.text.chars().skip(sub.start).take(sub.end - sub.start).collect();
    assert_eq!(covered, "2");
}

#[test]
fn saved_page_reads_its_origin_and_its_images() {
    let draft = ingest_case("html-saved-with-files");
    let doc = &draft.document;
    assert_eq!(doc.meta.url.as_deref(), Some("https://craftjournal.example/pottery/2022/04/first-wood-firing"));
    assert_eq!(draft.assets.len(), 2);
    let mimes: Vec<&str> = draft.assets.iter().map(|a| a.mime.as_str()).collect();
    assert!(mimes.contains(&"image/png") && mimes.contains(&"image/jpeg"));
    assert!(doc.images().all(|i| i.src.starts_with("file://") && i.sha256.is_some()));
}

#[test]
fn gbk_page_decodes_and_lifts_its_info_line() {
    let doc = ingest_case("html-zh-gbk").document;
    assert_eq!(doc.meta.source.as_deref(), Some("市农业农村局"));
    assert!(doc.text().contains("秋粮播种面积稳中有增"));
}
