//! Downloading an article again (issue #5) against a real HTTP server on 127.0.0.1 that
//! serves a first version of a page and then an edited one: highlights stay on their words,
//! one whose words were deleted becomes an orphan (kept, listed), a timeline correction
//! follows its date, an unchanged page touches nothing, and a failed download leaves the
//! library exactly as it was.

use lectern_core::annotation::{AnnotationFilter, Body, Selection, Status};
use lectern_core::ingest::fetch::FetchOptions;
use lectern_core::ingest::Fetcher;
use lectern_core::store::ArticleId;
use lectern_core::timeline::Mention;
use lectern_core::{Error, Library, Refreshed};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;
use tiny_http::{Header, Response, Server};

/// What the server answers for `/story`: a status and a page, or a stall longer than the
/// fetcher waits.
#[derive(Clone)]
enum Answer {
    Page(String),
    Status(u16),
    Stall,
}

fn page(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ferry returns</title>\
         <meta property=\"article:published_time\" content=\"2024-06-11T07:30:00\"></head>\
         <body><article><h1>Ferry returns</h1>\n{body}</article></body></html>"
    )
}

const FIRST: &str = "The island ferry made its first crossing of the season on Monday morning, after a winter in \
     which storms kept it tied up for eleven weeks. Passengers queued from dawn at the quay.";
const REPAIRS: &str = "Repairs to the quay wall took longer than planned, the operator said, because the contractor \
     had to wait for calm water to pour concrete on the northern side.";
const DATED: &str = "The new timetable started on March 9, 2024 and runs four crossings a day until September, with \
     an extra evening sailing at weekends for visitors.";
const INSERTED: &str = "Update: the harbour master now says the first sailing carried more than two hundred people, \
     twice the number expected by the operator.";

fn version_one() -> String {
    page(&[FIRST, REPAIRS, DATED])
}

/// The edit: a paragraph inserted at the top, the repairs paragraph deleted, a word changed.
fn version_two() -> String {
    page(&[INSERTED, &FIRST.replace("from dawn", "from first light"), DATED])
}

/// Serves `/story` with whatever `answer` holds at the time of each request.
fn serve(answer: Arc<Mutex<Answer>>) -> String {
    let server = Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let answer = answer.lock().unwrap().clone();
            thread::spawn(move || {
                let html = Header::from_bytes("Content-Type", "text/html; charset=utf-8").unwrap();
                let response = match (request.url(), answer) {
                    ("/story", Answer::Page(page)) => Response::from_string(page).with_header(html),
                    ("/story", Answer::Stall) => {
                        thread::sleep(Duration::from_secs(3));
                        Response::from_string(version_two()).with_header(html)
                    }
                    ("/story", Answer::Status(status)) => Response::from_string("gone").with_status_code(status),
                    _ => Response::from_string("not here").with_status_code(404),
                };
                let _ = request.respond(response);
            });
        }
    });
    base
}

struct Setup {
    _dir: tempfile::TempDir,
    lib: Library,
    answer: Arc<Mutex<Answer>>,
    id: ArticleId,
}

/// A library holding version one of the story, downloaded from the test server.
fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let answer = Arc::new(Mutex::new(Answer::Page(version_one())));
    let base = serve(answer.clone());
    let options = FetchOptions { timeout: Duration::from_secs(1), ..Default::default() };
    let mut lib = Library::open(dir.path()).unwrap().with_fetcher(Fetcher::new(options));
    let id = lib.add(&format!("{base}/story")).unwrap().id;
    Setup { _dir: dir, lib, answer, id }
}

fn highlight(lib: &mut Library, id: &ArticleId, quote: &str) -> lectern_core::annotation::Annotation {
    let body = Body { note: Some(format!("note on {quote}")), ..Body::default() };
    lib.highlight(id, Selection::Quote(quote.into()), body).unwrap()
}

/// Every row of every table (the full-text index's shadow tables too), as text.
fn dump(lib: &mut Library) -> String {
    let path = lib.dir().join("library.sqlite3");
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for table in tables.iter().filter(|t| *t != "articles_fts") {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..columns).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table}: {:?}\n", row.unwrap()));
        }
    }
    out
}

