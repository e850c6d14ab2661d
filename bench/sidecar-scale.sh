#!/usr/bin/env bash
# sidecar-scale.sh [SITES...] [-- RUNS]: what a sidecar of many sites costs a program at start-up.
#
# For each SITES (default 1000 30000 300000) writes a sidecar in the analyzer's format (pretty
# printed, keys sorted, as `dosc cc` writes it: per site its binding, function, id, location and
# task; every site "inline"), then runs Runtime/tests/many_sites_test.c (a unit of SITES sites,
# DOSC_THREADS=2) RUNS times (default 5) with the sidecar and with none (the floor: the same
# decisions without reading anything), interleaved. The table has the medians and spreads of the
# CPU time at the end of dosc_start (user + system: a loaded machine stretches wall time, not
# this) and of the peak resident set, and what the sidecar adds per site.
# $LIBDOSC_BEFORE (a libdosc.a) adds a row per size for that library, built the same way.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
sizes=()
RUNS=5
while [ $# -gt 0 ]; do
  if [ "$1" = -- ]; then RUNS=$2; break; fi
  sizes+=("$1")
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 30000 300000)
work=$(mktemp -d /tmp/dosc-sidecar-scale.XXXXXX)
trap 'rm -rf "$work"' EXIT
make -s -C "$root/Runtime" build/libdosc.a
build() { # build NAME LIBDOSC
  cc -O2 -std=c11 -pthread -D__DOSC__=1 -I"$root/Runtime/include" "$root/Runtime/tests/many_sites_test.c" \
    -o "$work/$1" "$2" -ljansson -pthread
}
build after "$root/Runtime/build/libdosc.a"
variants="after"
if [ -n "${LIBDOSC_BEFORE:-}" ]; then build before "$LIBDOSC_BEFORE"; variants="before after"; fi
for sites in "${sizes[@]}"; do
  python3 - "$work/scale-$sites.dosc.json" "$sites" <<'PY'
import json, sys
path, sites = sys.argv[1], int(sys.argv[2])
manifest = {
    "schema": "dosc-manifest/1", "source_hash": f"sidecar-scale-{sites}", "sources": ["scale.c"],
    "sites": [{"binding": "inline", "function": "main", "id": i,
               "location": {"column": 3, "file": "scale.c", "line": 5 + 3 * i}, "task": "work"}
              for i in range(sites)],
    "tasks": [{"location": {"column": 6, "file": "scale.c", "line": 3}, "name": "work", "opaque": False,
               "params": [{"access": "readwrite", "bytes": 256, "count": 64, "element_size": 4, "first": 0,
                           "name": "a", "reads": 64, "type": "int *", "writes": 64}],
               "reasons": [], "recursive": False, "remotable": True, "returns": "void", "work": 449}],
}
with open(path, "w") as out:
    json.dump(manifest, out, indent=2, sort_keys=True, separators=(",", " : "))
PY
done
# one RUN: "ms<TAB>kb" of one start
one() { # one PROGRAM SITES SIDECAR
  local line
  line=$(env -u DOSC_BIND -u DOSC_TRACE DOSC_THREADS=2 XDG_CONFIG_HOME="$work/none" DOSC_MANIFEST="$3" \
    "$work/$1" "$2" "sidecar-scale-$2" 2>/dev/null)
  case $1:$3 in
    *:"$work/missing.json") [ "${line##*inline=}" = 0 ] ;;
    *) [ "${line##*inline=}" = "$2" ] || { echo "sidecar-scale: $1 did not read the sidecar of $2 sites: $line" >&2; exit 1; } ;;
  esac
  echo "$line" | sed 's/start_ms=[^ ]* cpu_ms=\([^ ]*\) peak_kb=\([^ ]*\) .*/\1\t\2/'
}
stats() { # stats FILE COLUMN: "median (min-max)"
  cut -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { printf "%s (%s-%s)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}
median() { cut -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "| sites | sidecar bytes | library | CPU ms, no sidecar | CPU ms, sidecar | per site us | peak KB, no sidecar | peak KB, sidecar | per site B |"
echo "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for sites in "${sizes[@]}"; do
  sidecar="$work/scale-$sites.dosc.json"
  for variant in $variants; do : >"$work/$variant-with" && : >"$work/$variant-without"; done
  for ((run = 0; run < RUNS; run++)); do
    for variant in $variants; do
      one "$variant" "$sites" "$sidecar" >>"$work/$variant-with"
      one "$variant" "$sites" "$work/missing.json" >>"$work/$variant-without"
    done
  done
  for variant in $variants; do
    w="$work/$variant-with" wo="$work/$variant-without"
    awk -v s="$sites" -v b="$(stat -c %s "$sidecar")" -v v="$variant" -v t0="$(stats "$wo" 1)" -v t1="$(stats "$w" 1)" \
      -v m0="$(median "$wo" 1)" -v m1="$(median "$w" 1)" -v k0="$(stats "$wo" 2)" -v k1="$(stats "$w" 2)" \
      -v p0="$(median "$wo" 2)" -v p1="$(median "$w" 2)" 'BEGIN {
        printf "| %d | %d | %s | %s | %s | %.2f | %s | %s | %.0f |\n", s, b, v, t0, t1, (m1 - m0) * 1000 / s, k0, k1, (p1 - p0) * 1024 / s }'
  done
done
