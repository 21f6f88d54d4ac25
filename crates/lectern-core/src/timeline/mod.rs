//! The timeline: dated events found in an article's text (DESIGN §5).
