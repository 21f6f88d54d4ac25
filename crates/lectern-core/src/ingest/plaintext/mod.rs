//! Plain-text page saves: text copied from a news page, with its location trail, title,
//! source/date line and page chrome around the article.
//!
//! The reader works in three passes:
//! 1. every line is judged alone ([`lines`]): chrome (font switches, print/close links,
//!    share bars, counters, editor credits) is dropped wherever it stands;
//! 2. the **header** (the first few lines) gives the trail, the title and the source/date
//!    line;
//! 3. the rest is the **body** ([`body`]): hard-wrapped lines are joined into paragraphs,
//!    and the few lines that stand as section titles become headings.

mod body;
mod lines;
mod vocab;

use crate::document::{Document, Metadata};
use crate::text::{count_words, normalize_space};

/// How many text lines (chrome aside) the header may span: trail, site name, title, deck,
/// source and date lines. A source line further down belongs to the body.
const HEADER_LINES: usize = 8;

/// A title says something: at least this many words (each CJK character counts as one).
const MIN_TITLE_WORDS: usize = 3;

/// A title is one line, not a paragraph.
const MAX_TITLE_CHARS: usize = 160;

/// Parses text copied from a news page into a document.
///
/// ```
/// use lectern_core::ingest::plaintext::parse;
/// let doc = parse("Your locale: HOME > NEWS > Local\nBridge opens to traffic\nSource: City Daily Date: 2022-03-14 09:05:00\n【Fonts: Small Big\nThe new bridge opened on Monday.\n【Print】【Close】");
/// assert_eq!(doc.meta.breadcrumbs, ["HOME", "NEWS", "Local"]);
/// assert_eq!(doc.meta.title, "Bridge opens to traffic");
/// assert_eq!(doc.meta.source.as_deref(), Some("City Daily"));
/// assert_eq!(doc.meta.published.as_deref(), Some("2022-03-14T09:05:00"));
/// assert_eq!(doc.text(), "The new bridge opened on Monday.");
/// ```
pub fn parse(text: &str) -> Document {
    // Pass 1: one entry per source line; `None` for blank lines and chrome, which both
    // separate paragraphs.
    let mut lines: Vec<Option<String>> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(normalize_space)
        .map(|line| (!line.is_empty() && !lines::is_chrome(&line)).then_some(line))
        .collect();
    let mut meta = Metadata::default();
    read_header(&mut lines, &mut meta);
    let paragraphs = body::paragraphs(&lines);
    Document { meta, blocks: body::blocks(&paragraphs) }
}

/// Pass 2: takes the trail, title and source/date lines out of the header, filling `meta`.
/// Taken lines, and the navigation above them, become `None`.
fn read_header(lines: &mut [Option<String>], meta: &mut Metadata) {
    let header: Vec<usize> =
        lines.iter().enumerate().filter(|(_, l)| l.is_some()).map(|(i, _)| i).take(HEADER_LINES).collect();
    let text = |lines: &[Option<String>], i: usize| lines[i].clone().unwrap_or_default();

    // The trail sits at the top of the page, under at most a site name or a menu line.
    let crumb_at = header.iter().take(3).position(|&i| lines::breadcrumb(&text(lines, i)).is_some());
    if let Some(c) = crumb_at {
        meta.breadcrumbs = lines::breadcrumb(&text(lines, header[c])).unwrap_or_default();
        for &i in &header[..=c] {
            lines[i] = None;
        }
    }
    let header = &header[crumb_at.map_or(0, |c| c + 1)..];

    // The source/date line anchors the header: the title is the first substantial line
    // above it (lines above the title are the site's name or menus, and are dropped; a
    // line between title and source line is a deck and stays).
    let meta_at = header.iter().position(|&i| lines::meta_line(&text(lines, i)).is_some());
    let title_at = match meta_at {
        Some(m) => header[..m].iter().position(|&i| is_substantial(&text(lines, i))),
        // Without a source line, an opening line that reads as a headline (short, not a
        // sentence) is the title, provided the article goes on after it.
        None => header
            .first()
            .filter(|&&i| {
                let line = text(lines, i);
                is_substantial(&line) && !body::ends_sentence(&line) && header.len() > 1
            })
            .map(|_| 0),
    };
    if let Some(t) = title_at {
        meta.title = text(lines, header[t]);
        for &i in &header[..=t] {
            lines[i] = None;
        }
    }

    // Source, date and author lines follow one another (chrome or blank lines between them
    // are already gone) just under the title; a date alone there is the publication date.
    let from = meta_at.or(title_at.map(|t| t + 1)).unwrap_or(header.len());
    for &i in &header[from..] {
        let line = text(lines, i);
        let fields = match lines::meta_line(&line) {
            Some(fields) => fields,
            None if lines::is_date_alone(&line) => {
                lines::MetaFields { published: crate::published::normalize(&line), ..Default::default() }
            }
            None => break,
        };
        meta.source = meta.source.take().or(fields.source);
        meta.byline = meta.byline.take().or(fields.byline);
        meta.published = meta.published.take().or(fields.published);
        lines[i] = None;
    }
}

