//! Walks the extracted content's DOM into Lectern blocks.
//!
//! The walk mirrors how a browser lays the content out: block elements (`p`, `div`, `li`,
//! headings…) end the running text and start a new block, inline elements (`em`, `a`,
//! `span`…) add marks to it, and text sitting directly in a `div` is a paragraph of its own.
//! Only text, marks, and vetted URLs leave this module, so whatever the page carried
//! (scripts, handlers, frames, styles) is dropped by construction; the skip list below
//! additionally keeps the *text* of non-rendered elements out of the article.

use super::inline::Inline;
use super::urls;
use crate::document::{Block, BlockKind, Image, MarkKind};
use crate::text::normalize_space;
use dom_query::NodeRef;
use url::Url;

/// Elements whose content is never shown as article text: code, styles, embedded
/// documents, vector graphics (which may hold script), media and form controls.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "svg",
    "canvas",
    "video",
    "audio",
    "source",
    "track",
    "map",
    "input",
    "button",
    "select",
    "textarea",
    "option",
    "optgroup",
    "datalist",
    "output",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "dialog",
    "math-annotation",
];

/// Elements that end the running text and start a new block.
const BLOCK_LEVEL: &[&str] = &[
    "address",
    "article",
    "aside",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "footer",
    "form",
    "header",
    "hgroup",
    "html",
    "legend",
    "main",
    "menu",
    "nav",
    "p",
    "section",
    "summary",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
];

/// Deeper than any real page nests; beyond it content is dropped rather than risk the stack.
const MAX_DEPTH: usize = 400;

/// The blocks of the content under `root`; relative URLs resolve against `base`.
pub fn blocks_of(root: &NodeRef, base: Option<&Url>) -> Vec<Block> {
    let mut walker = Walker { base, ..Walker::default() };
    walker.walk_children(root, 0);
    walker.flush();
    walker.blocks
}

/// What the running text of the current block is part of.
#[derive(Debug, Clone, Copy)]
enum Context {
    Quote,
    ListItem { ordered: bool, depth: u8 },
}

#[derive(Default)]
struct Walker<'b> {
    base: Option<&'b Url>,
    blocks: Vec<Block>,
    inline: Inline,
    context: Vec<Context>,
    /// Whether each enclosing list is ordered, innermost last.
    lists: Vec<bool>,
    /// Inside a table cell or caption: block boundaries become spaces, images are skipped.
    flat: usize,
    /// Inside `pre`: whitespace is kept.
    pre: usize,
}

