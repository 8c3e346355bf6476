#!/usr/bin/env python3
"""Checks the published JSON Schemas against the shipped data and real output.

Usage: check_schemas.py KNEEPLAN_BINARY SOURCE_DIR

1. Every schema in data/schema/ is itself a valid draft 2020-12 schema; the
   output schemas (plan, findings, guidelines) forbid unknown members in every
   object and describe every member.
2. The shipped data files validate against their schemas.
3. The binary's real output validates: `export` for a spread of profiles,
   `check --json` (clean and urgent) and `exercises --json`.
4. Negative checks: broken copies of real output and shipped data must FAIL validation, so the
   schemas are known to bite.
5. `progress --json` over a journal built with `log` matches
   progress.schema.json (broken copies do not), and `progress --format svg`
   is well-formed XML.
6. Every broken input in tests/data/bad/ that is still JSON must fail its
   schema too, except the few whose fault no JSON Schema can express
   (LOADER_ONLY), so the input schemas say no less than the loader.

Needs only the standard library and jsonschema. Prints one line per check and
a final `schemas: N passed, M failed`; exits 1 on any failure.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:  # pragma: no cover - environment problem
    print("check_schemas.py: the Python package jsonschema is required (apt install python3-jsonschema)",
          file=sys.stderr)
    sys.exit(2)

START = "2026-11-23"  # fixed, so every run checks the same plans

passed = 0
failed = 0


def ok(name):
    global passed
    passed += 1
    print(f"ok    {name}")


def fail(name, message):
    global failed
    failed += 1
    print(f"FAIL  {name}: {message}")


def describe_error(error):
    where = "/" + "/".join(str(p) for p in error.absolute_path)
    return f"at {where}: {error.message}"


def first_error(validator, document):
    """The most relevant validation error, or None when the document is valid."""
    return best_match(validator.iter_errors(document))


def expect_valid(name, validator, document):
    error = first_error(validator, document)
    if error is None:
        ok(name)
    else:
        fail(name, "does not match its schema " + describe_error(error))


def mutated(base, change):
    """A deep copy of `base` with `change` applied to it."""
    document = copy.deepcopy(base)
    change(document)
    return document


def expect_invalid(name, validator, document):
    if first_error(validator, document) is None:
        fail(name, "the schema accepted a document it should reject")
    else:
        ok(name)


# --- schemas -----------------------------------------------------------------

# Subschemas that only test or refine members declared elsewhere.
CONDITIONS = ("if", "then", "else", "not", "contains")


def lint_schema(node, where, problems, declaring=True):
    """Every object schema closes its members; every declared member is described.

    Members listed under a conditional (if/then/else) or next to a $ref only
    refine a declaration made elsewhere, so they need no description of their own.
    """
    if isinstance(node, dict):
        if "properties" in node and node.get("type") == "object" and node.get("additionalProperties") is not False:
            problems.append(f"{where}: an object without \"additionalProperties\": false")
        if declaring and "$ref" not in node:
            for key, member in node.get("properties", {}).items():
                if isinstance(member, dict) and "description" not in member and "$ref" not in member:
                    problems.append(f"{where}/properties/{key}: no description")
        for key, value in node.items():
            lint_schema(value, f"{where}/{key}", problems, declaring and key not in CONDITIONS)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            lint_schema(value, f"{where}/{i}", problems, declaring)


def load_schemas(schema_dir):
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        name = path.name[: -len(".schema.json")]
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
        except (ValueError, jsonschema.SchemaError) as error:
            fail(f"schema {path.name}", f"not a valid draft 2020-12 schema: {error}")
            continue
        problems = []
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problems.append("\"$schema\" is not draft 2020-12")
        if schema.get("$id") != f"https://kneeplan.example/schema/{path.name}":
            problems.append(f"\"$id\" is not https://kneeplan.example/schema/{path.name}")
        if name in ("plan", "findings", "guidelines", "progress"):
            for key in ("title", "description"):
                if not schema.get(key):
                    problems.append(f"no {key}")
            lint_schema(schema, "#", problems)
        if problems:
            fail(f"schema {path.name}", "; ".join(problems))
        else:
            ok(f"schema {path.name}")
        schemas[name] = Draft202012Validator(schema)
    return schemas


def definition_validator(validator, definition):
    """A validator for one $defs entry of a schema (all its $refs are local)."""
    schema = validator.schema
    sub = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    return Draft202012Validator(sub)


# --- running kneeplan -----------------------------------------------------------

class Kneeplan:
    def __init__(self, binary, source_dir):
        self.binary = binary
        self.source_dir = source_dir
        self.env = {k: v for k, v in os.environ.items() if k not in ("CLICOLOR_FORCE",)}
        self.env["NO_COLOR"] = "1"
        self.env["LANG"] = "C.UTF-8"

    def run(self, args):
        result = subprocess.run([self.binary, *args], cwd=self.source_dir, env=self.env,
                                stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")

    def json_output(self, name, args, expected_exit):
        """Runs kneeplan; returns its stdout as JSON, or None after reporting a failure."""
        try:
            code, out, err = self.run(args)
        except (OSError, subprocess.SubprocessError, UnicodeDecodeError) as error:
            fail(name, f"could not run kneeplan {' '.join(args)}: {error}")
            return None
        if code != expected_exit:
            fail(name, f"kneeplan {' '.join(args)} exited {code}, expected {expected_exit}; stderr: {err.strip()}")
            return None
        try:
            return json.loads(out)
        except ValueError as error:
            fail(name, f"kneeplan {' '.join(args)} printed invalid JSON: {error}")
            return None


# Export cases: (name, arguments after `export`). Each must exit 0.
EXPORTS = [
    ("default", []),
    ("level novice", ["--level", "novice"]),
    ("level intermediate", ["--level", "intermediate"]),
    ("level advanced", ["--level", "advanced"]),
    ("side left", ["--side", "left"]),
    ("side right", ["--side", "right"]),
    ("side both", ["--side", "both"]),
    ("equipment none", ["--equipment", "none"]),
    ("equipment chair", ["--equipment", "chair"]),
    ("equipment wall+foam-roller", ["--equipment", "wall", "--equipment", "foam-roller"]),
    ("age 70", ["--age", "70"]),
    ("weeks 1", ["--weeks", "1"]),
    ("weeks 52", ["--weeks", "52", "--level", "advanced"]),
    ("rest day wednesday", ["--rest-day", "wednesday", "--weeks", "2"]),
    ("weeks done 3 (checkpoint in week 1)", ["--weeks-done", "3"]),
    ("cleared refer (age 16)", ["--age", "16", "--cleared"]),
    ("cleared refer (injury, severe pain)", ["--cause", "injury", "--pain", "8", "--cleared"]),
    ("caution (moderate pain, BMI 35)", ["--pain", "5", "--height-cm", "170", "--weight-kg", "102"]),
    ("all measurements", ["--age", "40", "--height-cm", "172.5", "--weight-kg", "70.2", "--ankle-gap-cm", "4.5"]),
    ("older, no equipment (supported rungs)", ["--age", "72", "--equipment", "none"]),
    ("time budget 25 minutes", ["--minutes", "25", "--weeks", "6"]),
    ("time budget 60 minutes, advanced", ["--minutes", "60", "--level", "advanced", "--weeks", "8"]),
    ("top of the sets (next rungs)", ["--weeks-done", "8", "--weeks", "2"]),
    ("youth plan (age 12, cleared)", ["--age", "12", "--cleared", "--weeks", "6"]),
    ("severe pain, cleared, held and stopped at the checkpoint", ["--pain", "9", "--cleared", "--weeks", "12"]),
    ("pain stops a 12-week plan at week 4", ["--pain", "2", "--weeks", "12"]),
    ("history", ["--age", "60", "--history", "osteoporosis", "--history", "knee-surgery", "--cleared"]),
]


def plan_consistency(plan):
    """What the schema cannot say: the plan's shape follows its options."""
    weeks = plan["options"]["weeks"]
    if len(plan["weeks"]) != weeks:
        return f"options.weeks is {weeks} but there are {len(plan['weeks'])} weeks"
    for i, week in enumerate(plan["weeks"]):
        if week["week"] != i + 1:
            return f"/weeks/{i}/week is {week['week']}, expected {i + 1}"
        rest_days = [d for d in week["days"] if d["rest"]]
        if len(rest_days) != 1 or rest_days[0]["weekday"] != plan["options"]["rest_day"]:
            return f"/weeks/{i} does not have exactly one rest day on {plan['options']['rest_day']}"
    if plan["weeks"][0]["days"][0]["date"] != plan["options"]["start"]:
        return "the first day is not options.start"
    return None


