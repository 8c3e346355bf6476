// The shipped catalogue (the exercises of the source texts), Catalogue's
// look-ups, and a few focused parse errors with their exact JSON pointers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "kneeplan/io/load.hpp"
#include "data.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/io/diagnostics.hpp"

using namespace kneeplan;
using kneeplan::test::builtin_catalogue;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool any_contains(const std::vector<std::string>& texts, const std::string& part) {
  return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return contains(t, part); });
}

bool is_kebab_case(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || contains(id, "--")) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

const Exercise& exercise(const std::string& id) {
  const Exercise* found = builtin_catalogue().find(id);
  INFO("exercise " << id);
  REQUIRE(found != nullptr);
  return *found;
}

// A minimal valid exercise of each category, for building bad catalogues.
nlohmann::json strength(const std::string& id) {
  return {{"id", id},
          {"name", "Exercise " + id},
          {"category", "strength"},
          {"targets", {"quadriceps"}},
          {"equipment", nlohmann::json::array()},
          {"laterality", "per_side"},
          {"dose", {{"reps", {{"min", 8}, {"max", 12}}}}},
          {"steps", {"Do it."}},
          {"cues", {"Knee over the foot."}},
          {"alternatives", nlohmann::json::array()},
          {"source", "test"}};
}

nlohmann::json stretch(const std::string& id) {
  nlohmann::json e = strength(id);
  e["category"] = "stretch";
  e["dose"] = {{"hold_seconds", {{"min", 120}, {"max", 150}}}};
  return e;
}

std::string catalogue_text(const std::vector<nlohmann::json>& exercises) {
  return nlohmann::json{{"format", "kneeplan.catalogue/1"}, {"exercises", exercises}}.dump(2);
}

// The diagnostics parse_catalogue reports for `text`; fails the test if it accepts it.
std::vector<Diagnostic> errors_of(const std::string& text) {
  try {
    parse_catalogue(text, "bad.json");
  } catch (const DataError& error) {
    for (const auto& d : error.diagnostics()) CHECK(d.file == "bad.json");
    return error.diagnostics();
  }
  FAIL("parse_catalogue accepted a bad catalogue:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("catalogue: the shipped routine is the nine exercises of the source texts and a warm-up", "[catalogue]") {
  const Catalogue& catalogue = builtin_catalogue();
  auto ids_of = [&](Category category, Role role) {
    std::vector<std::string> ids;
    for (const auto& e : catalogue.exercises) {
      if (e.category == category && e.role == role) ids.push_back(e.id);
    }
    return ids;
  };
  CHECK(ids_of(Category::warm_up, Role::routine) == std::vector<std::string>{"warm-up"});
  CHECK(ids_of(Category::strength, Role::routine) ==
        std::vector<std::string>{"side-step-up", "stationary-lunge", "single-leg-bridge", "side-plank"});
  CHECK(ids_of(Category::stretch, Role::routine) ==
        std::vector<std::string>{"leg-muscles-stretch", "thigh-stretch", "buttock-thigh-stretch"});
  CHECK(ids_of(Category::foam_roll, Role::routine) == std::vector<std::string>{"thigh-foam-roll"});
  CHECK(ids_of(Category::foam_roll, Role::alternative) == std::vector<std::string>{"wall-foam-roll"});
  // Everything else is a rung of a strength exercise's ladder.
  for (const auto& e : catalogue.exercises) {
    if (e.role != Role::variant) continue;
    INFO("exercise " << e.id);
    CHECK(e.category == Category::strength);
  }
}

TEST_CASE("catalogue: every shipped exercise has the required fields", "[catalogue]") {
  const Catalogue& catalogue = builtin_catalogue();
  for (const auto& e : catalogue.exercises) {
    INFO("exercise " << e.id);
    CHECK(is_kebab_case(e.id));
    CHECK_FALSE(e.name.empty());
    CHECK_FALSE(e.targets.empty());
    CHECK_FALSE(e.steps.empty());
    for (const auto& step : e.steps) CHECK_FALSE(step.empty());
    CHECK_FALSE(e.cues.empty());
    for (const auto& cue : e.cues) CHECK_FALSE(cue.empty());
    CHECK_FALSE(e.source.empty());
    for (const auto& item : e.equipment) {
      INFO("equipment " << item);
      CHECK(std::find(kEquipment.begin(), kEquipment.end(), item) != kEquipment.end());
    }
    CHECK(std::set<std::string>(e.equipment.begin(), e.equipment.end()).size() == e.equipment.size());
    // Strength work is ordered compound before isolation; the rest has no mechanic.
    if (e.category == Category::strength) {
      CHECK(e.mechanic != Mechanic::unspecified);
      CHECK(e.reps.min >= 1);
      CHECK(e.reps.min <= e.reps.max);
    } else {
      CHECK(e.mechanic == Mechanic::unspecified);
    }
  }
}

TEST_CASE("catalogue: stretches hold 120 to 150 s, foam rolls are 3 named passes of 60 s", "[catalogue]") {
  for (const auto& e : builtin_catalogue().exercises) {
    INFO("exercise " << e.id);
    if (e.category == Category::stretch) {
      CHECK(e.hold_seconds == Range{120, 150});
      CHECK(e.passes.empty());
    }
    if (e.category == Category::foam_roll) {
      REQUIRE(e.passes.size() == 3);
      std::set<std::string> areas;
      for (const auto& pass : e.passes) {
        CHECK(pass.seconds == 60);
        CHECK_FALSE(pass.area.empty());
        CHECK(contains(pass.area, "thigh"));
        areas.insert(pass.area);
      }
      CHECK(areas.size() == 3);
      CHECK(contains(e.passes.front().area, "outer side"));
      CHECK(contains(e.passes.back().area, "front"));
    }
  }
}

TEST_CASE("catalogue: the key cues say what the sources stress", "[catalogue]") {
  // [000]: the knee must not pass the toes in step-ups and lunges.
  CHECK(any_contains(exercise("side-step-up").cues, "toes"));
  CHECK(any_contains(exercise("stationary-lunge").cues, "toes"));
  // [001]: stretch and roll only as hard as calm breathing allows.
  for (const auto& e : builtin_catalogue().exercises) {
    if (e.category == Category::strength) continue;
    INFO("exercise " << e.id);
    CHECK(any_contains(e.cues, "breath"));
  }
}

TEST_CASE("catalogue: alternatives resolve and the wall foam roll only stands in", "[catalogue]") {
  const Catalogue& catalogue = builtin_catalogue();
  for (const auto& e : catalogue.exercises) {
    for (const auto& id : e.alternatives) {
      INFO(e.id << " -> " << id);
      const Exercise* alternative = catalogue.find(id);
      REQUIRE(alternative != nullptr);
      CHECK(alternative->id != e.id);
      CHECK(alternative->category == e.category);
    }
  }
  CHECK(exercise("side-step-up").alternatives == std::vector<std::string>{"stationary-lunge"});
  CHECK(exercise("thigh-foam-roll").alternatives == std::vector<std::string>{"wall-foam-roll"});
  CHECK(exercise("wall-foam-roll").role == Role::alternative);
  for (const auto& e : catalogue.exercises) {
    if (e.id == "wall-foam-roll" || e.role == Role::variant) continue;
    INFO("exercise " << e.id);
    CHECK(e.role == Role::routine);
  }
}

TEST_CASE("catalogue: Catalogue::find and ids", "[catalogue]") {
  const Catalogue& catalogue = builtin_catalogue();
  const Exercise* plank = catalogue.find("side-plank");
  REQUIRE(plank != nullptr);
  CHECK(plank->name == "Side plank");
  CHECK(plank->id == "side-plank");
  CHECK(plank >= catalogue.exercises.data());
  CHECK(plank < catalogue.exercises.data() + catalogue.exercises.size());
  CHECK(catalogue.find("side-plnk") == nullptr);
  CHECK(catalogue.find("Side-Plank") == nullptr);
  CHECK(catalogue.find("") == nullptr);
  CHECK(catalogue.ids().size() == catalogue.exercises.size());

  const Catalogue empty;
  CHECK(empty.find("side-plank") == nullptr);
  CHECK(empty.ids().empty());
}

TEST_CASE("catalogue: a duplicate id names both places", "[catalogue][errors]") {
  const auto errors = errors_of(catalogue_text({strength("side-plank"), stretch("thigh-stretch"), strength("side-plank")}));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].place == "/exercises/2/id");
  CHECK(errors[0].message == "duplicate id \"side-plank\"; first used at /exercises/0/id");
}

