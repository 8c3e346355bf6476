#!/usr/bin/env python3
"""Reads kneeplan's calendar files back with Python's icalendar, a second
parser beside the libical unit tests.

Usage: check_calendar.py KNEEPLAN_BINARY SOURCE_DIR

For the built-in catalogue and for tests/data/hostile-catalogue.json, timed and
all-day: the required properties are there, there is one event per training
day of the plan's own JSON export, durations equal the export's minutes, UIDs
are unique and the same for the same plan day across runs and profiles, every
line ends in CRLF within 75 octets, the same inputs give the same bytes, and
DTSTAMP follows --start or SOURCE_DATE_EPOCH.

Prints one line per check and `calendar: N passed, M failed`; exits 1 on any failure.
"""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

try:
    import icalendar
except ImportError:  # pragma: no cover - environment problem
    print("check_calendar.py: the Python package icalendar is required (apt install python3-icalendar)",
          file=sys.stderr)
    sys.exit(2)

START = "2026-11-23"  # a Monday
passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok    {what}")
    else:
        failed += 1
        print(f"FAIL  {what}")


def run(binary, args, env_extra=None):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    env.update(env_extra or {})
    result = subprocess.run([binary, *args], capture_output=True, env=env, timeout=60)
    if result.returncode != 0:
        raise SystemExit(f"kneeplan {' '.join(args)} exited {result.returncode}: {result.stderr.decode()}")
    return result.stdout


def training_days(export):
    return [day for week in export["weeks"] for day in week["days"] if not day["rest"] and day["items"]]


def events(calendar):
    return [c for c in calendar.walk("VEVENT")]


def check_lines(raw, label):
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", f"{label}: ends with CRLF")
    check(all(b"\n" not in line and b"\r" not in line for line in lines), f"{label}: every line ends in CRLF")
    check(all(len(line) <= 75 for line in lines), f"{label}: no line longer than 75 octets")
    try:
        for line in lines:
            line.decode("utf-8")
        whole = True
    except UnicodeDecodeError:
        whole = False
    check(whole, f"{label}: folding never splits a UTF-8 character")


def check_calendar(binary, label, common, timed):
    flags = ["--at", "07:30"] if timed else []
    raw = run(binary, ["plan", "--format", "ics", *flags, *common])
    check(run(binary, ["plan", "--format", "ics", *flags, *common]) == raw, f"{label}: same inputs, same bytes")
    check(run(binary, ["export", "--format", "ics", *flags, *common]) == raw, f"{label}: export --format ics is the same")
    check_lines(raw, label)
    export = json.loads(run(binary, ["export", *common]))
    calendar = icalendar.Calendar.from_ical(raw)
    check(str(calendar.get("VERSION")) == "2.0", f"{label}: VERSION:2.0")
    version = run(binary, ["--version"]).decode().split()[1]  # "kneeplan 0.1.0 (git …)"
    prodid = str(calendar.get("PRODID"))
    check("kneeplan" in prodid and version in prodid, f"{label}: PRODID names kneeplan {version}")

    days = training_days(export)
    sessions = [e for e in events(calendar) if "checkpoint" not in str(e.get("SUMMARY"))]
    check(len(sessions) == len(days), f"{label}: one event per training day ({len(days)})")
    required = ["UID", "DTSTAMP", "DTSTART", "DURATION", "SUMMARY", "DESCRIPTION"]
    check(all(all(name in e for name in required) for e in events(calendar)),
          f"{label}: every event has {', '.join(required)}")
    check(all("DTEND" not in e for e in events(calendar)), f"{label}: no event has both DTEND and DURATION")
    stamp = datetime.datetime.fromisoformat(START + "T00:00:00+00:00")
    check(all(e.decoded("DTSTAMP") == stamp for e in events(calendar)), f"{label}: DTSTAMP is --start at 00:00 UTC")

    matches = True
    for event, day in zip(sessions, days):
        start = event.decoded("DTSTART")
        duration = event.decoded("DURATION")
        if timed:
            matches &= isinstance(start, datetime.datetime) and start.tzinfo is None
            matches &= start.isoformat() == day["date"] + "T07:30:00"
            matches &= duration == datetime.timedelta(minutes=day["minutes"])
            alarms = event.walk("VALARM")
            matches &= len(alarms) == 1 and alarms[0].decoded("TRIGGER") == datetime.timedelta(minutes=-15)
        else:
            matches &= not isinstance(start, datetime.datetime) and start.isoformat() == day["date"]
            matches &= duration == datetime.timedelta(days=1) and not event.walk("VALARM")
        summary = str(event.get("SUMMARY"))
        matches &= summary.startswith("Knee routine: ") and summary.endswith(f", {day['minutes']} min")
        description = str(event.get("DESCRIPTION"))
        matches &= all(f"- {item['name']}: " in description for item in day["items"])
        matches &= all(note in description for note in day["notes"])
    check(matches, f"{label}: each event's date, {'time, duration, reminder' if timed else 'all-day span'}, "
                   "summary and items match the export")

    uids = [str(e.get("UID")) for e in events(calendar)]
    check(len(uids) == len(set(uids)), f"{label}: UIDs are unique")
    checkpoints = [e for e in events(calendar) if "checkpoint" in str(e.get("SUMMARY"))]
    noted = [day["date"] for day in days if any(note.startswith("Checkpoint") for note in day["notes"])]
    check([e.decoded("DTSTART").isoformat() for e in checkpoints] == noted,
          f"{label}: the checkpoint is its own event, on the day the plan notes it")
    return calendar


