// The coach's rules at and around their thresholds (the guidelines' coach
// table and the checkpoint), over journals built entry by entry.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/core/coach.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/safety.hpp"

using namespace kneeplan;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

const Guidelines& gl() { return test::builtin_guidelines(); }
const CoachRules& rules() { return gl().coach; }

sys_days day(const char* text) { return *parse_date(text); }

ExerciseDone rec(const std::string& exercise, Side side, int sets, int reps) {
  return {exercise, exercise, side, sets, Measure::reps, reps};
}

// A session of one exercise on both sides at `left` and `right` reps.
JournalEntry session(sys_days date, const std::string& exercise, int sets, int left, int right,
                     std::optional<int> during = std::nullopt) {
  JournalEntry entry;
  entry.date = date;
  entry.done = {rec(exercise, Side::left, sets, left), rec(exercise, Side::right, sets, right)};
  if (during) entry.pain_at(Moment::during) = {during, during};
  return entry;
}

// A session of side plank (the routine's rung of its ladder).
JournalEntry plank(sys_days date, int sets, int left, int right, std::optional<int> during = std::nullopt) {
  return session(date, "side-plank", sets, left, right, during);
}

struct Outcome {
  JournalFacts facts;
  std::vector<Finding> findings;
  bool allowed = true;
  Plan plan;
  Coaching coaching;
};

// What plan does: facts into the profile, then the --pain flag if given,
// the screen, the plan, the coach.
Outcome run_coach(const std::vector<JournalEntry>& entries, sys_days today, bool maintenance = false,
                  std::optional<int> pain_flag = std::nullopt, Profile profile = {},
                  const Catalogue& catalogue = test::builtin_catalogue()) {
  Outcome out;
  out.facts = journal_facts(entries, today, gl());
  apply_journal_facts(profile, out.facts);
  if (pain_flag) profile.pain = *pain_flag;
  out.findings = screen(test::builtin_safety(), profile);
  out.allowed = plan_allowed(out.findings, profile.cleared_by_clinician);
  PlanOptions options;
  options.weeks = 1;
  options.start = today;
  out.plan = build_plan(catalogue, gl(), profile, options, out.findings);
  out.plan.decisions = out.facts.decisions;
  out.coaching = coach(entries, today, out.plan, catalogue, gl(), maintenance);
  apply_coaching(out.plan, out.coaching, catalogue, gl());
  return out;
}

std::optional<int> dose(const Coaching& coaching, const std::string& exercise, Side side) {
  for (const auto& d : coaching.doses) {
    if (d.exercise == exercise && d.side == side) return d.sets;
  }
  return std::nullopt;
}

// The rung a dose names instead of the plan's exercise ("" for the plan's own).
std::optional<std::string> rung_of(const Coaching& coaching, const std::string& exercise, Side side) {
  for (const auto& d : coaching.doses) {
    if (d.exercise == exercise && d.side == side) return d.rung;
  }
  return std::nullopt;
}

// The week-1 items of one ladder, by the ladder's id.
std::vector<Item> items_of(const Plan& plan, const std::string& ladder) {
  std::vector<Item> out;
  for (const auto& d : plan.weeks.front().days) {
    for (const auto& item : d.items) {
      if (item.ladder == ladder) out.push_back(item);
    }
  }
  return out;
}

const PlanExercise* shown(const Plan& plan, const std::string& id) {
  const auto found = std::find_if(plan.exercises.begin(), plan.exercises.end(),
                                  [&](const PlanExercise& e) { return e.exercise.id == id; });
  return found == plan.exercises.end() ? nullptr : &*found;
}

bool says(const std::vector<Decision>& decisions, const std::string& words) {
  return std::any_of(decisions.begin(), decisions.end(),
                     [&](const Decision& d) { return d.text.find(words) != std::string::npos; });
}

bool has_finding(const std::vector<Finding>& findings, const std::string& id) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.id == id; });
}

// The top of the novice range plus the rule's margin.
int over() { return gl().for_level(Level::novice).reps.max + rules().reps_over_range; }

std::string sets_text_for_test(int sets) { return fmt::format("{} set{}", sets, sets == 1 ? "" : "s"); }

}  // namespace

