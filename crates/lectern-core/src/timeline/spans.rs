//! Spans: settling overlaps between recognisers, joining a clock time to its date, and
//! turning byte offsets into the code-point offsets every other part of Lectern uses.

use super::timex::{Found, TimexKind};

/// Settles overlaps: the longest expression wins (then the earlier one, then dates over
/// durations and sets), and the survivors come back in text order.
pub(crate) fn select(mut found: Vec<Found>) -> Vec<Found> {
    let rank = |f: &Found| match f.kind {
        TimexKind::Date | TimexKind::Time => 0,
        TimexKind::Set => 1,
        TimexKind::Duration => 2,
    };
    found.retain(|f| f.start < f.end);
    found.sort_by(|a, b| {
        (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)).then(rank(a).cmp(&rank(b)))
    });
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if kept.iter().all(|k| f.end <= k.start || k.end <= f.start) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.start);
    kept
}

/// Joins a clock time to the date right after it (`3 a.m. local time on Sunday, Nov. 17`),
/// so that the time takes that date rather than the narrative's.
pub(crate) fn attach_clocks(text: &str, found: Vec<Found>) -> Vec<Found> {
    use super::timex::{Base, Desc, Unit};
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(clock) = out.last_mut() {
            let bare_clock = clock.kind == TimexKind::Time && clock.desc == Desc::Shift(Base::Narrative, Unit::Day, 0);
            let dated = f.kind == TimexKind::Date
                && matches!(f.desc, Desc::Date { day: Some(_), .. } | Desc::Weekday(..) | Desc::Shift(_, Unit::Day, _));
            let gap = text.get(clock.end..f.start).unwrap_or("x").to_ascii_lowercase();
            let joined = gap
                .replace("local time", "")
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| w.is_empty() || w == "on");
            if bare_clock && dated && joined && gap.len() <= 20 {
                clock.end = f.end;
                clock.desc = f.desc;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// Byte offsets to code-point offsets (identity for ASCII text).
pub(crate) struct CharOffsets {
    /// The byte offset of every character, or empty when the text is ASCII.
    starts: Vec<usize>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let starts = if text.is_ascii() { Vec::new() } else { text.char_indices().map(|(i, _)| i).collect() };
        CharOffsets { starts }
    }

    pub fn of(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            byte
        } else {
            self.starts.partition_point(|&s| s < byte)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::timeline::tag;

    #[test]
    fn a_clock_takes_the_date_after_it() {
        let text = "The storm hit at 3 a.m. local time on Sunday, Nov. 17, 2019.";
        let t = &tag(text, None)[0];
        assert_eq!(t.text, "3 a.m. local time on Sunday, Nov. 17, 2019");
        assert_eq!(t.value, "2019-11-17T03:00");
    }

    #[test]
    fn the_longest_expression_wins() {
        let found: Vec<_> = tag("two days later", None).into_iter().map(|t| t.text).collect();
        assert_eq!(found, ["two days later"]);
    }

    #[test]
    fn offsets_count_code_points() {
        let offsets = super::CharOffsets::new("古籍 ok");
        assert_eq!(offsets.of("古籍 ".len()), 3);
        assert_eq!(super::CharOffsets::new("ascii").of(3), 3);
    }
}
