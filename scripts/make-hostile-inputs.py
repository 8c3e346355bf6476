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

With --fuzz-seeds, it writes smaller inputs of the same kinds instead, each
at most 1 MiB, into DIRECTORY/{catalogue,plan,validate}: seeds for the fuzz
targets, so that they start from inputs that reach the plan limits and the
diagnostic cap (libFuzzer alone grows inputs slowly, and stayed under 12 KB).

Usage: scripts/make-hostile-inputs.py [--fuzz-seeds] DIRECTORY
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
    return strength_chains(80000)


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


def strength_chains(count):
    exercises = []
    for i in range(count):
        chain, link = divmod(i, 100)
        exercises.append(exercise("s" + base36(i), "strength", targets=[f"m{chain}-{link}", f"m{chain}-{link + 1}"]))
    return catalogue(exercises)


HOSTILE_TEXT = "Plank\u001b]0;t\u0007\u001b[2J\r\b\u0000 \u009b31m \u202e <script>x</script> & |"


def seed_catalogues():
    texts = exercise("texts", "stretch")
    texts.update({"name": HOSTILE_TEXT, "steps": [HOSTILE_TEXT], "cues": [HOSTILE_TEXT], "source": HOSTILE_TEXT})
    roll = exercise("roll", "foam_roll")
    del roll["dose"]
    roll["dose"] = {"passes": [{"area": HOSTILE_TEXT, "seconds": 3600}] * 2000}
    count = 4000
    last = [exercise(f"x{i}", equipment=["step"], alternatives=[f"x{count - 1}"]) for i in range(count - 1)]
    last.append(exercise(f"x{count - 1}", equipment=["step"], role="alternative"))
    return {
        "alternatives-unknown": catalogue(
            [exercise(f"e{i}", alternatives=[f"u{i}-{k}" for k in range(100)]) for i in range(100)]),
        "strength-4000": strength_chains(4000),
        "stretches-101": catalogue([exercise(f"t{i}") for i in range(101)]),
        "wordy-stretch": catalogue([dict(exercise("wordy"), cues=["&" * 900_000])]),
        "alternative-last": catalogue(last),
        "texts-and-passes": catalogue([texts, roll]),
    }


def seed_documents():
    profile = {"format": "kneeplan.profile/1", "age": 40}
    for i in range(80_000):
        profile["_" + base36(i)] = 0
    rule = {"id": "r", "severity": "info", "when": [{"pain_at_least": 1}], "message": HOSTILE_TEXT, "source": "g"}
    safety = {"format": "kneeplan.safety/1", "emergency": "Call.",
              "rules": [dict(rule, id=f"r{i}") for i in range(3000)]}
    return {"profile-keys": profile, "safety-3000": safety}


def write_seeds(directory):
    limit = 1024 * 1024
    for kind in ("catalogue", "plan", "validate"):
        (directory / kind).mkdir(parents=True, exist_ok=True)
    for name, document in list(seed_catalogues().items()) + list(seed_documents().items()):
        text = (json.dumps(document, separators=(",", ":")) + "\n").encode("utf-8")
        if len(text) > limit:
            sys.exit(f"{name}: {len(text)} bytes, more than a seed may hold ({limit})")
        targets = ["catalogue", "validate"] if document["format"] == "kneeplan.catalogue/1" else ["plan", "validate"]
        for kind in targets:
            # fuzz_plan reads its last two bytes as the weeks and rest day: 52 weeks.
            data = text + b"\x00\x33" if kind == "plan" else text
            (directory / kind / f"seed-{name}.json").write_bytes(data[:limit])


INPUTS = {
    "alternatives-unknown.json": alternatives_unknown,
    "alternatives-repeated.json": alternatives_repeated,
    "strength-80000.json": strength_80000,
    "alternative-last.json": alternative_last,
    "profile-keys.json": profile_keys,
}
LIMIT = 16 * 1024 * 1024


def main():
    args = sys.argv[1:]
    seeds = args[:1] == ["--fuzz-seeds"]
    if seeds:
        args = args[1:]
    if len(args) != 1:
        sys.exit(__doc__.strip().splitlines()[-1])
    directory = Path(args[0])
    directory.mkdir(parents=True, exist_ok=True)
    if seeds:
        write_seeds(directory)
        return
    for name, make in INPUTS.items():
        text = json.dumps(make(), separators=(",", ":")) + "\n"
        if len(text.encode("utf-8")) > LIMIT:
            sys.exit(f"{name}: {len(text)} bytes, past kneeplan's input limit of {LIMIT}")
        (directory / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
