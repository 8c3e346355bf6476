// The text and Markdown views of a plan: a page a person reads. Week grid for
// every week, week 1 in full, then what changes; each exercise's steps and cues
// once; 80 columns; correct plurals; no empty tables.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/safety.hpp"
#include "kneeplan/io/load.hpp"
#include "kneeplan/render/render.hpp"
#include "run.hpp"

using namespace kneeplan;
using std::chrono::sys_days;

namespace {

const sys_days kMonday = sys_days{std::chrono::year{2026} / std::chrono::November / 23};

Plan plan_for(Profile profile, int weeks = 4) {
  PlanOptions options;
  options.weeks = weeks;
  options.start = kMonday;
  const std::vector<Finding> findings = screen(test::builtin_safety(), profile);
  return build_plan(test::builtin_catalogue(), test::builtin_guidelines(), profile, options, findings);
}

Profile example(const std::string& name) {
  const auto path = test::source_dir() / "data/profiles" / name;
  return parse_profile(read_input_file(path), path.string());
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::size_t columns(const std::string& line) {
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Runs of whitespace as one space, so wrapped lines read as the original text.
std::string squeezed(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Each cue and each step appears as often as the planned exercises that have it, and no more.
void check_text_once(const Plan& plan, const std::string& text) {
  std::map<std::string, std::size_t> cues;
  std::map<std::string, std::size_t> steps;
  for (const auto& entry : plan.exercises) {
    if (!entry.planned) continue;
    for (const auto& cue : entry.exercise.cues) ++cues[cue];
    for (const auto& step : entry.exercise.steps) ++steps[step];
  }
  REQUIRE_FALSE(cues.empty());
  const std::string flat = squeezed(text);
  for (const auto& [cue, exercises] : cues) {
    INFO("cue: " << cue);
    CHECK(count(flat, cue) == exercises);
  }
  for (const auto& [step, exercises] : steps) {
    INFO("step: " << step);
    CHECK(count(flat, step) == exercises);
  }
}

}  // namespace

TEST_CASE("text view: the default 4-week plan is under 200 lines, within 80 columns, cues and steps once",
          "[render][text]") {
  for (const char* name : {"adult-novice.json", "home-no-step.json", "older-adult.json"}) {
    INFO(name);
    const Plan plan = plan_for(example(name));
    const std::string text = render_text(plan, Style{});
    const auto lines = lines_of(text);
    CHECK(lines.size() < 200);
    for (const auto& line : lines) {
      INFO(line);
      CHECK(columns(line) <= 80);
    }
    check_text_once(plan, text);
    // The grid has every week; week 1 comes in full, later weeks only as changes.
    const std::size_t weeks = plan.weeks.size();
    REQUIRE(weeks >= 2);
    for (std::size_t week = 1; week <= weeks; ++week) CHECK(contains(text, fmt::format("  Week {}  ", week)));
    CHECK(contains(text, "\nWeek 1\n"));
    CHECK(contains(text, weeks == 2 ? std::string("Week 2: what changes")
                                    : fmt::format("Weeks 2 to {}: what changes", weeks)));
    CHECK(contains(text, "How to do each exercise"));
    CHECK_FALSE(contains(text, "Week 3\n  Strength"));
  }
}

TEST_CASE("text view: later weeks say what changes and nothing else", "[render][text]") {
  Profile p;
  p.age = 34;
  const Plan plan = plan_for(p, 6);
  const std::string text = squeezed(render_text(plan, Style{}));
  CHECK(contains(text, "Week 2: as week 1."));
  CHECK(contains(text, "Week 3: Strength: 2 sets of each exercise (was 1), 60 s rest between sets."));
  CHECK(contains(text, "Week 4: Sat 2026-12-19: Checkpoint:"));
  // Week 5 reaches the top: each exercise names its next rung.
  CHECK(contains(text, "Week 5: Strength: 3 sets of each exercise (was 2), the most for your level. When you can do 2 "
                       "reps over the range in the last set, two sessions in a row, move to: Side step-up -> Slow "
                       "side step-up"));
  CHECK(contains(text, "Side plank -> Side plank with top-leg lift"));
  CHECK(contains(text, "Week 6: as week 5."));
}

TEST_CASE("text view: --detail full prints every training day", "[render][text]") {
  Profile p;
  p.age = 34;
  const Plan plan = plan_for(p, 2);
  const std::string full = render_text(plan, Style{false, Detail::full});
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      if (day.rest) continue;
      CHECK(contains(full, format_date(day.date) + "  (" + std::to_string(day.minutes) + " min"));
    }
  }
  CHECK(contains(full, "\nWeek 2\n"));
  CHECK_FALSE(contains(full, "what changes"));
  for (const auto& line : lines_of(full)) CHECK(columns(line) <= 80);
  // The rungs to move to are described too.
  CHECK(contains(full, "Slow side step-up (needs a step; rung 3 of 4)"));
  CHECK_FALSE(contains(render_text(plan, Style{}), "Slow side step-up (needs"));
}

TEST_CASE("text view: sides in the exercise's words, and the starting rungs explained", "[render][text]") {
  Profile p;
  p.age = 34;
  p.side = Side::left;
  const std::string text = squeezed(render_text(plan_for(p, 1), Style{}));
  CHECK(contains(text, "Side plank 1 x 8-12 reps lie on your left side"));
  CHECK(contains(text, "Single-leg bridge 1 x 8-12 reps left foot stays down; lift the right"));
  CHECK(contains(text, "Side step-up 1 x 8-12 reps left foot on the step"));
  CHECK_FALSE(contains(text, "reps left leg"));
  CHECK(contains(text, "Where each exercise starts"));
  CHECK(contains(text, "Side plank: rung 2 of 3, as in the source routine."));

  const std::string older = squeezed(render_text(plan_for(example("older-adult.json"), 1), Style{}));
  CHECK(contains(older, "Side plank from the knees: rung 1 of 3, a supported start for age 70 (65 or over) and "
                        "arthritis."));
  CHECK(contains(older, "To fit 30 minutes a day"));
  CHECK(contains(older, "Warm-up: 5 min on every strength day."));
}

TEST_CASE("markdown: the same page, with correct plurals and no empty tables", "[render][markdown]") {
  for (const int weeks : {1, 4}) {
    for (const char* name : {"adult-novice.json", "older-adult.json"}) {
      for (const Detail detail : {Detail::summary, Detail::full}) {
        INFO(name << " weeks " << weeks << " detail " << name_of(detail));
        const Plan plan = plan_for(example(name), weeks);
        const std::string md = render_markdown(plan, test::builtin_catalogue(), detail);
        CHECK(md.starts_with(fmt::format("# Knock-knee routine: {} week{} from", weeks, weeks == 1 ? "" : "s")));
        CHECK_FALSE(contains(md, "1 weeks"));
        CHECK_FALSE(contains(md, "1 exercises"));
        CHECK_FALSE(contains(md, "1 sets"));
        CHECK(contains(md, "## Weeks at a glance"));
        CHECK(contains(md, "## How to do each exercise"));
        // Every table has a row under its rule.
        const auto lines = lines_of(md);
        for (std::size_t i = 0; i < lines.size(); ++i) {
          if (!lines[i].starts_with("|---")) continue;
          INFO(lines[i - 1]);
          REQUIRE(i + 1 < lines.size());
          CHECK(lines[i + 1].starts_with("| "));
        }
        if (detail == Detail::summary) {
          check_text_once(plan, md);
          CHECK((weeks == 1) != contains(md, "what changes"));
        }
      }
    }
  }
  // A one-day session says "day".
  Profile p;
  p.age = 34;
  PlanOptions o;
  o.weeks = 1;
  o.start = kMonday;
  const Plan plan = build_plan(test::builtin_catalogue(), test::builtin_guidelines(), p, o);
  CHECK(contains(render_markdown(plan, test::builtin_catalogue()), "### Strength days (Mon, Wed, Fri)"));
}
