//! Exports parsed back: TimelineJS3 JSON, CSV (with a small RFC 4180 reader), Markdown as a
//! snapshot.

use super::corrections::{add, FLOOD};
use lectern_core::timeline::{to_csv, to_markdown, to_timelinejs, CSV_COLUMNS};
use lectern_core::Library;

/// A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "the last row ends with CRLF");
    rows
}

const TRICKY: &str = "=cmd|' /C calc'!A0 happened on 2020-01-05, with <script>alert(\"x\")</script> & more.";

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    add(&mut library, "Flood", "2022-03-14", FLOOD);
    add(&mut library, "Tricky <b>\"news\"</b>", "2020-02-01", TRICKY);
    (dir, library)
}

#[test]
fn timelinejs_json_follows_the_schema_and_escapes_html() {
    let (_dir, library) = library();
    let report = library.timeline_report(&[], false).unwrap();
    let json = to_timelinejs("Rivers & roads", &report.events, &report.titles);
    let back: serde_json::Value = serde_json::from_str(&json.to_string()).unwrap();
    assert_eq!(back["title"]["text"]["headline"], "Rivers &amp; roads");
    let events = back["events"].as_array().unwrap();
    assert_eq!(events.len(), report.events.len());
    let first = &events[0];
    assert_eq!(first["start_date"], serde_json::json!({"year": 2020, "month": 1, "day": 5}));
    assert!(first.get("end_date").is_none(), "a day has no end date");
    let text = first["text"]["text"].as_str().unwrap();
    assert!(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"), "{text}");
    assert!(text.contains("<mark>2020-01-05</mark>"), "{text}");
    assert!(!first["text"]["headline"].as_str().unwrap().contains('<'));
    assert_eq!(first["group"], "Tricky &lt;b&gt;&quot;news&quot;&lt;/b&gt;", "two articles: grouped by title");
    let ids: std::collections::HashSet<_> = events.iter().map(|e| e["unique_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), events.len(), "unique ids are unique");
    // A week has an end date and shows its value.
    let mut library = library;
    let flood = report.events.iter().find(|e| e.event.value == "2021-04-02").unwrap().article.clone();
    let easter = FLOOD.find("the week after Easter").unwrap();
    library.add_event(&flood, easter, easter + 21, "2021-W14").unwrap();
    let report = library.timeline_report(&[flood], false).unwrap();
    let json = to_timelinejs("Flood", &report.events, &report.titles);
    let week = json["events"].as_array().unwrap().iter().find(|e| e["display_date"] == "2021-W14").unwrap();
    assert_eq!(week["start_date"], serde_json::json!({"year": 2021, "month": 4, "day": 5}));
    assert_eq!(week["end_date"], serde_json::json!({"year": 2021, "month": 4, "day": 11}));
    assert!(week.get("group").is_none(), "one article: no groups");
}

#[test]
fn csv_parses_back_and_defuses_formulas() {
    let (_dir, library) = library();
    let report = library.timeline_report(&[], false).unwrap();
    let csv = to_csv(&report.events, &report.titles);
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows.len(), report.events.len() + 1);
    let tricky = &rows[1];
    assert_eq!(&tricky[..4], ["2020-01-05", "2020-01-05", "2020-01-05", "day"]);
    assert_eq!(tricky[5], "Tricky <b>\"news\"</b>");
    assert_eq!(tricky[6], "2020-01-05");
    assert_eq!(tricky[7], format!("'{TRICKY}"), "a cell starting with = is prefixed with '");
    for (row, e) in rows[1..].iter().zip(&report.events) {
        assert_eq!(row[4], e.article.0);
    }
}

#[test]
fn markdown_groups_by_year_and_month() {
    let (_dir, library) = library();
    let report = library.timeline_report(&[], false).unwrap();
    let md = to_markdown("Rivers", &report.events, &report.titles);
    let expected = "# Rivers

## 2020

### January

- **2020-01-05** =cmd\\|' /C calc'\\!A0 happened on 2020-01-05, with \\<script\\>alert(\"x\")\\</script\\> & more. — *Tricky \\<b\\>\"news\"\\</b\\>*

## 2021

### March

- **2021-03-09** On March 9, 2021, the river flooded. — *Flood*

### April

- **2021-04-02** On April 2, volunteers began clearing it. — *Flood*
";
    assert_eq!(md, expected, "got:\n{md}");
}
