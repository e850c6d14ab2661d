#!/usr/bin/env python3
"""footprint-oracle.py: checks a dosc manifest against the loads and stores a program really makes.

usage: footprint-oracle.py [options] SOURCE.c... [-- PROGRAM-ARGS...]
  (several sources: the manifest is the sidecar `dosc compile` links; each task's wrapper goes
  into the file that defines the task)
  --dosc PATH        the dosc binary (default: .build/debug/dosc of this repository)
  --cflag FLAG       a flag for both `dosc analyze` and the build (repeatable, e.g. --cflag=-Ifoo)
  --extra FILE.c     another source linked in as is, not analyzed (repeatable): a function the
                     analyzer cannot see
  --timeout SECONDS  for the run under valgrind (default 120); a run that takes longer is
                     reported as skipped (exit 3), not as a pass
  --manifest FILE    check this manifest instead of running `dosc analyze` (to show that the
                     oracle catches a figure made wrong by hand)
  --keep DIR         keep the instrumented source, the build and the manifest in DIR
  --batches-only     only the batch build and its checks (siblings, trip counts), no valgrind:
                     the last line is then `oracle: PROGRAM: spawns per batch: ...`

Exit status: 0 no violation, 1 violations, 2 setup error (analyze/build/valgrind failed),
3 skipped (the run timed out). The last line is always
  oracle: PROGRAM: T tasks checked (I invocations, P bounded pointer parameters), A accesses checked, V violations
and, for scripts that add up many runs, a line `oracle-counts: T I A V P` before it. V counts
distinct (task, parameter, kind) violations; each VIOLATION line says how often it occurred.

How (the proof of issue 7): `dosc analyze` writes the manifest; the source is then built as its
serial elision (clang -O0 -fno-inline -fno-builtin, no PIE; $ORACLE_CC overrides) with every
task function renamed and a wrapper of the task's own name put in its place, so every call of the task,
from a spawn site or not, recursive or not, goes through the wrapper. The wrapper logs the
actual arguments and its frame address (the top of the task's stack) and calls the real
body; footprint-oracle-shim.c logs heap blocks and makes memcpy/memmove/memset byte-wise.
The program runs under `valgrind --tool=lackey --trace-mem=yes`; each traced access made while
a task invocation is open is checked against every open invocation (a child's accesses count
for its parents too: the analyzer instantiates a called or spawned task's effects into its
caller's figures, and a task's remotability covers everything it runs).

For each invocation, at its actual arguments (C integer arithmetic, division truncating):
- an access is the invocation's own when it lies below its stack top (its frame, its callees'
  frames, alloca) or in a heap block allocated while it was open;
- a pointer parameter whose `first` and `count` are non-null is checked (its `reads` and
  `writes` where they are non-null too): every access in the parameter's object (the heap block or global it points into)
  must lie inside its footprint [first, first+count) elements from the argument; each store
  inside [write_first, write_first+write_count) when the manifest has those fields; the bytes
  read (written) inside the footprint, divided by the element size, at most `reads`
  (`writes`); an `access: none` parameter's footprint is empty, so any touch is a violation;
  with `write_dense: true`, every byte of [write_first, write_first+write_count) must have been
  stored by the time the invocation ends (a remote run ships it back whole, uncompared);
  Parameters that alias (footprints overlapping) are checked as a group: an access inside
  several footprints counts against the sum of their figures;
- a task with `recursive: false` never runs inside an invocation of itself;
- a recursive task's `work`, where it is not null, is at least the sum of its `work` at the
  arguments of the recursive calls it makes directly plus each call's own operations (1 and 1 per
  argument): the step of the induction that proves it (the analyzer's operations are not counted
  here, so this checks the recursion's part of the figure, not the part of each invocation alone);
- a task with `remotable: true` touches nothing else: a global of the program, a heap block it
  was not given, or its callers' stack memory outside every footprint is a violation; only a
  load from a global its `constant_globals` names (the same bytes on every rank) is not.
Batches: a second build of the serial elision (no valgrind) numbers every invocation of a
spawning function and logs each spawn, with the values of the names of its site's `siblings`
there, and each taskwait (footprint-oracle-batches.c). An invocation's batch is its spawns
between two taskwaits (its start and end included); at every spawn the site's `siblings`,
where not null, must be at least the batch's size: a figure below it makes the runtime's batch
test run a batch as plain calls. The loop around each site whose `loop.trip_count` is not null
is logged too, as it starts and at each iteration: at every spawn the trip count (over the
values its names have there) must be at least the iterations that run of the loop, from that
start to the next. A figure naming what the spawn cannot see fails that build.

Counting is in bytes (a struct copy is several machine moves but one element access): observed
elements = ceil(bytes / element_size), so a scalar-element array is counted exactly.

Addresses do not say which pointer an access went through, so an access is attributed to a
parameter only where the task has no other way to the same object. Not attributed (neither
counted nor blamed): an object that a parameter with null figures also points into; a global
the manifest's reasons say the task accesses by name; when the reasons say it goes through
pointers that do not derive from a parameter, every global (where such pointers point, e.g.
csmith's `l_5 = &g_76`) and, if it also names a global (which may hold a pointer), every heap
block. A remotable task has no such reasons, so it is checked in full.

Limits, by design: memory that is no object of the program (libc's and libm's own data, read by
library functions) is not judged; a parameter pointing into a caller's stack frame has no
known extent, so for a task that is not remotable an access there outside every footprint is
not blamed on it (a remotable task's is, as foreign memory); figures that are null are not
checked (null is always sound); only what the run executes is checked (small inputs: each
program's own, or those the suite passes).
"""
import argparse
import bisect
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIM = os.path.join(ROOT, "scripts", "footprint-oracle-shim.c")
BATCHES = os.path.join(ROOT, "scripts", "footprint-oracle-batches.c")
STACK_SPAN = 1 << 26  # how far below a task's stack top its stack (and its callees') may reach
WRAPPED = ["malloc", "calloc", "realloc", "free", "memcpy", "memmove", "memset"]


class SetupError(Exception):
    pass


# ---------------------------------------------------------------- manifest expressions

TOKEN = re.compile(r"\s*(?:(\d+)|([A-Za-z_]\w*)|(.))")


