#!/usr/bin/env bash
# csmith-fuzz.sh [COUNT] [SEED]
#
# Robustness check for `dosc analyze` (issue 2): generates COUNT C programs with
# Debian's csmith (seeds SEED, SEED+1, ...), inserts `#pragma dosc task` before a
# call statement in a function body, runs `dosc analyze` under a timeout and
# classifies each run:
#   manifest     exit 0, output file written, valid JSON
#   clean error  exit 1, a located `file:line:col: error:` message, no output file
#   FAILURE      anything else (signal, hang, other exit status, partial output, ...):
#                the input is kept under a temp dir and its path printed.
# Prints one summary line; exits 1 if any run failed, 2 on a usage/setup error.
#
# Site choice (deterministic for a given seed): the candidates are the lines in a
# function body that are a whole call statement `f(...);` or `LHS = f(...);`
# (LHS a variable, `(*p)`, a field, or an array element with constant indices),
# those in csmith's func_N bodies preferred over those in main; one is chosen by
# the program's seed. Every fifth program (index % 5 == 4) instead gets
# the pragma before a non-call statement, or a program without candidates, so that
# the error path is exercised too: the analyzer must reject it cleanly.
#
# FUZZ_ELISION=1 also checks the rewrite (issue 3): each program with a call site gets a
# `#pragma dosc taskwait` after it (so the program is race-free), is built with `dosc compile`
# and with plain cc, and must print the same under DOSC_BIND=local, inline and auto on 2
# threads (the serial elision); a difference, or a build that fails, is a failure too.
#
# FUZZ_ORACLE=1 instead checks the figures (issue 7): every call-statement candidate gets a
# `#pragma dosc task`, so that csmith's functions become tasks, and scripts/footprint-oracle.py
# runs the program under valgrind and checks each task invocation's loads and stores against
# the manifest. A violation fails the run (the input is kept); a run slower than
# FUZZ_ORACLE_TIMEOUT seconds (default 60) is skipped. Adds the oracle's counts to the summary.
#
# Environment: DOSC (the dosc binary; default .build/debug/dosc, built if missing),
# FUZZ_TIMEOUT (seconds per analyze, default 20; 120 with FUZZ_ORACLE=1), FUZZ_KEEP=1 (keep all inputs),
# FUZZ_VERBOSE=1 (one line per program).
set -u

COUNT=${1:-25}
SEED=${2:-1}
TIMEOUT=${FUZZ_TIMEOUT:-20}
# With a site at every call statement (FUZZ_ORACLE=1) a program has hundreds of sites.
[ "${FUZZ_ORACLE:-0}" = 1 ] && TIMEOUT=${FUZZ_TIMEOUT:-120}
case $COUNT in ''|*[!0-9]*) echo "usage: $0 [COUNT] [SEED]" >&2; exit 2;; esac
case $SEED in ''|*[!0-9]*) echo "usage: $0 [COUNT] [SEED]" >&2; exit 2;; esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOSC=${DOSC:-$ROOT/.build/debug/dosc}
if ! command -v csmith >/dev/null 2>&1; then
    echo "csmith-fuzz: csmith not found (apt-get install csmith libcsmith-dev)" >&2; exit 2
fi
CSMITH_INC=""
for d in /usr/include/csmith /usr/local/include/csmith /usr/include/csmith-*; do
    if [ -f "$d/csmith.h" ]; then CSMITH_INC=$d; break; fi
done
if [ -z "$CSMITH_INC" ]; then
    echo "csmith-fuzz: csmith.h not found (apt-get install libcsmith-dev)" >&2; exit 2
fi
if [ ! -x "$DOSC" ]; then
    (cd "$ROOT" && swift build >/dev/null) || { echo "csmith-fuzz: cannot build dosc" >&2; exit 2; }
fi
if command -v jq >/dev/null 2>&1; then
    json_ok() { jq -e . "$1" >/dev/null 2>&1; }
else
    json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" >/dev/null 2>&1; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dosc-csmith.XXXXXX")
FAILDIR="$WORK/failures"
mkdir -p "$FAILDIR"
# a private copy, so that a concurrent `swift build` cannot swap the binary mid-run
cp "$DOSC" "$WORK/dosc" || { echo "csmith-fuzz: cannot copy $DOSC" >&2; exit 2; }
DOSC="$WORK/dosc"

