//! The offsets fixture shared with `ui/tests/offsets.test.js`: the core must compute the
//! same canonical text, block starts and code-point offsets as the UI (DESIGN §2).

use lectern_core::document::{Block, Document};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    blocks: Vec<String>,
    text: String,
    length: usize,
    block_starts: Vec<usize>,
    points: Vec<Point>,
}

#[derive(Deserialize)]
struct Point {
    block: usize,
    utf16: usize,
    offset: usize,
}

/// The byte index of UTF-16 index `utf16` in `text`.
fn byte_of_utf16(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= utf16 {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[test]
fn core_offsets_match_the_shared_fixture() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/offsets/cases.json");
    let fixture: Fixture = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for case in fixture.cases {
        let doc = Document {
            blocks: case.blocks.iter().map(|t| Block::paragraph(t.as_str())).collect(),
            ..Default::default()
        };
        assert_eq!(doc.text(), case.text, "{}", case.name);
        assert_eq!(doc.text().chars().count(), case.length, "{}", case.name);
        assert_eq!(doc.block_starts(), case.block_starts, "{}", case.name);
        for p in case.points {
            let block = &case.blocks[p.block];
            let within = lectern_core::text::char_offset(block, byte_of_utf16(block, p.utf16));
            assert_eq!(case.block_starts[p.block] + within, p.offset, "{} block {} @{}", case.name, p.block, p.utf16);
        }
    }
}