def evaluate(expression, values):
    """Evaluates a manifest EXPR (a number, or C over parameter names, + - * /, min, max and
    parentheses) with Python's exact integers and C's truncating division."""
    if expression is None:
        return None
    if isinstance(expression, (int, float)):
        return int(expression)
    tokens = [m.groups() for m in TOKEN.finditer(expression) if m.group(0).strip()]
    position = 0

    def peek():
        return tokens[position] if position < len(tokens) else (None, None, None)

    def take(symbol=None):
        nonlocal position
        token = peek()
        if symbol is not None and token[2] != symbol:
            raise ValueError(f"expected '{symbol}' in {expression!r}")
        position += 1
        return token

    def primary():
        number, name, symbol = take()
        if number is not None:
            return int(number)
        if symbol == "(":
            value = additive()
            take(")")
            return value
        if symbol == "-":
            return -primary()
        if symbol == "+":
            return primary()
        if name in ("min", "max"):
            take("(")
            left = additive()
            take(",")
            right = additive()
            take(")")
            return min(left, right) if name == "min" else max(left, right)
        if name is not None:
            if name not in values:
                raise ValueError(f"'{name}' in {expression!r} has no value")
            return values[name]
        raise ValueError(f"cannot read {expression!r}")

    def multiplicative():
        value = primary()
        while peek()[2] in ("*", "/"):
            operator = take()[2]
            right = primary()
            if operator == "*":
                value *= right
            else:
                if right == 0:
                    raise ValueError(f"division by zero in {expression!r}")
                quotient = abs(value) // abs(right)
                value = quotient if (value >= 0) == (right >= 0) else -quotient
        return value

    def additive():
        value = multiplicative()
        while peek()[2] in ("+", "-"):
            operator = take()[2]
            right = multiplicative()
            value = value + right if operator == "+" else value - right
        return value

    result = additive()
    if position != len(tokens):
        raise ValueError(f"trailing text in {expression!r}")
    return result


def variables_of(expression):
    if not isinstance(expression, str):
        return set()
    return {name for _, name, _ in (m.groups() for m in TOKEN.finditer(expression)) if name} - {"min", "max"}


INTEGER_TYPE = re.compile(
    r"^(const |volatile )*(enum \w+|((signed|unsigned|char|short|int|long|_Bool|bool) ?)+|"
    r"u?int(_least|_fast)?(8|16|32|64)_t|u?intptr_t|u?intmax_t|s?size_t|ptrdiff_t)( const| volatile)*$")


def is_pointer(parameter):
    return "*" in parameter["type"] or "[" in parameter["type"]


# ---------------------------------------------------------------- instrumenting the source


