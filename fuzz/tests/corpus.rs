//! Every fuzz target over its seed corpus (`corpus/<target>/`) and the inputs that once
//! crashed it (`regressions/<target>/`), as a plain test: this runs on the stable toolchain,
//! without libFuzzer.

use std::path::Path;

#[test]
fn every_target_survives_its_corpus_and_regressions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for target in lectern_fuzz::TARGETS {
        let mut inputs = 0;
        for folder in ["corpus", "regressions"] {
            let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                let outcome = std::panic::catch_unwind(|| lectern_fuzz::run(target, &data));
                assert!(outcome.is_ok(), "{target} panicked on {}", path.display());
                inputs += 1;
            }
        }
        println!("{target}: {inputs} inputs");
    }
}
