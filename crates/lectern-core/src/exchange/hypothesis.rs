//! Import of a Hypothesis export: the JSON its API's search returns (`{"total", "rows":
//! [...]}`) or a bare array of its annotations.
//!
//! Each annotation has `id` (Hypothesis's own, not a UUID), `uri` (the page),
//! `target[].selector` (`TextQuoteSelector`, `TextPositionSelector`, `RangeSelector`; the
//! last addresses the page's DOM and is ignored), `text` (the Markdown note), `tags`, `user`
//! (`acct:name@host`, whose `name` becomes the creator), `created` and `updated`.
//!
//! Hypothesis positions count characters of the *web page's* text, not of Lectern's canonical
//! text; they are kept only as a hint, and anchoring verifies them against the quote. The
//! article is found by `uri` (its canonical URL or address in the library). Page notes (no
//! quote) and replies are not highlights, and are counted as skipped. The id becomes a UUID
//! derived from the Hypothesis id, so importing the same export twice changes nothing.

use super::{validate, ExchangeError, Limits, Payload};
use crate::annotation::{
    Annotation, AnnotationId, Body, Creator, Selectors, Status, Target, TargetSource, TextPositionSelector,
    TextQuoteSelector,
};
use crate::store::ArticleId;
use serde_json::Value;

/// Whether `value` looks like a Hypothesis export rather than W3C JSON.
pub fn looks_like(value: &Value) -> bool {
    let first = match value {
        Value::Object(o) if o.contains_key("rows") => return true,
        Value::Array(list) => list.first(),
        _ => None,
    };
    first.is_some_and(|a| a.get("uri").is_some() && a.get("user").is_some() && a.get("@context").is_none())
}

/// Reads a Hypothesis export.
pub fn read(value: &Value, limits: &Limits) -> Result<Payload, ExchangeError> {
    let (path, rows) = match value {
        Value::Array(rows) => ("", rows),
        Value::Object(o) => match o.get("rows") {
            Some(Value::Array(rows)) => ("rows", rows),
            _ => return Err(ExchangeError::invalid("rows", "expected an array")),
        },
        _ => return Err(ExchangeError::invalid("the file", "expected a Hypothesis export")),
    };
    if rows.len() > limits.max_annotations {
        return Err(ExchangeError::TooLarge {
            what: "the number of annotations".into(),
            size: rows.len() as u64,
            max: limits.max_annotations as u64,
        });
    }
    let mut payload = Payload::default();
    for (i, row) in rows.iter().enumerate() {
        match annotation(row, &format!("{path}[{i}]"), limits)? {
            Some(a) => payload.annotations.push(a),
            None => payload.skipped += 1,
        }
    }
    Ok(payload)
}

fn string<'v>(row: &'v Value, path: &str, key: &str) -> Result<Option<&'v str>, ExchangeError> {
    match row.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ExchangeError::invalid(format!("{path}.{key}"), "expected a string")),
    }
}

/// One Hypothesis annotation, or `None` for a page note or a reply.
fn annotation(row: &Value, path: &str, limits: &Limits) -> Result<Option<Annotation>, ExchangeError> {
    if !row.is_object() {
        return Err(ExchangeError::invalid(path, "expected an object"));
    }
    let field = |key: &str| format!("{path}.{key}");
    let id = string(row, path, "id")?.ok_or_else(|| ExchangeError::invalid(field("id"), "missing"))?;
    let uri = string(row, path, "uri")?.ok_or_else(|| ExchangeError::invalid(field("uri"), "missing"))?;
    let user = string(row, path, "user")?.unwrap_or("acct:unknown@hypothes.is");
    let name = user.strip_prefix("acct:").unwrap_or(user).split('@').next().unwrap_or("");
    let name = validate::creator(if name.trim().is_empty() { "unknown" } else { name }, &field("user"))?;
    let created = string(row, path, "created")?.ok_or_else(|| ExchangeError::invalid(field("created"), "missing"))?;
    let created = validate::timestamp(created, &field("created"))?;
    let modified = match string(row, path, "updated")? {
        Some(updated) => validate::timestamp(updated, &field("updated"))?,
        None => created.clone(),
    };
    let note = string(row, path, "text")?.map(str::to_string);
    if let Some(note) = &note {
        validate::check_note(note, &field("text"), limits)?;
    }
    let tags = match row.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(tags)) => tags
            .iter()
            .enumerate()
            .map(|(j, t)| {
                t.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| ExchangeError::invalid(format!("{path}.tags[{j}]"), "expected a string"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(ExchangeError::invalid(field("tags"), "expected an array")),
    };
    if row.get("references").and_then(Value::as_array).is_some_and(|r| !r.is_empty()) {
        return Ok(None);
    }
    let mut quote = None;
    let mut position = None;
    let targets = match row.get("target") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(t)) => t.as_slice(),
        Some(_) => return Err(ExchangeError::invalid(field("target"), "expected an array")),
    };
    for (t, target) in targets.iter().enumerate() {
        let selectors = match target.get("selector") {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(s)) => s.as_slice(),
            Some(_) => return Err(ExchangeError::invalid(format!("{path}.target[{t}].selector"), "expected an array")),
        };
        for (s, selector) in selectors.iter().enumerate() {
            let at = format!("{path}.target[{t}].selector[{s}]");
            match string(selector, &at, "type")? {
                Some("TextQuoteSelector") => {
                    let exact = string(selector, &at, "exact")?
                        .ok_or_else(|| ExchangeError::invalid(format!("{at}.exact"), "missing"))?;
                    quote = Some(TextQuoteSelector {
                        exact: exact.to_string(),
                        prefix: string(selector, &at, "prefix")?.unwrap_or("").to_string(),
                        suffix: string(selector, &at, "suffix")?.unwrap_or("").to_string(),
                    });
                }
                Some("TextPositionSelector") => {
                    let n = |key: &str| {
                        selector.get(key).and_then(Value::as_u64).map(|n| n as usize).ok_or_else(|| {
                            ExchangeError::invalid(format!("{at}.{key}"), "expected a non-negative integer")
                        })
                    };
                    let (start, end) = (n("start")?, n("end")?);
                    position = (start <= end).then_some(TextPositionSelector { start, end });
                }
                // RangeSelector (XPath into the page's DOM) and others mean nothing here.
                _ => {}
            }
        }
    }
    let Some(quote) = quote.filter(|q| !q.exact.is_empty()) else { return Ok(None) };
    let body =
        Body { note, tags, ..Body::default() }.normalized().map_err(|e| ExchangeError::invalid(path, e.to_string()))?;
    Ok(Some(Annotation {
        id: uuid_for(id),
        created,
        modified,
        creator: Creator { name },
        motivation: body.motivation(),
        body,
        target: Target {
            // No Lectern article yet: the import matches it by `url`.
            source: TargetSource { article: ArticleId(String::new()), url: Some(uri.to_string()) },
            selectors: Selectors { quote, position },
        },
        status: Status::Anchored,
        deleted: None,
    }))
}

/// A UUID made from a Hypothesis id, the same every time.
fn uuid_for(hypothesis_id: &str) -> AnnotationId {
    let digest = super::sha256_hex(format!("hypothesis:{hypothesis_id}").as_bytes());
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&digest[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    AnnotationId(uuid::Builder::from_random_bytes(bytes).into_uuid().hyphenated().to_string())
}
