//! The sample articles that ship inside Lectern, so a new library can be tried at once.
//! The team wrote them; they cover each source format in English and Chinese.

use crate::document::Document;
use crate::ingest::{self, Draft};
use crate::library::{Added, Error, Library};

/// A sample: its file name (whose extension picks the reader) and its text.
const SAMPLES: &[(&str, &str)] = &[
    ("river-restoration.txt", include_str!("../samples/river-restoration.txt")),
    ("古籍修复.txt", include_str!("../samples/古籍修复.txt")),
    ("reading-slowly.md", include_str!("../samples/reading-slowly.md")),
    ("harbour-ferry.html", include_str!("../samples/harbour-ferry.html")),
    ("城市书房.html", include_str!("../samples/城市书房.html")),
];

/// Reads one sample as its file type says.
fn read(name: &str, text: &str) -> Result<Draft, Error> {
    let document: Document = if name.ends_with(".txt") {
        ingest::plaintext::parse(text)
    } else if name.ends_with(".md") {
        ingest::markdown::parse(text, None)
    } else {
        ingest::extract_html(text, name)?
    };
    Ok(ingest::finish(Draft { document, assets: Vec::new() }, name)?)
}

impl Library {
    /// Adds the sample articles (those already present are reported as `exists`).
    pub fn add_samples(&mut self) -> Result<Vec<Added>, Error> {
        SAMPLES.iter().map(|(name, text)| self.add_draft(&read(name, text)?)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_reads_with_a_title_and_text() {
        for (name, text) in SAMPLES {
            let draft = read(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
            let doc = &draft.document;
            assert!(!doc.meta.title.is_empty(), "{name}: no title");
            assert!(doc.blocks.len() >= 5, "{name}: only {} blocks", doc.blocks.len());
        }
    }
}
