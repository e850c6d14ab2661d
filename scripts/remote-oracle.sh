#!/usr/bin/env bash
# remote-oracle.sh: serial elision as the oracle of the remote binding (issues 7 and 9).
#
# usage: remote-oracle.sh SOURCE.c... [-- PROGRAM-ARGS...]
#
# Builds the program twice, as plain C (cc, the pragmas ignored) and with `dosc compile`, runs
# the plain build once for the expected output, then runs the dosc build under
# `mpirun -np RANKS --oversubscribe` with one thread per rank, once per binding (DOSC_BIND=remote,
# then auto), and compares: same stdout, exit status 0, no MPI abort. The runs read a machine
# profile in which a spawn and a message cost nothing, so that every spawn of a remotable site
# pays and leaves rank 0, however small the input (the built-in profile would keep the small
# inputs of a test on rank 0 as plain calls). A footprint smaller than
# the truth shows here as a wrong answer (the task runs on another rank on the bytes shipped),
# a crash or a hang (killed after REMOTE_TIMEOUT seconds).
#
# Exit status: 0 every binding printed the plain output, 1 one did not (the difference is
# printed), 2 setup error (the plain build, the plain run or dosc compile failed). The last line:
#   remote-oracle: PROGRAM: remote: match, 12 tasks sent, 0 run on rank 0; auto: match, 3 tasks
#   sent, 9 run on rank 0
# (rank 0's counts from the trace: tasks it shipped, and remote-bound tasks it ran itself while
# the other ranks were reached; 0 sent means every site stayed on rank 0, which the trace's
# `binding` lines explain).
#
# Environment: DOSC (default .build/debug/dosc), MPIRUN (default mpirun), REMOTE_MPIRUN_ARGS
# (more mpirun options, e.g. "--mca btl tcp,self" for TCP), REMOTE_RANKS (3),
# REMOTE_BINDINGS ("remote auto"), REMOTE_THREADS (1), REMOTE_TIMEOUT (60), REMOTE_KEEP=DIR
# (keep the builds and the runs' output there).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOSC=${DOSC:-$ROOT/.build/debug/dosc}
MPIRUN=${MPIRUN:-mpirun}
RANKS=${REMOTE_RANKS:-3}
BINDINGS=${REMOTE_BINDINGS:-remote auto}
THREADS=${REMOTE_THREADS:-1}
TIMEOUT=${REMOTE_TIMEOUT:-60}
export DOSC_RUNTIME_DIR=${DOSC_RUNTIME_DIR:-$ROOT/Runtime}
# Open MPI refuses root without these two; harmless elsewhere.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

sources=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do sources+=("$1"); shift; done
[ $# -gt 0 ] && shift
arguments=("$@")
if [ ${#sources[@]} = 0 ]; then
  echo "usage: remote-oracle.sh SOURCE.c... [-- PROGRAM-ARGS...]" >&2
  exit 2
fi
label=${sources[0]}

if [ -n "${REMOTE_KEEP:-}" ]; then
  work=$REMOTE_KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/dosc-remote-oracle.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

setup_error() {
  echo "remote-oracle: $label: setup error: $1" >&2
  [ -f "$2" ] && sed 's/^/  /' "$2" >&2
  exit 2
}

# The run environment: no DOSC_* of the caller's leaks in (a profile or a manifest elsewhere).
clean_env=()
while IFS='=' read -r name _; do
  case $name in DOSC_RUNTIME_DIR) ;; DOSC_*) clean_env+=(-u "$name") ;; esac
done < <(env)

# A network and a spawn that cost nothing, first contact included (its built-in 0.3 ms, shared by
# a batch, kept the small tasks of these programs on rank 0 under auto): every remotable task may
# go remote. Under auto rank 0 runs queued tasks itself where its worker adds to the others' (on
# 3 ranks only on a host of 3 cores or more), so short programs there often run every task on
# rank 0 ("run here" in the summary).
cat >"$work/free-network.json" <<'EOF'
{ "schema": "dosc-profile/1", "spawn_ns": 0, "remote_latency_ns": 0, "remote_bytes_per_ns": 10000,
  "remote_first_ns": 0 }
EOF

cc -O2 -Wno-unknown-pragmas "${sources[@]}" -o "$work/plain" -lm 2>"$work/plain.build" ||
  setup_error "cc failed" "$work/plain.build"
env "${clean_env[@]}" timeout "$TIMEOUT" "$work/plain" "${arguments[@]}" >"$work/expected" 2>"$work/plain.stderr" ||
  setup_error "the plain C build exited non-zero" "$work/plain.stderr"
"$DOSC" compile "${sources[@]}" -O2 -o "$work/prog" -lm 2>"$work/dosc.build" ||
  setup_error "dosc compile failed" "$work/dosc.build"

summary=()
status=0
for binding in $BINDINGS; do
  out="$work/$binding.stdout" err="$work/$binding.stderr"
  env "${clean_env[@]}" DOSC_BIND="$binding" DOSC_THREADS="$THREADS" DOSC_TRACE=1 \
    DOSC_PROFILE="$work/free-network.json" \
    timeout -k 5 "$TIMEOUT" "$MPIRUN" -np "$RANKS" --oversubscribe ${REMOTE_MPIRUN_ARGS:-} "$work/prog" "${arguments[@]}" >"$out" 2>"$err"
  code=$?
  sent=$(grep '^dosc: rank 0: ' "$err" | grep -o '[0-9]* tasks sent' | grep -o '[0-9]*' | tail -1)
  here=$(grep '^dosc: rank 0: ' "$err" | grep -o '[0-9]* run here' | grep -o '[0-9]*' | tail -1)
  problem=""
  if [ $code = 124 ] || [ $code = 137 ]; then
    problem="hung (killed after ${TIMEOUT}s)"
  elif [ $code != 0 ]; then
    problem="exit status $code"
  elif grep -q "MPI_ABORT" "$err"; then
    problem="MPI abort"
  elif ! cmp -s "$work/expected" "$out"; then
    problem="output differs from the plain C build's"
  fi
  if [ -n "$problem" ]; then
    status=1
    summary+=("$binding: WRONG ($problem)")
    echo "remote-oracle: $label: DOSC_BIND=$binding -np $RANKS: $problem"
    diff "$work/expected" "$out" | head -20 | sed 's/^/  /'
    grep -v '^dosc: site\|^dosc: rank [0-9]*: [0-9]' "$err" | head -20 | sed 's/^/  stderr: /'
  else
    summary+=("$binding: match, ${sent:-?} tasks sent, ${here:-?} run on rank 0")
  fi
done
line="remote-oracle: $label:"
for entry in "${summary[@]}"; do line="$line $entry;"; done
echo "${line%;}"
exit $status