TEST_CASE("2-for-2: two sessions in a row with 2 reps over the range add a set, per side", "[coach]") {
  const sys_days today = day("2026-11-30");
  SECTION("both sides at the margin: the next set count, with the dates it rests on") {
    const auto out = run_coach({plank(day("2026-11-23"), 1, over(), over()), plank(day("2026-11-25"), 1, over(), over())},
                               today);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 2);
    CHECK(dose(out.coaching, "side-plank", Side::right) == 2);
    CHECK(says(out.plan.decisions,
               "Side plank, left: 2 reps over the range in the last set on 11-23 and 11-25: next set count (2 sets)"));
    const auto decision = std::find_if(out.plan.decisions.begin(), out.plan.decisions.end(),
                                       [](const Decision& d) { return d.text.find("Side plank, left") == 0; });
    REQUIRE(decision != out.plan.decisions.end());
    CHECK(decision->dates == std::vector<sys_days>{day("2026-11-23"), day("2026-11-25")});
    CHECK(decision->source == rules().progression_source);
  }
  SECTION("one rep short of the margin: no progression") {
    const auto out = run_coach(
        {plank(day("2026-11-23"), 1, over() - 1, over()), plank(day("2026-11-25"), 1, over() - 1, over())}, today);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 1);
    CHECK(dose(out.coaching, "side-plank", Side::right) == 2);
    // The sides differ, so the plan holds one item per side.
    for (const auto& d : out.plan.weeks.front().days) {
      for (const auto& item : d.items) {
        if (item.exercise != "side-plank") continue;
        REQUIRE(item.sides.size() == 1);
        CHECK(item.sets == (item.sides.front() == Side::left ? 1 : 2));
      }
    }
  }
  SECTION("one good session is not two in a row") {
    const auto out = run_coach({plank(day("2026-11-23"), 1, 9, 9), plank(day("2026-11-25"), 1, over(), over())}, today);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 1);
  }
  SECTION("a session that skipped the exercise breaks the row") {
    JournalEntry skipped;
    skipped.date = day("2026-11-24");
    skipped.done = {rec("single-leg-bridge", Side::left, 1, 10)};
    skipped.skipped = {{"side-plank", "tired"}};
    const auto out = run_coach(
        {plank(day("2026-11-23"), 1, over(), over()), skipped, plank(day("2026-11-25"), 1, over(), over())}, today);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 1);
  }
}

TEST_CASE("2-for-2 at the top set count moves to the next rung, for both legs together", "[coach]") {
  const sys_days today = day("2026-11-30");
  const int top = gl().for_level(Level::novice).sets.max;
  const int fewest = gl().for_level(Level::novice).sets.min;
  const Exercise& plank_rung = *test::builtin_catalogue().find("side-plank");
  REQUIRE(!plank_rung.harder.empty());
  const Exercise& harder = *test::builtin_catalogue().find(plank_rung.harder);
  SECTION("both sides: the next rung at the fewest sets, in the days, the list and the cards") {
    const auto out =
        run_coach({plank(day("2026-11-23"), top, over(), over()), plank(day("2026-11-25"), top, over(), over())}, today);
    for (const Side side : {Side::left, Side::right}) {
      CHECK(rung_of(out.coaching, "side-plank", side) == harder.id);
      CHECK(dose(out.coaching, "side-plank", side) == fewest);
    }
    const auto items = items_of(out.plan, "side-plank");
    REQUIRE_FALSE(items.empty());
    for (const auto& item : items) {
      CHECK(item.exercise == harder.id);
      CHECK(item.name == harder.name);
      CHECK(item.sets == fewest);
      CHECK(item.rung == 3);
    }
    CHECK(says(out.plan.decisions, fmt::format("Side plank: 2 reps over the range in the last set on 11-23 and 11-25 "
                                               "(each side): at the top set count ({} sets); next rung: {} ({} set)",
                                               top, harder.name, fewest)));
    const PlanExercise* now = shown(out.plan, harder.id);
    REQUIRE(now);
    CHECK(now->planned);
    CHECK(now->rung == 3);
    const PlanExercise* before = shown(out.plan, "side-plank");
    REQUIRE(before);  // the rung below, to step back to
    CHECK_FALSE(before->planned);
    const auto choice = std::find_if(out.plan.rungs.begin(), out.plan.rungs.end(),
                                     [](const RungChoice& c) { return c.ladder == "side-plank"; });
    REQUIRE(choice != out.plan.rungs.end());
    CHECK(choice->exercise == harder.id);
    CHECK(choice->why.starts_with(harder.name + ": rung 3 of 3"));
  }
  SECTION("one side short: sets stay at the top and the rung waits") {
    const auto out = run_coach(
        {plank(day("2026-11-23"), top, over(), over() - 1), plank(day("2026-11-25"), top, over(), over())}, today);
    CHECK(rung_of(out.coaching, "side-plank", Side::left) == "");
    CHECK(dose(out.coaching, "side-plank", Side::left) == top);
    CHECK(says(out.plan.decisions, "the next rung waits until the other side has earned it too"));
    for (const auto& item : items_of(out.plan, "side-plank")) CHECK(item.exercise == "side-plank");
  }
  SECTION("on the hardest rung: it stays there") {
    const auto out = run_coach({session(day("2026-11-23"), harder.id, top, over(), over()),
                                session(day("2026-11-25"), harder.id, top, over(), over())},
                               today);
    CHECK(rung_of(out.coaching, "side-plank", Side::left) == harder.id);
    CHECK(dose(out.coaching, "side-plank", Side::left) == top);
    CHECK(says(out.plan.decisions, "already at the top set count (3 sets); already on the hardest rung"));
  }
}

