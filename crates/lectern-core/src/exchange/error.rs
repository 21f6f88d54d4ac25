//! What can go wrong reading or writing an exchange file.

use std::path::PathBuf;

/// What can go wrong reading or writing an exchange file. Every message names the file part
/// or field at fault, so a member can tell the sender what to fix.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExchangeError {
    /// A field is missing or has the wrong shape: `field` is a path such as
    /// `annotations.json: first.items[3].target.selector[0].exact`.
    #[error("{field}: {problem}")]
    Invalid {
        /// Where: the file part and the JSON path.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// Something is larger or more numerous than the limits allow.
    #[error("{what} is too large ({size}, at most {max})")]
    TooLarge {
        /// What was counted.
        what: String,
        /// What was found (bytes or items).
        size: u64,
        /// The limit.
        max: u64,
    },
    /// A zip entry that could write outside its folder, is a link, is repeated or is unknown.
    #[error("unsafe or unexpected entry `{name}` in the bundle: {why}")]
    UnsafeEntry {
        /// The entry's name as stored.
        name: String,
        /// Why it is refused.
        why: &'static str,
    },
    /// A file that is not what it claims (not a zip, a damaged entry, a bad hash).
    #[error("{what} is damaged or not a Lectern file: {reason}")]
    Malformed {
        /// The file or entry.
        what: String,
        /// What is wrong.
        reason: String,
    },
    /// A file or folder could not be read or written.
    #[error("cannot use `{}`: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl ExchangeError {
    /// An [`ExchangeError::Invalid`] for `field`.
    pub fn invalid(field: impl Into<String>, problem: impl Into<String>) -> Self {
        ExchangeError::Invalid { field: field.into(), problem: problem.into() }
    }

    /// The same error with `part` (a file or zip entry name) before its field path.
    pub fn within(self, part: &str) -> Self {
        match self {
            ExchangeError::Invalid { field, problem } => {
                ExchangeError::Invalid { field: format!("{part}: {field}"), problem }
            }
            ExchangeError::TooLarge { what, size, max } => {
                ExchangeError::TooLarge { what: format!("{part}: {what}"), size, max }
            }
            other => other,
        }
    }
}
