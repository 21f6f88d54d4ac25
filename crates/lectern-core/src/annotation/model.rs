//! The annotation: who marked which words of which article, with what note, tags and colour;
//! and its W3C Web Annotation JSON-LD form.
//!
//! The Rust shape is flat and typed; [`Annotation::to_w3c`] and [`Annotation::from_w3c`]
//! translate to and from the W3C shape (serde goes through them too). Export is strict and
//! complete; import is lenient about what other tools write (a single body or an array, a
//! selector object or an array, `bodyValue`, `urn:uuid:` ids) and strict about limits.
//!
//! Where the W3C model has no slot for something Lectern keeps, the choice is:
//! - the **colour** is the target's `styleClass` (one of the palette's names), with a
//!   `stylesheet` saying what each class looks like, as the model prescribes for styling;
//! - the **anchoring status** (`"status": "orphan"`) and a **tombstone** (`"deleted"`) are
//!   extra keys, which W3C consumers ignore.

use super::AnnotationError;
use crate::store::ArticleId;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::fmt;
use std::str::FromStr;

/// The JSON-LD context of every exported annotation.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The longest note accepted, in characters.
pub const MAX_NOTE: usize = 100_000;
/// The most tags one annotation may carry.
pub const MAX_TAGS: usize = 64;
/// The longest tag accepted, in characters.
pub const MAX_TAG: usize = 100;
/// The longest quote accepted, in characters (a long chapter).
pub const MAX_QUOTE: usize = 200_000;

/// An annotation's identifier: a UUIDv7 string, stable across exports and sortable by creation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

impl AnnotationId {
    /// A fresh identifier.
    pub fn new() -> Self {
        AnnotationId(uuid::Uuid::now_v7().to_string())
    }

    /// Reads an id as other tools write it: a bare UUID or `urn:uuid:…`. Returns `None` for
    /// anything that is not a UUID.
    pub fn parse(text: &str) -> Option<Self> {
        let bare = text.trim().strip_prefix("urn:uuid:").unwrap_or(text.trim());
        uuid::Uuid::parse_str(bare).ok().map(|u| AnnotationId(u.hyphenated().to_string()))
    }
}

impl Default for AnnotationId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The highlight colours: a fixed palette, so every theme can pick readable shades for each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    /// The default.
    #[default]
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Pink.
    Pink,
    /// Purple.
    Purple,
}

impl Color {
    /// Every colour, in palette order.
    pub const ALL: [Color; 5] = [Color::Yellow, Color::Green, Color::Blue, Color::Pink, Color::Purple];

    /// The colour's name, as stored and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Color::Yellow => "yellow",
            Color::Green => "green",
            Color::Blue => "blue",
            Color::Pink => "pink",
            Color::Purple => "purple",
        }
    }

    /// The light-theme background, for the exported stylesheet.
    pub fn css(self) -> &'static str {
        match self {
            Color::Yellow => "#fff3a3",
            Color::Green => "#c8f0c0",
            Color::Blue => "#c4e0ff",
            Color::Pink => "#ffd0e4",
            Color::Purple => "#e2d4ff",
        }
    }
}

