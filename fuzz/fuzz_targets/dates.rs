#![no_main]
//! Fuzz target `dates`: see `lectern_fuzz::dates`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::dates(data));