TEST_CASE("A time budget holds the coach's doses too: no training day grows past it", "[coach]") {
  const sys_days today = day("2026-11-30");
  // Two sessions that earn 2-for-2 on every strength item the plan has, at its sets.
  const auto earned = [&](const Plan& plan) {
    std::vector<JournalEntry> entries;
    for (const sys_days date : {day("2026-11-23"), day("2026-11-25")}) {
      JournalEntry entry;
      entry.date = date;
      for (const auto& d : plan.weeks.front().days) {
        for (const auto& item : d.items) {
          if (item.category != Category::strength) continue;
          if (std::any_of(entry.done.begin(), entry.done.end(), [&](const ExerciseDone& e) { return e.exercise == item.exercise; })) {
            continue;
          }
          for (const Side side : item.sides) {
            entry.done.push_back(rec(item.exercise, side, item.sets, item.reps.max + rules().reps_over_range));
          }
        }
      }
      entries.push_back(std::move(entry));
    }
    return entries;
  };
  const auto strength_sets = [](const Plan& plan) {
    int sets = 0;
    for (const auto& d : plan.weeks.front().days) {
      for (const auto& item : d.items) {
        if (item.category == Category::strength) sets += item.sets * static_cast<int>(item.sides.size());
      }
    }
    return sets;
  };

  // Without a budget the journal earns more sets: what a budget has to hold back.
  const Plan unlimited = run_coach({}, today).plan;
  CHECK(strength_sets(run_coach(earned(unlimited), today).plan) > strength_sets(unlimited));

  Profile limited;
  limited.minutes_per_day = 1;
  const int smallest = run_coach({}, today, false, std::nullopt, limited).plan.budget->smallest;
  bool held_back = false;
  for (int minutes = smallest; minutes <= smallest + 30; ++minutes) {
    CAPTURE(minutes);
    limited.minutes_per_day = minutes;
    const Plan planned = run_coach({}, today, false, std::nullopt, limited).plan;
    const Outcome coached = run_coach(earned(planned), today, false, std::nullopt, limited);
    for (const auto& d : coached.plan.weeks.front().days) {
      CAPTURE(format_date(d.date));
      CHECK(d.minutes <= minutes);
    }
    held_back = held_back || says(coached.plan.decisions, fmt::format("at the most sets that fit {} minutes a day", minutes));
  }
  // Somewhere in that range the budget, not the level, was the top.
  CHECK(held_back);
}

