//! The end-to-end harness: runs the real `lectern-desktop` under a private Xvfb display,
//! driven through `tauri-driver` (which fronts `WebKitWebDriver`) with `fantoccini`.
//!
//! Each flow gets its own display, its own `tauri-driver` on free ports and a fresh temporary
//! library; [`flow`] tears all of it down (closing sessions, then SIGTERM) even when the flow
//! panics, and saves a screenshot of the failure. Flows are serialized by a process-wide lock:
//! two WebKit instances at once would only fight over the machine's two cores.
//!
//! Environment:
//! - `LECTERN_DESKTOP_BIN`: the app to drive (default: `lectern-desktop` next to the test binary's
//!   `target/<profile>/`).
//! - `LECTERN_E2E_SCREENSHOTS`: where screenshots go (default: `<workspace>/target/e2e-screenshots`).
//! - `LECTERN_E2E_USE_DISPLAY=1`: use the current `$DISPLAY` instead of a private Xvfb (to watch).
//! - `TAURI_DRIVER`: the `tauri-driver` binary (default: on `PATH`, else `~/.cargo/bin`).

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub mod http;
pub mod steps;

/// How long to wait for an element or a condition before failing.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// WebDriver key codes.
pub mod keys {
    /// Enter.
    pub const ENTER: char = '\u{E007}';
    /// Escape.
    pub const ESCAPE: char = '\u{E00C}';
    /// Arrow down.
    pub const DOWN: char = '\u{E015}';
    /// Arrow up.
    pub const UP: char = '\u{E013}';
    /// Tab.
    pub const TAB: char = '\u{E004}';
    /// Control.
    pub const CONTROL: char = '\u{E009}';
}

/// Prints a step when `LECTERN_E2E_TRACE` is set (to see where a flow is stuck).
pub fn trace(what: impl std::fmt::Display) {
    if std::env::var_os("LECTERN_E2E_TRACE").is_some() {
        eprintln!("e2e: {what}");
    }
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ is inside the workspace").to_path_buf()
}

/// A file under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    workspace_root().join("tests/fixtures").join(relative)
}

/// The app binary to drive.
pub fn app_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("LECTERN_DESKTOP_BIN") {
        return PathBuf::from(bin);
    }
    // The test binary is target/<profile>/deps/e2e-<hash>; the app is target/<profile>/.
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe.parent().and_then(Path::parent).expect("target/<profile>/deps");
    let bin = profile_dir.join(format!("lectern-desktop{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: build it first (`cargo build -p lectern-desktop`) or set LECTERN_DESKTOP_BIN",
        bin.display()
    );
    bin
}

/// Where screenshots go.
pub fn screenshot_dir() -> PathBuf {
    std::env::var_os("LECTERN_E2E_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/e2e-screenshots"))
}

fn tauri_driver_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(bin);
    }
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join("tauri-driver")).find(|c| c.exists()))
        .unwrap_or_default();
    on_path.unwrap_or_else(|| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo/bin/tauri-driver"))
}

/// Two different free ports. Both listeners are held until both ports are known: dropping the
/// first before binding the second let the kernel hand out the same port twice (seen once in
/// about 30 flow starts: WebKitWebDriver could not listen on the port tauri-driver already held).
fn two_free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("a bound port").port();
    (port(&a), port(&b))
}

/// Asks a child to stop with SIGTERM and waits (briefly) for it. Never SIGKILL: killing
/// tauri-driver outright leaves WebKitWebDriver holding our output open, and the run hangs.
fn terminate(child: &mut Child, what: &str) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    eprintln!("e2e: {what} (pid {}) did not stop after SIGTERM; leaving it", child.id());
}

