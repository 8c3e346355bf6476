#!/usr/bin/env python3
"""Times commands against a baseline command, in alternating pairs.

    time-pairs.py --base CMD --out FILE [--rounds N] [--warmup N] NAME CMD [NAME CMD ...]

Each round runs the baseline and the command back to back, in turns one
first and then the other, and takes the difference of their wall times. On a
machine whose speed drifts (a shared virtual machine), medians of two
separate batches measured minutes apart differ by more than the difference
being measured; the median of paired differences does not drift with it.
Writes {NAME: {"extra_ms": median difference, "median_ms": median time}} as
JSON. A command that exits non-zero stops the timing with exit 1.
"""
import argparse
import json
import shlex
import statistics
import subprocess
import sys
import time


def wall_time(argv):
    start = time.perf_counter()
    status = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"time-pairs.py: {shlex.join(argv)} exited {status}")
    return elapsed * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("pairs", nargs="+", help="NAME CMD ...")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give each command after its name")
    base = shlex.split(args.base)
    results = {}
    for name, command in zip(args.pairs[0::2], args.pairs[1::2]):
        argv = shlex.split(command)
        extras, times = [], []
        for round_number in range(args.warmup + args.rounds):
            if round_number % 2 == 0:
                base_ms = wall_time(base)
                command_ms = wall_time(argv)
            else:
                command_ms = wall_time(argv)
                base_ms = wall_time(base)
            if round_number >= args.warmup:
                extras.append(command_ms - base_ms)
                times.append(command_ms)
        results[name] = {"extra_ms": statistics.median(extras), "median_ms": statistics.median(times)}
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
