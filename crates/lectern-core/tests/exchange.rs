//! Study-group exchange between separate libraries (DESIGN §7): bundle round trips, merges
//! in any order converging, newer-modified-wins, tombstones, hostile files refused with the
//! library untouched, Hypothesis import, and a three-member group folder.

use lectern_core::annotation::{render_note, AnnotationEdit, AnnotationFilter, Body, Selection};
use lectern_core::document::{Block, BlockKind, Document, Image, Mark, MarkKind, Metadata};
use lectern_core::exchange::{ImportSummary, Limits};
use lectern_core::ingest::{Asset, Draft};
use lectern_core::store::ArticleId;
use lectern_core::{ExportFormat, ExportScope, Library};
use serde_json::Value;
use std::io::Write;
use std::path::Path;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-a-tiny-picture";

fn river() -> Draft {
    let asset = Asset::from_image_bytes(PNG.to_vec()).unwrap();
    let mut linked = Block::paragraph("More at the council site.");
    linked.marks.push(Mark { start: 8, end: 24, kind: MarkKind::Link { href: "https://council.example/".into() } });
    Draft {
        document: Document {
            meta: Metadata {
                title: "The river".into(),
                url: Some("https://news.example/river".into()),
                published: Some("2024-03-01".into()),
                ..Default::default()
            },
            blocks: vec![
                Block::paragraph("The river runs clear again. Residents can see the pebbles."),
                Block::new(
                    BlockKind::Figure {
                        image: Image {
                            src: "https://news.example/river.png".into(),
                            alt: "the river".into(),
                            sha256: Some(asset.sha256.clone()),
                        },
                    },
                    "The river in March.",
                ),
                Block::paragraph("On March 9, 2023, volunteers cleared the banks."),
                linked,
            ],
        },
        assets: vec![asset],
    }
}

fn member(dir: &Path, name: &str) -> Library {
    let mut library = Library::open(&dir.join(name)).unwrap();
    library.set_creator(name).unwrap();
    library
}

fn with_river(dir: &Path, name: &str) -> (Library, ArticleId) {
    let mut library = member(dir, name);
    let id = library.add_draft(&river()).unwrap().id;
    (library, id)
}

fn note(text: &str) -> Body {
    Body { note: Some(text.into()), ..Body::default() }
}

fn import(library: &mut Library, bytes: &[u8]) -> ImportSummary {
    library.import_bytes(bytes, &Limits::default()).unwrap()
}

/// Every row of every ordinary table, to prove a failed import wrote nothing.
fn dump(library: &Library) -> String {
    let conn = rusqlite::Connection::open(library.dir().join("library.sqlite3")).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..columns).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))
            })
            .unwrap();
        out.push_str(&format!("## {table}\n"));
        for row in rows {
            out.push_str(&row.unwrap());
            out.push('\n');
        }
    }
    out
}

/// A library's annotations in a form that does not depend on local article ids or the
/// order they were made in: what every member must agree on.
fn normalized(library: &mut Library) -> Vec<Value> {
    let bundle = library.export(&ExportScope::All, ExportFormat::W3c).unwrap();
    let mut collection: Value = serde_json::from_slice(&bundle).unwrap();
    let mut items = collection["first"]["items"].as_array_mut().unwrap().clone();
    for item in &mut items {
        item["target"]["source"]["id"] = Value::Null;
    }
    items.sort_by_key(|i| i["id"].as_str().unwrap().to_string());
    items
}

/// The bundle's entries, by name, with the manifest's timestamp blanked.
fn entries(bundle: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bundle)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).unwrap();
        if file.name() == "manifest.json" {
            let mut manifest: Value = serde_json::from_slice(&bytes).unwrap();
            manifest["created"] = Value::Null;
            manifest["creator"] = Value::Null;
            bytes = serde_json::to_vec(&manifest).unwrap();
        }
        out.push((file.name().to_string(), bytes));
    }
    out.sort();
    out
}