#[test]
fn highlights_follow_their_words_and_deleted_words_become_orphans() {
    let Setup { _dir, mut lib, answer, id } = setup();
    let stays = highlight(&mut lib, &id, "first crossing of the season");
    let edited = highlight(&mut lib, &id, "Passengers queued from dawn");
    let gone = highlight(&mut lib, &id, "wait for calm water to pour concrete");
    let dated = highlight(&mut lib, &id, "four crossings a day");
    let text = lib.open_article(&id).unwrap().text;
    let march = text.find("March 9, 2024").map(|b| text[..b].chars().count()).unwrap();
    let mention = Mention { text: "March 9, 2024".into(), start: march, end: march + 13 };
    let correction = lib.correct_event(&id, &mention, "2024-03-10").unwrap();

    *answer.lock().unwrap() = Answer::Page(version_two());
    let report = lib.refresh(&id).unwrap();
    assert_eq!(report, Refreshed { id: id.clone(), changed: true, anchored: 0, moved: 3, orphaned: 1 });

    let view = lib.open_article(&id).unwrap();
    assert!(view.text.contains("first light") && !view.text.contains("calm water"), "the text is the new one");
    let exact_at = |a: &lectern_core::annotation::Annotation| {
        let p = a.target.selectors.position.unwrap();
        view.text.chars().skip(p.start).take(p.end - p.start).collect::<String>()
    };
    let now = |a: &lectern_core::annotation::Annotation| {
        lib.annotations(&AnnotationFilter::default())
            .unwrap()
            .into_iter()
            .find(|b| b.id == a.id)
            .expect("never dropped")
    };
    for kept in [&stays, &dated] {
        let after = now(kept);
        assert_eq!(after.status, Status::Anchored);
        assert_eq!(exact_at(&after), kept.target.selectors.quote.exact, "on its words");
        assert_eq!(after.body, kept.body, "the note stays");
    }
    let fuzzy = now(&edited);
    assert_eq!(fuzzy.status, Status::Anchored);
    assert_eq!(exact_at(&fuzzy), fuzzy.target.selectors.quote.exact);
    assert!(fuzzy.target.selectors.quote.exact.starts_with("Passengers queued from"), "{:?}", fuzzy.target);
    let orphan = now(&gone);
    assert_eq!(orphan.status, Status::Orphan);
    assert_eq!(orphan.target.selectors, gone.target.selectors, "an orphan keeps what it was");

    // The search index holds the new text, and the notes still.
    assert_eq!(lib.search("light", 10).unwrap().len(), 1);
    assert!(lib.search("contractor", 10).unwrap().is_empty());
    assert_eq!(lib.search("note", 10).unwrap().len(), 1);

    // The timeline correction follows its date to the new offsets.
    let events = lib.timeline(std::slice::from_ref(&id)).unwrap();
    let event = events.iter().find(|e| e.correction.as_deref() == Some(correction.id.as_str())).expect("corrected");
    let new_march = view.text.find("March 9, 2024").map(|b| view.text[..b].chars().count()).unwrap();
    assert_ne!(new_march, march, "the edit moved the date");
    assert_eq!((event.event.mention.start, event.event.value.as_str()), (new_march, "2024-03-10"));
    assert!(lib.timeline_corrections(&id).unwrap().iter().all(|c| !c.is_orphan()));
}

#[test]
fn an_unchanged_page_touches_nothing() {
    let Setup { _dir, mut lib, answer: _answer, id } = setup();
    let a = highlight(&mut lib, &id, "first crossing of the season");
    let before = dump(&mut lib);
    let report = lib.refresh(&id).unwrap();
    assert_eq!(report, Refreshed { id: id.clone(), changed: false, anchored: 1, moved: 0, orphaned: 0 });
    assert_eq!(dump(&mut lib), before);
    let after = lib.annotations(&AnnotationFilter::default()).unwrap();
    assert_eq!(after[0].modified, a.modified);
}

#[test]
fn a_failed_download_changes_nothing() {
    let Setup { _dir, mut lib, answer, id } = setup();
    highlight(&mut lib, &id, "wait for calm water to pour concrete");
    let before = dump(&mut lib);
    for (failure, kind) in
        [(Answer::Status(404), "network"), (Answer::Status(500), "network"), (Answer::Stall, "network")]
    {
        *answer.lock().unwrap() = failure;
        let error: Error = lib.refresh(&id).expect_err("the download fails");
        assert_eq!(error.kind(), kind, "{error}");
        assert!(error.to_string().contains("/story"), "names the address: {error}");
        assert_eq!(dump(&mut lib), before, "{error}");
    }
}

#[test]
fn an_article_from_a_file_cannot_be_downloaded_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "Harbour notes\n\nThe ferry sailed at dawn on Monday.\n").unwrap();
    let mut lib = Library::open(&dir.path().join("lib")).unwrap();
    let added = lib.add(file.to_str().unwrap()).unwrap();
    let error = lib.refresh(&added.id).unwrap_err();
    assert_eq!(error.kind(), "no_url");
    let message = error.to_string();
    assert!(message.contains(&added.title) && message.contains("added from a file"), "{message}");
}
