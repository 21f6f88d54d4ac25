//! Crash safety: the built `lectern` is killed with SIGKILL at random moments while it adds
//! articles, imports a bundle, writes highlights and migrates an old library. After every kill the library must pass
//! SQLite's integrity check, still open, and hold every write the command had acknowledged
//! (printed on standard output) before it died. Delays are drawn from a fixed seed, so a
//! failure replays.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift64*): no dependency, same delays every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

fn lectern(library: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lectern"));
    command.arg("--library").arg(library).env_remove("LECTERN_LIBRARY").env("USER", "tester");
    command
}

fn run_ok(command: &mut Command) -> String {
    let out = command.output().expect("lectern runs");
    assert!(out.status.success(), "{command:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Starts `command` with its standard output read line by line on a thread, as it comes.
fn spawn(mut command: Command) -> (Child, std::thread::JoinHandle<Vec<String>>) {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("lectern starts");
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).collect());
    (child, reader)
}

/// Kills `child` after `delay` (if it is still running); returns the lines it printed and
/// whether the kill caught it running.
fn kill_after(mut child: Child, reader: std::thread::JoinHandle<Vec<String>>, delay: Duration) -> (Vec<String>, bool) {
    std::thread::sleep(delay);
    let running = matches!(child.try_wait(), Ok(None));
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
    (reader.join().unwrap(), running)
}

/// Checks the library after a kill: the core still opens it (which resumes any migration
/// the kill interrupted; a kill before the folder was made leaves an empty library) and the
/// integrity check passes.
fn check_intact(library: &Path) -> rusqlite::Connection {
    let db = library.join("library.sqlite3");
    lectern_core::Library::open(library).expect("the library opens after a kill");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "{}", library.display());
    conn
}

#[derive(Default)]
struct Tally {
    trials: usize,
    /// Trials whose kill came before the command had finished.
    killed_running: usize,
    acknowledged: usize,
    lost: Vec<String>,
}

fn write_articles(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|n| {
            let path = dir.join(format!("article-{n}.txt"));
            let body = format!(
                "Harbour report number {n}\n\nThe harbour board met on day {n} and agreed item {n} of the plan. \
                 Dredging work will resume in {} once funds are found.\n\nWords unique to this one: crash{n}x.\n",
                1900 + n
            );
            std::fs::write(&path, body).unwrap();
            path
        })
        .collect()
}

/// `lectern add` of many files, killed part-way: every `added` line names a stored article.
fn add_trials(rng: &mut Rng, work: &Path, trials: usize, tally: &Mutex<Tally>) {
    let files = write_articles(work, 25);
    let full = {
        let library = work.join("calibrate");
        let start = Instant::now();
        run_ok(lectern(&library).arg("add").args(&files));
        start.elapsed()
    };
    for trial in 0..trials {
        let library = work.join(format!("add-{trial}"));
        let mut command = lectern(&library);
        command.arg("add").args(&files);
        let (child, reader) = spawn(command);
        let (lines, running) =
            kill_after(child, reader, Duration::from_micros(rng.below(full.as_micros() as u64 * 11 / 10)));
        let conn = check_intact(&library);
        let mut t = tally.lock().unwrap();
        t.trials += 1;
        t.killed_running += usize::from(running);
        for line in lines.iter().filter(|l| l.starts_with("added")) {
            t.acknowledged += 1;
            let short = line.split_whitespace().nth(1).unwrap();
            let found: i64 =
                conn.query_row("SELECT count(*) FROM articles WHERE id LIKE '%' || ?1", [short], |r| r.get(0)).unwrap();
            if found != 1 {
                t.lost.push(format!("add trial {trial}: {line}"));
            }
        }
    }
}

/// `lectern import` of a bundle, killed part-way: one transaction, so the library holds all
/// of the bundle or none of it, and all of it once the summary was printed.
fn import_trials(rng: &mut Rng, work: &Path, trials: usize, tally: &Mutex<Tally>) {
    let source = work.join("bundle-source");
    let files = write_articles(work, 8);
    run_ok(lectern(&source).arg("add").args(&files));
    let ids: Vec<String> =
        serde_json::from_str::<serde_json::Value>(&run_ok(lectern(&source).args(["--json", "list"])))
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect();
    for (n, id) in ids.iter().enumerate() {
        run_ok(lectern(&source).args(["highlight", id, "--quote", "harbour board", "--note", &format!("note {n}")]));
    }
    let bundle = work.join("study.lectern");
    run_ok(lectern(&source).args(["export", "--format", "bundle", "-o"]).arg(&bundle));
    let full = {
        let start = Instant::now();
        run_ok(lectern(&work.join("import-calibrate")).arg("import").arg(&bundle));
        start.elapsed()
    };
    for trial in 0..trials {
        let library = work.join(format!("import-{trial}"));
        let mut command = lectern(&library);
        command.arg("import").arg(&bundle);
        let (child, reader) = spawn(command);
        let (lines, running) =
            kill_after(child, reader, Duration::from_micros(rng.below(full.as_micros() as u64 * 11 / 10)));
        let conn = check_intact(&library);
        let count = |table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap_or(0)
        };
        let (articles, annotations) = (count("articles"), count("annotations"));
        let mut t = tally.lock().unwrap();
        t.trials += 1;
        t.killed_running += usize::from(running);
        let whole = articles == ids.len() as i64 && annotations == ids.len() as i64;
        assert!(whole || (articles == 0 && annotations == 0), "import trial {trial}: half an import");
        if lines.iter().any(|l| l.contains("added")) {
            t.acknowledged += 1;
            if !whole {
                t.lost.push(format!("import trial {trial}: {articles} articles, {annotations} annotations"));
            }
        }
    }
}

