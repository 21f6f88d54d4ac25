//! Checks for untrusted input: size limits, the shape of imported annotations (errors name
//! the field, `first.items[3].target.selector[0].exact: expected a string`), timestamps in
//! one form, and a second sanitizing pass over article documents.
//!
//! Other members' files are untrusted: a bundle may be hand-made, damaged or hostile. Blocks
//! carry plain text by construction, so what can still be dangerous is a link mark or an
//! image source with a `javascript:` URL; those are dropped here, as extraction drops them.

use super::ExchangeError;
use crate::annotation::model::MAX_NOTE;
use crate::annotation::Annotation;
use crate::document::{BlockKind, Document, MarkKind};
use serde_json::Value;

/// The caps on an import. [`Limits::default`] holds the product's values; tests pass small
/// ones to exercise each check cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest import file, in bytes (200 MiB).
    pub max_file: u64,
    /// The most articles in one bundle (10,000).
    pub max_articles: usize,
    /// The largest image, in bytes (20 MiB).
    pub max_asset: u64,
    /// The most annotations in one file (100,000).
    pub max_annotations: usize,
    /// The largest note, in bytes (100 KiB).
    pub max_note: usize,
    /// The most bytes all of a bundle's entries may expand to (1 GiB).
    pub max_total_uncompressed: u64,
    /// The highest compression ratio an entry may have (200:1); entries under
    /// [`Limits::ratio_floor`] bytes are exempt, since they cannot exhaust anything.
    pub max_ratio: u64,
    /// The size under which the ratio is not checked (64 KiB).
    pub ratio_floor: u64,
    /// The most entries a bundle may list (articles, images and two more files).
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file: 200 << 20,
            max_articles: 10_000,
            max_asset: 20 << 20,
            max_annotations: 100_000,
            max_note: 100 << 10,
            max_total_uncompressed: 1 << 30,
            max_ratio: 200,
            ratio_floor: 64 << 10,
            max_entries: 200_000,
        }
    }
}

impl Limits {
    /// Fails with [`ExchangeError::TooLarge`] when `size` exceeds `max`.
    pub fn check_size(&self, what: &str, size: u64, max: u64) -> Result<(), ExchangeError> {
        if size > max {
            return Err(ExchangeError::TooLarge { what: what.to_string(), size, max });
        }
        Ok(())
    }
}

/// The longest creator name, in characters.
pub const MAX_CREATOR: usize = 100;

/// A JSON path being walked, for error messages.
fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expect(ok: bool, path: &str, want: &str, got: &Value) -> Result<(), ExchangeError> {
    if ok {
        Ok(())
    } else {
        Err(ExchangeError::invalid(path, format!("expected {want}, found {}", kind(got))))
    }
}

/// Checks that an optional key, when present, is a string.
fn optional_string(obj: &serde_json::Map<String, Value>, path: &str, key: &str) -> Result<(), ExchangeError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(()),
        Some(v) => expect(v.is_string(), &at(path, key), "a string", v),
    }
}

/// Items of a value that may be one item or an array, with their paths.
fn items<'v>(value: &'v Value, path: &str) -> Vec<(String, &'v Value)> {
    match value {
        Value::Array(list) => list.iter().enumerate().map(|(i, v)| (format!("{path}[{i}]"), v)).collect(),
        one => vec![(path.to_string(), one)],
    }
}

