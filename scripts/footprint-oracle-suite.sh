#!/usr/bin/env bash
# footprint-oracle-suite.sh: the footprint oracle's stage of scripts/test.sh (issue 7, "the proof").
#
# Runs scripts/footprint-oracle.py on every example (small inputs), on the programs written for
# each shape of issue 7 (Tests/Oracle), and on a Csmith sample (scripts/csmith-fuzz.sh with
# FUZZ_ORACLE=1); and shows the oracle is not blind: manifests made wrong by hand (a footprint
# one element short, a count one short, a read parameter marked `access: none`, a written
# footprint that misses a store, a task writing a global marked remotable, a write with holes
# marked `write_dense`, a recursive task's work below its calls', a site's siblings below its
# batch) must each be caught.
# Each is one test; the closing line is `N passed, N failed` (what scripts/test.sh adds up).
# Zero violations is the bar: a violation fails its test, unless the program is listed in
# EXPECTED_VIOLATIONS below.
#
# The remote binding is checked on the same programs (scripts/remote-oracle.sh): each is built
# with `dosc compile` and run under mpirun on 3 ranks, one thread each, with DOSC_BIND=remote and
# auto, against the plain C build's output (serial elision is the oracle). In CI only the
# programs in REMOTE_CI below (each costs two builds and two mpirun starts); every program with
#   ORACLE_REMOTE=all ORACLE_FOOTPRINT=0 scripts/footprint-oracle-suite.sh
# (ORACLE_FOOTPRINT=0 skips valgrind, the canaries and Csmith: the remote checks alone).
#
# Environment: DOSC (default .build/debug/dosc), ORACLE_CSMITH (Csmith programs, default 5;
# 0 skips them), ORACLE_VERBOSE=1 (the oracle's full output), ORACLE_REMOTE (ci, the default;
# all; 0 none), ORACLE_FOOTPRINT (1, the default; 0 skips the footprint oracle),
# ORACLE_BATCHES_ONLY=1 (each program's batch checks alone, `siblings` and `loop.trip_count`
# at every spawn, no valgrind: a pass line per program ends in its counts; no remote runs,
# canaries nor Csmith).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DOSC=${DOSC:-$ROOT/.build/debug/dosc}
# dosc compile (the two-file project) finds the runtime beside its executable, or here.
export DOSC DOSC_RUNTIME_DIR=${DOSC_RUNTIME_DIR:-$ROOT/Runtime}
ORACLE="python3 $ROOT/scripts/footprint-oracle.py"
batches_only=""
[ "${ORACLE_BATCHES_ONLY:-0}" = 1 ] && batches_only=--batches-only

# Programs whose violations are known and being fixed in the analyzer, one per line with the
# issue and shape, e.g. "Tests/Oracle/shapeN-....c" # issue 7 shape N. Empty: since the analyzer's
# fixes of issue 7 were merged, every program must pass.
EXPECTED_VIOLATIONS=()

