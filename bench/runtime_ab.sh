#!/bin/bash
# bench/runtime_ab.sh - this checkout's runtime against another one (OLD, e.g. main's Runtime
# copied out with `git archive main Runtime | tar -x -C /tmp/old` and built there with `make`),
# interleaved rounds, old then new in each: mandelbrot 320x240 and 640x480 on 3 ranks of 1
# thread under auto (the program's time on rank 0 from the trace, built-in profile, and how many
# tasks rank 0 ran itself), and the empty task's round trip on 2 ranks under DOSC_BIND=remote
# with a zero-cost profile (bench/remote_roundtrip.c, as bench/remote.sh); where tasks go
# (remote.c, next_rank), forced remote on 3 ranks of 1 thread (rank 0 only dispatches) with the
# zero-cost profile (every spawn pays, the fine ones too): mandelbrot 1280x960 max_iter 1000
# (uneven tasks: the program's time and each serving rank's busy time of the job's) and
# finegrain 262144 (3 x 1024 fine tasks: their throughput; how many were sent ahead). One line a
# run, with the load; summarise with medians and paired ratios.
#   usage: bench/runtime_ab.sh OLD_RUNTIME_DIR [ROUNDS (7)]
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-$repo/.build/debug/dosc}
old=${1:?usage: bench/runtime_ab.sh OLD_RUNTIME_DIR [ROUNDS]}
rounds=${2:-7}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
work=$(mktemp -d "${TMPDIR:-/tmp}/dosc-runtime-ab-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
for v in old new; do
  runtime=$old
  [ $v = new ] && runtime=$repo/Runtime
  DOSC_RUNTIME_DIR=$runtime "$dosc" compile "$repo/bench/remote_roundtrip.c" -O2 -o rt.$v || exit 2
  DOSC_RUNTIME_DIR=$runtime "$dosc" compile "$repo/Examples/mandelbrot/mandelbrot.c" -O2 -o mb.$v ||
    exit 2
  DOSC_RUNTIME_DIR=$runtime "$dosc" compile "$repo/Examples/finegrain/finegrain.c" -O2 -o fg.$v ||
    exit 2
done
echo '{"schema": "dosc-profile/1", "spawn_ns": 0, "steal_ns": 0, "remote_latency_ns": 0}' >zero.json
load() { cut -d' ' -f1 /proc/loadavg; }
for r in $(seq 1 "$rounds"); do
  for v in old new; do
    us=$(DOSC_PROFILE=zero.json DOSC_THREADS=1 DOSC_BIND=remote mpirun --bind-to none -np 2 \
      -x DOSC_PROFILE -x DOSC_THREADS -x DOSC_BIND ./rt.$v 1 20000 2>/dev/null |
      sed -n 's/.*round_trip_us \([0-9.]*\).*/\1/p')
    echo "round $r $v roundtrip_us $us load $(load)"
    for size in "320 240" "640 480"; do
      DOSC_PROFILE=/nonexistent.json DOSC_THREADS=1 DOSC_TRACE=1 mpirun --bind-to none -np 3 \
        -x DOSC_PROFILE -x DOSC_THREADS -x DOSC_TRACE ./mb.$v $size 2>err >/dev/null
      s=$(sed -n 's/.*time outside tasks [0-9.]* s of \([0-9.]*\) s.*/\1/p' err)
      here=$(sed -n 's/.*tasks sent, \([0-9]*\) run here.*/\1/p' err)
      echo "round $r $v mandelbrot_${size/ /x}_3ranks_s $s run_here $here load $(load)"
    done
    for run in "mb 1280 960 1000" "fg 262144"; do
      DOSC_PROFILE=zero.json DOSC_THREADS=1 DOSC_BIND=remote DOSC_TRACE=1 mpirun --bind-to none \
        -np 3 -x DOSC_PROFILE -x DOSC_THREADS -x DOSC_BIND -x DOSC_TRACE ./${run%% *}.$v ${run#* } \
        2>err >/dev/null
      s=$(sed -n 's/.*time outside tasks [0-9.]* s of \([0-9.]*\) s.*/\1/p' err)
      busy=$(sed -n 's/^dosc: rank \([12]\): .*busy \([0-9]*\) of \([0-9]*\) ms$/rank\1_busy_ms \2 of \3/p' err |
        paste -sd ' ' -)
      ahead=$(sed -n 's/^dosc: rank 0: \([0-9]*\) of them sent ahead .*/\1/p' err)
      echo "round $r $v forced_remote_${run// /_}_3ranks_s $s $busy ahead ${ahead:--} load $(load)"
    done
  done
done
