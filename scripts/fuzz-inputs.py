#!/usr/bin/env python3
"""fuzz-inputs.py: hostile inputs to dosc's tools and runtime, each checked against the contract.

usage: scripts/fuzz-inputs.py [--quick] [--seed N] [--only AREA[,AREA...]] [--keep]

`--only compile/NAME` runs the compile area's source case NAME alone (`compile/many-sites`),
with the case's commands, but not the area's output-path cases.

Areas (all by default):
  sidecar  a built program with a broken, hostile or foreign sidecar (DOSC_MANIFEST): the run
           prints the plain output, exits 0, and says at most one line `dosc: warning: ...`;
           `dosc explain PROG` with the same sidecar beside PROG exits 0, or 1 with an error
           naming the file, never crashes or hangs.
  profile  the same for the machine profile (DOSC_PROFILE).
  env      DOSC_THREADS, DOSC_BIND, DOSC_TRACE, DOSC_PROFILE, DOSC_MANIFEST values: the run is
           right and warns at most once per variable.
  run      `dosc run` with bad arguments: exit 2 (usage) or 1 (no program, no MPI) with one
           `dosc: error:` line, never a crash.
  explain  `dosc explain` with bad --set/--nodes/--threads/--format/--plot values: exit 2 or 1
           with an error, no file written where it fails.
  compile  odd sources for `dosc compile` and `dosc cc`: exit 0, or 1 with a located error
           (`FILE:LINE:COL: error:`); on failure no output file is left, and the inputs are
           never changed.
  signals  SIGINT, SIGTERM and SIGHUP while `dosc compile`, `dosc cc -c` and `dosc analyze`
           work (at fractions of an undisturbed run, and while the compiler links): no output,
           partial or whole, nor a temporary is left, once every process dosc started has ended.
           Some 3 minutes; --quick: dosc compile alone, SIGTERM and SIGINT, halfway and while
           it links.

Each case prints nothing when it holds; a broken one prints `FAIL area/case: why`. Closes with
`fuzz-inputs: N passed, N failed`. Deterministic: --seed picks the random mutations (default
1); --quick runs a short fixed slice (scripts/test.sh runs it, but for the compile area).
Environment: DOSC (default .build/debug/dosc).
"""
import argparse
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOSC = os.environ.get("DOSC", os.path.join(ROOT, ".build/debug/dosc"))
TIMEOUT = 30
RETRY_TIMEOUT = 150
results = {"passed": 0, "failed": 0}