TEST_CASE("catalogue: an unknown alternative is reported with a did-you-mean", "[catalogue][errors]") {
  nlohmann::json lunge = strength("stationary-lunge");
  lunge["alternatives"] = {"side-plank", "side-plnk"};
  const auto errors = errors_of(catalogue_text({strength("side-plank"), lunge}));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].place == "/exercises/1/alternatives/1");
  CHECK(errors[0].message == "unknown exercise id \"side-plnk\"; did you mean \"side-plank\"?");
}

TEST_CASE("catalogue: an exercise cannot be its own alternative", "[catalogue][errors]") {
  nlohmann::json plank = strength("side-plank");
  plank["alternatives"] = {"side-plank"};
  const auto errors = errors_of(catalogue_text({plank}));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].place == "/exercises/0/alternatives/0");
  CHECK(contains(errors[0].message, "own alternative"));
}

TEST_CASE("catalogue: a dose that does not fit the category names the category's dose", "[catalogue][errors]") {
  nlohmann::json plank = strength("side-plank");
  plank["dose"] = {{"hold_seconds", {{"min", 30}, {"max", 60}}}};
  const auto errors = errors_of(catalogue_text({plank}));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].place == "/exercises/0/dose/hold_seconds");
  CHECK(errors[0].message == "a strength exercise is dosed in \"reps\", found \"hold_seconds\"");
}

TEST_CASE("catalogue: every problem is reported, not just the first", "[catalogue][errors]") {
  nlohmann::json bad_id = strength("Side_Plank");
  nlohmann::json bad_equipment = stretch("thigh-stretch");
  bad_equipment["equipment"] = {"chair", "barbell"};
  bad_equipment["cue"] = "typo for cues";
  nlohmann::json no_steps = strength("side-step-up");
  no_steps.erase("steps");
  no_steps["alternatives"] = {"lunge-typo-that-matches-nothing"};

  const auto errors = errors_of(catalogue_text({bad_id, bad_equipment, no_steps}));
  std::vector<std::string> places;
  for (const auto& d : errors) places.push_back(d.place);
  CHECK(places == std::vector<std::string>{"/exercises/0/id", "/exercises/1/cue", "/exercises/1/equipment/1",
                                           "/exercises/2/steps", "/exercises/2/alternatives/0"});
  REQUIRE(errors.size() == 5);
  CHECK(contains(errors[0].message, "kebab-case"));
  CHECK(contains(errors[1].message, "did you mean \"cues\""));
  CHECK(contains(errors[2].message, "\"barbell\""));
  CHECK(errors[3].message == "missing required field");
  CHECK(contains(errors[4].message, "unknown exercise id"));
  CHECK_FALSE(contains(errors[4].message, "did you mean"));
}