TEST_CASE("Sets logged above what the time budget fits come down to it, and the plan says so", "[coach]") {
  const sys_days today = day("2026-11-30");
  Profile limited;
  limited.minutes_per_day = 1;
  limited.minutes_per_day = run_coach({}, today, false, std::nullopt, limited).plan.budget->smallest;
  const int top = gl().for_level(Level::novice).sets.max;
  const auto out = run_coach({plank(day("2026-11-23"), top, 10, 10)}, today, false, std::nullopt, limited);
  const auto left = dose(out.coaching, "side-plank", Side::left);
  REQUIRE(left);
  CHECK(*left < top);
  CHECK(dose(out.coaching, "side-plank", Side::right) == left);
  CHECK(says(out.plan.decisions,
             fmt::format("Side plank: {} sets logged on 11-23 (each side), but {} fit{} {} minutes a day", top,
                         sets_text_for_test(*left), *left == 1 ? "s" : "", *limited.minutes_per_day)));
  for (const auto& d : out.plan.weeks.front().days) CHECK(d.minutes <= *limited.minutes_per_day);

  // Only one side over: that side is named.
  JournalEntry one_side;
  one_side.date = day("2026-11-24");
  one_side.done = {rec("side-plank", Side::left, top, 10), rec("side-plank", Side::right, 1, 10)};
  const auto left_only = run_coach({one_side}, today, false, std::nullopt, limited);
  CHECK(says(left_only.plan.decisions, fmt::format("Side plank: left: {} sets logged on 11-24, but", top)));
  CHECK_FALSE(says(left_only.plan.decisions, "right: "));
}

TEST_CASE("A harder rung that works each side on its own waits while it does not fit the time budget", "[coach]") {
  const sys_days today = day("2026-11-30");
  // Here the bridge works both legs together and its next rung each leg on
  // its own, so the next rung at the fewest sets can take longer than the
  // bridge at the most.
  Catalogue catalogue = test::builtin_catalogue();
  for (auto& exercise : catalogue.exercises) {
    if (exercise.id == "single-leg-bridge") exercise.laterality = Laterality::bilateral;
  }
  catalogue.reindex();
  const std::string next = catalogue.find("single-leg-bridge")->harder;
  REQUIRE(catalogue.find(next)->laterality == Laterality::per_side);
  const auto bridges = [&](int sets) {
    std::vector<JournalEntry> entries;
    for (const char* date : {"2026-11-23", "2026-11-25"}) {
      JournalEntry entry;
      entry.date = day(date);
      entry.done = {rec("single-leg-bridge", Side::both, sets, over())};
      entries.push_back(entry);
    }
    return entries;
  };
  Profile limited;
  limited.minutes_per_day = 1;
  const int smallest = run_coach({}, today, false, std::nullopt, limited, catalogue).plan.budget->smallest;
  bool waited = false;
  bool moved = false;
  for (int minutes = smallest; minutes <= smallest + 30; ++minutes) {
    CAPTURE(minutes);
    limited.minutes_per_day = minutes;
    for (int sets = 1; sets <= gl().for_level(Level::novice).sets.max; ++sets) {
      CAPTURE(sets);
      const Outcome out = run_coach(bridges(sets), today, false, std::nullopt, limited, catalogue);
      for (const auto& d : out.plan.weeks.front().days) CHECK(d.minutes <= minutes);
      const bool on_next = rung_of(out.coaching, "single-leg-bridge", Side::left) == next;
      moved = moved || on_next;
      if (says(out.plan.decisions, fmt::format("does not fit {} minutes a day", minutes))) {
        waited = true;
        CHECK_FALSE(on_next);
        CHECK(dose(out.coaching, "single-leg-bridge", Side::both));
      }
    }
  }
  // Both happened somewhere in the range: the rule held some back and let others on.
  CHECK(waited);
  CHECK(moved);
}

