//! Writes the fixture libraries `tests/fixtures/libraries/v<N>.sqlite3`: what a library
//! written by each past Lectern looked like, for the migration tests.
//!
//! ```text
//! cargo run -p lectern-core --example make_fixture_library -- tests/fixtures/libraries
//! ```
//!
//! For each schema version N it applies the first N migration files to an empty file (the
//! same SQL the store runs, read from `src/store/migrations/`) and fills in realistic data
//! with plain SQL, as that Lectern would have: English and Chinese articles with their
//! blocks, images, tags, reading state and settings; from version 2 highlights with notes
//! (one deleted), from version 3 timeline corrections (version 4 only adds indexes), from
//! version 5 a dismissed key-quote suggestion. Every id
//! and timestamp is fixed, so the data (not the exact bytes) is the same on each run;
//! tests/migrations.rs checks it.

use lectern_core::document::{Block, Document, Metadata};
use lectern_core::store::index_text;
use rusqlite::{params, Connection};
use sha2::{Digest, Sha256};
use std::path::Path;

const MIGRATIONS: &[&str] = &[
    include_str!("../src/store/migrations/0001_articles.sql"),
    include_str!("../src/store/migrations/0002_annotations.sql"),
    include_str!("../src/store/migrations/0003_timeline_corrections.sql"),
    include_str!("../src/store/migrations/0004_list_indexes.sql"),
    include_str!("../src/store/migrations/0005_dismissed_quotes.sql"),
];

/// (id, title, language, published, paragraphs)
const ARTICLES: &[(&str, &str, &str, &str, &[&str])] = &[
    (
        "01890000-0000-7000-8000-000000000001",
        "Council approves the 2021 budget",
        "en",
        "2021-05-29T15:30:22",
        &[
            "The city council approved the budget on Tuesday, 25 May 2021, after a long debate.",
            "\"We have done what we promised,\" said the mayor, Ada Lovelace.",
            "Spending on libraries rises by four percent next year.",
        ],
    ),
    (
        "01890000-0000-7000-8000-000000000002",
        "A short history of the harbour",
        "en",
        "2019-03-02",
        &[
            "The harbour was dug in 1852 and widened in the spring of 1911.",
            "By the 1960s it handled more grain than any port on the coast.",
            "Today it is a marina, and the old warehouses are flats.",
        ],
    ),
    (
        "01890000-0000-7000-8000-000000000003",
        "城市图书馆延长开放时间",
        "zh",
        "2022-01-15",
        &["市图书馆宣布从二月一日起延长开放时间。", "馆长表示，读者可以在晚上十点前借书。"],
    ),
    (
        "01890000-0000-7000-8000-000000000004",
        "Notes on reading slowly",
        "en",
        "2020-11-01",
        &["Reading slowly is a skill.", "Underline less; write more in the margins."],
    ),
];