def check_exports(kneeplan, schemas):
    plan_schema = schemas["plan"]
    exports = {}
    cases = [(f"export {name}", ["export", "--start", START, *args]) for name, args in EXPORTS]
    for profile in sorted((kneeplan.source_dir / "data" / "profiles").glob("*.json")):
        cases.append((f"export --profile {profile.name}", ["export", "--start", START, "--profile", str(profile)]))
    cases.append(("plan --format json", ["plan", "--format", "json", "--start", START, "--level", "intermediate"]))
    for name, args in cases:
        plan = kneeplan.json_output(name, args, 0)
        if plan is None:
            continue
        error = first_error(plan_schema, plan)
        if error is not None:
            fail(name, "does not match plan.schema.json " + describe_error(error))
            continue
        problem = plan_consistency(plan)
        if problem:
            fail(name, problem)
            continue
        # The plan's profile, given its format back, is a valid profile file.
        error = first_error(schemas["profile"], {"format": "kneeplan.profile/1", **plan["profile"]})
        if error is not None:
            fail(name, "its profile is not a valid kneeplan.profile/1 " + describe_error(error))
            continue
        ok(name)
        exports[name] = plan
    return exports


def check_findings(kneeplan, schemas):
    findings = schemas["findings"]
    cases = [
        ("check --json clean", ["check", "--json", "--age", "30", "--pain", "2"], 0, True),
        ("check --json urgent", ["check", "--json", "--symptom", "buckling"], 3, False),
        ("check --json refer", ["check", "--json", "--age", "15"], 3, False),
        ("check --json refer cleared", ["check", "--json", "--age", "15", "--cleared"], 3, True),
        ("check --json under 8, cleared", ["check", "--json", "--age", "3", "--cleared"], 3, False),
        ("check --json history", ["check", "--json", "--history", "joint-replacement"], 3, False),
    ]
    documents = {}
    for name, args, exit_code, allowed in cases:
        document = kneeplan.json_output(name, args, exit_code)
        if document is None:
            continue
        error = first_error(findings, document)
        if error is not None:
            fail(name, "does not match findings.schema.json " + describe_error(error))
        elif document["plan_allowed"] is not allowed:
            fail(name, f"plan_allowed is {document['plan_allowed']}, expected {allowed}")
        else:
            ok(name)
            documents[name] = document
    return documents


