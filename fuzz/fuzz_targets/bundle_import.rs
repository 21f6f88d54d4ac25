#![no_main]
//! Fuzz target `bundle_import`: see `lectern_fuzz::bundle_import`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::bundle_import(data));
