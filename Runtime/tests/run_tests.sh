#!/bin/sh
# run_tests.sh BUILD_TESTS_DIR - runs the hand-lowered runtime tests under
# the environments they are about and checks exit status, stdout and stderr.
# Ends with the line "N passed, N failed"; exits 1 if anything failed.
# DOSC_VALGRIND=1: also runs the programs under valgrind (leaks and errors).
# SANITIZED non-empty: built with a sanitizer; skips valgrind and ulimit -v.
set -u
BIN=$(cd "${1:-build/tests}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dosc-tests.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# The host each rank names in the trace's closing counters (all ranks here run on this one).
HOST=$(hostname)
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL $1: $2"
  sed 's/^/     | /' "$TMP/out" "$TMP/err" | head -20
}

# run ENV-ASSIGNMENTS... -- PROGRAM ARGS...: stdout in $TMP/out, stderr in
# $TMP/err, exit status in $RC. The DOSC_* variables of the caller are
# cleared first so every case states its whole environment; the default
# profile location is an empty directory (no profile, silently).
run() {
  env_args=""
  while [ "$1" != "--" ]; do env_args="$env_args $1"; shift; done
  shift
  # shellcheck disable=SC2086
  env -u DOSC_THREADS -u DOSC_BIND -u DOSC_TRACE -u DOSC_MANIFEST -u DOSC_PROFILE \
    XDG_CONFIG_HOME="$TMP/no-config" $env_args timeout 120 "$@" >"$TMP/out" 2>"$TMP/err"
  RC=$?
}

# CONDITION; expect NAME: passes if the condition (an && list) just held.
expect() {
  if [ $? -eq 0 ]; then pass "$1"; else fail "$1" "condition failed"; fi
}
rc_is() { [ "$RC" -eq "$1" ]; }
out_has() { grep -q -- "$1" "$TMP/out"; }
err_has() { grep -q -- "$1" "$TMP/err"; }
err_empty() { [ ! -s "$TMP/err" ]; }
err_lines() { [ "$(wc -l <"$TMP/err")" -eq "$1" ]; }
# the exactly-one-warning contract of SPEC.md section 5
one_warning() {
  rc_is 0 && err_lines 1 && err_has '^dosc: warning: .*: using compiled-in defaults$' &&
    out_has '^result=ok$'
}
clean_ok() { rc_is 0 && err_empty; }

sidecar() { # sidecar FILE HASH BINDING0 BINDING1 BINDING2
  cat >"$1" <<JSON
{ "schema": "dosc-manifest/1", "source_hash": "$2",
  "tasks": [ { "name": "fib", "recursive": true, "remotable": true, "work": null },
             { "name": "fill", "recursive": false, "remotable": true, "work": "count*2" },
             { "name": "log_line", "recursive": false, "remotable": false, "work": null } ],
  "sites": [ { "id": 0, "task": "fib", "location": {"file": "sites_test.c", "line": 31, "column": 9}, "binding": "$3" },
             { "id": 1, "task": "fill", "location": {"file": "sites_test.c", "line": 47, "column": 9}, "binding": "$4" },
             { "id": 2, "task": "log_line", "location": {"file": "sites_test.c", "line": 58, "column": 9}, "binding": "$5" } ] }
JSON
}
simple_sidecar() { # simple_sidecar FILE HASH SITES: every site auto
  {
    printf '{"schema": "dosc-manifest/1", "source_hash": "%s", "tasks": [], "sites": [' "$2"
    i=0
    while [ $i -lt "$3" ]; do
      [ $i -gt 0 ] && printf ', '
      printf '{"id": %d, "binding": "auto"}' $i
      i=$((i + 1))
    done
    printf ']}\n'
  } >"$1"
}

HASH=0123456789abcdef-sites
GOOD="$TMP/good.dosc.json"
sidecar "$GOOD" "$HASH" auto auto auto
simple_sidecar "$TMP/fib.dosc.json" fib-test-0001 2
simple_sidecar "$TMP/measure.dosc.json" measure-test-0001 2
simple_sidecar "$TMP/blocks.dosc.json" blocks-test-0001 3
simple_sidecar "$TMP/nested.dosc.json" nested-test-0001 2
simple_sidecar "$TMP/steal.dosc.json" steal-test-0001 1
simple_sidecar "$TMP/idle.dosc.json" idle-test-0001 1
# a profile that makes every spawn pay: zero spawn cost, deep cut-offs
ALL="$TMP/spawn-all-profile.json"
echo '{"schema": "dosc-profile/1", "spawn_ns": 0, "tasks_per_thread": 1000000}' >"$ALL"

