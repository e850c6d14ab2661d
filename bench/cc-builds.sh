#!/usr/bin/env bash
# bench/cc-builds.sh: what dosc costs a build as its C compiler, side by side with plain cc in one
# run: plain `cc`, the `dosc-cc` launcher as make installs it (scripts/build-dosc-cc.sh: plain
# compiles and links that need nothing from dosc done in C, everything else handed to dosc) and
# `dosc cc` (the Swift tool throughout).
#   - a one-line file and a 1,000-line file without pragmas, `-O2 -c` / `-O1 -c`;
#   - the generated project (bench/gen-c-project.sh, 31 files, ~2,700 functions) with no pragma
#     at all, then with its default pragmas (6 files with sites, main.c spawning a task from
#     every file, so the link analyzes every file), `make -j2` from clean;
#   - zlib (scripts/fetch-zlib.sh), its own Makefile after its own configure, `make -j2` from clean.
# Prints a Markdown table: hyperfine's wall-clock medians and mean CPU time (user + system of
# every process, which a busy shared machine disturbs less), and each one's ratio to cc's.
# DOSC=path picks the dosc executable (default: the release build if there is one, else the
# debug build); RUNS=n the runs per build (default 3; the single files get 10x as many).
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

# The launcher finds dosc beside itself, as in an installed prefix; dosc under the name dosc-cc
# is `dosc cc` (what dosc-cc was before the launcher).
mkdir "$work/bin" "$work/swift"
ln -s "$dosc" "$work/bin/dosc"
"$root/scripts/build-dosc-cc.sh" "$work/bin/dosc-cc"
launcher=$work/bin/dosc-cc
ln -s "$dosc" "$work/swift/dosc-cc"
swift=$work/swift/dosc-cc

# measure NAME RUNS PREPARE PLAIN LAUNCHER DOSC-CC: hyperfine's medians and CPU times into NAME.
measure() {
  hyperfine -N -w 1 -r "$2" --prepare "$3" --export-json "$work/$1.json" "$4" "$5" "$6" > /dev/null
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"]
print(*[x["median"] for x in r], *[x["user"] + x["system"] for x in r])' "$work/$1.json" > "$work/$1.txt"
}

echo 'int one(void) { return 1; }' > "$work/one.c"
"$root/bench/gen-c-project.sh" "$work/plain-files" 30 10 1000000 0 > /dev/null
"$root/bench/gen-c-project.sh" "$work/pragmas" 30 10 > /dev/null
"$root/scripts/fetch-zlib.sh" "$work/zlib" > /dev/null
for tree in plain-files pragmas zlib; do
  cp -a "$work/$tree" "$work/$tree-launcher"
  cp -a "$work/$tree" "$work/$tree-dosc"
done
(cd "$work/zlib" && CC=cc ./configure > /dev/null)
(cd "$work/zlib-launcher" && CC="$launcher" ./configure > /dev/null)
(cd "$work/zlib-dosc" && CC="$swift" ./configure > /dev/null)

cd "$work"
measure one $((runs * 10)) "rm -f x.o" "cc -O2 -c one.c -o x.o" "$launcher -O2 -c one.c -o x.o" \
  "$swift -O2 -c one.c -o x.o"
cd "$work/plain-files"
measure file $((runs * 10)) "rm -f x.o" "cc -O1 -std=c11 -c mod3.c -o x.o" "$launcher -O1 -std=c11 -c mod3.c -o x.o" \
  "$swift -O1 -std=c11 -c mod3.c -o x.o"
clean() { echo "sh -c 'for d in $work/$1 $work/$1-launcher $work/$1-dosc; do make -s -C \$d clean; done'"; }
measure noprag "$runs" "$(clean plain-files)" "make -s -j2 -C $work/plain-files CC=cc" \
  "make -s -j2 -C $work/plain-files-launcher CC=$launcher" "make -s -j2 -C $work/plain-files-dosc CC=$swift"
measure prag "$runs" "$(clean pragmas)" "make -s -j2 -C $work/pragmas CC=cc" \
  "make -s -j2 -C $work/pragmas-launcher CC=$launcher" "make -s -j2 -C $work/pragmas-dosc CC=$swift"
measure zlib "$runs" "$(clean zlib)" "make -s -j2 -C $work/zlib" "make -s -j2 -C $work/zlib-launcher" \
  "make -s -j2 -C $work/zlib-dosc"

echo "| build | plain cc | dosc-cc | ratio | dosc cc | ratio | CPU plain cc | CPU dosc-cc | ratio | CPU dosc cc | ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
row() { # row LABEL NAME UNIT
  local plain launched swift plaincpu launchedcpu swiftcpu
  read -r plain launched swift plaincpu launchedcpu swiftcpu < "$work/$2.txt"
  awk -v l="$1" -v p="$plain" -v a="$launched" -v s="$swift" -v pc="$plaincpu" -v ac="$launchedcpu" \
    -v sc="$swiftcpu" -v u="$3" 'BEGIN {
    f = u == "ms" ? 1000 : 1; n = 1
    printf "| %s | %.*f %s | %.*f %s | %.2fx | %.*f %s | %.2fx | %.*f %s | %.*f %s | %.2fx | %.*f %s | %.2fx |\n",
      l, n, p * f, u, n, a * f, u, a / p, n, s * f, u, s / p,
      n, pc * f, u, n, ac * f, u, ac / pc, n, sc * f, u, sc / pc }'
}
row "one-line file without pragmas (-O2 -c)" one ms
row "1,000-line file without pragmas (-O1 -c)" file ms
row "generated project, no pragmas (31 files, make -j2)" noprag s
row "generated project, pragmas (6 files with sites, 300 spawned tasks, make -j2)" prag s
row "zlib 1.2.13 (its configure and Makefile, make -j2)" zlib s
