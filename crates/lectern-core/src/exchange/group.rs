//! The group folder: a folder the group syncs with whatever it already uses (Syncthing,
//! Nextcloud, Dropbox, git), holding one `.lectern` file per member.
//!
//! Each member's Lectern writes only its own file, `<creator-slug>-<member-id>.lectern`,
//! so the sync tool never sees two writers of one file and never makes a conflict. The
//! member id is random and made once per library, so two members named Anna do not collide.
//! The file is written atomically (a hidden temporary file in the same folder, then a
//! rename), so a sync tool or another member never reads half of it.
//!
//! Only names of exactly that form are read back: the sync tools' conflict copies
//! (`x.sync-conflict-….lectern`, `x (conflicted copy).lectern`) and temporary files (hidden,
//! `.tmp`, `.part`) never match it.

use super::ExchangeError;
use std::path::{Path, PathBuf};

/// The file extension of bundles.
pub const EXTENSION: &str = "lectern";

/// How many hex digits a member id has.
const MEMBER_ID_LEN: usize = 12;

/// A fresh random member id (12 lowercase hex digits).
pub fn new_member_id() -> String {
    // The last hex digits of a UUIDv7 are random; its first ones are a timestamp.
    let simple = uuid::Uuid::now_v7().simple().to_string();
    simple[simple.len() - MEMBER_ID_LEN..].to_string()
}

/// The creator's name as a file-name part: lowercase letters and digits (any script), runs
/// of anything else as one `-`; `member` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(40).collect();
    if out.is_empty() {
        "member".into()
    } else {
        out.trim_end_matches('-').to_string()
    }
}

/// The name of a member's own file.
pub fn file_name(creator: &str, member: &str) -> String {
    format!("{}-{member}.{EXTENSION}", slug(creator))
}

/// The member id in a group file's name, when the name has exactly the form Lectern writes.
pub fn member_of(file_name: &str) -> Option<&str> {
    let stem = file_name.strip_suffix(&format!(".{EXTENSION}"))?;
    let (slug, member) = stem.rsplit_once('-').filter(|(_, m)| m.len() == MEMBER_ID_LEN)?;
    let slug_ok = !slug.is_empty() && slug.chars().all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()));
    let member_ok = member.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (slug_ok && member_ok).then_some(member)
}

/// The other members' files in `folder`, sorted by name.
pub fn other_members(folder: &Path, own_member: &str) -> Result<Vec<PathBuf>, ExchangeError> {
    let io = |e| ExchangeError::Io { path: folder.to_path_buf(), source: e };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if member_of(name).is_some_and(|m| m != own_member) && entry.file_type().map_err(io)?.is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Writes `bytes` to `folder/name` whole or not at all ([`super::write_whole`]). Older files
/// of the same member under another name (the creator was renamed) are removed.
pub fn write_own(folder: &Path, name: &str, member: &str, bytes: &[u8]) -> Result<PathBuf, ExchangeError> {
    let target = folder.join(name);
    super::write_whole(&target, bytes)?;
    let entries =
        std::fs::read_dir(folder).map_err(|source| ExchangeError::Io { path: folder.to_path_buf(), source })?;
    for entry in entries.flatten() {
        let old = entry.file_name();
        if let Some(old) = old.to_str().filter(|n| *n != name && member_of(n) == Some(member)) {
            let _ = std::fs::remove_file(folder.join(old));
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_what_is_read_back() {
        assert_eq!(slug("  Anna Müller! "), "anna-müller");
        assert_eq!(slug("李娜"), "李娜");
        assert_eq!(slug("!!"), "member");
        let name = file_name("Anna", "0123456789ab");
        assert_eq!(name, "anna-0123456789ab.lectern");
        assert_eq!(member_of(&name), Some("0123456789ab"));
        for ignored in [
            "anna-0123456789ab.sync-conflict-20240101-101010-ABCDEF.lectern",
            "anna-0123456789ab (conflicted copy 2024-01-01).lectern",
            ".anna-0123456789ab.lectern.ffffffffffff.tmp",
            "anna-0123456789ab.lectern.part",
            "notes.lectern",
        ] {
            assert_eq!(member_of(ignored), None, "{ignored}");
        }
        assert_eq!(new_member_id().len(), 12);
    }
}
