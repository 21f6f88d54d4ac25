//! How the window's web view is tuned for reading: a page of text that changes only when the
//! reader acts does not need WebKit's GPU compositing or its browser caches, and both cost
//! memory (issue #3: about 140 MB of the web process under Mesa).
//!
//! `LECTERN_GPU=1` turns compositing back on, for a desktop where scrolling feels smoother
//! with it.

use tauri::{Runtime, WebviewWindow};

/// The environment variable that keeps WebKit's GPU compositing on.
pub const GPU_ENV: &str = "LECTERN_GPU";

/// Applies the reading-app settings to `window`'s web view (Linux: WebKitGTK; elsewhere the
/// platform's defaults stand).
pub fn tune<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    let gpu = std::env::var_os(GPU_ENV).is_some_and(|v| !v.is_empty() && v != "0");
    window.with_webview(move |webview| platform::tune(webview, gpu))
}

#[cfg(target_os = "linux")]
mod platform {
    use webkit2gtk::{CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt};

    pub fn tune(webview: tauri::webview::PlatformWebview, gpu: bool) {
        let view = webview.inner();
        if !gpu {
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        }
        // One document at a time, no history to go back to: no page cache, a small memory
        // cache (WebKit's "document viewer" model).
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod platform {
    pub fn tune(_webview: tauri::webview::PlatformWebview, _gpu: bool) {}
}
