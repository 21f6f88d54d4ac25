//! One command per use case, grouped by area. Each parses its arguments (serde does most of
//! it), calls the core on a blocking thread and maps the error; none holds a rule of its own.
//! Command names are spelled the same in `ui/api.js` (camelCased).

pub mod annotations;
pub mod articles;
pub mod exchange;
pub mod refresh;
pub mod timeline;
