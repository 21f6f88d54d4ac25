//! Every fuzz target over its seeds (`corpus/<target>/` and the fixture files named in
//! `FIXTURE_SEEDS`) and the inputs that once crashed it (`regressions/<target>/`), as a plain
//! test: this runs on the stable toolchain, without libFuzzer.

use lectern_fuzz::FIXTURE_SEEDS;
use std::path::{Path, PathBuf};

fn files_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect()
}

/// The fixture files that seed `target`.
fn fixture_seeds(root: &Path, target: &str) -> Vec<PathBuf> {
    let cases = root.join("../tests/fixtures/articles");
    let mut seeds = Vec::new();
    for (_, file) in FIXTURE_SEEDS.iter().filter(|(t, _)| *t == target) {
        for case in std::fs::read_dir(&cases).expect("the shared fixtures") {
            let path = case.unwrap().path().join(file);
            if path.is_file() {
                seeds.push(path);
            }
        }
    }
    seeds
}

#[test]
fn every_target_survives_its_seeds_and_regressions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for target in lectern_fuzz::TARGETS {
        let mut inputs = files_in(&root.join("corpus").join(target));
        inputs.extend(fixture_seeds(root, target));
        inputs.extend(files_in(&root.join("regressions").join(target)));
        assert!(!inputs.is_empty(), "{target} has no seeds");
        for path in &inputs {
            let data = std::fs::read(path).unwrap();
            let outcome = std::panic::catch_unwind(|| lectern_fuzz::run(target, &data));
            assert!(outcome.is_ok(), "{target} panicked on {}", path.display());
        }
        println!("{target}: {} inputs", inputs.len());
    }
}

#[test]
fn the_makefile_seeds_from_the_same_fixtures() {
    let makefile = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../Makefile")).unwrap();
    let line = makefile.lines().find_map(|l| l.strip_prefix("FUZZ_SEEDS ?=")).expect("FUZZ_SEEDS in the Makefile");
    let pairs: Vec<String> = FIXTURE_SEEDS.iter().map(|(t, f)| format!("{t}:{f}")).collect();
    assert_eq!(line.split_whitespace().collect::<Vec<_>>(), pairs);
    assert!(fixture_seeds(Path::new(env!("CARGO_MANIFEST_DIR")), "extract_html").len() >= 6);
}
