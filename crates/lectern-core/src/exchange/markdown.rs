//! Markdown export: for each article, its title, source and link; each highlight as a block
//! quote with its note, tags, creator and date; then the article's timeline.
//!
//! Notes are Markdown already and are written as they are, under their quote.

use crate::annotation::Annotation;
use crate::document::Document;
use std::fmt::Write as _;

/// One article's part of the export.
#[derive(Debug, Clone, Copy)]
pub struct ArticleNotes<'a> {
    /// The article.
    pub document: &'a Document,
    /// Its live annotations, in reading order.
    pub annotations: &'a [Annotation],
}

/// The Markdown of several articles, separated by rules.
pub fn render(articles: &[ArticleNotes]) -> String {
    let mut out = String::new();
    for (i, article) in articles.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        render_article(&mut out, article);
    }
    out
}

fn render_article(out: &mut String, article: &ArticleNotes) {
    let meta = &article.document.meta;
    let _ = writeln!(out, "# {}\n", one_line(&meta.title));
    let source = meta.source.as_deref().or(meta.site_name.as_deref()).or(meta.byline.as_deref());
    if let Some(source) = source {
        let _ = writeln!(out, "Source: {}  ", one_line(source));
    }
    if let Some(published) = &meta.published {
        let _ = writeln!(out, "Published: {published}  ");
    }
    if let Some(url) = meta.canonical_url.as_deref().or(meta.url.as_deref()) {
        let _ = writeln!(out, "Link: <{url}>");
    }
    out.push('\n');
    if !article.annotations.is_empty() {
        out.push_str("## Highlights\n\n");
    }
    for a in article.annotations {
        for line in a.target.selectors.quote.exact.lines() {
            let _ = writeln!(out, "> {line}");
        }
        out.push('\n');
        if let Some(note) = &a.body.note {
            let _ = writeln!(out, "{}\n", note.trim_end());
        }
        if !a.body.tags.is_empty() {
            let tags: Vec<String> = a.body.tags.iter().map(|t| format!("#{}", t.replace(' ', "-"))).collect();
            let _ = writeln!(out, "Tags: {}  ", tags.join(" "));
        }
        let date = a.modified.get(..10).unwrap_or(&a.modified);
        let _ = writeln!(out, "— {}, {date}\n", one_line(&a.creator.name));
    }
    let events = crate::timeline::document_events(article.document);
    if !events.is_empty() {
        out.push_str("## Timeline\n\n");
        for event in events {
            let _ = writeln!(out, "- **{}**: {}", event.value, one_line(&event.sentence));
        }
        out.push('\n');
    }
}

/// Text on one line, so a title or name cannot start a Markdown block of its own.
fn one_line(text: &str) -> String {
    crate::text::normalize_space(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Metadata};

    #[test]
    fn lists_title_link_and_timeline() {
        let document = Document {
            meta: Metadata {
                title: "Floods".into(),
                url: Some("https://a.example/f".into()),
                published: Some("2022-03-14".into()),
                ..Default::default()
            },
            blocks: vec![Block::paragraph("On March 9, 2021, the river flooded.")],
        };
        let md = render(&[ArticleNotes { document: &document, annotations: &[] }]);
        assert!(md.starts_with("# Floods\n"));
        assert!(md.contains("Link: <https://a.example/f>"));
        assert!(md.contains("## Timeline\n\n- **2021-03-09**: On March 9, 2021, the river flooded."), "{md}");
    }
}
