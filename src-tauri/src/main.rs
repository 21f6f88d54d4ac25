//! The `lectern-desktop` binary: everything lives in the library crate so tests and mobile
//! entry points can share it.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    lectern_desktop::run();
}