TEST_CASE("An exercise not logged for the weeks the coach reads starts again at the plan's dose and rung", "[coach]") {
  const sys_days today = day("2026-11-30");
  const sys_days long_ago = monday_of(today) - days{7 * kCoachLogWeeks};
  const Exercise& harder = *test::builtin_catalogue().find(test::builtin_catalogue().find("side-plank")->harder);
  const auto run_with_plank_on = [&](sys_days plank_day) {
    std::vector<JournalEntry> entries{session(plank_day - days{2}, harder.id, 2, 10, 10),
                                      session(plank_day, harder.id, 2, 10, 10)};
    // Bridges every few days keep the run going, so only the plank's log ages.
    for (sys_days d = plank_day + days{1}; d < today; d += days{4}) {
      JournalEntry bridge;
      bridge.date = d;
      bridge.done = {rec("single-leg-bridge", Side::left, 1, 10)};
      entries.push_back(bridge);
    }
    return run_coach(entries, today);
  };
  const auto inside = run_with_plank_on(long_ago);
  CHECK(rung_of(inside.coaching, "side-plank", Side::left) == harder.id);
  const auto outside = run_with_plank_on(long_ago - days{1});
  CHECK_FALSE(rung_of(outside.coaching, "side-plank", Side::left));
  for (const auto& item : items_of(outside.plan, "side-plank")) CHECK(item.exercise == "side-plank");
}

TEST_CASE("The rung the journal has reached is the plan's, with sets from its own log", "[coach]") {
  const sys_days today = day("2026-11-30");
  const Exercise& plank_rung = *test::builtin_catalogue().find("side-plank");
  const Exercise& harder = *test::builtin_catalogue().find(plank_rung.harder);
  SECTION("moved up last week: the harder rung, and 2-for-2 on it adds a set") {
    const auto out = run_coach({plank(day("2026-11-18"), 3, over(), over()), session(day("2026-11-23"), harder.id, 1, over(), over()),
                                session(day("2026-11-25"), harder.id, 1, over(), over())},
                               today);
    CHECK(rung_of(out.coaching, "side-plank", Side::left) == harder.id);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 2);
    CHECK(says(out.plan.decisions, "Side plank with top-leg lift: the rung your journal has reached (last on 11-25)"));
    for (const auto& item : items_of(out.plan, "side-plank")) CHECK(item.exercise == harder.id);
  }
  SECTION("2-for-2 needs both sessions on the current rung") {
    const auto out = run_coach(
        {plank(day("2026-11-23"), 1, over(), over()), session(day("2026-11-25"), harder.id, 1, over(), over())}, today);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 1);
  }
  SECTION("a rung the person's limits now keep out: back to the plan's") {
    Profile older;
    older.age = 70;  // no impact work, and a supported start
    const auto out = run_coach({session(day("2026-11-23"), "side-hops", 1, 10, 10)}, today, false, std::nullopt, older);
    const auto items = items_of(out.plan, "side-step-up");
    REQUIRE_FALSE(items.empty());
    for (const auto& item : items) CHECK(item.exercise == "supported-step-up");
    CHECK(says(out.plan.decisions, "Small side hops: logged last on 11-23, but impact work is left out (age 70"));
  }
}

TEST_CASE("Pain during: up to 5 lets progression go on, above 5 holds the dose", "[coach]") {
  const sys_days today = day("2026-11-30");
  const int limit = rules().pain_during_at_most;
  // The worst score would also be the pain now and hold everything by the
  // moderate-pain finding; the person gives it as 3 (the --pain flag).
  const auto at = run_coach(
      {plank(day("2026-11-23"), 1, over(), over(), limit), plank(day("2026-11-25"), 1, over(), over(), limit)}, today,
      false, 3);
  CHECK(dose(at.coaching, "side-plank", Side::left) == 2);

  const auto above = run_coach(
      {plank(day("2026-11-23"), 1, over(), over(), limit), plank(day("2026-11-25"), 2, over(), over(), limit + 1)},
      today, false, 3);
  CHECK(dose(above.coaching, "side-plank", Side::left) == 2);  // the dose done that day, no more
  CHECK(says(above.plan.decisions, "Side plank, left: pain 6 during on 11-25: stays at 2 sets"));
}

TEST_CASE("The next morning: settled to the level before, or not", "[coach]") {
  const sys_days today = day("2026-11-30");
  auto with_morning = [&](int before, int next) {
    auto second = plank(day("2026-11-25"), 1, over(), over());
    second.pain_at(Moment::before) = {before, before};
    second.pain_at(Moment::next_day) = {next, next};
    return run_coach({plank(day("2026-11-23"), 1, over(), over()), second}, today);
  };
  CHECK(dose(with_morning(1, 1).coaching, "side-plank", Side::left) == 2);
  const auto unsettled = with_morning(1, 2);
  CHECK(dose(unsettled.coaching, "side-plank", Side::left) == 1);
  CHECK(says(unsettled.plan.decisions, "left knee pain 2 the morning after 11-25, above the 1 before"));
}