/// Saves the app's window on X display `display` as the PNG `path`.
///
/// Taken from the X server rather than through WebDriver: WebKitWebDriver's screenshot waits
/// for a composited frame, which never comes because Lectern turns WebKit's GPU compositing
/// off (src-tauri/src/webview.rs). This shows exactly what the user sees.
fn capture_window(display: &str, path: &Path) -> Result<(), String> {
    let x = |program: &str, args: &[&str]| -> Result<String, String> {
        let out = Command::new(program)
            .args(["-display", display])
            .args(args)
            .output()
            .map_err(|e| format!("{program} (apt-get install x11-utils imagemagick): {e}"))?;
        match out.status.success() {
            true => Ok(String::from_utf8_lossy(&out.stdout).into_owned()),
            false => Err(format!("{program}: {}", String::from_utf8_lossy(&out.stderr).trim())),
        }
    };
    let window = largest_window(&x("xwininfo", &["-root", "-children"])?).ok_or("no window on the display")?;
    // A window being resized or repainted can refuse one grab: try a few times.
    let target = format!("png:{}", path.display());
    let mut last = String::new();
    for _ in 0..5 {
        match x("import", &["-window", &window, &target]) {
            Ok(_) => return Ok(()),
            Err(e) => last = e,
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(last)
}

/// The id of the largest top-level window in `xwininfo -root -children` output: the app's
/// (GTK's other top-level windows are a few pixels wide).
fn largest_window(listing: &str) -> Option<String> {
    listing
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let id = line.split_whitespace().next().filter(|w| w.starts_with("0x"))?;
            // "0x400007 "Lectern": ("lectern-desktop" "Lectern")  1100x780+90+60  +90+60"
            let geometry = line.rsplit_once(")  ").map_or(line, |(_, g)| g);
            let size = geometry.split_whitespace().find(|w| w.contains('x') && w.contains('+'))?;
            let (w, rest) = size.split_once('x')?;
            let h = rest.split('+').next()?;
            Some((w.parse::<u64>().ok()? * h.parse::<u64>().ok()?, id.to_string()))
        })
        .max()
        .map(|(_, id)| id)
}

/// A private X display.
struct Display {
    child: Option<Child>,
    name: String,
}