# The programs whose remote runs CI checks: the ones that once broke there (each names the
# shape), and a few of the common shapes.
REMOTE_CI=(
  Examples/stencil/stencil.c                 # halo reads, in-place rounds
  Tests/Oracle/task-nested-empty.c           # nested spawns; empty footprints: a serving rank waited for data that never comes
  Tests/Oracle/task-linked-structures.c      # a tree task passed t->left: was remotable, crashed
  Tests/Oracle/task-restrict-vla.c           # VLA parameters: dosc compile failed
  Tests/Oracle/task-2d-array.c               # double (*a)[W]: rows as elements
  Tests/Oracle/task-offsets-unsigned.c       # negative first, unsigned and size_t bounds
  Tests/Oracle/task-unsigned-wrap.c          # i + (unsigned)-1: footprint 4 Gi elements off, rank 0 crashed
  Tests/Oracle/task-guarded-boundaries.c     # if (i > 0) out[i-1]: footprint one past a page-aligned array, rank 0 crashed
  Tests/Oracle/task-hull-overshoot.c         # if (hi < n) a[hi]: a hull past a guard page, rank 0 crashed
  Tests/Oracle/task-quadrants.c              # a strided written block: holes came back stale
  Tests/Oracle/task-strided-writes.c         # every other element written: holes came back stale
  Tests/Oracle/task-dense-writes.c           # write_dense: sent back whole, an out one not sent in; non-dense ones beside
  Tests/Oracle/task-dense-rows.c             # write_dense of 2-D row blocks (C[i*n+j]); gaps, triangles, early returns beside
  Tests/Oracle/task-frees-parameter.c        # free/realloc of a parameter: rank 1 freed its receive buffer
  Tests/Oracle/task-stores-addresses.c       # a task's own addresses stored in its data: rank 0 crashed
  Tests/Oracle/task-stores-function-addresses.c # handler addresses stored in a job table: rank 0 crashed
  Tests/Oracle/task-copies-own-addresses.c   # own addresses copied out of its own memory (*out = *t): rank 0 crashed
  Tests/Oracle/task-copies-own-address-bytes.c # own addresses copied by bytes, views, numbers: rank 0 crashed
  Tests/Oracle/task-negative-arguments.c     # a negative lag / stride: figures assume >= 0, rank 1 aborted
  Tests/Oracle/task-unmentioned-negative.c   # k < 0 that no figure names (for (i = k; i < 0; i++)): rank 1 aborted
  Tests/Oracle/task-partial-elements.c       # memcpy of 10 bytes of ints: the last element stayed behind
  Tests/Oracle/task-macro-operators.c        # `=`/`++`/`*` in macro bodies taken for reads: rank 0 crashed
  Tests/Oracle/task-rodinia-kernels.c        # lud/nw/pathfinder/kmeans/backprop index forms, 13 tasks sent
  Tests/Oracle/task-recursive-counts.c       # recursive tasks remotable by counts proved by induction; children stay on the serving rank
  Tests/Oracle/task-recursive-induction.c    # sibling halves(a, n), halves(a + 3, ...) raced once remotable: now a taskwait apart
  Tests/Oracle/task-macro-constants.c        # (VAR_MOMENTUM + NDIM) in a macro read as 1 * 3: a remote run hung
  Tests/Oracle/task-const-tables.c           # const tables read where they are, on every rank; tables of addresses stay home
  Tests/Oracle/task-unsigned-products.c      # i < w * h, memset of w * h bytes of two unsigned: [0, w*h), never dense
  Tests/Oracle/task-rodinia-more.c           # cfd's strided variables[i + VAR_DENSITY_ENERGY * nelr]: wrong answer
  Tests/Oracle/task-bounded-indices.c        # i % 4, (i - 5) >> 1, c - cols by a condition: values in a range
  Tests/Oracle/task-macro-body-operators.c   # Index3D's operators read in its body; SUB(n, i) was read as i
  Tests/Oracle/task-unseen-address-relations.c # p < q, p - base between parameters: wrong answer
  Tests/Oracle/task-unseen-atomics.c         # __atomic_fetch_add operand access: none, rank 1 crashed; _Atomic sums lost
  Tests/Oracle/task-unseen5-control-layout.c # m[0][i] over a matrix counted as row 0: rank 1 stored past the 32 bytes shipped
  Tests/Oracle/task-unseen5-gnu-statements.c # inline asm and loops under #pragma clang loop dropped: access none, rank 2 crashed
  Tests/Oracle/task-bounded-by-type.c        # lut[in[i]], x & 1023, abs(i - c), (start + i) % n: covering figures sent
  Tests/Oracle/task-dense-arms-helpers.c     # write_dense from both arms of an if and through helpers; look-alikes beside
  Tests/Oracle/task-2d-views.c               # &A[0][0], (double *)A, rows, (double (*)[M])p: views sent in whole rows
  Tests/Oracle/task-helper-negative-arguments.c  # lo - 5 passed to a strided helper: figure short of a[3w]
  Tests/Oracle/task-implicit-pointer-conversion.c  # double *p = A without a cast: offsets counted in rows, rows 0-1 missed
  Tests/Oracle/task-scaled-loops.c           # s *= 2, m /= 2, tree reductions: trip counts bounded from above, sent
  Tests/Oracle/task-unseen7-dp-sorts.c       # LCS blocks by anti-diagonal, strips, knapsack prev[c - w]: ~110 tasks sent
  Tests/Oracle/task-unseen7-taclebench.c     # fir2dim's row pointers, lms's downward shift, transposed 8x8 blocks, out-parameters
  Tests/Oracle/task-unseen9-cloverleaf-bt.c  # NAS BT's double (*)[JS][IS][5] with 5x5 blocks handed to helpers, CloverLeaf bands: 19 tasks sent
  Tests/Oracle/task-unseen9-casts-layouts.c # (double (*)[4])a views, long double, packed records, unions of arrays: 18 tasks sent
  Tests/Oracle/task-unseen9-probes.c        # g[r][c - 1] across rows, interleaved writes by concurrent tasks, memmove shifts: 33 sent
  Tests/Oracle/task-unseen10-dense-image.c  # Cholesky tiles reached through double *A[NT][NT], LU/QR column blocks, image bands: 42 sent
  Tests/Oracle/task-unseen10-prk.c          # PRK stencil bands, CSR build and product, p2p corner, triad at an offset: 30 sent
  Tests/Oracle/task-unseen8-lapack-banded.c  # column-major submatrices &A(k, k) with lda > m: dtrsm, dgemm tiles, Thomas sent
  Tests/Oracle/task-unseen8-jpeg-stb-image.c # stb resamplers (i after the loop), out += step writing out[3], clamped box blur
  Tests/Oracle/task-unseen11-mpeg2.c        # K&R definitions; motion compensation's s += lx2 walks at half-pel dx>>1, dx&1: 12 sent
  Tests/Oracle/task-unseen11-tsvc.c         # TSVC views (xx = &b[LEN/2], array + 63 overlapping), a[i*inc], column recurrences: 20 sent
  Tests/Oracle/task-unseen12-g721.c         # G.721: code after `switch { ...; break; default: return (-1); }` taken for dead, rank 1 crashed
  Tests/Oracle/task-unseen12-gsm.c          # GSM in K&R: `for (k = 9; k--; L_ACF[k] = 0)`, dp = S->dp0 + 120 read at -Nc: 3 sent
  Tests/Oracle/task-unseen13-parboil-lbm.c  # lbm's grid pointer moved past a MARGIN: DST_SB at first 600*z0 - 706, init from -1200: 19 sent
  Tests/Oracle/task-unseen13-kastors-plasma.c # PLASMA tiles through BLKADDR of a by-value descriptor, lda, a short last tile: 60 sent
  Tests/Oracle/task-replica-beside-written.c # a replicated read beside a written parameter: rank 0 segfaulted in send_task
)
# Of those, the ones checked on 2 and 3 ranks, over shared memory and TCP (each one test).
REMOTE_EVERY_TRANSPORT=(
  Tests/Oracle/task-hull-overshoot.c
  Tests/Oracle/task-dense-writes.c
  Tests/Oracle/task-dense-rows.c
)
# Remote runs whose wrong answers are known, with whose work fixes them, one per line. Empty:
# task-quadrants.c and task-strided-writes.c (a written footprint with holes) pass since the
# write-back sends only the elements a task changed, and are in REMOTE_CI.
EXPECTED_REMOTE_FAILURES=()

