#!/usr/bin/env python3
"""bench/decision_quality.py - how well `auto` binds, against an oracle (issue 10).

Every example x 3 input sizes x {1 process with 1 and 2 threads, 2 and 3 MPI ranks (1 thread
each, started by `dosc run -n N`)}: each case runs under every forced binding (DOSC_BIND=inline,
local, and on 2-3 ranks remote; on one process `remote` is `local`, so it is not repeated) and
under auto, interleaved, in one run. The table gives each binding's time, auto's over the best
forced time (the oracle) and the worst over the best; beside them, what `dosc explain` says for
the case's first site at the same arguments with the same threads and nodes: the binding its
spawn-time check picks and the model's time per batch of sibling tasks under each binding.

The time is the program's own, from dosc_start to exit on rank 0 (the DOSC_TRACE line "time
outside tasks X s of Y s"): mpirun's launch of the ranks (~0.1-0.5 s, the same under every
binding) is left out, so the ratios show what the binding changes. A case runs in rounds, one
run of every binding per round (auto and each forced one), the order changed from round to round
(round_order: over a cycle of rounds each binding runs right after every other equally often); it
runs at least --reps rounds (5), and more until the fastest binding has run --min-time seconds in all, up to
--max-reps rounds; a case whose fastest run is under --short-ms takes at least --short-reps
rounds whatever --max-reps says (in a 0.3-0.5 ms run another process's time slice moves a
binding by 10-30%, as much as the goal).

On a shared machine one binding's rounds spread by 1.4-2x, so the table gives each binding's
median with its spread (slowest/fastest round), and auto's ratio to the best forced binding
three ways: by the least times (other processes only ever add time), by the medians, and paired
(auto's time over the best-by-medians binding's in the same round: the median and quartiles of
those ratios, as rounds interleave, a round's load weighs on both). Beside it, which forced
bindings ran auto's very code (site_code: every site's binding and grain, the tasks bound remote,
rank 0's part), from the DOSC_TRACE lines. A case over 1.10x by either ratio gets a verdict:
"same binding, noise" where auto ran the best binding's code; "policy chose a slower binding
(beyond noise, by medians)" where it ran other code, its median is over 1.10x the best's and it
was slower in at least 3 of 4 rounds (the paired lower quartile over 1.00x); else "another
binding, within the noise". The goal is not redefined: every case over 1.10x by the least or by
the medians is listed, whatever its verdict. --self-test checks that classification on trace
lines as the runtime prints them.
Every run's output is checked against the plain C build's. Built-in machine profile
(DOSC_PROFILE points nowhere) so the run does not depend on a calibration left on the machine;
--profile FILE uses one.

usage: bench/decision_quality.py [--reps N] [--min-time S] [--max-reps N] [--short-ms MS] [--short-reps N] [--quick]
                                 [--only NAME,...] [--sizes 0,1,2] [--configs 1x1,1x2,2,3]
  --only also takes the programs of EXTRA (outside Examples/, never run unless named).
                                 [--profile FILE] [--self-test]
  --quick: 1 round, smallest two sizes. --sizes: which of each example's sizes (0 the tiny one).  Prints a Markdown table and a summary line.
Needs a built dosc (swift build; DOSC=path overrides) and, for the rank cases, an MPI.
"""
import argparse
import collections
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOSC = os.environ.get("DOSC", os.path.join(REPO, ".build/debug/dosc"))

# name: (sizes as argument lists, the first site's task parameters at those arguments)
EXAMPLES = {
    "vector": ([["20000"], ["1000000"], ["8000000"]],
               lambda a: {"n": int(a[0]), "lo": 0, "hi": min(65536, int(a[0]))}),
    "matmul": ([["64"], ["256"], ["512"]], lambda a: {"n": int(a[0]), "lo": 0, "hi": 16}),
    "stencil": ([["10000"], ["200000"], ["2000000"]],
                lambda a: {"n": int(a[0]), "lo": 0, "hi": min(8192, int(a[0]))}),
    "fib": ([["18"], ["27"], ["32"]], lambda a: {"n": int(a[0])}),
    "nqueens": ([["6"], ["9"], ["10"]], lambda a: {"n": int(a[0]), "j": 0}),
    # histogram's size is fixed in the source (N = 4096): one size only.
    "histogram": ([[]], lambda a: {"lo": 0, "hi": 1024}),
    "mergesort": ([["10000"], ["300000"], ["2000000"]], lambda a: {"n": int(a[0])}),
    "montecarlo": ([["24", "20000"], ["24", "500000"], ["24", "4000000"]],
                   lambda a: {"tasks": int(a[0]), "samples": int(a[1]), "seed": 1}),
    "finegrain": ([["65536"], ["1048576"], ["4194304"]], lambda a: {"n": int(a[0]), "lo": 0, "hi": 256}),
    "mandelbrot": ([["80", "60"], ["320", "240"], ["640", "480"]],
                   lambda a: {"width": int(a[0]), "height": int(a[1]), "lo": 0, "hi": 8, "max_iter": 500}),
}

