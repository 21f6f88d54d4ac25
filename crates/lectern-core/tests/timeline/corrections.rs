//! User corrections of the timeline, through the library over a real SQLite file: they apply
//! over the derived events, survive a restart and the tagger changing its output, and are
//! never dropped when their text is gone.

use chrono::NaiveDate;
use lectern_core::document::{Block, Document, Metadata};
use lectern_core::ingest::Draft;
use lectern_core::store::ArticleId;
use lectern_core::timeline::{apply, events, Correction, CorrectionKind, Mention};
use lectern_core::Library;

pub(super) const FLOOD: &str =
    "On March 9, 2021, the river flooded. On April 2, volunteers began clearing it. Work resumed in the week after Easter.";

pub(super) fn add(library: &mut Library, title: &str, published: &str, text: &str) -> ArticleId {
    let document = Document {
        meta: Metadata { title: title.into(), published: Some(published.into()), ..Default::default() },
        blocks: vec![Block::paragraph(text)],
    };
    library.add_draft(&Draft { document, assets: Vec::new() }).unwrap().id
}

fn mention(text: &str, start: usize) -> Mention {
    Mention { text: text.into(), start, end: start + text.chars().count() }
}

fn values(events: &[lectern_core::timeline::ArticleEvent]) -> Vec<(String, String, bool)> {
    events.iter().map(|e| (e.event.mention.text.clone(), e.event.value.clone(), e.corrected)).collect()
}

#[test]
fn edit_hide_add_apply_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut library = Library::open(dir.path()).unwrap();
        let id = add(&mut library, "Flood", "2022-03-14", FLOOD);
        let april = library.mention_at(&id, 40).unwrap();
        assert_eq!(april, mention("April 2", 40));
        library.correct_event(&id, &april, "2021-04-03").unwrap();
        // Editing again replaces the edit: one correction, the latest value.
        library.correct_event(&id, &april, "2021-su").unwrap();
        library.hide_event(&id, &library.mention_at(&id, 3).unwrap()).unwrap();
        let easter = FLOOD.find("the week after Easter").unwrap();
        library.add_event(&id, easter, easter + "the week after Easter".len(), "2021-W14").unwrap();
        assert_eq!(library.timeline_corrections(&id).unwrap().len(), 3);
        id
    };
    // A new process: everything comes back from the file.
    let library = Library::open(dir.path()).unwrap();
    let timeline = library.timeline(std::slice::from_ref(&id)).unwrap();
    assert_eq!(
        values(&timeline),
        [
            ("the week after Easter".to_string(), "2021-W14".to_string(), true),
            ("April 2".to_string(), "2021-SU".to_string(), true),
        ]
    );
    let summer = &timeline[1];
    assert_eq!(summer.original_value.as_deref(), Some("2021-04-02"));
    assert_eq!(
        (summer.event.from.to_string(), summer.event.to.to_string()),
        ("2021-06-01".into(), "2021-08-31".into())
    );
    assert_eq!(timeline[0].event.sentence, "Work resumed in the week after Easter.");
    assert_eq!(timeline[0].original_value, None);

    let with_hidden = library.timeline_with_hidden(std::slice::from_ref(&id)).unwrap();
    assert_eq!(with_hidden.len(), 3);
    let hidden: Vec<_> = with_hidden.iter().filter(|e| e.hidden).map(|e| e.event.value.as_str()).collect();
    assert_eq!(hidden, ["2021-03-09"]);
}

#[test]
fn unhide_and_remove_correction_restore_the_tagger_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let id = add(&mut library, "Flood", "2022-03-14", FLOOD);
    let original = values(&library.timeline(std::slice::from_ref(&id)).unwrap());
    let march = library.mention_at(&id, 3).unwrap();
    library.hide_event(&id, &march).unwrap();
    library.hide_event(&id, &march).unwrap();
    assert_eq!(library.timeline(std::slice::from_ref(&id)).unwrap().len(), original.len() - 1);
    assert!(library.unhide_event(&id, &march).unwrap());
    assert!(!library.unhide_event(&id, &march).unwrap(), "nothing left to unhide");
    let edit = library.correct_event(&id, &march, "2021-03").unwrap();
    assert_ne!(values(&library.timeline(std::slice::from_ref(&id)).unwrap()), original);
    library.remove_correction(&edit.id).unwrap();
    assert_eq!(values(&library.timeline(std::slice::from_ref(&id)).unwrap()), original);
    let err = library.remove_correction(&edit.id).unwrap_err();
    assert_eq!(err.kind(), "not_found");
}