passed=0
failed=0
expected=0
work=$(mktemp -d "${TMPDIR:-/tmp}/dosc-oracle-suite.XXXXXX")
trap 'rm -rf "$work"' EXIT

is_expected() {
  local entry
  for entry in "${EXPECTED_VIOLATIONS[@]}"; do [ "$entry" = "$1" ] && return 0; done
  return 1
}

# in_list NAME ENTRIES...: whether NAME is one of ENTRIES.
in_list() {
  local name=$1 entry
  shift
  for entry in "$@"; do [ "$entry" = "$name" ] && return 0; done
  return 1
}

# remote_check NAME [ORACLE ARGS...]: the same program under the remote binding, if selected.
remote_check() {
  local name=$1 out status sources=() arguments=()
  shift
  case ${ORACLE_REMOTE:-ci} in
    0) return ;;
    all) ;;
    *) in_list "$name" "${REMOTE_CI[@]}" || return ;;
  esac
  if ! command -v "${MPIRUN:-mpirun}" >/dev/null; then
    echo "remote: skipped: $name (no mpirun; scripts/setup.sh installs Open MPI)"
    return
  fi
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    case $1 in
      --extra) sources+=("$2"); shift 2 ;;
      --cflag=*) shift ;; # remote-oracle.sh builds with plain cc and dosc compile's defaults
      *) sources+=("$1"); shift ;;
    esac
  done
  [ $# -gt 0 ] && { shift; arguments=("$@"); }
  local runs=("3 shm") run
  in_list "$name" "${REMOTE_EVERY_TRANSPORT[@]}" && runs=("3 shm" "2 shm" "3 tcp" "2 tcp")
  for run in "${runs[@]}"; do
    remote_run "$name" "${run% *}" "${run#* }" "${sources[@]}" -- "${arguments[@]}"
  done
}

