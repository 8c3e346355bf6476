// The planner at the limits of its inputs: durations that do not overflow,
// plans refused before they grow past kMaxItemsPerDay or kMaxPlanBytes (and
// the byte bound holding for every renderer), the muscle-group split, and the
// catalogue's id index.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/ladders.hpp"
#include "kneeplan/core/plan_limits.hpp"
#include "kneeplan/core/planner.hpp"
#include "kneeplan/core/safety.hpp"
#include "kneeplan/core/text.hpp"
#include "kneeplan/io/load.hpp"
#include "kneeplan/render/render.hpp"

using namespace kneeplan;

namespace {

const std::chrono::sys_days kMonday{std::chrono::year{2026} / std::chrono::November / 23};

PlanOptions weeks(int count) {
  PlanOptions options;
  options.weeks = count;
  options.start = kMonday;
  return options;
}

Exercise strength(const std::string& id, std::vector<std::string> targets) {
  Exercise e;
  e.id = id;
  e.name = id;
  e.category = Category::strength;
  e.laterality = Laterality::per_side;
  e.targets = std::move(targets);
  e.reps = {8, 12};
  e.steps = {"Do it."};
  e.cues = {"Carefully."};
  e.source = "test";
  return e;
}

Exercise stretch(const std::string& id, std::string cue = "Gently.") {
  Exercise e = strength(id, {"calves"});
  e.category = Category::stretch;
  e.reps = {};
  e.hold_seconds = {30, 40};
  e.cues = {std::move(cue)};
  return e;
}

Catalogue catalogue_of(std::vector<Exercise> exercises) {
  Catalogue catalogue;
  catalogue.exercises = std::move(exercises);
  catalogue.reindex();
  return catalogue;
}

// The built-in guidelines with every number the loader allows at its largest.
Guidelines at_maxima() {
  Guidelines g = test::builtin_guidelines();
  for (auto& level : g.levels) {
    level.sets = {20, 20};
    level.reps = {100, 100};
    level.rest_seconds = 3600;
  }
  g.older_reps = {100, 100};
  g.tempo_up_seconds = {60, 60};
  g.tempo_down_seconds = {60, 60};
  g.transition_seconds = 3600;
  return g;
}

Profile adult(Level level = Level::novice) {
  Profile p;
  p.age = 40;
  p.level = level;
  return p;
}

std::size_t most_items(const Plan& plan) {
  std::size_t most = 0;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) most = std::max(most, day.items.size());
  }
  return most;
}

}  // namespace

