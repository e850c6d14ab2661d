#!/bin/sh
# bench/run.sh - the "Runtime and compile" benchmarks of BENCHMARKS.md, all ratios measured
# side by side in one run on this machine:
#   fib(34), both recursive calls spawned: dosc (1 and 2 threads) vs the plain -O2 build, and
#     the same program with `#pragma omp task` under GCC/libgomp and clang-14/libomp;
#   matmul (n = 768) and mandelbrot on 2 threads: dosc vs plain vs OpenMP `parallel for`;
#   start-up of hello world: dosc vs plain.
# Prints a Markdown table (times are hyperfine medians). Needs hyperfine, gcc, clang-14 and
# libomp-dev, and a built dosc (`swift build`; DOSC=path overrides).
#
#   usage: bench/run.sh [--quick]     (--quick: fewer runs, for a smoke test)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-$repo/.build/debug/dosc}
runs_fast=20
runs_slow=3
runs_omp=2
if [ "${1:-}" = "--quick" ]; then runs_fast=3 runs_slow=1 runs_omp=1; fi

for tool in hyperfine gcc clang-14 python3; do
  command -v $tool >/dev/null || { echo "bench/run.sh: needs $tool (apt-get install hyperfine clang-14 libomp-dev)" >&2; exit 2; }
done
[ -x "$dosc" ] || { echo "bench/run.sh: no dosc at $dosc; run 'swift build' first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/dosc-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# ---- builds ------------------------------------------------------------------
ex=$repo/Examples
for p in fib matmul mandelbrot; do
  cc -O2 -Wno-unknown-pragmas "$ex/$p/$p.c" -o $p.plain
  "$dosc" compile "$ex/$p/$p.c" -O2 -o $p.dosc
done
for p in fib matmul mandelbrot; do
  gcc -O2 -fopenmp "$repo/bench/${p}_omp.c" -o $p.gomp
  clang-14 -O2 -fopenmp "$repo/bench/${p}_omp.c" -o $p.libomp
done
cc -O2 "$repo/bench/hello.c" -o hello.plain
"$dosc" compile "$repo/bench/hello.c" -O2 -o hello.dosc

# Every program prints the same line in every variant; check before timing anything.
check() {
  expected=$(./$1.plain $2)
  for variant in dosc gomp libomp; do
    [ -x ./$1.$variant ] || continue
    got=$(env DOSC_THREADS=2 OMP_NUM_THREADS=2 ./$1.$variant $2)
    [ "$got" = "$expected" ] || { echo "bench/run.sh: $1.$variant prints '$got', expected '$expected'" >&2; exit 1; }
  done
}
check fib 30
check matmul 128
check mandelbrot "320 240 200"

# ---- measurements ------------------------------------------------------------
# measure NAME RUNS COMMAND...: one hyperfine run per command, medians into NAME.json.
measure() {
  name=$1 runs=$2
  shift 2
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$name.json" "$@" >/dev/null 2>&1
}
fib_n=34
measure fib "$runs_fast" \
  "env OMP_NUM_THREADS=1 ./fib.plain $fib_n" \
  "env DOSC_THREADS=1 ./fib.dosc $fib_n" \
  "env DOSC_THREADS=2 ./fib.dosc $fib_n"
# The same ratios where the run is long enough for start-up and the machine's noise to fade.
measure fib_long "$runs_slow" \
  "env OMP_NUM_THREADS=1 ./fib.plain 38" \
  "env DOSC_THREADS=1 ./fib.dosc 38" \
  "env DOSC_THREADS=2 ./fib.dosc 38"
measure fib_omp "$runs_omp" \
  "env OMP_NUM_THREADS=1 ./fib.gomp $fib_n" \
  "env OMP_NUM_THREADS=2 ./fib.gomp $fib_n" \
  "env OMP_NUM_THREADS=1 ./fib.libomp $fib_n" \
  "env OMP_NUM_THREADS=2 ./fib.libomp $fib_n"
mm_n=768
measure matmul "$runs_slow" \
  "env OMP_NUM_THREADS=2 ./matmul.plain $mm_n" \
  "env DOSC_THREADS=2 ./matmul.dosc $mm_n" \
  "env OMP_NUM_THREADS=2 ./matmul.gomp $mm_n" \
  "env OMP_NUM_THREADS=2 ./matmul.libomp $mm_n"
mb_args="1280 960 1000"
measure mandelbrot "$runs_slow" \
  "env OMP_NUM_THREADS=2 ./mandelbrot.plain $mb_args" \
  "env DOSC_THREADS=2 ./mandelbrot.dosc $mb_args" \
  "env OMP_NUM_THREADS=2 ./mandelbrot.gomp $mb_args" \
  "env OMP_NUM_THREADS=2 ./mandelbrot.libomp $mb_args"
measure hello $((runs_fast * 10)) ./hello.plain ./hello.dosc

# ---- the table ---------------------------------------------------------------
python3 - "$fib_n" "$mm_n" "$mb_args" <<'EOF'
import json, sys
fib_n, mm_n, mb_args = sys.argv[1:4]

def medians(name):
    return [r["median"] for r in json.load(open(name + ".json"))["results"]]

rows = []
def row(bench, variant, threads, seconds, base, goal, ok=None):
    ratio = seconds / base
    verdict = "" if ok is None else (" (met)" if ok(ratio) else " (missed)")
    rows.append((bench, variant, threads, f"{seconds * 1e3:.1f}", f"{ratio:.2f}x", goal + verdict))

plain, dosc1, dosc2 = medians("fib")
gomp1, gomp2, llvm1, llvm2 = medians("fib_omp")
b = f"fib({fib_n}), both calls spawned"
row(b, "plain C, -O2", 1, plain, plain, "")
row(b, "dosc", 1, dosc1, plain, "<= 1.10x", lambda r: r <= 1.10)
row(b, "dosc", 2, dosc2, plain, "<= 0.75x", lambda r: r <= 0.75)
row(b, "gcc -fopenmp (libgomp), omp task", 1, gomp1, plain, "")
row(b, "gcc -fopenmp (libgomp), omp task", 2, gomp2, plain, "")
row(b, "clang-14 -fopenmp (libomp), omp task", 1, llvm1, plain, "")
row(b, "clang-14 -fopenmp (libomp), omp task", 2, llvm2, plain, "")
plain, dosc1, dosc2 = medians("fib_long")
b = "fib(38), both calls spawned"
row(b, "plain C, -O2", 1, plain, plain, "")
row(b, "dosc", 1, dosc1, plain, "<= 1.10x", lambda r: r <= 1.10)
row(b, "dosc", 2, dosc2, plain, "<= 0.75x", lambda r: r <= 0.75)

for name, title in (("matmul", f"matmul n = {mm_n}"), ("mandelbrot", "mandelbrot %s x %s, max_iter %s" % tuple(mb_args.split()))):
    plain, dosc, gomp, llvm = medians(name)
    best_omp = min(gomp, llvm)
    row(title, "plain C, -O2", 1, plain, plain, "")
    row(title, "dosc", 2, dosc, plain,
        "<= 0.556x (speedup >= 1.8); %.2fx the best OpenMP" % (dosc / best_omp), lambda r: r <= 1 / 1.8)
    row(title, "gcc -fopenmp (libgomp), parallel for", 2, gomp, plain, "")
    row(title, "clang-14 -fopenmp (libomp), parallel for", 2, llvm, plain, "")

plain, dosc = medians("hello")
rows.append(("hello world start-up", "plain C, -O2", 1, f"{plain * 1e3:.2f}", "", ""))
extra = (dosc - plain) * 1e3
rows.append(("hello world start-up", "dosc (default threads)", "all", f"{dosc * 1e3:.2f}",
             f"+{extra:.2f} ms", "<= +2 ms" + (" (met)" if extra <= 2 else " (missed)")))

print("| benchmark | build | threads | median ms | vs plain | goal |")
print("| --- | --- | --- | ---: | ---: | --- |")
for r in rows:
    print("| " + " | ".join(str(c) for c in r) + " |")
EOF