/// `lectern highlight`, killed part-way, into one library that keeps growing: every
/// annotation printed whole is stored.
fn highlight_trials(rng: &mut Rng, work: &Path, trials: usize, tally: &Mutex<Tally>) {
    let library = work.join("highlights");
    let files = write_articles(work, 1);
    run_ok(lectern(&library).arg("add").args(&files));
    let id = serde_json::from_str::<serde_json::Value>(&run_ok(lectern(&library).args(["--json", "list"]))).unwrap()[0]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let highlight = |n: usize| {
        let mut command = lectern(&library);
        command.args(["--json", "highlight", &id, "--quote", "Dredging work", "--note", &format!("trial {n}")]);
        command
    };
    let full = {
        let start = Instant::now();
        run_ok(&mut highlight(usize::MAX));
        start.elapsed()
    };
    for trial in 0..trials {
        let (child, reader) = spawn(highlight(trial));
        let (lines, running) =
            kill_after(child, reader, Duration::from_micros(rng.below(full.as_micros() as u64 * 11 / 10)));
        let conn = check_intact(&library);
        let mut t = tally.lock().unwrap();
        t.trials += 1;
        t.killed_running += usize::from(running);
        if let Ok(annotation) = serde_json::from_str::<serde_json::Value>(&lines.join("\n")) {
            t.acknowledged += 1;
            let annotation_id = annotation["id"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            let found: i64 = conn
                .query_row("SELECT count(*) FROM annotations WHERE ?1 LIKE '%' || id", [&annotation_id], |r| r.get(0))
                .unwrap();
            if found != 1 {
                t.lost.push(format!("highlight trial {trial}: {annotation_id}"));
            }
        }
    }
}

/// Opening an old library (which backs it up, then migrates it), killed part-way: the next
/// open finishes the job and every row is still there.
fn migrate_trials(rng: &mut Rng, work: &Path, trials: usize, tally: &Mutex<Tally>) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/libraries/v2.sqlite3");
    let fresh = |name: &str| {
        let library = work.join(name);
        std::fs::create_dir_all(&library).unwrap();
        std::fs::copy(&fixture, library.join("library.sqlite3")).unwrap();
        library
    };
    let full = {
        let library = fresh("migrate-calibrate");
        let start = Instant::now();
        run_ok(lectern(&library).arg("list"));
        start.elapsed()
    };
    for trial in 0..trials {
        let library = fresh(&format!("migrate-{trial}"));
        let mut command = lectern(&library);
        command.arg("list");
        let (child, reader) = spawn(command);
        let (_, running) =
            kill_after(child, reader, Duration::from_micros(rng.below(full.as_micros() as u64 * 11 / 10)));
        let conn = check_intact(&library);
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        let version = count("PRAGMA user_version");
        let rows = (count("SELECT count(*) FROM articles"), count("SELECT count(*) FROM annotations"));
        let mut t = tally.lock().unwrap();
        t.trials += 1;
        t.killed_running += usize::from(running);
        if version != 5 || rows != (4, 5) {
            t.lost.push(format!("migrate trial {trial}: version {version}, (articles, annotations) {rows:?}"));
        }
    }
}

#[test]
fn killed_writes_never_corrupt_the_library_nor_lose_acknowledged_writes() {
    let work = tempfile::tempdir().unwrap();
    let tally = Mutex::new(Tally::default());
    let started = Instant::now();
    let mut rng = Rng(0x5eed_1ec7_e2a5_u64);
    add_trials(&mut rng, work.path(), 120, &tally);
    import_trials(&mut rng, work.path(), 80, &tally);
    highlight_trials(&mut rng, work.path(), 120, &tally);
    migrate_trials(&mut rng, work.path(), 50, &tally);
    let t = tally.into_inner().unwrap();
    println!(
        "crash safety: {} trials ({} killed while running) in {:.1} s, {} writes acknowledged before the kill, {} lost",
        t.trials,
        t.killed_running,
        started.elapsed().as_secs_f64(),
        t.acknowledged,
        t.lost.len()
    );
    assert!(t.trials >= 100);
    assert!(t.lost.is_empty(), "acknowledged writes lost: {:#?}", t.lost);
}
