//! Full-text search over titles, bylines, text and notes (SQLite FTS5).
//!
//! Two problems shape this module:
//! - **Chinese has no spaces.** FTS5's `unicode61` tokenizer would make a whole run of
//!   ideographs one token, and `trigram` cannot match the two-character words Chinese is made
//!   of. So [`index_text`] rewrites every CJK run as overlapping bigrams (`保护古籍` →
//!   `保护 护古 古籍`) before indexing, and queries are rewritten the same way: a word of any
//!   length ≥ 2 becomes a phrase of consecutive bigrams.
//! - **User queries are not FTS syntax.** A stray `"`, `*`, `(` or `AND (` must not be an
//!   error, so the query is reduced to its words, each passed as a quoted string. English
//!   words go through the porter stemmer (`plant` finds `planting`), and the last word is a
//!   prefix, so results appear while the user is still typing.

use super::{articles::ArticleId, Store, StoreError};
use crate::text::is_cjk;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The article.
    pub id: ArticleId,
    /// Its title.
    pub title: String,
    /// A short passage around the first match (or the opening words, for a title match).
    pub snippet: String,
    /// The matched words within `snippet`, as code-point ranges `[start, end)`.
    pub highlights: Vec<(usize, usize)>,
}

/// How much text a snippet shows before and after the first match, in characters.
const SNIPPET_BEFORE: usize = 40;
const SNIPPET_AFTER: usize = 120;

/// Rewrites text for the index: CJK runs become space-separated overlapping bigrams (a lone
/// character stays itself), and everything else passes through unchanged.
pub fn index_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            push_bigrams(&mut out, &run);
            run.clear();
            out.push(c);
        }
    }
    push_bigrams(&mut out, &run);
    out
}

fn push_bigrams(out: &mut String, run: &[char]) {
    if run.is_empty() {
        return;
    }
    out.push(' ');
    if run.len() == 1 {
        out.push(run[0]);
    }
    for pair in run.windows(2) {
        out.push(pair[0]);
        out.push(pair[1]);
        out.push(' ');
    }
    out.push(' ');
}

/// A word of the user's query.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    /// Letters and digits, lowercased.
    Word(String),
    /// A run of CJK characters.
    Cjk(String),
}

/// Splits a query into terms, dropping every character that could be FTS5 syntax.
fn terms(query: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut word = String::new();
    let mut cjk = String::new();
    let flush = |word: &mut String, cjk: &mut String, terms: &mut Vec<Term>| {
        if !word.is_empty() {
            terms.push(Term::Word(std::mem::take(word).to_lowercase()));
        }
        if !cjk.is_empty() {
            terms.push(Term::Cjk(std::mem::take(cjk)));
        }
    };
    for c in query.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                flush(&mut word, &mut String::new(), &mut terms);
            }
            cjk.push(c);
        } else if c.is_alphanumeric() {
            if !cjk.is_empty() {
                flush(&mut String::new(), &mut cjk, &mut terms);
            }
            word.push(c);
        } else {
            flush(&mut word, &mut cjk, &mut terms);
        }
    }
    flush(&mut word, &mut cjk, &mut terms);
    terms
}

/// The FTS5 MATCH expression for a query, or `None` when it has no words.
fn match_expression(terms: &[Term]) -> Option<String> {
    let last = terms.len().checked_sub(1)?;
    let parts: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, term)| match term {
            // Terms hold only letters and digits, so quoting them needs no escaping.
            Term::Word(w) if i == last => format!("\"{w}\"*"),
            Term::Word(w) => format!("\"{w}\""),
            Term::Cjk(run) if run.chars().count() == 1 => format!("\"{run}\"*"),
            Term::Cjk(run) => format!("\"{}\"", index_text(run).split_whitespace().collect::<Vec<_>>().join(" ")),
        })
        .collect();
    Some(parts.join(" AND "))
}

pub(super) fn index_article(
    tx: &Transaction,
    key: i64,
    title: &str,
    byline: &str,
    text: &str,
    notes: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO articles_fts (rowid, title, byline, text, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key, index_text(title), index_text(byline), index_text(text), index_text(notes)],
    )?;
    Ok(())
}