def check_exercises(kneeplan, schemas):
    exercise = definition_validator(schemas["catalogue"], "exercise")
    listing = kneeplan.json_output("exercises --json", ["exercises", "--json"], 0)
    if listing is None:
        return None
    if not isinstance(listing, list) or not listing:
        fail("exercises --json", "expected a non-empty array")
        return None
    bad = [(i, first_error(exercise, item)) for i, item in enumerate(listing)]
    bad = [(i, e) for i, e in bad if e is not None]
    if bad:
        i, error = bad[0]
        fail("exercises --json", f"element {i} does not match the catalogue's exercise definition "
                                 + describe_error(error))
    else:
        ok(f"exercises --json ({len(listing)} exercises)")
    # The listing is a whole catalogue's worth of exercises.
    expect_valid("exercises --json as a catalogue", schemas["catalogue"],
                 {"format": "kneeplan.catalogue/1", "exercises": listing})
    shown = kneeplan.json_output("exercises show side-plank --json", ["exercises", "show", "side-plank", "--json"], 0)
    if shown is not None:
        expect_valid("exercises show side-plank --json", exercise, shown)
    return listing


JOURNAL_LOGS = [
    ["--date", "2026-11-02", "--done", "side-plank=left:2x12,right:1x9", "--done", "leg-muscles-stretch=150",
     "--done", "thigh-foam-roll", "--skipped", "side-step-up=no step", "--skipped", "stationary-lunge",
     "--pain-before", "2", "--pain-during", "3", "--knee", "left", "--symptom", "night-pain", "--note", "ok"],
    ["--date", "2026-11-02", "--pain-next-day", "1"],
    ["--date", "2026-11-05", "--symptom-gone", "night-pain", "--pain-after", "0", "--knee", "right"],
]


