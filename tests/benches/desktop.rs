//! Desktop benchmarks, measured in the real app through the end-to-end harness (issue #3):
//!
//! - cold start: process start to an interactive list of a 1,000-article library (≤ 1.0 s);
//! - opening a 20,000-word article to its first paint (≤ 150 ms);
//! - resident memory after opening 20 articles (≤ 250 MB);
//! - opening an article with 1,000 highlights until they are painted (≤ 200 ms).
//!
//! Run with `make bench-desktop` (or `cargo bench -p lectern-e2e --bench desktop`). The
//! figures print as a table and go to `target/bench-desktop.json`. Times come from the page's
//! own clock (`performance` marks set by the UI) and, for the start, from the kernel's record
//! of when the process began, so WebDriver's overhead is not counted.

use lectern_core::annotation::{Body, Color, Selection};
use lectern_core::Library;
use lectern_e2e::{flow, workspace_root, App};
use serde_json::{json, Value};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Launches per measurement (the median is reported).
const ROUNDS: usize = 5;

#[derive(Debug, Clone, serde::Serialize)]
struct Figure {
    name: &'static str,
    target: f64,
    unit: &'static str,
    median: f64,
    samples: Vec<f64>,
}

type Figures = Arc<Mutex<Vec<Figure>>>;

fn record(figures: &Figures, name: &'static str, target: f64, unit: &'static str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    let median = samples[samples.len() / 2];
    println!("{name}: median {median:.1} {unit} (target ≤ {target} {unit}); samples {samples:.1?}");
    figures.lock().unwrap().push(Figure { name, target, unit, median, samples });
}

// ---- generated articles ----

const WORDS: &[&str] = &[
    "river",
    "council",
    "restoration",
    "the",
    "of",
    "and",
    "a",
    "meadow",
    "water",
    "bridge",
    "spring",
    "harbour",
    "ferry",
    "reading",
    "library",
    "quiet",
    "morning",
    "engineer",
    "village",
    "road",
    "plan",
    "report",
    "season",
    "rain",
    "field",
    "school",
    "market",
    "station",
    "history",
    "volunteers",
    "gathered",
    "measured",
    "planted",
];

/// `words` words of prose in paragraphs of about 60, with a heading every 10 paragraphs.
fn markdown(title: &str, words: usize, seed: u64) -> String {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut out = format!("# {title}\n\n");
    let (mut written, mut paragraph) = (0, 0);
    while written < words {
        if paragraph % 10 == 0 {
            out.push_str(&format!("## Part {}\n\n", paragraph / 10 + 1));
        }
        let n = 60.min(words - written);
        let sentence: Vec<&str> = (0..n).map(|_| WORDS[next() % WORDS.len()]).collect();
        out.push_str(&sentence.join(" "));
        out.push_str(".\n\n");
        written += n;
        paragraph += 1;
    }
    out
}

/// Adds `count` generated articles of `words` words each; returns their ids.
fn add_articles(library: &mut Library, dir: &Path, count: usize, words: usize, prefix: &str) -> Vec<String> {
    (0..count)
        .map(|n| {
            let path = dir.join(format!("{prefix}-{n}.md"));
            std::fs::write(&path, markdown(&format!("{prefix} {n}"), words, n as u64)).unwrap();
            library.add(path.to_str().unwrap()).unwrap().id.0
        })
        .collect()
}

fn populate(library_dir: &Path, fill: impl FnOnce(&mut Library, &Path) + Send + 'static) {
    let dir = library_dir.to_path_buf();
    std::thread::spawn(move || {
        let mut library = Library::open(&dir).unwrap();
        let sources = tempfile::tempdir().unwrap();
        fill(&mut library, sources.path());
    })
    .join()
    .unwrap();
}

// ---- measuring in the page and in /proc ----

/// Milliseconds from the mark `from` (or a script-set time) to the mark `to`, waiting for it.
async fn mark_time(app: &App, name: &str) -> f64 {
    let script = format!(
        "const m = performance.getEntriesByName('{name}'); return m.length ? m[m.length - 1].startTime : null;"
    );
    app.wait_js(&script).await.as_f64().unwrap()
}

/// Clicks the article link titled `title` and returns the milliseconds to `mark`.
async fn open_and_time(app: &App, title: &str, mark: &str) -> f64 {
    app.js(
        "performance.clearMarks(arguments[1]); window.__benchClick = performance.now(); \
         [...document.querySelectorAll('.article-link')].find((a) => a.textContent === arguments[0]).click();",
        vec![json!(title), json!(mark)],
    )
    .await;
    let at = mark_time(app, mark).await;
    let clicked = app.js("return window.__benchClick", vec![]).await.as_f64().unwrap();
    at - clicked
}

