//! The `.lectern` bundle: one zip file carrying articles, their images and annotations, so
//! a member without an article can read it after import.
//!
//! Layout (every entry Deflate-compressed, with a fixed date so the same content makes the
//! same bytes apart from the manifest's `created`):
//! ```text
//! manifest.json          {"format": "lectern-bundle", "version": 1, "creator": {"name", "member"},
//!                         "created", "counts": {"articles", "assets", "annotations"}}
//! articles/<id>.json     {"id", "text_sha256", "document": Document}   (one per article)
//! assets/<sha256>        an image's bytes, named by their SHA-256
//! annotations.json       a W3C AnnotationCollection (see `w3c`), tombstones included
//! ```
//! Reading trusts nothing: the file size, entry count, each entry's declared *and* actual
//! size, the total expanded size and each entry's compression ratio are capped ([`Limits`]);
//! absolute paths, `..`, backslashes, symlinks, duplicates and unknown entries are refused;
//! every image is sniffed again and its hash checked; every document is sanitized again and
//! its text hash checked.

use super::validate::{self, is_sha256, Limits};
use super::{sha256_hex, w3c, ArticlePackage, ExchangeError, Payload};
use crate::annotation::Annotation;
use crate::document::Document;
use crate::ingest::Asset;
use crate::store::ArticleId;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

/// The `format` a manifest names.
pub const FORMAT: &str = "lectern-bundle";
/// The newest bundle version this Lectern writes and reads.
pub const VERSION: u64 = 1;

/// Who wrote a bundle, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The creator's display name.
    pub name: String,
    /// The member's random id (see `group`), when the bundle was written for a group.
    pub member: Option<String>,
    /// When (ISO 8601 UTC).
    pub created: String,
}

/// One article entry, as stored in `articles/<id>.json`.
#[derive(Serialize, Deserialize)]
struct ArticleEntry {
    id: ArticleId,
    text_sha256: String,
    document: Document,
}

/// Writes a bundle of `articles` (with their images) and `annotations`.
pub fn write(
    author: &Author,
    articles: &[ArticlePackage],
    annotations: &[Annotation],
) -> Result<Vec<u8>, ExchangeError> {
    let broken =
        |e: &dyn std::fmt::Display| ExchangeError::Malformed { what: "the new bundle".into(), reason: e.to_string() };
    let mut assets: BTreeMap<&str, &Asset> = BTreeMap::new();
    for asset in articles.iter().flat_map(|a| &a.assets) {
        assets.insert(&asset.sha256, asset);
    }
    let manifest = json!({
        "format": FORMAT,
        "version": VERSION,
        "creator": {"name": author.name, "member": author.member},
        "created": author.created,
        "counts": {"articles": articles.len(), "assets": assets.len(), "annotations": annotations.len()},
    });
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut put = |name: &str, bytes: &[u8]| -> Result<(), ExchangeError> {
        zip.start_file(name, options).map_err(|e| broken(&e))?;
        zip.write_all(bytes).map_err(|e| broken(&e))
    };
    put("manifest.json", &pretty(&manifest))?;
    for article in articles {
        let entry = ArticleEntry {
            id: article.id.clone(),
            text_sha256: article.text_sha256.clone(),
            document: article.document.clone(),
        };
        put(&format!("articles/{}.json", article.id), &pretty(&entry))?;
    }
    for (sha, asset) in &assets {
        put(&format!("assets/{sha}"), &asset.bytes)?;
    }
    put("annotations.json", &pretty(&w3c::collection("Lectern bundle", annotations)))?;
    Ok(zip.finish().map_err(|e| broken(&e))?.into_inner())
}

fn pretty(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("plain data always serializes")
}

/// What an entry is, by its name.
enum Entry {
    Manifest,
    Annotations,
    Article(String),
    Asset(String),
    Folder,
}

