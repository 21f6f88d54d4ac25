//! Steps several flows share: adding the samples, opening an article.

use crate::App;
use serde_json::json;

/// Clicks "Add sample articles" on the welcome screen and waits for the list.
pub async fn add_samples(app: &App) {
    app.click("#add-samples").await;
    app.wait_js("return document.querySelectorAll('.article-row').length >= 4").await;
}

/// Opens the first article in `lang` from the library, waits until it is laid out, and
/// returns its title. The flows do not depend on which samples ship: they pick by language.
pub async fn open_article(app: &App, lang: &str) -> String {
    let title = app
        .js(
            "const a = [...document.querySelectorAll('.article-link')].find((a) => (a.lang || '').startsWith(arguments[0])); \
             if (!a) return null; const t = a.textContent; a.click(); return t;",
            vec![json!(lang)],
        )
        .await;
    let title = title.as_str().unwrap_or_else(|| panic!("no article in `{lang}`")).to_string();
    app.wait_js("return document.querySelector('.reader[data-ready]') !== null").await;
    title
}

/// The canonical offset of the first block in view under the reader's toolbar.
pub const FIRST_VISIBLE_BLOCK: &str = "const top = document.querySelector('.reader-bar').getBoundingClientRect().bottom + 4; \
     const b = [...document.querySelectorAll('.article-body .block')].find((e) => e.getBoundingClientRect().bottom > top); \
     return Number(b.dataset.start);";

/// Opens the article titled `title` from the library and waits until it is laid out.
pub async fn open_titled(app: &App, title: &str) {
    let clicked = app
        .js(
            "const a = [...document.querySelectorAll('.article-link')].find((a) => a.textContent === arguments[0]); if (a) a.click(); return !!a;",
            vec![json!(title)],
        )
        .await;
    assert_eq!(clicked, json!(true), "no article titled {title}");
    app.wait_js("return document.querySelector('.reader[data-ready]') !== null").await;
}