# remote_run NAME RANKS shm|tcp SOURCES... -- ARGUMENTS...: one remote-oracle.sh run, one test.
remote_run() {
  local name=$1 ranks=$2 transport=$3 out status mca=""
  shift 3
  [ "$transport" = tcp ] && mca="--mca btl tcp,self"
  out=$(REMOTE_RANKS=$ranks REMOTE_MPIRUN_ARGS="${REMOTE_MPIRUN_ARGS:-} $mca" scripts/remote-oracle.sh "$@" 2>&1)
  status=$?
  if [ $status = 0 ]; then
    passed=$((passed + 1))
    echo "$out" | tail -1 | sed "s/^remote-oracle: /remote: pass: -np $ranks $transport: /"
  elif [ $status = 1 ] && in_list "$name" "${EXPECTED_REMOTE_FAILURES[@]}"; then
    expected=$((expected + 1))
    echo "remote: expected wrong answer (EXPECTED_REMOTE_FAILURES): $(echo "$out" | tail -1)"
  else
    failed=$((failed + 1))
    echo "remote: FAIL: $name -np $ranks $transport (exit $status)"
    echo "$out" | sed 's/^/  /'
  fi
  if [ $status = 0 ] && in_list "$name" "${EXPECTED_REMOTE_FAILURES[@]}"; then
    echo "remote: note: $name now passes: remove it from EXPECTED_REMOTE_FAILURES"
  fi
}

# check NAME [ORACLE ARGS...]: one program must show no violation.
check() {
  local name=$1 out status
  shift
  [ "${ORACLE_BATCHES_ONLY:-0}" = 1 ] || remote_check "$name" "$@"
  [ "${ORACLE_FOOTPRINT:-1}" = 0 ] && return
  out=$($ORACLE $batches_only "$@" 2>&1)
  status=$?
  [ "${ORACLE_VERBOSE:-0}" = 1 ] && echo "$out"
  if [ $status = 0 ]; then
    passed=$((passed + 1))
    echo "oracle: pass: $(echo "$out" | tail -1 | sed 's/^oracle: //')"
  elif [ $status = 1 ] && is_expected "$name"; then
    expected=$((expected + 1))
    echo "oracle: expected violations (EXPECTED_VIOLATIONS): $name"
    echo "$out" | grep VIOLATION | sed 's/^/  /'
  else
    failed=$((failed + 1))
    echo "oracle: FAIL: $name (exit $status)"
    echo "$out" | grep -v '^oracle-counts' | sed 's/^/  /'
  fi
  if [ $status = 0 ] && is_expected "$name"; then
    echo "oracle: note: $name no longer violates: remove it from EXPECTED_VIOLATIONS"
  fi
}

# canary NAME MUTATION SOURCE [-- ARGS]: the manifest of SOURCE made wrong by MUTATION (Python
# over `task`, the first task, and `P`, its parameters by name) must be reported.
canary() {
  local name=$1 mutation=$2 source=$3 manifest="$work/canary.json" out status
  shift 3
  if ! "$DOSC" analyze "$source" -o "$work/right.json" 2>"$work/stderr"; then
    failed=$((failed + 1)); echo "oracle: FAIL: canary $name: dosc analyze failed"; return
  fi
  python3 - "$work/right.json" "$manifest" "$mutation" <<'EOF'
import json, sys
manifest = json.load(open(sys.argv[1]))
task = manifest["tasks"][0]
P = {p["name"]: p for p in task["params"]}
exec(sys.argv[3])
json.dump(manifest, open(sys.argv[2], "w"))
EOF
  out=$($ORACLE "$source" --manifest "$manifest" "$@" 2>&1)
  status=$?
  if [ $status = 1 ]; then
    passed=$((passed + 1))
    echo "oracle: pass: canary $name caught: $(echo "$out" | grep -m1 VIOLATION | sed 's/.*VIOLATION: //' | cut -c1-110)"
  else
    failed=$((failed + 1))
    echo "oracle: FAIL: canary $name not caught (exit $status)"
    echo "$out" | sed 's/^/  /'
  fi
}

# The examples, on inputs small enough for valgrind.
check Examples/fib/fib.c Examples/fib/fib.c -- 12
check Examples/histogram/histogram.c Examples/histogram/histogram.c
check Examples/mandelbrot/mandelbrot.c Examples/mandelbrot/mandelbrot.c -- 32 24 50
check Examples/matmul/matmul.c Examples/matmul/matmul.c -- 12
check Examples/mergesort/mergesort.c Examples/mergesort/mergesort.c -- 100
check Examples/nqueens/nqueens.c Examples/nqueens/nqueens.c -- 5
check Examples/stencil/stencil.c Examples/stencil/stencil.c -- 100
check Examples/vector/vector.c Examples/vector/vector.c -- 100
check Examples/projects/kernels Examples/projects/kernels/main.c Examples/projects/kernels/kernels.c -- 12

