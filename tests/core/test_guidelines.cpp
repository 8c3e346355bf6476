// The shipped guidelines against clinical-rules.md, and the checks that refuse broken ones.
#include <catch2/catch.hpp>

#include "diagnostics_of.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/io/load.hpp"
#include "run.hpp"

using kneeplan::test::places;
using namespace kneeplan;

namespace {

const Guidelines& shipped() { return test::builtin_guidelines(); }

std::string shipped_text() { return read_input_file(test::source_dir() / "data" / "guidelines.json"); }

constexpr std::array kLevels{Level::novice, Level::intermediate, Level::advanced};

// The diagnostics of the shipped file after `edit`; empty when it parses.
std::vector<Diagnostic> broken(const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json doc = nlohmann::json::parse(shipped_text());
  edit(doc);
  return kneeplan::test::diagnostics_of([&] { return parse_guidelines(doc.dump(2), "g.json"); });
}

bool has_place(const std::vector<Diagnostic>& diagnostics, const std::string& place) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.place == place; });
}

std::function<void(nlohmann::json&)> set_pattern(const std::string& level, const std::string& pattern) {
  return [=](nlohmann::json& doc) { doc["levels"][level]["pattern"] = pattern; };
}

// Work letters: F is every strength exercise, A and B the halves of a split, - none.
bool shares_work(char a, char b) {
  if (a == '-' || b == '-') return false;
  return a == 'F' || b == 'F' || a == b;
}

}  // namespace

TEST_CASE("guidelines: the embedded and the on-disk file are the same data", "[guidelines]") {
  const Guidelines disk = parse_guidelines(shipped_text(), "guidelines.json");
  for (const Level level : kLevels) {
    INFO(name_of(level));
    const LevelRules& a = disk.for_level(level);
    const LevelRules& b = shipped().for_level(level);
    CHECK(a.sets == b.sets);
    CHECK(a.reps == b.reps);
    CHECK(a.strength_days == b.strength_days);
    CHECK(a.rest_seconds == b.rest_seconds);
    CHECK(a.pattern == b.pattern);
  }
  CHECK(disk.checkpoint_note == shipped().checkpoint_note);
}

TEST_CASE("guidelines: sets, reps and days match the clinical rules (ACSM)", "[guidelines]") {
  const Guidelines& g = shipped();
  const LevelRules& novice = g.for_level(Level::novice);
  const LevelRules& intermediate = g.for_level(Level::intermediate);
  const LevelRules& advanced = g.for_level(Level::advanced);

  // Novices: 1-3 sets of 8-12 reps, 2-3 days a week.
  CHECK(novice.sets == Range{1, 3});
  CHECK(novice.reps == Range{8, 12});
  CHECK(novice.strength_days == Range{2, 3});
  // Intermediate 3-4 days, advanced 4-5 days.
  CHECK(intermediate.strength_days == Range{3, 4});
  CHECK(advanced.strength_days == Range{4, 5});
  // ACSM 2011: 2-4 sets for trained people.
  for (const LevelRules* level : {&intermediate, &advanced}) {
    CHECK(level->sets.min >= 2);
    CHECK(level->sets.max <= 4);
  }
  // Rest between sets about 1-2 minutes.
  for (const Level level : kLevels) {
    INFO(name_of(level));
    CHECK(g.for_level(level).rest_seconds >= 60);
    CHECK(g.for_level(level).rest_seconds <= 120);
    CHECK(g.for_level(level).sets.min <= g.for_level(level).sets.max);
  }
  // Older adults, 65 and up: 10-15 reps.
  CHECK(g.older_age == 65);
  CHECK(g.older_reps == Range{10, 15});
  // Tempo 1-2 s up and 1-2 s down.
  CHECK(g.tempo_up_seconds == Range{1, 2});
  CHECK(g.tempo_down_seconds == Range{1, 2});
  // 6 days a week with 1 day of rest.
  CHECK(g.training_days == 6);
  CHECK(g.rest_days == 1);
  // Still in pain after 4 weeks: see a doctor.
  CHECK(g.checkpoint_week == 4);
  CHECK(g.checkpoint_note.find('4') != std::string::npos);
  CHECK(g.checkpoint_note.find("doctor") != std::string::npos);
  // The README's numbers: a set added every 2 weeks, 20 s between items.
  CHECK(g.weeks_per_added_set == 2);
  CHECK_FALSE(g.progression.empty());
  CHECK(g.transition_seconds == 20);
}

