//! End-to-end flows of the timeline views (issue #4): the reader's timeline panel, corrections
//! surviving a restart, the library timeline's SVG axis, export, and a Chinese article.
//! Screenshots of both views are saved in each of the four themes.

use lectern_e2e::steps::{add_samples, open_article, open_titled};
use lectern_e2e::{flow, keys, App};
use serde_json::{json, Value};

const THEMES: [&str; 4] = ["light", "sepia", "dark", "contrast"];

/// Selects canonical offsets `[arguments[0], arguments[1])` inside one block of the article.
const SELECT_OFFSETS: &str = "const [s, e] = arguments; \
     const b = [...document.querySelectorAll('.article-body .block')].filter((x) => Number(x.dataset.start) <= s).pop(); \
     const at = (offset) => { const w = document.createTreeWalker(b, NodeFilter.SHOW_TEXT); let n; let rest = offset - Number(b.dataset.start); \
       while ((n = w.nextNode())) { const len = [...n.data].length; if (rest <= len) return [n, [...n.data].slice(0, rest).join('').length]; rest -= len; } }; \
     const r = document.createRange(); r.setStart(...at(s)); r.setEnd(...at(e)); \
     const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); return r.toString();";

/// Switches the theme through the settings dialog (Ctrl+, works in every view).
async fn set_theme(app: &App, theme: &str) {
    app.press(&[keys::CONTROL, ',']).await;
    app.click(&format!("label[for=theme-{theme}]")).await;
    app.press(&[keys::ESCAPE]).await;
    app.wait_js("return !document.getElementById('settings-dialog')").await;
    assert_eq!(app.js("return document.documentElement.dataset.theme", vec![]).await, json!(theme));
}

/// Opens the reader's timeline panel with its button and waits for its events.
async fn open_panel(app: &App) {
    app.click("#timeline-toggle").await;
    app.wait_for("#panel-timeline .tl-event").await;
}

