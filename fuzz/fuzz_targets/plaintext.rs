#![no_main]
//! Fuzz target `plaintext`: see `lectern_fuzz::plaintext`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::plaintext(data));
