//! Several writers at once: three `lectern` processes at a time add articles and highlight
//! them in one library (which none of them has created yet, so they also race to create and
//! migrate it). No "database is locked" may reach the user, and no write may be lost.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const WRITERS: usize = 3;
const ROUNDS: usize = 40;

fn lectern(library: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--library")
        .arg(library)
        .arg("--json")
        .args(args)
        .env_remove("LECTERN_LIBRARY")
        .env("USER", "tester")
        .output()
        .expect("lectern runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("locked") && !stderr.contains("busy"), "{args:?}: {stderr}");
    assert!(out.status.success(), "{args:?}: {stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// One writer: each round adds an article of its own, then highlights words in it.
fn writer(library: PathBuf, work: PathBuf, writer: usize) -> Vec<(String, String)> {
    (0..ROUNDS)
        .map(|round| {
            let file = work.join(format!("w{writer}-r{round}.txt"));
            std::fs::write(
                &file,
                format!(
                    "Writer {writer} round {round}\n\nThe ferry from pier {writer} left at {round} o'clock.\n\n\
                     Unique words: w{writer}r{round}z.\n"
                ),
            )
            .unwrap();
            let added = lectern(&library, &["add", file.to_str().unwrap()]);
            let id = added[0]["id"].as_str().unwrap().to_string();
            let note = format!("note by writer {writer} in round {round}");
            let annotation = lectern(&library, &["highlight", &id, "--quote", "The ferry", "--note", &note]);
            (id, annotation["id"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn concurrent_writers_see_no_locked_error_and_lose_nothing() {
    let work = tempfile::tempdir().unwrap();
    let library = work.path().join("shared");
    let started = Instant::now();
    let handles: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (library, work) = (library.clone(), work.path().to_path_buf());
            std::thread::spawn(move || writer(library, work, w))
        })
        .collect();
    let written: Vec<(String, String)> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();

    let conn = rusqlite::Connection::open(library.join("library.sqlite3")).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM articles"), (WRITERS * ROUNDS) as i64);
    assert_eq!(count("SELECT count(*) FROM annotations WHERE deleted IS NULL"), (WRITERS * ROUNDS) as i64);
    for (article, annotation) in &written {
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM annotations WHERE article_id = ?1 AND ?2 LIKE '%' || id",
                [article, annotation],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "lost: {article} {annotation}");
    }
    println!(
        "two writers: {WRITERS} processes x {ROUNDS} rounds, {} writes in {:.1} s, none lost",
        written.len() * 2,
        started.elapsed().as_secs_f64()
    );
}

fn run(library: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("LECTERN_LIBRARY")
        .output()
        .expect("lectern runs")
}

/// `lectern backup` while another process keeps adding articles: every copy passes the
/// integrity check and holds a prefix of the writer's articles; `restore` brings one back
/// and keeps the library it replaced.
#[test]
fn backup_while_writing_is_consistent_and_restores() {
    let work = tempfile::tempdir().unwrap();
    let library = work.path().join("lib");
    lectern(&library, &["list"]);
    let writer = {
        let (library, work) = (library.clone(), work.path().to_path_buf());
        std::thread::spawn(move || writer(library, work, 9))
    };
    let mut copies = Vec::new();
    for n in 0..6 {
        let file = work.path().join(format!("backup-{n}.sqlite3"));
        let out = lectern(&library, &["backup", file.to_str().unwrap()]);
        assert_eq!(out["backup"].as_str(), file.to_str());
        assert_eq!(out["bytes"].as_u64(), Some(std::fs::metadata(&file).unwrap().len()));
        copies.push(file);
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    writer.join().unwrap();
    let mut previous_count = 0;
    for copy in &copies {
        let conn = rusqlite::Connection::open(copy).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let count: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
        assert!(count >= previous_count, "copies go forward in time");
        previous_count = count;
    }

    // No overwriting without --force; one line on stderr naming the file.
    let out = run(&library, &["backup", copies[0].to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("backup-0.sqlite3") && stderr.contains("--force"), "{stderr}");
    assert!(run(&library, &["backup", "--force", copies[0].to_str().unwrap()]).status.success());

    // Restore the second copy: the library then holds what it held.
    let chosen = &copies[1];
    let expected: i64 = rusqlite::Connection::open(chosen)
        .unwrap()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    let out = lectern(&library, &["restore", chosen.to_str().unwrap()]);
    assert_eq!(out["restored"].as_str(), chosen.to_str());
    let previous = std::path::PathBuf::from(out["previous"].as_str().unwrap());
    assert!(previous.file_name().unwrap().to_string_lossy().starts_with("library.sqlite3.before-restore-"));
    let kept: i64 = rusqlite::Connection::open(&previous)
        .unwrap()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, ROUNDS as i64, "the replaced library is kept whole");
    assert_eq!(lectern(&library, &["list"]).as_array().unwrap().len() as i64, expected);

    // A file that is not a library is refused, and the library is untouched.
    let junk = work.path().join("junk.sqlite3");
    std::fs::write(&junk, "not a library").unwrap();
    let out = run(&library, &["restore", junk.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a Lectern library"));
    assert_eq!(lectern(&library, &["list"]).as_array().unwrap().len() as i64, expected);
}
