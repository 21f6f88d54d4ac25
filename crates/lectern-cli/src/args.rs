//! The command line, as clap reads it.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Read and study downloaded web articles offline.
#[derive(Debug, Parser)]
#[command(name = "lectern", version, about, long_about = None)]
pub struct Args {
    /// The library folder [default: $LECTERN_LIBRARY, else the platform data folder]
    #[arg(long, global = true, value_name = "DIR")]
    pub library: Option<PathBuf>,

    /// Print exactly one JSON document on standard output
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add articles from URLs or files (.html, .htm, .md, .txt)
    Add {
        /// URLs or file paths
        #[arg(required = true, value_name = "SOURCE")]
        sources: Vec<String>,
    },
    /// Download articles again from their web address; when one changed, replace it and
    /// re-anchor its highlights (those whose words are gone are kept as orphans)
    Refresh {
        /// The articles (ids, or unique starts or ends of ids)
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// List the articles in the library
    List {
        /// Sort order
        #[arg(long, value_enum, default_value_t = SortArg::Added)]
        sort: SortArg,
    },
    /// Show one article (its id, or a unique start or end of it)
    Show {
        /// The article
        id: String,
    },
    /// Search titles, bylines, text and notes
    Search {
        /// Words to look for (English inflections and two-character Chinese words match)
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many results
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Remove an article for good
    Rm {
        /// The article
        id: String,
    },
    /// Extract an article from a file without adding it to a library
    Extract {
        /// An .html, .htm, .md or .txt file
        file: PathBuf,
        /// The address the file was saved from (recorded as the article's URL)
        #[arg(long)]
        url: Option<String>,
    },
    /// Add the sample articles that ship with Lectern
    Samples,
    /// The timeline of events of some articles, of a tag, or of the whole library, with the
    /// user's corrections applied; optionally exported
    #[command(after_help = "Formats: json (the events with their corrections), csv (RFC 4180), md (Markdown by \
year and month), timelinejs (TimelineJS3 JSON). `--json` alone prints the plain event list. \
Correct events with `lectern event`.")]
    Timeline {
        /// Articles (ids, or unique starts or ends of ids); none means the whole library
        ids: Vec<String>,
        /// Only articles with this tag (case-insensitive)
        #[arg(long, value_name = "T", conflicts_with = "ids")]
        tag: Option<String>,
        /// Write the timeline in this format
        #[arg(long, value_enum)]
        format: Option<TimelineFormat>,
        /// Write to this file instead of standard output (replaced whole, never half-written)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Include events hidden with `lectern event hide`
        #[arg(long)]
        hidden: bool,
    },
    /// Correct an article's timeline: edit an event's date, hide or unhide it, add one from a
    /// selection, list or remove corrections
    #[command(subcommand)]
    Event(EventCommand),
    /// Find dates and other temporal expressions in a text (no library)
    Dates {
        /// The reference date for "yesterday", "last week", year-less dates… (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        dct: Option<String>,
        /// Read `{"id","text","dct"}` lines and write one `{"id","timexes"}` line each
        #[arg(long)]
        jsonl: bool,
        /// The text file [default: standard input]
        file: Option<PathBuf>,
    },
    /// Highlight words of an article, with an optional note, colour and tags
    Highlight {
        /// The article
        id: String,
        /// The words to highlight (their first occurrence in the article's text)
        #[arg(long)]
        quote: String,
        /// A note, in Markdown
        #[arg(long, value_name = "MD")]
        note: Option<String>,
        /// The colour: yellow, green, blue, pink or purple
        #[arg(long, default_value = "yellow")]
        color: String,
        /// A tag (repeat for several)
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
    },
    /// List highlights: one article's in reading order, or the whole library's
    Highlights {
        /// The article [default: every article]
        id: Option<String>,
    },
    /// Suggest key quotes (quoted speech and who said it) in an article
    Quotes {
        /// The article
        id: String,
    },
    /// Export articles' highlights: Markdown, W3C JSON-LD, or a .lectern bundle
    Export {
        /// The format: md, json (a W3C AnnotationCollection) or bundle (.lectern)
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Only the articles with this tag
        #[arg(long, value_name = "T", conflicts_with = "ids")]
        tag: Option<String>,
        /// The articles [default: the whole library]
        ids: Vec<String>,
        /// The file to write
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Import a .lectern bundle, W3C annotation JSON or a Hypothesis export
    Import {
        /// The file
        file: PathBuf,
    },
    /// Sync with a study group's folder: write your file, import everyone else's
    Sync {
        /// The shared folder
        folder: PathBuf,
    },
    /// Copy the library to one file, consistently, even while the app is writing to it
    Backup {
        /// The file to write
        file: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Replace the library with a backup (the current library is kept beside it as
    /// `library.sqlite3.before-restore-<time>`)
    Restore {
        /// A file written by `lectern backup`
        file: PathBuf,
    },
    /// Show the name your highlights are made under, or set it
    Whoami {
        /// The new name
        name: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormatArg {
    Md,
    Json,
    Bundle,
}

impl From<ExportFormatArg> for lectern_core::ExportFormat {
    fn from(format: ExportFormatArg) -> Self {
        match format {
            ExportFormatArg::Md => Self::Markdown,
            ExportFormatArg::Json => Self::W3c,
            ExportFormatArg::Bundle => Self::Bundle,
        }
    }
}

/// `lectern event …`: corrections of one article's timeline. An event is named by the start
/// of its mention (`mention.start` in `lectern --json timeline`), in code points.
#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Give an event another date (2021-03-02, 2021-03, 2021, 2021-Q1, 2021-SU, 2021-W10)
    Edit {
        /// The article
        id: String,
        /// Where the event's mention starts
        #[arg(long, visible_alias = "mention-start", value_name = "N")]
        start: usize,
        /// The new date
        #[arg(long, value_name = "V")]
        value: String,
    },
    /// Leave an event out of the timeline
    Hide {
        /// The article
        id: String,
        /// Where the event's mention starts
        #[arg(long, visible_alias = "mention-start", value_name = "N")]
        start: usize,
    },
    /// Show a hidden event again
    Unhide {
        /// The article
        id: String,
        /// Where the event's mention starts
        #[arg(long, visible_alias = "mention-start", value_name = "N")]
        start: usize,
    },
    /// Add an event from a selection of the article's text (code points, end exclusive)
    Add {
        /// The article
        id: String,
        /// Where the selection starts
        #[arg(long, value_name = "N")]
        start: usize,
        /// Where the selection ends
        #[arg(long, value_name = "N")]
        end: usize,
        /// Its date
        #[arg(long, value_name = "V")]
        value: String,
    },
    /// List an article's corrections, with those whose text is gone marked orphaned
    List {
        /// The article
        id: String,
    },
    /// Delete a correction by its id: the event goes back to what the tagger found
    Rm {
        /// The correction's id
        correction: String,
    },
}

/// What `lectern timeline --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// The events with their corrections, as JSON
    Json,
    /// Comma-separated values
    Csv,
    /// Markdown, by year and month
    Md,
    /// TimelineJS3 JSON
    Timelinejs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    Added,
    Published,
    Title,
}

impl From<SortArg> for lectern_core::store::Sort {
    fn from(sort: SortArg) -> Self {
        match sort {
            SortArg::Added => Self::Added,
            SortArg::Published => Self::Published,
            SortArg::Title => Self::Title,
        }
    }
}