/// `[start, end, value]` of every event listed in the panel, in order.
async fn panel_events(app: &App) -> Vec<(u64, u64, String)> {
    let v = app
        .js(
            "return [...document.querySelectorAll('#panel-timeline .tl-event')].map((li) => [Number(li.dataset.start), Number(li.dataset.end), li.dataset.value]);",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap()
}

/// Axe's serious and critical violations, prefixed with where they were found.
async fn axe(app: &App, place: &str) -> Vec<String> {
    app.axe_violations().await.into_iter().map(|v| format!("{place}: {v}")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clicking_an_event_scrolls_the_reader_to_its_passage() {
    flow("timeline-reader", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        open_article(&app, "en").await;
        assert_eq!(app.count("#panel-timeline .tl-event").await, 0, "the panel starts closed");
        open_panel(&app).await;
        assert_eq!(app.js("return document.getElementById('timeline-toggle').getAttribute('aria-expanded')", vec![]).await, json!("true"));
        // Events are listed in date order under year headings, and the dated words are painted.
        let events = panel_events(&app).await;
        assert!(events.len() >= 5, "{events:?}");
        let years: Vec<String> = serde_json::from_value(
            app.js("return [...document.querySelectorAll('#panel-timeline .tl-year-heading')].map((h) => h.textContent)", vec![]).await,
        )
        .unwrap();
        assert!(years.len() >= 2 && years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
        assert_eq!(app.js("return CSS.highlights.has('timex') && CSS.highlights.get('timex').size", vec![]).await, json!(events.len()));

        // The event lowest in the article: click it, the reader scrolls there and flashes it.
        let (start, end, _) = events.iter().max_by_key(|e| e.0).cloned().unwrap();
        let before = app.js("return window.scrollY", vec![]).await.as_f64().unwrap();
        app.click(&format!("#panel-timeline .tl-event[data-start='{start}'] .tl-event-main")).await;
        app.wait_js(&format!("return document.querySelector('.reader').dataset.flash === '{start}-{end}'")).await;
        let after = app.js("return window.scrollY", vec![]).await.as_f64().unwrap();
        assert!(after > before + 200.0, "the reader scrolled down ({before} → {after})");
        let in_view = app
            .js(
                "const b = [...document.querySelectorAll('.article-body .block')].filter((e) => Number(e.dataset.start) <= arguments[0]).pop(); \
                 const r = b.getBoundingClientRect(); const top = document.querySelector('.reader-bar').getBoundingClientRect().bottom; \
                 return r.bottom > top && r.top < window.innerHeight;",
                vec![json!(start)],
            )
            .await;
        assert_eq!(in_view, json!(true), "the passage is in view");

        // Hovering the dated words shows their date.
        let label = app
            .js(
                "const li = document.querySelector(`#panel-timeline .tl-event[data-start='${arguments[0]}']`); return li.querySelector('.tl-date').textContent;",
                vec![json!(start)],
            )
            .await;
        app.wait_js("return !document.querySelector('.reader').dataset.flash").await;
        let hover = app
            .js(
                "const [s] = arguments; const b = [...document.querySelectorAll('.article-body .block')].filter((e) => Number(e.dataset.start) <= s).pop(); \
                 const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT); let n; let rest = s - Number(b.dataset.start); \
                 while ((n = walker.nextNode())) { const len = [...n.data].length; if (rest < len) break; rest -= len; } \
                 const r = document.createRange(); const i = [...n.data].slice(0, rest).join('').length; r.setStart(n, i); r.setEnd(n, i + 1); \
                 const box = r.getBoundingClientRect(); \
                 document.getElementById('article').dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true })); \
                 const t = document.getElementById('tl-tooltip'); return t.hidden ? null : t.textContent;",
                vec![json!(start)],
            )
            .await;
        let hover = hover.as_str().unwrap_or_else(|| panic!("no tooltip over the mention at {start}"));
        assert!(hover.contains(label.as_str().unwrap()), "{hover} / {label}");
        assert_eq!(app.js("return document.getElementById('tl-tooltip').getAttribute('role')", vec![]).await, json!("tooltip"));
        app.screenshot("timeline-reader-hover").await;
        // While the tooltip shows, E edits that date in the panel (Escape cancels, staying in the reader).
        app.press(&['e']).await;
        app.wait_js(&format!(
            "return document.activeElement.id === 'tl-edit-value' && document.activeElement.closest('.tl-event').dataset.start === '{start}'"
        ))
        .await;
        app.press(&[keys::ESCAPE]).await;
        app.wait_js("return !document.getElementById('tl-edit-value') && location.hash.startsWith('#/read/')").await;
        app.js("document.getElementById('article').dispatchEvent(new MouseEvent('mouseleave'))", vec![]).await;
        app.wait_js("return document.getElementById('tl-tooltip').hidden").await;

        // Shift+T closes the panel (and stops painting), and opens it again.
        app.js("document.activeElement && document.activeElement.blur()", vec![]).await;
        app.press(&['T']).await;
        app.wait_js("return document.getElementById('panel-timeline').hidden && !CSS.highlights.has('timex')").await;
        app.press(&['T']).await;
        app.wait_for("#panel-timeline .tl-event").await;

        let mut problems = Vec::new();
        for theme in THEMES {
            set_theme(&app, theme).await;
            problems.extend(axe(&app, &format!("reader panel/{theme}")).await);
            app.screenshot(&format!("timeline-reader-{theme}")).await;
        }
        app.snapshot().await;
        assert!(problems.is_empty(), "accessibility violations:\n{}", problems.join("\n"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrections_survive_a_restart() {
    flow("timeline-corrections", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        let title = open_article(&app, "en").await;
        open_panel(&app).await;
        let events = panel_events(&app).await;
        let (edited, _, _) = events[0].clone();
        let (hidden, _, _) = events[1].clone();

        // Edit a date: a value the core refuses shows its message inline, a good one is kept.
        app.click(&format!("#panel-timeline .tl-event[data-start='{edited}'] .tl-edit")).await;
        app.js("document.getElementById('tl-edit-value').value = ''", vec![]).await;
        app.type_into("#tl-edit-value", "soon").await;
        app.press(&[keys::ENTER]).await;
        let error = app.text("#tl-edit-error").await;
        assert!(error.contains("invalid date value"), "{error}");
        app.js("document.getElementById('tl-edit-value').value = ''", vec![]).await;
        app.type_into("#tl-edit-value", "2019-07-04").await;
        app.press(&[keys::ENTER]).await;
        app.wait_js(&format!("return document.querySelector(\"#panel-timeline .tl-event[data-start='{edited}']\")?.dataset.value === '2019-07-04'")).await;

        // Hide another: it leaves the list; "Show hidden (1)" brings it back greyed.
        app.click(&format!("#panel-timeline .tl-event[data-start='{hidden}'] .tl-hide")).await;
        app.wait_js(&format!("return !document.querySelector(\"#panel-timeline .tl-event[data-start='{hidden}']\")")).await;
        assert_eq!(app.text("#tl-show-hidden").await, "Show hidden (1)");

        // Selecting dated words offers the core's reading of them as the date.
        let (s3, e3, v3) = events[2].clone();
        app.js(SELECT_OFFSETS, vec![json!(s3), json!(e3)]).await;
        app.click("#tl-add-selection").await;
        app.wait_js(&format!("return document.getElementById('tl-add-value')?.value === '{v3}'")).await;
        app.click("#tl-add-form button[type=button]").await; // Cancel
        app.wait_js("return !document.getElementById('tl-add-form')").await;

        // Add one from a selection, with the panel's button: the first words of a paragraph.
        let selected = app
            .js(
                "const p = document.querySelector('.article-body p.block'); const n = p.firstChild; \
                 const r = document.createRange(); r.setStart(n, 0); r.setEnd(n, 12); \
                 const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); return Number(p.dataset.start);",
                vec![],
            )
            .await;
        let added = selected.as_u64().unwrap();
        app.click("#tl-add-selection").await;
        app.wait_for("#tl-add-value").await;
        app.js("document.getElementById('tl-add-value').value = ''", vec![]).await;
        app.type_into("#tl-add-value", "2024-05").await;
        app.press(&[keys::ENTER]).await;
        app.wait_js(&format!("return document.querySelector(\"#panel-timeline .tl-event[data-start='{added}']\")?.dataset.value === '2024-05'")).await;
        app.screenshot("timeline-corrections-before-restart").await;

        app.quit().await;
        let app = ctx.launch().await;
        app.wait_for(".article-row").await;
        open_titled(&app, &title).await;
        open_panel(&app).await;
        let after = panel_events(&app).await;
        assert!(after.iter().any(|e| e.0 == edited && e.2 == "2019-07-04"), "the edit survived: {after:?}");
        assert!(after.iter().all(|e| e.0 != hidden), "the hidden event stays hidden: {after:?}");
        assert!(after.iter().any(|e| e.0 == added && e.2 == "2024-05"), "the added event survived: {after:?}");
        assert_eq!(app.text(&format!("#panel-timeline .tl-event[data-start='{edited}'] .tl-badge")).await, "edited");
        assert_eq!(app.text(&format!("#panel-timeline .tl-event[data-start='{added}'] .tl-badge")).await, "added");

        // The hidden one is listed greyed with Unhide; unhiding and reverting work too.
        app.click("#tl-show-hidden").await;
        app.wait_for(&format!("#panel-timeline .tl-event.tl-hidden[data-start='{hidden}'] .tl-unhide")).await;
        app.snapshot().await;
        app.click(&format!("#panel-timeline .tl-event[data-start='{hidden}'] .tl-unhide")).await;
        app.wait_js(&format!("return document.querySelector(\"#panel-timeline .tl-event[data-start='{hidden}']:not(.tl-hidden)\")")).await;
        app.click(&format!("#panel-timeline .tl-event[data-start='{edited}'] .tl-revert")).await;
        app.wait_js(&format!(
            "const li = document.querySelector(\"#panel-timeline .tl-event[data-start='{edited}']\"); return li && li.dataset.value === '{}' && !li.querySelector('.tl-badge')",
            events[0].2
        ))
        .await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn library_timeline_zooms_pans_and_opens_the_reader() {
    flow("timeline-library", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        app.click("a.section-link[href='#/timeline']").await;
        app.wait_js("return document.querySelector('.tl-view[data-ready]') && document.querySelectorAll('#tl-axis .tl-mark').length > 10").await;
        let marks = app.count("#tl-axis .tl-mark").await;
        let articles = app.js("return new Set([...document.querySelectorAll('#tl-axis .tl-mark')].map((m) => m.dataset.article)).size", vec![]).await;
        assert!(articles.as_u64().unwrap() >= 3, "marks from several articles: {articles}");
        assert_eq!(app.count("#tl-legend li").await as u64, articles.as_u64().unwrap(), "one legend entry per article");
        assert_eq!(app.js("return document.getElementById('tl-axis').getAttribute('role')", vec![]).await, json!("group"));
        // Days are dots, periods are bars.
        assert!(app.count("#tl-axis .tl-mark.tl-dot circle").await > 0);
        assert!(app.count("#tl-axis .tl-mark.tl-bar rect").await > 0);
        let draw_ms = app.js("return Number(document.querySelector('.tl-view').dataset.drawMs)", vec![]).await;
        eprintln!("library timeline: {marks} marks drawn in {draw_ms} ms");

        // Zooming in switches the ticks from years to months.
        assert_eq!(app.js("return document.getElementById('tl-axis').dataset.level", vec![]).await, json!("year"));
        let level = || {
            let app = app.clone();
            async move { app.js("return document.getElementById('tl-axis').dataset.level", vec![]).await }
        };
        for _ in 0..3 {
            app.click("#tl-zoom-in").await;
            if level().await != json!("year") {
                break;
            }
        }
        assert_eq!(level().await, json!("month"), "zooming in from years shows months");
        assert!(app.text("#tl-level").await.contains("months"));
        // The keyboard pans: arrows on the focused axis move later in time.
        let start = |app: &App| {
            let app = app.clone();
            async move { app.js("return Number(document.getElementById('tl-axis').dataset.start)", vec![]).await.as_f64().unwrap() }
        };
        app.js("document.getElementById('tl-axis').focus()", vec![]).await;
        let before = start(&app).await;
        app.press(&['\u{E014}']).await; // ArrowRight
        let after = start(&app).await;
        assert!(after > before, "ArrowRight pans later ({before} → {after})");
        app.press(&['\u{E012}', '\u{E012}']).await; // ArrowLeft twice
        assert!(start(&app).await < after);
        // Ctrl+wheel zooms at the pointer, the wheel pans, a drag pans the other way.
        let span = |app: &App| {
            let app = app.clone();
            async move {
                let v = app.js("const d = document.getElementById('tl-axis').dataset; return [Number(d.start), Number(d.end)]", vec![]).await;
                (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
            }
        };
        let (s0, e0) = span(&app).await;
        let wheel = "const svg = document.getElementById('tl-axis'); const r = svg.getBoundingClientRect(); \
             svg.dispatchEvent(new WheelEvent('wheel', { deltaY: arguments[0], ctrlKey: arguments[1], clientX: r.left + r.width / 2, clientY: r.top + 60, bubbles: true, cancelable: true }));";
        app.js(wheel, vec![json!(-100), json!(true)]).await;
        let (s1, e1) = span(&app).await;
        assert!(e1 - s1 < e0 - s0, "Ctrl+wheel up zooms in");
        app.js(wheel, vec![json!(120), json!(false)]).await;
        let (s2, _) = span(&app).await;
        assert!(s2 > s1, "the wheel pans later");
        app.js(
            "const svg = document.getElementById('tl-axis'); const r = svg.getBoundingClientRect(); const y = r.top + r.height - 8; \
             const ev = (type, x) => svg.dispatchEvent(new PointerEvent(type, { pointerId: 7, button: 0, clientX: x, clientY: y, bubbles: true })); \
             ev('pointerdown', r.left + 400); ev('pointermove', r.left + 500); ev('pointerup', r.left + 500);",
            vec![],
        )
        .await;
        let (s3, _) = span(&app).await;
        assert!(s3 < s2, "dragging right shows earlier times ({s2} → {s3})");
        app.press(&['0']).await;
        app.wait_js("return document.getElementById('tl-axis').dataset.level === 'year'").await;

        // Enter goes into the events; arrows walk them in date order; the detail card follows.
        app.press(&[keys::ENTER]).await;
        app.wait_js("return document.activeElement && document.activeElement.classList.contains('tl-mark')").await;
        let first = app.js("return Number(document.activeElement.dataset.index)", vec![]).await.as_u64().unwrap();
        app.press(&['\u{E014}']).await;
        app.wait_js(&format!("return Number(document.activeElement.dataset.index) === {}", first + 1)).await;
        let detail = app.text("#tl-detail .tl-sentence").await;
        assert!(!detail.is_empty());
        // The focused mark is visibly ringed.
        let ring = app
            .js(
                "const r = document.getElementById('tl-focus-ring').getBoundingClientRect(); const m = document.activeElement.getBoundingClientRect(); \
                 return document.getElementById('tl-focus-ring').getAttribute('visibility') === 'visible' && r.left < m.left && r.right > m.right && r.top < m.top && r.bottom > m.bottom;",
                vec![],
            )
            .await;
        assert_eq!(ring, json!(true), "a ring surrounds the focused mark");
        app.screenshot("timeline-library-focus").await;

        // Screenshots in every theme, with axe.
        let mut problems = Vec::new();
        for theme in THEMES {
            set_theme(&app, theme).await;
            problems.extend(axe(&app, &format!("library timeline/{theme}")).await);
            app.screenshot(&format!("timeline-library-{theme}")).await;
        }
        set_theme(&app, "light").await;

        // The text alternative lists the same events.
        app.click("#tl-list-toggle").await;
        app.wait_for("#tl-text-list .tl-event").await;
        assert_eq!(app.count("#tl-text-list .tl-event").await, app.js("return Number(document.getElementById('tl-status').textContent.split(' ')[0])", vec![]).await.as_u64().unwrap() as usize);
        app.click("#tl-list-toggle").await;

        // Render time for 2,000 events, in this WebView.
        let bench = app
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; import('./timeline-view.js').then((m) => { \
                   const host = document.createElement('div'); host.style.width = '1200px'; document.body.append(host); \
                   const r = m.benchmark(host, 2000); host.remove(); done(r); }).catch((e) => done(String(e)));",
                vec![],
            )
            .await
            .expect("benchmark ran");
        eprintln!("library timeline, 2,000 events (ms): {bench}");
        assert!(bench["marks"].as_u64().unwrap_or(0) > 500, "{bench}");

        // Clicking a mark opens the reader at its passage.
        let target: Value = app
            .js(
                "const m = document.querySelector('#tl-axis .tl-mark.tl-dot'); return [m.dataset.article, Number(m.dataset.start)];",
                vec![],
            )
            .await;
        let (article, mention) = (target[0].as_str().unwrap().to_string(), target[1].as_u64().unwrap());
        // (WebKitWebDriver cannot click an SVG group, so the flow clicks the dot inside it.)
        app.click(&format!("#tl-axis .tl-mark.tl-dot[data-article='{article}'][data-start='{mention}'] circle")).await;
        app.wait_js(&format!("return location.hash === '#/read/{article}'")).await;
        app.wait_js(&format!("return (document.querySelector('.reader').dataset.flash || '').startsWith('{mention}-')")).await;

        // A tag limits the marks to its articles.
        // (Tagging is the reader's tags field; the flow tags through its command to wait for it.)
        app.client
            .execute_async(
                "const [id, done] = arguments; window.__TAURI__.core.invoke('set_tags', { id, tags: ['flood'] }).then(() => done(true), (e) => done(e));",
                vec![json!(article)],
            )
            .await
            .expect("tagged");
        app.js("location.hash = '#/timeline'", vec![]).await;
        app.wait_js("return [...document.querySelectorAll('#tl-tag option')].some((o) => o.value === 'flood')").await;
        app.js("const s = document.getElementById('tl-tag'); s.value = 'flood'; s.dispatchEvent(new Event('change'));", vec![]).await;
        app.wait_js(&format!(
            "const m = [...document.querySelectorAll('#tl-axis .tl-mark')]; return m.length > 0 && m.every((x) => x.dataset.article === '{article}')"
        ))
        .await;
        assert!(app.count("#tl-axis .tl-mark").await < marks);
        assert_eq!(app.count("#tl-legend li").await, 1);
        app.snapshot().await;
        assert!(problems.is_empty(), "accessibility violations:\n{}", problems.join("\n"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_timelinejs_csv_and_markdown() {
    flow("timeline-export", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        // The native save dialog cannot be driven through WebDriver: the flow calls the command
        // the menu calls after the dialog, with a path inside the flow's library folder.
        let invoke = |format: &str, path: &std::path::Path| {
            let app = app.clone();
            let (format, path) = (format.to_string(), path.to_string_lossy().to_string());
            async move {
                app.client
                    .execute_async(
                        "const [format, path, done] = arguments; window.__TAURI__.core.invoke('export_timeline', { ids: null, tag: null, format, path }).then(done, (e) => done({ error: e }));",
                        vec![json!(format), json!(path)],
                    )
                    .await
                    .expect("export ran")
            }
        };
        let json_path = ctx.library.join("timeline.json");
        let written = invoke("timelinejs", &json_path).await;
        assert_eq!(written, json!(json_path.to_string_lossy()));
        let tl: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).expect("valid JSON");
        let slides = tl["events"].as_array().expect("TimelineJS3 `events`");
        assert!(slides.len() > 20, "{}", slides.len());
        assert!(slides.iter().all(|s| s["start_date"]["year"].is_number()));
        assert_eq!(tl["title"]["text"]["headline"], json!("Timeline"));

        let csv_path = ctx.library.join("timeline.csv");
        invoke("csv", &csv_path).await;
        let csv = std::fs::read_to_string(&csv_path).unwrap();
        let header = csv.split("\r\n").next().unwrap();
        assert_eq!(header, lectern_core::timeline::CSV_COLUMNS.join(","));
        assert_eq!(csv.split("\r\n").filter(|l| !l.is_empty()).count(), slides.len() + 1);

        let md_path = ctx.library.join("timeline.md");
        invoke("md", &md_path).await;
        let md = std::fs::read_to_string(&md_path).unwrap();
        assert!(md.starts_with("# Timeline"), "{}", &md[..40.min(md.len())]);
        assert!(md.lines().any(|l| l == "## 2021"), "year headings");
        assert!(md.lines().any(|l| l.starts_with("### ")), "month headings");

        // A folder that does not exist comes back as {kind: "io", message}, as the study-group export does.
        let bad = invoke("csv", &ctx.library.join("no/such/folder/x.csv")).await;
        assert_eq!(bad["error"]["kind"], json!("io"), "{bad}");

        // The menu the user sees: three formats, reachable with the keyboard.
        let title = open_article(&app, "en").await;
        // The reader's export is the article's own timeline, titled by the article.
        let one = ctx.library.join("one.md");
        let written = app
            .client
            .execute_async(
                "const [path, done] = arguments; const id = location.hash.split('/').pop(); \
                 window.__TAURI__.core.invoke('export_timeline', { ids: [id], tag: null, format: 'md', path }).then(done, (e) => done({ error: e }));",
                vec![json!(one.to_string_lossy())],
            )
            .await
            .expect("export ran");
        assert_eq!(written, json!(one.to_string_lossy()));
        let md = std::fs::read_to_string(&one).unwrap();
        assert!(md.starts_with(&format!("# {title}")), "{}", &md[..60.min(md.len())]);
        open_panel(&app).await;
        app.click("#tl-export").await;
        app.wait_js("return document.activeElement && document.activeElement.getAttribute('role') === 'menuitem'").await;
        let items: Vec<String> = serde_json::from_value(
            app.js("return [...document.querySelectorAll('#tl-export-menu [role=menuitem]')].map((i) => i.textContent)", vec![]).await,
        )
        .unwrap();
        assert_eq!(items, ["TimelineJS3 JSON", "CSV spreadsheet", "Markdown"]);
        app.press(&[keys::DOWN]).await;
        assert_eq!(app.js("return document.activeElement.textContent", vec![]).await, json!("CSV spreadsheet"));
        app.snapshot().await;
        app.press(&[keys::ESCAPE]).await;
        app.wait_js("return document.getElementById('tl-export-menu').hidden && document.activeElement.id === 'tl-export'").await;

        // An article without dates: a calm empty state, and the panel still offers to add one.
        app.press(&[keys::ESCAPE]).await; // back to the library
        app.wait_for(".article-row").await;
        let undated = app
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; const links = [...document.querySelectorAll('.article-link')]; \
                 (async () => { for (const a of links) { const id = a.getAttribute('href').split('/').pop(); \
                   const t = await window.__TAURI__.core.invoke('article_timeline', { id }); if (t.events.length === 0) return a.textContent; } return null; })().then(done);",
                vec![],
            )
            .await
            .expect("looked for an undated article");
        open_titled(&app, undated.as_str().expect("a sample article without dates")).await;
        app.click("#timeline-toggle").await;
        assert_eq!(app.text("#tl-empty p").await, "No dates were found in this article.");
        app.wait_for("#tl-add-selection").await;
        app.screenshot("timeline-empty").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chinese_article_timeline_shows_chinese_dates() {
    flow("timeline-zh", |ctx| async move {
        let app = ctx.launch().await;
        add_samples(&app).await;
        let title = app
            .js("return [...document.querySelectorAll('.article-link')].map((a) => a.textContent).find((t) => t.includes('古籍'))", vec![])
            .await;
        open_titled(&app, title.as_str().expect("the 古籍修复 sample")).await;
        open_panel(&app).await;
        let rows: Vec<(String, String)> = serde_json::from_value(
            app.js(
                "return [...document.querySelectorAll('#panel-timeline .tl-event')].map((li) => [li.querySelector('.tl-date').textContent, li.querySelector('.tl-sentence').textContent]);",
                vec![],
            )
            .await,
        )
        .unwrap();
        let has = |date: &str, words: &str| rows.iter().any(|(d, s)| d == date && s.contains(words));
        assert!(has("2021年3月2日", "正式启动"), "{rows:?}");
        assert!(has("2021年5月21日", "次日"), "a relative date anchored to the story: {rows:?}");
        assert!(has("2022年6月30日", "截至6月30日"), "{rows:?}");
        let years: Vec<String> = serde_json::from_value(
            app.js("return [...document.querySelectorAll('#panel-timeline .tl-year-heading')].map((h) => h.textContent)", vec![]).await,
        )
        .unwrap();
        assert_eq!(years, ["2021年", "2022年"]);
        // The mention is marked inside its Chinese sentence.
        let mark = app.text("#panel-timeline .tl-event .tl-mention").await;
        assert!(!mark.is_empty());
        app.screenshot("timeline-zh-light").await;
        set_theme(&app, "dark").await;
        app.snapshot().await;
    })
    .await;
}
