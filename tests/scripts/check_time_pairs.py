#!/usr/bin/env python3
"""scripts/time-pairs.py: what it measures, and how it refuses.

    check_time_pairs.py SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

script = os.path.join(sys.argv[1], "scripts", "time-pairs.py")
failures = []


def time_pairs(*args):
    return subprocess.run([sys.executable, script, *args], capture_output=True, text=True)


with tempfile.TemporaryDirectory() as work:
    out = os.path.join(work, "pairs.json")
    # sleep(1) never returns early: each command's extra over `true` is at
    # least its sleep, and the longer sleep's extra is the larger.
    run = time_pairs("--base", "true", "--out", out, "--rounds", "3", "--warmup", "1",
                     "short", "sleep 0.05", "long", "sleep 0.15")
    if run.returncode != 0:
        failures.append(f"exited {run.returncode}: {run.stderr}")
    else:
        result = json.load(open(out))
        if sorted(result) != ["long", "short"]:
            failures.append(f"named {sorted(result)}, expected long and short")
        else:
            if result["short"]["extra_ms"] < 45:
                failures.append(f"sleep 0.05 measured {result['short']['extra_ms']:.1f} ms over true")
            if result["long"]["extra_ms"] < 145 or result["long"]["extra_ms"] <= result["short"]["extra_ms"]:
                failures.append(f"sleep 0.15 measured {result['long']['extra_ms']:.1f} ms over true")
            if result["short"]["median_ms"] < result["short"]["extra_ms"]:
                failures.append("a command's time is less than its extra over the baseline")

    # A command that fails is not timed: its failure is the result.
    failed = os.path.join(work, "failed.json")
    run = time_pairs("--base", "true", "--out", failed, "--rounds", "2", "--warmup", "0", "broken", "false")
    if run.returncode != 1 or "false exited 1" not in run.stderr or os.path.exists(failed):
        failures.append(f"a failing command: exit {run.returncode}, stderr {run.stderr!r}")

    # A name without its command is a usage error.
    run = time_pairs("--base", "true", "--out", out, "lonely")
    if run.returncode != 2:
        failures.append(f"a name without a command: exit {run.returncode}")

for failure in failures:
    print("FAIL:", failure)
if not failures:
    print("ok: time-pairs.py")
sys.exit(1 if failures else 0)