#[test]
fn a_bundle_round_trips_between_two_libraries() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ana, article) = with_river(dir.path(), "Ana");
    ana.highlight(&article, Selection::Quote("runs clear".into()), note("Since *when*?")).unwrap();
    let gone = ana.highlight(&article, Selection::Quote("pebbles".into()), Body::default()).unwrap();
    ana.delete_annotation(&gone.id).unwrap();
    let bundle = ana.export(&ExportScope::All, ExportFormat::Bundle).unwrap();

    let mut bo = member(dir.path(), "Bo");
    let summary = import(&mut bo, &bundle);
    assert_eq!(summary, ImportSummary { added: 1, unchanged: 1, articles_added: 1, ..Default::default() });
    let view = bo.open_article(&article).unwrap();
    assert_eq!(view.article.document, river().document, "the article arrives whole, with its id");
    let sha = river().assets[0].sha256.clone();
    assert_eq!(bo.asset(&sha).unwrap().unwrap().1, PNG, "and its image");
    let listed = bo.annotations(&AnnotationFilter::default()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].creator.name, "Ana", "each creator is kept");

    assert_eq!(import(&mut bo, &bundle), ImportSummary { unchanged: 2, ..Default::default() }, "idempotent");
    let again = bo.export(&ExportScope::All, ExportFormat::Bundle).unwrap();
    assert_eq!(entries(&again), entries(&bundle), "identical apart from the manifest's time and author");
    assert_eq!(normalized(&mut bo), normalized(&mut ana));
}

#[test]
fn newer_modified_wins_and_tombstones_delete_only_older_work() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ana, article) = with_river(dir.path(), "Ana");
    let a = ana.highlight(&article, Selection::Quote("runs clear".into()), note("first")).unwrap();
    let b = ana.highlight(&article, Selection::Quote("pebbles".into()), note("stones")).unwrap();
    let mut bo = member(dir.path(), "Bo");
    import(&mut bo, &ana.export_bundle(&ExportScope::All).unwrap());

    std::thread::sleep(std::time::Duration::from_millis(5));
    ana.edit_annotation(&a.id, AnnotationEdit { note: Some(Some("second".into())), ..Default::default() }).unwrap();
    // Bo edits `b` after Ana deletes it: Bo's later work survives Ana's older tombstone.
    ana.delete_annotation(&b.id).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    bo.edit_annotation(&b.id, AnnotationEdit { note: Some(Some("keep me".into())), ..Default::default() }).unwrap();

    let summary = import(&mut bo, &ana.export_bundle(&ExportScope::All).unwrap());
    assert_eq!((summary.updated, summary.unchanged), (1, 1));
    let notes = |lib: &Library| {
        let mut n: Vec<String> =
            lib.annotations(&AnnotationFilter::default()).unwrap().into_iter().filter_map(|a| a.body.note).collect();
        n.sort();
        n
    };
    assert_eq!(notes(&bo), ["keep me", "second"]);
    // Ana takes Bo's newer version of `b`: the deletion is undone by the later edit.
    import(&mut ana, &bo.export_bundle(&ExportScope::All).unwrap());
    assert_eq!(notes(&ana), ["keep me", "second"]);
    assert_eq!(normalized(&mut ana), normalized(&mut bo));

    // A tombstone newer than the local copy deletes it.
    std::thread::sleep(std::time::Duration::from_millis(5));
    ana.delete_annotation(&a.id).unwrap();
    let summary = import(&mut bo, &ana.export_bundle(&ExportScope::All).unwrap());
    assert_eq!(summary.updated, 1);
    assert_eq!(notes(&bo), ["keep me"]);
}

#[test]
fn three_members_merging_in_any_order_agree() {
    let dir = tempfile::tempdir().unwrap();
    let mut bundles: Vec<Vec<u8>> = Vec::new();
    for (name, quote, text) in [("Ana", "runs clear", "a"), ("Bo", "pebbles", "b"), ("Cy", "volunteers", "c")] {
        let (mut lib, article) = with_river(dir.path(), name);
        lib.highlight(&article, Selection::Quote(quote.into()), note(text)).unwrap();
        // Concurrent edits of one shared annotation are the hard case; give each member a
        // version of the same id by importing Ana's first, then editing it.
        if name != "Ana" {
            import(&mut lib, &bundles[0]);
            let shared = lib.annotations(&AnnotationFilter { creator: Some("Ana".into()), ..Default::default() });
            let shared = shared.unwrap()[0].id.clone();
            lib.edit_annotation(
                &shared,
                AnnotationEdit { note: Some(Some(format!("{name} was here"))), ..Default::default() },
            )
            .unwrap();
        }
        bundles.push(lib.export_bundle(&ExportScope::All).unwrap());
    }
    let orders: [[usize; 3]; 3] = [[0, 1, 2], [2, 1, 0], [1, 2, 0]];
    let mut states = Vec::new();
    for (i, order) in orders.iter().enumerate() {
        let mut lib = member(dir.path(), &format!("Reader{i}"));
        for &b in order {
            import(&mut lib, &bundles[b]);
        }
        states.push(normalized(&mut lib));
    }
    assert_eq!(states[0].len(), 3);
    assert_eq!(states[0], states[1]);
    assert_eq!(states[0], states[2]);
}