impl Walker<'_> {
    fn walk_children(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            self.walk(&child, depth + 1);
        }
    }

    fn walk(&mut self, node: &NodeRef, depth: usize) {
        if node.is_text() {
            let text = node.text();
            if self.pre > 0 {
                self.inline.push_raw(&text);
            } else {
                self.inline.push_text(&text);
            }
            return;
        }
        if !node.is_element() || depth > MAX_DEPTH {
            return;
        }
        let Some(name) = node.node_name() else { return };
        let name = name.to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) || is_hidden(node) {
            return;
        }
        match name.as_str() {
            "br" => {
                if self.flat > 0 {
                    self.inline.separate();
                } else if self.pre > 0 {
                    self.inline.push_raw("\n");
                } else {
                    self.inline.push_break();
                }
            }
            "hr" => self.boundary(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.flat == 0 => {
                let level = name.as_bytes()[1] - b'0';
                self.flush();
                self.walk_children(node, depth);
                self.flush_as(BlockKind::Heading { level });
            }
            "blockquote" if self.flat == 0 => self.within(Context::Quote, node, depth),
            "ul" | "ol" if self.flat == 0 => {
                self.flush();
                self.lists.push(name == "ol");
                self.walk_children(node, depth);
                self.flush();
                self.lists.pop();
            }
            "li" if self.flat == 0 => {
                let ordered = self.lists.last().copied().unwrap_or(false);
                let depth_in_lists = self.lists.len().saturating_sub(1).min(u8::MAX as usize) as u8;
                self.within(Context::ListItem { ordered, depth: depth_in_lists }, node, depth);
            }
            "pre" if self.flat == 0 => {
                self.flush();
                self.pre += 1;
                self.walk_children(node, depth);
                self.pre -= 1;
                self.flush_as(BlockKind::Preformatted);
            }
            "table" if self.flat == 0 => self.table(node, depth),
            "figure" if self.flat == 0 => self.figure(node, depth),
            "img" => {
                if self.flat == 0 {
                    if let Some(image) = image_of(node, self.base) {
                        self.flush();
                        self.blocks.push(Block::new(BlockKind::Figure { image }, ""));
                    }
                }
            }
            "a" => {
                let href = node.attr("href").and_then(|h| urls::link(&h, self.base));
                match href {
                    Some(href) => self.marked(MarkKind::Link { href }, node, depth),
                    None => self.walk_children(node, depth),
                }
            }
            "em" | "i" | "cite" | "dfn" | "var" => self.marked(MarkKind::Emphasis, node, depth),
            "strong" | "b" => self.marked(MarkKind::Strong, node, depth),
            "code" | "kbd" | "samp" | "tt" if self.pre == 0 => self.marked(MarkKind::Code, node, depth),
            "sup" => self.marked(MarkKind::Superscript, node, depth),
            "sub" => self.marked(MarkKind::Subscript, node, depth),
            other if BLOCK_LEVEL.contains(&other) || other.starts_with('h') && other.len() == 2 => {
                self.boundary();
                self.walk_children(node, depth);
                self.boundary();
            }
            "li" | "ul" | "ol" | "blockquote" | "pre" | "table" | "figure" => {
                // Structure inside a flattened cell or caption: just separate the words.
                self.boundary();
                self.walk_children(node, depth);
                self.boundary();
            }
            _ => self.walk_children(node, depth),
        }
    }

    /// A block boundary: ends the running text, or separates words where blocks cannot nest.
    fn boundary(&mut self) {
        if self.flat > 0 {
            self.inline.separate();
        } else {
            self.flush();
        }
    }

    fn within(&mut self, context: Context, node: &NodeRef, depth: usize) {
        self.flush();
        self.context.push(context);
        self.walk_children(node, depth);
        self.flush();
        self.context.pop();
    }

    fn marked(&mut self, kind: MarkKind, node: &NodeRef, depth: usize) {
        self.inline.open(kind);
        self.walk_children(node, depth);
        self.inline.close();
    }

    /// Ends the running text as a block of the kind its context gives it.
    fn flush(&mut self) {
        let kind = match self.context.last() {
            Some(Context::Quote) => BlockKind::Quote,
            Some(Context::ListItem { ordered, depth }) => BlockKind::ListItem { ordered: *ordered, depth: *depth },
            None => BlockKind::Paragraph,
        };
        self.flush_as(kind);
    }

    fn flush_as(&mut self, kind: BlockKind) {
        if self.inline.is_empty() {
            self.inline.take();
            return;
        }
        let (text, marks) = self.inline.take();
        if !text.is_empty() {
            self.blocks.push(Block { kind, text, marks });
        }
    }

    /// The text of `node` laid out on one line, without marks (cells, captions).
    fn flat_text(&mut self, node: &NodeRef, depth: usize) -> (String, Vec<crate::document::Mark>) {
        self.flush();
        self.flat += 1;
        self.walk_children(node, depth);
        self.flat -= 1;
        let (text, marks) = self.inline.take();
        (text.replace('\n', " "), marks)
    }

    fn figure(&mut self, node: &NodeRef, depth: usize) {
        let images: Vec<Image> = node
            .descendants_it()
            .filter(|d| d.has_name("img") && !inside(d, node, "figcaption") && !is_hidden(d))
            .filter_map(|img| image_of(&img, self.base))
            .collect();
        if images.is_empty() {
            // A figure holding a quotation, a code listing or a table: lay out its content.
            self.flush();
            self.walk_children(node, depth);
            self.flush();
            return;
        }
        // The caption is everything the figure says in words: figcaption, credits, notes.
        let (caption, marks) = self.flat_text(node, depth);
        for (i, image) in images.into_iter().enumerate() {
            let block = if i == 0 {
                Block { kind: BlockKind::Figure { image }, text: caption.clone(), marks: marks.clone() }
            } else {
                Block::new(BlockKind::Figure { image }, "")
            };
            self.blocks.push(block);
        }
    }

    fn table(&mut self, table: &NodeRef, depth: usize) {
        let rows = rows_of(table);
        if is_layout_table(table, &rows) {
            self.flush();
            self.walk_children(table, depth);
            self.flush();
            return;
        }
        if let Some(caption) = table.element_children().into_iter().find(|c| c.has_name("caption")) {
            let (text, marks) = self.flat_text(&caption, depth);
            if !text.is_empty() {
                self.blocks.push(Block { kind: BlockKind::Paragraph, text, marks });
            }
        }
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| cells_of(row).iter().map(|cell| self.flat_text(cell, depth).0.replace('\t', " ")).collect())
            .filter(|row: &Vec<String>| row.iter().any(|c| !c.is_empty()))
            .collect();
        if cells.is_empty() {
            return;
        }
        let text = cells.iter().map(|row| row.join("\t")).collect::<Vec<_>>().join("\n");
        self.blocks.push(Block::new(BlockKind::Table { rows: cells }, text));
    }
}

