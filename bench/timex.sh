#!/usr/bin/env bash
# Timex benchmark: Lectern's tagger against the chrono-node peer, in the same run.
#
#   bench/timex.sh [OUT_DIR]      (default OUT_DIR: target/bench-timex)
#
# Finds the shared benchmark kit at ../shared relative to the repository root (override with
# LECTERN_SHARED). Builds the `timex_bench` example in release, copies the chrono-node peer
# to target/peer-chrono (shared/ may be read-only) and installs its pinned dependencies there
# if needed, then runs the two over the TempEval-3 platinum texts **interleaved**: ROUNDS
# rounds (default 7), each running both engines back to back (REPEAT timed passes each,
# default 20; who goes first alternates), so that both see the same load. On a machine shared
# with other work, a ratio of two runs minutes apart measures the load, not the tagger.
# Prints each round's throughputs, ratio and load average, then the median of each engine
# and the median ratio; scores both outputs with the kit's scorer.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${LECTERN_SHARED:-$root/../shared}"
kit="$shared/bench/timex"
gold="$kit/gold/te3-platinum.jsonl"
out="${1:-$root/target/bench-timex}"
export REPEAT="${REPEAT:-20}"
rounds="${ROUNDS:-7}"
target="${CARGO_TARGET_DIR:-$root/target}"

[ -f "$gold" ] || { echo "timex.sh: no gold file at $gold (set LECTERN_SHARED)" >&2; exit 1; }
mkdir -p "$out/lectern" "$out/chrono"
out="$(cd "$out" && pwd)"

echo "== building timex_bench (release)"
(cd "$root" && cargo build --quiet --release -p lectern-core --example timex_bench)

peer="$root/target/peer-chrono"
mkdir -p "$peer"
cp "$kit/peer-chrono/run.mjs" "$kit/peer-chrono/package.json" "$kit/peer-chrono/package-lock.json" "$peer/"
if [ ! -d "$peer/node_modules/chrono-node" ]; then
  (cd "$peer" && npm install --no-audit --no-fund --silent)
fi

kbs() { sed -n 's/.*-> *\([0-9.]*\) *KB\/s.*/\1/p' | tail -n 1; }
run_lectern() { "$target/release/examples/timex_bench" "$gold" "$out/lectern/timex.json" | tee "$out/lectern.log" | kbs; }
run_chrono() { TZ=UTC node "$peer/run.mjs" "$out/chrono" "$kit/gold" | tee "$out/chrono.log" | kbs; }
load() { cut -d ' ' -f 1 /proc/loadavg; }

echo "== $rounds interleaved rounds, $REPEAT timed passes per engine each (median pass)"
printf '%-6s %-15s %12s %12s %7s %6s\n' round first "lectern KB/s" "chrono KB/s" ratio load
: > "$out/rounds.tsv"
for round in $(seq 1 "$rounds"); do
  before="$(load)"
  if [ $((round % 2)) -eq 1 ]; then
    first=lectern; l="$(run_lectern)"; c="$(run_chrono)"
  else
    first=chrono-node; c="$(run_chrono)"; l="$(run_lectern)"
  fi
  after="$(load)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$first" "$l" "$c" "$before" "$after" >> "$out/rounds.tsv"
  awk -v r="$round" -v f="$first" -v l="$l" -v c="$c" -v a="$before" -v b="$after" \
    'BEGIN { printf "%-6s %-15s %12.0f %12.0f %6.1fx %s→%s\n", r, f, l, c, l / c, a, b }'
done

echo "== scores"
python3 "$kit/score.py" "$out/lectern/timex.json" --json "$out/lectern-score.json" > "$out/lectern-score.txt"
python3 "$kit/score.py" "$out/chrono" --json "$out/chrono-score.json" > "$out/chrono-score.txt"

python3 - "$out" <<'PY'
import re, statistics, sys
out = sys.argv[1]
rounds = [line.split("\t") for line in open(f"{out}/rounds.tsv").read().splitlines()]
lectern = [float(r[2]) for r in rounds]
chrono = [float(r[3]) for r in rounds]
ratios = [l / c for l, c in zip(lectern, chrono)]
loads = [float(x) for r in rounds for x in r[4:6]]

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
print(f"{'throughput KB/s (median)':28} {statistics.median(lectern):10.0f} {statistics.median(chrono):12.0f}")
print(
    f"throughput ratio lectern/chrono: median {statistics.median(ratios):.1f}x over {len(ratios)} interleaved rounds "
    f"(min {min(ratios):.1f}x, max {max(ratios):.1f}x; load average {min(loads):.1f}–{max(loads):.1f})"
)
PY
echo "(full reports: $out/lectern-score.txt, $out/chrono-score.txt)"
