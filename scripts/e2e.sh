#!/usr/bin/env bash
# Builds the desktop app and runs the end-to-end suite headless (each flow starts its own
# Xvfb display and tauri-driver). Screenshots: target/e2e-screenshots/.
#
# Needs: Xvfb, WebKitWebDriver, import and xwininfo (apt: xvfb webkit2gtk-driver imagemagick
# x11-utils), tauri-driver (cargo install tauri-driver --locked), and axe-core (npm install, at
# the repository root).
#
# Extra arguments go to the test binary, e.g. `scripts/e2e.sh keyboard` runs one flow.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v Xvfb >/dev/null || { echo "e2e: Xvfb is missing (apt-get install xvfb)" >&2; exit 1; }
command -v WebKitWebDriver >/dev/null || { echo "e2e: WebKitWebDriver is missing (apt-get install webkit2gtk-driver)" >&2; exit 1; }
command -v import >/dev/null && command -v xwininfo >/dev/null \
  || { echo "e2e: screenshots need import and xwininfo (apt-get install imagemagick x11-utils)" >&2; exit 1; }
if ! command -v tauri-driver >/dev/null && [ ! -x "${TAURI_DRIVER:-$HOME/.cargo/bin/tauri-driver}" ]; then
  echo "e2e: tauri-driver is missing (cargo install tauri-driver --locked)" >&2
  exit 1
fi
[ -f node_modules/axe-core/axe.min.js ] || npm install --no-audit --no-fund

cargo build -p lectern-desktop
# One flow at a time: two WebKit processes would only compete for the CPU.
cargo test -p lectern-e2e -- --test-threads=1 "$@"
echo "e2e: screenshots in target/e2e-screenshots/"
