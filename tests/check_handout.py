#!/usr/bin/env python3
"""Checks the printable handout (plan --format html) and the Markdown plan.

Usage: check_handout.py static KNEEPLAN_BINARY SOURCE_DIR
       check_handout.py print KNEEPLAN_BINARY SOURCE_DIR ARTEFACT_DIR

static: for the built-in catalogue and tests/data/hostile-catalogue.json, the
  HTML parses with html5lib in strict mode (any parse error fails), refers to
  nothing outside itself, uses greys only, is the same bytes run after run,
  and holds page 1 (who, findings, progress, weekly grid), a card per planned
  exercise with its steps and cues as text (markup in the catalogue stays
  text), and a log sheet per week. The Markdown, rendered by markdown-it,
  carries the same cards with nothing from the catalogue turned into markup.
print: headless Chromium prints the handout to PDF on Letter and A4 paper;
  the page count is within bounds, every step of every exercise is in the
  PDF's text (pdftotext), no card is split across pages, each week's log
  sheet starts a page, and page 1 is kept as ARTEFACT_DIR/handout-page1.png.
  Exits 77 (skipped) when chromium or poppler-utils is missing.

Prints one line per check and `handout: N passed, M failed`; exits 1 on any failure.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

START = "2026-11-23"  # a Monday
SKIPPED = 77
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


def run(binary, args):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    result = subprocess.run([binary, *args], capture_output=True, env=env, timeout=60)
    if result.returncode != 0:
        raise SystemExit(f"kneeplan {' '.join(args)} exited {result.returncode}: {result.stderr.decode()}")
    return result.stdout


def words(text):
    """Text as a reader sees it: runs of whitespace are one space."""
    return " ".join(text.split())


def squeezed(text):
    """Text with no whitespace at all, for PDF text whose line breaks fall anywhere."""
    return "".join(text.split())


class Case:
    """One handout: its flags, the plan's export and the catalogue's exercises."""

    def __init__(self, binary, label, catalogue, extra):
        self.label = label
        prefix = ["--catalogue", catalogue] if catalogue else []
        self.args = [*prefix, "plan", "--start", START, *extra]
        self.html = run(binary, [*self.args, "--format", "html"])
        self.markdown = run(binary, [*self.args, "--format", "markdown"]).decode()
        export = json.loads(run(binary, [*prefix, "export", "--start", START, *extra]))
        catalogue_json = json.loads(run(binary, [*prefix, "exercises", "--json"]))
        by_id = {e["id"]: e for e in catalogue_json}
        order = []
        for week in export["weeks"]:
            for day in week["days"]:
                for item in day["items"]:
                    if item["exercise"] not in order:
                        order.append(item["exercise"])
        self.exercises = [by_id[i] for i in order]
        self.weeks = export["weeks"]
        self.again = run(binary, [*self.args, "--format", "html"])


def text_of(element):
    return words("".join(element.itertext()))


def check_static(case):
    import html5lib

    label = case.label
    check(case.again == case.html, f"{label}: the same inputs give the same bytes")
    try:
        document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(case.html)
        valid = True
    except html5lib.html5parser.ParseError as error:
        print(f"      {error}")
        valid = False
    check(valid, f"{label}: html5lib parses it strictly, without a single error")
    if not valid:
        return
    elements = list(document.iter())
    outside = [e.tag for e in elements if e.tag in ("script", "link", "img", "iframe", "object", "embed")
               or "src" in e.attrib or "href" in e.attrib]
    check(not outside, f"{label}: no scripts, links or outside resources ({outside[:3]})")
    style = "".join(e.text or "" for e in elements if e.tag == "style")
    check(style and "url(" not in style and "@import" not in style, f"{label}: inline CSS that loads nothing")
    colours = re.findall(r"#([0-9a-fA-F]{3,6})\b", style)
    greys = all(len(set(c if len(c) == 3 else (c[0:2], c[2:4], c[4:6]))) == 1 for c in colours)
    check(colours and greys, f"{label}: every colour is a grey, so it prints the same in black and white")
    check("@media print" in style and "@page" in style and "break-inside: avoid" in style,
          f"{label}: print CSS with page rules and unbroken cards")

    sections = [e for e in elements if e.tag == "section"]
    overview = sections[0]
    headings = [text_of(h) for h in overview.iter("h2")]
    check(headings[:1] == ["Who this plan is for"] and "Keep in mind" in headings and "How to progress" in headings
          and headings[-1] == "Your week", f"{label}: page 1 has who, findings, progress and the weekly grid")
    grid = [t for t in overview.iter("table") if t.get("class") == "grid"]
    grid_rows = [text_of(row.find("th")) for t in grid for row in t.iter("tr")][1:]
    check(grid and all(words(e["name"]) in grid_rows for e in case.exercises),
          f"{label}: the weekly grid has a row per exercise")

    cards = [e for e in elements if e.tag == "article" and e.get("class") == "card"]
    check(len(cards) == len(case.exercises), f"{label}: a card per planned exercise ({len(case.exercises)})")
    all_match = True
    for card, exercise in zip(cards, case.exercises):
        steps = [text_of(li) for ol in card.iter("ol") for li in ol.iter("li")]
        cues = [text_of(li) for ul in card.iter("ul") if ul.get("class") == "cues" for li in ul.iter("li")]
        facts = text_of(next(card.iter("dl")))
        same = (text_of(card.find("h3")) == words(exercise["name"])
                and steps == [words(s) for s in exercise["steps"]]
                and cues == [words(c) for c in exercise["cues"]]
                and "Dose" in facts and "Sides" in facts)
        if not same:
            print(f"      card differs: {text_of(card.find('h3'))[:60]}")
        all_match &= same
    check(all_match, f"{label}: each card has the exercise's name, steps and cues as plain text, with dose and sides")

    logs = [s for s in sections if s.get("class") == "log"]
    check(len(logs) == len(case.weeks), f"{label}: a log sheet per week")
    sheets_match = True
    for log, week in zip(logs, case.weeks):
        sessions = [d for d in week["days"] if not d["rest"] and d["items"]]
        table = next(log.iter("table"))
        header = next(table.iter("tr"))
        rows = [text_of(r.find("th")) for r in list(table.iter("tr"))[1:]]
        planned = {i["exercise"] for d in sessions for i in d["items"]}
        sheets_match &= len(header.findall("th")) == 1 + len(sessions)
        sheets_match &= rows[0].startswith("Pain before") and rows[-1].startswith("Pain after")
        sheets_match &= len(rows) == 2 + len(planned)
    check(sheets_match, f"{label}: each log sheet has a column per session and rows for pain and each exercise")


def check_markdown(case):
    import html5lib
    from markdown_it import MarkdownIt

    label = case.label + ", Markdown"
    rendered = MarkdownIt("commonmark").enable("table").render(case.markdown)
    document = html5lib.HTMLParser(namespaceHTMLElements=False).parse(rendered)
    elements = list(document.iter())
    notes = {words(n) for week in case.weeks for day in week["days"] for n in day["notes"]}  # a day's notes are quotes
    injected = [e.tag for e in elements if e.tag in ("script", "img", "a", "b", "code", "em", "h4", "blockquote")
                and not (e.tag == "em" and text_of(e).lstrip("(").startswith("Source:"))
                and not (e.tag == "blockquote" and text_of(e) in notes)]
    check(not injected, f"{label}: nothing from the catalogue becomes markup ({injected[:3]})")
    h1 = [e for e in elements if e.tag == "h1"]
    check(len(h1) == 1, f"{label}: one title, no heading injected")
    cards_heading = [e for e in elements if e.tag == "h2" and text_of(e) == "How to do each exercise"]
    check(len(cards_heading) == 1, f"{label}: a section of exercise cards")
    titles = [text_of(e) for e in elements if e.tag == "h3"]
    lists = [[text_of(li) for li in ol.iter("li")] for ol in document.iter("ol")]
    same = all(words(e["name"]) in titles for e in case.exercises)
    same &= all([words(s) for s in e["steps"]] in lists for e in case.exercises)
    check(same, f"{label}: each card's name and numbered steps come out as the same plain text")


def chromium_pdf(chromium, html_path, pdf_path, profile_dir):
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf-no-header", f"--user-data-dir={profile_dir}", f"--print-to-pdf={pdf_path}",
                    html_path.as_uri()], capture_output=True, timeout=180, check=True)


def pdf_pages(pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                          timeout=60).stdout.decode()
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_size(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, timeout=60).stdout.decode()
    return re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()


def check_print(case, chromium, workdir, artefacts, whole_cards):
    label = case.label
    slug = label.split(",")[0].replace(" ", "-")
    for paper, size_css, expected in (("Letter", "", ("612", "792")), ("A4", "@page { size: A4; }", ("595.92", "842.88"))):
        html = case.html.decode()
        if size_css:
            html = html.replace("</style>", size_css + "</style>", 1)
        html_path = workdir / f"{slug}-{paper}.html"
        pdf_path = workdir / f"{slug}-{paper}.pdf"
        html_path.write_text(html, encoding="utf-8")
        chromium_pdf(chromium, html_path, pdf_path, workdir / "profile")
        width, height = page_size(pdf_path)
        check(abs(float(width) - float(expected[0])) < 2 and abs(float(height) - float(expected[1])) < 2,
              f"{label}, {paper}: printed on {paper} paper ({width} x {height} pt)")
        pages = pdf_pages(pdf_path)
        weeks = len(case.weeks)
        lowest = 2 + weeks  # page 1, the cards, a sheet per week
        highest = 2 + len(case.exercises) + 2 * weeks if whole_cards else 40 * (2 + weeks)
        check(lowest <= len(pages) <= highest, f"{label}, {paper}: {len(pages)} pages, within {lowest}-{highest}")
        everything = squeezed("".join(pages))
        missing = [s for e in case.exercises for s in e["steps"] if squeezed(s) not in everything]
        check(not missing, f"{label}, {paper}: every step of every exercise is in the PDF ({missing[:1]})")
        starts = [i for i, page in enumerate(pages) if words(page).startswith("Week ") and " log: " in page[:200]]
        check(len(starts) == weeks, f"{label}, {paper}: each week's log sheet starts a page")
        if whole_cards:
            split = []
            for exercise in case.exercises:
                name = squeezed(exercise["name"])
                first, last = squeezed(exercise["steps"][0]), squeezed(exercise["steps"][-1])
                on_one = any(name in squeezed(p) and first in squeezed(p) and last in squeezed(p) for p in pages)
                if not on_one:
                    split.append(exercise["name"])
            check(not split, f"{label}, {paper}: no card is split across pages ({split[:1]})")
        if paper == "Letter":
            png = artefacts / f"handout-{slug}-page1"
            subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", str(pdf_path), str(png)],
                           check=True, timeout=60)
            check(Path(str(png) + ".png").stat().st_size > 0, f"{label}: page 1 kept as {png}.png")


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("static", "print"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, binary, source = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    hostile = str(source / "tests/data/hostile-catalogue.json")
    builtin = Case(binary, "built-in", None, ["--profile", str(source / "data/profiles/adult-novice.json")])
    advanced = Case(binary, "built-in advanced", None, ["--level", "advanced", "--side", "left", "--weeks", "2"])
    hostile_case = Case(binary, "hostile", hostile, ["--level", "intermediate", "--weeks", "2"])

    if mode == "static":
        for case in (builtin, advanced, hostile_case):
            check_static(case)
            check_markdown(case)
        check(b"&lt;script&gt;" in hostile_case.html and b"<script" not in hostile_case.html,
              "hostile: <script> is shown as text, never run")
    else:
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium or not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
            print("SKIPPED: the print checks need chromium and poppler-utils; `scripts/setup test` installs them")
            return SKIPPED
        if len(sys.argv) != 5:
            print(__doc__, file=sys.stderr)
            return 2
        artefacts = Path(sys.argv[4])
        artefacts.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="kneeplan-handout-") as work:
            workdir = Path(work)
            check_print(builtin, chromium, workdir, artefacts, whole_cards=True)
            check_print(advanced, chromium, workdir, artefacts, whole_cards=True)
            # 2,000-character cards can be taller than a page: they may split, but nothing may be lost.
            check_print(hostile_case, chromium, workdir, artefacts, whole_cards=False)

    print(f"handout: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
