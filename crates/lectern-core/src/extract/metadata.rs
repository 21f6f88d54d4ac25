//! What a page says about its article besides the content: publication date, language,
//! breadcrumbs, canonical address, source and author, from wherever the page puts them.
//!
//! Sources, in order of trust:
//! 1. what dom_smoothie reads (title, byline, excerpt, site name, `article:published_time`,
//!    JSON-LD `datePublished`): Readability's own logic, kept as is;
//! 2. the page's machine-readable data read here: JSON-LD (`BreadcrumbList`, `datePublished`,
//!    `author`), `<meta>` date tags, `<time datetime>`, `<html lang>`, `<link rel=canonical>`,
//!    breadcrumb navigation;
//! 3. visible lines, as Chinese government and news sites print them: `来源：新华社`,
//!    `发布时间：2022-08-15 09:30:00`, `当前位置：首页 > 新闻`, `记者 张三`, `Source: X`,
//!    `Date: …`. Such a line is lifted into the metadata and removed from the body (see
//!    [`lift_lines`]), together with page chrome like `【字体：大 中 小】`.
//!
//! [`Page::read`] runs on the whole page before Readability prunes it, since breadcrumbs and
//! date lines usually sit outside the content.

use crate::document::{Block, BlockKind, Metadata};
use crate::published;
use crate::text::{is_cjk, normalize_space};
use dom_query::{Document as Dom, NodeRef};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;
use url::Url;

/// Facts read from the whole page before extraction.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Page {
    /// `<html lang>`, primary subtag.
    pub language: Option<String>,
    /// `<link rel=canonical>` or `og:url`, absolute.
    pub canonical_url: Option<String>,
    /// JSON-LD `BreadcrumbList`, breadcrumb navigation, or a "当前位置" line.
    pub breadcrumbs: Vec<String>,
    /// The first publication date found in JSON-LD, meta tags or `<time>`, normalised.
    pub published: Option<String>,
    /// JSON-LD `author` names.
    pub authors: Option<String>,
    /// A visible `来源：` / `Source:` line anywhere on the page.
    pub source: Option<String>,
    /// A visible `发布时间：` / `Date:` line anywhere on the page, normalised.
    pub visible_date: Option<String>,
}

impl Page {
    /// Reads the page's metadata. `html` is the page source, used to skip DOM scans for
    /// labels the page does not contain.
    pub fn read(dom: &Dom, html: &str, base: Option<&Url>) -> Page {
        let mut page = Page { language: language(dom), canonical_url: canonical(dom, base), ..Page::default() };
        for script in dom.select(r#"script[type="application/ld+json"]"#).nodes() {
            let text = script.text();
            let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
            if let Ok(value) = serde_json::from_str::<Value>(text) {
                json_ld(&value, &mut page, 0);
            }
        }
        if page.breadcrumbs.is_empty() {
            page.breadcrumbs = breadcrumb_nav(dom);
        }
        if page.published.is_none() {
            page.published = meta_date(dom).or_else(|| time_element(dom));
        }
        if page.breadcrumbs.is_empty() && BREADCRUMB_LABELS.iter().any(|l| html.contains(l)) {
            if let Some(line) = labelled_line(dom, BREADCRUMB_LABELS) {
                page.breadcrumbs = breadcrumbs_from_line(&line);
            }
        }
        if SOURCE_LABELS.iter().any(|l| html.contains(l)) {
            page.source = labelled_line(dom, SOURCE_LABELS).and_then(|line| source_from_line(&line));
        }
        if DATE_LABELS.iter().any(|l| html.contains(l)) {
            page.visible_date = labelled_line(dom, DATE_LABELS).and_then(|line| published::normalize(&line));
        }
        page
    }
}

const BREADCRUMB_LABELS: &[&str] =
    &["当前位置", "您的位置", "您现在的位置", "现在位置", "You are here", "you are here"];
const SOURCE_LABELS: &[&str] = &["来源：", "来源:", "稿源：", "Source:"];
const DATE_LABELS: &[&str] = &["发布时间", "发布日期", "发稿时间", "日期：", "时间：", "Date:", "Published:"];