def clean_environment(extra=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DOSC_") or k == "DOSC_RUNTIME_DIR"}
    environment.update(extra or {})
    return environment


def run(command, environment=None, cwd=None, stdin=None):
    """(status, stdout, stderr); status -SIG for a signal, None for a hang.

    Slow or hung? On a loaded machine (sessions sharing 2 cores) a run took longer than TIMEOUT
    with a tenth of it on the CPU: a run over TIMEOUT runs once more with RETRY_TIMEOUT, said on
    stdout, and only a second timeout is a hang."""
    for timeout in (TIMEOUT, RETRY_TIMEOUT):
        try:
            finished = subprocess.run(command, env=clean_environment(environment), cwd=cwd, capture_output=True,
                                      timeout=timeout, stdin=subprocess.DEVNULL if stdin is None else stdin)
            return finished.returncode, finished.stdout.decode(errors="replace"), finished.stderr.decode(errors="replace")
        except subprocess.TimeoutExpired:
            if timeout == TIMEOUT:
                print(f"fuzz-inputs: {' '.join(command)[:120]} ran over {TIMEOUT} s; again with {RETRY_TIMEOUT} s")
    return None, "", ""


def check(name, problem):
    if problem:
        results["failed"] += 1
        print(f"FAIL {name}: {problem}")
    else:
        results["passed"] += 1


def crashed(status):
    if status is None:
        return "hung (killed after %d s, then again after %d s)" % (TIMEOUT, RETRY_TIMEOUT)
    if status < 0:
        return "killed by %s" % signal.Signals(-status).name
    if status >= 128:
        return "exit %d (a signal?)" % status
    return ""


# ---- the programs ---------------------------------------------------------------------------

class Program:
    """An example built with dosc compile, its plain output and its sidecar."""

    def __init__(self, work, name, arguments):
        self.directory = os.path.join(work, name)
        os.makedirs(self.directory)
        sources = sorted(os.path.join(ROOT, "Examples", name, f) for f in os.listdir(os.path.join(ROOT, "Examples", name))
                         if f.endswith(".c"))
        self.path = os.path.join(self.directory, "prog")
        self.arguments = arguments
        status, _, err = run([DOSC, "compile", *sources, "-O1", "-o", self.path, "-lm"])
        if status != 0:
            raise SystemExit(f"fuzz-inputs: cannot build {name}: {err}")
        plain = os.path.join(self.directory, "plain")
        subprocess.run(["cc", "-O1", "-Wno-unknown-pragmas", *sources, "-o", plain, "-lm"], check=True)
        self.expected = subprocess.run([plain, *arguments], capture_output=True, check=True).stdout.decode()
        with open(self.path + ".dosc.json") as f:
            self.sidecar_text = f.read()
        self.sidecar = json.loads(self.sidecar_text)

    def run(self, environment):
        return run([self.path, *self.arguments], environment)


def runtime_holds(program, environment, allowed_warnings=1):
    """What a run with a hostile input must do: the plain output, exit 0, at most
    `allowed_warnings` lines `dosc: warning: ...` and nothing else on stderr but, when traced,
    the trace's own `dosc: ...` lines."""
    status, out, err = program.run(environment)
    problem = crashed(status)
    if problem:
        return problem
    if status != 0:
        return f"exit {status}: {err.strip()[:300]}"
    if out != program.expected:
        return f"output {out[:80]!r} is not the plain build's {program.expected[:80]!r}"
    lines = [line for line in err.splitlines() if line]
    traced = environment.get("DOSC_TRACE", "") not in ("", "0")
    warnings = [line for line in lines if line.startswith("dosc: warning: ")]
    others = [line for line in lines if not line.startswith("dosc: warning: ")]
    if len(warnings) > allowed_warnings or (others and not traced) or any(not o.startswith("dosc: ") for o in others):
        return f"stderr is not at most {allowed_warnings} warning line(s): {err.strip()[:400]!r}"
    return ""


def explain_holds(program, file_name, environment=None):
    """`dosc explain PROG`: exit 0, or 1 with an error that names `file_name`."""
    status, out, err = run([DOSC, "explain", program.path], environment)
    problem = crashed(status)
    if problem:
        return problem
    if status == 0:
        return ""
    if status != 1:
        return f"exit {status}: {err.strip()[:300]}"
    if file_name not in err or "error:" not in err:
        return f"exit 1 without an error naming {file_name}: {err.strip()[:300]!r}"
    if "Fatal error" in err or "Stack dump" in err:
        return f"crashed: {err.strip()[:300]}"
    return ""


# ---- hostile JSON ---------------------------------------------------------------------------

def json_mutations(document, rng, count):
    """(name, text) pairs: broken, huge, deep, mistyped and foreign variants of `document`."""
    text = json.dumps(document, indent=1, sort_keys=True)
    cases = [
        ("empty", ""), ("whitespace", "  \n"), ("null", "null"), ("array", "[]"), ("string", '"x"'),
        ("number", "1e999"), ("nul-bytes", "\0" * 64), ("binary", bytes(range(256)).decode("latin-1")),
        ("bom", "\ufeff" + text), ("truncated-half", text[: len(text) // 2]), ("truncated-end", text[:-1]),
        ("trailing-garbage", text + "}"), ("two-documents", text + text),
        ("deep-array", "[" * 100000 + "]" * 100000), ("deep-object", '{"a":' * 50000 + "1" + "}" * 50000),
        ("nan-token", text.replace('"schema"', '"x": NaN, "schema"', 1)),
        ("infinity-token", text.replace('"schema"', '"x": Infinity, "schema"', 1)),
        ("duplicate-schema", text.replace('"schema"', '"schema": "dosc-manifest/1", "schema"', 1)),
        ("long-string", text.replace('"schema"', '"x": "%s", "schema"' % ("a" * 5_000_000), 1)),
    ]
    for length in sorted(rng.sample(range(1, len(text)), min(count, len(text) - 1))):
        cases.append((f"truncated-{length}", text[:length]))
    return cases


def replace_everywhere(value, key, new):
    """A copy of `value` with every `key` (at any depth) set to `new`."""
    if isinstance(value, dict):
        return {k: (new if k == key else replace_everywhere(v, key, new)) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_everywhere(v, key, new) for v in value]
    return value


HOSTILE_VALUES = [None, True, -1, 0, 2**31, 2**63, -(2**63) - 1, 10**400, 1.5, -0.0, 1e308, "", "x" * 1000, "-1",
                  [], [[]], {}, {"a": {"b": []}}, [None, -1, "x"], float("nan"), float("-inf"), -(2**62)]


def sidecar_documents(program, rng, count):
    """(name, document or raw text) for the sidecar."""
    document = program.sidecar
    cases = []
    keys = set()

    def collect(value):
        if isinstance(value, dict):
            for k, v in value.items():
                keys.add(k)
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    collect(document)
    for key in sorted(keys):
        for value in HOSTILE_VALUES:
            cases.append((f"{key}={json.dumps(value)[:20]}", replace_everywhere(document, key, value)))
    # The fields the runtime reads, and the new ones, with values of the right type but hostile.
    for key in ["write_dense", "measure", "batch_test", "touched_first", "touched_count", "touched_when",
                "siblings", "units", "work_per_invocation", "measure_unknown", "recursive", "remotable"]:
        for value in HOSTILE_VALUES:
            mutated = json.loads(json.dumps(document))
            for task in mutated.get("tasks", []):
                task[key] = value
                for parameter in task.get("params", []):
                    parameter[key] = value
            for site in mutated.get("sites", []):
                site[key] = value
            cases.append((f"every-{key}={json.dumps(value)[:20]}", mutated))
    for id_value in [-1, 3, 1000, 2**31, 2**63 - 1, -(2**63), 1.0, "0"]:
        mutated = json.loads(json.dumps(document))
        mutated["sites"][0]["id"] = id_value
        cases.append((f"site-id={id_value}", mutated))
    duplicate = json.loads(json.dumps(document))
    duplicate["sites"].append(duplicate["sites"][0])
    cases.append(("duplicate-site", duplicate))
    # Sites that do not match the binary: renamed tasks, moved and permuted sites, too few.
    mismatched = json.loads(json.dumps(document))
    for site in mismatched["sites"]:
        site["task"] = "no_such_task"
        site["location"] = {"file": "elsewhere.c", "line": 2**31, "column": -1}
    cases.append(("sites-renamed-and-moved", mismatched))
    permuted = json.loads(json.dumps(document))
    ids = [site["id"] for site in permuted["sites"]]
    for site, new_id in zip(permuted["sites"], ids[1:] + ids[:1]):
        site["id"] = new_id
    cases.append(("sites-permuted", permuted))
    fewer = json.loads(json.dumps(document))
    fewer["sites"] = fewer["sites"][:1]
    cases.append(("sites-fewer", fewer))
    many = json.loads(json.dumps(document))
    many["sites"] = many["sites"] * 20000
    cases.append(("sixty-thousand-sites", many))
    for binding in ["remote", "inline", "local", "REMOTE", "auto ", "", "remote\u0000x"]:
        mutated = json.loads(json.dumps(document))
        for site in mutated["sites"]:
            site["binding"] = binding
        cases.append((f"binding={binding!r}", mutated))
    units = json.loads(json.dumps(document))
    units["units"] = [{"source_hash": document["source_hash"], "first_site": 2**62, "site_count": len(document["sites"])}]
    cases.append(("unit-first-site-huge", units))
    units = json.loads(json.dumps(document))
    units["units"] = [{"source_hash": document["source_hash"], "first_site": 9223372036854775807, "site_count": 3},
                      {"source_hash": "x", "first_site": 9223372036854775807, "site_count": 9223372036854775807}]
    cases.append(("unit-sum-overflows", units))
    cases += json_mutations(document, rng, count)
    return cases


def profile_documents(rng, count):
    base = {"schema": "dosc-profile/1", "spawn_ns": 10, "steal_ns": 1000, "ns_per_op": 0.1, "remote_latency_ns": 20000,
            "remote_bytes_per_ns": 1.0, "overhead_target": 0.02, "tasks_per_thread": 256}
    cases = []
    for key in sorted(base):
        if key == "schema":
            continue
        for value in HOSTILE_VALUES + [1e-300, -1e308, 5e-324]:
            mutated = dict(base)
            mutated[key] = value
            cases.append((f"{key}={json.dumps(value)[:20]}", mutated))
    cases.append(("calibration-deep", dict(base, calibration={"a": [[[[{"b": 10**400}]]]]})))
    cases += json_mutations(base, rng, count)
    return cases


def write_case(directory, document):
    path = os.path.join(directory, "case.json")
    if os.path.isdir(path):
        shutil.rmtree(path)
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(document if isinstance(document, str) else json.dumps(document))
    return path


def special_files(directory):
    """(name, path) of things that are not a readable regular file."""
    fifo = os.path.join(directory, "fifo")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    loop = os.path.join(directory, "loop")
    if not os.path.lexists(loop):
        os.symlink(loop, loop)
    return [("directory", directory), ("fifo", fifo), ("dev-zero", "/dev/zero"), ("dev-null", "/dev/null"),
            ("symlink-loop", loop), ("missing", os.path.join(directory, "missing.json")),
            ("proc-self-mem", "/proc/self/mem"), ("path-too-long", "/" + "a" * 5000)]


def fuzz_sidecar(work, programs, rng, quick):
    for program in programs:
        directory = os.path.join(work, "sidecar-" + os.path.basename(program.directory))
        os.makedirs(directory)
        cases = sidecar_documents(program, rng, 4 if quick else 40)
        if quick:
            cases = cases[:: max(1, len(cases) // 40)]
        # A sidecar from another program.
        for other in programs:
            if other is not program:
                cases.append((f"foreign-{os.path.basename(other.directory)}", other.sidecar))
        for name, document in cases:
            path = write_case(directory, document)
            label = f"sidecar/{os.path.basename(program.directory)}/{name}"
            check(label, runtime_holds(program, {"DOSC_MANIFEST": path}))
            check(label + " (traced)", runtime_holds(program, {"DOSC_MANIFEST": path, "DOSC_TRACE": "1"}))
            check(label + " (explain)", explain_holds(program, path, {"DOSC_MANIFEST": path}))
        for name, path in special_files(directory):
            label = f"sidecar/{os.path.basename(program.directory)}/{name}"
            check(label, runtime_holds(program, {"DOSC_MANIFEST": path}))
            check(label + " (explain)", explain_holds(program, path[:60], {"DOSC_MANIFEST": path}))


def fuzz_profile(work, programs, rng, quick):
    directory = os.path.join(work, "profile")
    os.makedirs(directory)
    cases = profile_documents(rng, 4 if quick else 40)
    if quick:
        cases = cases[:: max(1, len(cases) // 40)]
    program = programs[0]
    for name, document in cases:
        path = write_case(directory, document)
        check(f"profile/{name}", runtime_holds(program, {"DOSC_PROFILE": path}))
        check(f"profile/{name} (explain)", explain_holds(program, path, {"DOSC_PROFILE": path}))
    for name, path in special_files(directory):
        check(f"profile/{name}", runtime_holds(program, {"DOSC_PROFILE": path}))
        check(f"profile/{name} (explain)", explain_holds(program, path[:60], {"DOSC_PROFILE": path}))


def fuzz_env(work, programs, quick):
    values = ["0", "-1", "1", "2", "1024", "1025", "99999999999999999999", "-99999999999999999999", " 2", "2 ", "0x10",
              "2abc", "", "\t", "１", "1e3", "+3", "2147483648", "٣"]
    program = programs[0]
    for variable in ["DOSC_THREADS", "DOSC_BIND", "DOSC_TRACE", "DOSC_REMOTE_MAX_BYTES", "DOSC_REPLICATE"]:
        for value in values + ["remote", "inline", "local", "auto", "garbage", "REMOTE", "x" * 100000]:
            check(f"env/{variable}={value[:20]!r}", runtime_holds(program, {variable: value}))
    for value in ["/nonexistent/p.json", "", "relative.json", "/", "/dev/zero", "x" * 10000]:
        check(f"env/DOSC_PROFILE={value[:20]!r}", runtime_holds(program, {"DOSC_PROFILE": value}))
        check(f"env/DOSC_MANIFEST={value[:20]!r}", runtime_holds(program, {"DOSC_MANIFEST": value}))
    # Every variable wrong at once: one warning each, still the plain output.
    check("env/all-wrong", runtime_holds(program, {"DOSC_THREADS": "x", "DOSC_BIND": "x", "DOSC_PROFILE": "/nonexistent",
                                                   "DOSC_MANIFEST": "/nonexistent"}, 4))


def usage_holds(command, statuses=(1, 2), environment=None, expect_in_error=""):
    status, out, err = run(command, environment)
    problem = crashed(status)
    if problem:
        return problem
    if status not in statuses:
        return f"exit {status}, expected one of {statuses}: {err.strip()[:300]!r}"
    if "error:" not in err or "Fatal error" in err:
        return f"no error line: {err.strip()[:300]!r}"
    if expect_in_error and expect_in_error not in err:
        return f"the error does not say {expect_in_error!r}: {err.strip()[:300]!r}"
    return ""


def fuzz_run(work, programs):
    program = programs[0].path
    for arguments in [["-n"], ["-n", "0", program], ["-n", "-1", program], ["-n", "x", program],
                      ["-n", "99999999999999999999999", program], ["-n", "2"], ["-n", "1.5", program],
                      ["--mpi", "lam", "-n", "2", program], ["--bogus", "-n", "2", program], [program],
                      ["-n", "2", "--mpi", "mpich", "--mca", "btl", "tcp", program], ["--hostfile"], []]:
        check(f"run/{' '.join(a.replace(program, 'PROG') for a in arguments) or '(none)'}",
              usage_holds([DOSC, "run", *arguments], (2,)))
    check("run/missing-program", usage_holds([DOSC, "run", "-n", "2", os.path.join(work, "no-such-program")], (1, 2),
                                             expect_in_error="no-such-program"))
    check("run/directory-as-program", usage_holds([DOSC, "run", "-n", "2", work], (1, 2, 126)))
    check("run/no-mpirun", usage_holds([DOSC, "run", "-n", "2", program], (1,), {"PATH": "/nonexistent"},
                                       "no MPI is installed"))


def fuzz_explain(work, programs):
    program = programs[0]
    plot = os.path.join(work, "plot.svg")
    for arguments in [["--set", "n"], ["--set", "=1"], ["--set", "n=x"], ["--set", "n=1e400"],
                      ["--set", "n=99999999999999999999"], ["--set", "n=-99999999999999999999"],
                      ["--set", "nosuch=1"], ["--set", "n=1", "--set", "n=2"], ["--nodes", "0"], ["--nodes", "-1"],
                      ["--nodes", "99999999999999999999"], ["--threads", "0"], ["--threads", "x"],
                      ["--format", "xml"], ["--plot", plot], ["--plot", plot, "--serial-fraction", "1"],
                      ["--plot", plot, "--serial-fraction", "nan"], ["--plot", plot, "--serial-fraction", "-0.1"],
                      ["--plot", "/nonexistent/dir/p.svg", "--serial-fraction", "0.1"],
                      ["--plot", work, "--serial-fraction", "0.1"], ["--serial-fraction", "0.1"],
                      ["--measure-with", "'unterminated"], ["--nodes", "1000000000", "--threads", "1000000000"]]:
        if os.path.exists(plot):
            os.remove(plot)
        status, out, err = run([DOSC, "explain", program.path, *arguments])
        label = f"explain/{' '.join(arguments).replace(work, 'WORK')}"
        problem = crashed(status)
        if not problem and status not in (0, 1, 2):
            problem = f"exit {status}: {err.strip()[:300]}"
        if not problem and status != 0 and ("rror" not in err or "Fatal error" in err):
            problem = f"exit {status} without an error: {err.strip()[:300]!r}"
        if not problem and status != 0 and os.path.exists(plot):
            problem = "failed, and left the plot behind"
        check(label, problem)
    status, _, err = run([DOSC, "explain", os.path.join(work, "no-such-program")])
    check("explain/missing-program", crashed(status) or ("" if status in (1, 2) and "error:" in err
                                                         else f"exit {status}: {err.strip()[:200]!r}"))


# ---- sources --------------------------------------------------------------------------------

TASK = "void work(int *a, int n) { for (int i = 0; i < n; i++) a[i] += i; }\n"
MAIN_HEAD = "#include <stdio.h>\n" + TASK + "int main(void) {\n  int a[64] = {0};\n"
MAIN_TAIL = "  printf(\"%d\\n\", a[63]);\n  return 0;\n}\n"


def deep_task(statement):
    """A program whose task holds `statement` (it must leave a[63] as the plain task does)."""
    task = "void work(int *a, int n) {\n  for (int i = 0; i < n; i++) a[i] += i;\n" + statement + "\n}\n"
    return "#include <stdio.h>\n" + task + "int main(void) {\n  int a[64] = {0};\n#pragma dosc task\n  work(a, 64);\n#pragma dosc taskwait\n" + MAIN_TAIL


def source_cases(quick):
    """(name, {file: text}, expect): expect 'ok' (builds and prints the plain output) or 'error'
    (a located error and no output)."""
    call = "#pragma dosc task\n  work(a, 64);\n"
    wait = "#pragma dosc taskwait\n"
    sites = 1000 if quick else 100000
    deep = 2000 if quick else 20000
    terms = 2000 if quick else 200000
    chain = 500 if quick else 2000
    nest = 2000 if quick else 100000
    return [
        ("plain", {"s.c": MAIN_HEAD + call + MAIN_TAIL}, "ok"),
        ("no-trailing-newline", {"s.c": (MAIN_HEAD + call + MAIN_TAIL).rstrip("\n")}, "ok"),
        ("crlf", {"s.c": (MAIN_HEAD + call + MAIN_TAIL).replace("\n", "\r\n")}, "ok"),
        ("pragma-last-line", {"s.c": MAIN_HEAD + MAIN_TAIL + "#pragma dosc task"}, "error"),
        ("pragma-on-declaration", {"s.c": MAIN_HEAD + "#pragma dosc task\n  int b = 0; (void)b;\n" + MAIN_TAIL}, "error"),
        ("pragma-on-if", {"s.c": MAIN_HEAD + "#pragma dosc task\n  if (a[0]) work(a, 64);\n" + MAIN_TAIL}, "error"),
        ("pragma-on-block", {"s.c": MAIN_HEAD + "#pragma dosc task\n  { work(a, 64); }\n" + MAIN_TAIL}, "error"),
        ("unknown-directive", {"s.c": MAIN_HEAD + "#pragma dosc taskgroup\n  work(a, 64);\n" + MAIN_TAIL}, "error"),
        ("bad-clause", {"s.c": MAIN_HEAD + "#pragma dosc task in(\n  work(a, 64);\n" + MAIN_TAIL}, "error"),
        ("clause-unknown-name", {"s.c": MAIN_HEAD + "#pragma dosc task in(zz[0:1])\n  work(a, 64);\n" + MAIN_TAIL}, "error"),
        ("clause-huge-section", {"s.c": MAIN_HEAD + "#pragma dosc task inout(a[0:99999999999999999999999])\n  work(a, 64);\n" + MAIN_TAIL}, "either"),
        ("pragma-in-macro", {"s.c": "#define SPAWN(x) _Pragma(\"dosc task\") work(x, 64)\n" + MAIN_HEAD + "  SPAWN(a);\n" + MAIN_TAIL}, "either"),
        ("pragma-in-header", {"h.h": "#pragma dosc task\n", "s.c": MAIN_HEAD + "#include \"h.h\"\n  work(a, 64);\n" + MAIN_TAIL}, "either"),
        ("pragma-continued-line", {"s.c": MAIN_HEAD + "#pragma dosc \\\n task\n  work(a, 64);\n" + MAIN_TAIL}, "ok"),
        ("line-directive", {"s.c": MAIN_HEAD + "#line 9000 \"elsewhere.c\"\n" + call + MAIN_TAIL}, "ok"),
        ("line-directive-bad", {"s.c": MAIN_HEAD + "#line 9000 \"elsewhere.c\"\n#pragma dosc task\n  a[0] = 1;\n" + MAIN_TAIL}, "error"),
        ("unicode-identifiers", {"s.c": "#include <stdio.h>\nvoid wörk(int *ä, int n) { for (int i = 0; i < n; i++) ä[i] += i; }\n"
                                 "int main(void) {\n  int a[64] = {0};\n#pragma dosc task\n  wörk(a, 64);\n" + MAIN_TAIL}, "ok"),
        ("long-line", {"s.c": MAIN_HEAD + "  a[1] = 0" + " + 0" * 200000 + ";\n" + call + MAIN_TAIL}, "ok"),
        ("deep-expression", {"s.c": MAIN_HEAD + "  a[1] = " + "(" * deep + "1" + ")" * deep + ";\n" + call + MAIN_TAIL}, "either"),
        ("many-sites", {"s.c": MAIN_HEAD + (call + wait) * sites + MAIN_TAIL}, "ok"),
        # Deep syntax in the task itself, which dosc converts and analyzes (libclang's extent of
        # each node of a chain walked the chain: n^2; 200,000 terms took minutes).
        ("long-line-in-task", {"s.c": deep_task("  a[1] = a[1]" + " + 0" * terms + ";")}, "ok"),
        ("long-index-in-task", {"s.c": deep_task("  a[0" + " + 0" * terms + "] += 0;")}, "ok"),
        ("assignment-chain-in-task", {"s.c": deep_task("  int " + ", ".join(f"v{i}" for i in range(chain)) + ";\n  "
                                                       + " = ".join(f"v{i}" for i in range(chain)) + " = 0;\n  a[2] += v0;")}, "ok"),
        ("and-chain-in-task", {"s.c": deep_task("  a[2] += a[0]" + " && a[0]" * chain + ";")}, "ok"),
        ("conditional-chain-in-task", {"s.c": deep_task("  a[2] += " + "".join(f"a[0] == {i} ? {i} : " for i in range(chain)) + "0;")}, "ok"),
        ("else-if-chain-in-task", {"s.c": deep_task("  " + " else ".join(f"if (a[0] == {i + 1}) a[2] = {i};" for i in range(chain)))}, "ok"),
        ("nested-parentheses-in-task", {"s.c": deep_task("  a[1] = " + "(" * terms + "1" + ")" * terms + ";")}, "either"),
        ("nested-subscripts-in-task", {"s.c": deep_task("  a[1] = " + "a[" * (chain // 2) + "0" + "]" * (chain // 2) + ";")}, "either"),
        ("syntax-error", {"s.c": MAIN_HEAD + call + "  int = ;\n" + MAIN_TAIL}, "error"),
        ("nul-byte", {"s.c": MAIN_HEAD + call + "\0" + MAIN_TAIL}, "either"),
        ("invalid-utf8", {"s.c": MAIN_HEAD + call + "  /* \udcff\udcfe */\n" + MAIN_TAIL}, "ok"),
        ("empty", {"s.c": ""}, "either"),
        ("bom", {"s.c": "\ufeff" + MAIN_HEAD + call + MAIN_TAIL}, "ok"),
        ("crlf-pragma-continued", {"s.c": (MAIN_HEAD + "#pragma dosc \\\n task\n  work(a, 64);\n" + MAIN_TAIL).replace("\n", "\r\n")}, "ok"),
        ("pragma-operator", {"s.c": MAIN_HEAD + "  _Pragma(\"dosc task\") work(a, 64);\n" + MAIN_TAIL}, "either"),
        ("pragma-after-line-in-header", {"h.h": "#line 1 \"other.h\"\nstatic inline int one(void) { return 1; }\n",
                                         "s.c": "#include \"h.h\"\n" + MAIN_HEAD + call + MAIN_TAIL}, "ok"),
        ("nul-in-comment", {"s.c": MAIN_HEAD + "  /* \0 */\n" + call + MAIN_TAIL}, "either"),
        ("very-long-line-in-call", {"s.c": MAIN_HEAD + "#pragma dosc task\n  work(a, 64" + " + 0" * terms + ");\n" + MAIN_TAIL}, "either"),
        # Nesting 100,000 deep (full run) that clang accepts in dosc's large stack, and where its
        # bracket limit refuses it: a result or a located error, never a crash of dosc. (Nested
        # `if`s and unary operators are quadratic in clang itself: 20,000 `!` take it 11 s.)
        ("deep-casts", {"s.c": MAIN_HEAD + "  a[1] = " + "(int)" * nest + "1;\n" + call + MAIN_TAIL}, "ok"),
        ("deep-commas", {"s.c": MAIN_HEAD + "  a[1] = (" + "a[0], " * nest + "1);\n" + call + MAIN_TAIL}, "ok"),
        ("deep-labels", {"s.c": MAIN_HEAD + "".join(f"  l{k}:\n" for k in range(nest)) + "  a[1] = 1;\n" + call + MAIN_TAIL}, "ok"),
        ("deep-macros", {"s.c": "".join(f"#define M{k} M{k - 1}\n" for k in range(1, nest)) + "#define M0 1\n" + MAIN_HEAD
                         + f"  a[1] = M{nest - 1};\n" + call + MAIN_TAIL}, "ok"),
        ("deep-blocks", {"s.c": MAIN_HEAD + "  " + "{" * nest + "a[1] = 1;" + "}" * nest + "\n" + call + MAIN_TAIL}, "either"),
    ]


def tree_state(directory):
    """Every file under `directory` with its size, mode and modification time."""
    state = {}
    for base, _, files in os.walk(directory):
        for name in files:
            path = os.path.join(base, name)
            info = os.lstat(path)
            state[os.path.relpath(path, directory)] = (info.st_size, info.st_mode, info.st_mtime_ns)
    return state


def fuzz_compile(work, quick, only_cases=None):
    for name, files, expect in source_cases(quick):
        if only_cases and name not in only_cases:
            continue
        directory = os.path.join(work, "compile-" + name)
        os.makedirs(directory)
        for file_name, text in files.items():
            with open(os.path.join(directory, file_name), "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(text)
        before = tree_state(directory)
        for command_name, command, outputs in [
            ("compile", [DOSC, "compile", "s.c", "-o", "prog"], ["prog", "prog.dosc.json"]),
            ("cc -c", [DOSC, "cc", "-c", "s.c", "-o", "s.o"], ["s.o"]),
            ("analyze", [DOSC, "analyze", "s.c", "-o", "s.json"], ["s.json"]),
        ]:
            status, out, err = run(command, cwd=directory)
            label = f"compile/{name} ({command_name})"
            problem = crashed(status)
            if not problem and status not in (0, 1):
                problem = f"exit {status}: {err.strip()[:300]}"
            if not problem and status == 1 and "ld returned" not in err:
                located = [line for line in err.splitlines() if ": error: " in line and line.split(":")[1:2] != [""]
                           and line.split(":")[1].strip().isdigit()]
                if not located:
                    problem = f"exit 1 without a located error: {err.strip()[:300]!r}"
                left = [o for o in outputs if os.path.exists(os.path.join(directory, o))]
                if left:
                    problem = f"failed and left {left}"
            if not problem and expect == "error" and status == 0:
                problem = "accepted (expected a located error)"
            if not problem and expect == "ok" and status != 0 and command_name != "analyze":
                problem = f"refused: {err.strip()[:300]!r}"
            if not problem and "Fatal error" in err:
                problem = f"crashed: {err.strip()[:300]}"
            if not problem and command_name == "compile" and status == 0 and name not in ("many-sites",):
                got = run([os.path.join(directory, "prog")])
                if got[0] != 0 or got[1] != "63\n":
                    problem = f"the program prints {got[1]!r} (exit {got[0]}), expected '63\\n'"
            now = tree_state(directory)
            changed = [f for f in before if now.get(f) != before[f]]
            if not problem and changed:
                problem = f"changed the user's files {changed}"
            check(label, problem)
            for output in outputs:
                path = os.path.join(directory, output)
                if os.path.exists(path):
                    os.remove(path)
    if only_cases:
        return
    # Output paths that are the input, and a read-only output directory.
    directory = os.path.join(work, "compile-paths")
    os.makedirs(directory)
    source = os.path.join(directory, "s.c")
    with open(source, "w") as f:
        f.write(MAIN_HEAD + "#pragma dosc task\n  work(a, 64);\n" + MAIN_TAIL)
    os.link(source, os.path.join(directory, "hard.c"))
    os.symlink("s.c", os.path.join(directory, "soft.c"))
    readonly = os.path.join(directory, "readonly")
    os.makedirs(readonly)
    os.chmod(readonly, 0o555)
    for label, command in [("o-is-input", ["compile", "s.c", "-o", "s.c"]), ("o-is-dot-input", ["compile", "s.c", "-o", "./s.c"]),
                           ("o-is-hard-link", ["compile", "s.c", "-o", "hard.c"]), ("o-is-symlink", ["compile", "s.c", "-o", "soft.c"]),
                           ("cc-o-is-input", ["cc", "-c", "s.c", "-o", "s.c"]), ("analyze-o-is-input", ["analyze", "s.c", "-o", "s.c"]),
                           ("o-in-missing-dir", ["compile", "s.c", "-o", "nodir/prog"]),
                           ("o-is-directory", ["compile", "s.c", "-o", "readonly"])]:
        before = tree_state(directory)
        status, _, err = run([DOSC, *command], cwd=directory)
        problem = crashed(status)
        if not problem and status not in (1, 2):
            problem = f"exit {status} (expected a refusal): {err.strip()[:200]!r}"
        if not problem and "error:" not in err:
            problem = f"no error: {err.strip()[:200]!r}"
        now = tree_state(directory)
        if not problem and before != now:
            problem = f"changed files: {sorted(set(now.items()) ^ set(before.items()))[:4]}"
        check(f"compile/{label}", problem)
    # A source whose name is not UTF-8: built, and its sidecar and diagnostics name it.
    raw = os.path.join(os.fsencode(directory), b"\xff\xfe.c")
    with open(raw, "wb") as f:
        f.write((MAIN_HEAD + "#pragma dosc task\n  work(a, 64);\n" + MAIN_TAIL).encode())
    status, out, err = run([DOSC, "compile", os.fsdecode(raw), "-o", "raw-prog"], cwd=directory)
    problem = crashed(status) or (None if status in (0, 1) else f"exit {status}: {err.strip()[:200]!r}")
    if not problem and status == 1 and ": error: " not in err:
        problem = f"refused without an error: {err.strip()[:200]!r}"
    if not problem and status == 0:
        got = run([os.path.join(directory, "raw-prog")])
        if got[1] != "63\n":
            problem = f"the program prints {got[1]!r}"
    check("compile/non-utf8-path", problem)
    # A read-only directory: as root, permissions do not stop a write; a read-only mount would.
    os.chmod(readonly, 0o755)


def processes_in(directory):
    """The pids of the processes whose working directory is `directory` (a compiler dosc
    started, which may outlive it)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/cwd") == directory:
                    found.append(int(entry))
            except OSError:
                pass
    return found


def linking(pid):
    """Whether a descendant of `pid` links dosc compile's program (its output argument is the
    temporary `.NAME.dosc-tmp.PID`)."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if b".dosc-tmp." in f.read():
                        return True
            except OSError:
                pass
    return False


def fuzz_signals(work, quick):
    """SIGINT/SIGTERM/SIGHUP while dosc compile, dosc cc -c and dosc analyze work, at several
    moments and while the compiler links: no output file, partial or whole, is left (nor a
    temporary), once every process dosc started has ended too."""
    directory = os.path.join(work, "signals")
    os.makedirs(directory)
    with open(os.path.join(directory, "s.c"), "w") as f:
        f.write(MAIN_HEAD + ("#pragma dosc task\n  work(a, 64);\n#pragma dosc taskwait\n") * 300 + MAIN_TAIL)
    commands = [("compile", ["compile", "s.c", "-o", "prog"], ["prog", "prog.dosc.json"]),
                ("cc", ["cc", "-c", "s.c", "-o", "s.o"], ["s.o"]),
                ("analyze", ["analyze", "s.c", "-o", "s.json"], ["s.json"])]
    if quick:
        commands = commands[:1]
    for command_name, command, outputs in commands:
        # How long it takes undisturbed: the moments are fractions of it.
        started = time.monotonic()
        status, _, err = run([DOSC, *command], cwd=directory)
        took = time.monotonic() - started
        if status != 0:
            check(f"signals/{command_name}", f"does not build undisturbed: exit {status}: {err.strip()[:200]}")
            continue
        for output in outputs:
            os.remove(os.path.join(directory, output))
        moments = [0.1, 0.4, 0.7, 0.9, "link"] if command_name == "compile" else [0.2, 0.6, 0.9]
        if quick:
            moments = [0.5, "link"]
        for sig in (signal.SIGTERM, signal.SIGINT) if quick else (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            for moment in moments:
                process = subprocess.Popen([DOSC, *command], cwd=directory, env=clean_environment(),
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                signalled = False
                if moment == "link":
                    deadline = time.monotonic() + RETRY_TIMEOUT
                    while process.poll() is None and time.monotonic() < deadline and not signalled:
                        if linking(process.pid):
                            process.send_signal(sig)
                            signalled = True
                        time.sleep(0.001)
                else:
                    try:
                        process.wait(timeout=moment * took)
                    except subprocess.TimeoutExpired:
                        process.send_signal(sig)
                        signalled = True
                try:
                    # Once signalled it ends at once; else it runs to its end (a loaded machine).
                    status = process.wait(timeout=TIMEOUT if signalled else RETRY_TIMEOUT)
                except subprocess.TimeoutExpired:
                    process.kill()
                    status = None
                # What dosc started may outlive it: look once it has ended too.
                deadline = time.monotonic() + RETRY_TIMEOUT
                while processes_in(directory) and time.monotonic() < deadline:
                    time.sleep(0.05)
                left = sorted(set(os.listdir(directory)) - {"s.c"})
                label = f"signals/{command_name}-{sig.name}-at-{moment}"
                problem = "" if status is not None else "hung after the signal"
                if status == 0:
                    if left != sorted(outputs):
                        problem = f"finished but left {left}"
                elif left:
                    problem = f"ended by {sig.name} (status {status}) and left {left}"
                elif status not in (-sig, 128 + sig):
                    problem = f"ended with status {status}, not by {sig.name}"
                if not signalled and moment == "link":
                    # Said, not failed: the link was not seen (a machine too fast or too slow to
                    # catch it with a poll of 1 ms); the other moments still hold.
                    print(f"fuzz-inputs: {label}: the link was not caught; the case checked a whole compile")
                check(label, problem)
                for name in left:
                    path = os.path.join(directory, name)
                    shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="sidecar,profile,env,run,explain,compile,signals")
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    areas = [area.split("/")[0] for area in options.only.split(",")]
    # `compile/NAME`: that source case alone.
    compile_cases = [area.split("/", 1)[1] for area in options.only.split(",") if area.startswith("compile/")]
    work = tempfile.mkdtemp(prefix="dosc-fuzz-")
    try:
        programs = []
        if set(areas) & {"sidecar", "profile", "env", "run", "explain"}:
            programs = [Program(work, "fib", ["18"]), Program(work, "matmul", ["64"])]
            if options.quick:
                programs = programs[:1] + [programs[1]]
        if "sidecar" in areas:
            fuzz_sidecar(work, programs, rng, options.quick)
        if "profile" in areas:
            fuzz_profile(work, programs, rng, options.quick)
        if "env" in areas:
            fuzz_env(work, programs, options.quick)
        if "run" in areas:
            fuzz_run(work, programs)
        if "explain" in areas:
            fuzz_explain(work, programs)
        if "compile" in areas:
            fuzz_compile(work, options.quick, None if "compile" in options.only.split(",") else compile_cases)
        if "signals" in areas:
            fuzz_signals(work, options.quick)
    finally:
        if options.keep:
            print(f"fuzz-inputs: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"fuzz-inputs: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
