//! The article document: metadata plus a list of blocks, and the canonical text they define.
//!
//! Every ingest path (URL, saved page, Markdown, plain text) produces this one shape, and
//! everything downstream (store, search, annotations, timeline, the UI) reads only this.
//! Blocks carry plain text and marks, never HTML: sanitizing happens by construction, since
//! there is no markup left to be dangerous.
//!
//! The **canonical text** is the blocks' texts joined with `"\n\n"`. All offsets anywhere in
//! Lectern are Unicode code points into it (DESIGN §2).

use serde::{Deserialize, Serialize};

/// The separator between blocks in the canonical text.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// A whole article: what it is (metadata) and what it says (blocks).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Title, byline, dates, breadcrumbs and the like.
    pub meta: Metadata,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

/// What is known about an article besides its content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The article's headline.
    pub title: String,
    /// The author(s), as the page names them.
    pub byline: Option<String>,
    /// The publisher or agency the page credits ("Source: Xinhua", "来源：人民网").
    pub source: Option<String>,
    /// The name of the website.
    pub site_name: Option<String>,
    /// ISO 8601: `2021-05-29T15:30:22`, or a date alone when the time is unknown.
    pub published: Option<String>,
    /// Primary language subtag, such as `en` or `zh`.
    pub language: Option<String>,
    /// The page's location trail without its label: `["HOME", "NEWS", "Local"]`.
    pub breadcrumbs: Vec<String>,
    /// Where the article was read from (the URL asked for, or the saved page's origin).
    pub url: Option<String>,
    /// The page's own idea of its address (`<link rel=canonical>`, `og:url`).
    pub canonical_url: Option<String>,
    /// A short summary, when the page offers one.
    pub excerpt: Option<String>,
}

/// One unit of content: a heading, a paragraph, a figure…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What kind of block this is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// The block's text (for a figure, its caption; for a table, its cells).
    pub text: String,
    /// Inline formatting over `text`, in code points relative to the block's start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// A section heading; `level` 1–6 as in HTML.
    Heading {
        /// 1 for the most important.
        level: u8,
    },
    /// Ordinary running text.
    Paragraph,
    /// A block quotation.
    Quote,
    /// One item of a list.
    ListItem {
        /// Numbered rather than bulleted.
        ordered: bool,
        /// 0 for a top-level item.
        depth: u8,
    },
    /// An image, with its caption as the block text (which may be empty).
    Figure {
        /// The picture itself.
        image: Image,
    },
    /// Preformatted text (code, poetry) whose line breaks matter.
    Preformatted,
    /// A table; the block text is its cells, tab-separated, one row per line.
    Table {
        /// The cells, row by row.
        rows: Vec<Vec<String>>,
    },
}

/// An image of a figure, stored in the library so it reads offline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Where the image came from (absolute URL); kept for reference, never loaded from.
    pub src: String,
    /// The alternative text.
    #[serde(default)]
    pub alt: String,
    /// SHA-256 (hex) of the stored bytes, or `None` when the image could not be obtained.
    #[serde(default)]
    pub sha256: Option<String>,
}

/// Inline formatting over a range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// First code point, relative to the block's text.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// What the range is.
    #[serde(flatten)]
    pub kind: MarkKind,
}

/// The kinds of inline formatting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mark", rename_all = "snake_case")]
pub enum MarkKind {
    /// `<em>`, `<i>`, `*text*`.
    Emphasis,
    /// `<strong>`, `<b>`, `**text**`.
    Strong,
    /// `<code>`.
    Code,
    /// A hyperlink; `href` is an absolute `http`, `https` or `mailto` URL (nothing else survives).
    Link {
        /// The target.
        href: String,
    },
    /// `<sup>`.
    Superscript,
    /// `<sub>`.
    Subscript,
}

impl Block {
    /// A block of the given kind with plain text and no marks.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block { kind, text: text.into(), marks: Vec::new() }
    }

    /// A plain paragraph.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Self::new(BlockKind::Paragraph, text)
    }

    /// A heading of the given level.
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Self::new(BlockKind::Heading { level }, text)
    }
}

impl Document {
    /// The canonical text: block texts joined with [`BLOCK_SEPARATOR`].
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str(BLOCK_SEPARATOR);
            }
            out.push_str(&block.text);
        }
        out
    }

    /// The code-point offset at which each block starts in the canonical text.
    pub fn block_starts(&self) -> Vec<usize> {
        let sep = BLOCK_SEPARATOR.chars().count();
        let mut starts = Vec::with_capacity(self.blocks.len());
        let mut at = 0;
        for block in &self.blocks {
            starts.push(at);
            at += block.text.chars().count() + sep;
        }
        starts
    }

    /// The headings' texts, in order.
    pub fn headings(&self) -> Vec<String> {
        self.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Heading { .. })).map(|b| b.text.clone()).collect()
    }

    /// The figures' images, in order.
    pub fn images(&self) -> impl Iterator<Item = &Image> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Figure { image } => Some(image),
            _ => None,
        })
    }

    /// Mutable access to the figures' images, to attach stored assets.
    pub fn images_mut(&mut self) -> impl Iterator<Item = &mut Image> {
        self.blocks.iter_mut().filter_map(|b| match &mut b.kind {
            BlockKind::Figure { image } => Some(image),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_joins_blocks_and_starts_count_code_points() {
        let doc = Document {
            meta: Metadata::default(),
            blocks: vec![Block::heading(2, "古籍"), Block::paragraph("Hello"), Block::paragraph("")],
        };
        assert_eq!(doc.text(), "古籍\n\nHello\n\n");
        assert_eq!(doc.block_starts(), vec![0, 4, 11]);
        assert_eq!(doc.headings(), vec!["古籍".to_string()]);
    }

    #[test]
    fn blocks_serialize_with_a_type_tag() {
        let block = Block::new(BlockKind::ListItem { ordered: true, depth: 0 }, "one");
        let json = serde_json::to_value(&block).unwrap();
        assert_eq!(json["type"], "list_item");
        assert_eq!(json["ordered"], true);
        let back: Block = serde_json::from_value(json).unwrap();
        assert_eq!(back, block);
    }
}
