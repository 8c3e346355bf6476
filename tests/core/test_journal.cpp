// The journal's pure rules: --done values, entry checks, merging a day's
// logs, pain typed at a prompt, and the weekly summary.
#include <catch2/catch.hpp>

#include <algorithm>

#include "data.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/journal.hpp"
#include "kneeplan/core/planner.hpp"

using namespace kneeplan;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

const sys_days kToday = *parse_date("2026-11-22");  // a Sunday

const Exercise& exercise(std::string_view id) {
  const Exercise* found = test::builtin_catalogue().find(id);
  REQUIRE(found != nullptr);
  return *found;
}

JournalEntry entry_on(std::string_view date) {
  JournalEntry entry;
  entry.date = *parse_date(date);
  return entry;
}

ExerciseDone reps(std::string id, Side side, int sets, int amount) {
  return {id, id, side, sets, Measure::reps, amount};
}

std::vector<std::string> fields(const std::vector<EntryProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}

}  // namespace

TEST_CASE("parse_done reads sets x amount, one amount, and per-side doses", "[journal]") {
  const Exercise& plank = exercise("side-plank");
  auto parsed = parse_done(plank, "2x12", nullptr);
  REQUIRE(parsed.problem.empty());
  CHECK(parsed.records == std::vector<ExerciseDone>{reps("side-plank", Side::left, 2, 12),
                                                    reps("side-plank", Side::right, 2, 12)});

  parsed = parse_done(plank, "left:2x12,right:3X10", nullptr);
  REQUIRE(parsed.problem.empty());
  CHECK(parsed.records == std::vector<ExerciseDone>{reps("side-plank", Side::left, 2, 12),
                                                    reps("side-plank", Side::right, 3, 10)});

  parsed = parse_done(exercise("leg-muscles-stretch"), "150", nullptr);
  REQUIRE(parsed.problem.empty());
  REQUIRE(parsed.records.size() == 2);
  CHECK(parsed.records[0].measure == Measure::hold_seconds);
  CHECK(parsed.records[0].sets == 1);
  CHECK(parsed.records[0].amount == 150);

  parsed = parse_done(exercise("thigh-foam-roll"), "2x3", nullptr);
  REQUIRE(parsed.problem.empty());
  CHECK(parsed.records[0].measure == Measure::passes);
  CHECK(parsed.records[0].rung == "thigh-foam-roll");
}

TEST_CASE("parse_done refuses what it cannot read", "[journal]") {
  const Exercise& plank = exercise("side-plank");
  for (const char* bad : {"x12", "2x", "2x12x3", "-2x12", "2.5x12", "left:2x12,left:2x10", "both:2x12", "knee:2x12",
                          "left:2x12,", "123456x1", "twelve"}) {
    INFO(bad);
    const auto parsed = parse_done(plank, bad, nullptr);
    CHECK_FALSE(parsed.problem.empty());
    CHECK(parsed.records.empty());
  }
  // With no plan for the day there is no planned dose to take.
  CHECK(parse_done(plank, "", nullptr).problem.find("not in the plan") != std::string::npos);
}

TEST_CASE("the planned dose is the plan's sets and the least of its range, on the plan's sides", "[journal]") {
  Profile left_knee;
  left_knee.side = Side::left;
  PlanOptions options;
  options.weeks = 1;
  options.start = kToday;
  const Plan plan = build_plan(test::builtin_catalogue(), test::builtin_guidelines(), left_knee, options);
  const Item* planned = find_planned(plan, "side-plank");
  REQUIRE(planned != nullptr);
  const auto parsed = parse_done(exercise("side-plank"), "", planned);
  REQUIRE(parsed.problem.empty());
  REQUIRE(parsed.records.size() == 1);  // strength work on the affected side only
  CHECK(parsed.records[0].side == Side::left);
  CHECK(parsed.records[0].sets == planned->sets);
  CHECK(parsed.records[0].amount == planned->reps.min);
  // A dose without sides goes to the plan's sides too.
  CHECK(parse_done(exercise("side-plank"), "2x10", planned).records.size() == 1);
  // Stretches go to both legs.
  const Item* stretch = find_planned(plan, "thigh-stretch");
  REQUIRE(stretch != nullptr);
  const auto held = parse_done(exercise("thigh-stretch"), "", stretch);
  REQUIRE(held.records.size() == 2);
  CHECK(held.records[0].amount == stretch->hold_seconds.min);
  REQUIRE(first_session(plan) != nullptr);
  CHECK(first_session(plan)->date == kToday + days{1});  // Sunday is the rest day
}

TEST_CASE("check_entry: dates from 2000 to today, next-morning pain only once the morning has come", "[journal]") {
  const Catalogue& catalogue = test::builtin_catalogue();
  CHECK(check_entry(entry_on("2026-11-22"), catalogue, kToday).empty());
  CHECK(check_entry(entry_on("2000-01-01"), catalogue, kToday).empty());
  CHECK(fields(check_entry(entry_on("2026-11-23"), catalogue, kToday)) == std::vector<std::string>{"date"});
  CHECK(fields(check_entry(entry_on("1999-12-31"), catalogue, kToday)) == std::vector<std::string>{"date"});

  JournalEntry today = entry_on("2026-11-22");
  today.pain_at(Moment::next_day).left = 2;
  CHECK(fields(check_entry(today, catalogue, kToday)) == std::vector<std::string>{"pain/next_day"});
  JournalEntry yesterday = today;
  yesterday.date -= days{1};
  CHECK(check_entry(yesterday, catalogue, kToday).empty());
  yesterday.pain_at(Moment::during).right = 11;
  CHECK(fields(check_entry(yesterday, catalogue, kToday)) == std::vector<std::string>{"pain/during/right"});
}

