#![no_main]
//! Fuzz target `extract_html`: see `lectern_fuzz::extract_html`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::extract_html(data));
