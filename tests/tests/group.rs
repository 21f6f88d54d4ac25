//! Study groups in the desktop app (issue #6): importing other members' bundles made with the
//! `lectern` command, the Group tab's layers, the group folder synced at start, on demand and
//! on quit, a bundle opened from the command line, and a damaged file refused. Each flow saves
//! screenshots in `target/e2e-screenshots/`.
//!
//! The other members are real libraries made with the built `lectern` binary (next to the app,
//! or `LECTERN_BIN`): `cargo build -p lectern-cli -p lectern-desktop` first.

use lectern_e2e::{app_binary, flow, App};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `lectern` command beside the app binary (or `$LECTERN_BIN`).
fn cli_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("LECTERN_BIN") {
        return PathBuf::from(bin);
    }
    let bin = app_binary().with_file_name(format!("lectern{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: `cargo build -p lectern-cli`", bin.display());
    bin
}

/// Runs `lectern --library LIB --json ARGS…` and returns its JSON.
fn lectern(library: &Path, args: &[&str]) -> Value {
    let out = Command::new(cli_binary())
        .arg("--library")
        .arg(library)
        .arg("--json")
        .args(args)
        .env_remove("LECTERN_LIBRARY")
        .output()
        .expect("lectern runs");
    assert!(out.status.success(), "lectern {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

/// The quotes each member highlights in the English river sample (words of its text).
const ANA: [&str; 2] = ["the lower Lan River is running clear again", "Dredging crews arrived at the upper reaches"];
const BO: [&str; 1] = ["more than 1,400 volunteers"];
const ME: [&str; 1] = ["see the pebbles on the riverbed"];

/// A library with the samples, the creator `name`, and highlights of `quotes` in the river
/// sample. Returns the river article's id.
fn member(library: &Path, name: &str, quotes: &[&str]) -> String {
    lectern(library, &["samples"]);
    lectern(library, &["whoami", name]);
    let list = lectern(library, &["list"]);
    let river = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap_or_default().contains("Lan River"))
        .expect("the river sample")["id"]
        .as_str()
        .unwrap()
        .to_string();
    for quote in quotes {
        lectern(library, &["highlight", &river, "--quote", quote]);
    }
    river
}

/// Exports a member's whole library as a bundle.
fn bundle(library: &Path, file: &Path) {
    lectern(library, &["export", "--format", "bundle", "-o", file.to_str().unwrap()]);
}

/// Imports a file through the UI's import path (the file dialog cannot be driven) and waits
/// for the summary dialog.
async fn import(app: &App, file: &Path) {
    app.js(
        "window.dispatchEvent(new CustomEvent('lectern:import-annotations', { detail: arguments[0] }))",
        vec![json!(file)],
    )
    .await;
    app.wait_for("#exchange-summary").await;
}

/// A count in the summary dialog (`added`, `updated`, `unchanged`, `orphaned`, `articles_added`).
async fn count(app: &App, key: &str) -> u64 {
    app.text(&format!("#summary-{key}")).await.trim().parse().unwrap()
}

async fn close_summary(app: &App) {
    app.click("#summary-ok").await;
    app.wait_js("return !document.getElementById('exchange-summary')").await;
}

/// Calls a shell command from the page (for what only a native dialog would provide).
async fn invoke(app: &App, command: &str, args: Value) -> Value {
    app.client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             window.__TAURI__.core.invoke(arguments[0], arguments[1]).then((v) => done({ ok: v }), (e) => done({ err: e }));",
            vec![json!(command), args],
        )
        .await
        .expect("invoke ran")
}

/// Opens the river article and the Group tab; waits for `members` rows.
async fn open_group(app: &App, members: usize) {
    app.js("location.hash = '#/'", vec![]).await;
    app.wait_js(
        "return [...document.querySelectorAll('.article-link')].some((a) => a.textContent.includes('Lan River'))",
    )
    .await;
    app.js(
        "[...document.querySelectorAll('.article-link')].find((a) => a.textContent.includes('Lan River')).click()",
        vec![],
    )
    .await;
    app.wait_js("return document.querySelector('.reader[data-ready]') !== null").await;
    app.click("#group-toggle").await;
    app.wait_js(&format!("return document.querySelectorAll('#group-members .group-member').length === {members}"))
        .await;
}