TEST_CASE("guidelines: every rule names its source", "[guidelines]") {
  const Guidelines& g = shipped();
  for (const Level level : kLevels) {
    INFO(name_of(level));
    CHECK_FALSE(g.for_level(level).source.empty());
  }
  CHECK_FALSE(g.older_source.empty());
  CHECK_FALSE(g.youth.source.empty());
  CHECK_FALSE(g.tempo_source.empty());
  CHECK_FALSE(g.progression_source.empty());
  CHECK_FALSE(g.schedule_source.empty());
  CHECK_FALSE(g.transition_source.empty());
  CHECK_FALSE(g.checkpoint_source.empty());
}

TEST_CASE("guidelines: each shipped pattern fits the week, the level's days and the 48-hour rule", "[guidelines]") {
  const Guidelines& g = shipped();
  for (const Level level : kLevels) {
    const LevelRules& rules = g.for_level(level);
    const std::string& pattern = rules.pattern;
    INFO(name_of(level) << " pattern " << pattern);
    CHECK(pattern.size() == static_cast<std::size_t>(g.training_days));
    CHECK(pattern.find_first_not_of("FAB-") == std::string::npos);
    const auto days = std::count_if(pattern.begin(), pattern.end(), [](char c) { return c != '-'; });
    CHECK(days >= rules.strength_days.min);
    CHECK(days <= rules.strength_days.max);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      INFO("letters " << i + 1 << " and " << (i + 1) % pattern.size() + 1);
      CHECK_FALSE(shares_work(pattern[i], pattern[(i + 1) % pattern.size()]));
    }
  }
}

TEST_CASE("guidelines: the unchanged shipped document parses (control)", "[guidelines][errors]") {
  CHECK(broken([](nlohmann::json&) {}).empty());
  // Valid alternatives are not refused either.
  CHECK(broken(set_pattern("novice", "-F-F-F")).empty());
  CHECK(broken(set_pattern("intermediate", "A-BA-B")).empty());
}

TEST_CASE("guidelines: a pattern whose neighbours share work is refused at its pointer", "[guidelines][errors]") {
  SECTION("F next to F") {
    const auto d = broken(set_pattern("novice", "FF----"));
    CHECK(places(d) == std::vector<std::string>{"/levels/novice/pattern"});
    REQUIRE_FALSE(d.empty());
    CHECK(d[0].message.find("48") != std::string::npos);
    CHECK(d[0].file == "g.json");
  }
  SECTION("A next to A across the end of the cycle") {
    const auto d = broken(set_pattern("intermediate", "A-B-BA"));
    CHECK(places(d) == std::vector<std::string>{"/levels/intermediate/pattern"});
  }
  SECTION("B next to B") {
    const auto d = broken(set_pattern("advanced", "ABBA-A"));
    CHECK(has_place(d, "/levels/advanced/pattern"));
    CHECK(places(d).size() == 1);
  }
  SECTION("F next to a half of the split") {
    const auto d = broken(set_pattern("intermediate", "FA-F--"));
    CHECK(places(d) == std::vector<std::string>{"/levels/intermediate/pattern"});
  }
}

TEST_CASE("guidelines: a pattern of the wrong length or with bad letters is refused", "[guidelines][errors]") {
  CHECK(places(broken(set_pattern("novice", "F-F-F"))) == std::vector<std::string>{"/levels/novice/pattern"});
  CHECK(places(broken(set_pattern("novice", "F-F-F--"))) == std::vector<std::string>{"/levels/novice/pattern"});
  CHECK(places(broken(set_pattern("novice", "F-X-F-"))) == std::vector<std::string>{"/levels/novice/pattern"});
  CHECK(places(broken(set_pattern("advanced", "abab a"))) == std::vector<std::string>{"/levels/advanced/pattern"});
}

TEST_CASE("guidelines: a pattern with a strength-day count outside strength_days is refused", "[guidelines][errors]") {
  // Too few: 1 day for novices (2-3), 3 for advanced (4-5).
  CHECK(places(broken(set_pattern("novice", "F-----"))) == std::vector<std::string>{"/levels/novice/pattern"});
  CHECK(places(broken(set_pattern("advanced", "A-B-A-"))) == std::vector<std::string>{"/levels/advanced/pattern"});
  // Too many: 5 days for intermediates (3-4).
  CHECK(places(broken(set_pattern("intermediate", "ABABA-"))) ==
        std::vector<std::string>{"/levels/intermediate/pattern"});
  // Changing strength_days instead of the pattern gives the same diagnostic.
  const auto d = broken([](nlohmann::json& doc) { doc["levels"]["novice"]["strength_days"] = {{"min", 2}, {"max", 2}}; });
  CHECK(places(d) == std::vector<std::string>{"/levels/novice/pattern"});
}

