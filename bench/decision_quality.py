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
run of every binding per round, the order rotated from round to round (so no binding always
runs first, or always right after the same one); it runs at least --reps rounds, and more until
the fastest binding has run --min-time seconds in all, up to --max-reps rounds: a 0.3 ms case
gets 21 rounds, a 100 ms one 3. A case whose fastest run is under --short-ms takes at least
--short-reps rounds whatever --max-reps says: in a 0.3-0.5 ms run another process's time slice
or a CPU placement moves a binding by 10-30%, as much as the goal, and the least of 5 rounds
does not cancel it (the 14:03 run's vector 20000 and stencil 10000 on 2 ranks, 1.11x); such
runs cost a launch each (~0.4 s), not their program time. Each binding's time is the least of its runs (other processes
only ever add time); beside it the ratio of the medians, and the spread (the best binding's
median over its least), and which forced bindings run the same code as auto (every site's binding
and grain alike in the DOSC_TRACE lines): where auto ran the best binding's own code, its excess
is noise by construction.
Every run's output is checked against the plain C build's. Built-in machine profile
(DOSC_PROFILE points nowhere) so the run does not depend on a calibration left on the machine;
--profile FILE uses one.

usage: bench/decision_quality.py [--reps N] [--min-time S] [--max-reps N] [--short-ms MS] [--short-reps N] [--quick]
                                 [--only NAME,...] [--sizes 0,1,2] [--configs 1x1,1x2,2,3]
                                 [--profile FILE]
  --quick: 1 round, smallest two sizes. --sizes: which of each example's sizes (0 the tiny one).  Prints a Markdown table and a summary line.
Needs a built dosc (swift build; DOSC=path overrides) and, for the rank cases, an MPI.
"""
import argparse
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

# (label, ranks, threads per rank)
CONFIGS = {"1x1": ("1 proc, 1 thread", 1, 1), "1x2": ("1 proc, 2 threads", 1, 2),
           "2": ("2 ranks", 2, 1), "3": ("3 ranks", 3, 1)}

PROGRAM_TIME = re.compile(r"^dosc: time outside tasks [0-9.]+ s of ([0-9.]+) s", re.M)
SITE_LINE = re.compile(r"^dosc: site (\d+) [^:]*:\d+:\d+\): (\w+) - (.*)$", re.M)


def site_code(stderr):
    """What each site runs, from the trace: its binding and, unless inline, its grain (the reason's
    last part). Two bindings with the same code run the same program, whatever the reason says."""
    return tuple((site, binding, "" if binding == "inline" else reason.split("; ")[-1])
                 for site, binding, reason in SITE_LINE.findall(stderr))


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


def measure(command, bindings, env, expected, what, rounds_of):
    """Each binding's program times (s), in rounds with the order rotated each round."""
    times = {b: [] for b in bindings}
    codes = {}
    wanted, done = rounds_of(None), 0
    while done < wanted:
        order = bindings[done % len(bindings):] + bindings[:done % len(bindings)]
        for binding in order:
            elapsed, stderr = run(command, dict(env, DOSC_BIND=binding), expected, f"{what} {binding}")
            times[binding].append(elapsed)
            codes.setdefault(binding, site_code(stderr))
        done += 1
        if done == 1:  # the first round tells how long a run takes
            wanted = rounds_of(min(t[0] for t in times.values()))
    return times, codes


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


