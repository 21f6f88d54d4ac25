//! Images that travel with an article, stored by content hash.

use crate::document::Document;
use sha2::{Digest, Sha256};
use url::Url;

/// An image's bytes, addressed by SHA-256 so the same picture is stored once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// SHA-256 of `bytes`, lowercase hex.
    pub sha256: String,
    /// The media type (`image/png`…), sniffed from the bytes.
    pub mime: String,
    /// The image itself.
    pub bytes: Vec<u8>,
}

impl Asset {
    /// Wraps image bytes, or returns `None` when they are not an image Lectern can show.
    pub fn from_image_bytes(bytes: Vec<u8>) -> Option<Asset> {
        let mime = sniff_image(&bytes)?;
        let sha256 = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        Some(Asset { sha256, mime: mime.to_string(), bytes })
    }
}

/// Recognises image formats by their magic bytes. Declared types are not trusted: an
/// "image" that is really HTML or SVG (which can carry script) is refused.
fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"BM", "image/bmp"),
        (b"\x00\x00\x01\x00", "image/x-icon"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && (&bytes[8..12] == b"avif" || &bytes[8..12] == b"avis") {
        return Some("image/avif");
    }
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, mime)| *mime)
}

/// Obtains every figure's image through `get` (which maps an absolute URL to bytes, or
/// `None`), records its hash in the document, and returns the distinct assets. An image that
/// cannot be obtained keeps `sha256: None`: the figure's caption still reads, and the reader
/// shows that the picture is missing rather than loading it remotely.
pub fn attach_images(doc: &mut Document, mut get: impl FnMut(&Url) -> Option<Vec<u8>>) -> Vec<Asset> {
    let mut assets: Vec<Asset> = Vec::new();
    for image in doc.images_mut() {
        let Ok(url) = Url::parse(&image.src) else {
            continue;
        };
        let Some(asset) = get(&url).and_then(Asset::from_image_bytes) else {
            continue;
        };
        image.sha256 = Some(asset.sha256.clone());
        if !assets.iter().any(|a| a.sha256 == asset.sha256) {
            assets.push(asset);
        }
    }
    assets
}

/// An image getter for [`attach_images`] that reads `file://` URLs, but only below `root`
/// (the folder of the saved page or Markdown file): a page cannot pull in `/etc/passwd` or
/// `../../secret.png`, and symlinks are resolved before the check.
pub fn local_files_under(root: &std::path::Path) -> impl FnMut(&Url) -> Option<Vec<u8>> + '_ {
    /// Saved pages hold pictures, not videos; anything larger is not read.
    const MAX_IMAGE_BYTES: u64 = 15 << 20;
    let root = std::fs::canonicalize(root).ok();
    move |url: &Url| {
        let root = root.as_ref()?;
        if url.scheme() != "file" {
            return None;
        }
        let path = std::fs::canonicalize(url.to_file_path().ok()?).ok()?;
        if !path.starts_with(root) {
            return None;
        }
        let meta = std::fs::metadata(&path).ok()?;
        (meta.is_file() && meta.len() <= MAX_IMAGE_BYTES).then(|| std::fs::read(&path).ok()).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind, Image};

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn images_are_sniffed_not_trusted() {
        assert_eq!(Asset::from_image_bytes(PNG.to_vec()).unwrap().mime, "image/png");
        assert!(Asset::from_image_bytes(b"<svg onload=alert(1)>".to_vec()).is_none());
        assert!(Asset::from_image_bytes(b"<html>".to_vec()).is_none());
    }

    #[test]
    fn local_files_stay_inside_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("page_files");
        std::fs::create_dir(&inside).unwrap();
        std::fs::write(inside.join("a.png"), PNG).unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("b.png"), PNG).unwrap();

        let figure = |src: String| Block::new(BlockKind::Figure { image: Image { src, ..Default::default() } }, "");
        let mut doc = Document {
            blocks: vec![
                figure(Url::from_file_path(inside.join("a.png")).unwrap().to_string()),
                figure(Url::from_file_path(outside.path().join("b.png")).unwrap().to_string()),
                figure(format!("{}/page_files/../../b.png", Url::from_file_path(dir.path()).unwrap())),
            ],
            ..Default::default()
        };
        let assets = attach_images(&mut doc, local_files_under(dir.path()));
        assert_eq!(assets.len(), 1);
        let stored: Vec<bool> = doc.images().map(|i| i.sha256.is_some()).collect();
        assert_eq!(stored, vec![true, false, false]);
    }
}
