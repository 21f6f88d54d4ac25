//! Downloads against a real HTTP server bound to 127.0.0.1 by the test: images stored and
//! readable offline, redirects, a GBK page, and every failure leaving the library unchanged.

use lectern_core::ingest::fetch::FetchOptions;
use lectern_core::ingest::Fetcher;
use lectern_core::store::Sort;
use lectern_core::{AddStatus, Error, Library};
use std::io::Cursor;
use std::thread;
use std::time::Duration;
use tiny_http::{Header, Response, Server};

/// A valid 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
    0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

const ARTICLE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry returns to the harbour | Harbour Gazette</title>
<link rel="canonical" href="/news/ferry">
<meta property="article:published_time" content="2024-06-11T07:30:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry returns to the harbour</h1>
<p>The island ferry made its first crossing of the season on Monday morning, after a winter in which storms kept it tied up for eleven weeks. Passengers queued from dawn, and the harbour master counted more than two hundred people on the first sailing.</p>
<figure><img src="img/ferry.png" alt="The ferry at the quay"><figcaption>The ferry at the quay on Monday.</figcaption></figure>
<p>Repairs to the quay wall took longer than planned, the operator said, because the contractor had to wait for calm water to pour concrete. The new timetable runs four crossings a day until September, with an extra evening sailing at weekends.</p>
<p>Shopkeepers on the island said the spring had been the quietest they could remember. "We have been waiting for this day since November," said one, who runs the bakery by the slipway.</p>
</article><footer>© Harbour Gazette</footer></body></html>"#;

fn gbk_page() -> Vec<u8> {
    let html = "<html><head><title>古籍修复工作取得新进展</title></head><body><article><h1>古籍修复工作取得新进展</h1>\
        <p>市图书馆古籍修复中心今年完成了三百部珍贵古籍的抢救性修复工作，修复师们在恒温恒湿的工作室里一页一页地补全破损的书页。</p>\
        <p>馆长表示，明年将继续推进古籍数字化工程，让更多读者在网上就能阅读这些珍贵的文献。修复中心还将面向社会招募志愿者。</p>\
        <p>据介绍，这批古籍大多是清代刻本，其中不少是首次得到系统修复，修复后将在图书馆的特藏阅览室向公众开放。</p></article></body></html>";
    encoding_rs::GBK.encode(html).0.into_owned()
}

/// Serves the test routes on a loopback port until the test ends; returns the base URL.
fn serve() -> String {
    let server = Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    thread::spawn(move || {
        for request in server.incoming_requests() {
            // Each request on its own thread, so a slow route does not hold up the others.
            thread::spawn(move || {
                let header = |v: &str| Header::from_bytes("Content-Type", v).unwrap();
                let url = request.url().to_string();
                let response = match url.as_str() {
                    "/news/ferry" | "/article.html" => {
                        Response::from_string(ARTICLE).with_header(header("text/html; charset=utf-8")).boxed()
                    }
                    "/news/img/ferry.png" | "/img/ferry.png" => {
                        Response::from_data(PNG).with_header(header("image/png")).boxed()
                    }
                    "/moved" => {
                        Response::empty(301).with_header(Header::from_bytes("Location", "/news/ferry").unwrap()).boxed()
                    }
                    "/loop" => {
                        Response::empty(302).with_header(Header::from_bytes("Location", "/loop").unwrap()).boxed()
                    }
                    "/gbk" => Response::from_data(gbk_page()).with_header(header("text/html; charset=gbk")).boxed(),
                    "/slow" => {
                        thread::sleep(Duration::from_secs(3));
                        Response::from_string(ARTICLE).with_header(header("text/html")).boxed()
                    }
                    "/huge" => Response::new(
                        200.into(),
                        vec![header("text/html")],
                        Cursor::new(vec![b'a'; 300 << 10]),
                        None, // no Content-Length: the cap must hold while streaming
                        None,
                    )
                    .boxed(),
                    "/data.json" => Response::from_string("{\"a\":1}").with_header(header("application/json")).boxed(),
                    _ => Response::from_string("not here").with_status_code(404).boxed(),
                };
                let _ = request.respond(response);
            });
        }
    });
    base
}

fn library(dir: &std::path::Path) -> Library {
    let options = FetchOptions { timeout: Duration::from_secs(1), max_page_bytes: 100 << 10, ..Default::default() };
    Library::open(dir).unwrap().with_fetcher(Fetcher::new(options))
}

#[test]
fn a_page_and_its_images_are_stored_and_read_offline() {
    let dir = tempfile::tempdir().unwrap();
    let base = serve();
    let mut lib = library(dir.path());
    let added = lib.add(&format!("{base}/moved")).unwrap();
    assert_eq!(added.status, AddStatus::Added);
    assert_eq!(added.title, "Ferry returns to the harbour");

    // Offline: a fresh handle on the same file, no server needed.
    drop(lib);
    let lib = Library::open(dir.path()).unwrap();
    let doc = lib.document(&added.id).unwrap();
    assert_eq!(doc.meta.canonical_url.as_deref(), Some(format!("{base}/news/ferry").as_str()));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-06-11T07:30:00"));
    let image = doc.images().next().expect("the figure is kept");
    assert_eq!(image.src, format!("{base}/news/img/ferry.png"), "relative src resolved against the final URL");
    let (mime, bytes) = lib.asset(image.sha256.as_deref().unwrap()).unwrap().unwrap();
    assert_eq!((mime.as_str(), bytes.as_slice()), ("image/png", PNG));
}

#[test]
fn the_same_page_twice_is_reported_as_existing() {
    let dir = tempfile::tempdir().unwrap();
    let base = serve();
    let mut lib = library(dir.path());
    let first = lib.add(&format!("{base}/news/ferry")).unwrap();
    let again = lib.add(&format!("{base}/moved")).unwrap();
    assert_eq!((again.status, &again.id), (AddStatus::Exists, &first.id));
    assert_eq!(lib.list(Sort::Added).unwrap().len(), 1);
}

#[test]
fn a_gbk_page_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let base = serve();
    let mut lib = library(dir.path());
    let added = lib.add(&format!("{base}/gbk")).unwrap();
    assert_eq!(added.title, "古籍修复工作取得新进展");
    let doc = lib.document(&added.id).unwrap();
    assert!(doc.text().contains("抢救性修复"));
    assert_eq!(doc.meta.language.as_deref(), Some("zh"));
}

#[test]
fn every_failure_is_one_clear_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = serve();
    let closed_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut lib = library(dir.path());
    let cases = [
        (format!("{base}/missing"), "network", "answered 404"),
        (format!("{base}/slow"), "network", "did not answer in time"),
        (format!("{base}/huge"), "too_large", "larger than"),
        (format!("{base}/data.json"), "not_html", "application/json"),
        (format!("{base}/loop"), "network", "redirect"),
        (format!("http://127.0.0.1:{closed_port}/x"), "network", "refused"),
    ];
    for (url, kind, words) in cases {
        let error: Error = lib.add(&url).expect_err(&url);
        let message = error.to_string();
        assert_eq!(error.kind(), kind, "{url}: {message}");
        assert!(message.contains(words), "{url}: {message}");
        assert!(message.contains(&url) || message.contains("127.0.0.1"), "names the URL: {message}");
        assert!(!message.contains('\n'), "one line: {message}");
    }
    assert!(lib.list(Sort::Added).unwrap().is_empty());
}
