//! End-to-end flows over the real desktop app (see the harness in `src/lib.rs`). Each flow
//! saves `target/e2e-screenshots/<flow>.png`.

use lectern_e2e::http::Server;
use lectern_e2e::steps::{add_samples, open_article, open_titled, FIRST_VISIBLE_BLOCK};
use lectern_e2e::{fixture, flow, keys};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_offers_samples() {
    flow("first-run", |ctx| async move {
        let app = ctx.launch().await;
        assert_eq!(app.text(".welcome h2").await, "Welcome to Lectern");
        app.screenshot("first-run-welcome").await;
        add_samples(&app).await;
        let langs = app.js("return [...document.querySelectorAll('.article-link')].map((a) => a.lang)", vec![]).await;
        let langs: Vec<String> = serde_json::from_value(langs).unwrap();
        assert!(langs.iter().any(|l| l.starts_with("en")), "English samples: {langs:?}");
        assert!(langs.iter().any(|l| l.starts_with("zh")), "Chinese samples: {langs:?}");
        let titles = langs;
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
        // Typed key by key, as a person would; results follow each keystroke.
        for ch in "the".chars() {
            app.press(&[ch]).await;
        }
        app.wait_js("return [...document.querySelectorAll('.result .snippet mark')].some((m) => /^the$/i.test(m.textContent))").await;
        assert!(app.count(".result .article-link").await >= 1);
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
        open_article(&app, "en").await;

        // Blocks carry their canonical offsets; a figure's image comes from the store.
        let starts = app.js("return [...document.querySelectorAll('.article-body .block')].map((b) => Number(b.dataset.start))", vec![]).await;
        let starts: Vec<usize> = serde_json::from_value(starts).unwrap();
        assert_eq!(starts[0], 0);
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
        if app.count(".article-body figure img").await > 0 {
            app.wait_js("const img = document.querySelector('.article-body figure img'); return img && img.complete && img.naturalWidth > 0").await;
            let src = app.js("return document.querySelector('.article-body figure img').src", vec![]).await;
            assert!(src.as_str().unwrap().starts_with("lectern://asset/"), "{src}");
        }
        // Every heading has an id and a table-of-contents entry.
        let headings = app.count(".article-body :is(h2, h3, h4, h5, h6)[id]").await;
        assert_eq!(app.count(".toc .toc-link").await, headings);
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
        let title = open_article(&app, "en").await;
        app.press(&[keys::CONTROL, '=']).await;
        app.press(&[keys::CONTROL, '=']).await;
        app.click("#reader-settings").await;
        app.click("label[for=theme-sepia]").await;
        app.press(&[keys::ESCAPE]).await;
        app.client.set_window_size(1000, 700).await.expect("resize the window");
        app.wait_js("return window.innerWidth === 1000 && window.innerHeight === 700").await;
        // Scroll a block past the middle of the article towards the top, then read back which
        // block is first in view (the scroll may stop short at the end of the page).
        app.js(
            "const blocks = [...document.querySelectorAll('.article-body .block')].filter((b) => b.getClientRects().length); \
             const b = blocks[Math.floor(blocks.length * 0.6)]; \
             window.scrollTo(0, b.getBoundingClientRect().top + window.scrollY - document.querySelector('.reader-bar').offsetHeight - 8);",
            vec![],
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let target = app.js(FIRST_VISIBLE_BLOCK, vec![]).await.as_u64().unwrap();
        assert!(target > 0, "the article scrolled");
        let state = app.js("return [document.body.dataset.readingPosition, window.scrollY, document.scrollingElement.scrollHeight - window.innerHeight]", vec![]).await;
        lectern_e2e::trace(format_args!("target {target}, page {state}"));
        app.wait_js(&format!("return document.body.dataset.readingPosition === '{target}'")).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        app.quit().await;

        let app = ctx.launch().await;
        assert_eq!(app.js("return document.documentElement.dataset.theme", vec![]).await, json!("sepia"));
        assert_eq!(app.js("return [window.innerWidth, window.innerHeight]", vec![]).await, json!([1000, 700]), "window size restored");
        app.wait_for(".article-row").await;
        let progress = app
            .js(
                "const a = [...document.querySelectorAll('.article-link')].find((a) => a.textContent === arguments[0]); \
                 return a.closest('.article-row').querySelector('progress').value;",
                vec![json!(title)],
            )
            .await;
        assert!(progress.as_f64().unwrap() > 0.0, "the list shows progress: {progress}");
        open_titled(&app, &title).await;
        assert_eq!(app.style("#article", "font-size").await, "20px");
        let first_visible = app.js(FIRST_VISIBLE_BLOCK, vec![]).await;
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
        open_article(&app, "zh").await;
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
            open_article(&app, "en").await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remove_with_undo_and_filter_by_tag() {
    flow("remove-undo-tags", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        let total = app.count(".article-row").await;

        // Tag one article in the reader; the library then offers the tag as a filter chip.
        let title = open_article(&app, "en").await;
        app.type_into("#tags-input", "study, 港口").await;
        app.press(&[keys::TAB]).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.press(&[keys::ESCAPE]).await;
        app.wait_for(".tag-bar .chip").await;
        app.js(
            "[...document.querySelectorAll('.tag-bar .chip')].find((c) => c.textContent.startsWith('study')).click()",
            vec![],
        )
        .await;
        app.wait_js("return document.querySelectorAll('.article-row').length === 1").await;
        assert_eq!(app.text(".article-row .article-link").await, title);
        app.screenshot("tag-filter").await;
        app.js("document.querySelector('.tag-bar .chip[aria-pressed=true]').click()", vec![]).await;
        app.wait_js(&format!("return document.querySelectorAll('.article-row').length === {total}")).await;

        // Remove it, then undo from the toast.
        app.js(
            "const a = [...document.querySelectorAll('.article-link')].find((a) => a.textContent === arguments[0]); \
             a.closest('.article-row').querySelector('.remove').click();",
            vec![json!(title)],
        )
        .await;
        app.wait_js(&format!("return document.querySelectorAll('.article-row').length === {}", total - 1)).await;
        assert!(app.text(".toast-message").await.starts_with("Removed"));
        app.snapshot().await;
        app.js("[...document.querySelectorAll('.toast button')].find((b) => b.textContent === 'Undo').click()", vec![])
            .await;
        app.wait_js(&format!("return document.querySelectorAll('.article-row').length === {total}")).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_library_loads_page_by_page() {
    flow("paging", |ctx| async move {
        let library_dir = ctx.library.clone();
        std::thread::spawn(move || {
            let mut library = lectern_core::Library::open(&library_dir).unwrap();
            let sources = tempfile::tempdir().unwrap();
            for n in 0..250 {
                let path = sources.path().join(format!("{n}.md"));
                std::fs::write(&path, format!("# Note {n:03}\n\nA short note, number {n}, about reading slowly.\n"))
                    .unwrap();
                library.add(path.to_str().unwrap()).unwrap();
            }
        })
        .join()
        .unwrap();
        let app = ctx.launch().await;
        assert_eq!(app.text("#list-status").await, "250 articles");
        assert_eq!(app.count(".article-row").await, 100, "the first page only");
        // Scrolling near the end brings the next page by itself; the button brings the last.
        app.js("document.getElementById('load-more').scrollIntoView()", vec![]).await;
        app.wait_js("return document.querySelectorAll('.article-row').length === 200").await;
        assert_eq!(app.text("#load-more").await, "Show 50 more (50 not shown)");
        app.js("window.scrollTo(0, 0)", vec![]).await;
        app.click("#load-more").await;
        app.wait_js("return document.querySelectorAll('.article-row').length === 250").await;
        let titles: Vec<String> = serde_json::from_value(
            app.js("return [...document.querySelectorAll('.article-link')].map((a) => a.textContent)", vec![]).await,
        )
        .unwrap();
        let mut unique = titles.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 250, "no row twice, none missing");
        assert_eq!(titles[0], "Note 249", "newest first");
        assert!(
            app.js("return document.getElementById('load-more').closest('li').hidden", vec![]).await == json!(true)
        );
        app.screenshot("paging").await;
    })
    .await;
}