/// Classifies an entry name, refusing anything that could escape a folder or is unknown.
fn classify(name: &str) -> Result<Entry, ExchangeError> {
    let refuse = |why| Err(ExchangeError::UnsafeEntry { name: name.to_string(), why });
    if name.starts_with('/') || name.contains('\\') || name.contains(':') || name.contains('\0') {
        return refuse("absolute paths, drive letters and backslashes are not allowed");
    }
    if name.split('/').any(|part| part == ".." || part == ".") {
        return refuse("`..` and `.` are not allowed");
    }
    Ok(match name {
        "manifest.json" => Entry::Manifest,
        "annotations.json" => Entry::Annotations,
        "articles/" | "assets/" => Entry::Folder,
        _ => {
            if let Some(id) = name.strip_prefix("articles/").and_then(|n| n.strip_suffix(".json")) {
                if crate::annotation::AnnotationId::parse(id).is_some_and(|u| u.0 == id) {
                    return Ok(Entry::Article(id.to_string()));
                }
            }
            match name.strip_prefix("assets/") {
                Some(sha) if is_sha256(sha) => Entry::Asset(sha.to_string()),
                _ => return refuse("not part of a Lectern bundle"),
            }
        }
    })
}

/// Reads and checks a bundle. Nothing is written anywhere.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Payload, ExchangeError> {
    limits.check_size("the bundle file", bytes.len() as u64, limits.max_file)?;
    let malformed =
        |what: &str, e: &dyn std::fmt::Display| ExchangeError::Malformed { what: what.into(), reason: e.to_string() };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| malformed("the bundle", &e))?;
    limits.check_size("the number of entries", zip.len() as u64, limits.max_entries as u64)?;

    let mut seen = HashSet::new();
    let mut total = 0u64;
    let (mut manifest, mut annotations) = (None, None);
    let mut articles = BTreeMap::new();
    let mut assets = BTreeMap::new();
    for index in 0..zip.len() {
        let mut file = zip.by_index(index).map_err(|e| malformed("the bundle", &e))?;
        let name = file.name().to_string();
        let entry = classify(&name)?;
        if !seen.insert(name.clone()) {
            return Err(ExchangeError::UnsafeEntry { name, why: "the name occurs twice" });
        }
        if file.unix_mode().is_some_and(|mode| mode & 0o170000 == 0o120000) {
            return Err(ExchangeError::UnsafeEntry { name, why: "symbolic links are not allowed" });
        }
        if matches!(entry, Entry::Folder) {
            continue;
        }
        let cap = match entry {
            Entry::Asset(_) => limits.max_asset,
            _ => limits.max_total_uncompressed,
        };
        // Headers can lie: the declared size is checked first (cheap refusal), then the bytes
        // are counted as they expand, and reading stops one byte past the cap.
        let declared = file.size();
        limits.check_size(&name, declared, cap)?;
        check_ratio(&name, declared, file.compressed_size(), limits)?;
        let mut data = Vec::new();
        (&mut file).take(cap + 1).read_to_end(&mut data).map_err(|e| malformed(&name, &e))?;
        let actual = data.len() as u64;
        limits.check_size(&name, actual, cap)?;
        if actual != declared {
            return Err(malformed(
                &name,
                &format!("expands to {actual} bytes, not the {declared} its header declares"),
            ));
        }
        check_ratio(&name, actual, file.compressed_size(), limits)?;
        total += actual;
        limits.check_size("the bundle's expanded size", total, limits.max_total_uncompressed)?;
        match entry {
            Entry::Manifest => manifest = Some(data),
            Entry::Annotations => annotations = Some(data),
            Entry::Article(id) => {
                articles.insert(id, data);
                limits.check_size("the number of articles", articles.len() as u64, limits.max_articles as u64)?;
            }
            Entry::Asset(sha) => {
                assets.insert(sha, data);
            }
            Entry::Folder => {}
        }
    }

    check_manifest(manifest.as_deref().ok_or_else(|| ExchangeError::invalid("manifest.json", "missing"))?)?;
    let assets = read_assets(assets)?;
    let mut payload = match annotations {
        Some(data) => {
            let value: serde_json::Value =
                serde_json::from_slice(&data).map_err(|e| malformed("annotations.json", &e))?;
            w3c::read(&value, limits).map_err(|e| e.within("annotations.json"))?
        }
        None => Payload::default(),
    };
    for (id, data) in articles {
        payload.articles.push(read_article(&id, &data, &assets)?);
    }
    Ok(payload)
}

