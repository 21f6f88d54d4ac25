//! Lectern's desktop shell: opens the library, creates the window, and exposes the core's
//! use cases to the web UI in `ui/` as commands. It holds no rules of its own (DESIGN §8).
//!
//! - [`commands`]: one async command per use case, each a few lines.
//! - [`asset`]: the `lectern:` scheme serving stored images.
//! - [`window_state`]: the window's size and position, remembered in the library.
//! - [`webview`]: the web view tuned for reading (no GPU compositing, no browser caches).
//! - [`group`]: the group folder synced at start and written on quit; files opened with the app.

pub mod asset;
pub mod commands;
pub mod error;
pub mod group;
pub mod state;
pub mod system;
pub mod webview;
pub mod window_state;

use state::Shared;
use tauri::{Manager, RunEvent, WebviewUrl, WebviewWindowBuilder};

/// The main window's label (capabilities refer to it).
const MAIN_WINDOW: &str = "main";

/// Whether `url` is the app's own UI (served from `frontendDist` under Tauri's scheme).
fn is_app_url(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// Starts the app; returns when the last window closes.
pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let library = match state::library_dir(&args).and_then(|dir| Ok(lectern_core::Library::open(&dir)?)) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("lectern-desktop: {e}");
            std::process::exit(1);
        }
    };
    let shared = Shared::new(library);
    let open_files = state::open_files(&args);
    // Removals are undoable for one session: what was removed last time goes for good now.
    if let Err(e) = shared.with(|library| Ok(library.purge_removed()?)) {
        eprintln!("lectern-desktop: could not purge removed articles: {e}");
    }

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(shared)
        .manage(group::Reports::default())
        .register_asynchronous_uri_scheme_protocol(asset::SCHEME, asset::handle)
        .invoke_handler(tauri::generate_handler![
            commands::articles::list_articles,
            commands::articles::search_articles,
            commands::articles::open_article,
            commands::articles::import_sources,
            commands::articles::remove_article,
            commands::articles::undo_remove,
            commands::articles::get_settings,
            commands::articles::save_settings,
            commands::articles::save_reading_state,
            commands::articles::set_tags,
            commands::articles::list_tags,
            commands::articles::add_samples,
            commands::articles::open_link,
            commands::annotations::article_highlights,
            commands::annotations::list_highlights,
            commands::annotations::create_highlight,
            commands::annotations::edit_highlight,
            commands::annotations::delete_highlight,
            commands::annotations::undo_delete_highlight,
            commands::annotations::reattach_highlight,
            commands::annotations::quote_suggestions,
            commands::annotations::dismiss_quote,
            commands::annotations::undismiss_quote,
            commands::annotations::get_creator,
            commands::annotations::set_creator,
            commands::exchange::export_annotations,
            commands::exchange::import_annotations,
            commands::exchange::get_group_folder,
            commands::exchange::set_group_folder,
            commands::exchange::sync_group,
            commands::exchange::take_exchange_reports,
            commands::timeline::article_timeline,
            commands::timeline::library_timeline,
            commands::timeline::correct_event,
            commands::timeline::hide_event,
            commands::timeline::unhide_event,
            commands::timeline::add_event,
            commands::timeline::remove_correction,
            commands::timeline::date_guess,
            commands::timeline::export_timeline,
            commands::refresh::refresh_article,
        ])
        .setup(|app| {
            let shared = app.state::<Shared>().inner().clone();
            let mut builder = WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App("index.html".into()))
                .title("Lectern")
                .min_inner_size(480.0, 360.0)
                // The app window only ever shows the app: links in articles open in the
                // system browser (through the UI), and nothing may navigate the window away.
                .on_navigation(is_app_url)
                .inner_size(1100.0, 780.0);
            let geometry = window_state::load(&shared);
            if let Some(g) = geometry {
                builder = builder.inner_size(g.width, g.height);
                if window_state::on_screen(app.handle(), &g) {
                    builder = builder.position(g.x, g.y);
                }
            } else {
                builder = builder.center();
            }
            let window = builder.build()?;
            webview::tune(&window)?;
            if geometry.is_some_and(|g| g.maximized) {
                window.maximize()?;
            }
            window_state::track(&window, shared.clone());
            let reports = app.state::<group::Reports>().inner().clone();
            group::start(app.handle().clone(), shared, reports, open_files);
            Ok(())
        })
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|app, event| {
            if let RunEvent::Exit = event {
                group::on_exit(app.state::<Shared>().inner());
            }
        }),
        Err(e) => {
            eprintln!("lectern-desktop: {e}");
            std::process::exit(1);
        }
    }
}