/// Checks the shape of one W3C annotation at `path`, reads it, and brings it to the form the
/// library stores: timestamps as ISO 8601 UTC with milliseconds, the creator trimmed, the
/// note within `limits`.
pub fn annotation(value: &Value, path: &str, limits: &Limits) -> Result<Annotation, ExchangeError> {
    let obj = value
        .as_object()
        .ok_or_else(|| ExchangeError::invalid(path, format!("expected an object, found {}", kind(value))))?;
    for key in ["id", "created", "modified", "deleted", "bodyValue", "status"] {
        optional_string(obj, path, key)?;
    }
    if !obj.contains_key("id") {
        return Err(ExchangeError::invalid(at(path, "id"), "missing"));
    }
    if let Some(creator) = obj.get("creator") {
        let p = at(path, "creator");
        expect(creator.is_object() || creator.is_string(), &p, "an object or a string", creator)?;
        if let Some(c) = creator.as_object() {
            optional_string(c, &p, "name")?;
        }
    }
    if let Some(body) = obj.get("body") {
        for (p, item) in items(body, &at(path, "body")) {
            let b = item
                .as_object()
                .ok_or_else(|| ExchangeError::invalid(&p, format!("expected an object, found {}", kind(item))))?;
            optional_string(b, &p, "value")?;
            optional_string(b, &p, "purpose")?;
            if let Some(Value::String(text)) = b.get("value") {
                check_note(text, &at(&p, "value"), limits)?;
            }
        }
    }
    if let Some(Value::String(text)) = obj.get("bodyValue") {
        check_note(text, &at(path, "bodyValue"), limits)?;
    }
    let target = obj.get("target").ok_or_else(|| ExchangeError::invalid(at(path, "target"), "missing"))?;
    let (tp, first) = items(target, &at(path, "target"))
        .into_iter()
        .next()
        .ok_or_else(|| ExchangeError::invalid(at(path, "target"), "empty"))?;
    let t = first
        .as_object()
        .ok_or_else(|| ExchangeError::invalid(&tp, format!("expected an object, found {}", kind(first))))?;
    optional_string(t, &tp, "styleClass")?;
    match t.get("source") {
        None => return Err(ExchangeError::invalid(at(&tp, "source"), "missing")),
        Some(s) => expect(s.is_string() || s.is_object(), &at(&tp, "source"), "an object or a string", s)?,
    }
    if let Some(selector) = t.get("selector") {
        for (p, item) in items(selector, &at(&tp, "selector")) {
            let s = item
                .as_object()
                .ok_or_else(|| ExchangeError::invalid(&p, format!("expected an object, found {}", kind(item))))?;
            optional_string(s, &p, "type")?;
            match s.get("type").and_then(Value::as_str) {
                Some("TextQuoteSelector") => {
                    let exact = s.get("exact").ok_or_else(|| ExchangeError::invalid(at(&p, "exact"), "missing"))?;
                    expect(exact.is_string(), &at(&p, "exact"), "a string", exact)?;
                    optional_string(s, &p, "prefix")?;
                    optional_string(s, &p, "suffix")?;
                }
                Some("TextPositionSelector") => {
                    for key in ["start", "end"] {
                        let v = s.get(key).ok_or_else(|| ExchangeError::invalid(at(&p, key), "missing"))?;
                        expect(v.is_u64(), &at(&p, key), "a non-negative integer", v)?;
                    }
                }
                _ => {}
            }
        }
    }
    let mut a = Annotation::from_w3c(value).map_err(|e| ExchangeError::invalid(path, e.to_string()))?;
    a.created = timestamp(&a.created, &at(path, "created"))?;
    a.modified = timestamp(&a.modified, &at(path, "modified"))?;
    a.deleted = a.deleted.as_deref().map(|d| timestamp(d, &at(path, "deleted"))).transpose()?;
    a.creator.name = creator(&a.creator.name, &at(path, "creator.name"))?;
    Ok(a)
}

/// Checks a note's size in bytes.
pub fn check_note(note: &str, path: &str, limits: &Limits) -> Result<(), ExchangeError> {
    let max = limits.max_note.min(MAX_NOTE * 4);
    if note.len() > max {
        return Err(ExchangeError::TooLarge { what: path.to_string(), size: note.len() as u64, max: max as u64 });
    }
    Ok(())
}

/// A creator's name, trimmed, non-empty and at most [`MAX_CREATOR`] characters.
pub fn creator(name: &str, path: &str) -> Result<String, ExchangeError> {
    let name = crate::text::normalize_space(name);
    if name.is_empty() {
        return Err(ExchangeError::invalid(path, "empty"));
    }
    if name.chars().count() > MAX_CREATOR {
        return Err(ExchangeError::invalid(path, format!("longer than {MAX_CREATOR} characters")));
    }
    Ok(name)
}