fn check_ratio(name: &str, size: u64, compressed: u64, limits: &Limits) -> Result<(), ExchangeError> {
    if size > limits.ratio_floor && size > compressed.saturating_mul(limits.max_ratio) {
        return Err(ExchangeError::TooLarge {
            what: format!("the compression ratio of `{name}` ({size} bytes from {compressed})"),
            size: size / compressed.max(1),
            max: limits.max_ratio,
        });
    }
    Ok(())
}

fn check_manifest(data: &[u8]) -> Result<(), ExchangeError> {
    let value: serde_json::Value = serde_json::from_slice(data)
        .map_err(|e| ExchangeError::Malformed { what: "manifest.json".into(), reason: e.to_string() })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ExchangeError::invalid("manifest.json: format", format!("expected \"{FORMAT}\"")));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if (1..=VERSION).contains(&v) => Ok(()),
        Some(v) => Err(ExchangeError::invalid(
            "manifest.json: version",
            format!("version {v} is newer than this Lectern reads ({VERSION}); update Lectern"),
        )),
        None => Err(ExchangeError::invalid("manifest.json: version", "expected a positive integer")),
    }
}

/// Sniffs every image again (an SVG or HTML "image" can carry script) and checks its name is
/// its hash.
fn read_assets(raw: BTreeMap<String, Vec<u8>>) -> Result<BTreeMap<String, Asset>, ExchangeError> {
    let mut assets = BTreeMap::new();
    for (sha, bytes) in raw {
        let name = format!("assets/{sha}");
        let asset = Asset::from_image_bytes(bytes).ok_or_else(|| ExchangeError::Malformed {
            what: name.clone(),
            reason: "not an image Lectern shows (PNG, JPEG, GIF, WebP, AVIF, BMP, ICO)".into(),
        })?;
        if asset.sha256 != sha {
            return Err(ExchangeError::Malformed {
                what: name,
                reason: "its bytes do not have the SHA-256 it is named by".into(),
            });
        }
        assets.insert(sha, asset);
    }
    Ok(assets)
}

fn read_article(id: &str, data: &[u8], assets: &BTreeMap<String, Asset>) -> Result<ArticlePackage, ExchangeError> {
    let name = format!("articles/{id}.json");
    let entry: ArticleEntry = serde_json::from_slice(data)
        .map_err(|e| ExchangeError::Malformed { what: name.clone(), reason: e.to_string() })?;
    if entry.id.0 != id {
        return Err(ExchangeError::invalid(format!("{name}: id"), "does not match the entry's name"));
    }
    let mut document = entry.document;
    if sha256_hex(document.text().as_bytes()) != entry.text_sha256 {
        return Err(ExchangeError::invalid(format!("{name}: text_sha256"), "does not match the document's text"));
    }
    if document.meta.title.trim().is_empty() {
        return Err(ExchangeError::invalid(format!("{name}: document.meta.title"), "empty"));
    }
    // The blocks' texts are unchanged by sanitizing, so the text hash checked above stands.
    validate::sanitize_document(&mut document);
    let mut used = Vec::new();
    for image in document.images_mut() {
        match image.sha256.as_deref().and_then(|sha| assets.get(sha)) {
            Some(asset) => {
                if !used.iter().any(|a: &Asset| a.sha256 == asset.sha256) {
                    used.push(asset.clone());
                }
            }
            // The sender did not have the picture either: the caption still reads.
            None => image.sha256 = None,
        }
    }
    Ok(ArticlePackage { id: entry.id, document, text_sha256: entry.text_sha256, assets: used })
}