TEST_CASE("limits: durations are exact at the limits of the inputs", "[planner][limits]") {
  const Guidelines& g = test::builtin_guidelines();
  SECTION("one foam roll of 320,000 passes of an hour, on both legs") {
    Item roll;
    roll.category = Category::foam_roll;
    roll.sets = 1;
    roll.passes.assign(320'000, Pass{"thigh", 3600});
    roll.sides = {Side::left, Side::right};
    const std::int64_t seconds = item_seconds(roll, g);
    CHECK(seconds == std::int64_t{320'000} * 3600 * 2 + g.transition_seconds);
    CHECK(seconds > INT_MAX);  // more than an int holds: it must not wrap to a negative time
  }
  SECTION("a strength item at the guidelines' maxima") {
    const Guidelines top = at_maxima();
    Item item;
    item.category = Category::strength;
    item.sets = 20;
    item.reps = {100, 100};
    item.rest_seconds = 3600;
    item.sides = {Side::left, Side::right};
    CHECK(item_seconds(item, top) == 20 * 2 * 100 * (60 + 60) + 19 * 3600 + 3600);
  }
  SECTION("a full day at the guidelines' maxima") {
    // kMaxItemsPerDay strength exercises, every one of them on every strength day.
    std::vector<Exercise> exercises;
    for (std::size_t i = 0; i < kMaxItemsPerDay; ++i) exercises.push_back(strength("s" + std::to_string(i), {"quads"}));
    const Guidelines top = at_maxima();
    Profile p = adult();
    p.weeks_done = 520;  // the top of the set range from the first week
    const Plan plan = build_plan(catalogue_of(exercises), top, p, weeks(1));
    const std::int64_t item = 20 * 2 * 100 * (60 + 60) + 19 * 3600 + 3600;
    const std::int64_t day = static_cast<std::int64_t>(kMaxItemsPerDay) * item +
                             static_cast<std::int64_t>(kMaxItemsPerDay - 1) * 3600;
    bool seen = false;
    for (const auto& d : plan.weeks.front().days) {
      if (d.items.size() != kMaxItemsPerDay) continue;
      seen = true;
      CHECK(d.minutes == (day + 59) / 60);
    }
    CHECK(seen);
  }
}

TEST_CASE("limits: 4,000 strength exercises at the guidelines' maxima are refused, not planned", "[planner][limits]") {
  std::vector<Exercise> exercises;
  for (int i = 0; i < 4000; ++i) exercises.push_back(strength("s" + std::to_string(i), {"quads"}));
  const Catalogue catalogue = catalogue_of(exercises);
  CHECK_THROWS_AS(build_plan(catalogue, at_maxima(), adult(), weeks(1)), PlanTooLarge);
  CHECK_THROWS_WITH(build_plan(catalogue, at_maxima(), adult(), weeks(1)),
                    Catch::Contains("a training day would hold 4000 exercises"));
}

TEST_CASE("limits: the items a day may hold count the split", "[planner][limits]") {
  // Twice the limit, each exercise on a muscle of its own: a split halves them.
  std::vector<Exercise> exercises;
  for (std::size_t i = 0; i < 2 * kMaxItemsPerDay; ++i) {
    exercises.push_back(strength("s" + std::to_string(i), {"muscle-" + std::to_string(i)}));
  }
  const Catalogue catalogue = catalogue_of(exercises);
  const Guidelines& g = test::builtin_guidelines();
  const Plan split = build_plan(catalogue, g, adult(Level::intermediate), weeks(1));  // AB-AB-
  CHECK(most_items(split) == kMaxItemsPerDay);
  CHECK_THROWS_AS(build_plan(catalogue, g, adult(Level::novice), weeks(1)), PlanTooLarge);  // F-F-F-

  exercises.push_back(stretch("one-more"));  // every day: one past the limit on split days too
  CHECK_THROWS_AS(build_plan(catalogue_of(exercises), g, adult(Level::intermediate), weeks(1)), PlanTooLarge);
}

TEST_CASE("limits: the size bound holds for every renderer", "[planner][limits][render]") {
  // The built-in routine plus a stretch, a foam roll and a warning whose
  // texts are `unit` repeated: words to wrap; what Markdown escapes most
  // (&amp;); what JSON and text escape most (\u0001); a three-byte character
  // they escape (\u202e).
  const Guidelines& g = test::builtin_guidelines();
  for (const std::string unit : {"a ", "&", "\x01", "\xE2\x80\xAE"}) {
    for (const std::size_t count : {std::size_t{1}, std::size_t{100}, std::size_t{1500}}) {
      INFO("texts of " << count << " x \"" << printable(unit) << "\"");
      std::string text;
      for (std::size_t i = 0; i < count; ++i) text += unit;
      Catalogue catalogue = test::builtin_catalogue();
      catalogue.exercises.push_back(stretch("wordy", text));
      catalogue.exercises.back().name = text;
      Exercise roll = catalogue.exercises.back();
      roll.id = "rolling";
      roll.category = Category::foam_roll;
      roll.passes = {{text, 60}, {"calf", 30}};
      catalogue.exercises.push_back(roll);
      catalogue.reindex();
      Profile person = adult();
      person.side = Side::left;
      std::vector<Finding> warnings = screen(test::builtin_safety(), person);
      warnings.push_back({"wordy-warning", Severity::caution, text, text, false});
      const Plan plan = build_plan(catalogue, g, person, weeks(52), warnings);

      // What the planner measured: the exercises the days hold (all
      // equipment), strength every strength day, and in full each exercise
      // the plan shows with every rung of its ladder.
      const Ladders ladders(catalogue);
      std::vector<const Exercise*> chosen;
      std::vector<const Exercise*> described;
      std::set<const Exercise*> seen;
      std::size_t strength_count = 0;
      for (const auto& shown : plan.exercises) {
        const Exercise* e = catalogue.find(shown.exercise.id);
        REQUIRE(e != nullptr);
        if (shown.planned) {
          chosen.push_back(e);
          if (e->category == Category::strength) ++strength_count;
        }
        for (const Exercise* rung : ladders.ladder_of(*e).rungs) {
          if (seen.insert(rung).second) described.push_back(rung);
        }
      }
      const PlanSize size = estimate_plan_size(chosen, std::vector<char>(strength_count, 'A'), described,
                                               g.for_level(Level::novice).pattern, plan.options, plan, g.checkpoint_note);
      CHECK(size.most_items_per_day == most_items(plan));
      const std::size_t largest = std::max({render_json(plan, "kneeplan test").size(),
                                            render_text(plan, Style{true}).size(), render_markdown(plan, catalogue).size(),
                                            render_html(plan, catalogue, "kneeplan test").size()});
      CHECK(largest <= size.bytes);
      CHECK(size.bytes < 8 * largest);  // a bound, not a wild guess
    }
  }
}

TEST_CASE("limits: the split keeps muscle groups together and balances the halves", "[planner][split]") {
  // A reference split: groups by shared targets (any chain), each given, in
  // order of its first exercise, to the half with fewer exercises so far.
  const auto reference = [](const std::vector<Exercise>& strength_work) {
    const std::size_t n = strength_work.size();
    std::vector<std::size_t> group(n);
    std::iota(group.begin(), group.end(), std::size_t{0});
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          const auto& a = strength_work[i].targets;
          const auto& b = strength_work[j].targets;
          const bool shared = std::any_of(a.begin(), a.end(), [&](const auto& t) {
            return std::find(b.begin(), b.end(), t) != b.end();
          });
          if (shared && group[j] > group[i]) {
            group[j] = group[i];
            changed = true;
          }
        }
      }
    }
    std::map<std::size_t, char> letter;
    std::size_t a = 0;
    std::size_t b = 0;
    std::map<std::string, char> out;
    for (std::size_t i = 0; i < n; ++i) {
      if (!letter.contains(group[i])) {
        const auto size = static_cast<std::size_t>(std::count(group.begin(), group.end(), group[i]));
        letter[group[i]] = a <= b ? 'A' : 'B';
        (letter[group[i]] == 'A' ? a : b) += size;
      }
      out[strength_work[i].id] = letter[group[i]];
    }
    return out;
  };

  std::mt19937 random(20261123);  // fixed: the same catalogues every run
  for (int round = 0; round < 30; ++round) {
    INFO("round " << round);
    std::vector<Exercise> exercises;
    std::uniform_int_distribution<int> muscles(0, 14);
    std::uniform_int_distribution<int> count(1, 3);
    for (int i = 0; i < 40; ++i) {
      std::vector<std::string> targets;
      for (int k = count(random); k > 0; --k) {
        const std::string muscle = "m" + std::to_string(muscles(random));
        if (std::find(targets.begin(), targets.end(), muscle) == targets.end()) targets.push_back(muscle);
      }
      exercises.push_back(strength("s" + std::to_string(i), targets));
    }
    const auto expected = reference(exercises);
    const bool two_halves = std::any_of(expected.begin(), expected.end(), [](const auto& e) { return e.second == 'B'; });
    if (!two_halves) continue;  // one group: the planner uses no split at all
    // Intermediate: AB-AB-, so Monday is an A day and Tuesday a B day.
    const Plan plan = build_plan(catalogue_of(exercises), test::builtin_guidelines(), adult(Level::intermediate), weeks(1));
    std::map<std::string, char> planned;
    for (const char letter : {'A', 'B'}) {
      const Day& day = plan.weeks.front().days[letter == 'A' ? 0 : 1];
      for (const auto& item : day.items) planned[item.exercise] = letter;
    }
    CHECK(planned == expected);
  }
}