# ---- the cost model alone ------------------------------------------------
run -- "$BIN/policy_test"
clean_ok && out_has '^policy: [0-9]* checks, 0 failed$'
expect "cost model at its edges (policy_test)"
run -- "$BIN/host_cores_test"
clean_ok && out_has '^host_cores: [0-9]* checks, 0 failed$'
expect "cores: a cgroup's CPU quota (v2 and v1), the affinity (host_cores_test)"
# The cores in the model are those the program may use, not the machine's (sysconf's online
# count): under taskset -c 0 on a host of 2 or more, 1 core, and the threads default to 1.
if [ "$(getconf _NPROCESSORS_ONLN)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
  simple_sidecar "$TMP/cores.dosc.json" threads-test-0001 1
  run DOSC_MANIFEST="$TMP/cores.dosc.json" DOSC_TRACE=1 -- taskset -c 0 "$BIN/threads_test" 10
  rc_is 0 && err_has '^dosc: 1 thread, 1 node (1 rank a host of 1 core)' && out_has '^threads=1$'
  expect "taskset -c 0: 1 core and 1 thread, not the machine's $(getconf _NPROCESSORS_ONLN)"
fi
run -- "$BIN/json_scan_test"
clean_ok && out_has '^json_scan: [0-9]* checks, 0 failed$'
expect "the manifest's JSON reader alone: JSON accepted, the rest refused naming its line (json_scan_test)"
run -- "$BIN/write_back_test"
clean_ok && out_has '^write_back: [0-9]* checks, 0 failed$'
expect "remote write-back alone: only changed elements stored, malformed encodings refused (write_back_test)"
run -- "$BIN/footprint_read_test"
clean_ok && out_has '^footprint_read: [0-9]* checks, 0 failed$'
expect "a footprint past its array read without faults: guard and unmapped pages as zeros (footprint_read_test)"
run -- "$BIN/footprint_buffer_test"
clean_ok && out_has '^footprint_buffer: [0-9]* checks, 0 failed$'
expect "a serving rank's large footprint buffers: 2 MiB-aligned mappings advised as huge pages, kept and reused (footprint_buffer_test)"

# ---- fib: value-returning recursive spawns -------------------------------
M="DOSC_MANIFEST=$TMP/fib.dosc.json"
run $M DOSC_THREADS=2 -- "$BIN/fib_test" 30
clean_ok && out_has 'binding=1 cutoff=13 spawns=16382 ' && out_has 'threads=2'
expect "fib 2 threads: right result, spawns down to the cut-off"
run $M DOSC_THREADS=1 -- "$BIN/fib_test" 30
clean_ok && out_has 'binding=0 .* spawns=0 parallel_calls=1 '
expect "fib 1 thread: auto binds inline, the serial clone runs"
run $M DOSC_THREADS=2 DOSC_BIND=inline -- "$BIN/fib_test" 30
clean_ok && out_has 'binding=0 .*spawns=0 '
expect "fib DOSC_BIND=inline: no spawns"
# fib with a measure (measure_test): the built-in profile's threshold is n >= 22 (spawn 10 + steal 1000 ns over 0.1 ns/op x 2%)
M2="DOSC_MANIFEST=$TMP/measure.dosc.json"
run $M2 DOSC_THREADS=2 -- "$BIN/measure_test" 21
clean_ok && out_has 'binding=1 cutoff=13 threshold=22 spawns=0 max_depth=0$'
expect "measured fib 21, 2 threads: below the threshold, no task at all"
run $M2 DOSC_THREADS=2 -- "$BIN/measure_test" 35
clean_ok && out_has 'binding=1 cutoff=13 threshold=22 spawns=[0-9]* max_depth=13$' &&
  ! out_has 'spawns=0 '
expect "measured fib 35, 2 threads: spawns while n >= 22, down to the depth cut-off"
run $M2 DOSC_THREADS=2 DOSC_BIND=inline -- "$BIN/measure_test" 34
clean_ok && out_has 'binding=0 .*spawns=0 '
expect "measured fib DOSC_BIND=inline: no spawns"
for t in 1 2 4; do
  run $M DOSC_THREADS=$t DOSC_BIND=local DOSC_PROFILE="$ALL" -- "$BIN/fib_test" 27
  clean_ok && out_has 'binding=1 cutoff=2[0-9] spawns=[0-9]\{6,\} '
  expect "fib $t threads, every call spawned (deque stress)"
done

# ---- blocks: many sibling tasks, disjoint writes, thresholds, big args --
M="DOSC_MANIFEST=$TMP/blocks.dosc.json"
for t in 2 4; do
  run $M DOSC_THREADS=$t -- "$BIN/blocks_test"
  clean_ok && out_has 'spawned_big=1024 spawned_small=0 '
  expect "blocks $t threads: 1024 siblings spawned, small ones below threshold inline"
done
run $M DOSC_THREADS=1 DOSC_BIND=local -- "$BIN/blocks_test"
clean_ok && out_has 'spawned_big=1024 '
expect "blocks 1 thread forced local: tasks run by the waiting thread"
run $M DOSC_THREADS=2 DOSC_PROFILE="$ALL" -- "$BIN/blocks_test"
clean_ok && out_has 'spawned_small=262144 ' && out_has 'threshold=0$'
expect "blocks with a zero-cost profile: every sibling spawns"

if [ -n "${SMALL_DEQUE_TEST:-}" ]; then
  run $M DOSC_THREADS=2 DOSC_PROFILE="$ALL" -- "$SMALL_DEQUE_TEST"
  clean_ok && out_has 'spawned_small=262144 '
  expect "blocks with a deque of 256 slots at most: a full deque runs tasks at once"
fi

# ---- nested taskwait ------------------------------------------------------
M="DOSC_MANIFEST=$TMP/nested.dosc.json"
for t in 1 2 4; do
  run $M DOSC_THREADS=$t DOSC_BIND=local DOSC_PROFILE="$ALL" -- "$BIN/nested_test"
  clean_ok && out_has 'spawns=88542$'
  expect "nested taskwait, $t threads, everything spawned"
done
run $M DOSC_THREADS=2 -- "$BIN/nested_test"
clean_ok
expect "nested taskwait, 2 threads, default profile"

# ---- spawns from stolen tasks, depth carried across steals --------------
M="DOSC_MANIFEST=$TMP/steal.dosc.json"
for t in 2 3; do
  run $M DOSC_THREADS=$t -- "$BIN/steal_test"
  clean_ok && out_has 'A depth 1, C1 depth 2'
  expect "steal $t threads: stolen task spawns, its child stolen back, depths 1 and 2"
done

# ---- an idle pool parks -------------------------------------------------
M="DOSC_MANIFEST=$TMP/idle.dosc.json"
for t in 2 4; do
  run $M DOSC_THREADS=$t -- "$BIN/idle_test" 30
  clean_ok
  expect "idle pool of $t threads uses < 30 ms CPU per 500 ms, wakes for more work"
done

# ---- fewer threads than asked --------------------------------------------
# Under an address-space limit the stacks of 1024 workers do not fit: the
# pool starts what fits in half of what is left, warns once, and the program
# can still allocate 100 MiB after start-up.
simple_sidecar "$TMP/threads.dosc.json" threads-test-0001 1
M="DOSC_MANIFEST=$TMP/threads.dosc.json"
LIMITED='ulimit -v 400000 && exec "$0" "$@"'
if [ -n "${SANITIZED:-}" ]; then
  echo "skip ulimit -v: a sanitizer reserves terabytes of address space"
else
run $M DOSC_THREADS=1024 -- sh -c "$LIMITED" "$BIN/threads_test" 100
rc_is 0 && err_lines 1 && err_has '^dosc: warning: could only start [0-9]* of 1024 threads (' &&
  out_has '^result=ok$' && ! out_has '^threads=1024$'
expect "ulimit -v, DOSC_THREADS=1024: some threads, one warning, the program keeps its memory"
run $M DOSC_THREADS=100000 -- sh -c "$LIMITED" "$BIN/threads_test" 100
rc_is 0 && err_lines 2 && err_has '^dosc: warning: DOSC_THREADS=100000 is more than the .*: using 1024$' &&
  err_has 'could only start [0-9]* of 1024 threads' && out_has '^result=ok$'
expect "ulimit -v, DOSC_THREADS=100000: clamped to 1024, then to what fits"
run $M DOSC_THREADS=2 -- sh -c "$LIMITED" "$BIN/threads_test" 100
clean_ok && out_has '^threads=2$' && out_has '^result=ok$'
expect "ulimit -v, DOSC_THREADS=2: both start, no warning"
# A stack limit of twice the memory: every worker's stack is refused (unless the kernel
# overcommits always), so pthread_create fails and the pool runs on the starting thread.
if [ "$(cat /proc/sys/vm/overcommit_memory 2>/dev/null)" != 1 ]; then
  HUGE_STACK="ulimit -s $(($(awk '/MemTotal/ {print $2}' /proc/meminfo) * 2)) && exec \"\$0\" \"\$@\""
  run $M DOSC_THREADS=2 -- sh -c "$HUGE_STACK" "$BIN/threads_test" 10
  rc_is 0 && err_lines 1 && err_has '^dosc: warning: could only start 1 of 2 threads (' &&
    out_has '^threads=1$' && out_has '^result=ok$'
  expect "pthread_create fails (stacks too big): one warning, the program runs on 1 thread"
fi
fi

# ---- sidecar, DOSC_BIND, DOSC_TRACE, profile ------------------------------
S="$BIN/sites_test"
run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 -- "$S"
clean_ok && out_has '^site 0 local .*cutoff=13$' && out_has '^site 1 local threshold=5000 ' &&
  out_has '^site 2 inline' && out_has '^threads=2 nodes=1 rank=0$' && out_has '^result=ok$'
expect "sidecar read: no warning, auto sites local, compiled-in inline kept"

run DOSC_MANIFEST="$TMP/missing.dosc.json" DOSC_THREADS=2 -- "$S"
one_warning && err_has 'missing.dosc.json: no sidecar manifest' && out_has '^site 2 inline'
expect "missing sidecar: one warning, compiled-in defaults"

printf '{"schema": "dosc-manifest/1", "sites": [' >"$TMP/corrupt.dosc.json"
run DOSC_MANIFEST="$TMP/corrupt.dosc.json" DOSC_THREADS=2 -- "$S"
one_warning && err_has 'not valid JSON'
expect "corrupt sidecar: one warning, compiled-in defaults"

mkdir -p "$TMP/unreadable.dosc.json"
run DOSC_MANIFEST="$TMP/unreadable.dosc.json" DOSC_THREADS=2 -- "$S"
one_warning
expect "unreadable sidecar (a directory): one warning"

sidecar "$TMP/stale.dosc.json" "fedcba9876543210-old" inline inline inline
run DOSC_MANIFEST="$TMP/stale.dosc.json" DOSC_THREADS=2 -- "$S"
one_warning && err_has 'stale' && out_has '^site 0 local'
expect "stale sidecar: one warning, its bindings ignored"

sed 's/dosc-manifest\/1/dosc-manifest\/9/' "$GOOD" >"$TMP/schema.dosc.json"
run DOSC_MANIFEST="$TMP/schema.dosc.json" DOSC_THREADS=2 -- "$S"
one_warning && err_has 'schema'
expect "wrong schema: one warning"

sidecar "$TMP/badbinding.dosc.json" "$HASH" inline fast auto
run DOSC_MANIFEST="$TMP/badbinding.dosc.json" DOSC_THREADS=2 -- "$S"
one_warning && err_has '"fast"' && out_has '^site 0 local'
expect "unknown binding in the sidecar: one warning, none of its bindings used"

sed 's/"task": "fill"/"task": "other"/' "$GOOD" >"$TMP/foreign.dosc.json"
run DOSC_MANIFEST="$TMP/foreign.dosc.json" DOSC_THREADS=2 -- "$S"
one_warning && err_has "'other'"
expect "sidecar naming another task at a site: stale, one warning"

sidecar "$TMP/override.dosc.json" "$HASH" inline auto local
run DOSC_MANIFEST="$TMP/override.dosc.json" DOSC_THREADS=2 -- "$S"
clean_ok && out_has '^site 0 inline' && out_has '^site 1 local' && out_has '^site 2 local' &&
  out_has '^result=ok$'
expect "sidecar override: site 0 inline, compiled-in inline site 2 made local"

run DOSC_MANIFEST="$TMP/override.dosc.json" DOSC_THREADS=2 DOSC_BIND=inline -- "$S"
clean_ok && out_has '^site 0 inline' && out_has '^site 1 inline' && out_has '^site 2 inline'
expect "DOSC_BIND=inline beats the sidecar"

# ---- no sidecar: the manifest in the executable's .dosc.manifest section ---
# What `dosc cc` objects carry and a plain cc link concatenates: fragments,
# each ended by a NUL; the unit reads the one with its own source_hash.
E="$TMP/embedded"
{
  printf '{"schema": "dosc-manifest/1", "source_hash": "another-unit", "tasks": [], "sites": []}\n\000'
  cat "$TMP/override.dosc.json"
  printf '\000'
} >"$TMP/section"
cp "$S" "$E" && objcopy --add-section .dosc.manifest="$TMP/section" \
  --set-section-flags .dosc.manifest=noload,readonly "$E"
run DOSC_THREADS=2 DOSC_TRACE=1 -- "$E"
rc_is 0 && ! err_has warning && err_has "manifest in $E (.dosc.manifest section) (read)" &&
  out_has '^site 0 inline' && out_has '^site 2 local' && out_has '^result=ok$'
expect "no sidecar: this unit's fragment in the executable's own section is read"

cp "$GOOD" "$E.dosc.json"
run DOSC_THREADS=2 -- "$E"
clean_ok && out_has '^site 0 local' && out_has '^site 2 inline'
expect "a sidecar beside the program wins over its section"
rm -f "$E.dosc.json"

printf '{"schema": "dosc-manifest/1", "sites": [\000' >"$TMP/badsection"
objcopy --update-section .dosc.manifest="$TMP/badsection" "$E"
run DOSC_THREADS=2 -- "$E"
one_warning && err_has '(.dosc.manifest section): manifest 1 of its section is not a JSON object' &&
  out_has '^site 0 local'
expect "corrupt section: one warning, compiled-in defaults"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_BIND=local -- "$S"
clean_ok && out_has '^site 0 local' && out_has '^site 2 local' && out_has '^result=ok$'
expect "DOSC_BIND=local: every site local"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_BIND=remote DOSC_TRACE=1 -- "$S"
rc_is 0 && out_has '^site 0 local' && out_has '^site 2 local' && out_has '^result=ok$' &&
  err_has '^dosc: site 2 log_line (sites_test.c:58:9): local - .*not remotable' &&
  err_has '^dosc: site 0 fib .*: local - remote forced by DOSC_BIND, but the task is not remotable'
expect "DOSC_BIND=remote without marshalling or mpirun: runs local, says why"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_TRACE=1 -- "$S"
rc_is 0 && err_has '^dosc: site 0 fib (sites_test.c:31:9): local - .*depth < 13' &&
  err_has '^dosc: site 1 fill (sites_test.c:47:9): local - .*work >= 5000 ops' &&
  err_has '^dosc: site 2 log_line (sites_test.c:58:9): inline - compiled in$' &&
  [ "$(grep -c '^dosc: site ' "$TMP/err")" -eq 3 ] && ! err_has warning
expect "DOSC_TRACE=1: one line per site, 'dosc: site ID TASK (FILE:LINE:COL): BINDING - why'"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=1 DOSC_TRACE=1 -- "$S"
rc_is 0 && out_has '^site 0 inline' && out_has '^site 1 inline' &&
  err_has '^dosc: site 0 fib .*: inline - 1 thread and 1 node: nothing to gain' &&
  out_has '^threads=1 '
expect "1 thread: every auto site inline, nothing to gain"

# A command substitution in expect's message would set the $? it tests: computed before.
cores=$(nproc)
run DOSC_MANIFEST="$GOOD" -- "$S"
clean_ok && out_has "^threads=$cores "
expect "DOSC_THREADS unset: the cores available ($cores)"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=many -- "$S"
rc_is 0 && err_has '^dosc: warning: DOSC_THREADS=many' && out_has '^result=ok$'
expect "bad DOSC_THREADS: a warning, the default"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_BIND=sideways -- "$S"
rc_is 0 && err_has 'DOSC_BIND=sideways' && out_has '^site 0 local'
expect "bad DOSC_BIND: a warning, auto"

cp "$S" "$TMP/prog"
sidecar "$TMP/prog.dosc.json" "$HASH" inline auto auto
run DOSC_THREADS=2 -- "$TMP/prog"
clean_ok && out_has '^site 0 inline'
expect "default sidecar path: the executable's path + .dosc.json"
rm "$TMP/prog.dosc.json"
run DOSC_THREADS=2 -- "$TMP/prog"
one_warning && err_has 'prog.dosc.json'
expect "default sidecar path missing: one warning naming it"

echo '{"schema": "dosc-profile/1", "spawn_ns": 500, "tasks_per_thread": 4}' >"$TMP/profile.json"
run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_PROFILE="$TMP/profile.json" -- "$S"
clean_ok && out_has '^site 1 local threshold=250000 ' && out_has '^site 0 local .*cutoff=5$'
expect "DOSC_PROFILE: its spawn cost sets the threshold, its tasks per thread the cut-off"

mkdir -p "$TMP/xdg/dosc"
cp "$TMP/profile.json" "$TMP/xdg/dosc/profile.json"
run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_PROFILE= XDG_CONFIG_HOME="$TMP/xdg" -- "$S"
clean_ok && out_has '^site 1 local threshold=250000 '
expect "default profile path under XDG_CONFIG_HOME"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 XDG_CONFIG_HOME="$TMP/empty-config" -- "$S"
clean_ok && out_has '^site 1 local threshold=5000 '
expect "no profile at the default location: built-in defaults, silently"

run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_PROFILE="$TMP/none.json" -- "$S"
rc_is 0 && err_lines 1 && err_has 'none.json: no such file (named by DOSC_PROFILE): using built-in machine defaults$' &&
  out_has '^site 1 local threshold=5000 ' && out_has '^result=ok$'
expect "DOSC_PROFILE naming a missing file: one warning, built-in defaults"

# Not regular files: each is refused without blocking (a FIFO opened for
# reading waits for a writer; /dev/zero never ends); the inner timeout turns
# a hang into a failure in 10 s.
mkfifo "$TMP/fifo.json"
truncate -s 65M "$TMP/huge.dosc.json"
truncate -s 2M "$TMP/huge-profile.json"
for bad in "$TMP/fifo.json:a FIFO" "/dev/zero:a character device" "$TMP:a directory" \
  "$TMP/huge.dosc.json:larger than 64 MiB"; do
  file=${bad%%:*} why=${bad#*:}
  run DOSC_MANIFEST="$file" DOSC_THREADS=2 -- timeout 10 "$S"
  one_warning && err_has "$why" && out_has '^site 0 local' && out_has '^site 2 inline'
  expect "sidecar $why: one warning at once, compiled-in defaults"
done
for bad in "$TMP/fifo.json:a FIFO" "/dev/zero:a character device" \
  "$TMP/huge-profile.json:larger than 1 MiB"; do
  file=${bad%%:*} why=${bad#*:}
  run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_PROFILE="$file" -- timeout 10 "$S"
  rc_is 0 && err_lines 1 && err_has "$why.*: using built-in machine defaults$" &&
    out_has '^site 1 local threshold=5000 ' && out_has '^result=ok$'
  expect "profile $why: one warning at once, built-in defaults"
done

echo '{"schema": "dosc-profile/1", "spawn_ns": "fast"}' >"$TMP/badprofile.json"
run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_PROFILE="$TMP/badprofile.json" -- "$S"
rc_is 0 && err_lines 1 && err_has 'badprofile.json: "spawn_ns" is not a number: using the default 10' &&
  out_has '^site 1 local threshold=5000 '
expect "profile value of the wrong type: one warning naming the field, its default"

# Issue 8 item 9: extreme values are each replaced by their field's default;
# the other fields of the same file still count.
cat >"$TMP/extreme.json" <<'JSON'
{ "schema": "dosc-profile/1", "spawn_ns": 1e308, "ns_per_op": 1e-320, "steal_ns": -5,
  "overhead_target": [0.1], "tasks_per_thread": 4, "remote_latency_ns": 1e300 }
JSON
run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_PROFILE="$TMP/extreme.json" DOSC_TRACE=1 -- "$S"
rc_is 0 && err_has '"spawn_ns" is 1e+308, outside' && err_has '"ns_per_op" is [0-9.]*e-32[01], outside' &&
  err_has '"steal_ns" is -5' && err_has '"overhead_target" is not a number' &&
  err_has '"remote_latency_ns" is 1e+300' && [ "$(grep -c warning "$TMP/err")" -eq 1 ] &&
  out_has '^site 1 local threshold=5000 ' && out_has '^site 0 local .*cutoff=5$' &&
  out_has '^result=ok$'
expect "extreme profile values: one warning naming each field, defaults, threshold not inverted"

printf '{"schema": "dosc-profile/1", "spawn_ns": 1e999}' >"$TMP/overflow.json"
run DOSC_MANIFEST="$GOOD" DOSC_THREADS=2 DOSC_PROFILE="$TMP/overflow.json" -- "$S"
rc_is 0 && err_lines 1 && err_has 'overflow.json: ' && out_has '^site 1 local threshold=5000 '
expect "profile number too large for a double: one warning, defaults"

# ---- a sidecar of many sites -----------------------------------------------
# A unit of 30,000 sites and its sidecar as the analyzer writes it (pretty printed, keys
# sorted, "\/" escaped; ~5.6 MB): read in place (src/json_scan.h), it adds less than twice its
# own size to the peak resident set at start-up. jansson's tree of it took ~9 times its size
# (520 MB for 300,000 sites, BENCHMARKS.md "Start-up with a large sidecar").
many_sites() { # many_sites FILE SITES
  awk -v n="$2" 'BEGIN {
    printf "{\n  \"schema\" : \"dosc-manifest\\/1\",\n  \"sites\" : [\n"
    for (i = 0; i < n; i++)
      printf "    {\n      \"binding\" : \"inline\",\n      \"function\" : \"main\",\n      \"id\" : %d,\n      \"location\" : {\n        \"column\" : 3,\n        \"file\" : \"scale.c\",\n        \"line\" : %d\n      },\n      \"task\" : \"work\"\n    }%s\n", i, 5 + 3 * i, i < n - 1 ? "," : ""
    printf "  ],\n  \"source_hash\" : \"many-sites-%d\",\n  \"tasks\" : [\n    {\n      \"name\" : \"work\",\n      \"recursive\" : false,\n      \"remotable\" : true,\n      \"work\" : 449\n    }\n  ]\n}\n", n
  }' >"$1"
}
if [ -n "${SANITIZED:-}" ]; then
  echo "skip the resident set of a large sidecar: a sanitizer's shadow memory counts in it"
else
  many_sites "$TMP/many.dosc.json" 30000
  run DOSC_MANIFEST="$TMP/many.dosc.json" DOSC_THREADS=2 -- "$BIN/many_sites_test" 30000 many-sites-30000
  with=$(sed -n 's/^start_ms=[0-9.]* cpu_ms=[0-9.]* peak_kb=\([0-9]*\) inline=30000$/\1/p' "$TMP/out")
  run DOSC_MANIFEST="$TMP/missing.dosc.json" DOSC_THREADS=2 -- "$BIN/many_sites_test" 30000 many-sites-30000
  without=$(sed -n 's/^start_ms=[0-9.]* cpu_ms=[0-9.]* peak_kb=\([0-9]*\) inline=0$/\1/p' "$TMP/out")
  size_kb=$(($(wc -c <"$TMP/many.dosc.json") / 1024))
  grew=$((${with:-0} - ${without:-0}))
  [ -n "$with" ] && [ -n "$without" ] && [ "$grew" -lt $((2 * size_kb)) ]
  expect "a sidecar of 30,000 sites ($size_kb KB) read at start-up: the peak grew by $grew KB, under twice its size"
fi

# ---- the user header without dosc ----------------------------------------
if ${CC:-cc} -std=c11 -Wall -Werror -Wno-unknown-pragmas -I"$HERE/../include" \
  "$HERE/serial_elision_test.c" -o "$TMP/serial_elision" 2>"$TMP/err" &&
  "$TMP/serial_elision" >"$TMP/out"; then
  pass "dosc.h compiled without __DOSC__: serial fall-backs"
else
  fail "dosc.h compiled without __DOSC__" "does not build or returns wrong values"
fi

# ---- separately compiled units -----------------------------------------
U="$BIN/units_test"
linked() { # linked FILE HASH_A HASH_B BINDING_A0 BINDING_B0 BINDING_B1
  cat >"$1" <<JSON
{ "schema": "dosc-manifest/1", "source_hash": "whole-program-hash",
  "units": [ { "source": "a.c", "source_hash": "$2", "first_site": 0, "site_count": 1 },
             { "source": "b.c", "source_hash": "$3", "first_site": 1, "site_count": 2 } ],
  "tasks": [],
  "sites": [ { "id": 0, "task": "fill", "binding": "$4" },
             { "id": 1, "task": "fib", "binding": "$5" },
             { "id": 2, "task": "sum", "binding": "$6" } ] }
JSON
}
linked "$TMP/units.dosc.json" hash-of-unit-a hash-of-unit-b inline local inline
run DOSC_MANIFEST="$TMP/units.dosc.json" DOSC_THREADS=2 -- "$U"
clean_ok && out_has '^unit a site 0 inline$' && out_has '^unit b site 0 local$' &&
  out_has '^unit b site 1 inline$'
expect "units: each registered unit finds its own sites in the linked sidecar"
clean_ok && out_has '^pool: 2 tasks on 2 threads (of 2)$'
expect "units: the runtime's own constructor started the pool (main never calls dosc_start)"
linked "$TMP/units-rev.dosc.json" hash-of-unit-a hash-of-unit-b local inline local
run DOSC_MANIFEST="$TMP/units-rev.dosc.json" DOSC_THREADS=2 -- "$U"
clean_ok && out_has '^unit a site 0 local$' && out_has '^unit b site 0 inline$' &&
  out_has '^unit b site 1 local$'
expect "units: overrides follow the program-wide ids"
linked "$TMP/units-stale.dosc.json" hash-of-unit-a hash-of-another-b inline inline inline
run DOSC_MANIFEST="$TMP/units-stale.dosc.json" DOSC_THREADS=2 -- "$U"
one_warning && err_has 'stale: no unit with source_hash hash-of-unit-b' && out_has '^unit a site 0 inline$'
expect "units: a rebuilt unit gets one warning and its defaults; the others keep theirs"
run DOSC_MANIFEST="$TMP/no-such-file.json" DOSC_THREADS=2 -- "$U"
one_warning
expect "units: a missing sidecar warns once for all units"

# ---- remote tasks over MPI ------------------------------------------------
R="$BIN/remote_test"
simple_sidecar "$TMP/remote.dosc.json" remote-test-0001 8
run DOSC_MANIFEST="$TMP/remote.dosc.json" DOSC_THREADS=2 DOSC_BIND=remote -- "$R"
clean_ok && out_has '^nodes=1 rank=0$' && out_has '^result=ok$'
expect "remote test without mpirun: one node, right results, nothing printed"
# main ends by pthread_exit() (remote_test pthread-exit): the plain program exits with status 0
# once its last thread has, after its atexit handlers; the ten tasks spawned before and never
# waited for ran (logged=55). The pool's workers never ended, and it hung (timeout: 124).
# Not under ThreadSanitizer: its background thread outlives main there, and a plain C program
# that started a thread and ends main by pthread_exit never ends under it either (seen: gcc 12).
PTHREAD_EXIT_TESTS=${SANITIZED:+skip}
[ -n "$PTHREAD_EXIT_TESTS" ] && echo "skip pthread_exit in main: a sanitizer's own thread keeps the process"
for t in ${PTHREAD_EXIT_TESTS:-1 2}; do
  [ "$t" = skip ] && break
  run DOSC_MANIFEST="$TMP/remote.dosc.json" DOSC_THREADS=$t DOSC_BIND=local -- timeout 20 "$R" pthread-exit
  clean_ok && out_has '^result=ok$' && out_has '^logged=55$'
  expect "main calls pthread_exit, $t thread(s): status 0, tasks never waited for ran, atexit handlers ran"
done
if command -v mpirun >/dev/null 2>&1 && nm "$R" | grep -q dosc_mpi_plugin; then
  # mpirun RANKS [MPIRUN OPTIONS] -- ENV... -- PROGRAM ARGS: as run, through mpirun.
  mpi() {
    ranks=$1
    shift
    opts=""
    while [ "$1" != "--" ]; do opts="$opts $1"; shift; done
    shift
    env_args=""
    while [ "$1" != "--" ]; do env_args="$env_args -x $1"; shift; done
    shift
    # shellcheck disable=SC2086
    OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 \
      DOSC_PROFILE="$TMP/no-profile.json" timeout 60 mpirun --bind-to none -np "$ranks" $opts \
      -x DOSC_PROFILE $env_args "$@" >"$TMP/out" 2>"$TMP/err"
    RC=$?
  }
  M="DOSC_MANIFEST=$TMP/remote.dosc.json"
  # Footprint bytes, forced remote (every remotable task leaves rank 0):
  # in: stencil 4094+2*16 doubles (halo; not out's 4094: a dense `out`
  # footprint, write_dense, is not shipped in), sums 4096 ints, 4 red-black
  # passes of 4094+2*16 doubles (a written footprint goes in as the twin the
  # serving rank compares with, src/write_back.h), mark_evens' 4096 ints
  # = 197808; back, only what changed: out's 4094 doubles whole (32752),
  # mark_evens 16 masks of 256/8 bytes + 128 ints (8704), red-black 64 masks
  # of 32 bytes + the 2832 cells whose value changed (24704) = 66160 (the
  # whole written footprints were 32752 + 16384 + 4 x 32752 = 180144). The 16 sums' results (a
  # long each, nothing written) come back in the short form: 8 bytes, no header, from a serving
  # rank of 1 thread (src/remote_protocol.h, DOSC_SHORT_RESULT_BYTES).
  # A serving rank of 1 thread serves alone, at MPI_THREAD_SINGLE (src/remote.c,
  # dosc_remote_init); rank 0 calls MPI from two threads, at MPI_THREAD_SERIALIZED.
  for transport in "" "--mca btl tcp,self"; do
    for ranks in 2 3; do
      mpi $ranks $transport -- $M DOSC_THREADS=1 DOSC_BIND=remote DOSC_TRACE=1 -- "$R"
      levels="rank 0 MPI_THREAD_SERIALIZED, rank 1 MPI_THREAD_SINGLE"
      [ "$ranks" = 3 ] && levels="$levels, rank 2 MPI_THREAD_SINGLE"
      rc_is 0 && out_has '^nodes='$ranks' rank=0$' && out_has '^result=ok$' &&
        err_has "^dosc: MPI thread levels: $levels\$" &&
        err_has "^dosc: rank 0: host $HOST, 112 tasks sent, 0 run here, 1 kept here, 197808 bytes sent, 66160 bytes received, busy " && err_has "^dosc: rank 0: kept here: 1 with overlapping written footprints, 0 with figures that did not evaluate, 0 above" &&
        err_has '^dosc: rank 0: 16 results came in the short form (at most 8 bytes, from a rank of 1 thread)$' &&
        err_has '^dosc: site 3 log_sum .*: local - remote forced by DOSC_BIND, but the task is not remotable' &&
        err_has "^dosc: $ranks ranks" && ! grep -qi 'mpi_abort\|error' "$TMP/err"
      expect "mpirun -np $ranks ${transport:-(shared memory)}: forced remote, halo in, only changed cells back, red-black and a concurrently written other half right, overlapping footprints kept here, serving ranks at MPI_THREAD_SINGLE"
    done
  done
  # A launcher that does not say a rank's number before MPI_Init (here Open MPI's, with
  # OMPI_COMM_WORLD_RANK taken away): the rank may be 0, so it starts a communication thread
  # and MPI_THREAD_SERIALIZED as every rank did before; the same results and bytes.
  mpi 2 -- $M DOSC_THREADS=1 DOSC_BIND=remote DOSC_TRACE=1 -- env -u OMPI_COMM_WORLD_RANK "$R"
  rc_is 0 && out_has '^result=ok$' &&
    err_has "^dosc: rank 0: host $HOST, 112 tasks sent, 0 run here, 1 kept here, 197808 bytes sent, 66160 bytes received, busy " &&
    err_has '^dosc: rank 0: 16 results came in the short form ' &&
    err_has '^dosc: MPI thread levels: rank 0 MPI_THREAD_SERIALIZED, rank 1 MPI_THREAD_SERIALIZED$' &&
    ! grep -qi 'mpi_abort\|error' "$TMP/err"
  expect "mpirun -np 2, no rank number before MPI_Init: a serving rank of 1 thread keeps its communication thread, right results"

  # Footprints of 2 MiB and more (3 MiB arrays, three rounds): a serving rank receives them
  # into mappings on huge pages and reuses them (src/footprint_buffer.h); one or two threads.
  for run in "1 " "1 --mca btl tcp,self" "2 "; do
    threads=${run%% *}
    mpi 2 ${run#* } -- $M DOSC_THREADS=$threads DOSC_BIND=remote DOSC_TRACE=1 -- "$R" 2 big
    # With 2 threads a later task's result may overtake an earlier one's: none in the short form.
    rc_is 0 && out_has '^result=ok$' &&
      err_has "^dosc: rank 0: host $HOST, 118 tasks sent, 0 run here, 1 kept here, " &&
      { [ "$threads" = 1 ] || ! err_has 'short form'; } &&
      { [ "$threads" = 2 ] || err_has '^dosc: MPI thread levels: .*, rank 1 MPI_THREAD_SINGLE$'; } &&
      { [ "$threads" = 1 ] || err_has '^dosc: MPI thread levels: .*, rank 1 MPI_THREAD_SERIALIZED$'; } &&
      ! grep -qi 'mpi_abort\|error' "$TMP/err"
    transport=${run#* }
    expect "mpirun -np 2 ${transport:-(shared memory)}, $threads thread(s): 3 MiB footprints through huge-page buffers, right results"
  done
  # Open MPI 4's shared-memory BTL tuned before MPI_Init (src/mpi_launcher.c): rank 0 alone
  # without `get` (so it puts into the serving rank's huge pages), a 16 MiB pipeline fragment on
  # every rank; a value the user passes wins.
  if mpirun --version 2>/dev/null | grep -q 'Open MPI) 4\.'; then
    mpi 2 -- $M DOSC_THREADS=1 DOSC_BIND=remote DOSC_TRACE=1 \
      OMPI_MCA_btl_vader_rdma_pipeline_frag_size=65536 -- "$R" 2 big
    rc_is 0 && out_has '^result=ok$' &&
      err_has '^dosc: Open MPI shared memory on rank 0: OMPI_MCA_btl_vader_flags=send,put,inplace,atomics,fetching-atomics$' &&
      ! err_has 'on rank 1: OMPI_MCA_btl_vader_flags' &&
      err_has '^dosc: Open MPI shared memory on rank 1: OMPI_MCA_btl_vader_rdma_pipeline_frag_size=65536$' &&
      ! grep -qi 'mpi_abort\|error' "$TMP/err"
    expect "mpirun -np 2 Open MPI 4: rank 0 puts into the serving rank (no get), the user's value wins"
  fi
  # Under auto rank 0's worker runs red-black tasks beside the ranks: only the
  # cells a remote task changed are written back (by rank 0's communication
  # thread), never stale copies of the other colour that rank 0's tasks read
  # and write meanwhile (also under ThreadSanitizer, which checks those
  # stores). One thread a rank: with 2, 3 ranks would need 6 cores, and on a
  # host with fewer the model finds nothing to gain remotely. Rank 0 takes
  # queued tasks only where its worker adds to the others' (policy.c,
  # dosc_rank_zero_shares): on 2 ranks of 1 thread always (2 cores or more),
  # on 3 only on a host of 3 cores or more; on fewer it only dispatches, from
  # the first task on.
  mpi 2 -- $M DOSC_THREADS=1 DOSC_TRACE=1 -- "$R" 10
  rc_is 0 && out_has '^result=ok$' && err_has '^dosc: site 0 smooth .*: remote - 2 nodes' &&
    err_has '^dosc: 2 ranks .*; rank 0 runs main and takes queued remote tasks too$' &&
    err_has "^dosc: rank 1: host $HOST, 1 thread, " && ! grep -q 'ThreadSanitizer' "$TMP/err"
  expect "mpirun -np 2 auto: remote sites shared by rank 0 and the other, right results"
  mpi 3 -- $M DOSC_THREADS=1 DOSC_TRACE=1 -- "$R" 10
  if [ "$(getconf _NPROCESSORS_ONLN)" -ge 3 ]; then
    rank_zero='rank 0 runs main and takes queued remote tasks too$'
  else
    rank_zero="rank 0 runs main and dispatches remote tasks to ranks 1\.\. (their workers fill the cores)$"
  fi
  rc_is 0 && out_has '^result=ok$' && err_has '^dosc: site 0 smooth .*: remote - 3 nodes' &&
    err_has "^dosc: 3 ranks .*; $rank_zero" &&
    err_has "^dosc: rank 2: host $HOST, 1 thread, " && ! grep -q 'ThreadSanitizer' "$TMP/err"
  expect "mpirun -np 3 auto: rank 0 shares the remote sites' tasks only if the cores let it, right results"
  # Rank 0's share of queued remote tasks under auto (policy.c, dosc_rank_zero_shares; remote.c,
  # tickets), 24 tasks of 30 ms (rank 2's first 400 ms longer), then 24 of 2 ms, 1 thread a rank.
  # 3 ranks on fewer than 3 cores: the serving ranks fill them and rank 0 runs none of them, not
  # even while the first contact lasts (until every rank has its first task, the trace's line).
  # Before, it took tasks in that window, which then ran on beside the serving ranks: 1-2 of
  # batch 1 here, and matmul 512 on 3 ranks ran 1.44x forced remote by the medians (issue 10).
  # 2 ranks: rank 0 is the second worker and runs some of both batches. Rank 0's tasks are the
  # trace's "run here".
  for ranks in 3 2; do
    mpi $ranks -- $M DOSC_THREADS=1 DOSC_TRACE=1 -- "$R" contact
    here1=$(sed -n 's/^batch 1: rank 0 ran \([0-9]*\) .*/\1/p' "$TMP/out")
    here2=$(sed -n 's/^batch 2: rank 0 ran \([0-9]*\) .*/\1/p' "$TMP/out")
    # ranks of 1 thread on one host: rank 0's worker adds one where the cores outnumber the others
    shares=0 rule="the serving ranks fill the cores: rank 0 runs none"
    if [ "$(getconf _NPROCESSORS_ONLN)" -ge "$ranks" ]; then
      shares=1 rule="rank 0 shares the queue"
    fi
    rc_is 0 && out_has '^result=ok$' && err_has "^dosc: site 6 hold .*: remote - $ranks nodes" &&
      [ -n "$here1" ] && [ -n "$here2" ] &&
      if [ "$shares" -eq 1 ]; then [ "$here1" -gt 0 ] && [ "$here2" -gt 0 ]; else
        [ "$((here1 + here2))" -eq 0 ]; fi &&
      err_has "^dosc: rank 0: host $HOST, [0-9]* tasks sent, $((here1 + here2)) run here, 0 kept here, " &&
      err_has '^dosc: rank 0: every rank had received its first task [0-9]* ms after start$'
    expect "mpirun -np $ranks auto: $rule (batch 1: $here1, batch 2: $here2 of 24 on rank 0)"
  done
  # Sent ahead counted by a rank's threads (remote.c, rank_takes): 2 ranks of 2 threads, forced
  # remote, 2 quick tasks spawned at start-up, queued before the serving rank's two WANTs are
  # read (one a round): the second went to the rank whose first WANT alone had been read, and
  # counted as sent ahead though its second thread was free (1 before, 0 now).
  mpi 2 -- $M DOSC_THREADS=2 DOSC_BIND=remote DOSC_TRACE=1 -- "$R" per-thread
  ahead=$(sed -n 's/^dosc: rank 0: \([0-9]*\) of them sent ahead .*/\1/p' "$TMP/err")
  rc_is 0 && out_has '^result=ok$' && err_has '^dosc: rank 0: host .*, 2 tasks sent, 0 run here, ' &&
    [ "$ahead" = 0 ]
  expect "mpirun -np 2, 2 threads, forced remote: one task per thread at start-up, none counted as sent ahead (${ahead:-none})"
  # A child forked from rank 0 that calls exit() runs no stop of rank 0's: it printed rank 0's
  # counters a second time under DOSC_TRACE (start.c, end_runtime).
  mpi 2 -- $M DOSC_THREADS=1 DOSC_BIND=remote DOSC_TRACE=1 -- "$R" fork
  rc_is 0 && out_has '^result=ok$' && [ "$(grep -c '^dosc: rank 0: host ' "$TMP/err")" = 1 ]
  expect "mpirun -np 2, forced remote: a child forked from rank 0 exits with its status, rank 0's counters printed once"
  # Rank 0's main ends by pthread_exit(): its workers and MPI thread ended with it, every rank
  # stopped, and the job ended with status 0 (before, rank 0 never ended: mpi's timeout, 124).
  for threads in ${PTHREAD_EXIT_TESTS:-1 2}; do
    [ "$threads" = skip ] && break
    mpi 2 -- $M DOSC_THREADS=$threads DOSC_BIND=remote DOSC_TRACE=1 -- "$R" pthread-exit
    rc_is 0 && out_has '^result=ok$' && out_has '^logged=55$' &&
      [ "$(grep -c '^dosc: rank 0: host ' "$TMP/err")" = 1 ] && err_has "^dosc: rank 1: host $HOST, " &&
      ! grep -qi 'mpi_abort\|error' "$TMP/err"
    expect "mpirun -np 2, $threads thread(s): rank 0's main calls pthread_exit, every rank ends cleanly"
  done
  # SIGTERM or SIGINT to rank 0 while its tasks run on rank 1 (8 of 5 s, remote_test signal):
  # the job ends within seconds, with the signal's status, whatever the threads.
  for run in "TERM 1" "INT 2"; do
    signal=${run% *} threads=${run#* }
    # Emptied here: the job's own redirection truncates the file only once its shell has forked,
    # and the loop below read the previous run's pid= line, then an empty file ("kill: Illegal
    # number").
    : >"$TMP/out"
    OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 DOSC_MANIFEST="$TMP/remote.dosc.json" \
      DOSC_THREADS=$threads DOSC_BIND=remote timeout 60 mpirun --oversubscribe --bind-to none \
      -x DOSC_MANIFEST -x DOSC_THREADS -x DOSC_BIND -np 2 "$R" signal >"$TMP/out" 2>"$TMP/err" &
    job=$!
    waited=0
    while ! grep -q '^pid=[0-9][0-9]*$' "$TMP/out" && [ $waited -lt 600 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    sleep 0.3
    signalled=$(date +%s)
    kill -s "$signal" "$(sed -n 's/^pid=//p' "$TMP/out")"
    wait $job
    RC=$?
    took=$(($(date +%s) - signalled))
    ! rc_is 0 && ! rc_is 124 && [ "$took" -le 10 ] && ! out_has '^result=ok$'
    expect "mpirun -np 2, $threads thread(s): SIG$signal to rank 0 ends the job in ${took} s (status $RC)"
  done
  # A serving rank whose pool starts fewer threads than DOSC_THREADS asks (here its main thread
  # may start only the communication thread: tests/fail_threads.c; ulimit -v does the same)
  # asks rank 0 for the threads it has (serve.c's WANT): 1, so the second quick task goes
  # there to wait behind the first (400 ms, its rank's first) and counts as sent ahead. Before,
  # its WANT said the 2 threads asked for, and the task was sent to a thread that did not exist.
  if [ -z "${SANITIZED:-}" ] && [ -f "$BIN/fail_threads.so" ]; then
    OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 DOSC_PROFILE="$TMP/no-profile.json" \
      DOSC_MANIFEST="$TMP/remote.dosc.json" DOSC_THREADS=2 DOSC_BIND=remote DOSC_TRACE=1 \
      timeout 60 mpirun --oversubscribe --bind-to none -x DOSC_PROFILE -x DOSC_MANIFEST \
      -x DOSC_THREADS -x DOSC_BIND -x DOSC_TRACE -np 1 "$R" per-thread \
      : -np 1 -x LD_PRELOAD="$BIN/fail_threads.so" "$R" per-thread >"$TMP/out" 2>"$TMP/err"
    RC=$?
    ahead=$(sed -n 's/^dosc: rank 0: \([0-9]*\) of them sent ahead .*/\1/p' "$TMP/err")
    rc_is 0 && out_has '^result=ok$' && err_has '^dosc: warning: could only start 1 of 2 threads' &&
      err_has "^dosc: rank 1: host $HOST, 1 thread, 2 tasks run" && [ "$ahead" = 1 ]
    expect "mpirun -np 2, a serving rank that started 1 of 2 threads: it asks for 1, the second task waits there sent ahead (${ahead:-none})"
  fi
  # Rank 0 waiting at a taskwait for a long task on another rank (pool.c, wait_blocked): its
  # waiting thread is runnable for under half of the wait and takes under a quarter of the task's
  # CPU time (the program checks it). Before, it yielded in a loop: runnable all the time. On 2
  # ranks only: on 3, messages still reach rank 0 during the wait now and then, and the thread
  # yields again after each (2 of 8 runs at load 10-15 never blocked; branch waitsleep's notes).
  mpi 2 -- $M DOSC_THREADS=1 DOSC_BIND=remote -- "$R" wait
  ran=$(sed -n 's/^wait: //p' "$TMP/out")
  rc_is 0 && out_has '^result=ok$' && [ -n "$ran" ] && ! grep -qi 'mpi_abort\|error' "$TMP/err"
  expect "mpirun -np 2, forced remote: rank 0's waiting thread leaves the CPUs while a remote task runs ($ran)"
  # Uneven tasks (remote.c, next_rank; pool.c, dosc_pool_serve): one task of 600 ms, then 20 of
  # 0.2 ms, forced remote. A rank whose threads are all busy is sent one task more only behind
  # tasks predicted quick: on 3 ranks of 1 thread the short ones are sent ahead behind each
  # other (the trace's count), none behind the long one; on 2 ranks of 2 threads any free
  # worker of the serving rank takes what arrives. None began on the long task's rank after it
  # while another serving thread had been idle for over 100 ms (the program checks it from each
  # task's clock). Before, on 3 x 1 each rank had threads + 1 slots and a short task waited the
  # long one's 600 ms there; on 2 x 2 the serving rank's worker 0 alone fed its pool, and every
  # short task that came while it ran the long one waited for it while worker 1 idled.
  for run in "3 1 " "3 1 --mca btl tcp,self" "2 2 "; do
    ranks=${run%% *}
    threads=${run#* }
    transport=${threads#* }
    threads=${threads%% *}
    mpi $ranks $transport -- $M DOSC_THREADS=$threads DOSC_BIND=remote DOSC_TRACE=1 -- "$R" uneven
    ahead=$(sed -n 's/^dosc: rank 0: \([0-9]*\) of them sent ahead to a rank whose threads were all busy, .*/\1/p' "$TMP/err")
    ran=$(sed -n 's/^uneven: //p' "$TMP/out")
    rc_is 0 && out_has '^result=ok$' && out_has '^uneven: rank 0 ran 0 rank 1 ran [0-9]*.*; the long task on rank [12], ' &&
      [ -n "$ahead" ] && { [ "$threads" -gt 1 ] || [ "$ahead" -gt 0 ]; } &&
      ! grep -qi 'mpi_abort\|error' "$TMP/err"
    expect "mpirun -np $ranks ${transport:-(shared memory)}, $threads thread(s), forced remote: no task waits behind a long one while a thread idles ($ahead sent ahead; $ran)"
  done
  # A rank whose MPI plugin does not load (its host lacks the runtime, while rank 0's has it)
  # ends the job naming itself: were it to end quietly, the others would wait for it in MPI_Init
  # forever. One rank is given a plugin path that does not exist (mpirun's app contexts).
  P=/nonexistent/libdosc_mpi_openmpi.so
  OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 DOSC_MANIFEST="$TMP/remote.dosc.json" \
    DOSC_BIND=remote timeout 30 mpirun --oversubscribe --bind-to none -x DOSC_MANIFEST -x DOSC_BIND \
    -np 2 "$R" : -np 1 -x DOSC_MPI_PLUGIN=$P "$R" >"$TMP/out" 2>"$TMP/err"
  RC=$?
  ! rc_is 0 && ! rc_is 124 &&
    err_has "^dosc: rank 2 (pid [0-9]* on $HOST): error: started by Open MPI's mpirun, but its MPI plugin $P does not load here (.*); .*ending the job$"
  expect "mpirun -np 3, rank 2 without its plugin: the job ends, naming rank 2 and its host"
else
  echo "skip remote over MPI: mpirun or the MPI link object missing"
fi

# The same under MPICH (Hydra's mpiexec passes the whole environment on): its plugin is
# the one loaded, and a program whose link has no MPICH plugin runs main once, on rank 0.
if command -v mpiexec.mpich >/dev/null 2>&1 && [ -f "$BIN/../libdosc_mpi_mpich.so" ] &&
  nm "$R" | grep -q dosc_mpi_plugin; then
  M="DOSC_MANIFEST=$TMP/remote.dosc.json"
  # Debian's MPICH talks through UCX, whose memory hooks patch mmap and munmap in the process;
  # under ThreadSanitizer, which intercepts them too, the job crashes at MPI_Finalize. Without
  # the hooks (UCX's own switch) it runs clean.
  [ -n "${SANITIZED:-}" ] && M="$M UCX_MEM_EVENTS=no"
  for ranks in 2 3; do
    run $M DOSC_THREADS=1 DOSC_BIND=remote DOSC_TRACE=1 -- mpiexec.mpich -n $ranks "$R"
    rc_is 0 && out_has '^nodes='$ranks' rank=0$' && out_has '^result=ok$' &&
      err_has "^dosc: $ranks ranks (MPICH " &&
      err_has "^dosc: rank 0: host $HOST, 112 tasks sent, 0 run here, 1 kept here, 197808 bytes sent, 66160 bytes received, busy " &&
      err_has '^dosc: MPI thread levels: rank 0 MPI_THREAD_SERIALIZED, rank 1 MPI_THREAD_SINGLE' &&
      ! grep -qi 'abort\|error' "$TMP/err"
    expect "mpiexec.mpich -n $ranks: forced remote, the MPICH plugin, the same bytes as under Open MPI, serving ranks at MPI_THREAD_SINGLE (PMI_RANK)"
  done
  run $M DOSC_THREADS=1 DOSC_TRACE=1 -- mpiexec.mpich -n 3 "$R" 10
  rc_is 0 && out_has '^result=ok$' && err_has '^dosc: site 0 smooth .*: remote - 3 nodes' &&
    err_has "^dosc: rank 2: host $HOST, 1 thread, "
  expect "mpiexec.mpich -n 3 auto: right results"
  # Linked where only Open MPI was built: no plugin for the launcher's MPI. (Built here like
  # the Makefile builds remote_test; not under a sanitizer, whose flags it would need.)
  if [ -z "${SANITIZED:-}" ]; then
    runtime=$(cd "$BIN/../.." && pwd)
    cc -O2 -std=c11 -DDOSC_MPI_OPENMPI -c "$runtime/src/mpi_link.c" -o "$TMP/openmpi_link.o" &&
      cc -O2 -std=c11 -pthread -D__DOSC__=1 -I"$runtime/include" "$runtime/tests/remote_test.c" \
        -o "$TMP/remote_openmpi_only" "$BIN/../libdosc.a" "$TMP/openmpi_link.o" -ljansson -pthread
    run $M DOSC_THREADS=1 DOSC_BIND=remote -- mpiexec.mpich -n 3 "$TMP/remote_openmpi_only"
    rc_is 0 && [ "$(grep -c '^result=ok$' "$TMP/out")" -eq 1 ] && out_has '^nodes=1 rank=0$' &&
      err_lines 1 && err_has "^dosc: warning: started by MPICH's mpiexec (PMI_SIZE=3), but this program has no MPI plugin for MPICH (.*): rank 0 runs main alone"
    expect "mpiexec.mpich -n 3, linked without the MPICH plugin: one warning, main once, right results"
  fi
else
  echo "skip remote over MPICH: mpiexec.mpich or the MPICH plugin missing"
fi

# ---- valgrind: no leaks, no errors ---------------------------------------
if [ -n "${SANITIZED:-}" ]; then
  echo "skip valgrind: the programs are built with a sanitizer"
elif command -v valgrind >/dev/null 2>&1; then
  VG="valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=99"
  run DOSC_MANIFEST="$TMP/fib.dosc.json" DOSC_THREADS=2 DOSC_BIND=local -- $VG "$BIN/fib_test" 18
  clean_ok
  expect "valgrind: fib with 2 threads exits clean, nothing leaked"
  if [ "${DOSC_VALGRIND:-0}" = 1 ]; then
    run DOSC_MANIFEST="$TMP/blocks.dosc.json" DOSC_THREADS=2 -- $VG "$BIN/blocks_test"
    clean_ok
    expect "valgrind: blocks (malloc'ed arguments)"
    run DOSC_MANIFEST="$TMP/nested.dosc.json" DOSC_THREADS=3 DOSC_PROFILE="$ALL" -- $VG "$BIN/nested_test"
    clean_ok
    expect "valgrind: nested, deque growth"
    run DOSC_MANIFEST="$TMP/steal.dosc.json" DOSC_THREADS=2 -- $VG "$BIN/steal_test"
    clean_ok
    expect "valgrind: steals"
    run DOSC_MANIFEST="$TMP/stale.dosc.json" DOSC_THREADS=2 DOSC_TRACE=1 -- $VG "$S"
    rc_is 0 && out_has '^result=ok$' && ! err_has '=='
    expect "valgrind: stale sidecar path"
  fi
else
  echo "skip valgrind: not installed"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
