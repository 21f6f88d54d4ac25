//! Use cases of study groups: the creator's name, export, import and the group folder
//! (DESIGN §7). The formats and rules live in `crate::exchange`; this file only gathers what
//! they need from the store and writes their results back.

use super::{Error, Library, CREATOR_SETTING};
use crate::annotation::Annotation;
use crate::exchange::{self, bundle, group, markdown, validate, ArticlePackage, ExchangeError, ImportSummary, Limits};
use crate::store::{ArticleId, Sort};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::path::{Path, PathBuf};

/// The setting holding the group folder last synced.
pub const GROUP_FOLDER_SETTING: &str = "group.folder";
/// The setting holding this library's random member id (made once, see `exchange::group`).
pub const MEMBER_ID_SETTING: &str = "group.member_id";

/// Which articles an export covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportScope {
    /// Every article in the library.
    All,
    /// These articles.
    Articles(Vec<ArticleId>),
    /// The articles carrying this (article) tag.
    Tag(String),
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Markdown, for reading and note apps.
    Markdown,
    /// A W3C `AnnotationCollection` (live annotations only: other tools know no tombstones).
    W3c,
    /// A `.lectern` bundle (articles, images, annotations and tombstones).
    Bundle,
}

/// What syncing with a group folder did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSync {
    /// This member's own file, just written.
    pub written: PathBuf,
    /// Each other member's file, in name order.
    pub members: Vec<MemberSync>,
    /// The sum of the members' summaries.
    pub total: ImportSummary,
}

/// The import of one member's file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberSync {
    /// The file's name in the group folder.
    pub file: String,
    /// What it changed, when it could be imported.
    pub summary: Option<ImportSummary>,
    /// Why it could not, otherwise (the other files are imported all the same).
    pub error: Option<String>,
}

impl Library {
    /// Sets the name new annotations are made under: trimmed, not empty, at most 100
    /// characters. Returns the name stored.
    pub fn set_creator(&mut self, name: &str) -> Result<String, Error> {
        let name = validate::creator(name, "the creator's name")?;
        self.set_setting(CREATOR_SETTING, &json!(name))?;
        Ok(name)
    }

    /// This library's member id in group folders, made on first use and kept.
    pub fn member_id(&mut self) -> Result<String, Error> {
        if let Some(id) = self.setting(MEMBER_ID_SETTING)?.as_ref().and_then(|v| v.as_str()) {
            return Ok(id.to_string());
        }
        let id = group::new_member_id();
        self.set_setting(MEMBER_ID_SETTING, &json!(id))?;
        Ok(id)
    }