/// Not rendered: `hidden`, `aria-hidden="true"`, or an inline `display:none`/`visibility:hidden`.
/// (Readability.js spares `aria-hidden` images of class `fallback-image`; so do we.)
fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") && !node.has_class("fallback-image") {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn inside(node: &NodeRef, root: &NodeRef, name: &str) -> bool {
    node.ancestors_it(None).take_while(|a| a.id != root.id).any(|a| a.has_name(name))
}

/// The rows of a table, not of the tables nested in it.
fn rows_of<'a>(table: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let mut rows = Vec::new();
    for child in table.element_children() {
        if child.has_name("tr") {
            rows.push(child);
        } else if child.has_name("thead") || child.has_name("tbody") || child.has_name("tfoot") {
            rows.extend(child.element_children().into_iter().filter(|r| r.has_name("tr")));
        }
    }
    rows.retain(|r| !is_hidden(r));
    rows
}

fn cells_of<'a>(row: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    row.element_children().into_iter().filter(|c| (c.has_name("td") || c.has_name("th")) && !is_hidden(c)).collect()
}

/// A table used for page layout rather than data: one column, nested tables, or cells that
/// hold structured content. Its cells are laid out as ordinary blocks.
fn is_layout_table(table: &NodeRef, rows: &[NodeRef]) -> bool {
    const STRUCTURE: &[&str] =
        &["table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "figure"];
    if rows.iter().map(|r| cells_of(r).len()).max().unwrap_or(0) <= 1 {
        return true;
    }
    table.descendants_it().any(|d| d.node_name().is_some_and(|n| STRUCTURE.contains(&n.as_ref())))
}

/// The picture an `<img>` shows: its real source when the page lazy-loads it, only if the
/// URL is one Lectern may fetch, and not a tracking pixel.
fn image_of(img: &NodeRef, base: Option<&Url>) -> Option<Image> {
    const LAZY: &[&str] =
        &["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-hi-res-src", "data-url"];
    let declared = |name: &str| img.attr(name).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok());
    if declared("width").is_some_and(|w| w <= 2) || declared("height").is_some_and(|h| h <= 2) {
        return None;
    }
    let src = img.attr("src").map(|s| s.to_string()).unwrap_or_default();
    let placeholder = src.trim().is_empty() || src.trim_start().starts_with("data:") || looks_like_placeholder(&src);
    let lazy = LAZY.iter().filter_map(|a| img.attr(a)).map(|v| v.to_string());
    let srcsets = ["srcset", "data-srcset", "data-lazy-srcset"]
        .iter()
        .filter_map(|a| img.attr(a))
        .filter_map(|set| urls::best_of_srcset(&set).map(str::to_string))
        .collect::<Vec<_>>();
    let mut candidates: Vec<String> = Vec::new();
    if placeholder {
        candidates.extend(lazy);
        candidates.extend(srcsets);
        candidates.push(src);
    } else {
        candidates.push(src);
        candidates.extend(lazy);
        candidates.extend(srcsets);
    }
    let src = candidates.iter().find_map(|c| urls::image(c, base))?;
    let alt = img.attr("alt").map(|a| normalize_space(&a)).unwrap_or_default();
    Some(Image { src, alt, sha256: None })
}

