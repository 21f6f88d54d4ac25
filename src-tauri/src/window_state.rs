//! Remembers the main window's size and position in the core setting `window`, and restores
//! them at start. Moves and resizes arrive in bursts, so saving is debounced on a small
//! worker thread; closing the window saves at once.

use crate::state::Shared;
use serde::{Deserialize, Serialize};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;
use tauri::{AppHandle, Runtime, WebviewWindow, WindowEvent};

/// The setting key.
const KEY: &str = "window";

/// How long the window must stay still before its geometry is written.
const DEBOUNCE: Duration = Duration::from_millis(600);

/// The smallest size restored; anything smaller is treated as damage.
const MIN_SIZE: (f64, f64) = (480.0, 360.0);

/// The window's geometry in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geometry {
    /// Inner width.
    pub width: f64,
    /// Inner height.
    pub height: f64,
    /// Left edge of the outer frame.
    pub x: f64,
    /// Top edge of the outer frame.
    pub y: f64,
    /// Whether the window was maximized (size and position are then the last normal ones).
    #[serde(default)]
    pub maximized: bool,
}

/// The stored geometry, when there is a usable one.
pub fn load(shared: &Shared) -> Option<Geometry> {
    let value = shared.with(|library| Ok(library.setting(KEY)?)).ok()??;
    let geometry: Geometry = serde_json::from_value(value).ok()?;
    (geometry.width >= MIN_SIZE.0 && geometry.height >= MIN_SIZE.1 && geometry.x.is_finite() && geometry.y.is_finite())
        .then_some(geometry)
}

/// Reads the window's current geometry.
fn current<R: Runtime>(window: &WebviewWindow<R>) -> Option<Geometry> {
    let scale = window.scale_factor().ok()?;
    let size = window.inner_size().ok()?.to_logical::<f64>(scale);
    let position = window.outer_position().ok()?.to_logical::<f64>(scale);
    let maximized = window.is_maximized().unwrap_or(false);
    Some(Geometry { width: size.width, height: size.height, x: position.x, y: position.y, maximized })
}

fn save(shared: &Shared, geometry: Geometry) {
    if let Ok(value) = serde_json::to_value(geometry) {
        // Losing a window position is not worth interrupting anyone for.
        let _ = shared.with(|library| Ok(library.set_setting(KEY, &value)?));
    }
}

/// Keeps the stored geometry up to date as `window` moves, resizes and closes.
pub fn track<R: Runtime>(window: &WebviewWindow<R>, shared: Shared) {
    let (tx, rx) = mpsc::channel::<Geometry>();
    let writer = shared.clone();
    std::thread::spawn(move || {
        while let Ok(mut latest) = rx.recv() {
            loop {
                match rx.recv_timeout(DEBOUNCE) {
                    Ok(newer) => latest = newer,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            save(&writer, latest);
        }
    });
    let tracked = window.clone();
    let sender: Sender<Geometry> = tx;
    window.on_window_event(move |event| match event {
        WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
            // While maximized, keep the last normal geometry and only flip the flag.
            if let Some(mut geometry) = current(&tracked) {
                if geometry.maximized {
                    match load(&shared) {
                        Some(previous) => geometry = Geometry { maximized: true, ..previous },
                        None => return,
                    }
                }
                let _ = sender.send(geometry);
            }
        }
        WindowEvent::CloseRequested { .. } => {
            if let Some(geometry) = current(&tracked) {
                if !geometry.maximized {
                    save(&shared, geometry);
                }
            }
        }
        _ => {}
    });
}

/// Whether `geometry` would put the window's top-left area on some monitor (a monitor may
/// have been unplugged since).
pub fn on_screen<R: Runtime>(app: &AppHandle<R>, geometry: &Geometry) -> bool {
    let Ok(monitors) = app.available_monitors() else { return false };
    monitors.iter().any(|monitor| {
        let scale = monitor.scale_factor();
        let position = monitor.position().to_logical::<f64>(scale);
        let size = monitor.size().to_logical::<f64>(scale);
        let (x, y) = (geometry.x + 40.0, geometry.y + 20.0);
        x >= position.x && y >= position.y && x < position.x + size.width && y < position.y + size.height
    })
}
