//! What the CLI test files share: running the built `lectern` binary and reading its JSON.
//! Each test file is its own binary and uses only some of these.
#![allow(dead_code, reason = "each test binary uses a different part of this module")]

use serde_json::Value;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fixture file of `tests/fixtures/articles/<case>/`.
pub fn fixture(case: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/articles").join(case).join(file)
}

/// Runs `lectern --library LIBRARY ARGS…` as user `tester`, ignoring `$LECTERN_LIBRARY`.
pub fn lectern(library: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("LECTERN_LIBRARY")
        .env("USER", "tester")
        .output()
        .expect("lectern runs")
}

/// Runs with `--json`, expects success, and parses the one JSON document on stdout.
pub fn json(library: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = lectern(library, &all);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Runs `lectern ARGS…` without a library, with `stdin` on standard input.
pub fn run_with_input(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .env_remove("LECTERN_LIBRARY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails on its arguments exits before reading: a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}
