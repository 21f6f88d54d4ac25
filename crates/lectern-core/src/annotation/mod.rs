//! Annotations: highlights and notes on an article's text, following the W3C Web Annotation
//! Data Model (DESIGN §6).
//!
//! - [`model`]: the annotation itself and its W3C JSON-LD form;
//! - [`anchor`](mod@anchor): finding an annotation's place again in a text that may have
//!   changed since (position, then exact quote, then fuzzy quote; else an orphan);
//! - [`note`]: a note's Markdown rendered to HTML that is safe to show;
//! - the store side lives in `store::annotations`.
//!
//! ```
//! use lectern_core::annotation::{anchor, selectors_for, Anchor, Selectors};
//! let text = "The river runs clear. The river runs fast.";
//! let (quote, position) = selectors_for(text, 22, 41).unwrap();
//! assert_eq!(quote.exact, "The river runs fast");
//! let edited = format!("Today: {text}");
//! let found = anchor(&edited, &Selectors { quote, position: Some(position) });
//! assert_eq!(found, Anchor::Exact { start: 29, end: 48 });
//! ```

pub mod anchor;
mod error;
mod fuzzy;
pub mod model;
pub mod note;

pub use anchor::{anchor, selectors_for, Anchor, Anchorer, CONTEXT_LENGTH};
pub use error::AnnotationError;
pub use model::{
    Annotation, AnnotationEdit, AnnotationFilter, AnnotationId, Body, Color, Creator, Motivation, Selection, Selectors,
    Status, Target, TargetSource, TextPositionSelector, TextQuoteSelector,
};
pub use note::render_note;
