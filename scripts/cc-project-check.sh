#!/usr/bin/env bash
# cc-project-check.sh [FILES] [MODULES_PER_FILE]: a generated C project (bench/gen-c-project.sh:
# 30 files of some 100 functions each by default, a few with `#pragma dosc`, a main.c spawning
# a task from every file) built by its plain Makefile with `make -j2 CC=dosc-cc` (the launcher
# beside dosc: plain files compiled by it, the rest by dosc) and with
# `make -j2 CC=cc`. Passes when the dosc build links, its sidecar gives every task the figures
# of the file that defines it (none left opaque), and the program prints what the plain build
# prints on 1 and 2 threads and under every forced binding.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-$root/.build/debug/dosc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bench/gen-c-project.sh" "$work/plain" "${1:-30}" "${2:-10}"
cp -a "$work/plain" "$work/dosc"
make -s -j2 -C "$work/plain" CC=cc > /dev/null
make -s -j2 -C "$work/dosc" CC="$(dirname "$dosc")/dosc-cc" > "$work/dosc.out" 2>&1 || { echo "project: the dosc cc build failed"; tail -20 "$work/dosc.out"; exit 1; }
expected=$("$work/plain/project" 8)
fail=0
for environment in DOSC_THREADS=1 DOSC_THREADS=2 DOSC_BIND=inline DOSC_BIND=local DOSC_BIND=remote; do
  got=$(env "$environment" "$work/dosc/project" 8 2> "$work/run.err") || { echo "project: $environment: exit $?"; fail=1; }
  [ "$got" = "$expected" ] || { echo "project: $environment printed '$got', plain cc's build '$expected'"; fail=1; }
  [ ! -s "$work/run.err" ] || { echo "project: $environment: $(head -3 "$work/run.err")"; fail=1; }
done
python3 - "$work/dosc/project.dosc.json" <<'PY' || fail=1
import json, sys
manifest = json.load(open(sys.argv[1]))
opaque = [t["name"] for t in manifest["tasks"] if t.get("opaque")]
units = len(manifest.get("units", []))
print(f"project: {len(manifest['sites'])} sites over {units} units, {len(manifest['tasks'])} tasks, {len(opaque)} opaque")
sys.exit(1 if opaque or units < 2 else 0)
PY
functions=$(grep -hcE '^[a-z].*\) \{$' "$work/plain"/*.c | awk '{ s += $1 } END { print s }')
[ "$fail" = 0 ] && echo "project: $functions functions in $(ls "$work/plain"/*.c | wc -l) files built with make -j2 CC=dosc-cc: same output as cc's"
exit "$fail"
