//! Hostile content in the real window (issue #8): XSS payloads in article HTML, titles,
//! bylines, Markdown, plain text, file names, URLs, tags, notes and creator names, brought in
//! through every import path, then shown in every view. Each payload, if it ever ran, would
//! leave three traces, and the flow checks for all of them:
//!
//! - a canary in the page: `window.__pwned` would list the payload's tag;
//! - a request from WebKit to the loopback server's `/canary/<tag>` (requests from Lectern's
//!   own downloader, which fetches an imported page's images, are told apart by user agent);
//! - a call through IPC: every command the page invokes is recorded, and the payloads call
//!   `add_samples`, which the flow itself never does. The library must hold exactly the
//!   articles the flow imported afterwards.
//!
//! The DOM is also checked after each step: no script, frame, object or embed element, no
//! event-handler attribute and no `javascript:` URL anywhere in the view.

use lectern_core::annotation::{Body, Color, Selection};
use lectern_core::Library;
use lectern_e2e::http::Server;
use lectern_e2e::{flow, App};
use serde_json::{json, Value};
use std::path::Path;

/// What a payload runs if it gets the chance: marks the canary, calls home, calls IPC.
fn run_js(base: &str, tag: &str) -> String {
    format!(
        "window.__pwned=(window.__pwned||[]).concat('{tag}');fetch('{base}/canary/{tag}');\
         window.__TAURI__&&window.__TAURI__.core.invoke('add_samples')"
    )
}

/// HTML payloads, each with its own tag: classic injections, event handlers, URL schemes,
/// mutation XSS and breakouts from attributes and raw-text elements.
fn html_payloads(base: &str, place: &str) -> Vec<String> {
    let templates = [
        "<script>{js}</script>",
        "<img src=x onerror=\"{js}\">",
        "<svg onload=\"{js}\"></svg>",
        "<svg><script>{js}</script></svg>",
        "<iframe srcdoc=\"<script>{js}</script>\"></iframe>",
        "<iframe src=\"javascript:{js}\"></iframe>",
        "<a href=\"javascript:{js}\">a link</a>",
        "<a href=\"JaVaScRiPt:{js}\">a link</a>",
        "<a href=\"data:text/html,<script>{js}</script>\">data link</a>",
        "<details open ontoggle=\"{js}\">details</details>",
        "<input autofocus onfocus=\"{js}\">",
        "<object data=\"javascript:{js}\"></object>",
        "<embed src=\"javascript:{js}\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=\"{js}\">",
        "\"><img src=x onerror=\"{js}\">",
        "</textarea><script>{js}</script>",
        "</title><script>{js}</script>",
        "<form action=\"javascript:{js}\"><button>go</button></form>",
        "<video><source onerror=\"{js}\"></video>",
        "<body onload=\"{js}\">",
        "<marquee onstart=\"{js}\">m</marquee>",
        "<div style=\"background:url(javascript:{js})\">styled</div>",
        "<link rel=stylesheet href=\"{base}/canary/link-{tag}\">",
        "<style>@import url({base}/canary/css-{tag});</style>",
        "{{{{constructor.constructor('{js}')()}}}}",
        "<template><script>{js}</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror={js}>\">",
    ];
    templates
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let tag = format!("{place}-{n}");
            t.replace("{js}", &run_js(base, &tag)).replace("{base}", base).replace("{tag}", &tag)
        })
        .collect()
}