impl Display {
    fn start() -> Display {
        if std::env::var_os("LECTERN_E2E_USE_DISPLAY").is_some() {
            let name = std::env::var("DISPLAY").expect("LECTERN_E2E_USE_DISPLAY needs $DISPLAY");
            return Display { child: None, name };
        }
        // Pick a display number nobody uses (its socket and lock file are absent).
        let base = 100 + (std::process::id() % 400);
        let number = (base..base + 200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("a free X display number");
        let name = format!(":{number}");
        let child = Command::new("Xvfb")
            .args([name.as_str(), "-screen", "0", "1280x900x24", "-nolisten", "tcp", "-ac"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (apt-get install xvfb)");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let deadline = Instant::now() + Duration::from_secs(10);
        while !socket.exists() {
            assert!(Instant::now() < deadline, "Xvfb {name} did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Display { child: Some(child), name }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            terminate(child, "Xvfb");
        }
    }
}

/// One `tauri-driver` (and its WebKitWebDriver) on a private display.
pub struct Driver {
    child: Child,
    port: u16,
    // Dropped after the driver (fields drop in order), so the app never loses its display first.
    display: Display,
}

impl Driver {
    fn start() -> Driver {
        let display = Display::start();
        let (port, native_port) = two_free_ports();
        let log = std::env::temp_dir().join(format!("lectern-e2e-driver-{port}.log"));
        let log_file = std::fs::File::create(&log).expect("driver log");
        let child = Command::new(tauri_driver_binary())
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", &display.name)
            // No accessibility bus in CI: without this GTK waits for it on every start.
            .env("NO_AT_BRIDGE", "1")
            .env_remove("LECTERN_LIBRARY")
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .expect("tauri-driver (cargo install tauri-driver --locked)");
        let mut driver = Driver { child, port, display };
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline || matches!(driver.child.try_wait(), Ok(Some(_))) {
                terminate(&mut driver.child, "tauri-driver");
                panic!("tauri-driver did not start; see {}", log.display());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        terminate(&mut self.child, "tauri-driver");
    }
}

/// What a flow gets: a way to launch the app on its library, and the sessions to clean up.
#[derive(Clone)]
pub struct Ctx {
    port: u16,
    display: String,
    /// The flow's library folder (fresh and empty at the start).
    pub library: PathBuf,
    flow: String,
    sessions: Arc<Mutex<Vec<Client>>>,
}

impl Ctx {
    /// The flow's X display (`:N`), for programs a flow starts beside the app.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Starts the app on the flow's library and waits for the UI to be up.
    pub async fn launch(&self) -> App {
        self.launch_with(&[]).await
    }

    /// Starts the app on the flow's library with more command-line arguments (a file to
    /// open, say) and waits for the UI to be up.
    pub async fn launch_with(&self, extra: &[&str]) -> App {
        let mut args = vec![json!("--library"), json!(self.library)];
        args.extend(extra.iter().map(|a| json!(a)));
        let caps = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": app_binary(),
                "args": args,
            }
        });
        let caps = caps.as_object().cloned().expect("an object");
        trace(format_args!("[{}] launching the app on {}", self.flow, self.library.display()));
        // The first session after tauri-driver starts can be refused mid-reply while
        // WebKitWebDriver is still coming up (seen in CI): try a few times before failing.
        let url = format!("http://127.0.0.1:{}", self.port);
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            match ClientBuilder::native().capabilities(caps.clone()).connect(&url).await {
                Ok(client) => break client,
                Err(error) if attempt < 5 => {
                    trace(format_args!("[{}] session attempt {attempt} failed: {error}", self.flow));
                    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
                }
                Err(error) => panic!("a WebDriver session with the app after {attempt} attempts: {error}"),
            }
        };
        self.sessions.lock().unwrap().push(client.clone());
        trace(format_args!("[{}] session started", self.flow));
        let app = App { client, flow: self.flow.clone(), display: self.display.clone() };
        app.wait_js("return document.body.classList.contains('ready')").await;
        app
    }
}

/// A running app session.
#[derive(Clone)]
pub struct App {
    display: String,
    /// The WebDriver session.
    pub client: Client,
    flow: String,
}

impl App {
    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        trace(format_args!("js {}", script.chars().take(80).collect::<String>()));
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until `script` returns a truthy value; returns it.
    pub async fn wait_js(&self, script: &str) -> Value {
        trace(format_args!("wait for {}", script.chars().take(80).collect::<String>()));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(value) = self.client.execute(script, vec![]).await {
                let truthy =
                    !matches!(value, Value::Null | Value::Bool(false)) && value != json!(0) && value != json!("");
                if truthy {
                    return value;
                }
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {script}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for an element matching `css` to exist and be rendered, and returns it.
    ///
    /// Visibility is checked in the page: WebKitWebDriver's "is displayed" command can hang.
    pub async fn wait_for(&self, css: &str) -> Element {
        let probe = format!(
            "const el = document.querySelector({}); return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';",
            serde_json::to_string(css).expect("a string")
        );
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if self.client.execute(&probe, vec![]).await.ok() == Some(json!(true)) {
                if let Ok(el) = self.client.find(Locator::Css(css)).await {
                    return el;
                }
            }
            assert!(Instant::now() < deadline, "timed out waiting for `{css}`");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text of the first element matching `css`, once it is rendered.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await;
        let value = self.js("return document.querySelector(arguments[0]).textContent", vec![json!(css)]).await;
        value.as_str().unwrap_or_default().to_string()
    }

    /// Clicks the element matching `css` once it is there.
    pub async fn click(&self, css: &str) {
        trace(format_args!("click {css}"));
        self.wait_for(css).await.click().await.unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    /// Types `text` into the element matching `css`.
    pub async fn type_into(&self, css: &str, text: &str) {
        trace(format_args!("type into {css}: {text}"));
        self.wait_for(css).await.send_keys(text).await.unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
    }

    /// Presses keys on whatever has focus: each char is a key down and up; `keys::CONTROL`
    /// (and other modifiers) stay down until the end of the sequence.
    pub async fn press(&self, sequence: &[char]) {
        trace(format_args!("press {sequence:?}"));
        let mut actions = KeyActions::new("keyboard".to_string());
        let mut held = Vec::new();
        for &key in sequence {
            actions = actions.then(KeyAction::Down { value: key });
            if key == keys::CONTROL {
                held.push(key);
            } else {
                actions = actions.then(KeyAction::Up { value: key });
            }
        }
        for key in held.into_iter().rev() {
            actions = actions.then(KeyAction::Up { value: key });
        }
        self.client.perform_actions(actions).await.expect("key actions");
        let _ = self.client.release_actions().await;
    }

    /// The number of elements matching `css`.
    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.map(|v| v.len()).unwrap_or(0)
    }

    /// A computed style property of the first element matching `css`.
    pub async fn style(&self, css: &str, property: &str) -> String {
        let value = self
            .js(
                "const el = document.querySelector(arguments[0]); return el ? getComputedStyle(el).getPropertyValue(arguments[1]) : null;",
                vec![json!(css), json!(property)],
            )
            .await;
        value.as_str().unwrap_or_else(|| panic!("no element `{css}`")).trim().to_string()
    }

    /// Saves a screenshot as `<screenshot dir>/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        trace(format_args!("screenshot {name}"));
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        // Two animation frames: whatever the flow just changed has been painted.
        self.client
            .execute_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))", vec![])
            .await
            .expect("a painted frame");
        let (display, file) = (self.display.clone(), path.clone());
        tokio::task::spawn_blocking(move || capture_window(&display, &file))
            .await
            .expect("screenshot task")
            .unwrap_or_else(|e| panic!("screenshot `{name}`: {e}"));
        path
    }

