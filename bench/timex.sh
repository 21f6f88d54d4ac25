#!/usr/bin/env bash
# Timex benchmark: Lectern's tagger against the chrono-node peer, in the same run.
#
#   bench/timex.sh [OUT_DIR]      (default OUT_DIR: target/bench-timex)
#
# Finds the shared benchmark kit at ../shared relative to the repository root (override with
# LECTERN_SHARED). Builds the `timex_bench` example in release, runs it over the TempEval-3
# platinum texts, copies the chrono-node peer to target/peer-chrono (shared/ may be read-only)
# and installs its pinned dependencies there if needed, runs it, scores both with the kit's
# scorer and prints the two side by side with the throughput ratio.
# REPEAT (default 20) sets the timed passes for both engines.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${LECTERN_SHARED:-$root/../shared}"
kit="$shared/bench/timex"
gold="$kit/gold/te3-platinum.jsonl"
out="${1:-$root/target/bench-timex}"
export REPEAT="${REPEAT:-20}"
target="${CARGO_TARGET_DIR:-$root/target}"

[ -f "$gold" ] || { echo "timex.sh: no gold file at $gold (set LECTERN_SHARED)" >&2; exit 1; }
mkdir -p "$out/lectern" "$out/chrono"
out="$(cd "$out" && pwd)"

echo "== building timex_bench (release)"
(cd "$root" && cargo build --quiet --release -p lectern-core --example timex_bench)

echo "== lectern"
lectern_log="$("$target/release/examples/timex_bench" "$gold" "$out/lectern/timex.json")"
echo "$lectern_log"

echo "== chrono-node"
peer="$root/target/peer-chrono"
mkdir -p "$peer"
cp "$kit/peer-chrono/run.mjs" "$kit/peer-chrono/package.json" "$kit/peer-chrono/package-lock.json" "$peer/"
if [ ! -d "$peer/node_modules/chrono-node" ]; then
  (cd "$peer" && npm install --no-audit --no-fund --silent)
fi
chrono_log="$(TZ=UTC node "$peer/run.mjs" "$out/chrono" "$kit/gold")"
echo "$chrono_log"

echo "== scores"
python3 "$kit/score.py" "$out/lectern/timex.json" --json "$out/lectern-score.json" > "$out/lectern-score.txt"
python3 "$kit/score.py" "$out/chrono" --json "$out/chrono-score.json" > "$out/chrono-score.txt"

python3 - "$out" "$lectern_log" "$chrono_log" <<'PY'
import json, re, sys
out, lectern_log, chrono_log = sys.argv[1], sys.argv[2], sys.argv[3]

def kbs(log):
    m = re.findall(r"->\s*([0-9.]+)\s*KB/s", log)
    return float(m[-1]) if m else float("nan")

lt = open(f"{out}/lectern-score.txt").read()
ct = open(f"{out}/chrono-score.txt").read()

def grab(text, pattern):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else float("nan")

rows = [
    ("strict F1 (all types)", r"all types\s+strict\s*:.*?F1=([0-9.]+)"),
    ("relaxed F1 (all types)", r"all types\s+relaxed:.*?F1=([0-9.]+)"),
    ("DATE relaxed F1", r"DATE\s+relaxed:.*?F1=([0-9.]+)"),
    ("DATE value accuracy", r"accuracy=([0-9.]+)"),
    ("DATE value F1", r"value P=[0-9.]+ R=[0-9.]+ F1=([0-9.]+)"),
]
print(f"{'metric':28} {'lectern':>10} {'chrono-node':>12}")
for name, pat in rows:
    print(f"{name:28} {grab(lt, pat):10.3f} {grab(ct, pat):12.3f}")
l, c = kbs(lectern_log), kbs(chrono_log)
print(f"{'throughput KB/s (median)':28} {l:10.0f} {c:12.0f}")
print(f"throughput ratio lectern/chrono: {l / c:.1f}x")
PY
echo "(full reports: $out/lectern-score.txt, $out/chrono-score.txt)"
