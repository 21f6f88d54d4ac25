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
    /// The timeline of events of some articles, or of the whole library
    Timeline {
        /// Articles (ids, or unique starts or ends of ids); none means the whole library
        ids: Vec<String>,
    },
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