def main():
    parser = argparse.ArgumentParser(description="auto against the best forced binding, per case")
    parser.add_argument("--reps", type=int, default=3, help="least rounds per case")
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
    options = parser.parse_args()
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
    work = tempfile.mkdtemp(prefix="dosc-decision-")
    base = {k: v for k, v in os.environ.items() if not k.startswith("DOSC_")}
    base["DOSC_PROFILE"] = options.profile or os.path.join(work, "no-profile.json")
    base["DOSC_TRACE"] = "1"
    rows = []
    loads = [os.getloadavg()[0]]  # the 1-minute load average at the start and after each case
    try:
        for name in names:
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
                    times, codes = measure(launcher + [program] + args, bindings + ["auto"],
                                    dict(base, DOSC_THREADS=str(threads)), expected,
                                    f"{name} {args} {label}", rounds_of)
                    least = {b: min(t) * 1e3 for b, t in times.items()}
                    median = {b: statistics.median(t) * 1e3 for b, t in times.items()}
                    best_binding = min(bindings, key=lambda b: least[b])
                    best = least[best_binding]
                    worst = max(least[b] for b in bindings)
                    pick, *model = explain(program, ranks, threads, values_of(args), base)
                    rows.append(dict(name=name, args=" ".join(args) or "(fixed)", config=label, least=least,
                                     ratio=least["auto"] / best,
                                     median_ratio=median["auto"] / min(median[b] for b in bindings),
                                     noise=median[best_binding] / best, rounds=len(times["auto"]),
                                     same_code=[b for b in bindings if codes[b] == codes["auto"]],
                                     best_binding=best_binding,
                                     spread=worst / best,
                                     auto_worst=worst / best > 2 and least["auto"] >= worst * 0.98,
                                     pick=pick, model=model))
                    r = rows[-1]
                    loads.append(os.getloadavg()[0])
                    print(f"{name} {' '.join(args)} {label}: auto/best {r['ratio']:.2f}x (medians "
                          f"{r['median_ratio']:.2f}x, spread {r['noise']:.2f}x, {r['rounds']} rounds, "
                          f"load {loads[-1]:.1f})", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"rounds: at least {reps}, more until the fastest binding ran {options.min_time} s, at most {most} "
          f"(at least {options.short_reps} where the fastest run is under {options.short_ms} ms); "
          "times in ms (least of the rounds), program time on rank 0; medians: auto's median over the "
          "best median; spread: the best binding's median over its least; model: explain's time per "
          "batch of sibling tasks at these arguments\n")
    print("| example | args | processes | rounds | inline | local | remote | auto | auto/best | medians | spread "
          "| worst/best | same code as auto | explain picks | model inline | model local | model remote |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        t = r["least"]
        remote = f"{t['remote']:.2f}" if "remote" in t else "-"
        flag = " **" if r["ratio"] > 1.10 or r["auto_worst"] else ""
        print(f"| {r['name']} | {r['args']} | {r['config']} | {r['rounds']} | {t['inline']:.2f} | {t['local']:.2f} "
              f"| {remote} | {t['auto']:.2f} | {r['ratio']:.2f}x{flag} | {r['median_ratio']:.2f}x | {r['noise']:.2f}x "
              f"| {r['spread']:.2f}x | {', '.join(r['same_code']) or 'none'} | {r['pick']} "
              f"| {' | '.join(r['model'])} |")
    ratios = [r["ratio"] for r in rows]
    over = [r for r in rows if r["ratio"] > 1.10]
    print(f"\ncases: {len(rows)}; auto/best: median {statistics.median(ratios):.2f}x, worst {max(ratios):.2f}x; "
          f"cases over 1.10x: {len(over)} ({sum(1 for r in over if r['median_ratio'] > 1.10)} of them by the "
          f"medians too); cases where worst/best > 2 and auto was the worst: "
          f"{sum(1 for r in rows if r['auto_worst'])}")
    print(f"load average (1 min): {loads[0]:.1f} at the start, median {statistics.median(loads):.1f} "
          f"over the cases, highest {max(loads):.1f}")
    for r in over:
        if r["best_binding"] in r["same_code"]:
            verdict = f"noise: auto ran the same code as {r['best_binding']}, the best"
        else:
            whose = " and ".join(r["same_code"]) + "'s" if r["same_code"] else "its own"
            verdict = (f"auto ran {whose} code (its spawns {r['pick']} at these arguments, by explain), "
                       f"{r['best_binding']} was best")
        print(f"over 1.10x: {r['name']} {r['args']} {r['config']}: {r['ratio']:.2f}x (medians "
              f"{r['median_ratio']:.2f}x, spread {r['noise']:.2f}x): {verdict}")

if __name__ == "__main__":
    main()
