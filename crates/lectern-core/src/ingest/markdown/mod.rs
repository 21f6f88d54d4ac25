//! Markdown files, with optional front matter, read through `pulldown-cmark` into blocks.
//!
//! Markdown is the one source where the author, not a page template, chose the structure,
//! so it maps straight onto the block model: headings, paragraphs, quotes, list items (with
//! depth), code blocks, tables and figures, with emphasis, strong, code and link marks.
//!
//! Raw HTML is never passed on: HTML blocks are dropped whole, inline tags are dropped and
//! only the plain text between them is kept (none at all inside `<script>`, `<style>` and the
//! like). Links keep their mark only for `http`, `https` and `mailto` targets.

mod front_matter;

use crate::document::{Block, BlockKind, Document, Image, Mark, MarkKind, Metadata};
use crate::text::is_cjk;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use url::Url;

/// Inline HTML elements whose content is code or markup, not text: it is skipped up to the
/// closing tag.
const RAW_TEXT_ELEMENTS: &[&str] =
    &["script", "style", "textarea", "title", "iframe", "noscript", "template", "xmp", "object", "svg", "math"];

/// Parses a Markdown article into a document. `base` is the file's own `file://` URL (or
/// the page's address), against which relative image paths are resolved.
///
/// ```
/// use lectern_core::ingest::markdown::parse;
/// let doc = parse("---\ntitle: Notes\n---\nSome *old* [books](https://example.org).", None);
/// assert_eq!(doc.meta.title, "Notes");
/// assert_eq!(doc.text(), "Some old books.");
/// assert_eq!(doc.blocks[0].marks.len(), 2);
/// ```
pub fn parse(text: &str, base: Option<&Url>) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut builder = Builder { base, ..Builder::default() };
    for event in Parser::new_ext(text, options) {
        builder.event(event);
    }
    builder.flush();
    let Builder { mut meta, mut blocks, .. } = builder;

    // The title is shown once: as metadata. Without one in the front matter, the first
    // level-1 heading is the title; with one, a first heading repeating it is dropped.
    let is_h1 = |b: &Block| b.kind == BlockKind::Heading { level: 1 };
    if meta.title.trim().is_empty() {
        if let Some(at) = blocks.iter().position(is_h1) {
            meta.title = blocks.remove(at).text;
        }
    } else if blocks.first().is_some_and(|b| is_h1(b) && b.text.trim() == meta.title.trim()) {
        blocks.remove(0);
    }
    Document { meta, blocks }
}

/// A block being filled.
#[derive(Debug)]
struct OpenBlock {
    kind: BlockKind,
    text: String,
    /// Length of `text` in code points, the unit of mark offsets.
    len: usize,
    marks: Vec<Mark>,
}

/// A table being filled, row by row.
#[derive(Debug, Default)]
struct OpenTable {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
}

/// An image whose alt text is being read.
#[derive(Debug)]
struct OpenImage {
    /// The resolved address, or `None` when it is not one Lectern may keep.
    src: Option<String>,
    title: String,
    alt: String,
}