const IMAGE_A: &[u8] = b"\x89PNG\r\n\x1a\n fixture image a";
const IMAGE_B: &[u8] = b"\x89PNG\r\n\x1a\n fixture image b";

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "tests/fixtures/libraries".into());
    std::fs::create_dir_all(&out).expect("create the output folder");
    for version in 1..=MIGRATIONS.len() {
        let path = Path::new(&out).join(format!("v{version}.sqlite3"));
        let _ = std::fs::remove_file(&path);
        write(&path, version).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("wrote {} ({} bytes)", path.display(), std::fs::metadata(&path).unwrap().len());
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn write(path: &Path, version: usize) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    for (index, sql) in MIGRATIONS.iter().take(version).enumerate() {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    let tx = conn.transaction()?;
    let mut texts = Vec::new();
    for (n, (id, title, language, published, paragraphs)) in ARTICLES.iter().enumerate() {
        let mut blocks = vec![Block::heading(1, *title)];
        blocks.extend(paragraphs.iter().map(|p| Block::paragraph(*p)));
        let url = format!("https://example.org/articles/{}", n + 1);
        let meta = Metadata {
            title: title.to_string(),
            byline: Some("Staff reporter".into()),
            site_name: Some("Example Gazette".into()),
            published: Some(published.to_string()),
            language: Some(language.to_string()),
            url: Some(url.clone()),
            ..Default::default()
        };
        let document = Document { meta, blocks };
        let text = document.text();
        let words = text.split_whitespace().count() as i64;
        tx.execute(
            "INSERT INTO articles (key, id, url, canonical_url, title, byline, site_name, published, language, \
             document, text, text_hash, words, added) VALUES (?1, ?2, ?3, ?3, ?4, 'Staff reporter', 'Example Gazette', \
             ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                n as i64 + 1,
                id,
                url,
                title,
                published,
                language,
                serde_json::to_string(&document).unwrap(),
                text,
                sha256(text.as_bytes()),
                words,
                format!("2023-0{}-01T10:00:00.000Z", n + 1)
            ],
        )?;
        texts.push(text);
    }
    for (sha, bytes) in [(sha256(IMAGE_A), IMAGE_A), (sha256(IMAGE_B), IMAGE_B)] {
        tx.execute("INSERT INTO assets (sha256, mime, bytes) VALUES (?1, 'image/png', ?2)", params![sha, bytes])?;
    }
    tx.execute("INSERT INTO article_assets VALUES (?1, ?2)", params![ARTICLES[0].0, sha256(IMAGE_A)])?;
    tx.execute("INSERT INTO article_assets VALUES (?1, ?2)", params![ARTICLES[1].0, sha256(IMAGE_B)])?;
    tx.execute("INSERT INTO article_assets VALUES (?1, ?2)", params![ARTICLES[1].0, sha256(IMAGE_A)])?;
    tx.execute_batch(
        "INSERT INTO tags (id, name) VALUES (1, 'history'), (2, '城市'), (3, 'reading');
         INSERT INTO article_tags VALUES ('01890000-0000-7000-8000-000000000002', 1),
             ('01890000-0000-7000-8000-000000000003', 2), ('01890000-0000-7000-8000-000000000001', 2),
             ('01890000-0000-7000-8000-000000000004', 3);
         INSERT INTO reading_state VALUES ('01890000-0000-7000-8000-000000000001', 42, 0.5, '2023-06-01T09:00:00.000Z'),
             ('01890000-0000-7000-8000-000000000003', 0, 1.0, '2023-06-02T09:00:00.000Z');
         INSERT INTO settings VALUES ('annotation.creator', '\"Ada\"'), ('reader.font_size', '18'),
             ('reader.theme', '\"sepia\"');",
    )?;

    let mut notes = vec![String::new(); ARTICLES.len()];
    if version >= 2 {
        // (article index, quote, note, colour, deleted)
        let highlights: &[(usize, &str, Option<&str>, &str, bool)] = &[
            (0, "approved the budget", Some("Check the **final** vote count."), "yellow", false),
            (0, "four percent", None, "green", false),
            (1, "widened in the spring of 1911", Some("Source: port archive"), "blue", false),
            (2, "延长开放时间", Some("好消息"), "pink", false),
            (3, "Reading slowly is a skill.", Some("deleted later"), "purple", true),
        ];
        for (n, (article, quote, note, color, deleted)) in highlights.iter().enumerate() {
            let text = &texts[*article];
            let byte = text.find(quote).expect("the quote is in the text");
            let start = text[..byte].chars().count();
            let end = start + quote.chars().count();
            let chars: Vec<char> = text.chars().collect();
            let prefix: String = chars[start.saturating_sub(32)..start].iter().collect();
            let suffix: String = chars[end..(end + 32).min(chars.len())].iter().collect();
            let motivation = if note.is_some() { "commenting" } else { "highlighting" };
            tx.execute(
                "INSERT INTO annotations (id, article_id, creator, created, modified, deleted, motivation, note, color, \
                 tags, exact, prefix, suffix, \"start\", \"end\") \
                 VALUES (?1, ?2, 'Ada', ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    format!("01890000-0000-7000-9000-00000000000{}", n + 1),
                    ARTICLES[*article].0,
                    format!("2023-07-0{}T12:00:00.000Z", n + 1),
                    deleted.then_some("2023-08-01T12:00:00.000Z"),
                    motivation,
                    note,
                    color,
                    if n == 0 { "[\"budget\",\"todo\"]" } else { "[]" },
                    quote,
                    prefix,
                    suffix,
                    start as i64,
                    end as i64
                ],
            )?;
            if let (Some(note), false) = (note, deleted) {
                notes[*article].push_str(note);
                notes[*article].push('\n');
            }
        }
    }
    if version >= 3 {
        // (id, kind, mention, value)
        let corrections: &[(&str, &str, &str, Option<&str>)] = &[
            ("01890000-0000-7000-a000-000000000001", "edit", "1852", Some("1852-06")),
            ("01890000-0000-7000-a000-000000000002", "hide", "1960s", None),
        ];
        let text = &texts[1];
        for (n, (id, kind, mention, value)) in corrections.iter().enumerate() {
            let start = text[..text.find(mention).expect("the mention is in the text")].chars().count();
            tx.execute(
                "INSERT INTO timeline_corrections (id, article_id, kind, mention_start, mention_end, mention_text, \
                 value, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    id,
                    ARTICLES[1].0,
                    kind,
                    start as i64,
                    (start + mention.chars().count()) as i64,
                    mention,
                    value,
                    format!("2023-09-0{}T08:00:00.000Z", n + 1)
                ],
            )?;
        }
    }
    if version >= 5 {
        // A key-quote suggestion the user dismissed, kept by its words.
        let quote = "We have done what we promised";
        let text = &texts[0];
        let start = text[..text.find(quote).expect("the quote is in the text")].chars().count();
        tx.execute(
            "INSERT INTO dismissed_quotes (article_id, exact, \"start\", \"end\", dismissed) \
             VALUES (?1, ?2, ?3, ?4, '2023-10-01T08:00:00.000Z')",
            params![ARTICLES[0].0, quote, start as i64, (start + quote.chars().count()) as i64],
        )?;
    }
    for (n, (_, title, ..)) in ARTICLES.iter().enumerate() {
        tx.execute(
            "INSERT INTO articles_fts (rowid, title, byline, text, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                n as i64 + 1,
                index_text(title),
                index_text("Staff reporter"),
                index_text(&texts[n]),
                index_text(&notes[n])
            ],
        )?;
    }
    tx.commit()?;
    conn.execute_batch("VACUUM")?;
    Ok(())
}
