//! End-to-end flows over the real desktop app (see the harness in `src/lib.rs`). Each flow
//! saves `target/e2e-screenshots/<flow>.png`.

use lectern_e2e::http::Server;
use lectern_e2e::{fixture, flow, keys, App};
use serde_json::json;

/// Clicks "Add sample articles" on the welcome screen and waits for the list.
async fn add_samples(app: &App) {
    app.click("#add-samples").await;
    app.wait_js("return document.querySelectorAll('.article-row').length >= 4").await;
}

/// Opens the article titled `title` from the library and waits until it is laid out.
async fn open_article(app: &App, title: &str) {
    let clicked = app
        .js(
            "const a = [...document.querySelectorAll('.article-link')].find((a) => a.textContent === arguments[0]); if (a) a.click(); return !!a;",
            vec![json!(title)],
        )
        .await;
    assert_eq!(clicked, json!(true), "no article titled {title}");
    app.wait_js("return document.querySelector('.reader[data-ready]') !== null").await;
}

const LONG_EN: &str = "How to read a long article and remember it";
const ZH: &str = "古籍修复：让时间慢下来的手艺";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_offers_samples() {
    flow("first-run", |ctx| async move {
        let app = ctx.launch().await;
        assert_eq!(app.text(".welcome h2").await, "Welcome to Lectern");
        app.screenshot("first-run-welcome").await;
        add_samples(&app).await;
        let titles = app.js("return [...document.querySelectorAll('.article-link')].map((a) => a.textContent)", vec![]).await;
        let titles: Vec<String> = serde_json::from_value(titles).unwrap();
        assert!(titles.iter().any(|t| t == LONG_EN), "{titles:?}");
        assert!(titles.iter().any(|t| t == ZH), "{titles:?}");
        // Every row shows its reading time and a progress bar.
        assert!(app.text(".article-row .meta").await.contains("min read"));
        assert_eq!(app.count(".article-row progress").await, titles.len());
        app.snapshot().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imports_a_file_and_a_url_with_progress() {
    let page = "<!doctype html><html lang=en><head><title>A walk by the river</title></head><body><article><h1>A walk by the river</h1><p>The towpath was empty at dawn, and the heron stood where it always stands.</p></article></body></html>";
    let server = Server::start(vec![("/river.html", "text/html; charset=utf-8", page.to_string())]);
    let file = fixture("articles/en-harbour-lighthouse/source.txt");
    flow("import", |ctx| async move {
        let app = ctx.launch().await;
        app.type_into("#import-input", file.to_str().unwrap()).await;
        app.click(".import-form button[type=submit]").await;
        app.wait_js("return document.querySelectorAll('.import-item.ok').length === 1").await;
        app.wait_js("return document.querySelectorAll('.article-row').length === 1").await;

        app.type_into("#import-input", &format!("{}/river.html", server.base)).await;
        app.click(".import-form button[type=submit]").await;
        app.wait_js("return document.querySelectorAll('.import-item.ok').length === 1 && document.querySelector('.import-summary')").await;
        app.wait_js("return document.querySelectorAll('.article-row').length === 2").await;

        // A bad source fails with a message naming it, and the others are unaffected.
        app.type_into("#import-input", "/nowhere/notes.docx").await;
        app.click(".import-form button[type=submit]").await;
        let failed = app.text(".import-item.failed .import-state").await;
        assert!(failed.contains("notes.docx"), "{failed}");
        assert_eq!(app.count(".article-row").await, 2);
        app.snapshot().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_as_you_type_highlights_matches() {
    flow("search", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        // `/` focuses the search box from anywhere in the library.
        app.js("document.activeElement && document.activeElement.blur()", vec![]).await;
        app.press(&['/']).await;
        app.wait_js("return document.activeElement && document.activeElement.id === 'search'").await;
        for ch in "arch".chars() {
            app.press(&[ch]).await;
        }
        app.wait_js("return [...document.querySelectorAll('.result .snippet mark')].some((m) => /arch/i.test(m.textContent))").await;
        let first = app.text(".result .article-link").await;
        assert_eq!(first, "The quiet engineering of old stone bridges");
        app.screenshot("search-en").await;

        app.js("const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input'));", vec![]).await;
        app.type_into("#search", "古籍").await;
        app.wait_js("return [...document.querySelectorAll('.result .snippet mark, .result .article-link')].length > 0 && document.querySelector('.result .snippet mark')").await;
        let mark = app.text(".result .snippet mark").await;
        assert!(mark.contains("古籍"), "{mark}");
        app.snapshot().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reader_renders_blocks_and_applies_settings() {
    flow("reader-settings", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        open_article(&app, LONG_EN).await;

        // Blocks carry their canonical offsets; the figure's image comes from the store.
        let starts = app.js("return [...document.querySelectorAll('.article-body .block')].map((b) => Number(b.dataset.start))", vec![]).await;
        let starts: Vec<usize> = serde_json::from_value(starts).unwrap();
        assert_eq!(starts[0], 0);
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
        app.wait_js("const img = document.querySelector('.article-body figure img'); return img && img.complete && img.naturalWidth > 0").await;
        let src = app.js("return document.querySelector('.article-body figure img').src", vec![]).await;
        assert!(src.as_str().unwrap().starts_with("lectern://asset/"), "{src}");
        assert_eq!(app.count(".article-body h2[id]").await, 3);
        assert_eq!(app.js("return document.getElementById('article').lang", vec![]).await, json!("en"));
        app.screenshot("reader").await;

        // Font size: the button, then Ctrl+=, then Ctrl+- and Ctrl+0.
        assert_eq!(app.style("#article", "font-size").await, "18px");
        app.click("#reader-settings").await;
        app.wait_for("#settings-dialog").await;
        app.click("#font-bigger").await;
        assert_eq!(app.style("#article", "font-size").await, "19px");
        app.press(&[keys::CONTROL, '=']).await;
        assert_eq!(app.style("#article", "font-size").await, "20px");
        assert_eq!(app.text("#font-size-value").await, "20 px");

        // Family, width, theme.
        app.click("label[for=family-sans]").await;
        let family = app.style("#article", "font-family").await;
        assert!(family.contains("Noto Sans") || family.contains("DejaVu Sans"), "{family}");
        app.js("const s = document.getElementById('width'); s.value = 'narrow'; s.dispatchEvent(new Event('change'));", vec![]).await;
        assert_eq!(app.style("#article", "max-width").await, "640px", "32em at 20px");
        app.click("label[for=theme-dark]").await;
        assert_eq!(app.style("body", "background-color").await, "rgb(23, 25, 28)");
        assert_eq!(app.js("return document.documentElement.dataset.theme", vec![]).await, json!("dark"));
        app.screenshot("settings-dialog").await;

        app.press(&[keys::ESCAPE]).await;
        app.wait_js("return !document.getElementById('settings-dialog')").await;
        app.press(&[keys::CONTROL, '0']).await;
        assert_eq!(app.style("#article", "font-size").await, "18px");
        app.snapshot().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_restores_settings_and_reading_position() {
    flow("restart", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        open_article(&app, LONG_EN).await;
        app.press(&[keys::CONTROL, '=']).await;
        app.press(&[keys::CONTROL, '=']).await;
        app.click("#reader-settings").await;
        app.click("label[for=theme-sepia]").await;
        app.press(&[keys::ESCAPE]).await;
        // Scroll so the "Come back after a week" section is at the top.
        let target = app
            .js(
                "const h = [...document.querySelectorAll('.article-body h2')].find((e) => e.textContent.startsWith('Come back')); \
                 window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - document.querySelector('.reader-bar').offsetHeight - 8); \
                 return Number(h.dataset.start);",
                vec![],
            )
            .await;
        let target = target.as_u64().unwrap();
        app.wait_js(&format!("return document.body.dataset.readingPosition === '{target}'")).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        app.quit().await;

        let app = ctx.launch().await;
        assert_eq!(app.js("return document.documentElement.dataset.theme", vec![]).await, json!("sepia"));
        app.wait_for(".article-row").await;
        let progress = app
            .js(
                "const a = [...document.querySelectorAll('.article-link')].find((a) => a.textContent === arguments[0]); \
                 return a.closest('.article-row').querySelector('progress').value;",
                vec![json!(LONG_EN)],
            )
            .await;
        assert!(progress.as_f64().unwrap() > 0.0, "the list shows progress: {progress}");
        open_article(&app, LONG_EN).await;
        assert_eq!(app.style("#article", "font-size").await, "20px");
        let first_visible = app
            .js(
                "const top = document.querySelector('.reader-bar').getBoundingClientRect().bottom + 4; \
                 const b = [...document.querySelectorAll('.article-body .block')].find((e) => e.getBoundingClientRect().bottom > top); \
                 return Number(b.dataset.start);",
                vec![],
            )
            .await;
        assert_eq!(first_visible.as_u64().unwrap(), target);
        app.snapshot().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_only_open_and_back() {
    flow("keyboard", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        app.js("document.activeElement && document.activeElement.blur()", vec![]).await;
        // `/` to search, ↓ into the list, ↓ to the second article, Enter to open it.
        app.press(&['/']).await;
        app.press(&[keys::DOWN]).await;
        app.wait_js("return document.activeElement && document.activeElement.classList.contains('article-link')").await;
        app.press(&[keys::DOWN]).await;
        let title = app.js("return document.activeElement.textContent", vec![]).await;
        app.press(&[keys::ENTER]).await;
        app.wait_js("return document.querySelector('.reader[data-ready]') !== null").await;
        assert_eq!(app.text("#article-title").await, title.as_str().unwrap());
        // Focus starts on the title, so screen readers announce it.
        assert_eq!(app.js("return document.activeElement.id", vec![]).await, json!("article-title"));
        app.screenshot("keyboard-reader").await;
        // Escape goes back, and focus returns to the article just read.
        app.press(&[keys::ESCAPE]).await;
        app.wait_js("return document.activeElement && document.activeElement.classList.contains('article-link')").await;
        assert_eq!(app.js("return document.activeElement.textContent", vec![]).await, title);
        app.snapshot().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chinese_article_uses_a_cjk_font() {
    flow("reader-zh", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        open_article(&app, ZH).await;
        assert_eq!(app.js("return document.getElementById('article').lang", vec![]).await, json!("zh"));
        let family = app.style("#article", "font-family").await;
        assert!(family.contains("WenQuanYi Micro Hei"), "{family}");
        app.snapshot().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_serious_accessibility_violations_in_any_theme() {
    flow("accessibility", |ctx| async move {
        let app = ctx.launch().await;
        let mut problems = Vec::new();
        let welcome = app.axe_violations().await;
        problems.extend(welcome.into_iter().map(|v| format!("welcome: {v}")));
        add_samples(&app).await;
        for theme in ["light", "sepia", "dark", "contrast"] {
            app.click("#open-settings").await;
            app.click(&format!("label[for=theme-{theme}]")).await;
            problems.extend(app.axe_violations().await.into_iter().map(|v| format!("settings/{theme}: {v}")));
            app.press(&[keys::ESCAPE]).await;
            app.wait_js("return !document.getElementById('settings-dialog')").await;
            problems.extend(app.axe_violations().await.into_iter().map(|v| format!("library/{theme}: {v}")));
            open_article(&app, LONG_EN).await;
            problems.extend(app.axe_violations().await.into_iter().map(|v| format!("reader/{theme}: {v}")));
            app.screenshot(&format!("accessibility-reader-{theme}")).await;
            app.press(&[keys::ESCAPE]).await;
            app.wait_for(".article-row").await;
        }
        app.snapshot().await;
        assert!(problems.is_empty(), "accessibility violations:\n{}", problems.join("\n"));
    })
    .await;
}