/// The primary language subtag of `<html lang>`, lowercase (`zh-CN` → `zh`).
fn language(dom: &Dom) -> Option<String> {
    let lang = dom.select("html[lang]").attr("lang")?;
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

fn canonical(dom: &Dom, base: Option<&Url>) -> Option<String> {
    let candidates =
        [dom.select(r#"link[rel="canonical"]"#).attr("href"), dom.select(r#"meta[property="og:url"]"#).attr("content")];
    candidates.into_iter().flatten().find_map(|raw| {
        let url = match base {
            Some(base) => base.join(raw.trim()).ok()?,
            None => Url::parse(raw.trim()).ok()?,
        };
        matches!(url.scheme(), "http" | "https").then(|| url.to_string())
    })
}

fn has_type(value: &Value, wanted: &[&str]) -> bool {
    let matches = |t: &Value| t.as_str().is_some_and(|t| wanted.iter().any(|w| t.ends_with(w)));
    match &value["@type"] {
        Value::Array(types) => types.iter().any(matches),
        t => matches(t),
    }
}

/// Walks a JSON-LD value (objects, arrays, `@graph`) for breadcrumbs, dates and authors.
fn json_ld(value: &Value, page: &mut Page, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, page, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                json_ld(graph, page, depth + 1);
            }
            if has_type(value, &["BreadcrumbList"]) && page.breadcrumbs.is_empty() {
                page.breadcrumbs = json_ld_breadcrumbs(value);
            }
            if has_type(value, &["Article", "BlogPosting", "Report", "WebPage", "LiveBlogPosting"]) {
                if page.published.is_none() {
                    page.published = value["datePublished"].as_str().and_then(published::normalize);
                }
                if page.authors.is_none() {
                    page.authors = json_ld_authors(&value["author"]);
                }
                if let Some(crumbs) = map.get("breadcrumb") {
                    json_ld(crumbs, page, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn json_ld_breadcrumbs(list: &Value) -> Vec<String> {
    let Some(items) = list["itemListElement"].as_array() else {
        return Vec::new();
    };
    let mut crumbs: Vec<(i64, String)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let position = item["position"]
                .as_i64()
                .or_else(|| item["position"].as_str().and_then(|p| p.parse().ok()))
                .unwrap_or(i as i64);
            let name = item["name"].as_str().or_else(|| item["item"]["name"].as_str())?;
            let name = normalize_space(name);
            (!name.is_empty()).then_some((position, name))
        })
        .collect();
    crumbs.sort_by_key(|(p, _)| *p);
    crumbs.into_iter().map(|(_, name)| name).collect()
}

fn json_ld_authors(author: &Value) -> Option<String> {
    let names: Vec<String> = match author {
        Value::String(name) => vec![normalize_space(name)],
        Value::Object(_) => author["name"].as_str().map(normalize_space).into_iter().collect(),
        Value::Array(items) => items.iter().filter_map(json_ld_authors).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Breadcrumb navigation: `nav[aria-label*=breadcrumb]`, `.breadcrumb`, `.crumbs`, microdata.
fn breadcrumb_nav(dom: &Dom) -> Vec<String> {
    const SELECTORS: &str = r#"[aria-label*="readcrumb"], .breadcrumb, .breadcrumbs, .crumbs, #breadcrumb, #breadcrumbs, [itemtype*="BreadcrumbList"]"#;
    let found = dom.select(SELECTORS);
    let Some(nav) = found.nodes().first() else {
        return Vec::new();
    };
    let items: Vec<String> = nav
        .descendants_it()
        .filter(|d| d.has_name("li"))
        .map(|li| clean_crumb(&li.text()))
        .filter(|c| !c.is_empty())
        .collect();
    if items.len() >= 2 {
        return items;
    }
    breadcrumbs_from_line(&nav.text())
}

fn clean_crumb(text: &str) -> String {
    normalize_space(text).trim_matches(|c: char| SEPARATORS.contains(&c) || c.is_whitespace()).to_string()
}

const SEPARATORS: &[char] = &['>', '＞', '›', '»', '→', '/', '|', '｜', '·', '»'];

/// Splits "当前位置：首页 > 新闻 > 本地" or "You are here: Home / News" into its crumbs.
pub fn breadcrumbs_from_line(line: &str) -> Vec<String> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:当前位置|您的位置|您现在的位置|现在位置|位置|[Yy]ou are here)\s*[:：]?\s*").unwrap()
    });
    let line = normalize_space(line);
    let rest = LABEL.replace(&line, "");
    rest.split(SEPARATORS).map(clean_crumb).filter(|c| !c.is_empty()).collect()
}

/// `<meta>` date tags under their many names.
fn meta_date(dom: &Dom) -> Option<String> {
    const NAMES: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "sailthru.date",
        "parsely-pub-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "citation_publication_date",
        "firstpublishedtime",
        "date",
    ];
    let metas = dom.select("meta[content]");
    NAMES.iter().find_map(|wanted| {
        metas.nodes().iter().find_map(|meta| {
            let key = meta.attr("property").or_else(|| meta.attr("name")).or_else(|| meta.attr("itemprop"))?;
            key.trim()
                .eq_ignore_ascii_case(wanted)
                .then(|| meta.attr("content"))
                .flatten()
                .and_then(|c| published::normalize(&c))
        })
    })
}

/// `<time datetime>`: the one marked as the publication date, else the first in the article.
fn time_element(dom: &Dom) -> Option<String> {
    let marked = dom.select(r#"time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"][datetime]"#);
    let first = dom.select("article time[datetime], main time[datetime]");
    [marked, first]
        .iter()
        .find_map(|sel| sel.nodes().iter().find_map(|t| t.attr("datetime").and_then(|d| published::normalize(&d))))
}

/// The shortest visible text around a label: climbs from the text node holding it to the
/// element that holds the whole line (`当前位置：<a>首页</a> > <a>新闻</a>`).
fn labelled_line(dom: &Dom, labels: &[&str]) -> Option<String> {
    const MAX_LINE: usize = 300;
    let body = dom.body()?;
    for node in body.descendants_it() {
        if !node.is_text() {
            continue;
        }
        let text = node.text();
        if !labels.iter().any(|l| text.contains(l)) || in_non_text(&node) {
            continue;
        }
        let mut line = node.parent()?;
        while is_inline(&line) {
            match line.parent() {
                Some(p) if p.text().chars().count() <= MAX_LINE => line = p,
                _ => break,
            }
        }
        let text = normalize_space(&line.text());
        if text.chars().count() <= MAX_LINE {
            return Some(text);
        }
    }
    None
}

fn is_inline(node: &NodeRef) -> bool {
    node.node_name().is_some_and(|n| {
        matches!(n.as_ref(), "a" | "span" | "font" | "b" | "strong" | "em" | "i" | "label" | "small" | "time")
    })
}

fn in_non_text(node: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| {
        a.node_name().is_some_and(|n| matches!(n.as_ref(), "script" | "style" | "noscript" | "template" | "title"))
    })
}

/// The publisher named in a `来源：X` / `Source: X` line.
pub fn source_from_line(line: &str) -> Option<String> {
    static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:来源|稿源|[Ss]ource)\s*[:：]\s*(.+?)\s*(?:$|【|\[|\||｜|(?:发布|时间|日期|作者|编辑|责任编辑|浏览|点击|字号|字体|Date|Published|By)\s*[:：]|(?:发布时间|发布日期))")
            .unwrap()
    });
    let caps = SOURCE.captures(line)?;
    let mut value = caps[1].trim().to_string();
    // Chinese lines separate fields by spaces; English names contain them.
    if value.chars().any(is_cjk) {
        value = value.split_whitespace().next().unwrap_or("").to_string();
    }
    let value = value.trim_matches(|c: char| c.is_ascii_punctuation() || "，。、；".contains(c)).to_string();
    (!value.is_empty() && value.chars().count() <= 60).then_some(value)
}

