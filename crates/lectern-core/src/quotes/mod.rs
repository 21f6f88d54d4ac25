//! Key-quote suggestions.