def check_journal(kneeplan, schemas):
    """A journal export and log --json match journal.schema.json; broken copies do not."""
    journal_schema = schemas["journal"]
    entry = definition_validator(journal_schema, "entry")
    with tempfile.TemporaryDirectory() as scratch:
        journal = os.path.join(scratch, "journal.db")
        for args in JOURNAL_LOGS:
            logged = kneeplan.json_output(f"log {' '.join(args)} --json",
                                          ["--journal", journal, "log", *args, "--json"], 0)
            if logged is not None:
                expect_valid(f"log --json {args[1]}", entry, logged)
        document = kneeplan.json_output("journal export", ["--journal", journal, "journal", "export"], 0)
        history = kneeplan.json_output("history --json", ["--journal", journal, "history", "--json"], 0)
    if history is not None:
        entries = [e for week in history.get("weeks", []) for e in week.get("entries", [])]
        if len(entries) == 2 and all(first_error(entry, e) is None for e in entries):
            ok("history --json entries match the journal entry definition")
        else:
            fail("history --json", "its entries do not match the journal entry definition")
    if document is None:
        return
    expect_valid("journal export", journal_schema, document)

    cases = [
        ("pain 11", lambda d: d["entries"][0]["pain"]["before"].update(left=11)),
        ("a done item with two measures", lambda d: d["entries"][0]["done"][0].update(hold_seconds=30)),
        ("a done item with no measure", lambda d: d["entries"][0]["done"][0].pop("reps")),
        ("sets 0", lambda d: d["entries"][0]["done"][0].update(sets=0)),
        ("side knee", lambda d: d["entries"][0]["done"][0].update(side="knee")),
        ("unknown symptom", lambda d: d["entries"][0]["symptoms"][0].update(name="itch")),
        ("date not a date", lambda d: d["entries"][0].update(date="2 Nov 2026")),
        ("empty note", lambda d: d["entries"][0]["notes"].append("")),
        ("empty pain moment", lambda d: d["entries"][0]["pain"].update(after={})),
        ("unknown key", lambda d: d["entries"][0].update(mood="good")),
        ("entry without notes", lambda d: d["entries"][0].pop("notes")),
        ("wrong format", lambda d: d.update(format="kneeplan.journal/2")),
    ]
    for name, change in cases:
        expect_invalid(f"negative journal: {name}", journal_schema, mutated(document, change))


# --- negative checks -------------------------------------------------------------

def check_progress(kneeplan, schemas):
    """progress --json matches progress.schema.json, broken copies do not; the SVG is XML."""
    schema = schemas["progress"]
    with tempfile.TemporaryDirectory() as scratch:
        journal = os.path.join(scratch, "journal.db")
        for date, done in [("2026-11-02", "side-plank=left:1x8,right:1x7"), ("2026-11-03", "side-plank=2x9"),
                           ("2026-11-10", "leg-muscles-stretch=150")]:
            kneeplan.json_output(f"log {date}", ["--journal", journal, "log", "--no-saved-profile", "--date", date,
                                                 "--done", done, "--pain-during", "2", "--knee", "left", "--json"], 0)
        args = ["--journal", journal, "progress", "--no-saved-profile", "--date", "2026-11-12"]
        document = kneeplan.json_output("progress --json", [*args, "--json"], 0)
        svg = os.path.join(scratch, "progress.svg")
        code, _, err = kneeplan.run([*args, "--format", "svg", "-o", svg])
        if code != 0:
            fail("progress --format svg", f"exited {code}: {err.strip()}")
        else:
            try:
                root = ElementTree.parse(svg).getroot()
                if root.tag != "{http://www.w3.org/2000/svg}svg":
                    fail("progress svg", f"the root element is {root.tag}, not svg")
                else:
                    ok("progress svg is well-formed XML with an svg root")
            except ElementTree.ParseError as error:
                fail("progress svg", f"not well-formed XML: {error}")
    if document is None:
        return
    expect_valid("progress --json", schema, document)

    cases = [
        ("wrong format", lambda d: d.update(format="kneeplan.progress/2")),
        ("pain 11", lambda d: d["weeks"][0]["worst_pain"].update(left=11)),
        ("negative streak", lambda d: d.update(streak=-1)),
        ("unknown side", lambda d: d["exercises"][0].update(side="middle")),
        ("unknown member", lambda d: d["weeks"][0].update(extra=1)),
        ("decision without source", lambda d: d["next"][0].pop("source")),
    ]
    for name, change in cases:
        expect_invalid(f"negative progress: {name}", schema, mutated(document, change))


def find_item(plan, category):
    for week in plan["weeks"]:
        for day in week["days"]:
            for item in day["items"]:
                if item["category"] == category:
                    return item
    raise LookupError(f"no {category} item in the plan")


