//! What each subcommand prints: the JSON shapes of DESIGN §4, or tidy text for people.

use crate::args::TimelineFormat;
use anyhow::Result;
use lectern_core::annotation::{Annotation, Status};
use lectern_core::document::Document;
use lectern_core::exchange::ImportSummary;
use lectern_core::quotes::QuoteSuggestion;
use lectern_core::store::{ArticleId, ArticleSummary, SearchHit};
use lectern_core::timeline::{AnchoredCorrection, ArticleEvent, Correction, Mention, Timex};
use lectern_core::TimelineReport;
use lectern_core::{AddStatus, Added, GroupSync, Refreshed};
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

/// Something to print: its JSON form and its human form.
pub struct Rendered {
    json: Value,
    human: String,
}

/// Where output goes, and in which form.
pub struct Output {
    pub json: bool,
}

impl Rendered {
    /// The text `Output::print` would write.
    pub fn text(&self, json: bool) -> String {
        if json {
            format!("{:#}\n", self.json)
        } else {
            self.human.clone()
        }
    }
}

impl Output {
    pub fn print(&self, rendered: &Rendered) -> Result<ExitCode> {
        let mut stdout = std::io::stdout().lock();
        if self.json {
            serde_json::to_writer_pretty(&mut stdout, &rendered.json)?;
            writeln!(stdout)?;
        } else {
            write!(stdout, "{}", rendered.human)?;
            stdout.flush()?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The last eight characters of an id: random in a UUIDv7 (the first ones are a timestamp
/// that articles added together share), enough to tell articles apart, and accepted back.
fn short(id: &str) -> &str {
    id.get(id.len().saturating_sub(8)..).unwrap_or(id)
}

pub fn added(added: &[Added]) -> Rendered {
    let json = added.iter().map(|a| json!({"id": a.id, "title": a.title, "status": a.status})).collect();
    let mut human = String::new();
    for a in added {
        let status = match a.status {
            AddStatus::Added => "added ",
            AddStatus::Exists => "exists",
        };
        let _ = writeln!(human, "{status}  {}  {}", short(&a.id.0), a.title);
    }
    Rendered { json: Value::Array(json), human }
}

pub fn refreshed(list: &[Refreshed], title: Option<&str>) -> Rendered {
    let json = list
        .iter()
        .map(|r| json!({"id": r.id, "changed": r.changed, "anchored": r.anchored, "moved": r.moved, "orphaned": r.orphaned}))
        .collect();
    let mut human = String::new();
    for r in list {
        let title = title.unwrap_or_default();
        let _ = match r.changed {
            true => writeln!(
                human,
                "{}  updated     {title} (highlights: {} in place, {} moved, {} orphaned)",
                short(&r.id.0),
                r.anchored,
                r.moved,
                r.orphaned
            ),
            false => writeln!(human, "{}  up to date  {title}", short(&r.id.0)),
        };
    }
    Rendered { json: Value::Array(json), human }
}

pub fn list(articles: &[ArticleSummary]) -> Rendered {
    let json = articles
        .iter()
        .map(|a| {
            json!({"id": a.id, "title": a.title, "source": a.source, "published": a.published, "added": a.added, "words": a.words})
        })
        .collect();
    let mut human = String::new();
    if articles.is_empty() {
        human.push_str("The library is empty. Add articles with `lectern add URL|FILE…`.\n");
    }
    for a in articles {
        let date = a.published.as_deref().map(|p| p.get(..10).unwrap_or(p)).unwrap_or("          ");
        let source = a.source.as_deref().map(|s| format!("  · {s}")).unwrap_or_default();
        let _ = writeln!(human, "{}  {date}  {:>6} words  {}{source}", short(&a.id.0), a.words, a.title);
    }
    Rendered { json: Value::Array(json), human }
}

/// `show` and `extract`: the article's metadata and text. `size` gives a stored image's size.
pub fn show(id: Option<&ArticleId>, doc: &Document, size: impl Fn(&str) -> Option<usize>) -> Rendered {
    let meta = &doc.meta;
    let text = doc.text();
    let words = lectern_core::text::count_words(&text);
    let images: Vec<Value> = doc
        .images()
        .map(|img| json!({"url": img.src, "sha256": img.sha256, "bytes": img.sha256.as_deref().and_then(&size)}))
        .collect();
    let json = json!({
        "id": id,
        "url": meta.url.as_ref().or(meta.canonical_url.as_ref()),
        "title": meta.title,
        "byline": meta.byline,
        "source": meta.source,
        "site_name": meta.site_name,
        "published": meta.published,
        "language": meta.language,
        "breadcrumbs": meta.breadcrumbs,
        "headings": doc.headings(),
        "text": text,
        "words": words,
        "images": images,
    });

    let mut human = format!("{}\n", meta.title);
    let mut line = |label: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(human, "{label:>10}: {value}");
        }
    };
    line("by", meta.byline.as_deref());
    line("source", meta.source.as_deref().or(meta.site_name.as_deref()));
    line("published", meta.published.as_deref());
    line("language", meta.language.as_deref());
    line("location", Some(&meta.breadcrumbs.join(" › ")));
    line("url", meta.url.as_deref().or(meta.canonical_url.as_deref()));
    let minutes = lectern_core::text::reading_minutes(words);
    let _ = writeln!(human, "{:>10}: {words} ({minutes} min read)\n\n{text}", "words");
    Rendered { json, human }
}

pub fn search(hits: &[SearchHit]) -> Rendered {
    let json = hits.iter().map(|h| json!({"id": h.id, "title": h.title, "snippet": h.snippet})).collect();
    let mut human = String::new();
    if hits.is_empty() {
        human.push_str("No matches.\n");
    }
    for h in hits {
        let _ = writeln!(human, "{}  {}\n          {}", short(&h.id.0), h.title, h.snippet);
    }
    Rendered { json: Value::Array(json), human }
}

pub fn removed(id: &ArticleId) -> Rendered {
    Rendered { json: json!({"id": id, "removed": true}), human: format!("removed {id}\n") }
}

pub fn timeline(events: &[ArticleEvent]) -> Rendered {
    let json = events
        .iter()
        .map(|e| {
            let ev = &e.event;
            json!({
                "article": e.article, "value": ev.value, "from": ev.from.to_string(), "to": ev.to.to_string(),
                "precision": ev.precision, "mention": ev.mention, "sentence": ev.sentence,
            })
        })
        .collect();
    let mut human = String::new();
    if events.is_empty() {
        human.push_str("No dated events.\n");
    }
    for e in events {
        // Marks tell people which dates are theirs: `*` corrected, `-` hidden.
        let mark = if e.hidden {
            '-'
        } else if e.corrected {
            '*'
        } else {
            ' '
        };
        let sentence = e.event.sentence.replace('\n', " ");
        let _ = writeln!(human, "{:<10}{mark} {}  {}", e.event.value, short(&e.article.0), sentence);
    }
    Rendered { json: Value::Array(json), human }
}

/// `timeline --format`: the whole export, as text.
pub fn timeline_export(format: TimelineFormat, title: &str, report: &TimelineReport) -> String {
    use lectern_core::timeline::{to_csv, to_markdown, to_timelinejs};
    match format {
        TimelineFormat::Json => {
            let events: Vec<Value> = report
                .events
                .iter()
                .map(|e| {
                    let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
                    if let Some(o) = v.as_object_mut() {
                        o.insert("title".into(), json!(report.titles.get(&e.article)));
                    }
                    v
                })
                .collect();
            format!("{:#}\n", Value::Array(events))
        }
        TimelineFormat::Csv => to_csv(&report.events, &report.titles),
        TimelineFormat::Md => to_markdown(title, &report.events, &report.titles),
        TimelineFormat::Timelinejs => format!("{:#}\n", to_timelinejs(title, &report.events, &report.titles)),
    }
}

/// `event edit|hide|add`: the stored correction.
pub fn correction(c: &Correction) -> Rendered {
    let value = c.value.as_deref().map(|v| format!(" → {v}")).unwrap_or_default();
    let human =
        format!("{} `{}` at {}{value} (correction {})\n", c.kind.as_str(), c.mention.text, c.mention.start, c.id);
    Rendered { json: json!(c), human }
}

/// `event rm`: the removed correction.
pub fn correction_removed(c: &Correction) -> Rendered {
    Rendered { json: json!({"id": c.id, "removed": true}), human: format!("removed correction {}\n", c.id) }
}

/// `event unhide`.
pub fn unhidden(article: &ArticleId, mention: &Mention, was_hidden: bool) -> Rendered {
    let human = if was_hidden {
        format!("`{}` is shown again\n", mention.text)
    } else {
        format!("`{}` was not hidden\n", mention.text)
    };
    Rendered { json: json!({"article": article, "mention": mention, "unhidden": was_hidden}), human }
}

/// `event list`: an article's corrections, orphans marked.
pub fn corrections(list: &[AnchoredCorrection]) -> Rendered {
    let json = list
        .iter()
        .map(|c| {
            let mut v = json!(c.correction);
            v["status"] = json!(if c.is_orphan() { "orphan" } else { "anchored" });
            v["anchor"] = json!(c.anchor);
            v
        })
        .collect();
    let mut human = String::new();
    if list.is_empty() {
        human.push_str("No corrections.\n");
    }
    for c in list {
        let k = &c.correction;
        let status = if c.is_orphan() { "  (orphaned)" } else { "" };
        let value = k.value.as_deref().unwrap_or("");
        let _ = writeln!(human, "{}  {:<4}  {:<10}  `{}`{status}", k.id, k.kind.as_str(), value, k.mention.text);
    }
    Rendered { json: Value::Array(json), human }
}

/// `highlight`: the annotation as W3C JSON, or one line.
pub fn annotation(a: &Annotation) -> Rendered {
    Rendered { json: a.to_w3c(), human: annotation_line(a) }
}

/// `highlights`: a list of W3C annotations, or one line each.
pub fn annotations(list: &[Annotation]) -> Rendered {
    let mut human = String::new();
    if list.is_empty() {
        human.push_str("No highlights. Add one with `lectern highlight ID --quote TEXT`.\n");
    }
    for a in list {
        human.push_str(&annotation_line(a));
    }
    Rendered { json: Value::Array(list.iter().map(Annotation::to_w3c).collect()), human }
}

fn annotation_line(a: &Annotation) -> String {
    let orphan = if a.status == Status::Orphan { "  (orphan)" } else { "" };
    let mut line =
        format!("{}  {:<6}  “{}”{orphan}", short(&a.id.0), a.body.color, clip(&a.target.selectors.quote.exact, 80));
    if let Some(note) = &a.body.note {
        let _ = write!(line, "  — {}", clip(note.lines().next().unwrap_or(""), 60));
    }
    for tag in &a.body.tags {
        let _ = write!(line, "  #{tag}");
    }
    line.push('\n');
    line
}

/// `quotes`: `[{"text","speaker","start","end"}]`, or one quote a line.
pub fn quotes(list: &[QuoteSuggestion]) -> Rendered {
    let json =
        list.iter().map(|q| json!({"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end})).collect();
    let mut human = String::new();
    if list.is_empty() {
        human.push_str("No quotations found.\n");
    }
    for q in list {
        let speaker = q.speaker.as_deref().map(|s| format!("  — {s}")).unwrap_or_default();
        let _ = writeln!(human, "{:>6}  “{}”{speaker}", q.start, clip(&q.text, 100));
    }
    Rendered { json: Value::Array(json), human }
}

/// The `dates` JSON shape: `[{"start","end","text","value","type"}]`.
pub fn timex_values(timexes: &[Timex]) -> Value {
    timexes
        .iter()
        .map(|t| json!({"start": t.start, "end": t.end, "text": t.text, "value": t.value, "type": t.kind}))
        .collect()
}

pub fn timexes(timexes: &[Timex]) -> Rendered {
    let mut human = String::new();
    for t in timexes {
        let kind = serde_json::to_value(t.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let _ = writeln!(human, "{:>6}–{:<6} {:<9} {:<12} {}", t.start, t.end, kind, t.value, t.text);
    }
    Rendered { json: timex_values(timexes), human }
}

/// At most `max` characters of `text` on one line, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    let flat: String = text.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

pub fn backup(path: &std::path::Path, bytes: u64) -> Rendered {
    let json = json!({"backup": path, "bytes": bytes});
    Rendered { json, human: format!("backed up to {} ({bytes} bytes)\n", path.display()) }
}

pub fn restored(restored: &lectern_core::Restored) -> Rendered {
    let json = json!({"restored": restored.restored, "previous": restored.previous});
    let human = format!(
        "restored from {}; the previous library is kept as {}\n",
        restored.restored.display(),
        restored.previous.display()
    );
    Rendered { json, human }
}

pub fn exported(path: &std::path::Path, bytes: usize) -> Rendered {
    let json = json!({"file": path, "bytes": bytes});
    Rendered { json, human: format!("wrote {} ({bytes} bytes)\n", path.display()) }
}

fn summary_line(s: &ImportSummary) -> String {
    format!(
        "{} added, {} updated, {} unchanged, {} orphaned, {} articles added, {} skipped",
        s.added, s.updated, s.unchanged, s.orphaned, s.articles_added, s.skipped
    )
}

pub fn imported(summary: &ImportSummary) -> Rendered {
    Rendered { json: json!(summary), human: format!("{}\n", summary_line(summary)) }
}

pub fn synced(sync: &GroupSync) -> Rendered {
    let mut human = format!("wrote {}\n", sync.written.display());
    for member in &sync.members {
        let line = match (&member.summary, &member.error) {
            (Some(summary), _) => summary_line(summary),
            (None, error) => format!("error: {}", error.as_deref().unwrap_or("unknown")),
        };
        let _ = writeln!(human, "{}: {line}", member.file);
    }
    Rendered { json: json!(sync), human }
}

pub fn whoami(name: &str) -> Rendered {
    Rendered { json: json!({"creator": name}), human: format!("{name}\n") }
}
