#!/usr/bin/env python3
"""Writes a large kneeplan.catalogue/1 file for scale tests and benchmarks.

It converts the public-domain free-exercise-db catalogue (873 exercises) into
kneeplan's vocabulary, then repeats it with suffixed ids until there are
COUNT exercises. The output is deterministic: the same input and COUNT give
the same bytes. It is generated, never committed.

Usage: scripts/make-big-catalogue.py [--count N] [--source exercises.json] OUTPUT
"""

import argparse
import json
import re
import sys
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent.parent / "shared/data/free-exercise-db/exercises.json"
SOURCE_NOTE = "free-exercise-db (public domain)"

# free-exercise-db muscle names that kneeplan's built-in catalogue spells otherwise.
MUSCLES = {"abductors": "hip abductors", "adductors": "hip adductors", "glutes": "gluteals"}

# kneeplan equipment, found from words in the name and instructions.
EQUIPMENT_WORDS = [
    ("chair", re.compile(r"\b(chair|bench|seat)\b")),
    ("step", re.compile(r"\b(step|box|platform)\b")),
    ("mat", re.compile(r"\b(floor|mat|lie|lying)\b")),
    ("wall", re.compile(r"\bwall\b")),
    ("mirror", re.compile(r"\bmirror\b")),
]
ONE_SIDE = re.compile(r"\b(one leg|one arm|single|each side|other side|switch sides|switch legs|alternate|alternating)\b")


def kebab(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "exercise"


def category_of(entry):
    if entry.get("equipment") == "foam roll":
        return "foam_roll"
    if entry["category"] == "stretching":
        return "stretch"
    return "strength"  # strength, plyometrics, powerlifting, olympic weightlifting, strongman, cardio


def equipment_of(entry, text):
    found = ["foam-roller"] if entry.get("equipment") == "foam roll" else []
    found += [name for name, pattern in EQUIPMENT_WORDS if pattern.search(text)]
    return [name for i, name in enumerate(found) if name not in found[:i]]


def convert(entry, exercise_id):
    category = category_of(entry)
    steps = []
    for step in entry["instructions"]:
        if step.strip() and step.strip() not in steps:
            steps.append(step.strip())
    steps = steps or [entry["name"] + "."]
    text = " ".join([entry["name"]] + steps).lower()
    targets = []
    for muscle in entry["primaryMuscles"] + entry["secondaryMuscles"]:
        muscle = MUSCLES.get(muscle, muscle)
        if muscle not in targets:
            targets.append(muscle)
    if category == "strength":
        dose = {"reps": {"min": 8, "max": 12}}
    elif category == "stretch":
        dose = {"hold_seconds": {"min": 30, "max": 60}}
    else:
        dose = {"passes": [{"area": MUSCLES.get(m, m), "seconds": 60} for m in entry["primaryMuscles"]]}
    exercise = {
        "id": exercise_id,
        "name": entry["name"],
        "category": category,
        "role": "routine",
    }
    if category == "strength" and entry.get("mechanic") in ("compound", "isolation"):
        exercise["mechanic"] = entry["mechanic"]
    exercise.update({
        "targets": targets,
        "equipment": equipment_of(entry, text),
        "laterality": "per_side" if ONE_SIDE.search(text) else "bilateral",
        "dose": dose,
        "steps": steps,
        "cues": [],
        "alternatives": [],
        "source": SOURCE_NOTE,
    })
    return exercise


def build(source, count):
    entries = sorted(source, key=lambda entry: entry["id"])
    exercises = []
    used = set()
    copy = 1
    while len(exercises) < count:
        block = []
        for entry in entries:
            if len(exercises) + len(block) == count:
                break
            base = kebab(entry["id"]) + ("" if copy == 1 else f"-copy-{copy}")
            exercise_id, n = base, 2
            while exercise_id in used:
                exercise_id, n = f"{base}-{n}", n + 1
            used.add(exercise_id)
            block.append(convert(entry, exercise_id))
        # Each exercise names the next one in its copy with the same category
        # and first target as its alternative, so references get checked too.
        last_seen = {}
        for exercise in reversed(block):
            group = (exercise["category"], exercise["targets"][0])
            if group in last_seen:
                exercise["alternatives"] = [last_seen[group]]
            last_seen[group] = exercise["id"]
        exercises += block
        copy += 1
    return {"format": "kneeplan.catalogue/1", "exercises": exercises}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="file to write, or - for standard output")
    parser.add_argument("--count", type=int, default=10000, help="number of exercises (default: 10000)")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="free-exercise-db exercises.json (default: %(default)s)")
    args = parser.parse_args()
    if not 1 <= args.count <= 100000:
        parser.error("--count must be from 1 to 100000 (kneeplan's catalogue limit)")
    source = json.loads(args.source.read_text(encoding="utf-8"))
    text = json.dumps(build(source, args.count), ensure_ascii=False, indent=1) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
