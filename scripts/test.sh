#!/usr/bin/env bash
# The whole test suite: set-up, the runtime's own tests, the Swift tests (analyzer, compile,
# examples under every binding), and a small Csmith robustness sample.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make -s -C Runtime
make -s -C Runtime check
swift build
swift test 2>&1 | tee .build/swift-test.log | grep -vE '^(\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Emitting|Linking)' || {
  echo "swift test failed"; exit 1; }
grep -qE "Test run with [0-9]+ tests? (in [0-9]+ suites? )?passed" .build/swift-test.log || {
  echo "swift test did not report success"; exit 1; }
if [ -x scripts/csmith-fuzz.sh ]; then scripts/csmith-fuzz.sh 25 1; fi
echo "all test stages passed"
