#!/usr/bin/env python3
"""bench/first_contact.py - a batch's first contact with the serving ranks, by their number.

Builds Runtime/calibrate/calibrate_contact.c (the program `dosc calibrate` runs on 2 and 3 ranks
for remote_later_contact_share) with dosc and runs it under `dosc run -n N` with DOSC_BIND=remote
(and a profile in which a message costs nothing, so every task is shipped) for each N of
--ranks, interleaved, --launches times (a process is cold once: one sample per launch). Prints
per N the median and quartiles of (cold batch - warm batch), and its ratio to the least N's: the
model (policy.c, first_contact_ns) charges remote_first_ns for the first serving rank and
the profile's remote_later_contact_share of it for each further one (0.25 built in).

usage: bench/first_contact.py [--launches 15] [--ranks 2,3,4]
Needs a built dosc (swift build; DOSC=path overrides) and an MPI.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOSC = os.environ.get("DOSC", os.path.join(REPO, ".build/debug/dosc"))


def main():
    parser = argparse.ArgumentParser(description="a batch's first contact by the number of ranks")
    parser.add_argument("--launches", type=int, default=15)
    parser.add_argument("--ranks", default="2,3,4")
    options = parser.parse_args()
    ranks = [int(n) for n in options.ranks.split(",")]
    with tempfile.TemporaryDirectory(prefix="dosc-contact-") as work:
        program = os.path.join(work, "first_contact")
        subprocess.run([DOSC, "compile", os.path.join(REPO, "Runtime", "calibrate", "calibrate_contact.c"), "-O2", "-o", program],
                       check=True)
        profile = os.path.join(work, "ship.json")
        with open(profile, "w") as f:
            f.write('{"schema": "dosc-profile/1", "spawn_ns": 0, "remote_latency_ns": 0, '
                    '"remote_bytes_per_ns": 10000}')
        env = {k: v for k, v in os.environ.items() if not k.startswith("DOSC_")}
        env.update(DOSC_BIND="remote", DOSC_THREADS="1", DOSC_PROFILE=profile,
                   OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
        first = {n: [] for n in ranks}
        loads = [os.getloadavg()[0]]
        for _ in range(options.launches):
            for n in ranks:
                done = subprocess.run([DOSC, "run", "-n", str(n), program], env=env, stdout=subprocess.PIPE,
                                      check=True, timeout=120)
                printed = {line.split()[0]: float(line.split()[1]) for line in done.stdout.splitlines()}
                if printed.get("ranks") != n or printed.get("serving_ranks") != n - 1:
                    sys.exit(f"ran on {printed.get('ranks')} ranks, reaching {printed.get('serving_ranks')}, not {n}")
                first[n].append(printed["contact_ns"] / 1e3)
            loads.append(os.getloadavg()[0])
    base = statistics.median(first[ranks[0]])
    print(f"launches: {options.launches} per rank count, interleaved; load average (1 min) "
          f"median {statistics.median(loads):.1f}, highest {max(loads):.1f}\n")
    print("| ranks | cold batch - warm, median (us) | quartiles (us) | over the first row's median |")
    print("| --- | --- | --- | --- |")
    for n in ranks:
        q = statistics.quantiles(first[n], n=4)
        median = statistics.median(first[n])
        print(f"| {n} | {median:.0f} | {q[0]:.0f} - {q[2]:.0f} | {median / base:.2f}x |")


if __name__ == "__main__":
    main()