async fn back_to_library(app: &App) {
    app.js("location.hash = '#/'", vec![]).await;
    app.wait_js("return document.querySelectorAll('.article-row').length > 0").await;
}

/// The app's process: the `lectern-desktop` running on `library`.
fn app_pid(library: &Path) -> u32 {
    let wanted = library.to_string_lossy().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .find(|pid| {
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let args: Vec<String> =
                cmdline.split(|b| *b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
            args.first().is_some_and(|a| a.ends_with("lectern-desktop")) && args.contains(&wanted)
        })
        .expect("the app's process")
}

/// When process `pid` started, in milliseconds since the Unix epoch (10 ms resolution).
fn process_start_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    let ticks: f64 = fields[19].parse().unwrap();
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // USER_HZ is 100 on Linux.
    boot * 1000.0 + ticks * 10.0
}

/// The process and its descendants (the WebKit web and network processes).
fn process_tree(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let ppid = stat[stat.rfind(')')? + 2..].split(' ').nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(parents.iter().filter(|(_, p)| *p == parent).map(|(c, _)| *c));
        i += 1;
    }
    tree
}

/// A `kB` field of `/proc/<pid>/<file>` in MB.
fn proc_mb(pid: u32, file: &str, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/{file}"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

// ---- the benchmarks ----

async fn cold_start(figures: Figures) {
    flow("bench-cold-start", move |ctx| async move {
        populate(&ctx.library, |library, dir| {
            add_articles(library, dir, 1000, 400, "Article");
        });
        let mut samples = Vec::new();
        for _ in 0..ROUNDS {
            let app = ctx.launch().await;
            let interactive = mark_time(&app, "lectern:library-interactive").await;
            let origin = app.js("return performance.timeOrigin", vec![]).await.as_f64().unwrap();
            let started = process_start_ms(app_pid(&ctx.library));
            let rows = app.count(".article-row").await;
            assert!(rows >= 50, "the first page of the list is shown ({rows} rows)");
            samples.push(origin + interactive - started);
            app.quit().await;
        }
        record(&figures, "cold start to an interactive list, 1,000 articles", 1000.0, "ms", samples);
    })
    .await;
}

async fn open_long_article(figures: Figures) {
    flow("bench-open-article", move |ctx| async move {
        populate(&ctx.library, |library, dir| {
            add_articles(library, dir, 20, 400, "Article");
            add_articles(library, dir, 1, 20_000, "Long");
        });
        let app = ctx.launch().await;
        let words = app.js("return document.querySelector('.article-row')?.textContent", vec![]).await;
        assert!(words.as_str().is_some_and(|t| t.contains("Long 0")), "the long article is listed first");
        let mut samples = Vec::new();
        for _ in 0..ROUNDS {
            samples.push(open_and_time(&app, "Long 0", "lectern:article-painted").await);
            let blocks = app.count(".article-body .block").await;
            assert!(blocks > 300, "the whole article is rendered ({blocks} blocks)");
            back_to_library(&app).await;
        }
        record(&figures, "open a 20,000-word article to first paint", 150.0, "ms", samples);
    })
    .await;
}

/// Resident memory of a process tree, in MB: RSS (pages counted once per process, so the
/// WebKit libraries the three processes share count three times), PSS (shared pages split
/// between the processes that map them) and USS (pages no other process maps).
#[derive(Debug, Clone, Copy)]
struct Memory {
    rss: f64,
    pss: f64,
    uss: f64,
}

impl Memory {
    fn of(pid: u32) -> Memory {
        Memory {
            rss: proc_mb(pid, "status", "VmRSS:"),
            pss: proc_mb(pid, "smaps_rollup", "Pss:"),
            uss: proc_mb(pid, "smaps_rollup", "Private_Clean:") + proc_mb(pid, "smaps_rollup", "Private_Dirty:"),
        }
    }

    /// Every process of `tree`, printed one per line, and their sum.
    fn of_tree(tree: &[u32]) -> Memory {
        let mut total = Memory { rss: 0.0, pss: 0.0, uss: 0.0 };
        for pid in tree {
            let m = Memory::of(*pid);
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            println!("memory:   {:<16} RSS {:4.0} MB, PSS {:4.0} MB, USS {:4.0} MB", name.trim(), m.rss, m.pss, m.uss);
            total = Memory { rss: total.rss + m.rss, pss: total.pss + m.pss, uss: total.uss + m.uss };
        }
        total
    }
}

/// WebKitGTK's own MiniBrowser on a blank page, as Lectern runs WebKit (compositing off): the
/// least any app built on this engine holds, measured on the same display.
fn webkit_floor(display: &str) -> Option<Memory> {
    let browser = ["/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/libexec"]
        .iter()
        .map(|dir| Path::new(dir).join("webkit2gtk-4.1/MiniBrowser"))
        .find(|p| p.exists())?;
    let mut child = std::process::Command::new(browser)
        .arg("about:blank")
        .env("DISPLAY", display)
        .env("NO_AT_BRIDGE", "1")
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    // Up when its web process is; then let it settle as the app did.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while process_tree(child.id()).len() < 3 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_secs(3));
    println!("memory: WebKitGTK MiniBrowser, blank page:");
    let floor = Memory::of_tree(&process_tree(child.id()));
    let _ = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let _ = child.wait();
    Some(floor)
}

async fn memory_after_twenty(figures: Figures) {
    flow("bench-memory", move |ctx| async move {
        populate(&ctx.library, |library, dir| {
            add_articles(library, dir, 1000, 400, "Article");
        });
        let app = ctx.launch().await;
        let titles = app
            .js("return [...document.querySelectorAll('.article-link')].slice(0, 20).map((a) => a.textContent)", vec![])
            .await;
        let titles: Vec<String> = serde_json::from_value(titles).unwrap();
        assert_eq!(titles.len(), 20);
        let at_start: f64 =
            process_tree(app_pid(&ctx.library)).iter().map(|pid| proc_mb(*pid, "status", "VmRSS:")).sum();
        println!("memory: at start, RSS {at_start:.0} MB");
        for title in &titles {
            open_and_time(&app, title, "lectern:article-painted").await;
            back_to_library(&app).await;
        }
        println!("memory: Lectern after opening 20 articles:");
        let lectern = Memory::of_tree(&process_tree(app_pid(&ctx.library)));
        app.quit().await;
        record(
            &figures,
            "resident memory after opening 20 articles (RSS, app + WebKit)",
            250.0,
            "MB",
            vec![lectern.rss],
        );
        record(&figures, "the same, proportional (PSS)", 250.0, "MB", vec![lectern.pss]);
        record(&figures, "the same, private to Lectern's processes (USS)", 250.0, "MB", vec![lectern.uss]);
        let display = ctx.display().to_string();
        match tokio::task::spawn_blocking(move || webkit_floor(&display)).await.unwrap() {
            Some(floor) => {
                println!(
                    "memory: WebKitGTK's floor (MiniBrowser, blank page): RSS {:.0} MB, PSS {:.0} MB, USS {:.0} MB; \
                     Lectern above it: RSS +{:.0} MB, PSS +{:.0} MB, USS +{:.0} MB",
                    floor.rss,
                    floor.pss,
                    floor.uss,
                    lectern.rss - floor.rss,
                    lectern.pss - floor.pss,
                    lectern.uss - floor.uss
                );
                record(&figures, "peer: WebKitGTK MiniBrowser on a blank page (RSS)", 250.0, "MB", vec![floor.rss]);
            }
            None => println!("memory: MiniBrowser not found (package libwebkit2gtk-4.1-0); no floor measured"),
        }
    })
    .await;
}

async fn thousand_highlights(figures: Figures) {
    flow("bench-highlights", move |ctx| async move {
        populate(&ctx.library, |library, dir| {
            let id = add_articles(library, dir, 1, 8_500, "Highlighted")[0].clone();
            let id = library.resolve(&id).unwrap();
            let text = library.document(&id).unwrap().text();
            let length = text.chars().count();
            for n in 0..1000 {
                let start = n * (length - 40) / 1000;
                let body = Body { color: [Color::Yellow, Color::Green, Color::Blue][n % 3], ..Body::default() };
                library.highlight(&id, Selection::Range { start, end: start + 25 }, body).unwrap();
            }
        });
        let app = ctx.launch().await;
        let mut samples = Vec::new();
        for _ in 0..ROUNDS {
            samples.push(open_and_time(&app, "Highlighted 0", "lectern:highlights-painted").await);
            back_to_library(&app).await;
        }
        record(&figures, "open an article with 1,000 highlights until painted", 200.0, "ms", samples);
    })
    .await;
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let figures: Figures = Arc::default();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| name.contains(o.as_str()));
    if wanted("start") {
        cold_start(figures.clone()).await;
    }
    if wanted("open") {
        open_long_article(figures.clone()).await;
    }
    if wanted("memory") {
        memory_after_twenty(figures.clone()).await;
    }
    if wanted("highlights") {
        thousand_highlights(figures.clone()).await;
    }
    let figures = figures.lock().unwrap().clone();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let report: Value = json!({ "load_average": load.split(' ').take(3).collect::<Vec<_>>(), "figures": figures });
    let path = workspace_root().join("target/bench-desktop.json");
    std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap()).unwrap();
    println!("\n| benchmark | median | target |\n|---|---|---|");
    for f in &figures {
        println!("| {} | {:.0} {} | ≤ {} {} |", f.name, f.median, f.unit, f.target, f.unit);
    }
    println!("(load average {}; written to {})", load.trim(), path.display());
}