/// Turns pulldown-cmark's event stream into blocks.
#[derive(Debug, Default)]
struct Builder<'u> {
    base: Option<&'u Url>,
    meta: Metadata,
    blocks: Vec<Block>,
    current: Option<OpenBlock>,
    /// Open marks with their start; `None` for a link whose target was refused.
    marks: Vec<(Option<MarkKind>, usize)>,
    /// One entry per open list: whether it is numbered.
    lists: Vec<bool>,
    quote_depth: usize,
    table: Option<OpenTable>,
    image: Option<OpenImage>,
    in_code: bool,
    in_html_block: bool,
    in_front_matter: bool,
    front_matter: String,
    /// Inside an inline `<script>`…: the element whose closing tag ends the skip.
    raw_text_until: Option<&'static str>,
    /// A soft line break is pending: a space, unless it falls between CJK characters.
    soft_break: bool,
    /// `[1] ` before the first block of a footnote definition.
    footnote_label: Option<String>,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => {
                if self.table.is_some() || self.image.is_some() {
                    self.text(&code);
                } else {
                    let start = self.open().len;
                    self.push_text(&code);
                    self.add_mark(MarkKind::Code, start);
                }
            }
            Event::InlineHtml(html) => self.inline_html(&html),
            // Raw HTML blocks (and the HTML inside them) are never content.
            Event::Html(_) => {}
            Event::FootnoteReference(label) => {
                let start = self.open().len;
                self.push_text(&format!("[{label}]"));
                self.add_mark(MarkKind::Superscript, start);
            }
            Event::SoftBreak => self.soft_break = true,
            Event::HardBreak => {
                if self.table.is_some() {
                    self.text(" ");
                } else {
                    self.push_text("\n");
                }
            }
            Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                // A loose list item's first paragraph fills the item itself.
                let empty_item =
                    matches!(&self.current, Some(b) if matches!(b.kind, BlockKind::ListItem { .. }) && b.len == 0);
                if !empty_item {
                    self.begin(self.prose_kind());
                }
            }
            Tag::Heading { level, .. } => {
                let kind = if self.quote_depth > 0 {
                    BlockKind::Quote
                } else {
                    BlockKind::Heading { level: heading_level(level) }
                };
                self.begin(kind);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            // The info string (`rust`, `js`) names the language, and is not content.
            Tag::CodeBlock(_) => {
                self.begin(BlockKind::Preformatted);
                self.in_code = true;
            }
            Tag::HtmlBlock => {
                self.flush();
                self.in_html_block = true;
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(first.is_some());
            }
            Tag::Item => {
                let ordered = self.lists.last().copied().unwrap_or(false);
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                self.begin(BlockKind::ListItem { ordered, depth });
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.footnote_label = Some(label.to_string());
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(OpenTable::default());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.row.clear();
                }
            }
            Tag::TableCell => {
                if let Some(table) = &mut self.table {
                    table.cell.clear();
                }
            }
            Tag::Emphasis => self.open_mark(Some(MarkKind::Emphasis)),
            Tag::Strong => self.open_mark(Some(MarkKind::Strong)),
            Tag::Superscript => self.open_mark(Some(MarkKind::Superscript)),
            Tag::Subscript => self.open_mark(Some(MarkKind::Subscript)),
            Tag::Link { dest_url, .. } => {
                let href = self.link_target(&dest_url);
                self.open_mark(href.map(|href| MarkKind::Link { href }));
            }
            Tag::Image { dest_url, title, .. } => {
                let src = self.image_source(&dest_url);
                self.image = Some(OpenImage { src, title: title.to_string(), alt: String::new() });
            }
            Tag::MetadataBlock(_) => self.in_front_matter = true,
            // Strikethrough has no mark (the text reads the same); definition lists read
            // as their paragraphs.
            Tag::Strikethrough | Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item => self.flush(),
            TagEnd::CodeBlock => {
                if let Some(block) = &mut self.current {
                    let trimmed = block.text.trim_end_matches('\n').len();
                    block.text.truncate(trimmed);
                }
                self.in_code = false;
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::HtmlBlock => self.in_html_block = false,
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.footnote_label = None;
            }
            TagEnd::TableCell => {
                if let Some(table) = &mut self.table {
                    let cell = crate::text::normalize_space(&table.cell.replace('\t', " "));
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.rows.push(std::mem::take(&mut table.row));
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let text = table.rows.iter().map(|row| row.join("\t")).collect::<Vec<_>>().join("\n");
                    self.blocks.push(Block::new(BlockKind::Table { rows: table.rows }, text));
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Superscript | TagEnd::Subscript | TagEnd::Link => {
                self.close_mark()
            }
            TagEnd::Image => self.end_image(),
            TagEnd::MetadataBlock(_) => {
                self.in_front_matter = false;
                front_matter::apply(&std::mem::take(&mut self.front_matter), &mut self.meta);
            }
            TagEnd::Strikethrough
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
        }
    }

    /// Text as the document says it, routed to wherever it currently belongs.
    fn text(&mut self, text: &str) {
        if self.in_html_block || self.raw_text_until.is_some() {
            return;
        }
        if self.in_front_matter {
            self.front_matter.push_str(text);
        } else if let Some(image) = &mut self.image {
            image.alt.push_str(text);
        } else if let Some(table) = &mut self.table {
            table.cell.push_str(text);
        } else {
            self.push_text(text);
        }
    }

    /// Inline tags are dropped; after an opening `<script>` (or the like) so is everything
    /// up to its closing tag, since what is inside is code, not text.
    fn inline_html(&mut self, html: &str) {
        let tag = html.trim_start_matches('<').to_ascii_lowercase();
        match self.raw_text_until {
            Some(name) => {
                if tag.strip_prefix('/').is_some_and(|t| starts_with_element(t, name)) {
                    self.raw_text_until = None;
                }
            }
            None => {
                self.raw_text_until = RAW_TEXT_ELEMENTS.iter().copied().find(|name| starts_with_element(&tag, name))
            }
        }
    }

    /// Paragraphs inside a block quote are quotes.
    fn prose_kind(&self) -> BlockKind {
        if self.quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    /// The block being filled, opening a paragraph if text arrives outside one (in a tight
    /// list item it never does; after a figure split it may).
    fn open(&mut self) -> &mut OpenBlock {
        if self.current.is_none() {
            let kind = self.prose_kind();
            self.begin(kind);
        }
        self.current.as_mut().expect("a block was just opened")
    }

    fn begin(&mut self, kind: BlockKind) {
        self.flush();
        self.soft_break = false;
        self.current = Some(OpenBlock { kind, text: String::new(), len: 0, marks: Vec::new() });
        if let Some(label) = self.footnote_label.take() {
            self.push_text(&format!("[{label}] "));
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.in_html_block || self.raw_text_until.is_some() {
            return;
        }
        let in_code = self.in_code;
        let soft_break = std::mem::take(&mut self.soft_break);
        let block = self.open();
        // A new block does not start with the whitespace left over from a split.
        let text = if block.len == 0 && !in_code { text.trim_start() } else { text };
        if soft_break && block.len > 0 {
            // Chinese wraps without spaces: a line break between two CJK characters is
            // nothing, elsewhere it is a space.
            let tight = block.text.ends_with(is_cjk) && text.starts_with(is_cjk);
            if !tight {
                block.text.push(' ');
                block.len += 1;
            }
        }
        block.text.push_str(text);
        block.len += text.chars().count();
    }

    fn open_mark(&mut self, kind: Option<MarkKind>) {
        let start = if self.image.is_some() || self.table.is_some() { 0 } else { self.open().len };
        self.marks.push((kind, start));
    }

    fn close_mark(&mut self) {
        if let Some((Some(kind), start)) = self.marks.pop() {
            if self.image.is_none() && self.table.is_none() {
                self.add_mark(kind, start);
            }
        }
    }

    fn add_mark(&mut self, kind: MarkKind, start: usize) {
        if let Some(block) = &mut self.current {
            if block.len > start {
                block.marks.push(Mark { start, end: block.len, kind });
            }
        }
    }

    /// Ends an image: a figure of its own (splitting the paragraph it sat in), or, when its
    /// address was refused, just its alt text in the running text.
    fn end_image(&mut self) {
        let Some(image) = self.image.take() else {
            return;
        };
        let caption = if image.alt.trim().is_empty() { image.title } else { image.alt };
        let caption = crate::text::normalize_space(&caption);
        match image.src {
            Some(src) if self.table.is_none() => {
                // Marks still open (a linked image) close here and reopen after the figure.
                let kind = self.current.as_ref().map(|b| b.kind.clone());
                let open: Vec<(Option<MarkKind>, usize)> = self.marks.clone();
                for (mark, start) in open.iter().rev() {
                    if let Some(mark) = mark {
                        self.add_mark(mark.clone(), *start);
                    }
                }
                self.flush();
                let alt = caption.clone();
                self.blocks.push(Block::new(BlockKind::Figure { image: Image { src, alt, sha256: None } }, caption));
                if let Some(kind) = kind {
                    self.current = Some(OpenBlock { kind, text: String::new(), len: 0, marks: Vec::new() });
                    self.marks = open.into_iter().map(|(mark, _)| (mark, 0)).collect();
                }
            }
            _ => self.text(&caption),
        }
    }

    /// Closes the block being filled; an empty one leaves nothing behind.
    fn flush(&mut self) {
        if let Some(mut block) = self.current.take() {
            let trimmed = block.text.trim_end().len();
            block.text.truncate(trimmed);
            let len = block.text.chars().count();
            for mark in &mut block.marks {
                mark.end = mark.end.min(len);
            }
            block.marks.retain(|m| m.start < m.end);
            if !block.text.trim().is_empty() {
                self.blocks.push(Block { kind: block.kind, text: block.text, marks: block.marks });
            }
        }
    }

    /// A link target Lectern keeps: absolute (or made so by the base) `http`, `https` or
    /// `mailto`. Anything else (`javascript:`, `data:`, a relative path in a local file)
    /// loses its mark and keeps its text.
    fn link_target(&self, dest: &str) -> Option<String> {
        let url = Url::parse(dest).or_else(|_| self.base.ok_or(url::ParseError::EmptyHost)?.join(dest)).ok()?;
        matches!(url.scheme(), "http" | "https" | "mailto").then(|| url.to_string())
    }

    /// An image address Lectern may fetch or read: web images, and files beside the
    /// Markdown file (the ingest step checks they stay inside its folder).
    fn image_source(&self, dest: &str) -> Option<String> {
        let url = Url::parse(dest).or_else(|_| self.base.ok_or(url::ParseError::EmptyHost)?.join(dest)).ok()?;
        matches!(url.scheme(), "http" | "https" | "file").then(|| url.to_string())
    }
}

/// True when `tag` (lowercased, without `<`) opens the element `name`: `script>` or
/// `script src=…`, but not `scripted`.
fn starts_with_element(tag: &str, name: &str) -> bool {
    tag.strip_prefix(name).is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_ascii_alphanumeric()))
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks_of(block: &Block) -> Vec<(usize, usize, MarkKind)> {
        block.marks.iter().map(|m| (m.start, m.end, m.kind.clone())).collect()
    }

    /// No block text, alt text, caption or link target may carry markup or script.
    fn assert_no_markup(doc: &Document) {
        for block in &doc.blocks {
            for bad in ["<", ">", "script", "onerror", "javascript"] {
                assert!(!block.text.to_lowercase().contains(bad), "{bad} in {:?}", block.text);
                for mark in &block.marks {
                    if let MarkKind::Link { href } = &mark.kind {
                        assert!(!href.to_lowercase().contains(bad), "{bad} in {href}");
                    }
                }
                if let BlockKind::Figure { image } = &block.kind {
                    assert!(!image.alt.to_lowercase().contains(bad) && !image.src.contains(bad));
                }
            }
        }
    }

    #[test]
    fn structure_maps_onto_blocks() {
        let doc = parse(
            "# Title\n\nIntro *one* **two** `three`.\n\n## Part\n\n> Quoted\n> line\n\n- a\n  - b\n1. c\n\n```rust\nfn main() {}\n```\n\n| x | y |\n|---|---|\n| 1 | 2 |\n",
            None,
        );
        assert_eq!(doc.meta.title, "Title");
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading { level: 2 },
                BlockKind::Quote,
                BlockKind::ListItem { ordered: false, depth: 0 },
                BlockKind::ListItem { ordered: false, depth: 1 },
                BlockKind::ListItem { ordered: true, depth: 0 },
                BlockKind::Preformatted,
                BlockKind::Table { rows: vec![vec!["x".into(), "y".into()], vec!["1".into(), "2".into()]] },
            ]
        );
        assert_eq!(doc.blocks[0].text, "Intro one two three.");
        assert_eq!(
            marks_of(&doc.blocks[0]),
            [(6, 9, MarkKind::Emphasis), (10, 13, MarkKind::Strong), (14, 19, MarkKind::Code)]
        );
        assert_eq!(doc.blocks[2].text, "Quoted line");
        assert_eq!(doc.blocks[6].text, "fn main() {}");
        assert_eq!(doc.blocks[7].text, "x\ty\n1\t2");
    }

    #[test]
    fn mark_offsets_count_code_points() {
        let doc = parse("古籍 *保护* [网站](https://example.org/古)", None);
        let block = &doc.blocks[0];
        assert_eq!(block.text, "古籍 保护 网站");
        assert_eq!(marks_of(block)[0], (3, 5, MarkKind::Emphasis));
        assert_eq!(marks_of(block)[1].0..marks_of(block)[1].1, 6..8);
    }

    #[test]
    fn chinese_soft_breaks_add_no_space() {
        let doc = parse("古籍保护\n工作进展\nand English\nwords", None);
        assert_eq!(doc.blocks[0].text, "古籍保护工作进展 and English words");
    }

    #[test]
    fn only_web_and_mail_links_keep_their_mark() {
        let doc = parse(
            "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,hi) [m](mailto:a@example.org) [w](https://example.org)",
            None,
        );
        assert_eq!(doc.blocks[0].text, "x y z m w");
        let hrefs: Vec<String> = doc.blocks[0]
            .marks
            .iter()
            .filter_map(|m| match &m.kind {
                MarkKind::Link { href } => Some(href.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(hrefs, ["mailto:a@example.org", "https://example.org/"]);
        assert_no_markup(&doc);
    }

    #[test]
    fn raw_html_leaves_no_trace() {
        let doc = parse(
            "Before <script>alert(1)</script> after <img src=x onerror=alert(1)> end.\n\n\
             <script>\nalert(2)\n</script>\n\n\
             <div onclick=\"evil()\">block</div>\n\n\
             Text with <b>bold</b> and <a href=\"javascript:alert(3)\">a link</a>.\n\n\
             ![<img onerror=alert(4)>](javascript:alert(5))\n",
            None,
        );
        assert_no_markup(&doc);
        let text = doc.text();
        assert!(text.contains("Before"), "{text}");
        assert!(text.contains("after"));
        assert!(text.contains("Text with bold and a link."));
        assert!(!text.contains("alert"), "{text}");
        assert!(doc.blocks.iter().all(|b| b.marks.is_empty()));
    }

    #[test]
    fn images_become_figures_resolved_against_the_base() {
        let base = Url::parse("file:///notes/article.md").unwrap();
        let doc = parse(
            "Look:\n\n![A chart](images/chart.png \"Sales\")\n\nText ![](https://e.org/a.png \"Title only\") more",
            Some(&base),
        );
        let figures: Vec<(String, String)> = doc.images().map(|i| (i.src.clone(), i.alt.clone())).collect();
        assert_eq!(
            figures,
            [
                ("file:///notes/images/chart.png".to_string(), "A chart".to_string()),
                ("https://e.org/a.png".to_string(), "Title only".to_string()),
            ]
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Look:", "A chart", "Text", "Title only", "more"]);
    }

    #[test]
    fn front_matter_title_wins_and_is_not_repeated() {
        let doc = parse("---\ntitle: Notes\ndate: 2022-03-14\n---\n\n# Notes\n\nBody.\n", None);
        assert_eq!(doc.meta.title, "Notes");
        assert_eq!(doc.meta.published.as_deref(), Some("2022-03-14"));
        assert_eq!(doc.text(), "Body.");
        let toml = parse("+++\ntitle = \"笔记\"\n+++\n\n正文。\n", None);
        assert_eq!(toml.meta.title, "笔记");
        assert_eq!(toml.text(), "正文。");
    }

    #[test]
    fn footnotes_and_task_lists_read_as_text() {
        let doc = parse("Claim.[^1]\n\n- [x] done\n\n[^1]: The source.\n", None);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Claim.[1]", "[x] done", "[1] The source."]);
    }
}