#[test]
fn hypothesis_exports_import_by_address() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, _) = with_river(dir.path(), "Ana");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/exchange/hypothesis.json");
    let summary = lib.import_file(&fixture).unwrap();
    assert_eq!(summary, ImportSummary { added: 2, skipped: 2, ..Default::default() });
    assert_eq!(lib.import_file(&fixture).unwrap().unchanged, 2, "idempotent");
    let maria = lib.annotations(&AnnotationFilter { creator: Some("maria".into()), ..Default::default() }).unwrap();
    assert_eq!(maria[0].body.tags, ["water", "cleanup"]);
    assert_eq!(maria[0].modified, "2024-03-02T08:30:00.000Z");
    assert_eq!(maria[0].target.selectors.position.map(|p| (p.start, p.end)), Some((10, 20)), "re-anchored to our text");
}

#[test]
fn w3c_json_round_trips_and_markdown_lists_quotes_and_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ana, article) = with_river(dir.path(), "Ana");
    ana.highlight(&article, Selection::Quote("runs clear".into()), Body { tags: vec!["water".into()], ..note("Why?") })
        .unwrap();
    let json = ana.export(&ExportScope::Articles(vec![article.clone()]), ExportFormat::W3c).unwrap();
    let value: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(value["type"], "AnnotationCollection");
    assert_eq!(value["total"], 1);
    // Bo has the article (same address) under another id: matched by URL.
    let (mut bo, _) = with_river(dir.path(), "Bo");
    assert_eq!(import(&mut bo, &json).added, 1);
    assert_eq!(normalized(&mut bo), normalized(&mut ana));
    // Cy has no such article: skipped, not written.
    let mut cy = member(dir.path(), "Cy");
    assert_eq!(import(&mut cy, &json), ImportSummary { skipped: 1, ..Default::default() });

    let md = String::from_utf8(ana.export(&ExportScope::All, ExportFormat::Markdown).unwrap()).unwrap();
    assert!(md.contains("# The river"));
    assert!(md.contains("> runs clear\n\nWhy?\n\nTags: #water"));
    assert!(md.contains("— Ana, "));
    assert!(md.contains("## Timeline\n\n- **2023-03-09**"), "{md}");
}

// ---- Hostile and broken files -------------------------------------------------------------

/// A zip with these entries (names and bytes), stored or deflated.
fn zip_of(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const MANIFEST: &[u8] = br#"{"format": "lectern-bundle", "version": 1}"#;

/// Imports `bytes` into a library holding an annotated article and checks it fails with a
/// message containing `expected`, leaving every table as it was.
fn refused(bytes: &[u8], limits: &Limits, expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, article) = with_river(dir.path(), "Ana");
    lib.highlight(&article, Selection::Quote("pebbles".into()), note("mine")).unwrap();
    let before = dump(&lib);
    let error = lib.import_bytes(bytes, limits).expect_err("must be refused").to_string();
    assert!(error.contains(expected), "`{error}` does not mention `{expected}`");
    assert_eq!(dump(&lib), before, "a failed import leaves the library as it was");
}

fn good_bundle() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let (mut other, article) = with_river(dir.path(), "Eve");
    other.highlight(&article, Selection::Quote("runs clear".into()), note("x")).unwrap();
    other.export_bundle(&ExportScope::All).unwrap()
}

#[test]
fn corrupt_truncated_and_oversized_files_are_refused() {
    let good = good_bundle();
    refused(b"PK\x03\x04 not really a zip", &Limits::default(), "damaged or not a Lectern file");
    refused(&good[..good.len() / 2], &Limits::default(), "damaged");
    refused(
        b"{\"type\": \"AnnotationCollection\", \"first\": {\"items\": [{\"id\": 3}]}}",
        &Limits::default(),
        "first.items[0].id",
    );
    refused(&good, &Limits { max_file: 100, ..Limits::default() }, "too large");
    refused(&good, &Limits { max_asset: 10, ..Limits::default() }, "assets/");
    refused(&good, &Limits { max_articles: 0, ..Limits::default() }, "the number of articles");
    refused(&good, &Limits { max_note: 0, ..Limits::default() }, "annotations.json: first.items[0].body[0].value");
    let mut wrong = good.clone();
    // Flip a byte inside the compressed data of the first entry: the CRC no longer matches.
    wrong[60] ^= 0xff;
    refused(&wrong, &Limits::default(), "damaged");
}