TEST_CASE("limits: Catalogue::find uses its index, and searches when the list changed", "[catalogue][limits]") {
  nlohmann::json doc{{"format", "kneeplan.catalogue/1"}, {"exercises", nlohmann::json::array()}};
  for (int i = 999; i >= 0; --i) {  // ids out of order
    doc["exercises"].push_back({{"id", "exercise-" + std::to_string(i)},
                                {"name", "E"},
                                {"category", "stretch"},
                                {"targets", {"calves"}},
                                {"equipment", nlohmann::json::array()},
                                {"laterality", "bilateral"},
                                {"dose", {{"hold_seconds", {{"min", 30}, {"max", 40}}}}},
                                {"steps", {"Hold."}},
                                {"cues", nlohmann::json::array()},
                                {"alternatives", nlohmann::json::array()},
                                {"source", "test"}});
  }
  Catalogue catalogue = parse_catalogue(doc.dump(), "test");
  for (int i = 0; i < 1000; ++i) {
    const std::string id = "exercise-" + std::to_string(i);
    const Exercise* found = catalogue.find(id);
    REQUIRE(found != nullptr);
    CHECK(found->id == id);
    CHECK(found == &catalogue.exercises[static_cast<std::size_t>(999 - i)]);
  }
  CHECK(catalogue.find("exercise-1000") == nullptr);
  CHECK(catalogue.find("exercise-") == nullptr);
  CHECK(catalogue.find("") == nullptr);

  catalogue.exercises.push_back(stretch("added-later"));
  CHECK(catalogue.find("added-later") == &catalogue.exercises.back());
  catalogue.reindex();
  CHECK(catalogue.find("added-later") == &catalogue.exercises.back());
  CHECK(catalogue.find("exercise-500") != nullptr);
}
