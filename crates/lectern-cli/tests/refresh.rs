//! `lectern refresh` against a real HTTP server on 127.0.0.1: an unchanged page is reported
//! up to date and changes nothing, an edited one is replaced with its highlights re-anchored
//! (deleted words make an orphan, kept and listed), a failed download leaves the library file
//! as it was, and an article from a file is refused with one line naming it.

mod common;

use common::{json, lectern};
use std::sync::{Arc, Mutex};
use tiny_http::{Header, Response, Server};

fn page(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Harbour works</title></head>\
         <body><article><h1>Harbour works</h1>{body}</article></body></html>"
    )
}

const OPENING: &str = "The harbour works began on Monday, when two cranes arrived on a barge from the \
    mainland and were lifted onto the old pier before the tide turned.";
const REMOVED: &str = "A diver inspected the foundations of the sea wall and found the timber piles in \
    better shape than the engineers had feared last winter.";
const CLOSING: &str = "The council expects the new pier to open to ferries in the spring, provided that \
    the weather allows the concrete to be poured in March.";
const ADDED: &str = "Correction: an earlier version of this story gave the wrong day for the arrival of \
    the cranes, which the council has since confirmed.";

/// Serves `/story` as `page` holds it: `None` answers 404.
fn serve(page: Arc<Mutex<Option<String>>>) -> String {
    let server = Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let html = Header::from_bytes("Content-Type", "text/html; charset=utf-8").unwrap();
            let response = match (request.url(), page.lock().unwrap().clone()) {
                ("/story", Some(page)) => Response::from_string(page).with_header(html),
                _ => Response::from_string("not here").with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    base
}

#[test]
fn refresh_reanchors_reports_and_leaves_failures_and_unchanged_pages_alone() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let served = Arc::new(Mutex::new(Some(page(&[OPENING, REMOVED, CLOSING]))));
    let base = serve(served.clone());
    let id = json(&lib, &["add", &format!("{base}/story")])[0]["id"].as_str().unwrap().to_string();
    json(&lib, &["highlight", &id, "--quote", "two cranes arrived", "--note", "which day?"]);
    json(&lib, &["highlight", &id, "--quote", "timber piles"]);
    json(&lib, &["highlight", &id, "--quote", "open to ferries in the spring"]);
    let database = lib.join("library.sqlite3");
    let bytes = || std::fs::read(&database).unwrap();

    // Unchanged: reported, nothing written (the file is byte for byte the same).
    let before = bytes();
    let same = json(&lib, &["refresh", &id]);
    assert_eq!(same, serde_json::json!([{"id": id, "changed": false, "anchored": 3, "moved": 0, "orphaned": 0}]));
    assert_eq!(bytes(), before);
    let out = lectern(&lib, &["refresh", &id[id.len() - 8..]]);
    assert!(out.status.success());
    let human = String::from_utf8(out.stdout).unwrap();
    assert_eq!(human, format!("{}  up to date  Harbour works\n", &id[id.len() - 8..]));

    // A failed download: one line naming the address, non-zero exit, the file untouched.
    *served.lock().unwrap() = None;
    let failed = lectern(&lib, &["--json", "refresh", &id]);
    assert!(!failed.status.success());
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(stderr.contains("404") && stderr.contains(&format!("{base}/story")), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(bytes(), before);

    // Edited: a paragraph added at the top, one deleted.
    *served.lock().unwrap() = Some(page(&[ADDED, OPENING, CLOSING]));
    let changed = json(&lib, &["refresh", &id]);
    assert_eq!(changed, serde_json::json!([{"id": id, "changed": true, "anchored": 0, "moved": 2, "orphaned": 1}]));
    let text = json(&lib, &["show", &id])["text"].as_str().unwrap().to_string();
    assert!(text.starts_with("Correction:") && !text.contains("diver"));
    let highlights = json(&lib, &["highlights", &id]);
    let highlights = highlights.as_array().unwrap();
    assert_eq!(highlights.len(), 3, "the orphan is kept and listed");
    for h in highlights {
        let quote = &h["target"]["selector"][0];
        let position = &h["target"]["selector"][1];
        let (start, end) = (position["start"].as_u64().unwrap() as usize, position["end"].as_u64().unwrap() as usize);
        let exact = quote["exact"].as_str().unwrap();
        if exact == "timber piles" {
            continue;
        }
        let at: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(at, exact, "on its words");
    }
    let human = String::from_utf8(lectern(&lib, &["highlights", &id]).stdout).unwrap();
    assert!(human.contains("timber piles"), "{human}");
}

#[test]
fn an_article_from_a_file_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let file = dir.path().join("notes.md");
    std::fs::write(&file, "# Pier notes\n\nThe cranes arrived on a barge on Monday morning.\n").unwrap();
    let id = json(&lib, &["add", file.to_str().unwrap()])[0]["id"].as_str().unwrap().to_string();
    let out = lectern(&lib, &["refresh", &id]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("`Pier notes`") && stderr.contains("added from a file; add the file again"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}