def find_rest_day(plan):
    for week in plan["weeks"]:
        for day in week["days"]:
            if day["rest"]:
                return day
    raise LookupError("no rest day in the plan")


def negative_checks(schemas, plan, findings, listing, guidelines, safety):
    plan_schema = schemas["plan"]

    if plan is not None:
        expect_valid("negative: the unmutated export is valid", plan_schema, plan)
        plan_cases = [
            ("strength item without reps", lambda p: find_item(p, "strength").pop("reps")),
            ("strength item without rest_seconds", lambda p: find_item(p, "strength").pop("rest_seconds")),
            ("strength item with hold_seconds", lambda p: find_item(p, "strength").update(
                hold_seconds={"min": 120, "max": 150})),
            ("stretch item without hold_seconds", lambda p: find_item(p, "stretch").pop("hold_seconds")),
            ("stretch item with reps", lambda p: find_item(p, "stretch").update(reps={"min": 8, "max": 12})),
            ("foam_roll item without passes", lambda p: find_item(p, "foam_roll").pop("passes")),
            ("foam_roll item with rest_seconds", lambda p: find_item(p, "foam_roll").update(rest_seconds=60)),
            ("unknown top-level key", lambda p: p.update(extra=1)),
            ("unknown key in an item", lambda p: find_item(p, "stretch").update(colour="red")),
            ("unknown key in the profile", lambda p: p["profile"].update(shoe_size=42)),
            ("unknown history item", lambda p: p["profile"].update(history=["hip-replacement"])),
            ("profile without history", lambda p: p["profile"].pop("history")),
            ("weeks 53", lambda p: p["options"].update(weeks=53)),
            ("weeks 0", lambda p: p["options"].update(weeks=0)),
            ("53 weeks", lambda p: p["weeks"].extend(copy.deepcopy(p["weeks"][0]) for _ in range(53))),
            ("no weeks", lambda p: p["weeks"].clear()),
            ("start not a date", lambda p: p["options"].update(start="23/11/2026")),
            ("rest_day not a weekday", lambda p: p["options"].update(rest_day="someday")),
            ("wrong format", lambda p: p.update(format="kneeplan.plan/1")),
            ("an item with the /1 cue member", lambda p: find_item(p, "stretch").update(cue="Breathe.")),
            ("strength item without its ladder", lambda p: find_item(p, "strength").pop("ladder")),
            ("strength item without next_rung", lambda p: find_item(p, "strength").pop("next_rung")),
            ("strength item with a next_rung that is no id", lambda p: find_item(p, "strength").update(
                next_rung="Side Plank")),
            ("stretch item with a rung", lambda p: find_item(p, "stretch").update(rung=1)),
            ("warm-up item without minutes", lambda p: find_item(p, "warm_up").pop("minutes")),
            ("warm-up item with reps", lambda p: find_item(p, "warm_up").update(reps={"min": 8, "max": 12})),
            ("item without sides_text", lambda p: find_item(p, "foam_roll").pop("sides_text")),
            ("day without trims", lambda p: p["weeks"][0]["days"][0].pop("trims")),
            ("rest day with a trim", lambda p: find_rest_day(p)["trims"].append({"exercise": "warm-up",
                                                                                 "change": "5 min"})),
            ("exercise keyed by a non-id", lambda p: p["exercises"].update({"Side Plank": p["exercises"]["side-plank"]})),
            ("exercise without steps", lambda p: p["exercises"]["side-plank"].pop("steps")),
            ("exercise ladder without rungs", lambda p: p["exercises"]["side-plank"]["ladder"].pop("rungs")),
            ("rung choice without why", lambda p: p["rungs"][0].pop("why")),
            ("budget as a number", lambda p: p.update(budget=30)),
            ("no move_up", lambda p: p.pop("move_up")),
            ("unknown category", lambda p: find_item(p, "stretch").update(category="yoga")),
            ("rest day with an item", lambda p: find_rest_day(p)["items"].append(
                copy.deepcopy(find_item(p, "stretch")))),
            ("a week of 6 days", lambda p: p["weeks"][0]["days"].pop()),
            ("pain 11", lambda p: p["profile"].update(pain=11)),
            ("equipment outside the vocabulary", lambda p: p["profile"]["equipment"].append("barbell")),
        ]
        for name, change in plan_cases:
            try:
                document = mutated(plan, change)
            except (LookupError, KeyError, IndexError) as error:
                fail(f"negative plan: {name}", f"cannot build the broken copy: {error}")
                continue
            expect_invalid(f"negative plan: {name}", plan_schema, document)
    else:
        fail("negative plan checks", "no valid export to mutate")

    if findings is not None:
        findings_schema = schemas["findings"]
        finding_cases = [
            ("urgent finding without emergency", lambda f: f.update(emergency=None)),
            ("urgent finding with plan_allowed", lambda f: f.update(plan_allowed=True)),
            ("unknown severity", lambda f: f["findings"][0].update(severity="mild")),
            ("unknown key", lambda f: f.update(extra=True)),
            ("wrong format", lambda f: f.update(format="kneeplan.findings/0")),
        ]
        for name, change in finding_cases:
            expect_invalid(f"negative findings: {name}", findings_schema, mutated(findings, change))
    else:
        fail("negative findings checks", "no valid urgent check --json to mutate")

    if listing is not None:
        exercise = definition_validator(schemas["catalogue"], "exercise")
        strength = next(e for e in listing if e["category"] == "strength")
        exercise_cases = [
            ("without source", lambda e: e.pop("source")),
            ("unknown equipment", lambda e: e["equipment"].append("barbell")),
            ("two doses", lambda e: e["dose"].update(hold_seconds={"min": 1, "max": 2})),
            ("id not kebab-case", lambda e: e.update(id="Side_Plank")),
            ("harder not an id", lambda e: e.update(harder="Side Plank")),
            ("impact not a boolean", lambda e: e.update(impact="yes")),
            ("an unknown side text placeholder", lambda e: e.update(side_text={"one": "lie on your {leg} side"})),
            ("a both-legs text on one-side work", lambda e: e.update(side_text={"both": "both feet"})),
            ("empty muscle groups", lambda e: e.update(muscle_groups=[])),
            ("an unknown role", lambda e: e.update(role="rung")),
        ]
        for name, change in exercise_cases:
            expect_invalid(f"negative exercise: {name}", exercise, mutated(strength, change))

    if guidelines is not None:
        guidelines_schema = schemas["guidelines"]
        guideline_cases = [
            ("pattern with other letters", lambda g: g["levels"]["novice"].update(pattern="FxF-F-")),
            ("pattern too short", lambda g: g["levels"]["novice"].update(pattern="F-F")),
            ("missing level", lambda g: g["levels"].pop("advanced")),
            ("two rest days", lambda g: g["schedule"].update(training_days=5, rest_days=2)),
            ("unknown key", lambda g: g["tempo"].update(hold_seconds=3)),
            ("empty source", lambda g: g["checkpoint"].update(source="")),
            ("a rung rule without a condition", lambda g: g["rungs"].update(no_impact={"source": "s"})),
            ("a rung rule with an unknown cause", lambda g: g["rungs"]["supported_start"].update(causes=["gout"])),
            ("no time budget", lambda g: g.pop("time_budget")),
            ("the /1 format", lambda g: g.update(format="kneeplan.guidelines/1")),
            ("no youth table", lambda g: g.pop("youth")),
            ("youth table without its stretch cue", lambda g: g["youth"].pop("stretch_cue")),
            ("youth pattern with other letters", lambda g: g["youth"].update(pattern="F-F-X-")),
            ("checkpoint without its stop note", lambda g: g["checkpoint"].pop("stop_note")),
        ]
        for name, change in guideline_cases:
            expect_invalid(f"negative guidelines: {name}", guidelines_schema, mutated(guidelines, change))

    if safety is not None:
        safety_schema = schemas["safety"]

        def first_rule_with(document, key):
            return next(r for r in document["rules"] if key in r)

        safety_cases = [
            ("history condition with an unknown item", lambda d: d["rules"][0]["when"].append({"history": "gout"})),
            ("given with an unknown field", lambda d: d["rules"][0]["when"].append({"given": "shoe_size"})),
            ("age_not_below as a string", lambda d: d["rules"][0]["when"].append({"age_not_below": "18"})),
            ("no_impact not a boolean", lambda d: first_rule_with(d, "no_impact").update(no_impact="yes")),
            ("unknown plan flag", lambda d: d["rules"][0].update(no_jumps=True)),
        ]
        for name, change in safety_cases:
            expect_invalid(f"negative safety: {name}", safety_schema, mutated(safety, change))
    else:
        fail("negative safety checks", "no shipped safety rules to mutate")


