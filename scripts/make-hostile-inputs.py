#!/usr/bin/env python3
"""Writes the large, valid or nearly valid inputs that once took kneeplan
seconds to minutes, for the benchmarks and scripts/perf. Each is within the
16 MiB input limit and deterministic; none is committed.

  alternatives-unknown.json  1,000 exercises, each naming 1,000 unknown
                             alternatives (validate: "did you mean" searches)
  alternatives-repeated.json 2,000 exercises naming the same 300 unknown
                             alternatives (one search per distinct id)
  strength-80000.json        80,000 strength exercises in chains of shared
                             muscles (plan: the muscle-group split, then the
                             plan-size limit)
  alternative-last.json      75,000 exercises that need a step, each with
                             the last exercise as its alternative (plan with
                             --equipment none: Catalogue::find)
  profile-keys.json          a profile with 1,500,000 unknown keys (messages
                             past the 100-problem cap)

Usage: scripts/make-hostile-inputs.py DIRECTORY
"""

import json
import sys
from pathlib import Path


def exercise(exercise_id, category="stretch", targets=("calves",), equipment=(), alternatives=(), role="routine"):
    """An exercise with the shortest texts allowed, so that many fit in 16 MiB."""
    dose = {"reps": {"min": 8, "max": 12}} if category == "strength" else {"hold_seconds": {"min": 30, "max": 40}}
    out = {"id": exercise_id, "name": "n", "category": category}
    if role != "routine":
        out["role"] = role
    out.update({
        "targets": list(targets),
        "equipment": list(equipment),
        "laterality": "bilateral",
        "dose": dose,
        "steps": ["s"],
        "cues": [],
        "alternatives": list(alternatives),
        "source": "g",
    })
    return out


def catalogue(exercises):
    return {"format": "kneeplan.catalogue/1", "exercises": exercises}


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        out += digits[n % 36]
        n //= 36
        if n == 0:
            return out


def alternatives_unknown():
    return catalogue([exercise(f"e{i}", alternatives=[f"u{i}-{k}" for k in range(1000)]) for i in range(1000)])


def alternatives_repeated():
    unknown = [f"missing-stretch-{k}" for k in range(300)]
    return catalogue([exercise(f"stretch-{i}", alternatives=unknown) for i in range(2000)])


def strength_80000():
    # Exercise i works muscles i and i+1 of its chain of 100: the split joins
    # each chain into one group through every exercise of it.
    exercises = []
    for i in range(80000):
        chain, link = divmod(i, 100)
        exercises.append(exercise("s" + base36(i), "strength", targets=[f"m{chain}-{link}", f"m{chain}-{link + 1}"]))
    return catalogue(exercises)


def alternative_last():
    count = 75000
    exercises = [exercise(f"x{i}", equipment=["step"], alternatives=[f"x{count - 1}"]) for i in range(count - 1)]
    exercises.append(exercise(f"x{count - 1}", equipment=["step"], role="alternative"))
    return catalogue(exercises)


def profile_keys():
    profile = {"format": "kneeplan.profile/1"}
    for i in range(1_500_000):
        profile["_" + base36(i)] = 0
    return profile


INPUTS = {
    "alternatives-unknown.json": alternatives_unknown,
    "alternatives-repeated.json": alternatives_repeated,
    "strength-80000.json": strength_80000,
    "alternative-last.json": alternative_last,
    "profile-keys.json": profile_keys,
}
LIMIT = 16 * 1024 * 1024


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    directory = Path(sys.argv[1])
    directory.mkdir(parents=True, exist_ok=True)
    for name, make in INPUTS.items():
        text = json.dumps(make(), separators=(",", ":")) + "\n"
        if len(text.encode("utf-8")) > LIMIT:
            sys.exit(f"{name}: {len(text)} bytes, past kneeplan's input limit of {LIMIT}")
        (directory / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