/// A news page with payloads in its title, byline, site name, JSON-LD and body.
fn hostile_page(base: &str, place: &str) -> String {
    let p = html_payloads(base, place);
    let paragraphs: String = p
        .iter()
        .enumerate()
        .map(|(n, payload)| {
            format!(
                "<p>Paragraph {n} of the garden story: volunteers measured the beds, planted beans and {payload} \
                 wrote the rota for the summer watering on the board by the shed.</p>\n"
            )
        })
        .collect();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Garden {place} opens {t0}</title>
<meta name="author" content="Reporter {t1}">
<meta property="og:site_name" content="Site {t2}">
<meta http-equiv="refresh" content="0; url=javascript:{js}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Garden {place} opens","author":{{"name":"{t3}"}},"datePublished":"2022-03-14T09:05:00"}}</script>
<base href="javascript:{js}//">
</head><body onload="{js}"><article><h1>Garden {place} opens {t4}</h1>
<p class="byline">By Reporter {t5}</p>
{paragraphs}
<figure><img src="{base}/canary/figure-{place}" onerror="{js}" alt="A bed {t6}"><figcaption>Beds {t7}</figcaption></figure>
</article></body></html>"#,
        js = run_js(base, place),
        t0 = p[1].replace('"', "&quot;"),
        t1 = p[2].replace('"', "&quot;"),
        t2 = p[14].replace('"', "&quot;"),
        t3 = p[0].replace('"', "\\\""),
        t4 = p[1],
        t5 = p[10],
        t6 = p[14].replace('"', "&quot;"),
        t7 = p[3],
    )
}

