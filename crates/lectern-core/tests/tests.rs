//! Integration tests of the core, over the shared fixtures in `tests/fixtures/`.

mod download;
mod fixtures;
mod quotes;
mod anchoring;