/// A timestamp in the one form the library stores (ISO 8601 UTC with milliseconds), so that
/// "newer" is a plain string comparison everywhere. Accepts RFC 3339 with any offset, or a
/// date-time without one (taken as UTC).
pub fn timestamp(text: &str, path: &str) -> Result<String, ExchangeError> {
    use chrono::{DateTime, NaiveDateTime, Utc};
    let utc: Option<DateTime<Utc>> = DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S%.f").ok().map(|n| n.and_utc()));
    utc.map(|t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .ok_or_else(|| ExchangeError::invalid(path, format!("`{text}` is not an ISO 8601 date-time")))
}

/// What [`sanitize_document`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sanitized {
    /// Marks dropped: links to other than `http`, `https` or `mailto`, or ranges outside
    /// their block.
    pub marks: usize,
    /// Image sources cleared (not `http` or `https`), or image hashes that were not SHA-256.
    pub images: usize,
}

/// Sanitizes a document read from a file again: drops link marks whose target is not an
/// absolute `http`, `https` or `mailto` URL and marks outside their block, clears image
/// sources that are not `http(s)` (the reader never loads them, but a `javascript:` URL has
/// no business in the library) and hashes that are not SHA-256, and clamps heading levels.
pub fn sanitize_document(doc: &mut Document) -> Sanitized {
    let mut dropped = Sanitized::default();
    for block in &mut doc.blocks {
        let len = block.text.chars().count();
        let before = block.marks.len();
        block.marks.retain(|mark| {
            mark.start <= mark.end
                && mark.end <= len
                && match &mark.kind {
                    MarkKind::Link { href } => safe_url(href, &["http", "https", "mailto"]),
                    _ => true,
                }
        });
        dropped.marks += before - block.marks.len();
        match &mut block.kind {
            BlockKind::Heading { level } => *level = (*level).clamp(1, 6),
            BlockKind::Figure { image } => {
                if !image.src.is_empty() && !safe_url(&image.src, &["http", "https"]) {
                    image.src.clear();
                    dropped.images += 1;
                }
                if image.sha256.as_deref().is_some_and(|h| !is_sha256(h)) {
                    image.sha256 = None;
                    dropped.images += 1;
                }
            }
            _ => {}
        }
    }
    dropped
}

fn safe_url(text: &str, schemes: &[&str]) -> bool {
    url::Url::parse(text).is_ok_and(|u| schemes.contains(&u.scheme()))
}

/// Whether `text` is a lowercase hex SHA-256.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Image, Mark};
    use serde_json::json;

    #[test]
    fn errors_name_the_field() {
        let bad = json!({"id": "urn:uuid:0190f3c2-0000-7000-8000-000000000001", "type": "Annotation",
            "target": {"source": "urn:uuid:0190f3c2-0000-7000-8000-000000000002",
                       "selector": [{"type": "TextQuoteSelector", "exact": 5}]}});
        let err = annotation(&bad, "items[3]", &Limits::default()).unwrap_err();
        assert_eq!(err.to_string(), "items[3].target.selector[0].exact: expected a string, found a number");
        let bad = json!({"id": "x", "target": {"source": "urn:uuid:0190f3c2-0000-7000-8000-000000000002"}});
        assert!(annotation(&bad, "", &Limits::default()).unwrap_err().to_string().contains("id"));
    }

    #[test]
    fn timestamps_take_one_form() {
        assert_eq!(timestamp("2024-03-01T10:00:00.123456+01:00", "t").unwrap(), "2024-03-01T09:00:00.123Z");
        assert_eq!(timestamp("2024-03-01T10:00:00", "t").unwrap(), "2024-03-01T10:00:00.000Z");
        assert!(timestamp("yesterday", "t").is_err());
    }

    #[test]
    fn hostile_links_and_images_are_dropped() {
        let mut p = Block::paragraph("click here");
        p.marks.push(Mark { start: 0, end: 5, kind: MarkKind::Link { href: "javascript:alert(1)".into() } });
        p.marks.push(Mark { start: 6, end: 10, kind: MarkKind::Link { href: "https://ok.example/".into() } });
        p.marks.push(Mark { start: 6, end: 99, kind: MarkKind::Strong });
        let figure = Block::new(
            BlockKind::Figure {
                image: Image { src: "javascript:x".into(), alt: String::new(), sha256: Some("../x".into()) },
            },
            "",
        );
        let mut doc = Document { blocks: vec![p, figure], ..Default::default() };
        assert_eq!(sanitize_document(&mut doc), Sanitized { marks: 2, images: 2 });
        assert_eq!(doc.blocks[0].marks.len(), 1);
    }
}