TEST_CASE("Two unacceptable sessions in a row step an exercise down a set", "[coach]") {
  const sys_days today = day("2026-11-30");
  const int bad = rules().pain_during_at_most + 1;
  SECTION("twice: one set fewer (the pain now given as 3)") {
    const auto out = run_coach({plank(day("2026-11-23"), 2, 10, 10, bad), plank(day("2026-11-25"), 2, 10, 10, bad)},
                               today, false, 3);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 1);
    CHECK(says(out.plan.decisions, "pain 6 during on 11-23; pain 6 during on 11-25: one set fewer (1 set)"));
  }
  SECTION("once, after a good session: held, not stepped down") {
    const auto out = run_coach({plank(day("2026-11-23"), 2, 10, 10), plank(day("2026-11-25"), 2, 10, 10, bad)}, today, false, 3);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 2);
  }
  SECTION("at the fewest sets already: one rung down, for both legs") {
    const auto out = run_coach({plank(day("2026-11-23"), 1, 10, 10, bad), plank(day("2026-11-25"), 1, 10, 10, bad)},
                               today, false, 3);
    CHECK(dose(out.coaching, "side-plank", Side::left) == 1);
    CHECK(rung_of(out.coaching, "side-plank", Side::left) == "side-plank-from-knees");
    CHECK(rung_of(out.coaching, "side-plank", Side::right) == "side-plank-from-knees");
    CHECK(says(out.plan.decisions, "already at the fewest sets, so one rung down: Side plank from the knees (1 set)"));
    for (const auto& item : items_of(out.plan, "side-plank")) CHECK(item.exercise == "side-plank-from-knees");
  }
  SECTION("at the fewest sets on the easiest rung: it stays there") {
    const auto out = run_coach({session(day("2026-11-23"), "side-plank-from-knees", 1, 10, 10, bad),
                                session(day("2026-11-25"), "side-plank-from-knees", 1, 10, 10, bad)},
                               today, false, 3);
    CHECK(rung_of(out.coaching, "side-plank", Side::left) == "side-plank-from-knees");
    CHECK(dose(out.coaching, "side-plank", Side::left) == 1);
    CHECK(says(out.plan.decisions, "already at the fewest sets on the easiest rung, stays at 1 set"));
  }
}

TEST_CASE("Worst weekly pain: a rise holds everything, and rising twice adds a caution", "[coach]") {
  const sys_days today = day("2026-11-30");
  // Weeks from 11-09, 11-16 and 11-23; the last week also meets 2-for-2.
  auto weeks = [&](int first, int second, int third) {
    return run_coach({plank(day("2026-11-09"), 1, 10, 10, first), plank(day("2026-11-16"), 1, 10, 10, second),
                      plank(day("2026-11-23"), 1, over(), over(), third), plank(day("2026-11-25"), 1, over(), over(), third)},
                     today);
  };
  const auto flat = weeks(2, 2, 2);
  CHECK(dose(flat.coaching, "side-plank", Side::left) == 2);
  CHECK_FALSE(has_finding(flat.plan.warnings, "pain-rising"));

  const auto once = weeks(2, 2, 3);
  CHECK(dose(once.coaching, "side-plank", Side::left) == 1);
  CHECK(says(once.plan.decisions, "worst weekly pain rose (2, then 3"));
  CHECK_FALSE(has_finding(once.plan.warnings, "pain-rising"));

  const auto twice = weeks(1, 2, 3);
  CHECK(dose(twice.coaching, "side-plank", Side::left) == 1);
  CHECK(has_finding(twice.plan.warnings, "pain-rising"));

  const auto fell = weeks(3, 2, 3);  // down, then up: one rise
  CHECK_FALSE(has_finding(fell.plan.warnings, "pain-rising"));
}

