//! Downloading an article again from the reader (issue #5): "Check for updates" on an
//! article added by URL, after the page changed; the highlight made before follows its words.

use lectern_core::annotation::{AnnotationFilter, Body, Selection, Status};
use lectern_core::Library;
use lectern_e2e::{flow, trace};
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// Serves `/harbour.html` with whatever `page` holds when each request arrives. (The
/// harness's `http::Server` serves fixed pages; this flow needs the page to change.)
fn serve(page: Arc<Mutex<String>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request_line = String::new();
            let mut line = String::new();
            let _ = reader.read_line(&mut request_line);
            while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
                line.clear();
            }
            let response = match request_line.split_whitespace().nth(1) {
                Some("/harbour.html") => {
                    let body = page.lock().unwrap().clone();
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
                         Connection: close\r\n\r\n{body}",
                        body.len()
                    )
                }
                _ => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    base
}

fn page(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour works begin</title></head>\
         <body><article><h1>Harbour works begin</h1>{body}</article></body></html>"
    )
}

const OPENING: &str = "The harbour works began on Monday, when two cranes arrived on a barge from the mainland \
    and were lifted onto the old pier before the tide turned.";
const DIVER: &str = "A diver inspected the foundations of the sea wall and found the timber piles in better \
    shape than the engineers had feared last winter.";
const CLOSING: &str = "The council expects the new pier to open to ferries in the spring, provided that the \
    weather allows the concrete to be poured in March.";
const UPDATE: &str = "Update: the council now says the cranes will stay until the autumn, longer than the six \
    weeks it first announced.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_for_updates_replaces_the_text_and_keeps_the_highlight() {
    let served = Arc::new(Mutex::new(page(&[OPENING, DIVER, CLOSING])));
    let base = serve(served.clone());
    flow("refresh", |ctx| async move {
        // Added by URL in the app.
        let app = ctx.launch().await;
        app.type_into("#import-input", &format!("{base}/harbour.html")).await;
        app.click(".import-form button[type=submit]").await;
        app.wait_js("return document.querySelectorAll('.article-row').length === 1").await;
        app.quit().await;

        // Highlighted on the same library through the core, while the app is closed.
        let library = ctx.library.clone();
        let (id, highlight) = tokio::task::spawn_blocking(move || {
            let mut lib = Library::open(&library).unwrap();
            let id = lib.list(Default::default()).unwrap()[0].id.clone();
            let a = lib.highlight(&id, Selection::Quote("timber piles".into()), Body::default()).unwrap();
            (id, a)
        })
        .await
        .unwrap();
        trace(format_args!("highlighted {} in {id}", highlight.id.0));

        // The page changes: a paragraph is added at the top.
        *served.lock().unwrap() = page(&[UPDATE, OPENING, DIVER, CLOSING]);
        let app = ctx.launch().await;
        lectern_e2e::steps::open_titled(&app, "Harbour works begin").await;
        let button = "#refresh-article";
        assert_eq!(app.text(button).await, "Check for updates");
        assert!(!app.text(".article-body").await.contains("Update:"));
        app.click(button).await;
        let toast = app.wait_js("const t = document.querySelector('.toast-message'); return t && t.textContent").await;
        assert_eq!(toast, json!("Updated: 1 highlight moved"));
        // The reader shows the new text, and is usable again.
        app.wait_js(
            "const b = document.querySelector('.article-body'); return b && b.textContent.startsWith('Update:')",
        )
        .await;
        app.wait_js("return document.querySelector('.reader[data-ready]') !== null").await;
        app.screenshot("refresh-updated").await;
        assert!(app.axe_violations().await.is_empty());

        // Nothing changed since: up to date, and the reader stays as it is.
        app.click(button).await;
        app.wait_js("const t = document.querySelector('.toast-message'); return t && t.textContent === 'Up to date'")
            .await;
        app.snapshot().await;
        app.quit().await;

        let library = ctx.library.clone();
        let after = tokio::task::spawn_blocking(move || {
            Library::open(&library).unwrap().annotations(&AnnotationFilter { article: Some(id), ..Default::default() })
        })
        .await
        .unwrap()
        .unwrap();
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].status, Status::Anchored);
        assert_eq!(after[0].target.selectors.quote.exact, "timber piles");
        let moved_by = UPDATE.chars().count() + 2;
        let before = highlight.target.selectors.position.unwrap();
        assert_eq!(after[0].target.selectors.position.unwrap().start, before.start + moved_by);
    })
    .await;
}
