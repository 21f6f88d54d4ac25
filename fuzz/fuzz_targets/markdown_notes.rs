#![no_main]
//! Fuzz target `markdown_notes`: see `lectern_fuzz::markdown_notes`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::markdown_notes(data));
