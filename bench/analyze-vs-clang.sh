#!/usr/bin/env bash
# analyze-vs-clang.sh [MODULES] [SITE_EVERY]
#
# Times `dosc analyze` (release build) against `clang -fsyntax-only` on the same
# large C file, generated deterministically by bench/gen-large-c.sh (MODULES blocks
# of about 99 lines, default 250: ~24,500 lines; a four-site `#pragma dosc task`
# driver every SITE_EVERY blocks, default 50: 20 sites). Reports the median of each
# and their ratio (goal: dosc/clang under 1.5).
#
# Environment: DOSC (default .build/release/dosc, built with `swift build -c release`),
# CLANG (default clang-14, the version of the libclang dosc links, else clang),
# RUNS (default 20), WARMUP (default 3).
set -eu
MODULES=${1:-250}
EVERY=${2:-50}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

if [ -z "${DOSC:-}" ]; then
    (cd "$ROOT" && swift build -c release >/dev/null) || { echo "analyze-vs-clang: release build failed" >&2; exit 2; }
    DOSC=$ROOT/.build/release/dosc
fi
if [ -z "${CLANG:-}" ]; then
    if command -v clang-14 >/dev/null 2>&1; then CLANG=$(command -v clang-14); else CLANG=$(command -v clang); fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dosc-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# a private copy, so that a concurrent build cannot swap the binary mid-measurement
cp "$DOSC" "$WORK/dosc"
SRC="$WORK/large.c"
"$ROOT/bench/gen-large-c.sh" "$MODULES" "$EVERY" >"$SRC"
lines=$(wc -l <"$SRC"); bytes=$(wc -c <"$SRC"); sites=$(grep -c '^#pragma dosc task$' "$SRC" || true)

# both must succeed on the file before it is worth timing
"$CLANG" -fsyntax-only "$SRC" || { echo "analyze-vs-clang: $CLANG rejects the file" >&2; exit 1; }
"$WORK/dosc" analyze "$SRC" -o "$WORK/large.dosc.json" || { echo "analyze-vs-clang: dosc analyze failed" >&2; exit 1; }

DOSC_CMD="$WORK/dosc analyze $SRC -o $WORK/large.dosc.json"
CLANG_CMD="$CLANG -fsyntax-only $SRC"

median_of() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if command -v hyperfine >/dev/null 2>&1 && command -v jq >/dev/null 2>&1; then
    hyperfine -N -w "$WARMUP" -r "$RUNS" --export-json "$WORK/times.json" -n clang "$CLANG_CMD" -n dosc "$DOSC_CMD" >&2
    clang_s=$(jq -r '.results[] | select(.command == "clang") | .median' "$WORK/times.json")
    dosc_s=$(jq -r '.results[] | select(.command == "dosc") | .median' "$WORK/times.json")
else
    time_runs() {
        for ((i = 0; i < WARMUP; i++)); do $1 >/dev/null 2>&1; done
        for ((i = 0; i < RUNS; i++)); do
            t0=$(date +%s%N); $1 >/dev/null 2>&1; t1=$(date +%s%N)
            echo "$(( (t1 - t0) / 1000 ))" | awk '{ print $1 / 1e6 }'
        done | median_of
    }
    clang_s=$(time_runs "$CLANG_CMD")
    dosc_s=$(time_runs "$DOSC_CMD")
fi

awk -v c="$clang_s" -v d="$dosc_s" -v l="$lines" -v b="$bytes" -v s="$sites" -v cl="$(basename "$CLANG")" -v r="$RUNS" 'BEGIN {
    printf "file: %d lines, %d bytes, %d task sites (bench/gen-large-c.sh)\n", l, b, s
    printf "%s -fsyntax-only: median %.1f ms (%d runs)\n", cl, c * 1000, r
    printf "dosc analyze (release): median %.1f ms (%d runs)\n", d * 1000, r
    printf "ratio dosc/clang: %.2fx (goal < 1.5x)\n", d / c
}'