impl FromStr for Color {
    type Err = AnnotationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Color::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| AnnotationError::UnknownColor(s.to_string()))
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why the annotation was made (W3C motivations). Derived from the body: see [`Body::motivation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Motivation {
    /// Marking words, nothing more.
    Highlighting,
    /// Marking words with a note about them.
    Commenting,
    /// Marking words with tags and no note.
    Tagging,
}

impl Motivation {
    /// The W3C name.
    pub fn as_str(self) -> &'static str {
        match self {
            Motivation::Highlighting => "highlighting",
            Motivation::Commenting => "commenting",
            Motivation::Tagging => "tagging",
        }
    }
}

/// Whether an annotation has a place in its article's current text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Its selectors point at the right words.
    #[default]
    Anchored,
    /// Its words could not be found after the text changed; kept and listed until the user
    /// re-attaches or deletes it.
    Orphan,
}

impl Status {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Anchored => "anchored",
            Status::Orphan => "orphan",
        }
    }
}

/// Who made an annotation (kept on import, so a study group's notes stay each member's).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Creator {
    /// A display name.
    pub name: String,
}

/// What the annotation says: a note, tags and a colour.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// The note, as Markdown (render it with [`super::render_note`]).
    pub note: Option<String>,
    /// Tags, in the order given, without duplicates.
    pub tags: Vec<String>,
    /// The highlight colour.
    pub color: Color,
}

impl Body {
    /// The motivation the body implies: a note makes it *commenting*; tags without a note,
    /// *tagging*; a bare highlight, *highlighting*.
    pub fn motivation(&self) -> Motivation {
        if self.note.is_some() {
            Motivation::Commenting
        } else if !self.tags.is_empty() {
            Motivation::Tagging
        } else {
            Motivation::Highlighting
        }
    }

    /// Tidies the body (blank note → none; tags trimmed, blank and repeated ones dropped,
    /// compared case-insensitively) and checks the size limits.
    pub fn normalized(mut self) -> Result<Body, AnnotationError> {
        self.note = self.note.filter(|n| !n.trim().is_empty());
        if let Some(note) = &self.note {
            check_len("the note", note, MAX_NOTE)?;
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in self.tags {
            let tag = crate::text::normalize_space(&tag);
            if !tag.is_empty() && !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                check_len("a tag", &tag, MAX_TAG)?;
                tags.push(tag);
            }
        }
        if tags.len() > MAX_TAGS {
            return Err(AnnotationError::TooLong { what: "the tag list", len: tags.len(), max: MAX_TAGS });
        }
        self.tags = tags;
        Ok(self)
    }
}

fn check_len(what: &'static str, text: &str, max: usize) -> Result<(), AnnotationError> {
    let len = text.chars().count();
    if len > max {
        return Err(AnnotationError::TooLong { what, len, max });
    }
    Ok(())
}

/// W3C `TextQuoteSelector`: the words themselves, with some context either side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// The selected text.
    pub exact: String,
    /// Up to [`super::CONTEXT_LENGTH`] code points just before it.
    pub prefix: String,
    /// Up to [`super::CONTEXT_LENGTH`] code points just after it.
    pub suffix: String,
}

/// W3C `TextPositionSelector`: code-point offsets into the canonical text (DESIGN §2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPositionSelector {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// The selectors of a target: the quote always, the position when known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Selectors {
    /// What the words were.
    pub quote: TextQuoteSelector,
    /// Where they were.
    pub position: Option<TextPositionSelector>,
}

/// The annotated article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TargetSource {
    /// The article in the library.
    pub article: ArticleId,
    /// Where it was read from, when known.
    pub url: Option<String>,
}

/// What an annotation is about: an article, and the words in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    /// The article.
    pub source: TargetSource,
    /// The words.
    pub selectors: Selectors,
}

/// One annotation (W3C Web Annotation Data Model). Serializes to and from the W3C JSON-LD
/// shape: see [`Annotation::to_w3c`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Its identifier.
    pub id: AnnotationId,
    /// When it was made (ISO 8601 UTC).
    pub created: String,
    /// When it was last changed (ISO 8601 UTC); the newer copy wins when merging.
    pub modified: String,
    /// Who made it.
    pub creator: Creator,
    /// Why it was made (follows from the body).
    pub motivation: Motivation,
    /// Note, tags, colour.
    pub body: Body,
    /// The article and the words.
    pub target: Target,
    /// Whether its words were found in the article's current text.
    pub status: Status,
    /// When it was deleted, for a tombstone (kept for undo and for merging with others).
    pub deleted: Option<String>,
}

/// Where to put a new highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// A code-point range of the canonical text.
    Range {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
    },
    /// The first occurrence of these words in the canonical text.
    Quote(String),
}

/// A change to an annotation's body; `None` fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationEdit {
    /// The new note (`Some(None)` removes it).
    pub note: Option<Option<String>>,
    /// The new colour.
    pub color: Option<Color>,
    /// The new tags.
    pub tags: Option<Vec<String>>,
}

/// Which annotations to list; every field left `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationFilter {
    /// Only this article's.
    pub article: Option<ArticleId>,
    /// Only those with this tag (case-insensitive).
    pub tag: Option<String>,
    /// Only this colour.
    pub color: Option<Color>,
    /// Only this creator's.
    pub creator: Option<String>,
    /// Only those whose note contains these words (case-insensitive for ASCII).
    pub note_contains: Option<String>,
    /// Only those whose note, highlighted words or tags contain these words
    /// (case-insensitive for ASCII): the search box of a list of highlights.
    pub text: Option<String>,
}

/// The current time as ISO 8601 UTC with milliseconds, as every timestamp is stored.
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

impl Annotation {
    /// The W3C Web Annotation JSON-LD form (with `@context`).
    pub fn to_w3c(&self) -> Value {
        let mut body = Vec::new();
        if let Some(note) = &self.body.note {
            body.push(
                json!({"type": "TextualBody", "purpose": "commenting", "value": note, "format": "text/markdown"}),
            );
        }
        for tag in &self.body.tags {
            body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": tag}));
        }
        let quote = &self.target.selectors.quote;
        let mut selector = vec![json!({
            "type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix,
        })];
        if let Some(p) = self.target.selectors.position {
            selector.push(json!({"type": "TextPositionSelector", "start": p.start, "end": p.end}));
        }
        let mut source = json!({"id": format!("urn:uuid:{}", self.target.source.article), "type": "Text"});
        if let Some(url) = &self.target.source.url {
            source["canonical"] = json!(url);
        }
        let color = self.body.color;
        let mut out = json!({
            "@context": W3C_CONTEXT,
            "id": self.id,
            "type": "Annotation",
            "created": self.created,
            "modified": self.modified,
            "creator": {"type": "Person", "name": self.creator.name},
            "motivation": self.motivation.as_str(),
            "body": body,
            "stylesheet": {"type": "CssStylesheet", "value": format!(".{color} {{ background-color: {} }}", color.css())},
            "target": {"type": "SpecificResource", "source": source, "styleClass": color.as_str(), "selector": selector},
            "status": self.status.as_str(),
        });
        if let Some(deleted) = &self.deleted {
            out["deleted"] = json!(deleted);
        }
        out
    }

    /// Reads a W3C annotation leniently: `body` may be one object or an array (or absent,
    /// with `bodyValue` as the note), `target` an object or a one-element array, `selector`
    /// an object or an array; ids may be bare UUIDs or `urn:uuid:`. A missing `created` or
    /// `modified` takes the other, or now. Limits are enforced.
    pub fn from_w3c(value: &Value) -> Result<Annotation, AnnotationError> {
        let invalid = |why: &str| AnnotationError::Invalid(why.to_string());
        let obj = value.as_object().ok_or_else(|| invalid("not a JSON object"))?;
        if let Some(kind) = obj.get("type") {
            if !one_or_many(kind).any(|t| t.as_str() == Some("Annotation")) {
                return Err(invalid("`type` is not Annotation"));
            }
        }
        let id = obj
            .get("id")
            .and_then(Value::as_str)
            .and_then(AnnotationId::parse)
            .ok_or_else(|| invalid("`id` is missing or not a UUID"))?;
        let created = obj.get("created").and_then(Value::as_str).map(str::to_string);
        let modified = obj.get("modified").and_then(Value::as_str).map(str::to_string);
        let (created, modified) = match (created, modified) {
            (Some(c), Some(m)) => (c, m),
            (Some(c), None) => (c.clone(), c),
            (None, Some(m)) => (m.clone(), m),
            (None, None) => (now(), now()),
        };
        let creator = match obj.get("creator") {
            Some(Value::String(name)) => name.clone(),
            Some(Value::Object(c)) => {
                c.get("name").or_else(|| c.get("nickname")).and_then(Value::as_str).unwrap_or("").to_string()
            }
            _ => String::new(),
        };
        let creator = Creator { name: if creator.trim().is_empty() { "unknown".into() } else { creator } };

        let mut body = Body::default();
        if let Some(note) = obj.get("bodyValue").and_then(Value::as_str) {
            body.note = Some(note.to_string());
        }
        for item in obj.get("body").map(one_or_many).into_iter().flatten() {
            let Some(text) = item.get("value").and_then(Value::as_str) else { continue };
            match item.get("purpose").and_then(Value::as_str) {
                Some("tagging") => body.tags.push(text.to_string()),
                Some("commenting" | "describing") | None => body.note = Some(text.to_string()),
                Some(_) => {}
            }
        }

        let target = obj.get("target").and_then(|t| one_or_many(t).next()).ok_or_else(|| invalid("no `target`"))?;
        if let Some(class) = target.get("styleClass").and_then(Value::as_str) {
            // An unknown class (another tool's styling) keeps the default colour.
            body.color = class.parse().unwrap_or_default();
        }
        let body = body.normalized()?;
        let source = source(target.get("source").ok_or_else(|| invalid("the target has no `source`"))?)?;
        let mut quote = None;
        let mut position = None;
        for selector in target.get("selector").map(one_or_many).into_iter().flatten() {
            let text = |key: &str| selector.get(key).and_then(Value::as_str).unwrap_or("").to_string();
            match selector.get("type").and_then(Value::as_str) {
                Some("TextQuoteSelector") => {
                    quote =
                        Some(TextQuoteSelector { exact: text("exact"), prefix: text("prefix"), suffix: text("suffix") })
                }
                Some("TextPositionSelector") => {
                    let at = |key: &str| selector.get(key).and_then(Value::as_u64).map(|n| n as usize);
                    if let (Some(start), Some(end)) = (at("start"), at("end")) {
                        position = (start <= end).then_some(TextPositionSelector { start, end });
                    }
                }
                _ => {}
            }
        }
        let quote = quote.filter(|q| !q.exact.is_empty()).ok_or_else(|| invalid("no TextQuoteSelector"))?;
        check_len("the quote", &quote.exact, MAX_QUOTE)?;
        let status = match obj.get("status").and_then(Value::as_str) {
            Some("orphan") => Status::Orphan,
            _ => Status::Anchored,
        };
        Ok(Annotation {
            id,
            created,
            modified,
            creator,
            motivation: body.motivation(),
            body,
            target: Target { source, selectors: Selectors { quote, position } },
            status,
            deleted: obj.get("deleted").and_then(Value::as_str).map(str::to_string),
        })
    }
}

/// A JSON value that may be one item or an array of them, as items.
fn one_or_many(value: &Value) -> Box<dyn Iterator<Item = &Value> + '_> {
    match value {
        Value::Array(items) => Box::new(items.iter()),
        one => Box::new(std::iter::once(one)),
    }
}

