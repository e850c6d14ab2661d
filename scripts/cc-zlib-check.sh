#!/usr/bin/env bash
# cc-zlib-check.sh: a real open-source C project, zlib, built by its own unmodified build
# (./configure && make) and checked by its own tests (make test), once with plain cc and once
# with CC=dosc-cc. Passes when both builds and both test runs pass and every object (static .o
# and shared .lo) is byte-identical to plain cc's. A `.dosc.manifest` section, which dosc may add
# to an object, is removed from both copies before comparing, so the check holds either way.
# The source comes from Debian's archive (scripts/fetch-zlib.sh). Prints timings for both builds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-$root/.build/debug/dosc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$("$root/scripts/fetch-zlib.sh" "$work/plain")
cp -a "$work/plain" "$work/dosc"
# The dosc-cc launcher beside dosc (swift build makes both); it runs that dosc for what it
# does not compile itself.
launcher=$(dirname "$dosc")/dosc-cc

now() { date +%s.%N; }
build() { # build VARIANT CC
  local start end
  start=$(now)
  (cd "$work/$1" && CC=$2 ./configure > configure.out 2>&1 && make -j2 > make.out 2>&1) || {
    echo "zlib: the $1 build failed"; tail -20 "$work/$1/configure.out" "$work/$1/make.out" 2>/dev/null; return 1; }
  end=$(now)
  (cd "$work/$1" && make test > test.out 2>&1) || { echo "zlib: the $1 build's 'make test' failed"; tail -20 "$work/$1/test.out"; return 1; }
  grep -q '\*\*\* zlib test OK \*\*\*' "$work/$1/test.out" || { echo "zlib: no 'zlib test OK' from the $1 build"; return 1; }
  echo "zlib $version: $1 build $(awk "BEGIN { printf \"%.1f\", $end - $start }") s"
}
build plain cc
build dosc "$launcher"

compared=0
differ=0
for object in $(cd "$work/plain" && ls *.o *.lo); do
  for variant in plain dosc; do
    objcopy --remove-section .dosc.manifest "$work/$variant/$object" "$work/$variant.$object.stripped"
  done
  if cmp -s "$work/plain.$object.stripped" "$work/dosc.$object.stripped"; then
    compared=$((compared + 1))
  else
    echo "zlib: $object differs from plain cc's"; differ=$((differ + 1))
  fi
done
[ "$compared" -ge 30 ] || { echo "zlib: only $compared objects compared"; exit 1; }
[ "$differ" = 0 ] || exit 1
echo "zlib $version: $compared objects byte-identical to plain cc's; both builds pass 'make test'"