# --- bad inputs ----------------------------------------------------------------

# Broken inputs whose fault only the program can see: a relation between
# values (min <= max), or between exercises (ids unique, alternatives known,
# ladders whose links resolve, never loop or branch, and hold one routine
# exercise with impact work last).
LOADER_ONLY = {
    "catalogue/alternative-is-itself.json",
    "catalogue/alternative-unknown-200-characters.json",
    "catalogue/alternative-unknown-id.json",
    "catalogue/harder-is-itself.json",
    "catalogue/harder-loop.json",
    "catalogue/harder-other-category.json",
    "catalogue/harder-twice.json",
    "catalogue/harder-unknown-id.json",
    "catalogue/id-duplicate.json",
    "catalogue/impact-below-non-impact.json",
    "catalogue/ladder-two-routines.json",
    "catalogue/ladder-without-routine.json",
    "catalogue/reps-inverted.json",
    "catalogue/variant-unreachable.json",
    # JSON Schema reads numbers by value: 18.0 and 17.99999999999999999 are the
    # integer 18 to it, and 1e-400 is 0. The loader reads them as written.
    "profile/age-18.0.json",
    "profile/age-17.99999999999999999.json",
    "profile/age-1e-400.json",
}


def strict_json(text):
    """Parses like the program: no NaN or Infinity, no duplicate keys."""
    def refuse_constant(name):
        raise ValueError(f"{name} is not JSON")

    def unique_members(pairs):
        keys = [key for key, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)

    return json.loads(text, parse_constant=refuse_constant, object_pairs_hook=unique_members)