/// The Group tab's rows as (name, count, shown).
async fn rows(app: &App) -> Vec<(String, u64, bool)> {
    let value = app
        .js(
            "return [...document.querySelectorAll('#group-members .group-member')].map((li) => \
             [li.dataset.member, Number(li.querySelector('.group-count').textContent), li.querySelector('input').checked])",
            vec![],
        )
        .await;
    serde_json::from_value(value).unwrap()
}

/// Switches the theme through the settings dialog.
async fn theme(app: &App, theme: &str) {
    app.click("#reader-settings").await;
    app.click(&format!("label[for=theme-{theme}]")).await;
    app.wait_js(&format!("return document.documentElement.dataset.theme === '{theme}'")).await;
    app.click("#settings-close").await;
    app.wait_js("return !document.getElementById('settings-dialog')").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_members_exchange_bundles_and_toggle_layers() {
    flow("group-three-members", |ctx| async move {
        let others = tempfile::tempdir().unwrap();
        let (ana, bo) = (others.path().join("ana"), others.path().join("bo"));
        member(&ana, "Ana", &ANA);
        member(&bo, "Bo", &BO);
        let (ana_file, bo_file) = (others.path().join("ana.lectern"), others.path().join("bo.lectern"));
        bundle(&ana, &ana_file);
        bundle(&bo, &bo_file);
        let river = member(&ctx.library, "Me", &ME);

        let app = ctx.launch().await;
        import(&app, &ana_file).await;
        assert_eq!(count(&app, "added").await, 2, "Ana's two highlights are new");
        assert_eq!(count(&app, "unchanged").await, 0);
        assert_eq!(count(&app, "orphaned").await, 0);
        assert_eq!(count(&app, "articles_added").await, 0, "the same samples are matched, not copied");
        app.screenshot("group-import-summary").await;
        close_summary(&app).await;
        import(&app, &bo_file).await;
        assert_eq!(count(&app, "added").await, 1);
        close_summary(&app).await;

        open_group(&app, 3).await;
        assert_eq!(
            rows(&app).await,
            vec![("Ana".into(), 2, true), ("Bo".into(), 1, true), ("Me".into(), 1, true)],
            "one row per member, with their counts"
        );
        // Three members: colouring by member is on, each member in their own colour.
        assert_eq!(
            app.js("return document.getElementById('group-by-member').getAttribute('aria-checked')", vec![]).await,
            json!("true")
        );
        let colors = app
            .js("return [...document.querySelectorAll('.group-member')].map((li) => li.dataset.color)", vec![])
            .await;
        let colors: Vec<String> = serde_json::from_value(colors).unwrap();
        assert_eq!(colors.len(), 3);
        assert!(colors[0] != colors[1] && colors[1] != colors[2] && colors[0] != colors[2], "{colors:?}");
        for name in ["light", "sepia", "dark", "contrast"] {
            theme(&app, name).await;
            app.click("#tab-group").await;
            app.screenshot(&format!("group-panel-{name}")).await;
            let violations = app.axe_violations().await;
            assert!(violations.is_empty(), "axe in {name} with the Group tab open: {violations:#?}");
        }
        theme(&app, "light").await;

        // Hide Bo's layer: his highlight is no longer painted, the row says so, and the choice
        // is saved for the next session.
        let bo_layer = "const i = document.querySelector('.group-member[data-member=Bo]').dataset.color; \
             const hl = CSS.highlights.get('hl-member-' + i); return hl ? hl.size : 0;";
        assert_eq!(app.js(bo_layer, vec![]).await, json!(1), "Bo's highlight is painted in his colour");
        app.click("#group-members .group-member[data-member=Bo] input").await;
        app.wait_js(&format!("return (() => {{ {bo_layer} }})() === 0")).await;
        app.wait_js("return document.querySelector('.group-member[data-member=Bo]').classList.contains('is-hidden')")
            .await;
        let deadline = std::time::Instant::now() + lectern_e2e::TIMEOUT;
        while invoke(&app, "get_settings", json!({})).await["ok"]["layers"]["hidden"] != json!(["Bo"]) {
            assert!(std::time::Instant::now() < deadline, "the hidden layer is saved");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        app.screenshot("group-layer-hidden").await;

        // Importing the same files again changes nothing, and says so.
        import(&app, &ana_file).await;
        assert_eq!(count(&app, "added").await, 0);
        assert_eq!(count(&app, "updated").await, 0);
        assert_eq!(count(&app, "unchanged").await, 2);
        assert!(app.text("#summary-verdict").await.contains("Nothing new"));
        close_summary(&app).await;
        open_group(&app, 3).await;
        assert_eq!(rows(&app).await, vec![("Ana".into(), 2, true), ("Bo".into(), 1, false), ("Me".into(), 1, true)]);
        app.snapshot().await;

        // The app's export of this article (the path is what the save dialog would give) brings
        // Bo everyone's highlights: the three-member exchange closes through files.
        let out = others.path().join("from-the-app.lectern");
        let exported = invoke(
            &app,
            "export_annotations",
            json!({ "scope": { "articles": [river] }, "format": "bundle", "path": out }),
        )
        .await;
        assert!(exported["ok"]["bytes"].as_u64().unwrap() > 0, "{exported}");
        let summary = lectern(&bo, &["import", out.to_str().unwrap()]);
        assert_eq!(summary["added"], 3, "Ana's two and mine: {summary}");
        assert_eq!(summary["unchanged"], 1, "Bo's own: {summary}");
        // Markdown and W3C JSON exports are written too.
        for (format, name) in [("md", "notes.md"), ("json", "notes.json")] {
            let file = others.path().join(name);
            let done =
                invoke(&app, "export_annotations", json!({ "scope": "all", "format": format, "path": file })).await;
            assert!(done["ok"].is_object(), "{done}");
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.contains("running clear again"), "{name} holds Ana's quote");
        }
    })
    .await;
}

/// The group folder's member files, by name.
fn folder_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lectern") && !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_folder_syncs_at_start_on_demand_and_on_quit() {
    flow("group-folder", |ctx| async move {
        let others = tempfile::tempdir().unwrap();
        let folder = others.path().join("group");
        std::fs::create_dir(&folder).unwrap();
        let (ana, bo) = (others.path().join("ana"), others.path().join("bo"));
        member(&ana, "Ana", &ANA[..1]);
        lectern(&ana, &["sync", folder.to_str().unwrap()]);
        member(&ctx.library, "Me", &ME);

        // Choosing the folder (the picker is native: the command it calls) syncs at once.
        let app = ctx.launch().await;
        let sync = invoke(&app, "set_group_folder", json!({ "folder": folder })).await;
        assert_eq!(sync["ok"]["total"]["added"], 1, "{sync}");
        let files = folder_files(&folder);
        assert_eq!(files.len(), 2, "Ana's file and ours: {files:?}");
        assert!(files.iter().any(|f| f.starts_with("me-")), "{files:?}");
        open_group(&app, 2).await;
        app.quit().await;

        // Meanwhile Bo joins (reading ours and Ana's), and Ana highlights more.
        member(&bo, "Bo", &BO);
        lectern(&bo, &["sync", folder.to_str().unwrap()]);
        let river = lectern(&ana, &["list"]);
        let river =
            river.as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().contains("Lan River")).unwrap();
        lectern(&ana, &["highlight", river["id"].as_str().unwrap(), "--quote", ANA[1]]);
        lectern(&ana, &["sync", folder.to_str().unwrap()]);
        assert_eq!(folder_files(&folder).len(), 3);

        // At start the app imports the others' files and shows what came in.
        let app = ctx.launch().await;
        app.wait_for("#exchange-summary").await;
        assert!(app.text("#exchange-summary").await.contains("Group folder synced"));
        assert!(count(&app, "added").await >= 2, "Bo's highlight and Ana's new ones");
        app.screenshot("group-folder-start").await;
        close_summary(&app).await;
        open_group(&app, 3).await;
        app.screenshot("group-folder-members").await;

        // "Sync now" writes our file under our (new) name.
        invoke(&app, "set_creator", json!({ "name": "Mei" })).await;
        app.js("location.hash = '#/'", vec![]).await;
        app.click("#open-settings").await;
        app.wait_js("return document.getElementById('settings-creator-name').value === 'Mei'").await;
        assert!(app.text("#group-folder-path").await.ends_with("group"), "the folder is shown in Settings");
        app.wait_js(
            "const s = document.getElementById('group-folder-status'); s.scrollIntoView({ block: 'end' }); \
             return s.getBoundingClientRect().bottom <= window.innerHeight;",
        )
        .await;
        app.screenshot("group-settings").await;
        app.click("#settings-close").await;
        app.click("#open-share").await;
        app.wait_for("#share-sync").await;
        app.screenshot("group-share-dialog").await;
        let violations = app.axe_violations().await;
        assert!(violations.is_empty(), "axe with the Share dialog open: {violations:#?}");
        app.click("#share-sync").await;
        app.wait_for("#exchange-summary").await;
        app.wait_js("return document.querySelector('#exchange-summary .exchange-report.ok') !== null").await;
        let files = folder_files(&folder);
        assert!(
            files.iter().any(|f| f.starts_with("mei-")) && !files.iter().any(|f| f.starts_with("me-")),
            "{files:?}"
        );
        close_summary(&app).await;

        // On quit (the window closed, as a person closes it), our file is written again, here
        // under the name changed since. (Ending the WebDriver session kills the app instead.)
        invoke(&app, "set_creator", json!({ "name": "Mei Lin" })).await;
        let _ = app
            .client
            .execute("setTimeout(() => window.__TAURI__.window.getCurrentWindow().close(), 50); return true;", vec![])
            .await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !folder_files(&folder).iter().any(|f| f.starts_with("mei-lin-")) {
            assert!(std::time::Instant::now() < deadline, "no file written on quit: {:?}", folder_files(&folder));
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(folder_files(&folder).len(), 3, "still one file per member");
        app.quit().await;
        // Bo reads everything we wrote: his library now has all four highlights.
        lectern(&bo, &["sync", folder.to_str().unwrap()]);
        let all = lectern(&bo, &["highlights"]);
        let mut creators: Vec<String> =
            all.as_array().unwrap().iter().map(|a| a["creator"]["name"].as_str().unwrap().to_string()).collect();
        creators.sort();
        creators.dedup();
        assert_eq!(creators, vec!["Ana", "Bo", "Me"], "Bo has every member's highlights");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bundle_given_on_the_command_line_is_imported_with_a_summary() {
    flow("group-open-file", |ctx| async move {
        let others = tempfile::tempdir().unwrap();
        let ana = others.path().join("ana");
        member(&ana, "Ana", &ANA);
        let file = others.path().join("ana.lectern");
        bundle(&ana, &file);

        // A fresh library: the bundle brings the articles as well as the highlights.
        let app = ctx.launch_with(&[file.to_str().unwrap()]).await;
        app.wait_for("#exchange-summary").await;
        assert_eq!(count(&app, "added").await, 2);
        assert!(count(&app, "articles_added").await >= 1);
        assert!(app.text("#exchange-summary h3").await.contains("ana.lectern"));
        app.snapshot().await;
        close_summary(&app).await;
        open_group(&app, 1).await;
        assert_eq!(rows(&app).await, vec![("Ana".into(), 2, true)]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_or_hostile_file_is_refused_and_changes_nothing() {
    flow("group-bad-file", |ctx| async move {
        let others = tempfile::tempdir().unwrap();
        let ana = others.path().join("ana");
        member(&ana, "Ana", &ANA);
        let good = others.path().join("ana.lectern");
        bundle(&ana, &good);
        member(&ctx.library, "Me", &ME);
        let bytes = std::fs::read(&good).unwrap();
        let truncated = others.path().join("truncated.lectern");
        std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
        // W3C JSON whose annotation has a selector pointing far outside any text and no id.
        let hostile = others.path().join("hostile.json");
        std::fs::write(
            &hostile,
            r#"{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[{"type":"Annotation","id":"../../etc/passwd","creator":{"name":"<script>alert(1)</script>"},"target":{"source":"urn:uuid:x","selector":[{"type":"TextPositionSelector","start":-5,"end":99999999999}]}}]}}"#,
        )
        .unwrap();

        let app = ctx.launch().await;
        let before = lectern(&ctx.library, &["highlights"]);
        let articles = lectern(&ctx.library, &["list"]);
        for (file, name) in [(&truncated, "truncated.lectern"), (&hostile, "hostile.json")] {
            import(&app, file).await;
            app.wait_for("#exchange-summary .exchange-report.failed").await;
            let title = app.text("#exchange-summary .exchange-report.failed h3").await;
            assert!(title.contains(name), "{title}");
            let message = app.text("#summary-error").await;
            assert!(!message.trim().is_empty(), "a reason is given");
            assert!(app.text("#exchange-summary").await.contains("Nothing was changed"));
            if name == "hostile.json" {
                // Text from the file stays text.
                assert_eq!(app.count("#exchange-summary script").await, 0);
                app.snapshot().await;
            }
            close_summary(&app).await;
        }
        assert_eq!(lectern(&ctx.library, &["highlights"]), before, "nothing changed");
        assert_eq!(lectern(&ctx.library, &["list"]), articles);
    })
    .await;
}
