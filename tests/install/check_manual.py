"""kneeplan(1) renders without a warning and documents every command and option.

The commands and options are read from `kneeplan --help` and each command's
--help, so a command added later must show up in the manual too.

    check_manual.py KNEEPLAN PAGE.1.gz
"""
import gzip
import os
import re
import subprocess
import sys

kneeplan, page = sys.argv[1], sys.argv[2]
failures = []


def fail(message):
    failures.append(message)


roff_bytes = gzip.open(page, "rb").read()
if any(byte > 127 for byte in roff_bytes):
    fail("the page is not plain ASCII")
roff = roff_bytes.decode("ascii", errors="replace")

result = subprocess.run(["groff", "-man", "-ww", "-z"], input=roff, text=True, capture_output=True)
if result.returncode != 0 or result.stderr:
    fail(f"groff -man -ww -z: exit {result.returncode}: {result.stderr.strip()}")


def render(width):
    env = dict(os.environ, MANWIDTH=str(width), LC_ALL="C.UTF-8", MANPAGER="cat", PAGER="cat")
    env.pop("MAN_KEEP_FORMATTING", None)
    result = subprocess.run(["man", "--warnings", "-l", page], env=env, capture_output=True, text=True)
    if result.returncode != 0 or result.stderr:
        fail(f"man --warnings -l at {width} columns: exit {result.returncode}: {result.stderr.strip()}")
    return result.stdout


for width in (80, 60):
    render(width)
text = render(300)


def section(heading):
    """The lines of the top-level section HEADING, without it."""
    match = re.search(rf"^{re.escape(heading)}\n(.*?)(?=^\S)", text, re.S | re.M)
    if not match:
        fail(f"no {heading} section")
        return ""
    return match.group(1)


def help_of(path):
    result = subprocess.run([kneeplan, *path, "--help"], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"kneeplan {' '.join(path)} --help: exit {result.returncode}")
    return result.stdout


def block(help_text, title):
    match = re.search(rf"^{title}:\n(.*?)(?:\n\n|\Z)", help_text, re.S | re.M)
    return match.group(1) if match else ""


def option_names(help_text):
    names = []
    for line in block(help_text, "Options").splitlines():
        match = re.match(r"^  (-\S+)", line)
        if match:
            names += [name.split("=")[0] for name in match.group(1).split(",")]
    return names


def first_words(lines):
    """The first word of each entry; an entry's wrapped description lines are indented further."""
    return [line.split()[0] for line in lines.splitlines() if re.match(r"^  \S", line)]


def positional_names(help_text):
    return first_words(block(help_text, "Positionals"))


def subcommands(help_text):
    return first_words(block(help_text, "Subcommands"))


for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "GLOBAL OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT",
                "FILES", "EXAMPLES", "SAFETY"):
    section(heading)

if not re.search(r"^NAME\n\s+kneeplan - \S", text, re.M):
    fail("NAME is not `kneeplan - summary`")
exit_status = section("EXIT STATUS")
for code in "0123":
    if not re.search(rf"^\s+{code}\s+\S", exit_status, re.M):
        fail(f"EXIT STATUS does not explain {code}")
environment = section("ENVIRONMENT")
for variable in ("NO_COLOR", "CLICOLOR_FORCE", "SOURCE_DATE_EPOCH", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
    if variable not in environment:
        fail(f"ENVIRONMENT does not mention {variable}")
files = section("FILES")
for path in ("kneeplan/journal.db", "kneeplan/profile.json", "share/kneeplan"):
    if path not in files:
        fail(f"FILES does not mention {path}")
if "diagnosis" not in section("SAFETY"):
    fail("SAFETY does not say it is not a diagnosis")

root_help = help_of([])
global_options = section("GLOBAL OPTIONS")
for name in option_names(root_help):
    if not re.search(rf"(^|\s){re.escape(name)}\b", global_options, re.M):
        fail(f"GLOBAL OPTIONS lacks {name}")

commands = section("COMMANDS")
checked = 0


def check_command(path):
    global checked
    help_text = help_of(path)
    heading = re.escape("kneeplan " + " ".join(path)) + r" \[options\]"
    match = re.search(rf"^   {heading}[^\n]*\n(.*?)(?=^   kneeplan |\Z)", commands, re.S | re.M)
    if not match:
        fail(f"COMMANDS has no entry for kneeplan {' '.join(path)}")
        return
    entry = match.group(1)
    for name in option_names(help_text) + positional_names(help_text):
        checked += 1
        if not re.search(rf"(^|[\s,]){re.escape(name)}\b", entry, re.M):
            fail(f"kneeplan {' '.join(path)}: the manual lacks {name}")
    for sub in subcommands(help_text):
        check_command(path + [sub])


top = subcommands(root_help)
if not top:
    fail("kneeplan --help lists no subcommands")
for command in top:
    check_command([command])
if checked < 40:
    fail(f"only {checked} options checked")

# Every example is a command the manual documents.
for line in section("EXAMPLES").splitlines():
    words = line.split()
    if words and (words[0] != "kneeplan" or len(words) < 2 or words[1] not in top + ["--help", "--version"]):
        if not (words[0] == "kneeplan" and words[1].startswith("--")):
            fail(f"EXAMPLES: {line.strip()} is not a kneeplan command")

if failures:
    for message in failures:
        print("FAIL:", message)
    sys.exit(1)
print(f"manual: renders without warnings; {len(top)} commands and {checked} options documented")