/// Past this many matches, ranking every one by bm25 costs more than it tells: a word found
/// in most of the library says little about which article is meant. Such queries rank the
/// title matches, then fill up with the most recently added matches (FTS5 walks row ids in
/// order and stops early, so this stays fast however common the word).
const RANKED_MATCHES: i64 = 1_000;

impl Store {
    /// Finds articles matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let terms = terms(query);
        let Some(expression) = match_expression(&terms) else {
            return Ok(Vec::new());
        };
        let limit = limit as i64;
        let keys = if self.matches_at_most(&expression, RANKED_MATCHES)? {
            self.ranked_keys(&expression, limit)?
        } else {
            // The same cap on the title matches: at 100,000 articles a common word can be in
            // ten thousand titles, and ranking them all took most of a search (benches/scale.rs).
            let title = format!("{{title}} : ({expression})");
            let mut keys = if self.matches_at_most(&title, RANKED_MATCHES)? {
                self.ranked_keys(&title, limit)?
            } else {
                self.recent_keys(&title, limit)?
            };
            for key in self.recent_keys(&expression, limit + keys.len() as i64)? {
                if keys.len() as i64 >= limit {
                    break;
                }
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            keys
        };

        let mut article =
            self.conn.prepare_cached("SELECT id, title, text FROM articles WHERE key = ?1 AND removed IS NULL")?;
        let mut hits = Vec::with_capacity(keys.len());
        for key in keys {
            let row = article
                .query_row([key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
                .optional()?;
            // Removed articles are rare (purged at start-up), so skipping them after the cut is fine.
            if let Some((id, title, text)) = row {
                let (snippet, highlights) = snippet(&text, &terms);
                hits.push(SearchHit { id: ArticleId(id), title, snippet, highlights });
            }
        }
        Ok(hits)
    }

    /// Whether `expression` matches `max` articles or fewer (counting stops just past `max`).
    fn matches_at_most(&self, expression: &str, max: i64) -> Result<bool, StoreError> {
        let matches: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT ?2)",
            params![expression, max + 1],
            |r| r.get(0),
        )?;
        Ok(matches <= max)
    }

    /// The best `limit` matches by `rank` (bm25 with the column weights set in the migration).
    fn ranked_keys(&self, expression: &str, limit: i64) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2")?;
        let keys = stmt.query_map(params![expression, limit], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(keys)
    }

    /// The `limit` most recently added matches.
    fn recent_keys(&self, expression: &str, limit: i64) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        )?;
        let keys = stmt.query_map(params![expression, limit], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(keys)
    }
}

/// Cuts a passage of `text` around the first term found, and marks every term in it.
fn snippet(text: &str, terms: &[Term]) -> (String, Vec<(usize, usize)>) {
    let chars: Vec<char> = text.chars().collect();
    // One lowercase char per original char keeps offsets aligned.
    let lower: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let needles: Vec<Vec<char>> = terms.iter().map(needle).collect();
    let first = needles.iter().filter_map(|n| find(&lower, n, 0)).min().unwrap_or(0);

    let mut start = first.saturating_sub(SNIPPET_BEFORE);
    while start > 0 && start < first && !chars[start - 1].is_whitespace() && !is_cjk(chars[start]) {
        start += 1;
    }
    let mut end = (first + SNIPPET_AFTER).min(chars.len());
    while end < chars.len() && end > first && !chars[end].is_whitespace() && !is_cjk(chars[end]) {
        end -= 1;
    }
    let window: String = chars[start..end].iter().collect();
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < chars.len() { "…" } else { "" };
    let flat: String = window.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    let offset = lead.chars().count();

    let mut highlights = Vec::new();
    for n in &needles {
        let mut at = start;
        while let Some(found) = find(&lower[..end], n, at) {
            let word_end = word_end(&lower, found + n.len()).min(end);
            highlights.push((found - start + offset, word_end - start + offset));
            at = word_end.max(found + 1);
        }
    }
    highlights.sort_unstable();
    highlights.dedup();
    (format!("{lead}{flat}{tail}"), highlights)
}