# insert_pragma IN OUT PICK MODE: MODE=call puts the pragma before the PICK-th
# (mod count) call-statement candidate; MODE=stmt before a non-call statement; MODE=all
# before every call-statement candidate.
# Prints the chosen line number and kind, or nothing if there is no candidate.
insert_pragma() {
    awk -v pick="$3" -v mode="$4" -v out="$2" '
    function balanced_call(s,    i, c, depth) {
        # s starts at a callee name followed by "(": true if the call spans
        # the rest of s up to the final ");"
        i = index(s, "(")
        if (i == 0) return 0
        depth = 0
        for (; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "(") depth++
            else if (c == ")") { depth--; if (depth == 0) break }
        }
        return depth == 0 && substr(s, i + 1) == ";"
    }
    function add_call(n) { if (inmain) mcalls[++nm] = n; else calls[++nc] = n }
    { line[NR] = $0 }
    /^[A-Za-z]/ { inmain = ($0 ~ /^int main *\(/) }
    /^\{/ { infunc = 1; next }
    /^\}/ { infunc = 0; next }
    infunc && /^ +[^ ]/ {
        s = $0; sub(/^ +/, "", s); sub(/ +$/, "", s)
        if (s ~ /^[A-Za-z_][A-Za-z_0-9]*\(/ && balanced_call(s)) { add_call(NR); next }
        if (match(s, /^(\(\*+[A-Za-z_][A-Za-z_0-9]*\)|[A-Za-z_][A-Za-z_0-9]*(\[[0-9]+\])*(\.[A-Za-z_0-9]+)*) = [A-Za-z_][A-Za-z_0-9]*\(/)) {
            rest = s; sub(/^[^=]*= /, "", rest)
            if (balanced_call(rest)) { add_call(NR); next }
        }
        # plain statements usable for the error path
        if (s ~ /;$/ && s !~ /^(for|if|while|do|else|case|default|return|break|continue|goto|#)/ && s !~ /^[{}]/ && s !~ /\(/ ) stmts[++ns] = NR
    }
    END {
        if (mode == "all") {
            for (i = 1; i <= nm; i++) calls[++nc] = mcalls[i]
            for (i = 1; i <= nc; i++) site[calls[i]] = 1
            for (i = 1; i <= NR; i++) {
                if (i in site) print "#pragma dosc task" > out
                print line[i] > out
            }
            if (nc > 0) print nc, "all"
            exit 0
        }
        target = 0; kind = ""
        if (nc == 0) { nc = nm; for (i = 1; i <= nm; i++) calls[i] = mcalls[i] }
        if (mode == "call" && nc > 0) { target = calls[pick % nc + 1]; kind = "call" }
        else if (ns > 0) { target = stmts[pick % ns + 1]; kind = "stmt" }
        else if (nc > 0) { target = calls[pick % nc + 1]; kind = "call" }
        if (target == 0) exit 0
        for (i = 1; i <= NR; i++) {
            if (i == target) print "#pragma dosc task" > out
            print line[i] > out
        }
        print target, kind
    }' "$1"
}

# elide SRC LINE SEED: the serial-elision check of FUZZ_ELISION=1; prints why on a mismatch.
elide() {
    local src=$1 line=$2 s=$3 waited="$WORK/w$3.c" expected got bind
    awk -v t=$(($2 + 1)) '{ print } NR == t { print "#pragma dosc taskwait" }' "$src" >"$waited"
    cc -O1 -w -I"$CSMITH_INC" "$waited" -o "$WORK/plain$s" 2>/dev/null || { echo "plain cc failed"; return 1; }
    expected=$(timeout 20 "$WORK/plain$s") || { rm -f "$WORK/plain$s" "$waited"; return 0; }  # too slow: skip
    if ! DOSC_RUNTIME_DIR="$ROOT/Runtime" "$WORK/dosc" compile "$waited" -O1 -w -I"$CSMITH_INC" -o "$WORK/dosc$s" >"$WORK/stderr" 2>&1; then
        echo "dosc compile failed: $(grep -m1 error "$WORK/stderr")"; return 1
    fi
    for bind in local inline auto; do
        got=$(DOSC_BIND=$bind DOSC_THREADS=2 timeout 60 "$WORK/dosc$s" 2>/dev/null)
        case $? in 124|137) echo "DOSC_BIND=$bind hung (killed after 60 s; the plain build took under 20 s)"; return 1;; esac
        if [ "$got" != "$expected" ]; then echo "DOSC_BIND=$bind prints other than the serial elision"; return 1; fi
    done
    rm -f "$WORK/plain$s" "$WORK/dosc$s" "$WORK/dosc$s.dosc.json" "$waited"
    elided=$((elided + 1))
}

# oracle SRC MANIFEST SEED: the footprint check of FUZZ_ORACLE=1; prints why on a violation.
oracle() {
    local out status counts
    out=$(python3 "$ROOT/scripts/footprint-oracle.py" "$1" --manifest "$2" --dosc "$WORK/dosc" \
        --cflag=-I"$CSMITH_INC" --timeout "${FUZZ_ORACLE_TIMEOUT:-60}" 2>&1)
    status=$?
    counts=$(echo "$out" | awk '/^oracle-counts:/ { print $2, $3, $4, $5, $6 }')
    case $status in
        0|1) set -- $counts
             oracle_tasks=$((oracle_tasks + $1)); oracle_invocations=$((oracle_invocations + $2))
             oracle_accesses=$((oracle_accesses + $3)); oracle_violations=$((oracle_violations + $4))
             oracle_parameters=$((oracle_parameters + $5)); oracle_programs=$((oracle_programs + 1))
             oracle_note="; oracle: $1 tasks, $2 invocations, $5 bounded pointer parameters, $3 accesses, $4 violations"
             [ $status = 0 ] && return 0
             echo "$out" | grep VIOLATION | sed 's/^/  /' >&2
             echo "footprint oracle: $4 violations"; return 1;;
        3) oracle_slow=$((oracle_slow + 1)); oracle_note="; oracle: too slow under valgrind"; return 0;;
        *) echo "footprint oracle could not run: $(echo "$out" | grep -m1 error)"; return 1;;
    esac
}

