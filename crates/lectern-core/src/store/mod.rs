//! The library store: one SQLite file holding articles, assets, tags, reading state and settings.