#[test]
fn bad_input_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let id = add(&mut library, "Flood", "2022-03-14", FLOOD);
    let april = mention("April 2", 40);
    let err = library.correct_event(&id, &april, "April 3rd").unwrap_err();
    assert_eq!((err.kind(), err.to_string().contains("`April 3rd`")), ("invalid", true));
    let err = library.correct_event(&id, &mention("April 2", 41), "2021-04-03").unwrap_err();
    assert_eq!(err.kind(), "not_found", "{err}");
    let err = library.add_event(&id, 5, 500, "2021").unwrap_err();
    assert!(err.to_string().contains("5..500"), "{err}");
    assert!(library.mention_at(&id, 1).is_err());
    assert!(library.timeline_corrections(&id).unwrap().is_empty(), "nothing was written");
}

#[test]
fn corrections_follow_the_tagger_when_its_output_changes() {
    // The same text tagged against two publication dates stands for the tagger changing its
    // mind: "April 2" alone is read from the DCT, so its derived value moves.
    let text = "The bridge closed on April 2. It reopened on May 5.";
    let article = ArticleId("a".into());
    let edit = Correction {
        id: "c1".into(),
        article: article.clone(),
        kind: CorrectionKind::Edit,
        mention: mention("April 2", 21),
        value: Some("2019-04-02".into()),
        created: "2024-01-01T00:00:00.000Z".into(),
        modified: "2024-01-01T00:00:00.000Z".into(),
    };
    for (dct, tagger_said) in
        [(NaiveDate::from_ymd_opt(2022, 6, 1), "2022-04-02"), (NaiveDate::from_ymd_opt(2023, 6, 1), "2023-04-02")]
    {
        let out = apply(&article, text, events(text, dct), std::slice::from_ref(&edit));
        let april = out.events.iter().find(|e| e.event.mention.text == "April 2").unwrap();
        assert_eq!((april.event.value.as_str(), april.original_value.as_deref()), ("2019-04-02", Some(tagger_said)));
    }
}

#[test]
fn a_correction_whose_text_is_gone_is_an_orphan_not_dropped() {
    let article = ArticleId("a".into());
    let hide = Correction {
        id: "c1".into(),
        article: article.clone(),
        kind: CorrectionKind::Hide,
        mention: mention("June 9", 10),
        value: None,
        created: "2024-01-01T00:00:00.000Z".into(),
        modified: "2024-01-01T00:00:00.000Z".into(),
    };
    let text = "Rewritten: nothing about that day now. On May 5, 2021 it reopened.";
    let out = apply(&article, text, events(text, None), std::slice::from_ref(&hide));
    assert_eq!(out.corrections.len(), 1);
    assert!(out.corrections[0].is_orphan());
    assert_eq!(out.events.len(), 1);
    assert!(!out.events[0].hidden);
}

#[test]
fn a_tag_timeline_merges_only_tagged_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let flood = add(&mut library, "Flood", "2022-03-14", FLOOD);
    let bridge = add(&mut library, "Bridge", "2020-05-01", "The bridge opened yesterday.");
    let _other = add(&mut library, "Other", "2020-05-01", "The market opened on 2019-01-05.");
    library.set_tags(&flood, &["Rivers".into()]).unwrap();
    library.set_tags(&bridge, &["rivers".into(), "roads".into()]).unwrap();
    let timeline = library.timeline_for_tag("RIVERS").unwrap();
    let articles: std::collections::BTreeSet<_> = timeline.iter().map(|e| e.article.clone()).collect();
    assert_eq!(articles, [flood.clone(), bridge.clone()].into_iter().collect());
    assert_eq!(timeline[0].event.value, "2020-04-30", "sorted by date across articles");
    assert!(library.timeline_for_tag("nothing").unwrap().is_empty());
}