TEST_CASE("guidelines: a week must have exactly one rest day", "[guidelines][errors]") {
  SECTION("6 training days and 2 rest days do not make a week") {
    const auto d = broken([](nlohmann::json& doc) { doc["schedule"]["rest_days"] = 2; });
    CHECK(places(d) == std::vector<std::string>{"/schedule"});
  }
  SECTION("5 training days and 2 rest days: the rest day count is refused") {
    const auto d = broken([](nlohmann::json& doc) {
      doc["schedule"]["training_days"] = 5;
      doc["schedule"]["rest_days"] = 2;
    });
    CHECK(has_place(d, "/schedule/rest_days"));
  }
  SECTION("7 training days and no rest day") {
    const auto d = broken([](nlohmann::json& doc) {
      doc["schedule"]["training_days"] = 7;
      doc["schedule"]["rest_days"] = 0;
    });
    CHECK(has_place(d, "/schedule/rest_days"));
  }
}

TEST_CASE("guidelines: other broken values are refused at their pointer", "[guidelines][errors]") {
  CHECK(places(broken([](nlohmann::json& doc) { doc["levels"]["novice"]["sets"] = {{"min", 3}, {"max", 1}}; })) ==
        std::vector<std::string>{"/levels/novice/sets"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["older_adults"]["reps"]["max"] = 200; })) ==
        std::vector<std::string>{"/older_adults/reps/max"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["checkpoint"]["week"] = -1; })) ==
        std::vector<std::string>{"/checkpoint/week"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["progression"]["weeks_per_added_set"] = 1.5; })) ==
        std::vector<std::string>{"/progression/weeks_per_added_set"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["levels"].erase("advanced"); })) ==
        std::vector<std::string>{"/levels/advanced"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["tempo"]["source"] = ""; })) ==
        std::vector<std::string>{"/tempo/source"});
}

// Non-negative JSON integers are stored unsigned and compared in that type;
// a 0 once slipped past every lower bound of 1 that way. weeks_per_added_set 0
// then divided by zero in the planner (SIGFPE), and sets.min 0 planned 0-set exercises.
TEST_CASE("guidelines: a zero is refused where the minimum is 1", "[guidelines][errors]") {
  CHECK(places(broken([](nlohmann::json& doc) { doc["progression"]["weeks_per_added_set"] = 0; })) ==
        std::vector<std::string>{"/progression/weeks_per_added_set"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["checkpoint"]["week"] = 0; })) ==
        std::vector<std::string>{"/checkpoint/week"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["levels"]["novice"]["sets"]["min"] = 0; })) ==
        std::vector<std::string>{"/levels/novice/sets/min"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["older_adults"]["reps"]["max"] = 0; })) ==
        std::vector<std::string>{"/older_adults/reps/max"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["tempo"]["up_seconds"]["min"] = 0; })) ==
        std::vector<std::string>{"/tempo/up_seconds/min"});
}

TEST_CASE("guidelines: the rung rules, the 2-for-2 numbers and the shortest hold match the clinical rules",
          "[guidelines]") {
  const Guidelines& g = shipped();
  // NSCA 2-for-2: two reps over, two sessions in a row.
  CHECK(g.reps_over == 2);
  CHECK(g.sessions_in_a_row == 2);
  // Supported start: 65 and over, youth, arthritis, pain of 4 or more.
  CHECK(g.supported_start.age_at_least == 65);
  CHECK(g.supported_start.age_below == 18);
  CHECK(g.supported_start.pain_at_least == 4);
  CHECK(g.supported_start.causes == std::vector<Cause>{Cause::arthritis});
  // No impact: 65 and over, children, any pain (above 0), and conservatively arthritis and obesity.
  CHECK(g.no_impact.age_at_least == 65);
  CHECK(g.no_impact.age_below == 18);
  CHECK(g.no_impact.pain_at_least == 1);
  CHECK(g.no_impact.bmi_at_least == 30.0);
  CHECK(g.no_impact.causes == std::vector<Cause>{Cause::arthritis});
  CHECK_FALSE(g.supported_start.source.empty());
  CHECK_FALSE(g.no_impact.source.empty());
  // [001]: hold each stretch at least 2 minutes, whatever the time budget.
  CHECK(g.shortest_hold_seconds == 120);
  CHECK_FALSE(g.shortest_hold_source.empty());
  // The progression is bodyweight: harder versions, not percentage loads.
  CHECK(g.progression.find('%') == std::string::npos);
  CHECK(g.progression.find("weight") != std::string::npos);  // "not extra weight"
}