TEST_CASE("Weeks done count from the first session, and a 2-week gap starts again", "[coach]") {
  const sys_days first = day("2026-11-02");
  const auto session = [](sys_days d) { return plank(d, 1, 10, 10); };
  SECTION("no gap: whole weeks since the first session") {
    std::vector<JournalEntry> entries;
    for (int d = 0; d < 28; d += 3) entries.push_back(session(first + days{d}));
    CHECK(journal_facts(entries, first + days{27}, gl()).weeks_done == 3);
    CHECK(journal_facts(entries, first + days{28}, gl()).weeks_done == 4);
  }
  SECTION("a gap one day short of the rule keeps the count") {
    const auto facts = journal_facts(std::vector<JournalEntry>{session(first), session(first + days{rules().restart_gap_days - 1})},
                                     first + days{21}, gl());
    CHECK(facts.weeks_done == 3);
  }
  SECTION("a gap of the rule's days restarts it, and says so") {
    const sys_days restart = first + days{rules().restart_gap_days};
    const auto facts = journal_facts(std::vector<JournalEntry>{session(first), session(restart)}, restart + days{7}, gl());
    CHECK(facts.weeks_done == 1);
    CHECK(says(facts.decisions, "no session from 11-02 to 11-16"));
  }
  SECTION("no session up to today for the rule's days: week 1 again") {
    const auto facts = journal_facts(std::vector<JournalEntry>{session(first)}, first + days{rules().restart_gap_days}, gl());
    CHECK(facts.weeks_done == 0);
    CHECK_FALSE(facts.pain);
    CHECK(says(facts.decisions, "starts again from week 1"));
  }
  SECTION("entries after today are not read") {
    CHECK_FALSE(journal_facts(std::vector<JournalEntry>{session(first)}, first - days{1}, gl()).weeks_done);
  }
}

TEST_CASE("Decisions name a date by month and day within the year up to today, else whole", "[coach]") {
  const sys_days today = day("2026-11-22");
  CHECK(journal_date(today, today) == "11-22");
  CHECK(journal_date(day("2026-01-01"), today) == "01-01");
  CHECK(journal_date(today - days{364}, today) == "11-23");
  // A year back, "11-22" would name today as well.
  CHECK(journal_date(today - days{365}, today) == "2025-11-22");
  CHECK(journal_date(day("2024-11-22"), today) == "2024-11-22");
  CHECK(journal_date(today + days{1}, today) == "2026-11-23");

  // A run of sessions every other day for two years: where it started needs its year.
  std::vector<JournalEntry> entries;
  for (sys_days d = day("2024-11-22"); d < today; d += days{2}) entries.push_back(plank(d, 1, 10, 10, 0));
  const auto facts = journal_facts(entries, today, gl());
  CHECK(facts.weeks_done == 104);
  CHECK(says(facts.decisions, "104 weeks done since the first session, on 2024-11-22"));
  // The last week of sessions (the last on 2026-11-20) is recent: month and day.
  CHECK(says(facts.decisions, "the worst in the last week of sessions (11-14 to 11-20)"));
  // A run that started within the year: month and day.
  CHECK(says(journal_facts(std::vector<JournalEntry>{plank(day("2026-03-02"), 1, 10, 10)}, day("2026-03-09"), gl())
                 .decisions,
             "1 week done since the first session, on 03-02"));
}

TEST_CASE("The 4-week checkpoint from the journal: pain in the last week of sessions refers", "[coach]") {
  const sys_days first = day("2026-11-02");
  auto journal = [&](int last_pain) {
    std::vector<JournalEntry> entries;
    for (int d = 0; d < 28; d += 2) entries.push_back(plank(first + days{d}, 1, 10, 10, 0));
    entries.back().pain_at(Moment::after).left = last_pain;
    return entries;
  };
  const auto pain = run_coach(journal(1), first + days{gl().checkpoint_week * 7});
  CHECK(pain.facts.weeks_done == gl().checkpoint_week);
  CHECK(pain.facts.pain == 1);
  CHECK(has_finding(pain.findings, "pain-after-4-weeks"));
  CHECK_FALSE(pain.allowed);

  CHECK_FALSE(has_finding(run_coach(journal(0), first + days{gl().checkpoint_week * 7}).findings, "pain-after-4-weeks"));
  // A day before the checkpoint: not yet.
  CHECK_FALSE(
      has_finding(run_coach(journal(1), first + days{gl().checkpoint_week * 7 - 1}).findings, "pain-after-4-weeks"));
}