/// A line that could be a title: a few words at least, and one line's worth at most.
fn is_substantial(line: &str) -> bool {
    count_words(line) >= MIN_TITLE_WORDS && line.chars().count() <= MAX_TITLE_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

    #[test]
    fn english_page_save() {
        let doc = parse(
            "Your locale: HOME > NEWS > Local\n\
             \n\
             City opens second river bridge\n\
             Source: City Daily Date: 2022-03-14 09:05:00\n\
             【Fonts: Small Big\n\
             \n\
             The second bridge over the river opened to traffic on Monday morning.\n\
             \n\
             Funding for the second phase\n\
             \n\
             The second phase will cost 2.4 billion yuan, the finance office said.\n\
             (Photo: the new bridge at dusk)\n\
             Views: 123\n\
             Editor: Zhang Hua\n\
             【Print】【Close】\n",
        );
        assert_eq!(doc.meta.breadcrumbs, ["HOME", "NEWS", "Local"]);
        assert_eq!(doc.meta.title, "City opens second river bridge");
        assert_eq!(doc.meta.source.as_deref(), Some("City Daily"));
        assert_eq!(doc.meta.published.as_deref(), Some("2022-03-14T09:05:00"));
        assert_eq!(doc.headings(), ["Funding for the second phase"]);
        assert_eq!(doc.blocks.len(), 4);
        let text = doc.text();
        for chrome in ["Fonts", "Views", "Editor", "Print", "Close", "Source", "HOME"] {
            assert!(!text.contains(chrome), "{chrome} left in {text}");
        }
    }

    #[test]
    fn chinese_page_save_with_separate_source_and_date_lines() {
        let doc = parse(
            "首页 > 新闻中心 > 本地要闻\n\
             城东新区二期工程全面开工\n\
             来源：城市日报\n\
             发布时间：2022年8月15日 09:30\n\
             作者：李明\n\
             字号：大 中 小\n\
             \u{3000}\u{3000}8月15日上午，城东新区二期工程全面开工。\n\
             一、项目进展\n\
             \u{3000}\u{3000}截至6月30日，一期工程已完成投资12亿元，二期工程的前期工作也已全部完成。\n\
             分享到：\n\
             [打印本页] [关闭窗口]",
        );
        assert_eq!(doc.meta.breadcrumbs, ["首页", "新闻中心", "本地要闻"]);
        assert_eq!(doc.meta.title, "城东新区二期工程全面开工");
        assert_eq!(doc.meta.source.as_deref(), Some("城市日报"));
        assert_eq!(doc.meta.byline.as_deref(), Some("李明"));
        assert_eq!(doc.meta.published.as_deref(), Some("2022-08-15T09:30:00"));
        assert_eq!(doc.headings(), ["一、项目进展"]);
        assert_eq!(doc.blocks[0].text, "8月15日上午，城东新区二期工程全面开工。");
        assert!(doc.blocks.iter().all(|b| !b.text.contains("打印") && !b.text.contains("字号")));
    }

    #[test]
    fn text_without_header_is_all_body() {
        let doc = parse("The meeting was short. Everyone agreed.\n\nThen they left.");
        assert_eq!(doc.meta.title, "");
        assert_eq!(doc.blocks.len(), 2);
        assert!(doc.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn source_lines_below_the_header_stay_in_the_body() {
        let doc = parse(
            "Bridge opens\nDate: 2022-03-14\nThe bridge opened.\n\nSource: the bureau's 2021 annual report, page 12.\n",
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2022-03-14"));
        assert_eq!(doc.meta.source, None);
        assert!(doc.text().contains("Source: the bureau's 2021 annual report"));
    }

    #[test]
    fn empty_and_chrome_only_input_gives_no_blocks() {
        assert!(parse("").blocks.is_empty());
        assert!(parse("【Print】【Close】\n\n   \nBack to top").blocks.is_empty());
    }
}
