#!/usr/bin/env python3
"""bench/calibrate_twice.py - `dosc calibrate` twice in a row, several times (issue 10).

Each pair runs `dosc calibrate -o A.json` and then `-o B.json`, as a user would, and compares
the two profiles figure by figure: they agree when they differ by at most their two noises
together (each noise the width of the figure's 95% interval over the figure; over 1 + the figure for a
share, `calibration.noise_of_one_plus`), the promise the profile's `noise_means` makes. A figure whose launches fell in several placements of the VM's CPUs
within one calibration lists them (`calibration.modes`, printed after the figure); a pair that
disagrees while each of its calibrations saw one placement, a different one (the steal says so),
is counted apart: the VM moved its CPUs between A and B, which neither calibration could see. A
calibration that ends in "unstable measurement" writes nothing
and counts as an error (the outcome calibrate must give a machine too busy for its figures).

The machine's load is part of the result: the 1-minute load average is printed before each
calibration, and --busy K starts K CPU-bound processes for the whole run (stopped at the end),
to see what calibrate makes of a machine with K processes beside it.

usage: bench/calibrate_twice.py [--pairs N] [--busy K] [--dosc PATH]
Prints a Markdown table per pair and a summary line.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIGURES = [
    "call_ns",
    "spawn_ns",
    "steal_ns",
    "ns_per_op",
    "remote_latency_ns",
    "remote_bytes_per_ns",
    "remote_first_ns",
    "remote_later_contact_share",
]


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def modes(profile, figure):
    """', in 2 placements: 265 (20 launches), 950 (25)' for a figure whose launches split."""
    found = profile["calibration"].get("modes", {}).get(figure)
    if not found:
        return ""
    return f", in {len(found)} placements: " + ", ".join(f"{m['value']:.4g} ({m['launches']} launches)" for m in found)


def calibrate(dosc, path):
    started = time.time()
    done = subprocess.run([dosc, "calibrate", "-o", path], capture_output=True, text=True)
    seconds = time.time() - started
    if done.returncode != 0:
        error = [line for line in done.stderr.splitlines() if "error" in line]
        return None, seconds, (error[-1] if error else done.stderr.strip()[-300:])
    with open(path) as f:
        return json.load(f), seconds, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--busy", type=int, default=0)
    parser.add_argument("--dosc", default=os.path.join(ROOT, ".build", "debug", "dosc"))
    options = parser.parse_args()
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(options.busy)
    ]
    both = agreed = errors = moved = 0
    refused_by = collections.Counter()  # figure -> calibrations it refused
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for pair in range(1, options.pairs + 1):
                runs = []
                for name in "AB":
                    before = load()
                    profile, seconds, error = calibrate(options.dosc, os.path.join(scratch, name + ".json"))
                    runs.append((name, before, profile, seconds, error))
                print(f"\n### pair {pair} ({options.busy} CPU-bound processes beside it)\n")
                for name, before, profile, seconds, error in runs:
                    state = (
                        "profile: "
                        + ", ".join(
                            f"{figure} {profile[figure]:.4g} (noise {profile['calibration']['noise'][figure] * 100:.0f}%"
                            + modes(profile, figure)
                            + ")"
                            for figure in FIGURES
                            if figure in profile["calibration"]["measured"]
                        )
                        if profile
                        else f"error: {error}"
                    )
                    print(f"- {name}: load {before:.1f} before, {seconds:.1f} s, {state}")
                errors += sum(1 for run in runs if run[2] is None)
                for run in runs:
                    if run[2] is None and "unstable measurement: " in run[4]:
                        named = run[4].split("unstable measurement: ", 1)[1].split(" (the limits")[0]
                        refused_by.update(part.split()[0] for part in named.split("; "))
                if not all(run[2] for run in runs):
                    continue
                both += 1
                a, b = runs[0][2], runs[1][2]
                print("\n| figure | A | B | difference | noise A + B | launches A, B | agree |")
                print("| --- | --- | --- | --- | --- | --- | --- |")
                all_agree = True
                for figure in FIGURES:
                    # Compared when both measured it (a share one could not measure steadily has its
                    # default and calibration.not_measured says why).
                    if figure not in a["calibration"]["measured"] or figure not in b["calibration"]["measured"]:
                        for name, profile in (("A", a), ("B", b)):
                            why = profile["calibration"].get("not_measured", {}).get(figure)
                            if why:
                                print(f"- {figure} not measured in {name}: {why}")
                        continue
                    x, y = a[figure], b[figure]
                    noise = a["calibration"]["noise"][figure] + b["calibration"]["noise"][figure]
                    # A share's noise is over 1 + the share (calibration.noise_of_one_plus).
                    base = 1.0 if figure in a["calibration"].get("noise_of_one_plus", []) else 0.0
                    difference = abs(x - y) / (base + max(x, y))
                    # The floor of calibrateTwiceAgreesWithinItsNoise: figures whose noise rounds to 0.
                    agree = difference <= max(noise, 0.05)
                    all_agree &= agree
                    launches = f'{a["calibration"]["launches"][figure]}, {b["calibration"]["launches"][figure]}'
                    print(
                        f"| {figure} | {x:.4g} | {y:.4g} | {difference * 100:.1f}% | {noise * 100:.1f}% "
                        f"| {launches} | {'yes' if agree else 'NO'} |"
                    )
                agreed += all_agree
                steal = [run[2].get("steal_ns") for run in runs]
                one_placement = not any("steal_ns" in run[2]["calibration"].get("modes", {}) for run in runs)
                if not all_agree and None not in steal and one_placement:
                    noise = a["calibration"]["noise"]["steal_ns"] + b["calibration"]["noise"]["steal_ns"]
                    if abs(steal[0] - steal[1]) > max(noise, 0.05) * max(steal):
                        moved += 1
                        print(
                            "\nThe steal moved too, each calibration in one placement: the VM placed its two CPUs "
                            "differently between A and B."
                        )
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()
    print(
        f"\n{options.pairs} pairs with {options.busy} CPU-bound processes beside them: {both} wrote two "
        f"profiles, {agreed} agreed on every figure within their noises ({moved} disagreed with the "
        f"VM's CPUs placed differently between A and B, each in one placement, as the steal showed); {errors} of "
        f"{2 * options.pairs} calibrations ended in an error"
        + (
            " (refused by " + ", ".join(f"{name} {count}" for name, count in refused_by.most_common()) + ")"
            if refused_by
            else ""
        )
    )


if __name__ == "__main__":
    main()
