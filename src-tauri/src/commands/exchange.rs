//! Study groups (issue #6): export and import of annotation files, the
//! group folder, and the reports of what the app imported by itself (at start, on a file
//! opened with the app). The formats and the merge rule are the core's (`lectern_core::exchange`).

use crate::error::{Error, Result};
use crate::group::{Report, Reports};
use crate::state::Shared;
use lectern_core::exchange::ImportSummary;
use lectern_core::store::ArticleId;
use lectern_core::{ExportFormat, ExportScope, GroupSync, GROUP_FOLDER_SETTING};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

/// What an export covers, as the UI sends it: `"all"`, `{"articles": [ids]}` or `{"tag": "t"}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole library.
    All,
    /// These articles.
    Articles(Vec<ArticleId>),
    /// The articles with this tag.
    Tag(String),
}

/// The export formats, spelled as the CLI's `--format`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown.
    Md,
    /// W3C Web Annotation JSON-LD.
    Json,
    /// A `.lectern` bundle.
    Bundle,
}

/// A file an export wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    path: PathBuf,
    bytes: usize,
}

/// Exports a scope in a format to `path` (chosen in the save dialog), whole or not at all.
#[tauri::command]
pub async fn export_annotations(
    state: State<'_, Shared>,
    scope: Scope,
    format: Format,
    path: PathBuf,
) -> Result<Exported> {
    let scope = match scope {
        Scope::All => ExportScope::All,
        Scope::Articles(ids) => ExportScope::Articles(ids),
        Scope::Tag(tag) => ExportScope::Tag(tag),
    };
    let format = match format {
        Format::Md => ExportFormat::Markdown,
        Format::Json => ExportFormat::W3c,
        Format::Bundle => ExportFormat::Bundle,
    };
    let bytes = state.run(move |library| library.export(&scope, format)).await?;
    tauri::async_runtime::spawn_blocking(move || {
        lectern_core::exchange::write_whole(&path, &bytes)?;
        Ok::<_, Error>(Exported { path, bytes: bytes.len() })
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// Imports a `.lectern` bundle, W3C annotation JSON or a Hypothesis export.
#[tauri::command]
pub async fn import_annotations(state: State<'_, Shared>, path: PathBuf) -> Result<ImportSummary> {
    state.run(move |library| library.import_file(&path)).await
}

/// The group folder, if one was set.
#[tauri::command]
pub async fn get_group_folder(state: State<'_, Shared>) -> Result<Option<String>> {
    state.run(|library| Ok(library.setting(GROUP_FOLDER_SETTING)?.and_then(|v| v.as_str().map(String::from)))).await
}

/// Sets the group folder and syncs with it at once (the folder must exist); `null` leaves
/// the group (the files in the folder stay).
#[tauri::command]
pub async fn set_group_folder(state: State<'_, Shared>, folder: Option<PathBuf>) -> Result<Option<GroupSync>> {
    state
        .run(move |library| match folder {
            Some(folder) => library.sync_group(&folder).map(Some),
            None => library.set_setting(GROUP_FOLDER_SETTING, &Value::Null).map(|()| None),
        })
        .await
}

/// Syncs with the group folder now: writes this member's file, imports the others'.
#[tauri::command]
pub async fn sync_group(state: State<'_, Shared>) -> Result<GroupSync> {
    let folder = state
        .run(|library| Ok(library.setting(GROUP_FOLDER_SETTING)?.and_then(|v| v.as_str().map(PathBuf::from))))
        .await?
        .ok_or_else(|| Error::Invalid("no group folder is set: choose one in Settings".into()))?;
    state.run(move |library| library.sync_group(&folder)).await
}

/// What the app imported by itself since the UI last asked (the start-up group sync, files
/// opened with the app). Each report is handed out once.
#[tauri::command]
pub async fn take_exchange_reports(reports: State<'_, Reports>) -> Result<Vec<Report>> {
    Ok(reports.take())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scopes_and_formats_as_the_ui_sends_them() {
        assert!(matches!(serde_json::from_value(json!("all")).unwrap(), Scope::All));
        let Scope::Articles(ids) = serde_json::from_value(json!({"articles": ["a1", "b2"]})).unwrap() else {
            panic!("articles")
        };
        assert_eq!(ids, vec![ArticleId("a1".into()), ArticleId("b2".into())]);
        assert!(matches!(serde_json::from_value(json!({"tag": "river"})).unwrap(), Scope::Tag(t) if t == "river"));
        assert!(serde_json::from_value::<Scope>(json!({"everything": true})).is_err());
        assert!(matches!(serde_json::from_value(json!("md")).unwrap(), Format::Md));
        assert!(serde_json::from_value::<Format>(json!("docx")).is_err());
    }
}