    /// Saves the flow's own screenshot (`<flow>.png`).
    pub async fn snapshot(&self) -> PathBuf {
        self.screenshot(&self.flow.clone()).await
    }

    /// Ends the session, which closes the app.
    pub async fn quit(self) {
        let _ = tokio::time::timeout(Duration::from_secs(15), self.client.close()).await;
        // Give the app a moment to exit and release the library before a relaunch.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    /// Runs axe-core in the page and returns its serious and critical violations, as
    /// `"rule: help (n nodes: selector…)"` lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        let source = std::fs::read_to_string(workspace_root().join("node_modules/axe-core/axe.min.js"))
            .expect("axe-core is installed (npm install at the workspace root)");
        let installed = self.js("return typeof window.axe !== 'undefined'", vec![]).await;
        if installed != json!(true) {
            self.js(&format!("{source}\n;return typeof window.axe;"), vec![]).await;
        }
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { resultTypes: ['violations'] })
                     .then((r) => done(r.violations
                       .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                       .map((v) => `${v.id} (${v.impact}): ${v.help} [${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}]`)))
                     .catch((e) => done([`axe failed: ${e}`]));"#,
                vec![],
            )
            .await
            .expect("axe ran");
        serde_json::from_value(result).unwrap_or_default()
    }
}

/// Serializes flows within one test binary.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs one flow with a fresh display, driver and library; cleans up whatever happens.
pub async fn flow<F, Fut>(name: &str, body: F)
where
    F: FnOnce(Ctx) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _turn = ONE_AT_A_TIME.lock().await;
    // A failure picture from an earlier run would mislead whoever looks next.
    let _ = std::fs::remove_file(screenshot_dir().join(format!("{name}-FAILED.png")));
    let library = tempfile::Builder::new().prefix("lectern-e2e-").tempdir().expect("a temporary library");
    let driver = tokio::task::spawn_blocking(Driver::start).await.expect("driver start");
    trace(format_args!("[{name}] tauri-driver on port {}", driver.port));
    let ctx = Ctx {
        port: driver.port,
        display: driver.display.name.clone(),
        library: library.path().to_path_buf(),
        flow: name.to_string(),
        sessions: Arc::new(Mutex::new(Vec::new())),
    };
    let sessions = ctx.sessions.clone();
    let outcome = tokio::time::timeout(Duration::from_secs(240), tokio::spawn(body(ctx))).await;
    let failed = !matches!(outcome, Ok(Ok(())));
    let clients: Vec<Client> = sessions.lock().unwrap().drain(..).collect();
    for client in clients {
        if failed {
            let dir = screenshot_dir();
            let _ = std::fs::create_dir_all(&dir);
            let (display, path) = (driver.display.name.clone(), dir.join(format!("{name}-FAILED.png")));
            let _ = tokio::task::spawn_blocking(move || capture_window(&display, &path)).await;
        }
        let _ = tokio::time::timeout(Duration::from_secs(15), client.close()).await;
    }
    tokio::task::spawn_blocking(move || drop(driver)).await.expect("driver stop");
    drop(library);
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(join)) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
        Ok(Err(join)) => panic!("flow `{name}` was cancelled: {join}"),
        Err(_) => panic!("flow `{name}` took longer than 240 s"),
    }
}

#[cfg(test)]
mod tests {
    use super::largest_window;

    #[test]
    fn the_app_window_is_the_largest_top_level_one() {
        // As `xwininfo -root -children` lists them (names may hold spaces and parentheses).
        let listing = r#"
  Root window id: 0x50d (the root window) (has no name)
  Parent window id: 0x0 (none)
     4 children:
     0x400001 "WebKitWebProcess": ("WebKitWebProcess" "WebKitWebProcess")  10x10+10+10  +10+10
     0x200012 "Lectern (draft)": ("lectern-desktop" "Lectern-desktop")  1100x780+90+60  +90+60
     0x20000f (has no name): ()  1x1+-1+-1  +-1+-1
     0x200001 "lectern-desktop": ("lectern-desktop" "Lectern-desktop")  10x10+10+10  +10+10
"#;
        assert_eq!(largest_window(listing).as_deref(), Some("0x200012"));
        assert_eq!(largest_window("     0 children."), None);
    }
}
