//! TEMPORARY stand-in for `Library::add_samples`, which the core is getting on main.
//!
//! The command calls `library.add_samples()`; while the core lacks that method, this trait
//! provides it. Inherent methods win over trait methods, so once the core's lands the command
//! uses it unchanged and this module (and `samples/`) can be deleted.

use lectern_core::document::Document;
use lectern_core::ingest::{Asset, Draft};
use lectern_core::{Added, Error, Library};

/// The sample articles: documents in the core's own serialized form.
const SAMPLES: &str = include_str!("../samples/samples.json");

/// Images the samples' figures refer to as `sample:<name>`.
const IMAGES: [(&str, &[u8]); 1] = [("sample:reading-desk.png", include_bytes!("../samples/reading-desk.png"))];

/// Adds the samples to a library.
pub trait AddSamples {
    /// Adds every sample article (those already present are reported as `exists`).
    fn add_samples(&mut self) -> Result<Vec<Added>, Error>;
}

impl AddSamples for Library {
    fn add_samples(&mut self) -> Result<Vec<Added>, Error> {
        let documents: Vec<Document> = serde_json::from_str(SAMPLES).expect("the bundled samples are valid");
        documents.into_iter().map(|document| self.add_draft(&draft(document))).collect()
    }
}

fn draft(mut document: Document) -> Draft {
    let mut assets = Vec::new();
    for image in document.images_mut() {
        let bytes = IMAGES.iter().find(|(name, _)| *name == image.src).map(|(_, bytes)| bytes.to_vec());
        if let Some(asset) = bytes.and_then(Asset::from_image_bytes) {
            image.sha256 = Some(asset.sha256.clone());
            assets.push(asset);
        }
    }
    Draft { document, assets }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_parse_and_their_images_attach() {
        let documents: Vec<Document> = serde_json::from_str(SAMPLES).unwrap();
        assert!(documents.len() >= 4);
        let drafts: Vec<Draft> = documents.into_iter().map(draft).collect();
        assert!(drafts.iter().any(|d| !d.assets.is_empty()));
        assert!(drafts.iter().any(|d| d.document.meta.language.as_deref() == Some("zh")));
    }
}
