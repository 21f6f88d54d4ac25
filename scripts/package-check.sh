#!/usr/bin/env bash
# The packaging check (CI): build the .deb and .rpm from this checkout, check what they hold
# and declare, install the .deb with apt, run both programs from the installed package, then
# remove it and check nothing is left on PATH. Needs root (or passwordless sudo) for apt.
# Screenshot of the installed app: target/package-check/installed-app.png.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)

step() { printf '\n==> %s\n' "$*"; }
ok() { printf '    ok: %s\n' "$*"; }
fail() { printf 'package-check: FAILED: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  fail "installing the package needs root or passwordless sudo"
fi
for tool in dpkg-deb apt-get apt-cache desktop-file-validate appstreamcli rpm Xvfb xwininfo xprop import gio; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/setup.sh installs it)"
done

version=$(sed -n '/^\[workspace\.package\]/,/^\[/ s/^version *= *"\(.*\)"/\1/p' Cargo.toml)
arch=$(dpkg --print-architecture)
out=$root/target/package-check
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
app_pid="" xvfb_pid="" installed=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  pkill -f "^lectern-desktop $work/" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  # Leave the machine as it was, even when a check failed half-way.
  [ -n "$installed" ] && $sudo apt-get remove -y -qq lectern >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

step "Building the packages (scripts/package.sh)"
scripts/package.sh
deb=$root/dist/lectern_${version}_${arch}.deb
rpm=$(ls "$root"/dist/*.rpm)
[ -f "$deb" ] || fail "no $deb"

step "Sizes (budget: 15 MB each)"
for f in "$deb" "$rpm"; do
  size=$(stat -c %s "$f")
  ((size <= 15 * 1000 * 1000)) || fail "$(basename "$f") is $size bytes, over 15 MB"
  ok "$(basename "$f"): $((size / 1024)) KiB"
done

step "The .deb's control fields"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = lectern ] || fail "Package is '$(field Package)', not lectern"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', the workspace says $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)', not $arch"
depends=$(field Depends)
for dep in 'libwebkit2gtk-4.1-0 (>= 2.44)' 'libgtk-3-0 (>= 3.24)'; do
  grep -qF -- "$dep" <<<"$depends" || fail "Depends ($depends) lacks $dep"
done
ok "Package lectern, Version $version, Architecture $arch, Depends: $depends"
long=$(dpkg-deb -f "$deb" Description | awk 'length > 79' | head -1)
[ -z "$long" ] || fail "a Description line is over 79 columns: $long"
ok "Description: $(field Description | head -1) (every line under 80 columns)"

step "The .deb's files"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$out/deb-files.txt"
expected=(
  /usr/bin/lectern-desktop
  /usr/bin/lectern
  /usr/share/applications/Lectern.desktop
  /usr/share/metainfo/org.lectern.desktop.metainfo.xml
  /usr/share/mime/packages/lectern.xml
  /usr/share/icons/hicolor/scalable/apps/lectern-desktop.svg
  /usr/share/doc/lectern/copyright
  /usr/share/doc/lectern/LICENSE-MIT
  /usr/share/doc/lectern/LICENSE-APACHE
)
for size in 16 32 48 64 128 256 512; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/lectern-desktop.png")
done
for f in "${expected[@]}"; do
  grep -qxF "$f" "$out/deb-files.txt" || fail "the .deb lacks $f"
done
desktop_files=$(grep -c '^/usr/share/applications/.*\.desktop$' "$out/deb-files.txt")
[ "$desktop_files" = 1 ] || fail "$desktop_files desktop entries; only the app gets one (not the lectern command)"
ok "${#expected[@]} expected files present; one desktop entry (list: target/package-check/deb-files.txt)"

step "Desktop entry, AppStream metadata and MIME type, as packaged"
dpkg-deb -x "$deb" "$work/deb"
entry=$work/deb/usr/share/applications/Lectern.desktop
desktop-file-validate "$entry" || fail "desktop-file-validate"
grep -qx 'Exec=lectern-desktop %f' "$entry" || fail "the desktop entry does not run 'lectern-desktop %f'"
grep -qx 'MimeType=application/x-lectern-bundle;' "$entry" || fail "the desktop entry lacks the bundle MIME type"
ok "Lectern.desktop is valid and opens .lectern bundles"
metainfo=$work/deb/usr/share/metainfo/org.lectern.desktop.metainfo.xml
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"
grep -q "<release version=\"$version\" date=\"[0-9-]*\"" "$metainfo" || fail "the metainfo's release is not $version"
ok "metainfo is valid, release $version"
python3 - "$work/deb/usr/share/mime/packages/lectern.xml" <<'EOF' || fail "the MIME type file"
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
t = ET.parse(sys.argv[1]).find("m:mime-type", ns)
assert t.get("type") == "application/x-lectern-bundle", t.get("type")
assert t.find("m:glob", ns).get("pattern") == "*.lectern"
EOF
ok "lectern.xml declares application/x-lectern-bundle for *.lectern"

step "The .rpm"
rpm -qp --queryformat '%{NAME} %{VERSION} %{ARCH} %{LICENSE}\n' "$rpm" 2>/dev/null | tee "$out/rpm-info.txt"
read -r rpm_name rpm_version _ <"$out/rpm-info.txt"
[ "$rpm_name" = lectern ] && [ "$rpm_version" = "$version" ] || fail "the rpm is $rpm_name $rpm_version"
rpm -qlp "$rpm" 2>/dev/null >"$out/rpm-files.txt"
for f in "${expected[@]}"; do
  case $f in /usr/share/doc/lectern/*) f=/usr/share/licenses/lectern/${f##*/} ;; esac
  [ "$f" = /usr/share/licenses/lectern/copyright ] && continue
  grep -qxF "$f" "$out/rpm-files.txt" || fail "the .rpm lacks $f"