TEST_CASE("guidelines: broken rung rules and time budget are refused at their pointer", "[guidelines][errors]") {
  CHECK(places(broken([](nlohmann::json& doc) { doc.erase("rungs"); })) == std::vector<std::string>{"/rungs"});
  CHECK(places(broken([](nlohmann::json& doc) { doc.erase("time_budget"); })) == std::vector<std::string>{"/time_budget"});
  CHECK(places(broken([](nlohmann::json& doc) {
          doc["rungs"]["no_impact"] = {{"source", "s"}};
        })) == std::vector<std::string>{"/rungs/no_impact"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["rungs"]["supported_start"]["causes"] = {"arthritis", "gout"}; })) ==
        std::vector<std::string>{"/rungs/supported_start/causes/1"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["rungs"]["no_impact"]["pain_at_least"] = 11; })) ==
        std::vector<std::string>{"/rungs/no_impact/pain_at_least"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["rungs"]["no_impact"]["weight"] = 1; })) ==
        std::vector<std::string>{"/rungs/no_impact/weight"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["time_budget"]["shortest_hold_seconds"] = 0; })) ==
        std::vector<std::string>{"/time_budget/shortest_hold_seconds"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["progression"]["reps_over"] = 0; })) ==
        std::vector<std::string>{"/progression/reps_over"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["progression"].erase("sessions_in_a_row"); })) ==
        std::vector<std::string>{"/progression/sessions_in_a_row"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["format"] = "kneeplan.guidelines/1"; })) ==
        std::vector<std::string>{"/format"});
}

TEST_CASE("guidelines: the youth table is NSCA 2009 youth dosing, with its source", "[guidelines]") {
  const Guidelines& g = shipped();
  const LevelRules& youth = g.youth;
  // 1-3 sets of 6-15 repetitions, 2-3 non-consecutive days a week.
  CHECK(youth.sets == Range{1, 3});
  CHECK(youth.reps == Range{6, 15});
  CHECK(youth.strength_days.min >= 2);
  CHECK(youth.strength_days.max <= 3);
  const std::string& pattern = youth.pattern;
  REQUIRE(pattern.size() == static_cast<std::size_t>(g.training_days));
  const auto days = std::count(pattern.begin(), pattern.end(), 'F');
  CHECK(days >= youth.strength_days.min);
  CHECK(days <= youth.strength_days.max);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    INFO("letters " << i + 1 << " and " << (i + 1) % pattern.size() + 1);
    CHECK_FALSE(shares_work(pattern[i], pattern[(i + 1) % pattern.size()]));
  }
  CHECK(youth.source.find("NSCA") != std::string::npos);
  CHECK(youth.source.find("2009") != std::string::npos);
  // A comfortable stretch, never "into discomfort" as the adult cue asks.
  CHECK(g.youth_stretch_cue.find("comfortable") != std::string::npos);
  CHECK(g.youth_stretch_cue.find("never into discomfort") != std::string::npos);
  CHECK_FALSE(g.youth_progression.empty());
  // The stop note says what to do next, with the weeks done filled in by the planner.
  CHECK(g.checkpoint_stop_note.find("{weeks_done}") != std::string::npos);
  CHECK(g.checkpoint_stop_note.find("doctor") != std::string::npos);

  const Guidelines disk = parse_guidelines(shipped_text(), "guidelines.json");
  CHECK(disk.youth.reps == youth.reps);
  CHECK(disk.youth.pattern == youth.pattern);
  CHECK(disk.checkpoint_stop_note == g.checkpoint_stop_note);
}

TEST_CASE("guidelines: a broken youth table or stop note is refused at its pointer", "[guidelines][errors]") {
  CHECK(places(broken([](nlohmann::json& doc) { doc["youth"]["pattern"] = "FF----"; })) ==
        std::vector<std::string>{"/youth/pattern"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["youth"]["reps"] = {{"min", 15}, {"max", 6}}; })) ==
        std::vector<std::string>{"/youth/reps"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["youth"].erase("stretch_cue"); })) ==
        std::vector<std::string>{"/youth/stretch_cue"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["youth"]["warm_up"] = 5; })) ==
        std::vector<std::string>{"/youth/warm_up"});
  CHECK(places(broken([](nlohmann::json& doc) { doc.erase("youth"); })) == std::vector<std::string>{"/youth"});
  CHECK(places(broken([](nlohmann::json& doc) { doc["checkpoint"].erase("stop_note"); })) ==
        std::vector<std::string>{"/checkpoint/stop_note"});
}
