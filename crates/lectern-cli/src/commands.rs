//! One function per subcommand, each a few lines over the core.

use crate::args::{Args, Command, EventCommand, TimelineFormat};
use crate::render::{self, Output};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use lectern_core::annotation::{AnnotationFilter, Body, Selection};
use lectern_core::{ingest, timeline, ExportScope, Library};
use std::io::IsTerminal;
use std::io::Write as _;
use std::process::ExitCode;

pub fn run(args: Args) -> Result<ExitCode> {
    let out = Output { json: args.json };
    match args.command {
        Command::Extract { file, url } => extract(&out, &file, url.as_deref()),
        Command::Dates { dct, jsonl, file } => dates(&out, dct.as_deref(), jsonl, file.as_deref()),
        command => {
            let dir = match args.library {
                Some(dir) => dir,
                None => Library::default_dir()?,
            };
            let mut library = Library::open(&dir)?;
            match command {
                Command::Add { sources } => add(&out, &mut library, &sources),
                Command::Refresh { ids } => refresh(&out, &mut library, &ids),
                Command::List { sort } => out.print(&render::list(&library.list(sort.into())?)),
                Command::Show { id } => {
                    let id = library.resolve(&id)?;
                    let view = library.open_article(&id)?;
                    out.print(&render::show(Some(&id), &view.article.document, |sha| {
                        library.asset_size(sha).ok().flatten()
                    }))
                }
                Command::Search { query, limit } => {
                    out.print(&render::search(&library.search(&query.join(" "), limit)?))
                }
                Command::Rm { id } => {
                    let id = library.resolve(&id)?;
                    library.delete(&id)?;
                    out.print(&render::removed(&id))
                }
                Command::Samples => {
                    let added = library.add_samples()?;
                    out.print(&render::added(&added))
                }
                Command::Timeline { ids, tag, format, output, hidden } => {
                    timeline_command(&out, &library, &ids, tag.as_deref(), format, output.as_deref(), hidden)
                }
                Command::Event(command) => event_command(&out, &mut library, command),
                Command::Highlight { id, quote, note, color, tags } => {
                    let id = library.resolve(&id)?;
                    let body = Body { note, tags, color: color.parse()? };
                    out.print(&render::annotation(&library.highlight(&id, Selection::Quote(quote), body)?))
                }
                Command::Highlights { id } => {
                    let article = id.map(|id| library.resolve(&id)).transpose()?;
                    out.print(&render::annotations(
                        &library.annotations(&AnnotationFilter { article, ..Default::default() })?,
                    ))
                }
                Command::Quotes { id } => {
                    let id = library.resolve(&id)?;
                    out.print(&render::quotes(&library.quotes(&id)?))
                }
                Command::Export { format, tag, ids, output } => {
                    let scope = match (tag, ids.is_empty()) {
                        (Some(tag), _) => ExportScope::Tag(tag),
                        (None, true) => ExportScope::All,
                        (None, false) => ExportScope::Articles(
                            ids.iter().map(|id| library.resolve(id)).collect::<Result<Vec<_>, _>>()?,
                        ),
                    };
                    let bytes = library.export(&scope, format.into())?;
                    lectern_core::exchange::write_whole(&output, &bytes)?;
                    out.print(&render::exported(&output, bytes.len()))
                }
                Command::Import { file } => out.print(&render::imported(&library.import_file(&file)?)),
                Command::Sync { folder } => out.print(&render::synced(&library.sync_group(&folder)?)),
                Command::Backup { file, force } => {
                    let bytes = library.backup(&file, force)?;
                    out.print(&render::backup(&file, bytes))
                }
                Command::Restore { file } => {
                    let (_, restored) = library.restore(&file)?;
                    out.print(&render::restored(&restored))
                }
                Command::Whoami { name } => {
                    let name = match name {
                        Some(name) => library.set_creator(&name)?,
                        None => library.creator()?,
                    };
                    out.print(&render::whoami(&name))
                }
                Command::Extract { .. } | Command::Dates { .. } => unreachable!("handled above"),
            }
        }
    }
}