# The shapes of issue 7, and the shapes of public task suites that attack the remote binding.
for program in Tests/Oracle/*.c; do
  case $program in *-body.c) continue ;; esac
  extra=()
  [ -f "${program%.c}-body.c" ] && extra=(--extra "${program%.c}-body.c")
  # Flags a program needs (`/* oracle-cflags: -fopenmp` on its first line), for dosc and cc.
  for flag in $(sed -n '1s/.*oracle-cflags: *\([^*]*\).*/\1/p' "$program"); do extra+=("--cflag=$flag"); done
  check "$program" "$program" "${extra[@]}"
done
# The counted `while` look-alikes of ShapeTests.boundedWhileCountsByItsComparison, where they live.
check Tests/DoscAnalysisTests/Inputs/shapes/bounded_while.c Tests/DoscAnalysisTests/Inputs/shapes/bounded_while.c

# The oracle sees what it must.
if [ "${ORACLE_BATCHES_ONLY:-0}" = 1 ]; then
  echo "$passed passed, $failed failed (batch checks only)"
  [ "$failed" = 0 ]
  exit
fi
if [ "${ORACLE_FOOTPRINT:-1}" = 0 ]; then
  echo "$passed passed, $failed failed (remote oracle only; $expected programs with expected wrong answers: EXPECTED_REMOTE_FAILURES)"
  [ "$failed" = 0 ]
  exit
fi
canary "footprint one short" 'P["x"]["count"] = "hi-lo-1"' Examples/vector/vector.c -- 100
canary "writes one short" 'P["y"]["writes"] = "hi-lo-1"' Examples/vector/vector.c -- 100
canary "reads one short" 'P["x"]["reads"] = "hi-lo-1"' Examples/vector/vector.c -- 100
canary "access none" 'P["x"].update(access="none", reads=0, writes=0, first=0, count=0, bytes=0)' \
  Examples/vector/vector.c -- 100
canary "written footprint misses a store" 'P["y"].update(write_first="lo+1", write_count="hi-lo-1")' \
  Examples/vector/vector.c -- 100
canary "global written by a remotable task" 'task["remotable"] = True; task["reasons"] = []' \
  Examples/histogram/histogram.c
canary "recursive task marked non-recursive" 'task["recursive"] = False' Examples/nqueens/nqueens.c -- 5
canary "a write with holes marked dense" 'P["out"]["write_dense"] = True' Tests/Oracle/task-strided-writes.c
canary "recursive footprint one short (counts null)" 'P["m"].update(count="(hi-lo)*ncols-1")' \
  Tests/Oracle/task-recursive-induction.c
canary "recursive work below its calls' (sum_chain: n for 9*n+1)" 'task["work"] = "n"' \
  Tests/Oracle/task-recursive-work.c
canary "siblings below the batch (fib: 2 spawns before its taskwait)" 'manifest["sites"][0]["siblings"] = 1' \
  Examples/fib/fib.c -- 12
canary "siblings of the inner loop alone (rows_then_wait: rows*cols)" \
  'manifest["sites"][-1]["siblings"] = "cols"' Tests/Oracle/task-spawn-batches.c
canary "a trip count one short (triangle: n-i)" \
  '[s for s in manifest["sites"] if s["function"] == "triangle"][0]["loop"]["trip_count"] = "n-i-1"' \
  Tests/Oracle/task-batch-arms.c

# A Csmith sample: every call statement a task site.
if [ "${ORACLE_CSMITH:-5}" -gt 0 ]; then
  if out=$(FUZZ_ORACLE=1 scripts/csmith-fuzz.sh "${ORACLE_CSMITH:-5}" 1 2>&1); then
    passed=$((passed + 1))
    echo "oracle: pass: $(echo "$out" | tail -1)"
  else
    failed=$((failed + 1))
    echo "oracle: FAIL: Csmith sample"
    echo "$out" | sed 's/^/  /'
  fi
fi

echo "$passed passed, $failed failed (footprint and remote oracles; $expected expected: EXPECTED_VIOLATIONS, EXPECTED_REMOTE_FAILURES)"
[ "$failed" = 0 ]
