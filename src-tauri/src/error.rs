//! The error every command returns: serialized as `{kind, message}` so the UI can react by
//! kind (`not_found`, `network`, `unsupported`…) and show the message as it is.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The core refused or failed; its kind is stable (see `lectern_core::Error::kind`).
    #[error(transparent)]
    Core(#[from] lectern_core::Error),
    /// The UI sent something the command cannot use.
    #[error("{0}")]
    Invalid(String),
    /// A blocking task died (a bug: the core panicked) or the library lock was poisoned.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The stable kind string sent to the UI.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Core(e) => e.kind(),
            Error::Invalid(_) => "invalid",
            Error::Internal(_) => "internal",
        }
    }
}

/// An exchange file that could not be read or written (commands that write exports).
impl From<lectern_core::exchange::ExchangeError> for Error {
    fn from(error: lectern_core::exchange::ExchangeError) -> Self {
        Error::Core(error.into())
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Error", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

/// What commands return.
pub type Result<T, E = Error> = std::result::Result<T, E>;
