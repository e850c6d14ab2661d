#!/usr/bin/env bash
# bench/cc-builds.sh: what `dosc cc` costs a build, side by side with plain cc in one run.
#   - one file without pragmas (a 10-module file of the generated project), `-O1 -c`;
#   - the generated project (bench/gen-c-project.sh, 31 files, ~2,700 functions) with no pragma
#     at all, then with its default pragmas (a few files with sites, main.c spawning a task from
#     every file, so the link analyzes every file), `make -j2` from clean;
#   - zlib (scripts/fetch-zlib.sh), its own Makefile after its own configure, `make -j2` from clean.
# Prints a Markdown table of hyperfine medians. DOSC=path picks the dosc executable (default: the
# release build if there is one, else the debug build); RUNS=n the runs per build (default 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-}
if [ -z "$dosc" ]; then
  dosc=$root/.build/release/dosc
  [ -x "$dosc" ] || dosc=$root/.build/debug/dosc
fi
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME PREPARE PLAIN DOSC: hyperfine medians (seconds) of both commands into NAME.
measure() {
  hyperfine -w 1 -r "$runs" --prepare "$2" --export-json "$work/$1.json" "$3" "$4" > /dev/null
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"]
print(*[x["median"] for x in r], *[x["user"] + x["system"] for x in r])' "$work/$1.json" > "$work/$1.txt"
}

"$root/bench/gen-c-project.sh" "$work/plain-files" 30 10 1000000 0 > /dev/null
"$root/bench/gen-c-project.sh" "$work/pragmas" 30 10 > /dev/null
cp -a "$work/plain-files" "$work/plain-files-dosc"
cp -a "$work/pragmas" "$work/pragmas-dosc"
"$root/scripts/fetch-zlib.sh" "$work/zlib" > /dev/null
cp -a "$work/zlib" "$work/zlib-dosc"
ln -s "$dosc" "$work/dosc-cc"
(cd "$work/zlib" && CC=cc ./configure > /dev/null)
(cd "$work/zlib-dosc" && CC="$work/dosc-cc" ./configure > /dev/null)

cd "$work/plain-files"
measure file "rm -f x.o x.o.dosc.json" "cc -O1 -std=c11 -c mod3.c -o x.o" "$dosc cc -O1 -std=c11 -c mod3.c -o x.o"
measure noprag "make -s -C $work/plain-files clean; make -s -C $work/plain-files-dosc clean" \
  "make -s -j2 -C $work/plain-files CC=cc" "make -s -j2 -C $work/plain-files-dosc CC='$dosc cc'"
measure prag "make -s -C $work/pragmas clean; make -s -C $work/pragmas-dosc clean" \
  "make -s -j2 -C $work/pragmas CC=cc" "make -s -j2 -C $work/pragmas-dosc CC='$dosc cc'"
measure zlib "make -s -C $work/zlib clean; make -s -C $work/zlib-dosc clean" \
  "make -s -j2 -C $work/zlib" "make -s -j2 -C $work/zlib-dosc"

# Wall-clock medians, and the CPU time (user + system, mean, with every child process), which a
# busy shared machine disturbs less.
echo "| project | plain cc | dosc cc | ratio | CPU plain | CPU dosc cc | CPU ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row() { # row LABEL NAME UNIT
  read -r plain doscs plaincpu dosccpu < "$work/$2.txt"
  awk -v l="$1" -v p="$plain" -v d="$doscs" -v pc="$plaincpu" -v dc="$dosccpu" -v u="$3" 'BEGIN {
    f = u == "ms" ? 1000 : 1; n = u == "ms" ? 0 : 1
    printf "| %s | %.*f %s | %.*f %s | %.2fx | %.*f %s | %.*f %s | %.2fx |\n", l, n, p * f, u, n, d * f, u, d / p,
      n, pc * f, u, n, dc * f, u, dc / pc }'
}
row "one file without pragmas (1,000 lines, -O1 -c)" file ms
row "generated project, no pragmas (31 files, make -j2)" noprag s
row "generated project, pragmas (6 files with sites, 300 spawned tasks, make -j2)" prag s
row "zlib 1.2.13 (its configure and Makefile, make -j2)" zlib s
