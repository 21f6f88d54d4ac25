#!/usr/bin/env bash
# Extraction benchmark: Lectern's extract::html against Mozilla Readability (the peer),
# on the 130 pages of ../shared/bench/extraction, scored by the kit's own scorer.
#
# Usage: bench/extraction.sh [OUT_DIR]        (default: target/bench-extraction)
#   LECTERN_SHARED  the shared folder (default: ../shared next to the repository)
#   PYTHON          the Python interpreter for the scorer (default: python3)
#
# Writes OUT_DIR/lectern/ and OUT_DIR/peer/ (one JSON per page plus _timing.json), their
# score reports OUT_DIR/{lectern,peer}-score.json, and prints both summaries side by side.
# The peer's npm dependencies are installed once into a copy of its folder under the
# cargo target directory, since the shared folder may be read-only.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${LECTERN_SHARED:-$REPO/../shared}"
SHARED="$(cd "$SHARED" && pwd)"
KIT="$SHARED/bench/extraction"
PY="${PYTHON:-python3}"
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
OUT="${1:-$REPO/target/bench-extraction}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

echo "== building the runner (release)"
(cd "$REPO" && cargo build --release -q -p lectern-core --example extraction_bench)

echo "== lectern"
"$TARGET/release/examples/extraction_bench" "$KIT/pages" "$OUT/lectern"

PEER="$TARGET/bench-peer-readability"
if [ ! -d "$PEER/node_modules" ] || ! (cd "$PEER" && npm ls --depth=0 >/dev/null 2>&1); then
  echo "== npm install for the peer (in $PEER)"
  mkdir -p "$PEER"
  cp "$KIT/peer-readability/package.json" "$KIT/peer-readability/package-lock.json" "$KIT/peer-readability/run.mjs" "$PEER/"
  (cd "$PEER" && npm install --no-audit --no-fund)
fi
cp "$KIT/peer-readability/run.mjs" "$PEER/run.mjs"
echo "== peer: @mozilla/readability + jsdom"
node "$PEER/run.mjs" "$OUT/peer" "$KIT/pages"

echo "== scores"
"$PY" "$KIT/score.py" "$OUT/lectern" --pages "$KIT/pages" --json "$OUT/lectern-score.json" --per-page > "$OUT/lectern-per-page.txt"
"$PY" "$KIT/score.py" "$OUT/peer" --pages "$KIT/pages" --json "$OUT/peer-score.json" --per-page > "$OUT/peer-per-page.txt"

"$PY" - "$OUT" <<'PYEOF'
import json, sys
out = sys.argv[1]
def load(name):
    with open(f"{out}/{name}-score.json", encoding="utf-8") as fh:
        return json.load(fh)
def find(report, *keys):
    """Looks a figure up by the first of several possible key paths."""
    for path in keys:
        node = report
        try:
            for k in path.split("."):
                node = node[k]
            return node
        except (KeyError, TypeError):
            continue
    return None
lectern, peer = load("lectern"), load("peer")
rows = [
    ("mean F1", "mean_f1", "{:.4f}"),
    ("median F1", "median_f1", "{:.4f}"),
    ("title exact", "title_accuracy", "{:.4f}"),
    ("median ms/page", "timing.median_ms", "{:.2f}"),
    ("sum ms", "timing.sum_ms", "{:.0f}"),
]
print(f"{'':16}{'lectern':>12}{'readability':>14}")
for label, key, fmt in rows:
    show = lambda v: "-" if v is None else fmt.format(v)
    print(f"{label:16}{show(find(lectern, key)):>12}{show(find(peer, key)):>14}")
a, b = find(lectern, "timing.median_ms"), find(peer, "timing.median_ms")
if a and b:
    print(f"median time ratio: the peer takes {b / a:.1f}x as long as Lectern")
print(f"worst pages: {out}/lectern-per-page.txt (first lines)")
PYEOF
head -5 "$OUT/lectern-per-page.txt"