/// What to look for in the original text: a CJK run as it is; an English word cut back to
/// a stem-like prefix, since the index matched its stem ("studies" finds "study").
fn needle(term: &Term) -> Vec<char> {
    match term {
        Term::Cjk(run) => run.chars().collect(),
        Term::Word(w) => {
            let chars: Vec<char> = w.chars().collect();
            let keep = if chars.len() > 5 { chars.len() - 2 } else { chars.len() };
            chars[..keep].to_vec()
        }
    }
}

/// The first occurrence of `needle` in `hay` at or after `from` that starts a word.
fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| {
        hay[i..i + needle.len()] == *needle && (is_cjk(needle[0]) || i == 0 || !hay[i - 1].is_alphanumeric())
    })
}

fn word_end(hay: &[char], mut at: usize) -> usize {
    while at < hay.len() && hay[at].is_alphanumeric() && !is_cjk(hay[at]) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::articles::tests::draft;

    #[test]
    fn cjk_runs_become_bigrams() {
        assert_eq!(index_text("保护古籍").split_whitespace().collect::<Vec<_>>(), ["保护", "护古", "古籍"]);
        assert_eq!(index_text("AI技术ok").split_whitespace().collect::<Vec<_>>(), ["AI", "技术", "ok"]);
        assert_eq!(index_text("我").trim(), "我");
    }

    #[test]
    fn queries_reduce_to_quoted_words() {
        let expr = match_expression(&terms("\"plant* AND ( 古籍 x")).unwrap();
        assert_eq!(expr, "\"plant\" AND \"and\" AND \"古籍\" AND \"x\"*");
        assert_eq!(match_expression(&terms("\"*() ")), None);
    }

    fn library() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let articles = [
            ("Spring planting begins", "Farmers in the valley started planting rice on Monday, officials said."),
            ("古籍保护工作取得进展", "市图书馆今年完成了三百部古籍的修复工作，文献保护中心表示将继续推进。"),
            ("Harbour reopens", "The harbour reopened after the storm; ferries resumed their studies of tides."),
        ];
        for (title, body) in articles {
            store.add_article(&draft(title, None, body)).unwrap();
        }
        store
    }

    #[test]
    fn finds_inflected_english_words() {
        let store = library();
        let hits = store.search("plant", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].title, "Spring planting begins");
        let (s, e) = hits[0].highlights[0];
        let marked: String = hits[0].snippet.chars().skip(s).take(e - s).collect();
        assert_eq!(marked, "planting");
        assert_eq!(store.search("Study", 10).unwrap()[0].title, "Harbour reopens");
    }

    #[test]
    fn finds_two_character_chinese_words() {
        let store = library();
        for query in ["古籍", "文献", "古籍 修复", "保护中心"] {
            let hits = store.search(query, 10).unwrap();
            assert_eq!(hits.len(), 1, "query {query}");
            assert_eq!(hits[0].title, "古籍保护工作取得进展");
        }
        assert!(store.search("古书", 10).unwrap().is_empty());
        let hit = &store.search("修复", 10).unwrap()[0];
        let (s, e) = hit.highlights[0];
        assert_eq!(hit.snippet.chars().skip(s).take(e - s).collect::<String>(), "修复");
    }

    #[test]
    fn a_word_in_most_articles_ranks_title_matches_then_the_newest() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_article(&draft("Common ground", None, "An old essay about the common good.")).unwrap();
        for i in 0..RANKED_MATCHES + 5 {
            store.add_article(&draft(&format!("Report {i}"), None, &format!("A common story, number {i}."))).unwrap();
        }
        let hits = store.search("common", 3).unwrap();
        let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
        let newest = RANKED_MATCHES + 4;
        assert_eq!(titles, ["Common ground", &format!("Report {newest}"), &format!("Report {}", newest - 1)]);
        assert!(hits.iter().all(|h| !h.highlights.is_empty()));
    }

    #[test]
    fn hostile_queries_never_error() {
        let store = library();
        for query in [
            "\"",
            "*",
            "(",
            ")",
            "AND (",
            "\"unbalanced",
            "NEAR(a b",
            "col:value",
            "^start",
            "a OR",
            "-",
            "''",
            "\u{0}",
        ] {
            store.search(query, 10).unwrap_or_else(|e| panic!("{query:?}: {e}"));
        }
    }
}