def check_bad_inputs(schemas, bad_dir):
    checked = 0
    for path in sorted(bad_dir.glob("*/*.json")):
        name = f"{path.parent.name}/{path.name}"
        try:
            document = strict_json(path.read_bytes().decode("utf-8"))
        except ValueError:  # not JSON (or not UTF-8): the schema never sees it
            continue
        validator = schemas[path.parent.name]
        accepted = first_error(validator, document) is None
        if name in LOADER_ONLY:
            if accepted:
                ok(f"bad input {name} (loader only)")
            else:
                fail(f"bad input {name}", "the schema rejects it now; take it out of LOADER_ONLY")
        elif accepted:
            fail(f"bad input {name}", f"{path.parent.name}.schema.json accepts it, but kneeplan refuses it")
        else:
            ok(f"bad input {name}")
        checked += 1
    if checked == 0:
        fail("bad inputs", f"no JSON inputs under {bad_dir}")


# --- main --------------------------------------------------------------------------

def main(argv):
    if len(argv) != 3:
        print("usage: check_schemas.py KNEEPLAN_BINARY SOURCE_DIR", file=sys.stderr)
        return 2
    binary = str(Path(argv[1]).resolve())
    source_dir = Path(argv[2]).resolve()
    data = source_dir / "data"

    schemas = load_schemas(data / "schema")
    needed = ["catalogue", "profile", "safety", "guidelines", "plan", "findings", "journal", "progress"]
    missing = [name for name in needed if name not in schemas]
    if missing:
        fail("schemas present", "missing or broken: " + ", ".join(f"{m}.schema.json" for m in missing))
        print(f"schemas: {passed} passed, {failed} failed")
        return 1

    documents = {}
    files = [(data / "catalogue.json", "catalogue"), (data / "guidelines.json", "guidelines"),
             (data / "safety.json", "safety")]
    files += [(path, "profile") for path in sorted((data / "profiles").glob("*.json"))]
    for path, schema in files:
        name = f"data {path.relative_to(source_dir)}"
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            fail(name, f"cannot read: {error}")
            continue
        expect_valid(name, schemas[schema], document)
        documents[schema] = document
    if not list((data / "profiles").glob("*.json")):
        fail("data profiles", "no profiles in data/profiles")

    kneeplan = Kneeplan(binary, source_dir)
    exports = check_exports(kneeplan, schemas)
    findings = check_findings(kneeplan, schemas)
    listing = check_exercises(kneeplan, schemas)
    check_journal(kneeplan, schemas)
    check_progress(kneeplan, schemas)
    negative_checks(schemas, exports.get("export default"), findings.get("check --json urgent"), listing,
                    documents.get("guidelines"), documents.get("safety"))
    check_bad_inputs(schemas, source_dir / "tests" / "data" / "bad")

    print(f"schemas: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
