//! Integration tests of the core, over the shared fixtures in `tests/fixtures/`.

mod anchoring;
mod download;
mod exchange;
mod extraction;
mod fixtures;
mod migrations;
mod quotes;
mod refresh;
mod timeline;