fn looks_like_placeholder(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    ["placeholder", "blank.gif", "spacer.gif", "pixel.gif", "lazy-load", "lazyload", "transparent.gif", "grey.gif"]
        .iter()
        .any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Mark;

    fn blocks(html: &str) -> Vec<Block> {
        let doc = dom_query::Document::from(html);
        let base = Url::parse("https://example.com/a/page.html").unwrap();
        let body = doc.select("body");
        blocks_of(&body.nodes()[0], Some(&base))
    }

    fn texts(html: &str) -> Vec<String> {
        blocks(html).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn divs_with_direct_text_become_paragraphs() {
        assert_eq!(
            texts("<div>Loose text<p>A paragraph</p>more loose <b>text</b></div>"),
            vec!["Loose text", "A paragraph", "more loose text"]
        );
    }

    #[test]
    fn headings_lists_and_quotes() {
        let b = blocks("<h2>Part</h2><ol><li>one<ul><li>inner</li></ul></li><li>two</li></ol><blockquote><p>q1</p><p>q2</p></blockquote>");
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Heading { level: 2 },
                BlockKind::ListItem { ordered: true, depth: 0 },
                BlockKind::ListItem { ordered: false, depth: 1 },
                BlockKind::ListItem { ordered: true, depth: 0 },
                BlockKind::Quote,
                BlockKind::Quote,
            ]
        );
    }

    #[test]
    fn breaks_pre_and_marks() {
        let b = blocks("<p>Line one<br>line <em>two</em> <a href='/x'>link</a> <a href='javascript:x()'>bad</a></p><pre>  a\n    b\n</pre>");
        assert_eq!(b[0].text, "Line one\nline two link bad");
        assert_eq!(b[0].marks[0], Mark { start: 14, end: 17, kind: MarkKind::Emphasis });
        assert_eq!(
            b[0].marks[1],
            Mark { start: 18, end: 22, kind: MarkKind::Link { href: "https://example.com/x".into() } }
        );
        assert_eq!(b[0].marks.len(), 2);
        assert_eq!(b[1].kind, BlockKind::Preformatted);
        assert_eq!(b[1].text, "  a\n    b");
    }

    #[test]
    fn data_and_layout_tables() {
        let b = blocks("<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2020</td><td>1<br>2</td></tr></table><table><tr><td>Just text</td></tr></table>");
        assert_eq!(b[0].text, "Year\tSales\n2020\t1 2");
        assert!(matches!(&b[0].kind, BlockKind::Table { rows } if rows.len() == 2));
        assert_eq!(b[1], Block::paragraph("Just text"));
    }

    #[test]
    fn figures_take_lazy_sources_and_captions() {
        let b = blocks(
            r#"<figure><img src="data:image/gif;base64,R0lG" data-src="/img/a.jpg" alt=" A  cat "><figcaption>The <em>cat</em></figcaption></figure><p>x<img src="t.gif" width="1" height="1"></p>"#,
        );
        assert_eq!(b.len(), 2);
        let BlockKind::Figure { image } = &b[0].kind else { panic!("not a figure: {:?}", b[0]) };
        assert_eq!(image.src, "https://example.com/img/a.jpg");
        assert_eq!(image.alt, "A cat");
        assert_eq!(b[0].text, "The cat");
    }

    #[test]
    fn hidden_and_active_content_leaves_no_text() {
        assert_eq!(
            texts(
                r#"<p>a<script>s()</script><span hidden>h</span><span style="display: none">d</span><span aria-hidden="true">r</span><svg><text>v</text></svg><button>b</button>z</p><template>t</template><iframe>i</iframe>"#
            ),
            vec!["az"]
        );
    }
}