def code_mask(text):
    """True at each offset that is code (not inside a comment, string or character literal, nor
    a preprocessor directive: a macro's `;` or `}` ends no declaration)."""
    mask = [True] * len(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#" and text[text.rfind("\n", 0, i) + 1 : i].strip() == "" and not continues(text, i):
            end = directive_end(text, i)
            mask[i:end] = [False] * (end - i)
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            mask[i:end] = [False] * (end - i)
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            mask[i:end] = [False] * (end - i)
            i = end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            end = min(n, j + 1)
            mask[i:end] = [False] * (end - i)
            i = end
        else:
            i += 1
    return mask


def continues(text, offset):
    """Whether the line holding `offset` continues the line before it (that one ends in `\\`)."""
    end = text.rfind("\n", 0, offset)
    if end > 0 and text[end - 1] == "\r":
        end -= 1
    return end > 0 and text[end - 1] == "\\"


def directive_end(text, offset):
    """Just past the preprocessor directive at `offset`: the line after its last line, which
    is the first of its lines not ending in `\\` (a multi-line `#define`)."""
    end = offset
    while True:
        newline = text.find("\n", end)
        if newline < 0:
            return len(text)
        if not text[end:newline].rstrip("\r").endswith("\\"):
            return newline + 1
        end = newline + 1


def declaration_start(text, mask, offset):
    """Where the top-level declaration containing `offset` begins: after the last `;` or `}`
    in code before it, or after the last preprocessor directive (all its continued lines),
    whichever is later."""
    start = 0
    for i in range(offset - 1, -1, -1):
        if mask[i] and text[i] in ";}":
            start = i + 1
            break
    line_start = text.rfind("\n", 0, offset) + 1
    while line_start > start:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if text[previous:line_start].lstrip().startswith("#") and not continues(text, previous):
            return max(line_start, directive_end(text, previous))
        line_start = previous
    return start


def instrument(text, source_name, tasks):
    """Renames each task's definition to __oracle_real_NAME, declares NAME just before it, and
    appends a wrapper NAME that logs entry and exit around a call of the real body. tasks:
    (index in the oracle's task list, manifest task) for the tasks this text defines."""
    line_offsets = [0]
    for match in re.finditer("\n", text):
        line_offsets.append(match.end())
    mask = code_mask(text)
    edits = []  # (offset, length, replacement)
    wrappers = []
    for index, task in tasks:
        location = task["location"]
        offset = line_offsets[location["line"] - 1] + location["column"] - 1
        name = task["name"]
        if text[offset : offset + len(name)] != name:
            raise SetupError(f"{source_name}:{location['line']}:{location['column']}: task '{name}' is not spelled there")
        types = [declarable_type(parameter) for parameter in task["params"]]
        prototype = f"{task['returns']} {name}({', '.join(types) if types else 'void'}); "
        edits.append((declaration_start(text, mask, offset), 0, prototype))
        edits.append((offset, len(name), f"__oracle_real_{name}"))
        wrappers.append(wrapper(index, task))
    for offset, length, replacement in sorted(edits, key=lambda edit: edit[0], reverse=True):
        text = text[:offset] + replacement + text[offset + length :]
    declarations = [
        "extern volatile char __oracle_mute_on, __oracle_mute_off;",
        "void __oracle_begin_entry(int, void *);",
        "void __oracle_arg_pointer(const volatile void *);",
        "void __oracle_arg_integer(unsigned long long, int);",
        "void __oracle_arg_unused(void);",
        "void __oracle_arg_classified(const volatile void *, unsigned long, int);",
        "void __oracle_end_entry(void);",
        "void __oracle_exit(int);",
    ]
    return text + "\n/* footprint oracle: task wrappers */\n" + "\n".join(declarations + wrappers) + "\n"


# ---------------------------------------------------------------- batches of spawns


PRAGMA_TASKWAIT = re.compile(r"^[ \t]*#[ \t]*pragma[ \t]+dosc[ \t]+taskwait\b[^\n]*", re.M)


def matching(text, mask, offset, opening, closing):
    """Just past the bracket that closes the one at `offset` (code only), or None."""
    depth = 0
    for i in range(offset, len(text)):
        if not mask[i]:
            continue
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def function_bodies(text, mask, names):
    """{name: (offset of its body's `{`, just past its `}`)} for each function defined here."""
    bodies = {}
    for name in names:
        for match in re.finditer(r"\b" + re.escape(name) + r"\s*\(", text):
            if not mask[match.start()]:
                continue
            end = matching(text, mask, match.end() - 1, "(", ")")
            if end is None:
                continue
            brace = end
            while brace < len(text) and (text[brace].isspace() or not mask[brace]):
                brace += 1
            if brace < len(text) and text[brace] == "{":
                close = matching(text, mask, brace, "{", "}")
                if close is not None:
                    bodies[name] = (brace, close)
                    break
    return bodies


LOOP_KEYWORD = re.compile(r"(for|while|do)\b")


def next_code(text, mask, offset):
    """The first offset at or after `offset` that is code and not white space."""
    while offset < len(text) and (not mask[offset] or text[offset].isspace()):
        offset += 1
    return offset


def loop_edits(text, mask, offset, number):
    """Edits that log the loop spelled at `offset` (numbered `number`) each time it starts and
    at each iteration, or None where no loop is spelled there (a macro). It starts inside a
    statement that runs once, `for (int once = (log, 0); !once; once = 1) LOOP`, which needs
    no edit past its end; an iteration is a test of its condition that holds (`for`, `while`)
    or, for a `do` loop, the start of its body."""
    keyword = LOOP_KEYWORD.match(text, offset)
    if not keyword or not mask[offset]:
        return None
    # A loop pragma (`#pragma omp for`, `#pragma clang loop`) must stay just before its loop.
    before = text[: offset].rstrip().rsplit("\n", 1)[-1].strip()
    if re.match(r"#\s*pragma\b", before) and not re.match(r"#\s*pragma\s+dosc\b", before):
        return None
    once = f"__oracle_once{number}"
    edits = [(offset, 0, f"for (int {once} = (__oracle_loop({number}, __oracle_invocation), 0); !{once}; {once} = 1) ")]
    iteration = f"__oracle_iteration({number}, __oracle_invocation, "
    opening = next_code(text, mask, keyword.end())
    if keyword.group(1) == "do":
        if opening >= len(text) or text[opening] != "{":
            return None
        return edits + [(opening + 1, 0, iteration + "1);")]
    if opening >= len(text) or text[opening] != "(":
        return None
    close = matching(text, mask, opening, "(", ")")
    if close is None:
        return None
    start, end = opening + 1, close - 1
    if keyword.group(1) == "for":
        # The condition lies between the header's two semicolons at its own depth.
        depth, semicolons = 0, []
        for i in range(start, end):
            if not mask[i]:
                continue
            depth += text[i] in "([{"
            depth -= text[i] in ")]}"
            if depth == 0 and text[i] == ";":
                semicolons.append(i)
        if len(semicolons) != 2:
            return None
        start, end = semicolons[0] + 1, semicolons[1]
    if text[start:end].strip() == "":
        return edits + [(start, 0, iteration + "1)")]
    return edits + [(start, 0, iteration + "!!("), (end, 0, "))")]


def instrument_batches(text, source_name, sites, first_loop):
    """The serial elision with each spawn of `sites` (manifest sites in this text) logged, with
    the values of the names its `siblings` and its loop's `trip_count` have there, each taskwait
    of a spawning function logged, and each loop around a site whose trip count is known logged
    as it starts and at each iteration (footprint-oracle-batches.c); every invocation of a
    spawning function is numbered, its loops from `first_loop` on. Returns (text, the sites
    instrumented, {site id: the number of its loop}, the loops numbered, notes)."""
    line_offsets = [0] + [m.end() for m in re.finditer("\n", text)]
    mask = code_mask(text)
    notes = []
    bodies = function_bodies(text, mask, sorted({site["function"] for site in sites}))
    edits = []
    for name, (brace, _) in bodies.items():
        edits.append((brace + 1, 0, " long __oracle_invocation = __oracle_enter();"))
    logged = []
    loops = {}  # offset of a loop -> its number, or None where it is not spelled there
    site_loops = {}
    for site in sites:
        location = site["location"]
        offset = line_offsets[location["line"] - 1] + location["column"] - 1
        name = site["task"]
        if site["function"] not in bodies or text[offset : offset + len(name)] != name:
            notes.append(f"site {site['id']} at {source_name}:{location['line']}: the spawn is not spelled there: "
                         "its batch and trip count are not checked")
            continue
        names = sorted(variables_of(site.get("siblings")) | variables_of(trip_count(site)))
        values = "".join(f", (long long)({n})" for n in names)
        edits.append((offset, 0, f"(__oracle_spawn({site['id']}, __oracle_invocation, {len(names)}{values}), "))
        edits.append((offset + len(name), 0, ")"))
        logged.append(site)
        if trip_count(site) is None:
            continue
        where = site["loop"]["location"]
        loop = line_offsets[where["line"] - 1] + where["column"] - 1
        if loop not in loops:
            number = first_loop + len(loops)
            instrumented = loop_edits(text, mask, loop, number)
            loops[loop] = number if instrumented else None
            edits += instrumented or []
        if loops[loop] is None:
            notes.append(f"site {site['id']} at {source_name}:{location['line']}: its loop at "
                         f"{where['line']}:{where['column']} is not spelled there: its trip count is not checked")
        else:
            site_loops[site["id"]] = loops[loop]
    # A taskwait: the rewriter puts dosc_taskwait(&dosc_fr); where its line was.
    for match in PRAGMA_TASKWAIT.finditer(text):
        if any(brace < match.start() < close for brace, close in bodies.values()):
            edits.append((match.start(), match.end() - match.start(), "__oracle_wait(__oracle_invocation);"))
    for offset, length, replacement in sorted(edits, key=lambda edit: edit[0], reverse=True):
        text = text[:offset] + replacement + text[offset + length :]
    declarations = ("long __oracle_enter(void); void __oracle_spawn(int, long, int, ...); void __oracle_wait(long); "
                    "void __oracle_loop(int, long); int __oracle_iteration(int, long, int);\n")
    return declarations + text, logged, site_loops, len(loops), notes


def trip_count(site):
    """The trip count of the loop around a site (None: no loop, or not known)."""
    return (site.get("loop") or {}).get("trip_count")


def check_batches(options, work, label, manifest, sources, cc):
    """Each site's `siblings` at each spawn against the batch the spawn was in (the spawns of
    its invocation between two taskwaits), and its loop's `trip_count` at each spawn against
    the iterations that run of that loop (from its start, in that invocation): never smaller.
    Returns (violations, summary)."""
    sites = [site for site in manifest.get("sites", [])]
    paths = []
    logged = []
    site_loops = {}
    first_loop = 0
    for number, source in enumerate(sources):
        base = os.path.basename(source)
        here = [site for site in sites if os.path.basename(site["location"]["file"]) == base]
        text = open(source, encoding="utf-8", errors="surrogateescape").read()
        instrumented, checked, loops, numbered, notes = instrument_batches(text, base, here, first_loop)
        for note in notes:
            print(f"oracle: {label}: note: {note}")
        logged += checked
        site_loops.update(loops)
        first_loop += numbered
        path = os.path.join(work, f"batches{number}-{base}")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as out:
            out.write(instrumented)
        paths.append(path)
    if not logged:
        return [], "no spawn site"
    binary = os.path.join(work, "batches")
    build = subprocess.run(
        [cc, "-O0", "-w", *sorted({f"-I{os.path.dirname(source)}" for source in sources}), *options.cflag, *paths,
         BATCHES, *options.extra, "-o", binary, "-lm"],
        capture_output=True, text=True)
    if build.returncode != 0:
        raise SetupError(f"the batch build failed (a siblings or trip_count figure naming what its spawn cannot "
                         f"see?): {build.stderr.strip()[-800:]}")
    log = os.path.join(work, "batches.log")
    try:
        subprocess.run([binary, *options.args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, DOSC_ORACLE_BATCHES=log), timeout=options.timeout)
    except subprocess.TimeoutExpired:
        return [], "skipped: the run took longer than the timeout"
    by_id = {site["id"]: site for site in logged}
    open_batches = {}
    loop_runs = {}  # (invocation, loop) -> [iterations so far, [(site id, values) of its spawns]]
    violations = {}
    counts = {kind: {"exact": 0, "wider": 0, "null": 0} for kind in ("siblings", "trip_count")}
    spawns = batches = 0

    def judge(kind, site_id, figure, values, truth, what):
        if figure is None:
            counts[kind]["null"] += 1
            return
        names = sorted(variables_of(by_id[site_id].get("siblings")) | variables_of(trip_count(by_id[site_id])))
        value = evaluate(figure, dict(zip(names, values)))
        if value < truth:
            key = (site_id, kind, str(figure))
            known = violations.get(key, (0, ""))
            violations[key] = (known[0] + 1, known[1] or f"{value} at the spawn ({figure}) for {what} of {truth}")
        else:
            counts[kind]["exact" if value == truth else "wider"] += 1

    def close(batch):
        nonlocal batches, spawns
        batches += 1
        spawns += len(batch)
        for site_id, values in batch:
            judge("siblings", site_id, by_id[site_id].get("siblings"), values, len(batch), "a batch")

    def close_run(run):
        for site_id, values in run[1]:
            judge("trip_count", site_id, trip_count(by_id[site_id]), values, run[0], "a loop run")

    if os.path.exists(log):
        for line in open(log):
            fields = line.split()
            if len(fields) < 2:
                continue
            invocation = int(fields[1])
            if fields[0] == "spawn":
                site_id, values = int(fields[2]), [int(v) for v in fields[3:]]
                open_batches.setdefault(invocation, []).append((site_id, values))
                if site_id in site_loops:
                    loop_runs.setdefault((invocation, site_loops[site_id]), [0, []])[1].append((site_id, values))
                elif by_id[site_id].get("loop"):
                    judge("trip_count", site_id, None, values, 0, "")  # null, or its loop is not spelled there
            elif fields[0] == "wait" and invocation in open_batches:
                close(open_batches.pop(invocation))
            elif fields[0] == "loop":
                close_run(loop_runs.pop((invocation, int(fields[2])), [0, []]))
                loop_runs[(invocation, int(fields[2]))] = [0, []]
            elif fields[0] == "iteration":
                loop_runs.setdefault((invocation, int(fields[2])), [0, []])[0] += 1
    for batch in open_batches.values():
        close(batch)
    for run in loop_runs.values():
        close_run(run)
    found = []
    for (site_id, kind, _), (count, detail) in sorted(violations.items()):
        location = by_id[site_id]["location"]
        what = "siblings below its batch" if kind == "siblings" else "loop.trip_count below its loop's iterations"
        found.append(f"site {site_id} at {os.path.basename(location['file'])}:{location['line']} "
                     f"(task '{by_id[site_id]['task']}'): {what}: {detail} "
                     f"({count} spawn{'s' if count > 1 else ''})")
    summary = (f"{batches} batches ({spawns} spawns): siblings {counts['siblings']['exact']} exact, "
               f"{counts['siblings']['wider']} wider, {counts['siblings']['null']} null; trip counts at the spawns: "
               f"{counts['trip_count']['exact']} exact, {counts['trip_count']['wider']} wider, "
               f"{counts['trip_count']['null']} null or not checked")
    return found, summary


VARIABLE_BOUND = re.compile(r"\[\s*[^\]\s\d][^\]]*\]")


def declarable_type(parameter):
    """A parameter's type as the wrapper and its prototype declare it: a variably modified
    type (`double[nx][ny]`, `double (*)[ny]`) names bounds that exist only inside the task, so
    it is passed as `void *`, which converts back at the call of the real body."""
    return "void *" if VARIABLE_BOUND.search(parameter["type"]) else parameter["type"]


SCALAR_SIZES = {"char": 1, "short": 2, "int": 4, "long": 8, "float": 4, "double": 8}


def variable_element_size(parameter, values):
    """The size in bytes of an element that is a row of a variable-length array (`double[nx][ny]`
    or `double (*)[ny]`: a row of ny doubles) at the invocation's arguments; None otherwise."""
    spelling = parameter["type"]
    if not VARIABLE_BOUND.search(spelling):
        return None
    base = spelling.split("[")[0].replace("(*)", "").replace("const", "").replace("restrict", "").split()
    bounds = re.findall(r"\[([^\]]*)\]", spelling)
    if "(*)" not in spelling:
        bounds = bounds[1:]  # an array parameter: its first bound is the one that decays
    words = [word for word in base if word not in ("unsigned", "signed")]
    if len(words) != 1 or words[0] not in SCALAR_SIZES:
        return None
    size = SCALAR_SIZES[words[0]]
    try:
        for bound in bounds:
            size *= evaluate(bound, values)
    except (ValueError, KeyError):
        return None
    return size


def wrapper(index, task):
    name = task["name"]
    parameters = task["params"]
    figure_names = set()
    for parameter in parameters:
        for key in ("reads", "writes", "first", "count", "write_first", "write_count"):
            figure_names |= variables_of(parameter.get(key))
    declared = ", ".join(f"__typeof__({declarable_type(p)}) p{i}" for i, p in enumerate(parameters)) or "void"
    # The arguments are copied into the wrapper's own frame while muted: an argument passed in
    # memory (a struct by value) sits in the caller's frame, which the task must not touch.
    copies = [f"__typeof__(p{i}) a{i} = p{i};" for i in range(len(parameters))]
    arguments = ", ".join(f"a{i}" for i in range(len(parameters)))
    logs = []
    for i, parameter in enumerate(parameters):
        if is_pointer(parameter):
            logs.append(f"__oracle_arg_pointer((const volatile void *)p{i});")
        elif parameter["name"] in figure_names or INTEGER_TYPE.match(parameter["type"].strip()):
            logs.append(f"__oracle_arg_integer((unsigned long long)p{i}, (__typeof__(p{i}))-1 < (__typeof__(p{i}))0);")
        else:
            # A typedef or a struct: the compiler says whether it is a pointer.
            logs.append(f"__oracle_arg_classified(&a{i}, sizeof a{i}, __builtin_classify_type(a{i}));")
    returns = task["returns"]
    is_void = returns.strip() == "void"
    call = f"__oracle_real_{name}({arguments})"
    body = [
        "__oracle_mute_on = 1;",
        *copies,
        f"__oracle_begin_entry({index}, __builtin_frame_address(0));",
        *logs,
        "__oracle_end_entry();",
        "__oracle_mute_off = 1;",
        f"{call};" if is_void else f"{returns} oracle_result = {call};",
        "__oracle_mute_on = 1;",
        f"__oracle_exit({index});",
        "__oracle_mute_off = 1;",
    ]
    if not is_void:
        body.append("return oracle_result;")
    return f"{returns} {name}({declared}) {{\n  " + "\n  ".join(body) + "\n}"


# ---------------------------------------------------------------- the program's memory map


class Objects:
    """The program's globals (from its symbol table) and live heap blocks."""

    def __init__(self, binary):
        out = subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True, text=True).stdout
        symbols = []
        for line in out.splitlines():
            fields = line.split()
            if len(fields) == 4 and fields[2] in "bBdDrRgGsSvV" and not fields[3].startswith("__oracle"):
                address, size = int(fields[0], 16), int(fields[1], 16)
                if size > 0:
                    symbols.append((address, size, fields[3]))
        symbols.sort()
        self.global_starts = [s[0] for s in symbols]
        self.globals = symbols
        self.by_name = {name.split("@")[0]: (start, size) for start, size, name in symbols}
        self.heap_starts = []
        self.heap = []  # (address, size, event number)

    def named(self, name):
        """The identity of the global called `name`, or None."""
        found = self.by_name.get(name)
        return ("global", found[0]) if found else None

    def allocate(self, address, size, event):
        i = bisect.bisect_left(self.heap_starts, address)
        if i < len(self.heap_starts) and self.heap_starts[i] == address:
            del self.heap_starts[i], self.heap[i]
        self.heap_starts.insert(i, address)
        self.heap.insert(i, (address, max(size, 1), event))

    def free(self, address):
        i = bisect.bisect_left(self.heap_starts, address)
        if i < len(self.heap_starts) and self.heap_starts[i] == address:
            del self.heap_starts[i], self.heap[i]

    def find(self, address):
        """('heap', start, size, event) or ('global', start, size, name) or None."""
        i = bisect.bisect_right(self.heap_starts, address) - 1
        if i >= 0:
            start, size, event = self.heap[i]
            if address < start + size:
                return ("heap", start, size, event)
        i = bisect.bisect_right(self.global_starts, address) - 1
        if i >= 0:
            start, size, name = self.globals[i]
            if address < start + size:
                return ("global", start, size, name)
        return None