/// A `记者 张三` / `本报记者 张三 李四` / `（记者 张三）` line: the names.
pub fn reporter_from_line(line: &str) -> Option<String> {
    static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[（(]?\s*(?:本报|本台|新华社|中新社)?(?:特约)?记者\s*[:：]?\s*([\p{Han}·]{2,4}(?:[ 、，,]+[\p{Han}·]{2,4}){0,4})\s*[）)]?$").unwrap()
    });
    let caps = REPORTER.captures(line.trim())?;
    Some(caps[1].split([' ', '、', '，', ',']).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" "))
}

/// Page chrome printed inside the content: font-size switches, print and close links.
fn strip_chrome(text: &str) -> String {
    static CHROME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            【\s*(?:字体|字号)\s*[:：]?[^】]*】
            | \[\s*(?:字体|字号)\s*[:：]?[^\]]*\]
            | (?:字体|字号)\s*[:：]\s*[大中小\s]+
            | 【\s*(?:打印|关闭|关闭窗口|打印本页|收藏|分享|纠错|返回顶部)\s*】
            | \[\s*(?:打印|关闭|打印本页|关闭窗口)\s*\]
            | 【?\s*Fonts?\s*[:：]\s*(?:Small|Medium|Large|Big|\s)+】?
            | \[\s*(?:Print|Close|Close\ window|Print\ this\ page)\s*\]
            | ^\s*(?:Print|Close)(?:\s*\|\s*(?:Print|Close|Share|E-?mail))+\s*$
            ",
        )
        .unwrap()
    });
    CHROME.replace_all(text, " ").trim().to_string()
}

