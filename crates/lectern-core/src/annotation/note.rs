//! A note's Markdown rendered to HTML that is safe to put in the reader.
//!
//! Notes come from the user and, through study groups, from other people: they are
//! untrusted. pulldown-cmark parses them, and this module writes the HTML itself from the
//! parser's events, so nothing reaches the output that is not produced here:
//! - every piece of text is escaped;
//! - raw HTML (blocks and inline) is dropped, not escaped into view: it is almost always
//!   pasted markup, and showing tags to the reader helps no one;
//! - links keep only `http`, `https` and `mailto` targets (others become plain text), and
//!   open nothing by themselves (`rel="nofollow noopener noreferrer"`);
//! - images become their alt text: the reader loads nothing remote (DESIGN §8);
//! - headings are demoted by two levels (`#` → `<h3>`) so a note never outranks the article.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// Renders a note's Markdown to safe HTML (see the module documentation for what is kept).
///
/// ```
/// use lectern_core::annotation::render_note;
/// assert_eq!(render_note("*Why* <b>here</b>?"), "<p><em>Why</em> here?</p>\n");
/// assert_eq!(render_note("[x](javascript:alert(1))"), "<p>x</p>\n");
/// ```
pub fn render_note(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    // What each open link closes with: `</a>`, or nothing for a link whose target was dropped.
    let mut links: Vec<&'static str> = Vec::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => open(&mut out, tag, &mut links),
            Event::End(tag) => close(&mut out, tag, &mut links),
            Event::Text(text) => escape(&mut out, &text),
            Event::Code(code) => {
                out.push_str("<code>");
                escape(&mut out, &code);
                out.push_str("</code>");
            }
            Event::InlineMath(math) | Event::DisplayMath(math) => escape(&mut out, &math),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => {}
        }
    }
    out
}

fn open(out: &mut String, tag: Tag, links: &mut Vec<&'static str>) {
    match tag {
        Tag::Paragraph => out.push_str("<p>"),
        Tag::Heading { level, .. } => {
            out.push_str(&format!("<h{}>", demoted(level as usize)));
        }
        Tag::BlockQuote(_) => out.push_str("<blockquote>\n"),
        Tag::CodeBlock(kind) => {
            out.push_str("<pre><code");
            if let CodeBlockKind::Fenced(lang) = kind {
                let lang = lang.split_whitespace().next().unwrap_or("");
                if !lang.is_empty() {
                    out.push_str(" class=\"language-");
                    escape(out, lang);
                    out.push('"');
                }
            }
            out.push('>');
        }
        Tag::List(Some(1)) => out.push_str("<ol>\n"),
        Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">\n")),
        Tag::List(None) => out.push_str("<ul>\n"),
        Tag::Item => out.push_str("<li>"),
        Tag::Emphasis => out.push_str("<em>"),
        Tag::Strong => out.push_str("<strong>"),
        Tag::Strikethrough => out.push_str("<del>"),
        Tag::Superscript => out.push_str("<sup>"),
        Tag::Subscript => out.push_str("<sub>"),
        Tag::Link { dest_url, .. } => match safe_href(&dest_url) {
            Some(href) => {
                out.push_str("<a href=\"");
                escape(out, &href);
                out.push_str("\" rel=\"nofollow noopener noreferrer\">");
                links.push("</a>");
            }
            None => links.push(""),
        },
        // Images show their alt text (the events inside); everything else (HTML blocks,
        // footnote definitions, front matter…) adds no markup of its own.
        _ => {}
    }
}

fn close(out: &mut String, tag: TagEnd, links: &mut Vec<&'static str>) {
    match tag {
        TagEnd::Paragraph => out.push_str("</p>\n"),
        TagEnd::Heading(level) => out.push_str(&format!("</h{}>\n", demoted(level as usize))),
        TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
        TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
        TagEnd::List(true) => out.push_str("</ol>\n"),
        TagEnd::List(false) => out.push_str("</ul>\n"),
        TagEnd::Item => out.push_str("</li>\n"),
        TagEnd::Emphasis => out.push_str("</em>"),
        TagEnd::Strong => out.push_str("</strong>"),
        TagEnd::Strikethrough => out.push_str("</del>"),
        TagEnd::Superscript => out.push_str("</sup>"),
        TagEnd::Subscript => out.push_str("</sub>"),
        TagEnd::Link => out.push_str(links.pop().unwrap_or("")),
        _ => {}
    }
}

fn demoted(level: usize) -> usize {
    (level + 2).min(6)
}

/// The link target if it is an absolute `http`, `https` or `mailto` URL, normalised.
fn safe_href(dest: &str) -> Option<String> {
    let url = url::Url::parse(dest.trim()).ok()?;
    matches!(url.scheme(), "http" | "https" | "mailto").then(|| url.to_string())
}

/// Appends `text` with every character that means something in HTML escaped.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::render_note;

    #[test]
    fn renders_ordinary_markdown() {
        assert_eq!(
            render_note("# Title\n\n**bold** and `a<b`"),
            "<h3>Title</h3>\n<p><strong>bold</strong> and <code>a&lt;b</code></p>\n"
        );
        assert_eq!(render_note("- one\n- two"), "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
        assert_eq!(
            render_note("[site](https://example.org/a?b=1&c=\"2\")"),
            "<p><a href=\"https://example.org/a?b=1&amp;c=%222%22\" rel=\"nofollow noopener noreferrer\">site</a></p>\n"
        );
        assert!(render_note("<mailto:ana@example.org>").contains("href=\"mailto:ana@example.org\""));
    }

    #[test]
    fn drops_scripts_handlers_and_dangerous_links() {
        let hostile = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "before <img src=x onerror=\"alert(1)\"> after",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x]( javascript:alert(1) )",
            "<javascript:alert(1)>",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "![alt](javascript:alert(1))",
            "<div onclick=\"alert(1)\">\n\n*hi*\n\n</div>",
            "<a href=\"javascript:alert(1)\">link</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "<style>body{display:none}</style>",
        ];
        for input in hostile {
            let html = render_note(input).to_lowercase();
            // The words may survive as escaped text; no element, attribute or link target may.
            for bad in [
                "<script",
                "<img",
                "onerror",
                "onclick",
                "href=\"javascript",
                "href=\"vbscript",
                "href=\"data",
                "<iframe",
                "<div",
                "<style",
            ] {
                assert!(!html.contains(bad), "{input:?} rendered {html:?}");
            }
        }
        assert_eq!(render_note("[x](javascript:alert(1))"), "<p>x</p>\n");
        assert_eq!(render_note("![a picture](https://example.org/p.png)"), "<p>a picture</p>\n");
        assert_eq!(render_note("1 < 2 & \"q\""), "<p>1 &lt; 2 &amp; &quot;q&quot;</p>\n");
    }
}
