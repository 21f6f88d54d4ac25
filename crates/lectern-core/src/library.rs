//! The library: the use cases the CLI and the desktop shell offer, over the store and ingest.
