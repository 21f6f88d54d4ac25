//! Highlights, notes and key-quote suggestions: list (one article's, or the library's with
//! filters), create from a selection, edit, delete and undo, re-attach an orphan, suggest,
//! dismiss, and the name annotations are made under.
//!
//! The UI gets a flat shape ([`Highlight`]) rather than the W3C JSON-LD one the core
//! serializes to: offsets, words, body, creator (always: the study-group layers colour and
//! hide by it), and the note already rendered to safe HTML by the core.

use crate::error::{Error, Result};
use crate::state::Shared;
use lectern_core::annotation::{
    render_note, Annotation, AnnotationEdit, AnnotationFilter, AnnotationId, Body, Color, Selection, Status,
};
use lectern_core::quotes::QuoteSuggestion;
use lectern_core::store::ArticleId;
use lectern_core::Library;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tauri::State;

/// One highlight as the UI uses it.
#[derive(Debug, Clone, Serialize)]
pub struct Highlight {
    id: AnnotationId,
    article: ArticleId,
    /// The article's title, in library-wide lists (empty in one article's list).
    #[serde(skip_serializing_if = "String::is_empty")]
    article_title: String,
    /// Code-point offsets in the canonical text (where the words were, for an orphan).
    start: usize,
    end: usize,
    /// The highlighted words, and a little context either side.
    exact: String,
    prefix: String,
    suffix: String,
    /// The note as written (Markdown), and as HTML that is safe to show.
    note: Option<String>,
    note_html: Option<String>,
    tags: Vec<String>,
    color: Color,
    creator: String,
    created: String,
    modified: String,
    /// Its words were not found in the article's current text: kept and listed, never
    /// painted, until the user re-attaches or deletes it.
    orphan: bool,
}

impl Highlight {
    fn new(annotation: Annotation, article_title: String) -> Highlight {
        let position = annotation.target.selectors.position.unwrap_or_default();
        let quote = annotation.target.selectors.quote;
        Highlight {
            id: annotation.id,
            article: annotation.target.source.article,
            article_title,
            start: position.start,
            end: position.end,
            exact: quote.exact,
            prefix: quote.prefix,
            suffix: quote.suffix,
            note_html: annotation.body.note.as_deref().map(render_note),
            note: annotation.body.note,
            tags: annotation.body.tags,
            color: annotation.body.color,
            creator: annotation.creator.name,
            created: annotation.created,
            modified: annotation.modified,
            orphan: annotation.status == Status::Orphan,
        }
    }
}

fn one(annotation: Annotation) -> Highlight {
    Highlight::new(annotation, String::new())
}

/// The name new highlights are made under, and whether the user chose it (else it is the
/// login name, and the app asks once).
#[derive(Debug, Clone, Serialize)]
pub struct CreatorName {
    name: String,
    chosen: bool,
}

fn creator_name(library: &Library) -> Result<CreatorName, lectern_core::Error> {
    Ok(CreatorName { name: library.creator()?, chosen: library.creator_chosen()? })
}

/// What the reader needs to paint and list an article's highlights.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleHighlights {
    /// In text order, orphans included.
    highlights: Vec<Highlight>,
    /// Key-quote suggestions still worth offering, best first.
    suggestions: Vec<QuoteSuggestion>,
    /// The palette, in order (the UI's keys 1–5).
    colors: Vec<Color>,
    creator: CreatorName,
}

/// An article's highlights, its key-quote suggestions, the palette and the creator's name.
#[tauri::command]
pub async fn article_highlights(state: State<'_, Shared>, id: ArticleId) -> Result<ArticleHighlights> {
    state
        .run(move |library| {
            let filter = AnnotationFilter { article: Some(id.clone()), ..Default::default() };
            Ok(ArticleHighlights {
                highlights: library.annotations(&filter)?.into_iter().map(one).collect(),
                suggestions: library.quotes(&id)?,
                colors: Color::ALL.to_vec(),
                creator: creator_name(library)?,
            })
        })
        .await
}

/// Which highlights a library-wide list shows; every field left out matches everything.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HighlightFilter {
    article: Option<ArticleId>,
    tag: Option<String>,
    color: Option<Color>,
    creator: Option<String>,
    /// Words in the note, the highlighted words or the tags.
    text: Option<String>,
}

