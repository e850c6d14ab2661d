#!/bin/bash
# bench/remote_callgrind.sh - instructions per round trip of an empty remote task (8 B in, 8 B
# back; bench/remote_roundtrip.c, as bench/remote.sh's round-trip rows), on each of its steps,
# counted by callgrind on both ranks (deterministic, unlike the time on a shared machine; the
# idle polling between the steps is not deterministic and is not shown). Build this checkout's
# runtime with -g first so that the steps inlined into others are named:
#   make -C Runtime CFLAGS_EXTRA=-g && bench/remote_callgrind.sh [ROUNDS (2000)]
# Prints, per trip: rank 0's spawn up to its MPI_Send returning (dosc_site_spawn, inclusive) and
# that MPI_Send, its result's handling (receive_result's lines, or receive_short_result's for a
# RESULT in the short form, the empty task's on a rank of 1 thread), and the serving rank's
# receive_task, execute and send_result (with its MPI_Send).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
dosc=${DOSC:-$repo/.build/debug/dosc}
rounds=${1:-2000}
trips=$((rounds + rounds / 10)) # the program's first tenth warms up
command -v valgrind >/dev/null || { echo "bench/remote_callgrind.sh: needs valgrind" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d "${TMPDIR:-/tmp}/dosc-bench-callgrind-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
DOSC_RUNTIME_DIR=$repo/Runtime "$dosc" compile "$repo/bench/remote_roundtrip.c" -O2 -g -o rt
echo '{"schema": "dosc-profile/1", "spawn_ns": 0, "steal_ns": 0, "remote_latency_ns": 0}' >zero.json
DOSC_PROFILE=zero.json DOSC_THREADS=1 DOSC_BIND=remote mpirun --bind-to none -np 2 \
  -x DOSC_PROFILE -x DOSC_THREADS -x DOSC_BIND valgrind --tool=callgrind \
  --callgrind-out-file=cg.%q{OMPI_COMM_WORLD_RANK} ./rt 1 "$rounds" >/dev/null 2>&1
# inclusive FILE FUNCTION-PATTERN: the function's inclusive count per trip
inclusive() {
  callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null | grep -E "$2" | head -1 |
    awk -v n=$trips '{gsub(",", "", $1); printf "%.0f", $1 / n}'
}
# lines FILE SOURCE FUNCTION-HEADER: the function's lines (and the calls they make) per trip,
# where the compiler inlined it into its caller
lines() {
  read -r first last < <(awk -v f="$3" 'index($0, f) == 1 {s = NR} s && /^}/ && NR > s {print s, NR; exit}' "$2")
  callgrind_annotate --auto=yes --show-percs=no --context=0 --inclusive=no "$1" "$2" 2>/dev/null |
    awk -v real="$2" 'index($0, "User-annotated source: " real) {on = 1; next} /Auto-annotated source/ {on = 0} on' |
    awk -v s="$first" -v e="$last" -v n=$trips '/^-- line/ {ln = $3; next}
      {c = $1; gsub(",", "", c); if (c ~ /^[0-9]+$/ && ln >= s && ln <= e) sum += c}
      END {printf "%.0f", sum / n}'
}
src=$repo/Runtime/src
echo "rank 0: spawn to MPI_Send returned $(inclusive cg.0 'dosc_site_spawn[^ ]* \[') (of which MPI_Send $(inclusive cg.0 'PMPI_Send \[')); receive_result $(lines cg.0 "$src/remote.c" 'static void receive_result('), receive_short_result $(lines cg.0 "$src/remote.c" 'static void receive_short_result(')"
echo "rank 1: receive_task $(lines cg.1 "$src/serve.c" 'static received_task *receive_task(' ); execute $(inclusive cg.1 'serve.c:execute \['); send_result $(inclusive cg.1 'serve.c:send_result \[') (of which MPI_Send $(inclusive cg.1 'PMPI_Send \['))"
