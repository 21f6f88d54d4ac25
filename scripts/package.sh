#!/usr/bin/env bash
# Builds Lectern's Linux installers, offline: a .deb and an .rpm holding `lectern-desktop` and
# the `lectern` command (see PACKAGING.md). Output: dist/ (and Tauri's own copies under
# <target>/release/bundle/).
#
#   scripts/package.sh                  # .deb and .rpm
#   LECTERN_APPIMAGE=1 scripts/package.sh   # also the AppImage (needs the network, see PACKAGING.md)
#
# Environment: CARGO_TARGET_DIR (where cargo builds), SOURCE_DATE_EPOCH (timestamps inside the
# packages; default: the last commit's date), LECTERN_SCREENSHOT_BASE (where the AppStream
# screenshots are published; default: the tagged release in the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

say() { printf '==> %s\n' "$*"; }
die() { printf 'package: %s\n' "$*" >&2; exit 1; }

# One source of truth: the version and repository in the workspace's Cargo.toml.
workspace_field() {
  sed -n '/^\[workspace\.package\]/,/^\[/ s/^'"$1"' *= *"\(.*\)"/\1/p' Cargo.toml
}
version=$(workspace_field version)
repository=$(workspace_field repository)
[ -n "$version" ] || die "no version in [workspace.package] of Cargo.toml"

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
fi
# Not exported to cargo: the `cc` crate rebuilds every C dependency (SQLite, ring) whenever
# SOURCE_DATE_EPOCH changes, i.e. at every commit, and none of them uses __DATE__ or __TIME__.
# Only the packaging steps below use it.
export -n SOURCE_DATE_EPOCH
release_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)
screenshots=${LECTERN_SCREENSHOT_BASE:-$repository/raw/v$version/docs/screenshots}

target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
export CARGO_TARGET_DIR=$target
# Files the bundle config (src-tauri/tauri.conf.json) takes from here: always under ./target,
# whichever CARGO_TARGET_DIR cargo uses.
staging=$root/target/packaging
dist=$root/dist

tauri=$root/node_modules/.bin/tauri
if [ ! -x "$tauri" ]; then
  say "Installing the Tauri CLI (npm ci)"
  npm ci --no-audit --no-fund --silent || die "the Tauri CLI is missing and npm ci failed (it needs the network once)"
fi
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing (Debian: apt-get install dpkg)"

say "Lectern $version, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH ($release_date)"

# Paths in the binaries point at the build machine; map them to stable names so two builds
# in different folders match.
export RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$root=/build/lectern --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"

# Both programs in one cargo run: one feature resolution, so the ~100 crates they share are
# compiled once (built apart, the app's features would make cargo build them twice).
# `custom-protocol` is what `tauri build` would turn on: the UI embedded, not served.
say "Building lectern and lectern-desktop (release)"
cargo build --release --locked -p lectern-cli -p lectern-desktop --features lectern-desktop/custom-protocol

rm -rf "$staging"
mkdir -p "$staging/bin"
install -m 0755 "$target/release/lectern" "$staging/bin/lectern"
sed -e "s|@VERSION@|$version|g" -e "s|@DATE@|$release_date|g" \
    -e "s|@HOMEPAGE@|$repository|g" -e "s|@SCREENSHOTS@|$screenshots|g" \
    packaging/org.lectern.desktop.metainfo.xml.in >"$staging/org.lectern.desktop.metainfo.xml"

say "Bundling .deb and .rpm (tauri bundle)"
rm -rf "$target/release/bundle/deb" "$target/release/bundle/rpm"
"$tauri" bundle --ci --bundles deb,rpm --features custom-protocol

deb=$(ls "$target"/release/bundle/deb/*.deb)
rpm=$(ls "$target"/release/bundle/rpm/*.rpm)

# Tauri stamps every file in the .deb with the time it copied it and lists them in directory
# order. Repack it with dpkg-deb: every timestamp SOURCE_DATE_EPOCH, names sorted, owner
# root, xz; so the same sources give the same .deb, byte for byte.
say "Repacking the .deb reproducibly"
tree=$staging/deb-root
rm -rf "$tree"
dpkg-deb -R "$deb" "$tree"
# Two control fields Tauri cannot express: a Depends with lower bounds (the reader paints
# highlights with the CSS Custom Highlight API, on by default from WebKitGTK 2.44, the WebKit
# of Safari 17.2; Tauri needs GTK 3.24), and an extended description wrapped under 80
# columns, as Debian policy asks.
python3 - "$tree/DEBIAN/control" <<'PY'
import sys, textwrap
path = sys.argv[1]
fields, order = {}, []
for line in open(path, encoding="utf-8").read().splitlines():
    if line.startswith(" ") and order:
        fields[order[-1]] += "\n" + line
    elif line:
        key, value = line.split(":", 1)
        fields[key], order = value.strip(), order + [key]
fields["Depends"] = "libwebkit2gtk-4.1-0 (>= 2.44), libgtk-3-0 (>= 3.24)"
summary, _, body = fields["Description"].partition("\n")
body = " ".join(l.strip() for l in body.splitlines())
fields["Description"] = summary + "".join("\n " + l for l in textwrap.wrap(body, 78))
with open(path, "w", encoding="utf-8") as out:
    out.writelines(f"{key}: {fields[key]}\n" for key in order)
PY
(cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
  | xargs -0 md5sum >DEBIAN/md5sums)
chmod -R u+rwX,go+rX,go-w "$tree"
find "$tree" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
rm -rf "$dist"
mkdir -p "$dist"
deb_name=lectern_${version}_$(dpkg-deb -f "$deb" Architecture).deb
SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH dpkg-deb --root-owner-group -Zxz -z9 --build "$tree" "$dist/$deb_name" >/dev/null
cp "$rpm" "$dist/"
rm -rf "$tree"

if [ -n "${LECTERN_APPIMAGE:-}" ]; then
  say "Bundling the AppImage (downloads linuxdeploy and its plugins)"
  "$tauri" bundle --ci --bundles appimage
  cp "$target"/release/bundle/appimage/*.AppImage "$dist/"
else
  echo "AppImage: not built offline (needs network to download linuxdeploy); see PACKAGING.md"
fi

say "Packages in dist/:"
(cd "$dist" && ls -l --time-style=+ ./* | awk '{print "   " $5 " bytes  " $NF}')
(cd "$dist" && sha256sum ./*)