/// Highlights across the library (or one article), filtered; most recently changed first
/// (one article's: in text order). Each carries its article's title.
#[tauri::command]
pub async fn list_highlights(state: State<'_, Shared>, filter: Option<HighlightFilter>) -> Result<Vec<Highlight>> {
    let filter = filter.unwrap_or_default();
    state
        .run(move |library| {
            let blank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
            // The rest, should the core's filter grow, matches everything.
            #[allow(clippy::needless_update)]
            let core = AnnotationFilter {
                article: filter.article,
                tag: blank(filter.tag),
                color: filter.color,
                creator: blank(filter.creator),
                text: blank(filter.text),
                ..Default::default()
            };
            let annotations = library.annotations(&core)?;
            let mut titles: HashMap<ArticleId, String> = HashMap::new();
            let mut out = Vec::with_capacity(annotations.len());
            for annotation in annotations {
                let article = &annotation.target.source.article;
                if !titles.contains_key(article) {
                    let title = library.store().article_summary(article)?.title;
                    titles.insert(article.clone(), title);
                }
                let title = titles[article].clone();
                out.push(Highlight::new(annotation, title));
            }
            Ok(out)
        })
        .await
}

/// Highlights `start..end` of an article's canonical text, with an optional note, colour
/// (default yellow) and tags.
#[tauri::command]
pub async fn create_highlight(
    state: State<'_, Shared>,
    article: ArticleId,
    start: usize,
    end: usize,
    note: Option<String>,
    color: Option<Color>,
    tags: Option<Vec<String>>,
) -> Result<Highlight> {
    let body = Body { note, tags: tags.unwrap_or_default(), color: color.unwrap_or_default() };
    state.run(move |library| Ok(one(library.highlight(&article, Selection::Range { start, end }, body)?))).await
}

/// Changes a highlight's note (an empty note removes it), colour or tags; what is left out
/// stays as it is.
#[tauri::command]
pub async fn edit_highlight(
    state: State<'_, Shared>,
    id: AnnotationId,
    note: Option<String>,
    color: Option<Color>,
    tags: Option<Vec<String>>,
) -> Result<Highlight> {
    // The core takes a blank note as no note.
    let edit = AnnotationEdit { note: note.map(Some), color, tags };
    state.run(move |library| Ok(one(library.edit_annotation(&id, edit)?))).await
}

/// Deletes a highlight; `undo_delete_highlight` brings it back.
#[tauri::command]
pub async fn delete_highlight(state: State<'_, Shared>, id: AnnotationId) -> Result<()> {
    state.run(move |library| library.delete_annotation(&id)).await
}

/// Brings back a deleted highlight.
#[tauri::command]
pub async fn undo_delete_highlight(state: State<'_, Shared>, id: AnnotationId) -> Result<Highlight> {
    state.run(move |library| Ok(one(library.undo_delete_annotation(&id)?))).await
}

/// Attaches a highlight (an orphan, usually) to `start..end` of its article's current text.
#[tauri::command]
pub async fn reattach_highlight(
    state: State<'_, Shared>,
    id: AnnotationId,
    start: usize,
    end: usize,
) -> Result<Highlight> {
    state.run(move |library| Ok(one(library.reattach_annotation(&id, start, end)?))).await
}

/// An article's key-quote suggestions still worth offering, best first.
#[tauri::command]
pub async fn quote_suggestions(state: State<'_, Shared>, id: ArticleId) -> Result<Vec<QuoteSuggestion>> {
    state.run(move |library| library.quotes(&id)).await
}

/// Dismisses the suggestion at `start..end`; returns its words (for `undismiss_quote`).
#[tauri::command]
pub async fn dismiss_quote(state: State<'_, Shared>, article: ArticleId, start: usize, end: usize) -> Result<String> {
    state.run(move |library| library.dismiss_quote(&article, start, end)).await
}

/// Offers a dismissed suggestion again, by its words.
#[tauri::command]
pub async fn undismiss_quote(state: State<'_, Shared>, article: ArticleId, text: String) -> Result<bool> {
    state.run(move |library| library.undismiss_quote(&article, &text)).await
}

/// The name new highlights are made under, and whether the user chose it.
#[tauri::command]
pub async fn get_creator(state: State<'_, Shared>) -> Result<CreatorName> {
    state.run(|library| creator_name(library)).await
}

/// Sets the name new highlights are made under (trimmed, 1–100 characters).
#[tauri::command]
pub async fn set_creator(state: State<'_, Shared>, name: String) -> Result<CreatorName> {
    if name.trim().is_empty() {
        return Err(Error::Invalid("a name cannot be empty".into()));
    }
    state
        .run(move |library| {
            library.set_creator(&name)?;
            creator_name(library)
        })
        .await
}