done
# Tauri declares the libraries by soname, which every RPM distribution resolves to its own
# package names (Fedora webkit2gtk4.1 and gtk3, openSUSE libwebkit2gtk-4_1-0 and libgtk-3-0).
for lib in libwebkit2gtk-4.1.so.0 libgtk-3.so.0; do
  rpm -qp --requires "$rpm" 2>/dev/null | grep -qF "$lib()" || fail "the .rpm does not require $lib"
done
ok "rpm holds the same files; requires: $(rpm -qp --requires "$rpm" 2>/dev/null | grep -v '^rpmlib' | paste -sd, -)"

step "Installing the .deb with apt"
if dpkg-query -W -f='${Status}' lectern 2>/dev/null | grep -q "install ok installed"; then
  fail "a lectern package is already installed; remove it first (apt-get remove lectern)"
fi
installed=yes
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >"$out/apt-install.log" 2>&1 \
  || { cat "$out/apt-install.log" >&2; fail "apt-get install"; }
ok "installed"

# Every library the two programs load belongs to a package that Depends pulls in.
deps=$(field Depends | sed 's/([^)]*)//g; s/|/,/g; s/,/ /g')
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances $deps 2>/dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u >"$work/closure"
for bin in /usr/bin/lectern-desktop /usr/bin/lectern; do
  for lib in $(ldd "$bin" | awk '$3 ~ /^\// {print $3}'); do
    owner=""
    # With merged /usr, dpkg may know the file under /lib rather than /usr/lib, or by its link.
    for path in "$lib" "$(readlink -f "$lib")" "${lib#/usr}" "$(readlink -f "$lib" | sed 's|^/usr||')"; do
      owner=$(dpkg -S "$path" 2>/dev/null | head -1 | sed 's/[:,].*//') && [ -n "$owner" ] && break
    done
    [ -n "$owner" ] || fail "$bin loads $lib, which no package owns"
    grep -qxF "$owner" "$work/closure" || fail "$bin loads $lib from $owner, which Depends does not pull in"
  done
done
ok "every shared library of both programs comes with Depends"

