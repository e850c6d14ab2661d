#!/bin/bash
# bench/balance_ab.sh - where remote tasks go (remote.c, next_rank), this checkout's runtime
# against another one (OLD, e.g. main's Runtime copied out with
# `git archive main Runtime | tar -x -C /tmp/old` and built there with `make`), interleaved
# rounds, old then new in each, forced remote on 3 ranks of 1 thread (rank 0 only dispatches),
# the built-in profile:
#   mandelbrot 1280x960 max_iter 1000 and 640x480 max_iter 500 (uneven tasks): the program's
#     time on rank 0 (the trace's "of X s") and each serving rank's busy time of the job's;
#   finegrain 262144 (3 x 1024 tasks of ~0.1 us work, 2 KiB each way): the program's time, the
#     fine tasks' throughput.
# One line a run, with the load; summarise with medians and paired ratios.
#   usage: bench/balance_ab.sh OLD_RUNTIME_DIR [ROUNDS (7)]
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-$repo/.build/debug/dosc}
old=${1:?usage: bench/balance_ab.sh OLD_RUNTIME_DIR [ROUNDS]}
rounds=${2:-7}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
work=$(mktemp -d "${TMPDIR:-/tmp}/dosc-balance-ab-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
for v in old new; do
  runtime=$old
  [ $v = new ] && runtime=$repo/Runtime
  for p in mandelbrot finegrain; do
    DOSC_RUNTIME_DIR=$runtime "$dosc" compile "$repo/Examples/$p/$p.c" -O2 -o $p.$v || exit 2
  done
done
load() { cut -d' ' -f1 /proc/loadavg; }
# run VERSION PROGRAM ARGS...: one forced-remote run on 3 ranks, its trace in err
run() {
  v=$1 p=$2
  shift 2
  DOSC_PROFILE=/nonexistent.json DOSC_THREADS=1 DOSC_BIND=remote DOSC_TRACE=1 \
    mpirun --bind-to none -np 3 -x DOSC_PROFILE -x DOSC_THREADS -x DOSC_BIND -x DOSC_TRACE \
    ./$p.$v "$@" 2>err >/dev/null
}
for r in $(seq 1 "$rounds"); do
  for v in old new; do
    for args in "1280 960 1000" "640 480 500"; do
      run $v mandelbrot $args
      s=$(sed -n 's/.*time outside tasks [0-9.]* s of \([0-9.]*\) s.*/\1/p' err)
      busy=$(sed -n 's/^dosc: rank \([12]\): .*busy \([0-9]*\) of \([0-9]*\) ms$/rank\1_busy_ms \2 of \3/p' err | paste -sd ' ' -)
      ahead=$(sed -n 's/^dosc: rank 0: \([0-9]*\) of them sent ahead .*/\1/p' err)
      echo "round $r $v mandelbrot_${args// /x} s $s $busy ahead ${ahead:--} load $(load)"
    done
    run $v finegrain 262144
    s=$(sed -n 's/.*time outside tasks [0-9.]* s of \([0-9.]*\) s.*/\1/p' err)
    ahead=$(sed -n 's/^dosc: rank 0: \([0-9]*\) of them sent ahead .*/\1/p' err)
    echo "round $r $v finegrain_262144 s $s ahead ${ahead:--} load $(load)"
  done
done