#[test]
fn a_zip_bomb_is_refused() {
    let bomb = vec![b' '; 4 << 20];
    let bytes = zip_of(&[("manifest.json", MANIFEST), ("annotations.json", &bomb)], true);
    refused(&bytes, &Limits::default(), "compression ratio");
    refused(
        &bytes,
        &Limits { max_total_uncompressed: 1 << 20, max_ratio: 100_000, ..Limits::default() },
        "annotations.json",
    );
}

#[test]
fn path_tricks_and_unknown_entries_are_refused() {
    for (name, why) in [
        ("../evil.json", "`..`"),
        ("/etc/passwd", "absolute"),
        ("articles\\..\\x.json", "backslashes"),
        ("C:/x", "drive"),
        ("articles/not-an-id.json", "not part of a Lectern bundle"),
        ("run.sh", "not part of a Lectern bundle"),
    ] {
        refused(&zip_of(&[("manifest.json", MANIFEST), (name, b"{}")], false), &Limits::default(), why);
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("manifest.json", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(MANIFEST).unwrap();
    zip.add_symlink("annotations.json", "/etc/passwd", zip::write::SimpleFileOptions::default()).unwrap();
    refused(&zip.finish().unwrap().into_inner(), &Limits::default(), "symbolic links");
    refused(&zip_of(&[("annotations.json", b"[]")], false), &Limits::default(), "manifest.json: missing");
    refused(
        &zip_of(&[("manifest.json", br#"{"format": "lectern-bundle", "version": 9}"#)], false),
        &Limits::default(),
        "newer than this Lectern reads",
    );
}

#[test]
fn hostile_content_is_refused_or_made_harmless() {
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
    let html = b"<!doctype html><script>alert(1)</script>";
    for bytes in [&svg[..], &html[..]] {
        let sha = lectern_core::exchange::sha256_hex(bytes);
        let bundle = zip_of(&[("manifest.json", MANIFEST), (&format!("assets/{sha}"), bytes)], true);
        refused(&bundle, &Limits::default(), "not an image");
    }

    // A document with a `javascript:` link and image source: imported, with both dropped;
    // a note with a script stays Markdown and renders without it.
    let mut draft = river();
    draft.document.blocks[3].marks[0].kind = MarkKind::Link { href: "javascript:alert(1)".into() };
    if let BlockKind::Figure { image } = &mut draft.document.blocks[1].kind {
        image.src = "javascript:alert(2)".into();
    }
    let id = "0190f3c2-0000-7000-8000-00000000abcd";
    let text = draft.document.text();
    let article = serde_json::json!({"id": id, "text_sha256": lectern_core::exchange::sha256_hex(text.as_bytes()),
                                     "document": draft.document});
    let annotation = serde_json::json!({"type": "AnnotationCollection", "total": 1, "first": {"type": "AnnotationPage", "items": [{
        "id": "0190f3c2-0000-7000-8000-0000000000ee", "type": "Annotation", "created": "2024-01-01T00:00:00Z",
        "creator": {"name": "Mallory"}, "bodyValue": "<script>alert(3)</script>\n\n**hi**",
        "target": {"source": {"id": format!("urn:uuid:{id}")},
                   "selector": [{"type": "TextQuoteSelector", "exact": "runs clear"}]}}]}});
    let bundle = zip_of(
        &[
            ("manifest.json", MANIFEST),
            (&format!("articles/{id}.json"), &serde_json::to_vec(&article).unwrap()),
            ("annotations.json", &serde_json::to_vec(&annotation).unwrap()),
        ],
        true,
    );
    let dir = tempfile::tempdir().unwrap();
    let mut lib = member(dir.path(), "Ana");
    let summary = import(&mut lib, &bundle);
    assert_eq!((summary.articles_added, summary.added), (1, 1));
    let doc = lib.document(&ArticleId(id.into())).unwrap();
    assert!(doc.blocks[3].marks.is_empty(), "the javascript: link is gone");
    let BlockKind::Figure { image } = &doc.blocks[1].kind else { panic!() };
    assert_eq!((image.src.as_str(), image.sha256.as_deref()), ("", None), "no source, and no picture sent");
    let a = &lib.annotations(&AnnotationFilter::default()).unwrap()[0];
    assert_eq!(render_note(a.body.note.as_deref().unwrap()), "<p><strong>hi</strong></p>\n");

    // A tampered article text no longer matches its hash.
    let mut tampered = article.clone();
    tampered["document"]["blocks"][0]["text"] = "Something else.".into();
    let bundle = zip_of(
        &[("manifest.json", MANIFEST), (&format!("articles/{id}.json"), &serde_json::to_vec(&tampered).unwrap())],
        true,
    );
    refused(&bundle, &Limits::default(), "text_sha256");
}

// ---- The group folder -----------------------------------------------------------------------

#[test]
fn three_members_exchange_through_a_group_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("group");
    std::fs::create_dir(&folder).unwrap();
    // Ana has the article; Bo and Anna (a second "Anna"-like name) get it from the folder.
    let (mut ana, article) = with_river(dir.path(), "Anna");
    let mut bo = member(dir.path(), "Bo");
    let mut other = Library::open(&dir.path().join("anna2")).unwrap();
    other.set_creator("Anna").unwrap();
    ana.highlight(&article, Selection::Quote("runs clear".into()), note("from Anna 1")).unwrap();

    ana.sync_group(&folder).unwrap();
    let first = bo.sync_group(&folder).unwrap();
    assert_eq!(first.members.len(), 1);
    assert_eq!(first.total.articles_added, 1);
    bo.highlight(&article, Selection::Quote("pebbles".into()), note("from Bo")).unwrap();
    bo.sync_group(&folder).unwrap();
    other.sync_group(&folder).unwrap();
    other.highlight(&article, Selection::Quote("volunteers".into()), note("from Anna 2")).unwrap();
    // Junk the sync tools leave behind is ignored.
    std::fs::write(folder.join("anna-0123456789ab.sync-conflict-20240101-000000-XYZ.lectern"), b"junk").unwrap();
    std::fs::write(folder.join(".anna-0123456789ab.lectern.tmp"), b"junk").unwrap();
    // A damaged member file is reported, and the others still import.
    std::fs::write(folder.join("zed-0123456789ab.lectern"), b"PK\x03\x04broken").unwrap();
    for turn in 0..4 {
        let lib = match turn {
            0 | 3 => &mut other,
            1 => &mut ana,
            _ => &mut bo,
        };
        let sync = lib.sync_group(&folder).unwrap();
        assert!(sync.members.iter().any(|m| m.file.starts_with("zed-") && m.error.is_some()));
    }

    let files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.contains("conflict") && !n.starts_with("zed-"))
        .collect();
    assert_eq!(files.len(), 3, "one file per member, two Annas included: {files:?}");
    let mut ids = std::collections::HashSet::new();
    for lib in [&mut ana, &mut bo, &mut other] {
        let own = lib.member_id().unwrap();
        assert!(ids.insert(own.clone()));
        assert!(files.iter().any(|f| f.ends_with(&format!("-{own}.lectern"))), "each writes only its own file");
        let state = normalized(lib);
        assert_eq!(state.len(), 3, "everyone has everyone's highlights");
    }
    assert_eq!(normalized(&mut ana), normalized(&mut bo));
    assert_eq!(normalized(&mut bo), normalized(&mut other));
    assert_eq!(
        ana.setting(lectern_core::GROUP_FOLDER_SETTING).unwrap().unwrap(),
        folder.canonicalize().unwrap().to_string_lossy().as_ref()
    );
}

#[test]
fn the_creator_name_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = member(dir.path(), "Ana");
    assert_eq!(lib.set_creator("  Ana  Lee ").unwrap(), "Ana Lee");
    assert_eq!(lib.creator().unwrap(), "Ana Lee");
    assert!(lib.set_creator("   ").is_err());
    assert!(lib.set_creator(&"x".repeat(101)).is_err());
}

#[test]
fn writing_the_own_group_file_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("group");
    std::fs::create_dir(&folder).unwrap();
    let (mut ana, article) = with_river(dir.path(), "Ana");
    let mut bo = member(dir.path(), "Bo");
    ana.highlight(&article, Selection::Quote("runs clear".into()), note("from Ana")).unwrap();
    ana.sync_group(&folder).unwrap();

    // Bo only writes his file (what the desktop app does on quit): Ana's is not read.
    let written = bo.write_group_file(&folder).unwrap();
    assert_eq!(written.parent().unwrap(), folder.as_path());
    assert!(written.file_name().unwrap().to_string_lossy().starts_with("bo-"));
    assert!(bo.list(lectern_core::store::Sort::Added).unwrap().is_empty(), "nothing imported");
    // Ana imports it (empty but valid), and nothing of hers is touched.
    let sync = ana.sync_group(&folder).unwrap();
    assert_eq!(sync.members.len(), 1);
    assert!(sync.members[0].error.is_none());
    assert_eq!(normalized(&mut ana).len(), 1);
}