# Programs outside Examples/, run only when named in --only: name -> (source, sizes, parameters).
EXTRA = {
    # A tree over halves of known work (the analyzer's induction): recursive sites priced remote.
    "halves": ("Tests/DoscCompileTests/Inputs/remote/halves.c",
               [["20000", "2"], ["1048576", "100"], ["4194304", "100"]],
               lambda a: {"lo": 0, "hi": int(a[0]) // 2, "rounds": int(a[1])}),
}

# (label, ranks, threads per rank)
CONFIGS = {"1x1": ("1 proc, 1 thread", 1, 1), "1x2": ("1 proc, 2 threads", 1, 2),
           "2": ("2 ranks", 2, 1), "3": ("3 ranks", 3, 1)}

PROGRAM_TIME = re.compile(r"^dosc: time outside tasks [0-9.]+ s of ([0-9.]+) s", re.M)
# rank 0's time outside its pool's top-level tasks and the program's, as printed (6 decimals)
TIME_OUTSIDE = re.compile(r"^dosc: time outside tasks ([0-9.]+) s of ([0-9.]+) s", re.M)
SITE_LINE = re.compile(r"^dosc: site (\d+) [^:]*:\d+:\d+\): (\w+) - (.*)$", re.M)
RANK_ZERO_MODE = re.compile(r"^dosc: \d+ ranks \(.*\), \d+ threads? per rank; rank 0 runs main(.*)$", re.M)
RANK_ZERO_COUNTERS = re.compile(r"^dosc: rank 0: host .*?, (\d+) tasks sent, (\d+) run here, (\d+) kept here", re.M)


def site_code(stderr, threads):
    """What the program ran, from the trace: each site's binding and, for a local site, its grain
    (the reason's last part); and, on ranks, how many tasks were bound remote at their spawn (rank
    0's counters: sent, run by rank 0 itself, kept for their footprints). Which remote-bound task
    went to which rank, or was run by rank 0 while the others were busy, is the scheduler's
    timing, not the binding: it is left out. A remote site's grain text differs between auto and a
    forced remote (auto's thresholds); the count of remote-bound tasks says whether they shipped
    the same tasks. Last, on ranks, whether rank 0 runs queued remote tasks itself (the trace's
    "rank 0 runs main ..." line): under a forced remote it never does, under auto it does where it
    has cores to spare (remote.c, dosc_rank_zero_shares), so there auto and a forced remote that
    ship the same tasks still run different code. A run where no task was bound remote, on 1 thread, ran every remote site's
    tasks as plain calls (a task the remote test keeps is the serial clone on 1 thread): the
    inline code. Likewise a run in which rank 0's pool ran no task spawned by main (the trace's
    time outside tasks is the whole program time: the runtime times the tasks of depth 1, and a
    deeper spawn happens only inside one of them) and no task was bound remote ran every site's
    tasks as plain calls, whatever the sites' bindings: the inline code (finegrain's 256-element
    tasks are below the local grain, so a forced local spawns none of them, yet its grain text
    differs from inline's; the 16:51 quiet table judged such a run's time against auto's as
    another binding's, "policy chose a slower binding", finegrain 4194304 on 2 ranks). Two
    bindings with the same code run the same program, whatever the reason says."""
    counters = RANK_ZERO_COUNTERS.search(stderr)
    remote_bound = sum(int(c) for c in counters.groups()) if counters else None
    times = TIME_OUTSIDE.search(stderr)
    spawned_none = times is not None and times.group(1) == times.group(2) and not remote_bound
    sites = []
    for site, binding, reason in SITE_LINE.findall(stderr):
        if binding == "remote" and remote_bound == 0 and threads == 1:
            binding = "inline"
        if spawned_none:
            binding = "inline"
        grain = "" if binding in ("inline", "remote") else reason.split("; ")[-1]
        sites.append((site, binding, grain))
    shipped = remote_bound if any(b == "remote" for _, b, _ in sites) else 0
    mode = RANK_ZERO_MODE.search(stderr)
    rank_zero = ("rank 0 takes queued tasks" if "takes queued" in mode.group(1) else "ranks 1.. only") \
        if mode and shipped else ""
    return tuple(sites), shipped, rank_zero


def run(command, env, expected, what):
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    stderr = done.stderr.decode(errors="replace")
    if done.returncode != 0:
        sys.exit(f"{what} failed ({done.returncode}): {stderr}")
    if expected is not None and done.stdout != expected:
        sys.exit(f"{what}: output differs from the plain build")
    found = PROGRAM_TIME.search(stderr)
    if found is None:
        sys.exit(f"{what}: no program time in the trace: {stderr}")
    return float(found.group(1)), stderr


def round_order(items, round_number):
    """The order of a round's runs, so that over len(items) rounds (2 x len(items) when odd) each
    run follows every other equally often (a Williams design: rows 0, 1, n-1, 2, n-2, ... shifted
    by the round; an odd n adds each row reversed). Rotating one fixed order instead kept its
    neighbours: auto, last of inline, local, remote, auto, ran right after forced remote in 4 of
    every 5 rounds (the round it comes first follows the round before's last), so whatever a
    remote run leaves the next one (its ranks' exit, cold caches) weighed on auto alone."""
    n = len(items)
    first_row = [0]
    for k in range(1, n):
        first_row.append((k + 1) // 2 if k % 2 else n - k // 2)
    shift = round_number % n
    row = [(i + shift) % n for i in first_row]
    if n % 2 and (round_number // n) % 2:
        row.reverse()
    return [items[i] for i in row]


def measure(command, bindings, env, expected, what, rounds_of, threads):
    """Each binding's program times (s), in rounds with the order changed each round (times[b][r]
    is round r's, so rounds pair up), and the code each ran in most rounds, with how many rounds
    ran another (a remote-bound recursive task that rank 0 runs itself spawns its children at rank
    0, where they count; shipped, they do not: the count follows the scheduling)."""
    times = {b: [] for b in bindings}
    seen = {b: collections.Counter() for b in bindings}
    wanted, done = rounds_of(None), 0
    while done < wanted:
        order = round_order(bindings, done)
        for binding in order:
            elapsed, stderr = run(command, dict(env, DOSC_BIND=binding), expected, f"{what} {binding}")
            times[binding].append(elapsed)
            seen[binding][site_code(stderr, threads)] += 1
        done += 1
        if done == 1:  # the first round tells how long a run takes
            wanted = rounds_of(min(t[0] for t in times.values()))
    codes = {b: seen[b].most_common(1)[0][0] for b in bindings}
    other_rounds = {b: done - seen[b].most_common(1)[0][1] for b in bindings}
    return times, codes, other_rounds


def quantile(values, q):
    """The q-quantile of values, linear between order statistics."""
    ordered = sorted(values)
    at = q * (len(ordered) - 1)
    low = math.floor(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def verdict(row):
    """Why a case missed the goal (auto over 1.10x the best by its least or by its median time).
    Same code as the best forced binding (by medians): noise, by construction. Another code: the
    paired ratios (auto's time over the best binding's in the same round, the rounds interleaved)
    say whether it is slower beyond the noise: by the medians over 1.10x and in at least 3 of 4
    rounds (the paired ratios' lower quartile over 1.00x)."""
    beyond = row["median_ratio"] > 1.10 and row["paired_q25"] > 1.0
    if row["best_median_binding"] in row["same_code"]:
        return "same binding, noise", f"auto ran the code of {row['best_median_binding']}, the best by medians"
    if row["best_median_binding"] in row["same_tasks"]:
        how = (f"auto bound the same tasks remote as {row['best_median_binding']}, the best by medians; "
               f"only rank 0's part differs (auto: {row['rank_zero']['auto']}; {row['best_median_binding']}: "
               f"{row['rank_zero'][row['best_median_binding']]})")
        if beyond:
            return "same binding, rank 0's share slower (beyond noise, by medians)", how
        return "same binding, rank 0's share differs, noise", how
    whose = " and ".join(row["same_code"]) + "'s" if row["same_code"] else "its own"
    how = (f"auto ran {whose} code (its first site {row['pick']} at these arguments, by explain), "
           f"{row['best_median_binding']} was best by medians")
    if beyond:
        return "policy chose a slower binding (beyond noise, by medians)", how
    return "another binding, within the noise", how


def worst_as(least, median, bindings, best_median_binding):
    """The forced bindings auto was as slow as (within 2%), where the worst is over 2x the best: by
    the least times, by the medians, or both; [] when it was not the worst."""
    worst = []
    slowest = max(bindings, key=lambda b: least[b])
    if least[slowest] / min(least[b] for b in bindings) > 2 and least["auto"] >= least[slowest] * 0.98:
        worst.append(slowest)
    slowest = max(bindings, key=lambda b: median[b])
    if median[slowest] / median[best_median_binding] > 2 and median["auto"] >= median[slowest] * 0.98 \
            and slowest not in worst:
        worst.append(slowest)
    return worst


def explain(program, ranks, threads, values, env):
    command = [DOSC, "explain", program, "--format", "json", "--threads", str(threads), "--nodes", str(ranks)]
    for name, value in values.items():
        command += ["--set", f"{name}={value}"]
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    site = json.loads(done.stdout)["sites"][0]
    at = site["at_values"]
    siblings = at.get("siblings") or 1

    def batch(key):
        return f"{at[key] * siblings / 1e6:.3g}" if key in at else "-"
    return at.get("binding_at_spawn", site["binding"]), batch("inline_ns"), batch("local_ns"), batch("remote_ns")


def self_test():
    """The parts that classify a case, on trace lines and times as the runtime prints them."""
    def trace(binding, reason, mode, counters):
        return (f"dosc: 3 ranks (Open MPI v4.1.4), 1 thread per rank; rank 0 runs main{mode}\n"
                f"dosc: site 0 mm_rows (matmul.c:30:5): {binding} - {reason}\n"
                f"dosc: rank 0: host vm, {counters[0]} tasks sent, {counters[1]} run here, "
                f"{counters[2]} kept here, 0 bytes sent, 0 bytes received, busy 0 of 9 ms\n")
    takes = " and takes queued remote tasks too"
    forced = ", remote tasks go to ranks 1.."
    auto_ships = site_code(trace("remote", "3 nodes; remote when ...; spawns when work >= 9 ops", takes,
                                 (10, 6, 0)), 1)
    remote_ships = site_code(trace("remote", "forced by DOSC_BIND; every spawn goes remote; spawns when "
                                   "work >= 9 ops", forced, (16, 0, 0)), 1)
    assert auto_ships == ((("0", "remote", ""),), 16, "rank 0 takes queued tasks"), auto_ships
    assert remote_ships[:2] == auto_ships[:2] and remote_ships[2] == "ranks 1.. only", remote_ships
    # where the serving ranks fill the cores auto's rank 0 only dispatches: forced remote's code
    dispatches = " and dispatches remote tasks to ranks 1.. (their workers fill the cores)"
    assert site_code(trace("remote", "x", dispatches, (16, 0, 0)), 1)[1:] == (16, "ranks 1.. only")
    # a remote site that shipped nothing on 1 thread ran the plain calls: inline's code
    auto_kept = site_code(trace("remote", "3 nodes; remote when ...", takes, (0, 0, 0)), 1)
    inline = site_code(trace("inline", "forced by DOSC_BIND", takes, (0, 0, 0)), 1)
    assert auto_kept == inline == ((("0", "inline", ""),), 0, ""), (auto_kept, inline)
    # with 2 threads a kept task is a local spawn: not inline's code
    assert site_code(trace("remote", "x; spawns when work >= 9 ops", takes, (0, 0, 0)), 2)[0][0][1] == "remote"
    assert quantile([4, 1, 3, 2], 0.25) == 1.75 and quantile([5], 0.75) == 5
    # a run that spawned no task (time outside tasks = the whole time) and shipped none ran the plain
    # calls: a forced local whose tasks all fall below its grain runs inline's code
    def one_process(binding, reason, outside):
        return (f"dosc: site 0 scale (finegrain.c:22:7): {binding} - {reason}\n"
                f"dosc: time outside tasks {outside} s of 0.150353 s (ts = 1.0000, 1 thread)\n")
    below_grain = site_code(one_process("local", "forced by DOSC_BIND; spawns when work >= 46628 ops",
                                        "0.150353"), 1)
    assert below_grain == site_code(one_process("inline", "forced by DOSC_BIND", "0.150353"), 1) \
        == ((("0", "inline", ""),), 0, ""), below_grain
    spawned = site_code(one_process("local", "forced by DOSC_BIND; spawns when work >= 46628 ops",
                                    "0.000236"), 1)
    assert spawned[0][0][1:] == ("local", "spawns when work >= 46628 ops"), spawned
    # auto as slow as the worst where it is over 2x the best: by the least, by the medians
    least = {"inline": 1.0, "local": 2.5, "auto": 2.5}
    assert worst_as(least, dict(least), ["inline", "local"], "inline") == ["local"]
    assert worst_as(dict(least, auto=1.0), dict(least, auto=1.0), ["inline", "local"], "inline") == []
    assert worst_as(dict(least, local=1.5), least, ["inline", "local"], "inline") == ["local"]
    # every ordered pair of runs adjacent equally often over a full cycle of rounds
    for n in (3, 4):
        items = list(range(n))
        cycle = n if n % 2 == 0 else 2 * n
        rounds = [round_order(items, r) for r in range(cycle)]
        assert all(sorted(row) == items for row in rounds), rounds
        follows = collections.Counter((a, b) for row in rounds for a, b in zip(row, row[1:]))
        assert len(follows) == n * (n - 1) and len(set(follows.values())) == 1, (n, follows)
    row = dict(best_median_binding="remote", same_code=[], same_tasks=["remote"], pick="remote",
               rank_zero={"auto": "rank 0 takes queued tasks", "remote": "ranks 1.. only"},
               median_ratio=1.3, paired_q25=1.04)
    assert verdict(row)[0] == "same binding, rank 0's share slower (beyond noise, by medians)", verdict(row)
    row.update(same_tasks=[])
    assert verdict(row)[0] == "policy chose a slower binding (beyond noise, by medians)", verdict(row)
    row.update(paired_q25=0.97)
    assert verdict(row)[0] == "another binding, within the noise", verdict(row)
    row.update(same_code=["remote"])
    assert verdict(row)[0] == "same binding, noise", verdict(row)
    print("decision_quality.py: self-test passed")


def main():
    parser = argparse.ArgumentParser(description="auto against the best forced binding, per case")
    parser.add_argument("--reps", type=int, default=5, help="least rounds per case")
    parser.add_argument("--min-time", type=float, default=0.1,
                        help="more rounds until the fastest binding ran this many seconds in all")
    parser.add_argument("--max-reps", type=int, default=21, help="most rounds per case")
    parser.add_argument("--short-ms", type=float, default=2.0,
                        help="a case whose fastest run is under this many ms is short")
    parser.add_argument("--short-reps", type=int, default=15, help="least rounds of a short case")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default="")
    parser.add_argument("--sizes", default="", help="indices of each example's sizes, e.g. 0,1")
    parser.add_argument("--configs", default="1x1,1x2,2,3")
    parser.add_argument("--profile", default="")
    parser.add_argument("--self-test", action="store_true", help="check the classification and exit")
    options = parser.parse_args()
    if options.self_test:
        self_test()
        return
    reps = 1 if options.quick else options.reps
    most = max(reps, 1 if options.quick else options.max_reps)

    def rounds_of(fastest):  # None: before the first round
        if fastest is None:
            return reps
        wanted = min(most, max(reps, math.ceil(options.min_time / max(fastest, 1e-6))))
        if not options.quick and fastest * 1e3 < options.short_ms:
            wanted = max(wanted, options.short_reps)
        return wanted
    if not os.access(DOSC, os.X_OK):
        sys.exit(f"no dosc at {DOSC}: run 'swift build' first")
    configs = [CONFIGS[c] for c in options.configs.split(",")]
    if any(ranks > 1 for _, ranks, _ in configs) and shutil.which("mpirun") is None:
        sys.exit("no mpirun: install an MPI or pass --configs 1x1,1x2")
    names = [n for n in EXAMPLES if not options.only or n in options.only.split(",")]
    names += [n for n in EXTRA if n in options.only.split(",")]
    work = tempfile.mkdtemp(prefix="dosc-decision-")
    # DOSC_RUNTIME_DIR (the runtime dosc builds with) stays; every other DOSC_ setting is the run's own.
    base = {k: v for k, v in os.environ.items() if not k.startswith("DOSC_") or k == "DOSC_RUNTIME_DIR"}
    base["DOSC_PROFILE"] = options.profile or os.path.join(work, "no-profile.json")
    base["DOSC_TRACE"] = "1"
    rows = []
    loads = [os.getloadavg()[0]]  # the 1-minute load average at the start and after each case
    try:
        for name in names:
            if name in EXTRA:
                path, sizes, values_of = EXTRA[name]
                source = os.path.join(REPO, path)
            else:
                sizes, values_of = EXAMPLES[name]
                source = os.path.join(REPO, "Examples", name, name + ".c")
            program = os.path.join(work, name)
            plain = program + ".plain"
            subprocess.run([DOSC, "compile", source, "-O2", "-o", program, "-lm"], check=True)
            subprocess.run(["cc", "-O2", "-Wno-unknown-pragmas", source, "-o", plain, "-lm"], check=True)
            chosen = [int(i) for i in options.sizes.split(",")] if options.sizes else range(len(sizes))
            sizes = [sizes[i] for i in chosen if i < len(sizes)]
            for args in (sizes[:2] if options.quick else sizes):
                expected = subprocess.run([plain] + args, stdout=subprocess.PIPE, check=True).stdout
                for label, ranks, threads in configs:
                    bindings = ["inline", "local"] + (["remote"] if ranks > 1 else [])
                    launcher = [DOSC, "run", "-n", str(ranks)] if ranks > 1 else []
                    times, codes, other_rounds = measure(launcher + [program] + args, bindings + ["auto"],
                                                         dict(base, DOSC_THREADS=str(threads)), expected,
                                                         f"{name} {args} {label}", rounds_of, threads)
                    least = {b: min(t) * 1e3 for b, t in times.items()}
                    median = {b: statistics.median(t) * 1e3 for b, t in times.items()}
                    spread = {b: max(t) / min(t) for b, t in times.items()}
                    best_binding = min(bindings, key=lambda b: least[b])
                    best_median_binding = min(bindings, key=lambda b: median[b])
                    best = least[best_binding]
                    worst = max(least[b] for b in bindings)
                    paired = [a / b for a, b in zip(times["auto"], times[best_median_binding])]
                    pick, *model = explain(program, ranks, threads, values_of(args), base)
                    rows.append(dict(name=name, args=" ".join(args) or "(fixed)", config=label, least=least,
                                     median=median, spread=spread,
                                     ratio=least["auto"] / best,
                                     median_ratio=median["auto"] / median[best_median_binding],
                                     paired=statistics.median(paired), paired_q25=quantile(paired, 0.25),
                                     paired_q75=quantile(paired, 0.75),
                                     rounds=len(times["auto"]),
                                     same_code=[b for b in bindings if codes[b] == codes["auto"]],
                                     same_tasks=[b for b in bindings if codes[b][:2] == codes["auto"][:2]],
                                     shipped={b: codes[b][1] for b in bindings + ["auto"]},
                                     rank_zero={b: codes[b][2] for b in bindings + ["auto"]},
                                     varied=sum(other_rounds.values()),
                                     best_binding=best_binding, best_median_binding=best_median_binding,
                                     worst_best=worst / best,
                                     auto_worst=worst_as(least, median, bindings, best_median_binding),
                                     pick=pick, model=model, load=os.getloadavg()[0]))
                    r = rows[-1]
                    loads.append(r["load"])
                    print(f"{name} {' '.join(args)} {label}: auto/best {r['ratio']:.2f}x by the least, "
                          f"{r['median_ratio']:.2f}x by the medians (paired {r['paired']:.2f}x, quartiles "
                          f"{r['paired_q25']:.2f}-{r['paired_q75']:.2f}), {r['rounds']} rounds, same code as "
                          f"{', '.join(r['same_code']) or 'none'}, load {r['load']:.1f}", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"rounds: at least {reps}, more until the fastest binding ran {options.min_time} s, at most {most} "
          f"(at least {options.short_reps} where the fastest run is under {options.short_ms} ms), every binding "
          "once a round, interleaved, the order balanced (round_order); times in ms, program time on rank 0, each binding's "
          "median (its spread: slowest/fastest round); auto/best: by the least times (auto's least over "
          "the best binding's least) and by the medians (auto's median over the best median); paired: the "
          "median and quartiles of auto's time over the best-by-medians binding's in the same round; "
          "shipped: tasks bound remote (rank 0's counters: sent, run by rank 0, kept), auto's and forced "
          "remote's; same code: the forced bindings whose sites and remote-bound tasks were auto's; "
          "model: explain's time per batch of sibling tasks at these arguments; load: 1-minute load "
          "average after the case\n")
    print("| example | args | processes | rounds | inline | local | remote | auto | auto/best least | "
          "auto/best medians | paired (quartiles) | worst/best | shipped auto/remote | same code as auto | "
          "verdict | explain picks | model inline | model local | model remote | load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- "
          "| --- | --- | --- |")

    def cell(r, b):
        if b not in r["median"]:
            return "-"
        return f"{r['median'][b]:.2f} ({r['spread'][b]:.2f}x)"
    for r in rows:
        miss = r["ratio"] > 1.10 or r["median_ratio"] > 1.10
        flag = lambda x: " **" if x > 1.10 else ""
        shipped = (f"{r['shipped']['auto']}/{r['shipped']['remote']}" if "remote" in r["shipped"] else "-")
        if r["varied"]:
            shipped += f" (varied in {r['varied']} runs)"
        print(f"| {r['name']} | {r['args']} | {r['config']} | {r['rounds']} | {cell(r, 'inline')} | "
              f"{cell(r, 'local')} | {cell(r, 'remote')} | {cell(r, 'auto')} | {r['ratio']:.2f}x{flag(r['ratio'])} "
              f"| {r['median_ratio']:.2f}x{flag(r['median_ratio'])} | {r['paired']:.2f}x "
              f"({r['paired_q25']:.2f}-{r['paired_q75']:.2f}) | {r['worst_best']:.2f}x | {shipped} "
              f"| {', '.join(r['same_code']) or 'none'} | {verdict(r)[0] if miss else '-'} | {r['pick']} "
              f"| {' | '.join(r['model'])} | {r['load']:.1f} |")
    ratios = [r["ratio"] for r in rows]
    medians = [r["median_ratio"] for r in rows]
    misses = [r for r in rows if r["ratio"] > 1.10 or r["median_ratio"] > 1.10]
    kinds = collections.Counter(verdict(r)[0] for r in misses)
    print(f"\ncases: {len(rows)}; auto/best by the least times: median {statistics.median(ratios):.2f}x, worst "
          f"{max(ratios):.2f}x, {sum(1 for x in ratios if x > 1.10)} over 1.10x; by the medians: median "
          f"{statistics.median(medians):.2f}x, worst {max(medians):.2f}x, {sum(1 for x in medians if x > 1.10)} "
          f"over 1.10x; cases where worst/best > 2 and auto was the worst (by the least or the medians): "
          f"{sum(1 for r in rows if r['auto_worst'])}, of them on the worst binding's code: "
          f"{sum(1 for r in rows if set(r['auto_worst']) & set(r['same_code']))}")
    print(f"cases over 1.10x by either: {len(misses)}: "
          + "; ".join(f"{n} {kind}" for kind, n in kinds.most_common()))
    print(f"load average (1 min): {loads[0]:.1f} at the start, median {statistics.median(loads):.1f} "
          f"over the cases, highest {max(loads):.1f}")
    for r in rows:
        if r["auto_worst"]:
            print(f"auto the worst: {r['name']} {r['args']} {r['config']}: as slow as "
                  f"{' and '.join(r['auto_worst'])} (worst/best {r['worst_best']:.2f}x by the least); auto "
                  f"ran the code of {', '.join(r['same_code']) or 'no forced binding'}")
    for r in misses:
        kind, how = verdict(r)
        print(f"over 1.10x: {r['name']} {r['args']} {r['config']}: {r['ratio']:.2f}x by the least, "
              f"{r['median_ratio']:.2f}x by the medians (paired {r['paired']:.2f}x, quartiles "
              f"{r['paired_q25']:.2f}-{r['paired_q75']:.2f}; best's spread "
              f"{r['spread'][r['best_median_binding']]:.2f}x, auto's {r['spread']['auto']:.2f}x): {kind}: {how}")


if __name__ == "__main__":
    main()