/// The target's source: `{"id": "urn:uuid:…", "canonical": URL}` or a bare `urn:uuid:…` id.
fn source(value: &Value) -> Result<TargetSource, AnnotationError> {
    let (id, url) = match value {
        Value::String(id) => (id.as_str(), None),
        Value::Object(o) => (
            o.get("id").and_then(Value::as_str).unwrap_or(""),
            o.get("canonical").or_else(|| o.get("url")).and_then(Value::as_str).map(str::to_string),
        ),
        _ => ("", None),
    };
    let article = AnnotationId::parse(id).ok_or_else(|| {
        AnnotationError::Invalid(format!("the target source `{id}` names no Lectern article (urn:uuid:…)"))
    })?;
    Ok(TargetSource { article: ArticleId(article.0), url })
}

impl Serialize for Annotation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_w3c().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Annotation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Annotation::from_w3c(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Annotation {
        let body = Body { note: Some("Why *here*?".into()), tags: vec!["river".into()], color: Color::Green };
        Annotation {
            id: AnnotationId::new(),
            created: now(),
            modified: now(),
            creator: Creator { name: "Ana".into() },
            motivation: body.motivation(),
            body,
            target: Target {
                source: TargetSource { article: ArticleId::new(), url: Some("https://a.example/r".into()) },
                selectors: Selectors {
                    quote: TextQuoteSelector { exact: "clear".into(), prefix: "runs ".into(), suffix: " again".into() },
                    position: Some(TextPositionSelector { start: 5, end: 10 }),
                },
            },
            status: Status::Anchored,
            deleted: None,
        }
    }

    #[test]
    fn round_trips_through_w3c_json() {
        let a = sample();
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["@context"], W3C_CONTEXT);
        assert_eq!(json["type"], "Annotation");
        assert_eq!(json["motivation"], "commenting");
        assert_eq!(json["target"]["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(json["target"]["selector"][1]["start"], 5);
        assert_eq!(json["target"]["styleClass"], "green");
        let back: Annotation = serde_json::from_value(json).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn imports_leniently() {
        let article = ArticleId::new();
        let json = json!({
            "id": format!("urn:uuid:{}", AnnotationId::new()),
            "type": ["Annotation"],
            "bodyValue": "A note",
            "creator": "Bo",
            "target": [{"source": format!("urn:uuid:{article}"),
                        "selector": {"type": "TextQuoteSelector", "exact": "clear"}}],
        });
        let a = Annotation::from_w3c(&json).unwrap();
        assert_eq!(a.body.note.as_deref(), Some("A note"));
        assert_eq!(a.creator.name, "Bo");
        assert_eq!(a.target.source.article, article);
        assert_eq!(a.target.selectors.position, None);
        assert_eq!(a.motivation, Motivation::Commenting);
        assert!(Annotation::from_w3c(&json!({"id": "x"})).is_err());
        assert!(Annotation::from_w3c(&json!([1])).is_err());
    }

    #[test]
    fn motivation_follows_the_body() {
        assert_eq!(Body::default().motivation(), Motivation::Highlighting);
        assert_eq!(Body { tags: vec!["t".into()], ..Body::default() }.motivation(), Motivation::Tagging);
        let body =
            Body { note: Some("  ".into()), tags: vec![" a ".into(), "A".into(), "".into()], color: Color::Blue };
        let body = body.normalized().unwrap();
        assert_eq!(body.note, None);
        assert_eq!(body.tags, ["a"]);
        assert!("Purple".parse::<Color>().is_ok());
        assert!("red".parse::<Color>().is_err());
    }
}