def uids_by_day(calendar):
    return {(e.decoded("DTSTART").isoformat()[:10], "checkpoint" in str(e.get("SUMMARY"))): str(e.get("UID"))
            for e in events(calendar)}


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, source = sys.argv[1], Path(sys.argv[2])
    hostile = str(source / "tests/data/hostile-catalogue.json")
    common = ["--start", START, "--weeks", "4"]

    first = check_calendar(binary, "built-in, all-day", common, timed=False)
    check_calendar(binary, "built-in, at 07:30", common, timed=True)
    check_calendar(binary, "hostile, at 07:30", ["--catalogue", hostile, *common], timed=True)
    hostile_calendar = check_calendar(binary, "hostile, all-day", ["--catalogue", hostile, *common], timed=False)

    names = {e["name"] for e in json.loads(run(binary, ["--catalogue", hostile, "exercises", "--json"]))}
    descriptions = " ".join(str(e.get("DESCRIPTION")) for e in events(hostile_calendar))
    check(all(name in descriptions for name in names),
          "hostile: every name comes back exactly, markup, quotes and line breaks included")

    other = icalendar.Calendar.from_ical(
        run(binary, ["plan", "--format", "ics", "--level", "advanced", "--side", "left", *common]))
    check(uids_by_day(other) == uids_by_day(first), "a different profile keeps each plan day's UID")

    with_rest = icalendar.Calendar.from_ical(run(binary, ["plan", "--format", "ics", "--rest-events", *common]))
    rest = [e.decoded("DTSTART").isoformat() for e in events(with_rest) if str(e.get("SUMMARY")) == "Rest day"]
    export = json.loads(run(binary, ["export", *common]))
    check(rest == [d["date"] for w in export["weeks"] for d in w["days"] if d["rest"]],
          "--rest-events: an all-day Rest day event on each rest day")

    epoch = icalendar.Calendar.from_ical(
        run(binary, ["plan", "--format", "ics", *common], {"SOURCE_DATE_EPOCH": "1700000000"}))
    check(all(e.decoded("DTSTAMP") == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)
              for e in events(epoch)), "SOURCE_DATE_EPOCH sets DTSTAMP")

    print(f"calendar: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
