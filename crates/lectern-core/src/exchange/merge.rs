//! The merge rule: which copy of an annotation wins when two members' copies meet.
//!
//! Each annotation has one id everywhere. Copies are ordered by a **version key**, and the
//! greater key wins, on every member and whatever the order the files arrive in, so all
//! members converge to the same state:
//! 1. the later `modified` (timestamps are stored in one ISO 8601 UTC form, so this is a
//!    string comparison);
//! 2. at equal `modified`, a live copy beats a tombstone: a tie never deletes work;
//! 3. at equal `modified` and liveness, the greater [`content_hash`]: an arbitrary but
//!    deterministic choice, the same on every machine.
//!
//! Hence a tombstone from another member deletes a local annotation only if it is strictly
//! newer than the local copy's last change; an edit made after the deletion brings it back.
//! Selectors are not part of the key: each member re-anchors the quote to its own copy of
//! the article, so positions may differ legitimately.

use crate::annotation::Annotation;
use std::cmp::Ordering;

/// What to do with an incoming copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The library has no copy: write this one.
    Insert,
    /// The incoming copy is newer: replace the local one.
    Replace,
    /// The local copy is the same or newer: write nothing.
    Keep,
}

/// SHA-256 over what the author of an annotation decides (creator, times, tombstone, note,
/// tags, colour), hex. Two copies with the same hash are the same version. The quoted words
/// are left out: re-anchoring a fuzzy match rewrites them locally, and a version must hash
/// the same on every member.
pub fn content_hash(a: &Annotation) -> String {
    let canonical = serde_json::json!([
        a.id.0,
        a.creator.name,
        a.created,
        a.modified,
        a.deleted,
        a.body.note,
        a.body.tags,
        a.body.color.as_str(),
    ]);
    super::sha256_hex(canonical.to_string().as_bytes())
}

/// Compares two copies of one annotation by their version key (see the module docs).
pub fn compare(a: &Annotation, b: &Annotation) -> Ordering {
    a.modified
        .cmp(&b.modified)
        .then_with(|| a.deleted.is_none().cmp(&b.deleted.is_none()))
        .then_with(|| content_hash(a).cmp(&content_hash(b)))
}

/// Decides what to do with `incoming` given the local copy, if any.
pub fn decide(local: Option<&Annotation>, incoming: &Annotation) -> Decision {
    match local {
        None => Decision::Insert,
        Some(local) if compare(incoming, local) == Ordering::Greater => Decision::Replace,
        Some(_) => Decision::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationId, Body, Creator, Selectors, Status, Target, TargetSource};
    use crate::store::ArticleId;

    fn version(modified: &str, note: &str, deleted: bool) -> Annotation {
        let body = Body { note: Some(note.into()), ..Body::default() };
        Annotation {
            id: AnnotationId("0190f3c2-0000-7000-8000-000000000001".into()),
            created: "2024-01-01T00:00:00.000Z".into(),
            modified: modified.into(),
            creator: Creator { name: "Ana".into() },
            motivation: body.motivation(),
            body,
            target: Target {
                source: TargetSource { article: ArticleId("a".into()), url: None },
                selectors: Selectors::default(),
            },
            status: Status::Anchored,
            deleted: deleted.then(|| modified.to_string()),
        }
    }

    #[test]
    fn newer_wins_and_ties_are_broken_the_same_way_on_both_sides() {
        let old = version("2024-01-01T00:00:00.000Z", "old", false);
        let new = version("2024-02-01T00:00:00.000Z", "new", false);
        assert_eq!(decide(Some(&old), &new), Decision::Replace);
        assert_eq!(decide(Some(&new), &old), Decision::Keep);
        assert_eq!(decide(Some(&new), &new), Decision::Keep);
        assert_eq!(decide(None, &old), Decision::Insert);

        let x = version("2024-03-01T00:00:00.000Z", "x", false);
        let y = version("2024-03-01T00:00:00.000Z", "y", false);
        assert_ne!(decide(Some(&x), &y), decide(Some(&y), &x), "exactly one of two tied copies wins");
    }

    #[test]
    fn a_tombstone_deletes_only_newer_work() {
        let live = version("2024-03-01T00:00:00.000Z", "kept", false);
        let tie = version("2024-03-01T00:00:00.000Z", "kept", true);
        let later = version("2024-03-02T00:00:00.000Z", "kept", true);
        assert_eq!(decide(Some(&live), &tie), Decision::Keep);
        assert_eq!(decide(Some(&tie), &live), Decision::Replace);
        assert_eq!(decide(Some(&live), &later), Decision::Replace);
    }
}