# ---------------------------------------------------------------- checking invocations


GLOBAL_BY_NAME = re.compile(r"(?:reads|writes)(?: const)? global '([^']+)'")
REACHES_ANYTHING = re.compile(r"does not derive from a parameter|through the function pointer")


def reach(task):
    """What the manifest's reasons say a task reaches besides its parameters: (whether it goes
    through pointers that do not derive from a parameter, the globals it names)."""
    reasons = [str(reason) for reason in task.get("reasons", [])]
    return (any(REACHES_ANYTHING.search(r) for r in reasons),
            {m.group(1) for r in reasons for m in GLOBAL_BY_NAME.finditer(r)})


class Checked:
    """One pointer parameter of one invocation, its figures evaluated at the arguments."""

    __slots__ = ("name", "base", "size", "access", "low", "high", "write_low", "write_high", "reads", "writes", "expressions", "object",
                 "stored", "touched_low", "touched_high")


class Invocation:
    def __init__(self, oracle, task_index, fields, event):
        self.oracle = oracle
        self.task = oracle.tasks[task_index]
        self.task_index = task_index
        self.stack_top = int(fields[0])
        self.event = event
        self.remotable = bool(self.task.get("remotable"))
        # Globals read where they are, on every rank (`constant_globals`): a `static` local's
        # symbol is its name with a suffix (`t.0`).
        self.shared_constants = {m.group(1) for r in self.task.get("constant_globals") or []
                                 for m in GLOBAL_BY_NAME.finditer(r)}
        self.values = {}
        arguments = fields[1:]
        pointers = []
        negative = set()  # signed integer parameters below zero at this invocation
        for parameter, argument in zip(self.task["params"], arguments):
            if argument.startswith("p"):
                pointers.append((parameter, int(argument[1:])))
            elif argument[0] in "su":
                bits = int(argument[1:])
                if argument[0] == "s" and bits >= 1 << 63:
                    bits -= 1 << 64
                self.values[parameter["name"]] = bits
                if bits < 0:
                    negative.add(parameter["name"])
        self.checked = []  # Checked, for parameters with bounded figures
        # Objects the task may reach other than through a checked parameter: an address there
        # cannot be told apart, so it is neither counted for nor blamed on a parameter. They are
        # what parameters with a null figure point into, the globals the manifest's reasons say
        # it accesses by name, and, when the reasons say it goes through pointers that do not
        # derive from a parameter, every global (where such pointers point: `l = &g_76`) and,
        # if it also names a global (which may hold a pointer to one), every heap block.
        reach_anything, globals_by_name = oracle.reach[task_index]
        self.ambiguous_kinds = set()
        if reach_anything:
            self.ambiguous_kinds = {"global", "heap"} if globals_by_name else {"global"}
        self.ambiguous = {oracle.objects.named(name) for name in globals_by_name} - {None}
        for parameter, base in pointers:
            identity = self.object_of(base)
            figures = {key: parameter.get(key) for key in ("first", "count", "reads", "writes")}
            if figures["first"] is None or figures["count"] is None:
                self.ambiguous.add(identity)
                oracle.null_footprints += 1
                continue
            footprint = (figures["first"], figures["count"], parameter.get("write_first"), parameter.get("write_count"))
            if negative:
                # Outside the figures' domain: they assume the signed integer parameters are not
                # negative (every one: `for (i = k; i < 0; i++)` is empty for k >= 0 whether or
                # not a figure names k), and such a spawn stays on rank 0 (the generated
                # footprint check). Counted and reported, not checked.
                self.ambiguous.add(identity)
                oracle.outside_domain += 1
                continue
            size = parameter.get("element_size") or variable_element_size(parameter, self.values) or 1
            try:
                first = evaluate(figures["first"], self.values)
                count = max(0, evaluate(figures["count"], self.values))
                # Null counts (a recursive task's whose footprint holds by induction) are not
                # checked; the footprint is.
                reads = None if figures["reads"] is None else evaluate(figures["reads"], self.values)
                writes = None if figures["writes"] is None else evaluate(figures["writes"], self.values)
                write_low = write_high = None
                if parameter.get("write_first") is not None and parameter.get("write_count") is not None:
                    write_first = evaluate(parameter["write_first"], self.values)
                    write_count = max(0, evaluate(parameter["write_count"], self.values))
                    write_low, write_high = base + write_first * size, base + (write_first + write_count) * size
            except ValueError as error:
                oracle.violation(self, parameter["name"], "manifest figure cannot be evaluated", str(error))
                continue
            entry = Checked()
            entry.name = parameter["name"]
            entry.base = base
            entry.size = size
            entry.access = parameter.get("access")
            entry.low, entry.high = base + first * size, base + (first + count) * size
            entry.write_low, entry.write_high = write_low, write_high
            entry.reads, entry.writes = reads, writes
            entry.expressions = dict(figures, write_first=parameter.get("write_first"))
            # write_dense: which bytes of the written footprint were stored (all, at the end).
            entry.stored = None
            if parameter.get("write_dense") is True and write_low is not None and write_high > write_low:
                entry.stored = bytearray(write_high - write_low)
            entry.object = identity
            entry.touched_low = entry.touched_high = None
            self.checked.append(entry)
        self.checked = [c for c in self.checked if not self.is_ambiguous(c.object)]
        # A recursive task's `work`: checked at its close against its direct recursive calls'.
        self.work = None
        self.parent = None  # the invocation of the same task that called this one directly
        self.children_work = 0
        self.direct_calls = 0
        self.child_unknown = False
        if self.task.get("recursive") and self.task.get("work") is not None and not negative:
            try:
                self.work = evaluate(self.task["work"], self.values)
            except ValueError as error:
                oracle.violation(self, None, "manifest work cannot be evaluated", str(error))
        # Bytes read / written inside footprints, per group of parameters holding the access.
        self.read_bytes = {}
        self.write_bytes = {}
        self.accesses = 0

    def is_ambiguous(self, identity):
        return identity in self.ambiguous or identity[0] in self.ambiguous_kinds

    def object_of(self, address):
        found = self.oracle.objects.find(address)
        if found:
            return found[:2]
        if self.stack_top <= address < self.stack_top + STACK_SPAN:
            return ("stack", 0)
        return ("unknown", address)

    def access(self, kind, address, size):
        self.accesses += 1
        end = address + size
        found = self.oracle.objects.find(address)
        if found and found[0] == "heap" and found[3] > self.event:
            return  # allocated while this invocation was open: its own
        if not found and self.stack_top - STACK_SPAN <= address < self.stack_top:
            # Its own frame or a callee's, even where a footprint reaching below an argument in
            # its caller's frame (`first` < 0) spans it: no parameter points there.
            return
        holders = tuple(c for c in self.checked if c.low <= address and end <= c.high)
        if holders:
            self.inside(kind, address, end, size, holders)
            return
        if found:
            identity = found[:2]
        elif self.stack_top <= address < self.stack_top + STACK_SPAN:
            identity = ("stack", 0)
        else:
            return  # no object of the program (library data)
        what = "store to" if kind == "S" else "load from" if kind == "L" else "update of"
        # An object reached by other routes, or a caller's frame (whose objects have no known
        # extent): the access is not blamed on a parameter.
        ambiguous = self.is_ambiguous(identity) or identity[0] == "stack"
        owners = [] if ambiguous else [c for c in self.checked if c.object == identity]
        for c in owners:
            if c.access == "none":
                self.oracle.violation(self, c.name, "access none, but touched",
                                      f"{what} element {(address - c.base) // c.size} ({size} bytes)")
            else:
                self.oracle.violation(
                    self, c.name, "access outside the footprint",
                    f"{what} element {(address - c.base) // c.size} ({size} bytes); footprint "
                    f"[{(c.low - c.base) // c.size}, {(c.high - c.base) // c.size}) "
                    f"(first={c.expressions['first']}, count={c.expressions['count']})")
        if owners or not self.remotable or identity in self.ambiguous:
            return
        if kind == "L" and found and found[0] == "global" and any(
                found[3] == name or found[3].startswith(name + ".") for name in self.shared_constants):
            return
        where = (f"global '{found[3]}'" if found and found[0] == "global" else
                 "a heap block not passed to it" if found else "its caller's stack memory, outside every footprint")
        self.oracle.violation(self, None, "remotable task touches foreign memory", f"{what} {where}")

    def inside(self, kind, address, end, size, holders):
        """An access inside the footprints of `holders`: counted, and a store checked against
        their written footprints."""
        for c in holders:
            c.touched_low = address if c.touched_low is None else min(c.touched_low, address)
            c.touched_high = end if c.touched_high is None else max(c.touched_high, end)
        if kind != "L":
            bad = [c for c in holders if c.write_low is not None and not (c.write_low <= address and end <= c.write_high)]
            if len(bad) == len(holders):
                c = bad[0]
                self.oracle.violation(
                    self, c.name, "store outside the written footprint",
                    f"element {(address - c.base) // c.size} stored; write footprint [{(c.write_low - c.base) // c.size}, "
                    f"{(c.write_high - c.base) // c.size}) (write_first={c.expressions['write_first']})")
            self.write_bytes[holders] = self.write_bytes.get(holders, 0) + size
            for c in holders:
                if c.stored is not None:
                    low, high = max(address, c.write_low), min(end, c.write_high)
                    if low < high:
                        c.stored[low - c.write_low:high - c.write_low] = b"\x01" * (high - low)
        if kind != "S":
            self.read_bytes[holders] = self.read_bytes.get(holders, 0) + size

    def finish_work(self):
        """The induction step of a recursive task's `work` (RecursiveWorkInduction), in the
        analyzer's unit: at least the work stated at each direct recursive call's arguments plus
        each call itself (one operation and one per argument), and never negative."""
        if self.work is not None and not self.child_unknown:
            self.oracle.work_steps += 1
            needed = self.children_work + self.direct_calls * (1 + len(self.task["params"]))
            if self.work < max(needed, 0):
                self.oracle.violation(
                    self, None, "work below its recursive calls' work",
                    f"work={self.task['work']!r} = {self.work} < {needed}: {self.children_work} at the arguments of "
                    f"its {self.direct_calls} direct recursive calls + {1 + len(self.task['params'])} per call")
        if self.parent is not None:
            self.parent.direct_calls += 1
            if self.work is None:
                self.parent.child_unknown = True
            else:
                self.parent.children_work += self.work

    def finish(self):
        self.finish_work()
        for c in self.checked:
            if c.stored is not None and 0 in c.stored:
                missed = c.stored.index(0)
                self.oracle.violation(
                    self, c.name, "write_dense, but not every element stored",
                    f"element {(c.write_low + missed - c.base) // c.size} never stored; write footprint "
                    f"[{(c.write_low - c.base) // c.size}, {(c.write_high - c.base) // c.size})")
        for holders_bytes, key, label in ((self.read_bytes, "reads", "reads"), (self.write_bytes, "writes", "writes")):
            for holders, observed in holders_bytes.items():
                if any(getattr(c, key) is None for c in holders):
                    continue
                allowed = sum(max(0, getattr(c, key)) * c.size for c in holders)
                if observed > allowed:
                    names = "+".join(c.name for c in holders)
                    figures = ", ".join(f"{c.name}: {label}={c.expressions[key]!r} = {getattr(c, key)}" for c in holders)
                    element = holders[0].size
                    self.oracle.violation(
                        self, names, f"more {label} than the manifest says",
                        f"observed {math.ceil(observed / element)} elements ({observed} bytes) > manifest {figures}")


