//! W3C Web Annotation JSON-LD: export as an `AnnotationCollection`, import a collection, a
//! page, an array or a single annotation.
//!
//! The Web Annotation Data Model (§5.1, §5.2) gives a collection no `items` of its own: its
//! annotations sit in pages, the first of which is `first`. We export one page, embedded:
//! `{"type": "AnnotationCollection", "total": n, "first": {"type": "AnnotationPage",
//! "startIndex": 0, "items": […]}}`, each item without its own `@context` (the collection's
//! applies). On import `items` directly on the collection is accepted too, as some tools
//! write it; a `first` that is only a link cannot be followed offline and is an error.

use super::{validate, ExchangeError, Limits, Payload};
use crate::annotation::model::W3C_CONTEXT;
use crate::annotation::Annotation;
use serde_json::{json, Value};

/// The collection of `annotations`, labelled `label`.
pub fn collection(label: &str, annotations: &[Annotation]) -> Value {
    let items: Vec<Value> = annotations
        .iter()
        .map(|a| {
            let mut item = a.to_w3c();
            if let Some(obj) = item.as_object_mut() {
                obj.remove("@context");
            }
            item
        })
        .collect();
    json!({
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}

/// Reads W3C JSON: a collection, a page, an array of annotations or one annotation.
pub fn read(value: &Value, limits: &Limits) -> Result<Payload, ExchangeError> {
    let (path, list) = annotation_list(value)?;
    if list.len() > limits.max_annotations {
        return Err(ExchangeError::TooLarge {
            what: "the number of annotations".into(),
            size: list.len() as u64,
            max: limits.max_annotations as u64,
        });
    }
    let annotations = list
        .iter()
        .enumerate()
        .map(|(i, item)| {
            // A lone annotation's fields are named from its root; listed ones by index.
            let at = if path.is_empty() && !value.is_array() { String::new() } else { format!("{path}[{i}]") };
            validate::annotation(item, &at, limits)
        })
        .collect::<Result<_, _>>()?;
    Ok(Payload { annotations, ..Payload::default() })
}

/// Where the annotations are, and the JSON path to them (for messages).
fn annotation_list(value: &Value) -> Result<(String, Vec<Value>), ExchangeError> {
    let kind = value.get("type").and_then(Value::as_str);
    match (value, kind) {
        (Value::Array(list), _) => Ok((String::new(), list.clone())),
        (_, Some("AnnotationCollection")) => match (value.get("first"), value.get("items")) {
            (Some(Value::Object(page)), _) => page_items(page.get("items"), "first.items"),
            (Some(Value::String(_)), _) => {
                Err(ExchangeError::invalid("first", "a linked page cannot be fetched offline; embed the annotations"))
            }
            (Some(other), _) => {
                Err(ExchangeError::invalid("first", format!("expected an AnnotationPage, found {other}")))
            }
            (None, items) => page_items(items, "items"),
        },
        (_, Some("AnnotationPage")) => page_items(value.get("items"), "items"),
        (Value::Object(_), _) => Ok((String::new(), vec![value.clone()])),
        _ => Err(ExchangeError::invalid("the file", "expected an annotation, an array or an AnnotationCollection")),
    }
}

fn page_items(items: Option<&Value>, path: &str) -> Result<(String, Vec<Value>), ExchangeError> {
    match items {
        Some(Value::Array(list)) => Ok((path.to_string(), list.clone())),
        Some(_) => Err(ExchangeError::invalid(path, "expected an array")),
        None => Err(ExchangeError::invalid(path, "missing")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_collection_round_trips_and_shapes_are_recognised() {
        let c = collection("x", &[]);
        assert_eq!(c["first"]["type"], "AnnotationPage");
        assert_eq!(read(&c, &Limits::default()).unwrap().annotations.len(), 0);
        assert!(read(&json!({"type": "AnnotationCollection", "first": "https://x.example/p1"}), &Limits::default())
            .unwrap_err()
            .to_string()
            .contains("offline"));
        assert!(read(&json!(5), &Limits::default()).is_err());
    }
}
