//! Runs the built `lectern` binary for study groups: `whoami`, `export` in each format,
//! `import` (idempotent, with the summary as JSON), `sync` through a shared folder, and a
//! refused file as a one-line error.

mod common;

use common::{json, lectern};

#[test]
fn export_import_sync_and_whoami() {
    let dir = tempfile::tempdir().unwrap();
    let (ana, bo) = (dir.path().join("ana"), dir.path().join("bo"));
    let file = dir.path().join("river.md");
    std::fs::write(&file, "# The river\n\nThe river runs clear again. Residents can see the pebbles.\n").unwrap();
    assert_eq!(json(&ana, &["whoami"])["creator"], "tester");
    assert_eq!(json(&ana, &["whoami", "Ana"])["creator"], "Ana");
    let id = json(&ana, &["add", file.to_str().unwrap()])[0]["id"].as_str().unwrap().to_string();
    json(&ana, &["highlight", &id, "--quote", "runs clear", "--note", "Why?"]);

    let bundle = dir.path().join("ana.lectern");
    for (format, out) in [("md", "ana.md"), ("json", "ana.json"), ("bundle", "ana.lectern")] {
        let path = dir.path().join(out);
        json(&ana, &["export", "--format", format, &id, "-o", path.to_str().unwrap()]);
        assert!(std::fs::metadata(&path).unwrap().len() > 0);
    }
    assert!(std::fs::read_to_string(dir.path().join("ana.md")).unwrap().contains("> runs clear"));

    let summary = json(&bo, &["import", bundle.to_str().unwrap()]);
    let expected =
        serde_json::json!({"added": 1, "updated": 0, "unchanged": 0, "orphaned": 0, "articles_added": 1, "skipped": 0});
    assert_eq!(summary, expected);
    assert_eq!(json(&bo, &["import", bundle.to_str().unwrap()])["unchanged"], 1);
    assert_eq!(json(&bo, &["highlights"])[0]["creator"]["name"], "Ana");

    let folder = dir.path().join("group");
    std::fs::create_dir(&folder).unwrap();
    json(&bo, &["sync", folder.to_str().unwrap()]);
    let carol = dir.path().join("carol");
    let sync = json(&carol, &["sync", folder.to_str().unwrap()]);
    assert_eq!(sync["members"][0]["summary"]["articles_added"], 1);
    assert_eq!(json(&carol, &["highlights"]).as_array().unwrap().len(), 1);

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"[{"id": 5}]"#).unwrap();
    let out = lectern(&bo, &["import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("[0].id"), "{stderr}");
}
