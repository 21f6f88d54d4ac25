//! Upgrading libraries written by every past schema version: each fixture in
//! `tests/fixtures/libraries/v<N>.sqlite3` (made by `examples/make_fixture_library.rs`) is
//! copied, opened (which migrates it), and checked row by row against what the generator
//! wrote; a rolling backup of the old file must be kept.

use lectern_core::annotation::AnnotationFilter;
use lectern_core::store::{ArticleId, Store, BACKUP_DIR, DATABASE_FILE};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

const LATEST: u32 = 5;

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/fixtures/libraries/v{version}.sqlite3"))
}

fn id(n: u32) -> ArticleId {
    ArticleId(format!("01890000-0000-7000-8000-00000000000{n}"))
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// Opens a copy of the fixture of `version` as a library; returns the folder and the store.
fn upgrade(version: u32) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DATABASE_FILE);
    std::fs::copy(fixture(version), &db).unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST, "v{version} was not brought up to date");
    (dir, store)
}

fn backups(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir.join(BACKUP_DIR)) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn fixtures_are_small() {
    for version in 1..=LATEST {
        let bytes = std::fs::metadata(fixture(version)).unwrap().len();
        assert!(bytes < 200_000, "v{version}: {bytes} bytes");
    }
}

#[test]
fn every_version_upgrades_with_every_row_intact() {
    for version in 1..=LATEST {
        let (dir, store) = upgrade(version);
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
        assert_eq!(conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)).unwrap(), "ok");

        // Version 1 data: articles, blocks, images, tags, reading state, settings.
        for (table, expected) in [
            ("articles", 4),
            ("assets", 2),
            ("article_assets", 3),
            ("tags", 3),
            ("article_tags", 4),
            ("reading_state", 2),
            ("settings", 3),
        ] {
            assert_eq!(count(&conn, table), expected, "v{version}: {table}");
        }
        let article = store.article(&id(1)).unwrap();
        assert_eq!(article.document.meta.title, "Council approves the 2021 budget");
        assert_eq!(article.document.blocks.len(), 4);
        assert!(article.document.text().contains("said the mayor, Ada Lovelace"));
        assert_eq!(store.article(&id(3)).unwrap().document.meta.language.as_deref(), Some("zh"));
        let summary = store.article_summary(&id(1)).unwrap();
        assert_eq!(summary.tags, ["城市"]);
        assert_eq!(summary.published.as_deref(), Some("2021-05-29T15:30:22"));
        let state = store.reading_state(&id(1)).unwrap().unwrap();
        assert_eq!((state.position, state.progress), (42, 0.5));
        assert_eq!(store.setting("annotation.creator").unwrap(), Some(serde_json::json!("Ada")));
        assert_eq!(store.setting("reader.font_size").unwrap(), Some(serde_json::json!(18)));
        let (mime, bytes) = store.asset(&image_sha(&conn)).unwrap().unwrap();
        assert_eq!(mime, "image/png");
        assert!(bytes.starts_with(b"\x89PNG"));
        assert_eq!(store.search("harbour", 10).unwrap()[0].id, id(2));
        assert_eq!(store.search("图书馆", 10).unwrap()[0].id, id(3));

        // Version 2 data: annotations, one a tombstone.
        let expected_annotations = if version >= 2 { 5 } else { 0 };
        assert_eq!(count(&conn, "annotations"), expected_annotations, "v{version}: annotations");
        let first = store.list_annotations(&AnnotationFilter { article: Some(id(1)), ..Default::default() }).unwrap();
        if version >= 2 {
            assert_eq!(first.len(), 2);
            assert_eq!(first[0].target.selectors.quote.exact, "approved the budget");
            assert_eq!(first[0].body.note.as_deref(), Some("Check the **final** vote count."));
            assert_eq!(first[0].body.tags, ["budget", "todo"]);
            assert_eq!(first[0].creator.name, "Ada");
            assert_eq!(store.search("archive", 10).unwrap()[0].id, id(2), "v{version}: a note is searchable");
        } else {
            assert!(first.is_empty());
        }

        // Version 3 data: timeline corrections.
        let corrections = store.timeline_corrections(&id(2)).unwrap();
        if version >= 3 {
            assert_eq!(corrections.len(), 2);
            assert_eq!(corrections[0].mention.text, "1852");
            assert_eq!(corrections[0].value.as_deref(), Some("1852-06"));
            assert_eq!(corrections[1].value, None);
        } else {
            assert!(corrections.is_empty());
        }

        // Version 4: the library list's indexes.
        assert_eq!(count(&conn, "sqlite_master WHERE name LIKE 'articles_list_%'"), 3, "v{version}: list indexes");

        // Version 5: dismissed key-quote suggestions.
        let dismissed = store.dismissed_quotes(&id(1)).unwrap();
        if version >= 5 {
            assert_eq!(dismissed, ["We have done what we promised"]);
        } else {
            assert!(dismissed.is_empty());
        }

        // The rolling backup: the old file, untouched, before the first migration.
        let kept = backups(dir.path());
        if version < LATEST {
            assert_eq!(kept.len(), 1, "v{version}: {kept:?}");
            assert!(kept[0].starts_with(&format!("library-v{version}-")), "{kept:?}");
            let copy = Connection::open(dir.path().join(BACKUP_DIR).join(&kept[0])).unwrap();
            let old: u32 = copy.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            assert_eq!(old, version);
            assert_eq!(count(&copy, "articles"), 4);
        } else {
            assert!(kept.is_empty(), "nothing to migrate, so no backup: {kept:?}");
        }
    }
}

fn image_sha(conn: &Connection) -> String {
    conn.query_row("SELECT sha256 FROM article_assets WHERE article_id = ?1", [id(1).0], |r| r.get(0)).unwrap()
}

#[test]
fn only_the_newest_three_rolling_backups_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DATABASE_FILE);
    for _ in 0..5 {
        let _ = std::fs::remove_file(dir.path().join(format!("{DATABASE_FILE}-wal")));
        std::fs::copy(fixture(1), &db).unwrap();
        drop(Store::open(&db).unwrap());
        // Backup names carry milliseconds; keep them distinct.
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(backups(dir.path()).len(), 3);
}

#[test]
fn a_new_library_gets_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(&dir.path().join(DATABASE_FILE)).unwrap());
    assert!(backups(dir.path()).is_empty());
}
