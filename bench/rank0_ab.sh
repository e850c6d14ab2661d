#!/bin/bash
# bench/rank0_ab.sh - this checkout's runtime against another (OLD, built with `make` from
# `git archive main Runtime`), interleaved: 2 ranks of 1 thread (rank 0 shares), mandelbrot 80x60
# and 10-queens under auto and inline (program time, rank 0's tasks sent and run here), and the
# empty task's round trip on 2 ranks, forced remote and auto, zero-cost profile. usage:
#   bench/rank0_ab.sh OLD_RUNTIME_DIR [ROUNDS (5)]
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-$repo/.build/debug/dosc}
work=$(mktemp -d "${TMPDIR:-/tmp}/dosc-rank0-ab-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
rounds=${2:-5}
old=${1:?usage: bench/rank0_ab.sh OLD_RUNTIME_DIR [ROUNDS]}
for v in old new; do
  rt=$old; [ $v = new ] && rt=$repo/Runtime
  for ex in mandelbrot nqueens; do
    DOSC_RUNTIME_DIR=$rt $dosc compile $repo/Examples/$ex/$ex.c -O2 -o $ex.$v || exit 2
  done
  DOSC_RUNTIME_DIR=$rt $dosc compile $repo/bench/remote_roundtrip.c -O2 -o rt.$v || exit 2
done
echo '{"schema": "dosc-profile/1", "spawn_ns": 0, "steal_ns": 0, "remote_latency_ns": 0}' >zero.json
load() { cut -d' ' -f1 /proc/loadavg; }
for r in $(seq 1 "$rounds"); do
  for v in old new; do
    for run in "mandelbrot 80 60" "nqueens 10"; do
      for bind in auto inline; do
        DOSC_PROFILE=/nonexistent.json DOSC_THREADS=1 DOSC_TRACE=1 DOSC_BIND=$bind mpirun --bind-to none -np 2 \
          -x DOSC_PROFILE -x DOSC_THREADS -x DOSC_TRACE -x DOSC_BIND ./${run%% *}.$v ${run#* } 2>err.$v >/dev/null
        s=$(sed -n 's/.*time outside tasks [0-9.]* s of \([0-9.]*\) s.*/\1/p' err.$v)
        sent=$(sed -n 's/^dosc: rank 0: host [^,]*, \([0-9]*\) tasks sent, \([0-9]*\) run here.*/\1 \2/p' err.$v)
        echo "round $r $v ${run// /_} $bind s $s sent_runhere ${sent:--} load $(load)"
      done
    done
    us=$(DOSC_PROFILE=zero.json DOSC_THREADS=1 DOSC_BIND=remote mpirun --bind-to none -np 2 \
      -x DOSC_PROFILE -x DOSC_THREADS -x DOSC_BIND ./rt.$v 1 20000 2>/dev/null |
      sed -n 's/.*round_trip_us \([0-9.]*\).*/\1/p')
    us2=$(DOSC_PROFILE=zero.json DOSC_THREADS=1 mpirun --bind-to none -np 2 \
      -x DOSC_PROFILE -x DOSC_THREADS ./rt.$v 1 20000 2>/dev/null |
      sed -n 's/.*round_trip_us \([0-9.]*\).*/\1/p')
    echo "round $r $v roundtrip_us forced_remote $us auto $us2 load $(load)"
  done
done