TEST_CASE("A logged red-flag symptom counts until an entry records it gone", "[coach]") {
  JournalEntry entry = plank(day("2026-11-23"), 1, 10, 10);
  entry.symptoms = {{"buckling", std::nullopt}};
  const auto open = run_coach({entry}, day("2026-11-25"));
  CHECK(open.facts.symptoms == std::vector<std::string>{"buckling"});
  CHECK(has_finding(open.findings, "symptom-buckling"));
  CHECK_FALSE(open.allowed);

  entry.symptoms = {{"buckling", day("2026-11-24")}};
  CHECK(journal_facts(std::vector<JournalEntry>{entry}, day("2026-11-25"), gl()).symptoms.empty());
  // Gone after the day asked about: still there on that day.
  CHECK(journal_facts(std::vector<JournalEntry>{entry}, day("2026-11-23"), gl()).symptoms == std::vector<std::string>{"buckling"});
}

TEST_CASE("Maintenance: offered after pain-free, well-kept weeks, and applied when asked", "[coach]") {
  const sys_days today = day("2026-11-30");  // a Monday
  auto weeks_of = [&](int sessions_second_week, int pain) {
    std::vector<JournalEntry> entries;
    for (const sys_days monday : {day("2026-11-16"), day("2026-11-23")}) {
      const int sessions = monday == day("2026-11-23") ? sessions_second_week : 6;
      for (int d = 0; d < sessions; ++d) {
        JournalEntry e = plank(monday + days{d}, 1, 10, 10, 0);
        if (d == 1 && monday == day("2026-11-23")) e.pain_at(Moment::after).right = pain;
        entries.push_back(e);
      }
    }
    return entries;
  };
  const int enough = rules().maintenance_sessions_a_week;
  SECTION("enough sessions and pain 0: offered, not applied unless asked") {
    const auto offered = run_coach(weeks_of(enough, 0), today);
    CHECK(offered.coaching.maintenance_offered);
    CHECK_FALSE(offered.coaching.maintenance);
    CHECK(says(offered.plan.decisions, "--maintenance"));
    const auto applied = run_coach(weeks_of(enough, 0), today, true);
    CHECK(applied.coaching.maintenance);
    const std::string& pattern = rules().maintenance_pattern;
    int strength_days = 0;
    int sessions = 0;
    for (const auto& d : applied.plan.weeks.front().days) {
      if (d.rest) continue;
      ++sessions;
      if (std::any_of(d.items.begin(), d.items.end(), [](const Item& i) { return i.category == Category::strength; })) {
        ++strength_days;
      }
    }
    CHECK(strength_days == std::count(pattern.begin(), pattern.end(), 'F'));
    CHECK(sessions == static_cast<int>(std::count_if(pattern.begin(), pattern.end(), [](char c) { return c != '-'; })));
  }
  SECTION("one session short: not offered, and asking says why") {
    const auto out = run_coach(weeks_of(enough - 1, 0), today, true);
    CHECK_FALSE(out.coaching.maintenance_offered);
    CHECK_FALSE(out.coaching.maintenance);
    CHECK(says(out.plan.decisions, "--maintenance not applied: the week from 11-23 has 4 sessions, fewer than 5"));
  }
  SECTION("pain 1 in a week: it ends") {
    const auto out = run_coach(weeks_of(enough, 1), today, true);
    CHECK_FALSE(out.coaching.maintenance);
    CHECK(says(out.plan.decisions, "has pain 1 on 11-24"));
  }
}

TEST_CASE("Pain now from the journal in the moderate band holds strength at the fewest sets, and says so", "[coach]") {
  const int bad = rules().pain_during_at_most + 1;
  const auto out = run_coach({plank(day("2026-11-23"), 2, 10, 10, bad), plank(day("2026-11-25"), 2, 10, 10, bad)},
                             day("2026-11-30"));
  CHECK(out.facts.pain == bad);
  CHECK(out.coaching.doses.empty());
  CHECK(says(out.plan.decisions, "strength stays at the fewest sets while the moderate-pain finding applies"));
}
