#!/usr/bin/env bash
# The main job: build dosc, analyze the row-block matrix multiply, show the manifest, then
# build it with dosc and run it under each binding beside the plain C build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release
make -s -C Runtime
dosc=.build/release/dosc
out=$(mktemp -d)
$dosc analyze Examples/matmul/matmul.c -o "$out/matmul.dosc.json"
echo "== manifest of Examples/matmul/matmul.c"
cat "$out/matmul.dosc.json"
$dosc compile Examples/matmul/matmul.c -O2 -o "$out/matmul"
cc -O2 -Wno-unknown-pragmas Examples/matmul/matmul.c -o "$out/matmul-plain"
echo "== plain C:         $("$out/matmul-plain" 768)"
for bind in inline local auto; do
  echo "== DOSC_BIND=$bind: $(DOSC_BIND=$bind "$out/matmul" 768)"
done
echo "== bindings chosen (DOSC_TRACE=1):"
DOSC_TRACE=1 "$out/matmul" 768 2>&1 >/dev/null | sed 's/^/   /'
if command -v hyperfine >/dev/null; then
  echo "== time, plain C against dosc (n = 768):"
  hyperfine -N -w 1 -r 3 "$out/matmul-plain 768" "$out/matmul 768" 2>/dev/null | grep -E "Time|faster|Benchmark" | sed 's/^/   /'
fi
rm -rf "$out"
