#!/usr/bin/env bash
# The main job: build dosc, analyze the row-block matrix multiply, show the manifest, and,
# where `dosc compile` is available, build and run it under each binding.
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
if $dosc compile --help >/dev/null 2>&1; then
  $dosc compile Examples/matmul/matmul.c -O2 -o "$out/matmul"
  cc -O2 Examples/matmul/matmul.c -o "$out/matmul-plain"
  echo "== plain C:        $("$out/matmul-plain" 512)"
  for bind in inline local auto; do
    echo "== DOSC_BIND=$bind: $(DOSC_BIND=$bind "$out/matmul" 512)"
  done
  echo "== bindings chosen (DOSC_TRACE=1):"
  DOSC_TRACE=1 "$out/matmul" 512 2>&1 >/dev/null | sed 's/^/   /'
fi
rm -rf "$out"
