//! Integration tests of the core, over the shared fixtures in `tests/fixtures/`.

mod download;
mod extraction;
mod fixtures;
mod timeline;
