//! Integration tests of the core, over the shared fixtures in `tests/fixtures/`.

mod fixtures;
mod timeline;