    /// The articles a scope covers, in a stable order (by id).
    fn scope_ids(&self, scope: &ExportScope) -> Result<Vec<ArticleId>, Error> {
        let mut ids: Vec<ArticleId> = match scope {
            ExportScope::Articles(ids) => {
                for id in ids {
                    self.store.article_summary(id)?;
                }
                ids.clone()
            }
            ExportScope::All => self.store.list_articles(Sort::Added)?.into_iter().map(|a| a.id).collect(),
            ExportScope::Tag(tag) => self
                .store
                .list_articles(Sort::Added)?
                .into_iter()
                .filter(|a| a.tags.iter().any(|t| t.eq_ignore_ascii_case(tag.trim())))
                .map(|a| a.id)
                .collect(),
        };
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// Exports in `format`, as the bytes of the file to write.
    pub fn export(&self, scope: &ExportScope, format: ExportFormat) -> Result<Vec<u8>, Error> {
        Ok(match format {
            ExportFormat::Markdown => self.export_markdown(scope)?.into_bytes(),
            ExportFormat::W3c => {
                let mut bytes = serde_json::to_vec_pretty(&self.export_w3c(scope)?).expect("JSON always serializes");
                bytes.push(b'\n');
                bytes
            }
            ExportFormat::Bundle => self.export_bundle(scope)?,
        })
    }

    /// The articles' highlights and timelines as Markdown.
    pub fn export_markdown(&self, scope: &ExportScope) -> Result<String, Error> {
        let mut parts = Vec::new();
        for id in self.scope_ids(scope)? {
            let live: Vec<Annotation> =
                self.store.annotations_with_tombstones(&id)?.into_iter().filter(|a| a.deleted.is_none()).collect();
            parts.push((self.store.article(&id)?.document, live));
        }
        let views: Vec<markdown::ArticleNotes> =
            parts.iter().map(|(document, annotations)| markdown::ArticleNotes { document, annotations }).collect();
        Ok(markdown::render(&views))
    }

    /// The articles' live annotations as a W3C `AnnotationCollection`.
    pub fn export_w3c(&self, scope: &ExportScope) -> Result<serde_json::Value, Error> {
        let mut all = Vec::new();
        for id in self.scope_ids(scope)? {
            all.extend(self.store.annotations_with_tombstones(&id)?.into_iter().filter(|a| a.deleted.is_none()));
        }
        Ok(exchange::w3c::collection("Lectern annotations", &all))
    }

    /// A `.lectern` bundle of the articles, their images and annotations (tombstones too).
    pub fn export_bundle(&self, scope: &ExportScope) -> Result<Vec<u8>, Error> {
        let ids = self.scope_ids(scope)?;
        self.bundle_of(&ids, None)
    }

    fn bundle_of(&self, ids: &[ArticleId], member: Option<String>) -> Result<Vec<u8>, Error> {
        let mut articles = Vec::new();
        let mut annotations = Vec::new();
        for id in ids {
            articles.push(ArticlePackage {
                id: id.clone(),
                document: self.store.article(id)?.document,
                text_sha256: self.store.text_hash(id)?,
                assets: self.store.article_assets(id)?,
            });
            annotations.extend(self.store.annotations_with_tombstones(id)?);
        }
        let author = bundle::Author { name: self.creator()?, member, created: crate::annotation::model::now() };
        Ok(bundle::write(&author, &articles, &annotations)?)
    }

    /// Imports a file (bundle, W3C JSON or Hypothesis export) with the default limits.
    pub fn import_file(&mut self, path: &Path) -> Result<ImportSummary, Error> {
        self.import_file_with(path, &Limits::default())
    }

    /// Imports a file with the given limits. Its size is checked before it is read.
    pub fn import_file_with(&mut self, path: &Path, limits: &Limits) -> Result<ImportSummary, Error> {
        let io = |source| ExchangeError::Io { path: path.to_path_buf(), source };
        let size = std::fs::metadata(path).map_err(io)?.len();
        limits.check_size(&format!("`{}`", path.display()), size, limits.max_file)?;
        let bytes = std::fs::read(path).map_err(io)?;
        self.import_bytes(&bytes, limits)
    }

    /// Imports a file's bytes: everything is read and checked first, then written in one
    /// transaction, so a failed import leaves the library as it was. Importing the same file
    /// again changes nothing.
    pub fn import_bytes(&mut self, bytes: &[u8], limits: &Limits) -> Result<ImportSummary, Error> {
        let payload = exchange::read_any(bytes, limits)?;
        Ok(self.store.apply_import(&payload)?)
    }

    /// Syncs with a group folder: writes this member's file (every annotated article with
    /// its annotations, tombstones included), then imports every other member's file. A file
    /// that fails is reported and the others are imported all the same. The folder is
    /// remembered in the `group.folder` setting.
    pub fn sync_group(&mut self, folder: &Path) -> Result<GroupSync, Error> {
        self.sync_group_with(folder, &Limits::default())
    }

    /// Writes only this member's own file into a group folder (every annotated article with
    /// its annotations, tombstones included), importing nothing: what the desktop app does
    /// when it quits. Returns the file written.
    pub fn write_group_file(&mut self, folder: &Path) -> Result<PathBuf, Error> {
        Ok(self.write_member_file(folder)?.1)
    }

    /// Writes this member's file into `folder`; returns the member id and the file.
    fn write_member_file(&mut self, folder: &Path) -> Result<(String, PathBuf), Error> {
        let member = self.member_id()?;
        let ids = self.store.annotated_articles()?;
        let bytes = self.bundle_of(&ids, Some(member.clone()))?;
        let name = group::file_name(&self.creator()?, &member);
        let written = group::write_own(folder, &name, &member, &bytes)?;
        Ok((member, written))
    }

    /// [`Library::sync_group`] with the given import limits.
    pub fn sync_group_with(&mut self, folder: &Path, limits: &Limits) -> Result<GroupSync, Error> {
        // The group folder is not the library folder: its errors say so (`ExchangeError::Io`).
        let folder =
            folder.canonicalize().map_err(|source| ExchangeError::Io { path: folder.to_path_buf(), source })?;
        if !folder.is_dir() {
            let source = std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder");
            return Err(ExchangeError::Io { path: folder, source }.into());
        }
        self.set_setting(super::exchange::GROUP_FOLDER_SETTING, &json!(folder.to_string_lossy()))?;
        let (member, written) = self.write_member_file(&folder)?;
        let mut sync = GroupSync { written, members: Vec::new(), total: ImportSummary::default() };
        for path in group::other_members(&folder, &member)? {
            let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            match self.import_file_with(&path, limits) {
                Ok(summary) => {
                    sync.total.add(&summary);
                    sync.members.push(MemberSync { file, summary: Some(summary), error: None });
                }
                Err(e) => sync.members.push(MemberSync { file, summary: None, error: Some(e.to_string()) }),
            }
        }
        Ok(sync)
    }
}
