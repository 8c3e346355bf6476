#!/usr/bin/env python3
"""Writes a kneeplan.journal/1 file of daily sessions, for the benchmarks.

Usage: make-big-journal.py --kneeplan BINARY [--days N] [--end YYYY-MM-DD] OUTPUT

Each day from END minus N-1 days to END gets the session the default plan
has for that weekday (from `kneeplan export`), done at its planned dose with
a little variety in the reps, and pain 0 in both knees before, during,
after and the next morning. The rest day is logged too (a session on a day off), so every
day holds an entry, as for a person who logs daily. Deterministic: the same
arguments write the same bytes. `kneeplan journal import OUTPUT` loads it.
"""

import argparse
import datetime
import json
import subprocess
import sys


def week_pattern(kneeplan, monday):
    """The default plan's items for each weekday (Monday first); a rest day has none."""
    plan = json.loads(subprocess.run(
        [kneeplan, "export", "--no-saved-profile", "--weeks", "1", "--start", monday.isoformat()],
        check=True, capture_output=True, env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}).stdout)
    return [day["items"] for day in plan["weeks"][0]["days"]]


def done_records(item, day_number):
    """The records for one planned item, its dose varied within the planned range."""
    category = item["category"]
    if category == "strength":
        low, high = item["reps"]["min"], item["reps"]["max"]
        measure, amount = "reps", low + day_number % (high - low + 1)
    elif category == "stretch":
        measure, amount = "hold_seconds", item["hold_seconds"]["min"]
    elif category == "warm_up":
        measure, amount = "hold_seconds", item["minutes"]["min"] * 60  # the journal logs a warm-up in seconds
    else:
        measure, amount = "passes", len(item["passes"])
    return [{"exercise": item["exercise"], "rung": item["exercise"], "side": side, "sets": item["sets"],
             measure: amount} for side in item["sides"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kneeplan", required=True, help="the kneeplan binary, to read the default plan")
    parser.add_argument("--days", type=int, default=730, help="how many days (default 730: two years)")
    parser.add_argument("--end", default="2026-11-21", help="the last day (default 2026-11-21)")
    parser.add_argument("output")
    args = parser.parse_args()

    end = datetime.date.fromisoformat(args.end)
    start = end - datetime.timedelta(days=args.days - 1)
    monday = start - datetime.timedelta(days=start.weekday())
    pattern = week_pattern(args.kneeplan, monday)
    any_day = next(items for items in pattern if items)
    entries = []
    for number in range(args.days):
        date = start + datetime.timedelta(days=number)
        items = pattern[date.weekday()] or any_day
        done = [record for item in items for record in done_records(item, number)]
        entries.append({
            "date": date.isoformat(),
            "done": done,
            "skipped": [],
            # No pain: the screen gives a plan, so the coach's whole path runs.
            "pain": {moment: {"left": 0, "right": 0} for moment in ("before", "during", "after", "next_day")},
            "symptoms": [],
            "notes": [f"day {number + 1}"],
        })
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump({"format": "kneeplan.journal/1", "entries": entries}, out, indent=2)
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