grep -q 'application/x-lectern-bundle' /usr/share/mime/globs2 || fail "the MIME database does not know *.lectern"
grep -q 'application/x-lectern-bundle=.*Lectern.desktop' /usr/share/applications/mimeinfo.cache \
  || fail "the desktop database does not offer Lectern for bundles"
ok "*.lectern is registered and opens with Lectern"

step "Running the installed programs"
command -v lectern >/dev/null && [ "$(command -v lectern)" = /usr/bin/lectern ] || fail "lectern is not on PATH"
reported=$(lectern --version)
[ "$reported" = "lectern $version" ] || fail "lectern --version says '$reported'"
ok "lectern --version: $reported"
lectern --library "$work/library" --json list >/dev/null || fail "lectern cannot open a library"
ok "lectern opens a library"

exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(cat "$work/display")
NO_AT_BRIDGE=1 lectern-desktop --library "$work/library" >"$out/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 300); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log" >&2; fail "lectern-desktop exited"; }
  window=$(xwininfo -root -tree 2>/dev/null | awk '/"Lectern":/ {print $1; exit}')
  [ -n "$window" ] && break
  sleep 0.1
done
[ -n "$window" ] || fail "no Lectern window within 30 s"
ok "window $window is up"
wm_class=$(xprop -id "$window" WM_CLASS)
grep -q '"lectern-desktop"' <<<"$wm_class" || fail "WM_CLASS ($wm_class) does not match StartupWMClass=lectern-desktop"
ok "$wm_class"
# The window maps before the web view paints: wait until the screen shows more than a few
# flat colours (text and icons anti-alias into many).
screenshot() {
  colours=0
  for _ in $(seq 60); do
    import -window root "$out/$1"
    colours=$(convert "$out/$1" -format %k info:)
    ((colours > 200)) && return
    sleep 0.5
  done
  fail "the window stayed blank ($colours colours); see target/package-check/$1"
}
screenshot installed-app.png
ok "screenshot: target/package-check/installed-app.png ($colours colours)"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

# Opening a bundle as a file manager does (GIO: the type from the file name, then the default
# application for it) starts Lectern, which imports the bundle into the library.
lectern --library "$work/shared" samples >/dev/null
lectern --library "$work/shared" export --format bundle --output "$work/shared.lectern" >/dev/null
[ "$(gio info -a standard::content-type "$work/shared.lectern" | awk '/content-type/ {print $2}')" \
  = application/x-lectern-bundle ] || fail "GIO does not see shared.lectern as a Lectern bundle"
expected_articles=$(lectern --library "$work/shared" --json list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
LECTERN_LIBRARY=$work/opened NO_AT_BRIDGE=1 gio open "$work/shared.lectern" >"$out/gio-open.log" 2>&1 \
  || { cat "$out/gio-open.log" >&2; fail "gio open shared.lectern"; }
imported=0
for _ in $(seq 300); do
  if [ -f "$work/opened/library.sqlite3" ]; then
    imported=$(lectern --library "$work/opened" --json list 2>/dev/null \
      | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo 0)
  fi
  ((imported == expected_articles)) && break
  sleep 0.1
done
((imported == expected_articles)) || fail "opening shared.lectern imported $imported of $expected_articles articles"
screenshot opened-bundle.png
pkill -f "^lectern-desktop $work/shared.lectern" || true
ok "opening a .lectern file started Lectern and imported its $imported articles (target/package-check/opened-bundle.png)"

step "Removing the package"
$sudo apt-get remove -y -qq lectern >/dev/null
installed=""
for bin in lectern lectern-desktop; do
  [ ! -e "/usr/bin/$bin" ] || fail "/usr/bin/$bin is still there"
done
! grep -q 'application/x-lectern-bundle' /usr/share/mime/globs2 || fail "the MIME type outlived the package"
ok "both programs and the MIME type are gone"

printf '\npackage-check: all good in %d s\n' $(($(date +%s) - started))