/// Lifts visible metadata lines out of the body into `meta`, and drops page chrome.
///
/// Only short blocks are considered, and only text blocks (not tables, code or figures).
/// A line is removed when it is a breadcrumb trail, a labelled date/source line, a
/// reporter line, or nothing but chrome.
pub fn lift_lines(blocks: &mut Vec<Block>, meta: &mut Metadata) {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^(?:(?:Date|Published|Posted|Source)\s*:
              |(?:发布时间|发布日期|发稿时间|日期|时间|来源|稿源|作者|编辑|责任编辑|浏览次数|点击数)\s*[:：])
              |(?:来源|稿源)\s*[:：]|(?:发布时间|发布日期)\s*[:：]",
        )
        .unwrap()
    });
    static BREADCRUMB: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:当前位置|您的位置|您现在的位置|现在位置|[Yy]ou are here)\s*[:：]").unwrap());
    const MAX_LINE: usize = 200;
    blocks.retain(|block| {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::Quote) {
            return true;
        }
        let text = block.text.as_str();
        if text.chars().count() > MAX_LINE {
            return true;
        }
        if BREADCRUMB.is_match(text) {
            if meta.breadcrumbs.is_empty() {
                meta.breadcrumbs = breadcrumbs_from_line(text);
            }
            return false;
        }
        if LABELLED.is_match(text) {
            if meta.source.is_none() {
                meta.source = source_from_line(text);
            }
            if meta.published.is_none() {
                meta.published = published::normalize(text);
            }
            return false;
        }
        // "By Jane Doe · April 9, 2022" repeating the byline already known.
        let repeats_byline = meta.byline.as_deref().is_some_and(|b| text.contains(b));
        if repeats_byline && text.chars().count() <= 100 && (text.starts_with("By ") || text.starts_with("by ")) {
            if meta.published.is_none() {
                meta.published = published::normalize(text);
            }
            return false;
        }
        if let Some(names) = reporter_from_line(text) {
            if meta.byline.is_none() {
                meta.byline = Some(names);
            }
            return false;
        }
        let stripped = strip_chrome(text);
        stripped.len() == text.len() || !stripped.is_empty()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        let dom = Dom::from(html);
        Page::read(&dom, html, Some(&Url::parse("https://example.com/news/1.html").unwrap()))
    }

    #[test]
    fn language_is_the_primary_subtag() {
        assert_eq!(page(r#"<html lang="zh-CN"><body></body></html>"#).language.as_deref(), Some("zh"));
        assert_eq!(page(r#"<html lang="EN_us"><body></body></html>"#).language.as_deref(), Some("en"));
        assert_eq!(page(r#"<html lang="x"><body></body></html>"#).language, None);
    }

    #[test]
    fn canonical_from_link_or_og_url() {
        let p = page(r#"<head><link rel="canonical" href="/news/1"></head>"#);
        assert_eq!(p.canonical_url.as_deref(), Some("https://example.com/news/1"));
        let p = page(r#"<head><meta property="og:url" content="https://a.example/x"></head>"#);
        assert_eq!(p.canonical_url.as_deref(), Some("https://a.example/x"));
        let p = page(r#"<head><link rel="canonical" href="javascript:alert(1)"></head>"#);
        assert_eq!(p.canonical_url, None);
    }

    #[test]
    fn json_ld_breadcrumbs_dates_and_authors() {
        let p = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"BreadcrumbList","itemListElement":[
              {"@type":"ListItem","position":2,"name":"Local"},
              {"@type":"ListItem","position":1,"item":{"@id":"/","name":"Home"}}]},
            {"@type":"NewsArticle","datePublished":"2023-04-05T08:00:00+02:00",
             "author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Bo Li"}]}]}</script>"#,
        );
        assert_eq!(p.breadcrumbs, vec!["Home", "Local"]);
        assert_eq!(p.published.as_deref(), Some("2023-04-05T08:00:00"));
        assert_eq!(p.authors.as_deref(), Some("Ana Ruiz, Bo Li"));
    }

    #[test]
    fn breadcrumb_navigation() {
        let p = page(
            r#"<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a> ›</li><li><a>News</a></li><li>Local</li></ol></nav>"#,
        );
        assert_eq!(p.breadcrumbs, vec!["Home", "News", "Local"]);
        let p = page(r#"<div class="crumbs">Home &gt; Science</div>"#);
        assert_eq!(p.breadcrumbs, vec!["Home", "Science"]);
    }

    #[test]
    fn breadcrumb_line_on_the_page() {
        let p = page(
            r#"<div class="loc">当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻中心</a> &gt; 本地要闻</div>"#,
        );
        assert_eq!(p.breadcrumbs, vec!["首页", "新闻中心", "本地要闻"]);
    }

    #[test]
    fn meta_and_time_dates() {
        let p = page(r#"<meta name="PubDate" content="2022-08-15 09:30">"#);
        assert_eq!(p.published.as_deref(), Some("2022-08-15T09:30:00"));
        let p = page(r#"<article><time datetime="2021-05-29T15:30:22Z">May 29</time></article>"#);
        assert_eq!(p.published.as_deref(), Some("2021-05-29T15:30:22"));
    }

    #[test]
    fn visible_source_and_date_lines() {
        let p = page("<div><span>发布时间：2022-08-15 09:30:00</span> <span>来源：市政府办公室</span></div>");
        assert_eq!(p.source.as_deref(), Some("市政府办公室"));
        assert_eq!(p.visible_date.as_deref(), Some("2022-08-15T09:30:00"));
        assert_eq!(source_from_line("Source: Reuters News | Date: 2022-03-14").as_deref(), Some("Reuters News"));
        assert_eq!(source_from_line("来源：新华社 作者：李明").as_deref(), Some("新华社"));
    }

    #[test]
    fn reporter_lines() {
        assert_eq!(reporter_from_line("记者 张三").as_deref(), Some("张三"));
        assert_eq!(reporter_from_line("（本报记者 王小明 李四）").as_deref(), Some("王小明 李四"));
        assert_eq!(reporter_from_line("记者们今天在现场采访了很多人。"), None);
    }

    #[test]
    fn lifted_lines_leave_the_body() {
        let mut blocks = vec![
            Block::paragraph("当前位置：首页 > 新闻"),
            Block::paragraph("发布时间：2022-08-15 09:30:00 来源：市政府办公室 【字体：大 中 小】【打印】"),
            Block::paragraph("记者 张三"),
            Block::paragraph("【字体：大 中 小】"),
            Block::paragraph("正文第一段。"),
            Block::paragraph("Fonts: Small Big"),
            Block::paragraph("By 张三 · April 9, 2022"),
        ];
        let mut meta = Metadata::default();
        lift_lines(&mut blocks, &mut meta);
        assert_eq!(blocks, vec![Block::paragraph("正文第一段。")]);
        assert_eq!(meta.breadcrumbs, vec!["首页", "新闻"]);
        assert_eq!(meta.source.as_deref(), Some("市政府办公室"));
        assert_eq!(meta.published.as_deref(), Some("2022-08-15T09:30:00"));
        assert_eq!(meta.byline.as_deref(), Some("张三"));
    }
}
