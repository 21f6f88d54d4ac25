//! Front matter: the `---` (YAML) or `+++` (TOML) block at the top of a Markdown file.
//!
//! Only flat `key: value` / `key = "value"` pairs are read (with a list of authors as the
//! one nesting worth supporting); that covers what note apps and static-site generators
//! write for an article, without a YAML parser for a dozen keys.

use crate::document::Metadata;
use crate::published;

/// Fills `meta` from the front matter's text (without its delimiters). Unknown keys are
/// ignored; values that do not make sense (a `date` that is no date, a `url` that is not
/// http(s)) are dropped rather than stored.
pub(super) fn apply(front_matter: &str, meta: &mut Metadata) {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for line in front_matter.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // `- item` under a key with no value: a YAML list, joined like `[a, b]` would be.
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some((_, value)) = pairs.last_mut() {
                if !value.is_empty() {
                    value.push_str(", ");
                }
                value.push_str(&unquote(item));
            }
            continue;
        }
        let Some(split) = trimmed.find([':', '=']) else {
            continue;
        };
        let key = trimmed[..split].trim().to_ascii_lowercase();
        pairs.push((key, value_of(&trimmed[split + 1..])));
    }
    for (key, value) in pairs {
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "title" => meta.title = value,
            "author" | "authors" | "byline" => meta.byline = Some(value),
            "date" | "published" | "pubdate" => meta.published = published::normalize(&value),
            "source" | "publisher" => meta.source = Some(value),
            "url" | "link" | "source_url" => meta.url = web_url(&value).or(meta.url.take()),
            "canonical_url" | "canonical" => meta.canonical_url = web_url(&value),
            "lang" | "language" => meta.language = primary_subtag(&value),
            "site" | "site_name" => meta.site_name = Some(value),
            "description" | "excerpt" | "summary" => meta.excerpt = Some(value),
            _ => {}
        }
    }
}

/// A value without its quotes; an inline list `[a, "b"]` becomes `a, b`.
fn value_of(raw: &str) -> String {
    let raw = raw.trim();
    match raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(list) => list.split(',').map(unquote).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        None => unquote(raw),
    }
}

/// A YAML scalar's text: double quotes take backslash escapes (`\"`, `\\`, `\n`, `\t`,
/// `\uXXXX`), single quotes double themselves (`''`), plain scalars stay as written.
fn unquote(value: &str) -> String {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) else {
        return value.to_string();
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Only web addresses are kept as the article's URL: a `javascript:` or `file:` "url" in a
/// file someone shared is not one to offer as a link.
fn web_url(value: &str) -> Option<String> {
    let url = url::Url::parse(value).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// `zh-CN` → `zh`, `EN_us` → `en`.
fn primary_subtag(value: &str) -> Option<String> {
    let tag = value.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (tag.len() >= 2 && tag.len() <= 3 && tag.chars().all(|c| c.is_ascii_alphabetic())).then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_lose_their_escapes() {
        assert_eq!(unquote(r#""Notes \"quoted\" \\ \u00e9""#), r#"Notes "quoted" \ é"#);
        assert_eq!(unquote("'it''s'"), "it's");
        assert_eq!(unquote("plain \\ text"), "plain \\ text");
        assert_eq!(unquote(r#""trailing \""#), "trailing \\");
    }

    #[test]
    fn yaml_and_toml_pairs() {
        let mut meta = Metadata::default();
        apply(
            "title: \"Notes on the bridge: phase two\"\nauthor: 'Jane Roe'\ndate: 2022-03-14\nlang: en-GB\nurl: https://example.org/a\nsite_name: City Daily",
            &mut meta,
        );
        assert_eq!(meta.title, "Notes on the bridge: phase two");
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.published.as_deref(), Some("2022-03-14"));
        assert_eq!(meta.language.as_deref(), Some("en"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(meta.site_name.as_deref(), Some("City Daily"));

        let mut meta = Metadata::default();
        apply(
            "title = \"古籍保护\"\nauthors = [\"李明\", \"王芳\"]\ncanonical_url = \"javascript:alert(1)\"",
            &mut meta,
        );
        assert_eq!(meta.title, "古籍保护");
        assert_eq!(meta.byline.as_deref(), Some("李明, 王芳"));
        assert_eq!(meta.canonical_url, None);
    }

    #[test]
    fn yaml_lists_of_authors() {
        let mut meta = Metadata::default();
        apply("author:\n  - Jane Roe\n  - \"John Doe\"\n", &mut meta);
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe, John Doe"));
    }
}