fn hostile_markdown(base: &str) -> String {
    let p = html_payloads(base, "md");
    let js = run_js(base, "md-link");
    format!(
        "---\ntitle: \"Notes {t}\"\nauthor: \"{a}\"\n---\n\n# Markdown garden {h}\n\n\
         The beds were measured twice, and the beans went in on a wet Saturday in March. [a link](javascript:{js}) \
         and ![an image](javascript:{js}) and <javascript:{js}>.\n\n{body}\n\n\
         <div onclick=\"{js}\">raw html block</div>\n",
        t = p[1].replace('"', "\\\""),
        a = p[2].replace('"', "\\\""),
        h = p[0],
        body = p
            .iter()
            .map(|x| format!("A paragraph about the garden rota and the watering can {x} by the shed."))
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

fn hostile_text(base: &str) -> String {
    let p = html_payloads(base, "txt");
    format!(
        "Plain garden {}\n\nSource: Council {} Date: 2022-03-14 09:05:00\n\n{}\n",
        p[0],
        p[1],
        p.iter()
            .map(|x| format!("The volunteers wrote the rota for the summer and {x} watered the beans every evening."))
            .collect::<Vec<_>>()
            .join("\n\n")
    )
}

/// Installs a recorder of every IPC command the page invokes. Tauri's `invoke` cannot be
/// wrapped (it is a read-only property), but it sends each call with `fetch` to the `ipc:`
/// scheme, looked up at call time, so wrapping `fetch` sees every command.
const RECORD_IPC: &str = "if (!window.__ipcLog) { window.__ipcLog = []; const send = window.fetch.bind(window); \
     window.fetch = (input, init) => { const url = String(input && input.url || input); \
       const m = /^(?:ipc:\\/\\/localhost|http:\\/\\/ipc\\.localhost)\\/([^?#]+)/.exec(url); \
       if (m) window.__ipcLog.push(decodeURIComponent(m[1])); return send(input, init); }; } return true;";

/// Fails if any payload left a trace in the page or the DOM holds anything executable.
async fn assert_clean(app: &App, step: &str) {
    let report = app
        .js(
            "const view = document.documentElement; \
             const bad = [...view.querySelectorAll('script:not([src]), iframe, object, embed, frame, base, meta[http-equiv]:not([http-equiv=Content-Security-Policy])')] \
               .filter((e) => !(e.tagName === 'SCRIPT' && e.type === 'module')).map((e) => e.outerHTML.slice(0, 80)); \
             for (const e of view.querySelectorAll('*')) for (const a of e.attributes) { \
               if (/^on/i.test(a.name)) bad.push(`${e.tagName} ${a.name}`); \
               if (/^\\s*(javascript|data|vbscript):/i.test(a.value) && /^(href|src|action|formaction|data|xlink:href)$/i.test(a.name)) bad.push(`${e.tagName} ${a.name}=${a.value.slice(0, 40)}`); } \
             const scripts = [...document.scripts].map((s) => s.getAttribute('src')); \
             return { pwned: window.__pwned || null, bad, scripts, ipc: window.__ipcLog || [] };",
            vec![],
        )
        .await;
    assert_eq!(report["pwned"], Value::Null, "a payload ran ({step}): {report}");
    assert_eq!(report["bad"], json!([]), "executable markup in the page ({step})");
    // The only scripts are the app's own module (and Tauri's injected ones, which have no src).
    let scripts: Vec<Option<String>> = serde_json::from_value(report["scripts"].clone()).unwrap();
    assert!(scripts.iter().flatten().all(|s| s == "app.js"), "scripts: {scripts:?} ({step})");
    let ipc: Vec<String> = serde_json::from_value(report["ipc"].clone()).unwrap();
    assert!(!ipc.iter().any(|c| c == "add_samples"), "a payload reached IPC ({step}): {ipc:?}");
}

/// Visits an article from the library, opens every side-panel tab, and comes back.
async fn visit_article(app: &App, title_contains: &str) {
    let clicked = app
        .js(
            "const a = [...document.querySelectorAll('.article-link')].find((a) => a.textContent.includes(arguments[0])); \
             if (a) a.click(); return !!a;",
            vec![json!(title_contains)],
        )
        .await;
    assert_eq!(clicked, json!(true), "an article titled …{title_contains}…");
    app.wait_js("return document.querySelector('.reader[data-ready]') !== null").await;
    assert_clean(app, &format!("reader: {title_contains}")).await;
    let tabs = app.count(".side-tab").await;
    for n in 0..tabs {
        app.js("document.querySelectorAll('.side-tab')[arguments[0]].click()", vec![json!(n)]).await;
        app.wait_js("return new Promise((done) => setTimeout(() => done(true), 300))").await;
        assert_clean(app, &format!("side panel {n}: {title_contains}")).await;
    }
    let name: String = title_contains.chars().filter(char::is_ascii_alphanumeric).collect();
    app.screenshot(&format!("hostile-reader-{}", name.to_lowercase())).await;
    app.js("location.hash = '#/'", vec![]).await;
    app.wait_js("return document.querySelectorAll('.article-row').length > 0").await;
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_content_never_runs() {
    flow("hostile", |ctx| async move {
        // The server's own address goes into the payloads, so start it on a placeholder first.
        let placeholder = Server::start(vec![]);
        let base = placeholder.base.clone();
        let page = hostile_page(&base, "url");
        let story_path: &'static str = "/story?x=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E";
        let server = Server::start(vec![(story_path, "text/html; charset=utf-8", page)]);
        // Payloads call home to the first server; the second serves the page.
        let url = format!("{}{story_path}", server.base);

        let sources = tempfile::tempdir().unwrap();
        let dir = sources.path();
        let html = write(dir, "garden.html", &hostile_page(&base, "html"));
        let html2 = write(dir, "garden-two.html", &hostile_page(&base, "page"));
        let md = write(dir, "notes.md", &hostile_markdown(&base));
        let txt = write(dir, "plain.txt", &hostile_text(&base));
        let named = write(
            dir,
            "\"><img src=x onerror=window.__pwned=['file']>.txt",
            &hostile_text(&base).replace("txt-", "fn-"),
        );

        // Tags, notes and the creator name are typed by people: put payloads there through the core.
        let library_dir = ctx.library.clone();
        let (note_payloads, html_for_notes) = (html_payloads(&base, "note"), html.clone());
        std::thread::spawn(move || {
            let mut library = Library::open(&library_dir).unwrap();
            let id = library.add(&html_for_notes).unwrap().id;
            // Names are capped at 100 characters; this one fits.
            library.set_creator("<img src=x onerror=window.__pwned=['creator']>").unwrap();
            library.set_tags(&id, &[note_payloads[14].clone(), "<b>bold</b>".into()]).unwrap();
            for (n, payload) in note_payloads.iter().enumerate() {
                let body = Body {
                    note: Some(format!("Note {n}: {payload} [link](javascript:{})", run_js(&base, "note-md"))),
                    tags: vec![payload.chars().take(40).collect()],
                    color: Color::Yellow,
                };
                library.highlight(&id, Selection::Quote("volunteers measured the beds".into()), body).unwrap();
            }
        })
        .join()
        .unwrap();

        let app = ctx.launch().await;
        assert_eq!(app.js(RECORD_IPC, vec![]).await, json!(true));
        assert_clean(&app, "library at start").await;

        // Every import path the app offers for articles: typed paths and a link.
        for source in [&html2, &md, &txt, &named, &url] {
            app.type_into("#import-input", source).await;
            app.click(".import-form button[type=submit]").await;
            app.wait_js("return document.querySelector('.import-summary') !== null").await;
            let state = app.text("#import-progress").await;
            assert!(state.contains("added"), "imported {source}: {state}");
            app.click(".import-summary button").await;
            assert_clean(&app, &format!("after importing {source}")).await;
        }
        app.screenshot("hostile-library").await;

        // Search snippets and the tag filter show untrusted text too.
        app.type_into("#search", "volunteers").await;
        app.wait_js("return document.querySelectorAll('.article-row.result').length >= 3").await;
        assert_clean(&app, "search results").await;
        app.js(
            "const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input'));",
            vec![],
        )
        .await;
        app.js("document.querySelector('.tag-bar .chip')?.click()", vec![]).await;
        assert_clean(&app, "tag filter").await;
        app.js("document.querySelector('.tag-bar .chip[aria-pressed=true]')?.click()", vec![]).await;
        app.wait_js("return document.querySelectorAll('.article-row').length >= 5").await;

        // Titles as the importers chose them: the text files' payload-laden first lines are not
        // taken for titles, so those articles are named after their files.
        for title in [
            "Garden html",
            "Garden page",
            "Notes <img src=x onerror=\"window",
            "plain",
            "__pwned=['file']",
            "Garden url",
        ] {
            visit_article(&app, title).await;
        }
        // Every other section (highlights, timeline…) shows notes, tags and titles.
        let sections: Vec<String> = serde_json::from_value(
            app.js("return [...document.querySelectorAll('.section-link')].map((a) => a.getAttribute('href'))", vec![])
                .await,
        )
        .unwrap();
        for hash in sections {
            app.js("location.hash = arguments[0]", vec![json!(hash)]).await;
            app.wait_js("return new Promise((done) => setTimeout(() => done(true), 500))").await;
            assert_clean(&app, &format!("section {hash}")).await;
            app.screenshot(&format!("hostile-section-{}", hash.trim_start_matches("#/").replace('/', "-"))).await;
        }

        // The recorder did see the app's own calls, so an empty record of payload calls means something.
        let ipc: Vec<String> = serde_json::from_value(app.js("return window.__ipcLog", vec![]).await).unwrap();
        for command in ["import_sources", "open_article", "search_articles"] {
            assert!(ipc.iter().any(|c| c == command), "the IPC recorder saw {command}: {ipc:?}");
        }

        let webkit_calls: Vec<String> = placeholder
            .requests()
            .into_iter()
            .chain(server.requests())
            .filter(|r| r.path.starts_with("/canary/") && r.user_agent.contains("WebKit"))
            .map(|r| r.path)
            .collect();
        assert!(webkit_calls.is_empty(), "the window called home: {webkit_calls:?}");
        app.quit().await;

        // Nothing reached IPC: the library holds exactly the six articles the flow imported.
        let library = Library::open(&ctx.library).unwrap();
        let titles: Vec<String> = library.list(Default::default()).unwrap().into_iter().map(|a| a.title).collect();
        assert_eq!(titles.len(), 6, "{titles:?}");
        let tried = html_payloads("", "x").len();
        println!(
            "hostile: {tried} payload forms × 6 places (HTML, Markdown, text, URL page, notes, tags) + file name + URL"
        );
    })
    .await;
}