manifests=0; clean=0; failures=0; skipped=0; elided=0
oracle_programs=0; oracle_tasks=0; oracle_invocations=0; oracle_accesses=0; oracle_violations=0; oracle_slow=0; oracle_parameters=0
for ((i = 0; i < COUNT; i++)); do
    s=$((SEED + i))
    src="$WORK/p$s.c"; raw="$WORK/raw$s.c"; out="$WORK/p$s.dosc.json"
    # csmith writes platform.info into its working directory: run it in $WORK
    if ! (cd "$WORK" && timeout 60 csmith --seed "$s" -o "$raw" >/dev/null 2>&1); then
        skipped=$((skipped + 1)); rm -f "$raw"; continue
    fi
    mode=call; [ $((i % 5)) -eq 4 ] && mode=stmt
    [ "${FUZZ_ORACLE:-0}" = 1 ] && mode=all
    where=$(insert_pragma "$raw" "$src" "$s" "$mode")
    rm -f "$raw"
    if [ -z "$where" ]; then skipped=$((skipped + 1)); rm -f "$src"; continue; fi

    rm -f "$out"
    timeout -k 5 "$TIMEOUT" "$DOSC" analyze "$src" -I"$CSMITH_INC" -w -o "$out" \
        >"$WORK/stdout" 2>"$WORK/stderr"
    rc=$?
    timed_out="${TIMEOUT}s"
    if [ $rc = 124 ] || [ $rc = 137 ]; then
        # Slow or hung? A loaded machine (CI's 2 cores) can push a run past the timeout: once
        # more with five times the time, said on stderr; only a second timeout is a hang.
        echo "csmith-fuzz: seed $s: dosc analyze ran over ${TIMEOUT}s; again with $((5 * TIMEOUT))s" >&2
        rm -f "$out"
        timeout -k 5 $((5 * TIMEOUT)) "$DOSC" analyze "$src" -I"$CSMITH_INC" -w -o "$out" \
            >"$WORK/stdout" 2>"$WORK/stderr"
        rc=$?
        timed_out="${TIMEOUT}s, then $((5 * TIMEOUT))s"
    fi
    verdict=""
    if [ $rc -eq 0 ] && [ -f "$out" ] && json_ok "$out"; then
        manifests=$((manifests + 1)); verdict=manifest
        if [ "${FUZZ_ELISION:-0}" = 1 ] && [ "${where#* }" = call ]; then
            if ! elide "$src" "${where% *}" "$s" >"$WORK/why"; then
                why=$(cat "$WORK/why")
                failures=$((failures + 1)); manifests=$((manifests - 1))
                cp "$src" "$FAILDIR/p$s.c"
                verdict="FAIL: $why"
                echo "csmith-fuzz: seed $s: $why (pragma at line ${where% *}): $FAILDIR/p$s.c" >&2
            fi
        fi
        if [ "${FUZZ_ORACLE:-0}" = 1 ]; then
            oracle_note=""
            # not in a subshell: the counts it adds up must survive
            oracle "$src" "$out" "$s" >"$WORK/why"
            if [ $? != 0 ]; then
                why=$(cat "$WORK/why")
                failures=$((failures + 1)); manifests=$((manifests - 1))
                cp "$src" "$FAILDIR/p$s.c"
                verdict="FAIL: $why"
                echo "csmith-fuzz: seed $s: $why (${where% *} task sites): $FAILDIR/p$s.c" >&2
            fi
        fi
    elif [ $rc -eq 1 ] && [ ! -e "$out" ] && grep -qE '^[^:]+:[0-9]+:[0-9]+: (fatal )?error: ' "$WORK/stderr"; then
        clean=$((clean + 1)); verdict="clean error: $(grep -m1 -E ': (fatal )?error: ' "$WORK/stderr")"
    else
        failures=$((failures + 1))
        case $rc in
            124|137) why="hang (timeout $timed_out)";;
            12[6-7]) why="cannot run dosc (exit $rc)";;
            129|1[3-9][0-9]|2[0-5][0-9]) why="crash (signal $((rc - 128)))";;
            0) why="exit 0 without a valid manifest";;
            1) why="exit 1 without a located error or with an output file";;
            *) why="exit $rc";;
        esac
        cp "$src" "$FAILDIR/p$s.c"
        cp "$WORK/stderr" "$FAILDIR/p$s.stderr"
        verdict="FAIL: $why"
        echo "csmith-fuzz: seed $s: $why (pragma at line ${where% *}): $FAILDIR/p$s.c" >&2
    fi
    placed="${where#* } at line ${where% *}"; [ "${where#* }" = all ] && placed="${where% *} task sites"
    [ "${FUZZ_VERBOSE:-0}" = 1 ] && echo "seed $s ($placed): $verdict${oracle_note:-}"
    [ "${FUZZ_KEEP:-0}" = 1 ] || rm -f "$src" "$out"
done
rm -f "$WORK/stdout" "$WORK/stderr" "$WORK/why" "$WORK/dosc" "$WORK/platform.info"

total=$((manifests + clean + failures))
echo "csmith-fuzz: $total programs (seeds $SEED..$((SEED + COUNT - 1))): $manifests manifests, $clean clean errors, $failures failures, $skipped skipped$([ "${FUZZ_ELISION:-0}" = 1 ] && echo "; $elided built with dosc compile print the serial elision's output under every binding")$([ "${FUZZ_ORACLE:-0}" = 1 ] && echo "; footprint oracle: $oracle_programs programs run, $oracle_tasks tasks checked ($oracle_invocations invocations, $oracle_parameters bounded pointer parameters), $oracle_accesses accesses checked, $oracle_violations violations, $oracle_slow too slow under valgrind")"
if [ $failures -gt 0 ]; then
    echo "csmith-fuzz: failing inputs kept in $FAILDIR; reproduce with: dosc analyze FILE.c -I$CSMITH_INC -w -o OUT.json" >&2
    exit 1
fi
[ "${FUZZ_KEEP:-0}" = 1 ] && echo "csmith-fuzz: inputs kept in $WORK" || rm -rf "$WORK"
exit 0
