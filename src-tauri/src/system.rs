//! Handing a link to the desktop: the platform's "open this URL" command.
//!
//! `tauri-plugin-opener` does this too, but it pulls a D-Bus stack (zbus and friends) into the
//! build for features Lectern does not use; spawning the platform's own opener is all we need.

use std::io;
use std::process::{Command, Stdio};

/// Opens `url` with the user's default handler, without waiting for it.
pub fn open(url: &str) -> io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(target_os = "windows") {
        // `explorer <url>` hands the URL to the default browser without a shell in between.
        Command::new("explorer")
    } else {
        Command::new("xdg-open")
    };
    let mut child = command.arg(url).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn()?;
    // Reap it when it exits (openers usually hand off and return at once).
    std::thread::spawn(move || child.wait());
    Ok(())
}