TEST_CASE("check_entry: known ids, sides that fit, at most twice the catalogue's most", "[journal]") {
  const Catalogue& catalogue = test::builtin_catalogue();
  JournalEntry entry = entry_on("2026-11-20");
  entry.done = {reps("side-plank", Side::left, 2, 24)};  // the catalogue's most is 12
  CHECK(check_entry(entry, catalogue, kToday).empty());
  entry.done = {reps("side-plank", Side::left, 2, 25)};
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"done/0/reps"});
  entry.done = {{"leg-muscles-stretch", "leg-muscles-stretch", Side::right, 1, Measure::hold_seconds, 301}};
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"done/0/hold_seconds"});
  entry.done = {{"thigh-foam-roll", "thigh-foam-roll", Side::right, 1, Measure::passes, 7}};
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"done/0/passes"});

  entry.done = {reps("side-plonk", Side::left, 1, 10)};
  const auto unknown = check_entry(entry, catalogue, kToday);
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].message.find("did you mean \"side-plank\"") != std::string::npos);

  entry.done = {reps("side-plank", Side::both, 1, 10)};
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"done/0/side"});
  entry.done = {reps("side-plank", Side::left, 1, 10), reps("side-plank", Side::left, 2, 10)};
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"done/1"});
  entry.done = {reps("leg-muscles-stretch", Side::left, 1, 10)};  // a stretch counts seconds
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"done/0"});

  entry.done = {reps("side-plank", Side::left, 1, 10)};
  entry.skipped = {{"side-plank", ""}, {"nope", "why"}};
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"skipped/0", "skipped/1/exercise"});

  entry = entry_on("2026-11-20");
  entry.symptoms = {{"buckling", *parse_date("2026-11-19")}, {"wobbly", std::nullopt}};
  CHECK(fields(check_entry(entry, catalogue, kToday)) == std::vector<std::string>{"symptoms/0/gone", "symptoms/1/name"});
}

TEST_CASE("merge: a later log of the same day replaces what it names and adds the rest", "[journal]") {
  JournalEntry entry = entry_on("2026-11-20");
  entry.done = {reps("side-plank", Side::left, 1, 8), reps("side-plank", Side::right, 1, 8)};
  entry.skipped = {{"side-step-up", "no step"}};
  entry.pain_at(Moment::after) = {2, 1};
  entry.symptoms = {{"night-pain", std::nullopt}};
  entry.notes = {"first"};

  JournalEntry later = entry_on("2026-11-20");
  later.done = {reps("side-step-up", Side::left, 2, 10), reps("side-plank", Side::left, 2, 12)};
  later.pain_at(Moment::after).right = 3;
  later.pain_at(Moment::next_day).left = 1;
  later.symptoms = {{"night-pain", std::nullopt}, {"locking", std::nullopt}};
  later.notes = {"first"};
  merge(entry, later);

  CHECK(entry.done == later.done);  // side-plank replaced as a whole, both sides
  CHECK(entry.skipped.empty());     // side-step-up was done after all
  CHECK(entry.pain_at(Moment::after) == KneePain{2, 3});
  CHECK(entry.pain_at(Moment::next_day) == KneePain{1, std::nullopt});
  CHECK(entry.symptoms.size() == 2);  // night-pain once
  CHECK(entry.notes == std::vector<std::string>{"first", "first"});
  CHECK(entry.worst_pain(Knee::right) == 3);
  CHECK(entry.worst_pain(Knee::left) == 2);
}

TEST_CASE("parse_knee_scores: one score for both knees, or per knee", "[journal]") {
  CHECK(parse_knee_scores("3") == KneePain{3, 3});
  CHECK(parse_knee_scores("left:2") == KneePain{2, std::nullopt});
  CHECK(parse_knee_scores("left:2,right:0") == KneePain{2, 0});
  for (const char* bad : {"", "11", "-1", "left:11", "left:2,left:3", "l:2", "2,3", "left:"}) {
    INFO(bad);
    CHECK_FALSE(parse_knee_scores(bad));
  }
}

TEST_CASE("summarise_weeks: Monday-to-Sunday weeks, newest first, sessions and worst pain", "[journal]") {
  std::vector<JournalEntry> entries;
  for (const char* date : {"2026-11-16", "2026-11-22", "2026-11-10", "2026-11-18"}) entries.push_back(entry_on(date));
  entries[0].done = {reps("side-plank", Side::left, 1, 8)};
  entries[0].pain_at(Moment::during).left = 4;
  entries[1].done = {reps("side-plank", Side::left, 1, 8)};
  entries[1].pain_at(Moment::next_day).right = 2;
  entries[3].pain_at(Moment::before).left = 1;  // pain only: not a session
  entries[2].done = {reps("side-plank", Side::left, 1, 8)};
  const auto weeks = summarise_weeks(entries, 6);
  REQUIRE(weeks.size() == 2);
  CHECK(weeks[0].monday == *parse_date("2026-11-16"));
  CHECK(weeks[0].sessions_done == 2);
  CHECK(weeks[0].sessions_planned == 6);
  CHECK(weeks[0].worst == KneePain{4, 2});
  REQUIRE(weeks[0].entries.size() == 3);
  CHECK(weeks[0].entries[0]->date == *parse_date("2026-11-22"));
  CHECK(weeks[0].entries[2]->date == *parse_date("2026-11-16"));
  CHECK(weeks[1].monday == *parse_date("2026-11-09"));
  CHECK(weeks[1].worst == KneePain{});
}