/// Adds each source in turn; a failure is reported and the others still go in. Without
/// `--json`, each article's line is printed (and flushed: stdout is line-buffered) as soon as
/// it is stored, so a script or a killed run knows exactly what was saved.
fn add(out: &Output, library: &mut Library, sources: &[String]) -> Result<ExitCode> {
    let bar = progress_bar(sources.len());
    let mut added = Vec::new();
    let mut failed = 0;
    for source in sources {
        bar.set_message(source.clone());
        match library.add(source) {
            Ok(result) if !out.json => {
                bar.suspend(|| out.print(&render::added(std::slice::from_ref(&result))))?;
            }
            Ok(result) => added.push(result),
            Err(error) => {
                failed += 1;
                bar.suspend(|| eprintln!("lectern: {error}"));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if out.json {
        out.print(&render::added(&added))?;
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Downloads each article again in turn; like `add`, a failure is reported and the others
/// still go, each line printed as soon as its article is done.
fn refresh(out: &Output, library: &mut Library, ids: &[String]) -> Result<ExitCode> {
    let bar = progress_bar(ids.len());
    let mut refreshed = Vec::new();
    let mut failed = 0;
    for id in ids {
        bar.set_message(id.clone());
        let result = library.resolve(id).and_then(|id| {
            let refreshed = library.refresh(&id)?;
            Ok((refreshed, library.document(&id)?.meta.title))
        });
        match result {
            Ok((result, title)) if !out.json => {
                bar.suspend(|| out.print(&render::refreshed(&[result], Some(&title))))?;
            }
            Ok((result, _)) => refreshed.push(result),
            Err(error) => {
                failed += 1;
                bar.suspend(|| eprintln!("lectern: {error}"));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if out.json {
        out.print(&render::refreshed(&refreshed, None))?;
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// A progress bar on a terminal when there is more than one source; hidden otherwise, so
/// scripts and pipes see clean output.
fn progress_bar(len: usize) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}").expect("valid template").progress_chars("█▉ "),
    );
    bar
}

fn extract(out: &Output, file: &std::path::Path, url: Option<&str>) -> Result<ExitCode> {
    let mut draft = ingest::load_file(file)?;
    if let Some(url) = url {
        let url = url::Url::parse(url).with_context(|| format!("invalid --url `{url}`"))?;
        draft.document.meta.url = Some(url.to_string());
    }
    let sizes: std::collections::HashMap<_, _> =
        draft.assets.iter().map(|a| (a.sha256.clone(), a.bytes.len())).collect();
    out.print(&render::show(None, &draft.document, |sha| sizes.get(sha).copied()))
}

fn parse_dct(text: &str) -> Result<chrono::NaiveDate> {
    let date = text.get(..10).unwrap_or(text);
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .with_context(|| format!("invalid date `{text}` (want YYYY-MM-DD)"))
}

fn read_input(file: Option<&std::path::Path>) -> Result<String> {
    match file {
        Some(path) => std::fs::read_to_string(path).with_context(|| format!("cannot read `{}`", path.display())),
        None => std::io::read_to_string(std::io::stdin()).context("cannot read standard input"),
    }
}

/// `dates`: one text, or with `--jsonl` one document per line (the benchmark's batch form).
fn dates(out: &Output, dct: Option<&str>, jsonl: bool, file: Option<&std::path::Path>) -> Result<ExitCode> {
    let default_dct = dct.map(parse_dct).transpose()?;
    let input = read_input(file)?;
    if !jsonl {
        return out.print(&render::timexes(&timeline::tag(&input, default_dct)));
    }
    let mut stdout = std::io::stdout().lock();
    for (number, line) in input.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let doc: DatesLine = serde_json::from_str(line)
            .with_context(|| format!("line {}: not a {{\"id\",\"text\",\"dct\"}} object", number + 1))?;
        let dct = doc.dct.as_deref().map(parse_dct).transpose()?.or(default_dct);
        let timexes = render::timex_values(&timeline::tag(&doc.text, dct));
        writeln!(stdout, "{}", serde_json::json!({"id": doc.id, "timexes": timexes}))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of `dates --jsonl` input.
#[derive(serde::Deserialize)]
struct DatesLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    dct: Option<String>,
}

/// `timeline`: the corrected timeline, printed or exported; orphaned corrections are named
/// on standard error so they are not lost from sight.
fn timeline_command(
    out: &Output,
    library: &Library,
    ids: &[String],
    tag: Option<&str>,
    format: Option<TimelineFormat>,
    output: Option<&std::path::Path>,
    hidden: bool,
) -> Result<ExitCode> {
    let ids = match tag {
        Some(tag) => {
            let ids = library.tagged(tag)?;
            anyhow::ensure!(!ids.is_empty(), "no article is tagged `{tag}`");
            ids
        }
        None => ids.iter().map(|id| library.resolve(id)).collect::<Result<Vec<_>, _>>()?,
    };
    let report = library.timeline_report(&ids, hidden)?;
    for orphan in &report.orphans {
        eprintln!(
            "lectern: correction {} ({} of `{}` in {}) is orphaned: its text is no longer in the article",
            orphan.id,
            orphan.kind.as_str(),
            orphan.mention.text,
            orphan.article
        );
    }
    let title = match (tag, report.titles.len()) {
        (Some(tag), _) => format!("Timeline: {tag}"),
        (None, 1) => report.titles.values().next().cloned().unwrap_or_default(),
        (None, _) => "Timeline".to_string(),
    };
    let Some(format) = format else {
        let rendered = render::timeline(&report.events);
        return match output {
            Some(path) => write_file(path, &rendered.text(out.json)),
            None => out.print(&rendered),
        };
    };
    let text = render::timeline_export(format, &title, &report);
    match output {
        Some(path) => write_file(path, &text),
        None => {
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`, so a failure
/// leaves either the old file or nothing, never half of the new one.
fn write_file(path: &std::path::Path, text: &str) -> Result<ExitCode> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let name = path.file_name().with_context(|| format!("`{}` is not a file name", path.display()))?;
    let temp = dir.join(format!(".{}.partial", name.to_string_lossy()));
    std::fs::write(&temp, text).with_context(|| format!("cannot write `{}`", temp.display()))?;
    std::fs::rename(&temp, path).with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// `event …`: one correction of one article's timeline.
fn event_command(out: &Output, library: &mut Library, command: EventCommand) -> Result<ExitCode> {
    match command {
        EventCommand::Edit { id, start, value } => {
            let id = library.resolve(&id)?;
            let mention = library.mention_at(&id, start)?;
            out.print(&render::correction(&library.correct_event(&id, &mention, &value)?))
        }
        EventCommand::Hide { id, start } => {
            let id = library.resolve(&id)?;
            let mention = library.mention_at(&id, start)?;
            out.print(&render::correction(&library.hide_event(&id, &mention)?))
        }
        EventCommand::Unhide { id, start } => {
            let id = library.resolve(&id)?;
            let mention = library.mention_at(&id, start)?;
            let was_hidden = library.unhide_event(&id, &mention)?;
            out.print(&render::unhidden(&id, &mention, was_hidden))
        }
        EventCommand::Add { id, start, end, value } => {
            let id = library.resolve(&id)?;
            out.print(&render::correction(&library.add_event(&id, start, end, &value)?))
        }
        EventCommand::List { id } => {
            let id = library.resolve(&id)?;
            out.print(&render::corrections(&library.timeline_corrections(&id)?))
        }
        EventCommand::Rm { correction } => {
            let removed = library.remove_correction(&correction)?;
            out.print(&render::correction_removed(&removed))
        }
    }
}
