//! The running text of one block while it is being built: whitespace collapsed as a browser
//! renders it, with inline marks counted in code points.

use crate::document::{Mark, MarkKind};

/// Text and marks of the block under construction.
#[derive(Debug, Default)]
pub(super) struct Inline {
    text: String,
    /// `text.chars().count()`, kept as we go.
    chars: usize,
    /// A collapsible space was seen; it is written only if more text follows on the line.
    pending_space: bool,
    marks: Vec<Mark>,
    /// Marks whose element is still open; the start is set at their first visible character,
    /// so a mark never begins with a collapsed space.
    open: Vec<(MarkKind, Option<usize>)>,
}

/// Whitespace that collapses: the ASCII set a browser collapses, plus no-break and
/// ideographic spaces, which Lectern treats as ordinary spaces so that search and quotes
/// do not depend on how a page happened to indent its paragraphs.
fn collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}' | '\u{3000}')
}

impl Inline {
    /// Appends rendered text: runs of whitespace become one space, none at a line's start.
    pub fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if collapsible(c) {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && self.chars > 0 && !self.text.ends_with('\n') {
                self.push_char(' ');
            }
            self.pending_space = false;
            self.start_open_marks();
            self.push_char(c);
        }
    }

    /// Appends preformatted text as it is (only `\r\n` becomes `\n`).
    pub fn push_raw(&mut self, s: &str) {
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        if s.is_empty() {
            return;
        }
        self.start_open_marks();
        self.text.push_str(&s);
        self.chars += s.chars().count();
    }

    /// A `<br>`: a line break inside the block (never at its start).
    pub fn push_break(&mut self) {
        self.pending_space = false;
        if self.chars > 0 {
            self.push_char('\n');
        }
    }

    /// Asks for a space before any further text (a block boundary inside a table cell or caption).
    pub fn separate(&mut self) {
        self.pending_space = true;
    }

    /// Opens a mark; pair with [`Inline::close`].
    pub fn open(&mut self, kind: MarkKind) {
        self.open.push((kind, None));
    }

    /// Closes the innermost open mark.
    pub fn close(&mut self) {
        if let Some((kind, Some(start))) = self.open.pop() {
            if self.chars > start {
                self.marks.push(Mark { start, end: self.chars, kind });
            }
        }
    }

    /// True when no visible text has been written.
    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }

    /// Hands over the text and marks, trimming trailing line breaks. Marks still open are
    /// cut here and continue in the next block.
    pub fn take(&mut self) -> (String, Vec<Mark>) {
        for (kind, start) in self.open.iter_mut() {
            if let Some(s) = start.take() {
                if self.chars > s {
                    self.marks.push(Mark { start: s, end: self.chars, kind: kind.clone() });
                }
            }
        }
        let mut text = std::mem::take(&mut self.text);
        let trimmed_len = text.trim_end().len();
        if trimmed_len < text.len() {
            let removed = text[trimmed_len..].chars().count();
            text.truncate(trimmed_len);
            self.chars -= removed;
        }
        let len = self.chars;
        let mut marks: Vec<Mark> = std::mem::take(&mut self.marks)
            .into_iter()
            .filter_map(|mut m| {
                m.end = m.end.min(len);
                (m.start < m.end).then_some(m)
            })
            .collect();
        marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        self.chars = 0;
        self.pending_space = false;
        (text, marks)
    }

    fn push_char(&mut self, c: char) {
        self.text.push(c);
        self.chars += 1;
    }

    fn start_open_marks(&mut self) {
        let at = self.chars;
        for (_, start) in self.open.iter_mut().filter(|(_, s)| s.is_none()) {
            *start = Some(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_like_a_browser_and_marks_skip_the_space() {
        let mut inline = Inline::default();
        inline.push_text("  Hello\n\t ");
        inline.open(MarkKind::Strong);
        inline.push_text("  古籍 ");
        inline.close();
        inline.push_break();
        inline.push_text(" next  line ");
        inline.push_break();
        let (text, marks) = inline.take();
        assert_eq!(text, "Hello 古籍\nnext line");
        assert_eq!(marks, vec![Mark { start: 6, end: 8, kind: MarkKind::Strong }]);
    }

    #[test]
    fn open_marks_continue_into_the_next_block() {
        let mut inline = Inline::default();
        inline.open(MarkKind::Emphasis);
        inline.push_text("one");
        let (_, marks) = inline.take();
        assert_eq!(marks.len(), 1);
        inline.push_text("two");
        inline.close();
        let (text, marks) = inline.take();
        assert_eq!(text, "two");
        assert_eq!(marks, vec![Mark { start: 0, end: 3, kind: MarkKind::Emphasis }]);
    }
}
