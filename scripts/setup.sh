#!/usr/bin/env bash
# Installs what Lectern needs to build, run and test on Debian/Ubuntu, if it is missing.
# As root (or with sudo) it installs the packages; otherwise it names them and stops.
set -euo pipefail

packages=(
  build-essential pkg-config curl file          # C compiler for bundled SQLite, tools
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev   # Tauri 2 on Linux
  libayatana-appindicator3-dev librsvg2-dev
  webkit2gtk-driver xvfb xauth                  # the end-to-end tests drive the real window
  fonts-wqy-microhei                            # a CJK font, so Chinese renders
  nodejs npm python3                            # UI unit tests, accessibility checks, benchmark scorers
  desktop-file-utils appstream rpm              # packaging: validate the entries, read the .rpm
  x11-utils imagemagick                         # E2E and packaging check: find the window, screenshot it
  libglib2.0-bin                                # packaging check: open a bundle as a file manager does (gio)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere than Debian (nvm, NodeSource): accept any node >= 18 with npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "Lectern needs these packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "Lectern needs Rust 1.85 or newer: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

# The end-to-end tests drive the real window through tauri-driver (pinned to Tauri 2).
if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "Installing tauri-driver"
  cargo install tauri-driver@^2 --locked --quiet
fi

# axe-core, for the accessibility checks in the real window; the Tauri CLI, for the installers.
cd "$(dirname "$0")/.."
[ -f node_modules/axe-core/axe.min.js ] && [ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund --silent