class Oracle:
    def __init__(self, tasks, binary, events_path):
        self.tasks = tasks
        self.objects = Objects(binary)
        self.events_path = events_path
        self.reach = [reach(task) for task in tasks]
        self.open = []
        self.violations = {}  # (task, param, kind) -> [count, first detail, arguments]
        self.invocations = 0
        self.work_steps = 0  # invocations whose work was checked (Invocation.finish_work)
        self.accesses = 0
        self.checked_tasks = set()
        self.checked_parameters = 0
        self.outside_domain = 0
        self.exact_footprints = self.wider_footprints = self.null_footprints = 0
        self.event = 0

    def violation(self, invocation, parameter, kind, detail):
        key = (invocation.task["name"], parameter, kind)
        if key in self.violations:
            self.violations[key][0] += 1
        else:
            arguments = ", ".join(f"{k}={v}" for k, v in invocation.values.items())
            self.violations[key] = [1, detail, arguments]

    def run(self, command, timeout):
        markers = {}
        out = subprocess.run(["nm", command[0]], capture_output=True, text=True).stdout
        for line in out.splitlines():
            fields = line.split()
            if len(fields) == 3 and fields[2] in ("__oracle_mute_on", "__oracle_mute_off", "__oracle_event"):
                markers[int(fields[0], 16)] = fields[2]
        if len(markers) != 3:
            raise SetupError("the instrumented program lacks the oracle's markers")
        mute_on = next(a for a, n in markers.items() if n == "__oracle_mute_on")
        mute_off = next(a for a, n in markers.items() if n == "__oracle_mute_off")
        event_marker = next(a for a, n in markers.items() if n == "__oracle_event")

        read_end, write_end = os.pipe()
        env = dict(os.environ, DOSC_ORACLE_EVENTS=self.events_path)
        process = subprocess.Popen(
            ["valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-fd={write_end}", *command],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        os.close(write_end)
        timed_out = []
        timer = threading.Timer(timeout, lambda: (timed_out.append(True), process.kill()))
        timer.start()
        stderr_lines = []
        drain = threading.Thread(target=lambda: stderr_lines.extend(process.stderr.readlines()))
        drain.start()
        events = None
        muted = False
        open_ = self.open
        try:
            with os.fdopen(read_end, "rb", buffering=1 << 20) as trace:
                for line in trace:
                    if line[0] != 32:  # "I  addr,size" (an instruction) or valgrind's "==pid==" lines
                        continue
                    kind = line[1]
                    comma = line.index(b",", 3)
                    address = int(line[3:comma], 16)
                    if kind == 83:  # S
                        if address == mute_on:
                            muted = True
                            continue
                        if address == mute_off:
                            muted = False
                            continue
                        if address == event_marker:
                            if events is None:
                                events = open(self.events_path)
                            text = events.readline()
                            while text and not text.endswith("\n"):
                                text += events.readline()
                            self.handle(text.split())
                            continue
                    if muted or not open_:
                        continue
                    size = int(line[comma + 1 :])
                    letter = "L" if kind == 76 else "S" if kind == 83 else "M"
                    for invocation in open_:
                        invocation.access(letter, address, size)
        finally:
            timer.cancel()
            process.wait()
            drain.join()
            if events:
                events.close()
        if timed_out:
            return "timeout"
        for invocation in open_:
            self.close(invocation)  # an invocation that never returned (exit() inside it)
        self.open = []
        if process.returncode != 0:
            tail = b"".join(stderr_lines[-5:]).decode(errors="replace")
            raise SetupError(f"the program under valgrind exited with {process.returncode}: {tail}")
        return "done"

    def handle(self, fields):
        self.event += 1
        if not fields:
            return
        if fields[0] == "E":
            invocation = Invocation(self, int(fields[1]), fields[2:], self.event)
            if invocation.task.get("recursive") is False and any(o.task_index == invocation.task_index for o in self.open):
                self.violation(invocation, None, "recursive: false, but it runs inside an invocation of itself",
                               "the runtime applies no depth cut-off to it")
            if self.open and self.open[-1].task_index == invocation.task_index:
                invocation.parent = self.open[-1]
            self.open.append(invocation)
        elif fields[0] == "X":
            task = int(fields[1])
            while self.open:
                invocation = self.open.pop()
                self.close(invocation)
                if invocation.task_index == task:
                    break
        elif fields[0] == "A":
            self.objects.allocate(int(fields[1]), int(fields[2]), self.event)
        elif fields[0] == "F":
            self.objects.free(int(fields[1]))

    def close(self, invocation):
        invocation.finish()
        self.invocations += 1
        self.accesses += invocation.accesses
        self.checked_parameters += len(invocation.checked)
        for c in invocation.checked:
            # Exact: the footprint is the span of elements the invocation touched in it.
            touched = (None if c.touched_low is None else
                       (c.base + (c.touched_low - c.base) // c.size * c.size,
                        c.base + -(-(c.touched_high - c.base) // c.size) * c.size))
            exact = touched == (c.low, c.high) or (touched is None and c.low == c.high)
            self.exact_footprints += exact
            self.wider_footprints += not exact
        self.checked_tasks.add(invocation.task["name"])


# ---------------------------------------------------------------- the driver


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--dosc", default=os.environ.get("DOSC", os.path.join(ROOT, ".build", "debug", "dosc")))
    parser.add_argument("--cflag", action="append", default=[])
    parser.add_argument("--extra", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--keep")
    parser.add_argument("--manifest")
    parser.add_argument("--batches-only", action="store_true")
    argv = sys.argv[1:]
    program_args = argv[argv.index("--") + 1 :] if "--" in argv else []
    options = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    options.args = program_args
    label = " ".join(os.path.basename(source) for source in options.sources)
    work = options.keep or tempfile.mkdtemp(prefix="dosc-oracle.")
    os.makedirs(work, exist_ok=True)
    try:
        status = check(options, work, label)
    except SetupError as error:
        print(f"oracle: {label}: error: {error}", file=sys.stderr)
        status = 2
    except Exception as error:  # never exit 1, which means "violations", on a failure of its own
        print(f"oracle: {label}: error: {type(error).__name__}: {error}", file=sys.stderr)
        status = 2
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)


def check(options, work, label):
    sources = [os.path.abspath(source) for source in options.sources]
    manifest_path = options.manifest or os.path.join(work, "manifest.json")
    if not options.manifest:
        # One file: its manifest. Several: the linked sidecar of `dosc compile`, which has the
        # figures of a task whose body is in a file other than its spawn site's.
        if len(sources) == 1:
            command = [options.dosc, "analyze", *sources, *options.cflag, "-o", manifest_path]
        else:
            program = os.path.join(work, "dosc-program")
            command = [options.dosc, "compile", *sources, *options.cflag, "-o", program]
            manifest_path = program + ".dosc.json"
        analyze = subprocess.run(command, capture_output=True, text=True)
        if analyze.returncode != 0:
            raise SetupError(f"{' '.join(command[:2])} failed: {analyze.stderr.strip()[-500:]}")
    manifest = json.load(open(manifest_path))
    # clang -O0 evaluates each lvalue once (gcc -O0 loads the subscript of `a[b[i]] += 1` twice),
    # so the trace has exactly the C program's accesses; no -g: valgrind 3.19 cannot read
    # clang 14's DWARF 5, and the oracle needs only the symbol table.
    cc = os.environ.get("ORACLE_CC") or shutil.which("clang-14") or shutil.which("clang") or "cc"
    if options.batches_only:
        batch_violations, batch_summary = check_batches(options, work, label, manifest, sources, cc)
        for violation in batch_violations:
            print(f"oracle: {label}: VIOLATION: {violation}")
        print(f"oracle: {label}: spawns per batch: {batch_summary}")
        return 1 if batch_violations else 0
    tasks = [t for t in manifest["tasks"] if not t.get("opaque")]
    # A variadic task cannot be wrapped (its wrapper could not hand the `...` on): its
    # invocations are not checked, and said so. The analyzer keeps such a task local.
    variadic = [t["name"] for t in tasks if any("takes a variable number of arguments" in str(r) for r in t.get("reasons", []))]
    tasks = [t for t in tasks if t["name"] not in variadic]
    for name in variadic:
        print(f"oracle: {label}: note: task '{name}' takes a variable number of arguments: not checked")
    instrumented = []
    for number, source in enumerate(sources):
        base = os.path.basename(source)
        located = [(i, t) for i, t in enumerate(tasks) if os.path.basename(t["location"]["file"]) == base]
        text = open(source, encoding="utf-8", errors="surrogateescape").read()
        path = os.path.join(work, f"instrumented{number}-{base}")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as out:
            out.write(instrument(text, base, located))
        instrumented.append(path)
    binary = os.path.join(work, "program")
    build = subprocess.run(
        [cc, "-O0", "-fno-inline", "-fno-builtin", "-fno-omit-frame-pointer", "-no-pie", "-w",
         *sorted({f"-I{os.path.dirname(source)}" for source in sources}), *options.cflag, *instrumented, SHIM,
         *options.extra, "-o", binary, "-lm", "-Wl," + ",".join(f"--wrap={name}" for name in WRAPPED)],
        capture_output=True, text=True)
    if build.returncode != 0:
        raise SetupError(f"the instrumented build failed: {build.stderr.strip()[-800:]}")
    batch_violations, batch_summary = check_batches(options, work, label, manifest, sources, cc)
    oracle = Oracle(tasks, binary, os.path.join(work, "events"))
    outcome = oracle.run([binary, *options.args], options.timeout)
    violations = sum(1 for _ in oracle.violations) + len(batch_violations)
    for violation in batch_violations:
        print(f"oracle: {label}: VIOLATION: {violation}")
    for (task, parameter, kind), (count, detail, arguments) in sorted(oracle.violations.items(), key=str):
        where = f"'{task}'" + (f" parameter '{parameter}'" if parameter else "")
        print(f"oracle: {label}: VIOLATION: task {where}: {kind}: {detail} (at {arguments or 'no scalar arguments'}; "
              f"{count} time{'s' if count > 1 else ''})")
    if outcome == "timeout":
        print(f"oracle: {label}: skipped: the run took longer than {options.timeout:g} s")
        print("oracle-counts: 0 0 0 0 0")
        return 3
    if oracle.outside_domain:
        print(f"oracle: {label}: note: {oracle.outside_domain} pointer parameter checks skipped: a signed "
              "integer parameter was negative (outside the figures' domain; such a spawn stays on rank 0)")
    print(f"oracle: {label}: spawns per batch: {batch_summary}")
    print(f"oracle: {label}: footprints of pointer parameters per invocation: {oracle.exact_footprints} exact "
          f"(the span touched), {oracle.wider_footprints} wider, {oracle.null_footprints} null")
    if oracle.work_steps:
        print(f"oracle: {label}: work of recursive tasks: {oracle.work_steps} invocations checked against their "
              "calls' (the induction's step)")
    print(f"oracle-counts: {len(oracle.checked_tasks)} {oracle.invocations} {oracle.accesses} {violations} "
          f"{oracle.checked_parameters}")
    print(f"oracle: {label}: {len(oracle.checked_tasks)} tasks checked ({oracle.invocations} invocations, "
          f"{oracle.checked_parameters} bounded pointer parameters), {oracle.accesses} accesses checked, "
          f"{violations} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    main()
