// Ladders: the shipped rungs against the clinical rules, the loader's ladder
// checks, and the pure look-ups (ladder, neighbours, starting rung, next rung).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/ladders.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/load.hpp"

using namespace kneeplan;
using nlohmann::json;

namespace {

const Catalogue& catalogue() { return test::builtin_catalogue(); }
const Guidelines& gl() { return test::builtin_guidelines(); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const Exercise& exercise(const std::string& id) {
  const Exercise* found = catalogue().find(id);
  INFO("exercise " << id);
  REQUIRE(found != nullptr);
  return *found;
}

std::vector<std::string> ids(const Ladder& ladder) {
  std::vector<std::string> out;
  for (const Exercise* rung : ladder.rungs) out.push_back(rung->id);
  return out;
}

// A minimal strength exercise for building catalogues.
json strength(const std::string& id, const std::string& role = "routine") {
  return {{"id", id},
          {"name", "Exercise " + id},
          {"category", "strength"},
          {"role", role},
          {"targets", {"quadriceps"}},
          {"equipment", json::array()},
          {"laterality", "per_side"},
          {"dose", {{"reps", {{"min", 8}, {"max", 12}}}}},
          {"steps", {"Do it."}},
          {"cues", {"Knee over the foot."}},
          {"alternatives", json::array()},
          {"source", "test"}};
}

json with(json e, const std::string& key, json value) {
  e[key] = std::move(value);
  return e;
}

std::string catalogue_text(const std::vector<json>& exercises) {
  return json{{"format", "kneeplan.catalogue/1"}, {"exercises", exercises}}.dump(2);
}

std::vector<Diagnostic> errors_of(const std::vector<json>& exercises) {
  try {
    parse_catalogue(catalogue_text(exercises), "bad.json");
  } catch (const DataError& error) {
    return error.diagnostics();
  }
  FAIL("parse_catalogue accepted a bad catalogue:\n" << catalogue_text(exercises));
  return {};
}

// One diagnostic, at `place`, whose message contains `words`.
void one_error(const std::vector<json>& exercises, const std::string& place, const std::string& words) {
  const auto errors = errors_of(exercises);
  INFO(catalogue_text(exercises));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].place == place);
  INFO(errors[0].message);
  CHECK(contains(errors[0].message, words));
}

Profile person(std::optional<int> age, int pain = 0, Cause cause = Cause::none) {
  Profile p;
  p.age = age;
  p.pain = pain;
  p.cause = cause;
  return p;
}

}  // namespace

// ---------------------------------------------------------------- shipped

TEST_CASE("ladders: each routine strength exercise has an easier rung below and a harder one above", "[ladders]") {
  const Ladders ladders(catalogue());
  int checked = 0;
  for (const auto& e : catalogue().exercises) {
    if (e.category != Category::strength || e.role != Role::routine) continue;
    ++checked;
    INFO("ladder " << e.id);
    const Ladder ladder = ladders.ladder_of(e);
    CHECK(ladder.id() == e.id);
    CHECK(ladder.rungs[ladder.source] == &e);
    CHECK(ladder.source >= 1);                           // an easier rung below
    CHECK(ladder.source + 1 < ladder.rungs.size());      // a harder rung above
    std::set<std::string> steps_seen;
    for (const Exercise* rung : ladder.rungs) {
      INFO("rung " << rung->id);
      // Each rung is its own exercise: its own steps, cues, equipment and source.
      CHECK(rung->category == Category::strength);
      CHECK(rung->role == (rung == &e ? Role::routine : Role::variant));
      CHECK_FALSE(rung->steps.empty());
      CHECK_FALSE(rung->cues.empty());
      CHECK_FALSE(rung->source.empty());
      CHECK_FALSE(rung->muscle_groups.empty());
      std::string all_steps;
      for (const auto& step : rung->steps) all_steps += step + "\n";
      CHECK(steps_seen.insert(all_steps).second);
      // The same ladder, whichever rung it is found from.
      CHECK(ids(ladders.ladder_of(*rung)) == ids(ladder));
    }
    // Impact work only at the top.
    bool impact_seen = false;
    for (const Exercise* rung : ladder.rungs) {
      if (impact_seen) CHECK(rung->impact);
      impact_seen = impact_seen || rung->impact;
    }
    CHECK_FALSE(ladder.rungs[ladder.source]->impact);
    CHECK_FALSE(ladder.rungs[ladder.source - 1]->impact);
  }
  CHECK(checked == 4);
}

TEST_CASE("ladders: the shipped rungs are the ones the clinical rules describe", "[ladders]") {
  const Ladders ladders(catalogue());
  CHECK(ids(ladders.ladder_of(exercise("side-plank"))) ==
        std::vector<std::string>{"side-plank-from-knees", "side-plank", "side-plank-leg-lift"});
  CHECK(ids(ladders.ladder_of(exercise("single-leg-bridge"))) ==
        std::vector<std::string>{"two-leg-bridge", "single-leg-bridge", "single-leg-bridge-hold"});
  CHECK(ids(ladders.ladder_of(exercise("side-step-up"))) ==
        std::vector<std::string>{"supported-step-up", "side-step-up", "slow-side-step-up", "side-hops"});
  CHECK(ids(ladders.ladder_of(exercise("stationary-lunge"))) ==
        std::vector<std::string>{"supported-split-squat", "stationary-lunge", "slow-lunge", "forward-hops"});
  // The dynamic work of [000] comes last and is marked as impact.
  CHECK(exercise("side-hops").impact);
  CHECK(exercise("forward-hops").impact);
  for (const auto& e : catalogue().exercises) {
    if (e.id != "side-hops" && e.id != "forward-hops") CHECK_FALSE(e.impact);
  }
  // The supported rungs hold on to something or shorten the lever.
  CHECK(contains(exercise("supported-step-up").steps[1], "hand"));
  CHECK(contains(exercise("supported-split-squat").steps[0], "chair"));
  CHECK(contains(exercise("side-plank-from-knees").steps[0], "knees bent"));
  CHECK(exercise("two-leg-bridge").laterality == Laterality::bilateral);
  // Knee alignment in every standing rung [000].
  for (const char* id : {"supported-step-up", "side-step-up", "slow-side-step-up", "supported-split-squat",
                         "stationary-lunge", "slow-lunge"}) {
    INFO(id);
    CHECK(contains(exercise(id).cues.front(), "toes"));
  }
  for (const char* id : {"side-hops", "forward-hops"}) {
    INFO(id);
    CHECK(contains(exercise(id).cues.front(), "caving in"));
  }
}

TEST_CASE("ladders: muscle groups follow the EMG figures, so the hip and thigh work is linked", "[ladders]") {
  const auto groups = [](const std::string& id) {
    const auto& g = exercise(id).groups();
    return std::set<std::string>(g.begin(), g.end());
  };
  // Side bridge, single-leg bridge and lateral step-up all load the gluteus medius (43-74 % MVIC).
  for (const char* id : {"side-plank", "single-leg-bridge", "side-step-up"}) {
    INFO(id);
    CHECK(groups(id).contains("gluteus medius"));
  }
  // Step-up and lunge share the quadriceps (vastus medialis above 45 %).
  CHECK(groups("side-step-up").contains("quadriceps"));
  CHECK(groups("stationary-lunge").contains("quadriceps"));
  CHECK(groups("single-leg-bridge").contains("gluteus maximus"));
}

TEST_CASE("ladders: floor work needs a floor only, and a mat is never required", "[ladders]") {
  for (const auto& e : catalogue().exercises) {
    INFO(e.id);
    CHECK(std::find(e.equipment.begin(), e.equipment.end(), "mat") == e.equipment.end());
  }
  for (const char* id : {"side-plank-from-knees", "side-plank", "two-leg-bridge", "single-leg-bridge",
                         "buttock-thigh-stretch", "warm-up"}) {
    INFO(id);
    CHECK(exercise(id).equipment.empty());
  }
  CHECK(exercise("thigh-foam-roll").equipment == std::vector<std::string>{"foam-roller"});
}

// ---------------------------------------------------------------- look-ups

TEST_CASE("ladders: neighbours and positions", "[ladders]") {
  const Ladders ladders(catalogue());
  const Exercise& plank = exercise("side-plank");
  REQUIRE(ladders.easier(plank) != nullptr);
  CHECK(ladders.easier(plank)->id == "side-plank-from-knees");
  REQUIRE(ladders.harder(plank) != nullptr);
  CHECK(ladders.harder(plank)->id == "side-plank-leg-lift");
  CHECK(ladders.easier(exercise("side-plank-from-knees")) == nullptr);
  CHECK(ladders.harder(exercise("side-plank-leg-lift")) == nullptr);
  const Ladder ladder = ladders.ladder_of(plank);
  CHECK(ladder.size() == 3);
  CHECK(ladder.position("side-plank-from-knees") == 1);
  CHECK(ladder.position("side-plank") == 2);
  CHECK(ladder.position("side-plank-leg-lift") == 3);
  CHECK(ladder.position("stationary-lunge") == 0);
  CHECK_FALSE(ladder.has_impact());
  CHECK(ladders.ladder_of(exercise("side-step-up")).has_impact());
  // An exercise with no rungs is a ladder of one.
  const Ladder alone = ladders.ladder_of(exercise("thigh-stretch"));
  CHECK(ids(alone) == std::vector<std::string>{"thigh-stretch"});
  CHECK(alone.source == 0);
  CHECK(ladders.find("side-plank") == &plank);
  CHECK(ladders.find("nope") == nullptr);
}

TEST_CASE("ladders: the next rung, with impact work kept out when the limits say so", "[ladders]") {
  const Ladders ladders(catalogue());
  const RungLimits open{};
  RungLimits no_impact;
  no_impact.no_impact.push_back({"knee pain 2/10", "test"});
  REQUIRE(next_rung(ladders, exercise("side-plank-from-knees"), open) != nullptr);
  CHECK(next_rung(ladders, exercise("side-plank-from-knees"), open)->id == "side-plank");
  CHECK(next_rung(ladders, exercise("side-step-up"), no_impact)->id == "slow-side-step-up");
  REQUIRE(next_rung(ladders, exercise("slow-side-step-up"), open) != nullptr);
  CHECK(next_rung(ladders, exercise("slow-side-step-up"), open)->id == "side-hops");
  CHECK(next_rung(ladders, exercise("slow-side-step-up"), no_impact) == nullptr);
  CHECK(next_rung(ladders, exercise("side-hops"), open) == nullptr);
  CHECK(next_rung(ladders, exercise("single-leg-bridge-hold"), open) == nullptr);
}

TEST_CASE("ladders: the move-up rule names the 2-for-2 numbers from the guidelines", "[ladders]") {
  CHECK(move_up_text(gl()) ==
        "When you can do 2 reps over the range in the last set, two sessions in a row, move to:");
  Guidelines g = gl();
  g.reps_over = 1;
  g.sessions_in_a_row = 3;
  CHECK(move_up_text(g) == "When you can do 1 rep over the range in the last set, three sessions in a row, move to:");
}

// ---------------------------------------------------------------- starting rung

TEST_CASE("ladders: who starts on the supported rung and who is kept off impact work", "[ladders]") {
  struct Row {
    std::string who;
    Profile profile;
    bool supported;
    bool impact;
  };
  Profile heavy = person(40);
  heavy.height_cm = 170;
  heavy.weight_kg = 90;  // BMI 31.1
  Profile lighter = heavy;
  lighter.weight_kg = 86;  // BMI 29.8
  const std::vector<Row> rows{
      {"adult, no pain", person(40), false, true},
      {"unknown age, no pain", person(std::nullopt), false, true},
      {"age 64", person(64), false, true},
      {"age 65", person(65), true, false},
      {"age 80", person(80), true, false},
      {"age 17", person(17), true, false},
      {"age 18", person(18), false, true},
      {"pain 1", person(40, 1), false, false},
      {"pain 3", person(40, 3), false, false},
      {"pain 4", person(40, 4), true, false},
      {"pain 8 (cleared)", person(40, 8), true, false},
      {"arthritis", person(40, 0, Cause::arthritis), true, false},
      {"injury (cleared)", person(40, 0, Cause::injury), false, true},
      {"BMI 31", heavy, false, false},
      {"BMI 29.8", lighter, false, true},
  };
  const Ladders ladders(catalogue());
  for (const Row& row : rows) {
    INFO(row.who);
    const RungLimits limits = rung_limits(row.profile, gl());
    CHECK(limits.start_supported() == row.supported);
    CHECK(limits.impact_allowed() == row.impact);
    for (const auto& reason : limits.supported) CHECK_FALSE(reason.source.empty());
    for (const auto& reason : limits.no_impact) CHECK_FALSE(reason.source.empty());
    // Every ladder starts on the supported rung or on the source rung, as the limits say.
    for (const char* id : {"side-plank", "single-leg-bridge", "side-step-up", "stationary-lunge"}) {
      const Ladder ladder = ladders.ladder_of(exercise(id));
      const StartingRung start = starting_rung(ladder, limits, row.profile);
      REQUIRE(start.exercise != nullptr);
      CHECK(start.exercise == ladder.rungs[row.supported ? ladder.source - 1 : ladder.source]);
      CHECK_FALSE(start.exercise->impact);
      CHECK(start.why.starts_with(start.exercise->name + ": rung "));
      CHECK(contains(start.why, row.supported ? "supported start" : "as in the source routine"));
      for (const auto& reason : limits.supported) CHECK(contains(start.why, reason.text));
      if (ladder.has_impact() && !row.impact) CHECK(contains(start.why, "impact work"));
      if (row.impact) CHECK_FALSE(contains(start.why, "impact"));
    }
  }
  // The reasons say what applies, with the numbers.
  const RungLimits older = rung_limits(person(70, 1, Cause::arthritis), gl());
  CHECK(reasons_text(older.supported) == "age 70 (65 or over) and arthritis");
  CHECK(reasons_text(older.no_impact) == "age 70 (65 or over), knee pain 1/10 and arthritis");
}

TEST_CASE("ladders: a missing piece of equipment moves the start down, never up", "[ladders]") {
  // A ladder whose source needs a step, with a floor version below it and a harder step version above.
  const Catalogue c = parse_catalogue(catalogue_text({
                                          with(strength("floor", "variant"), "harder", "stepped"),
                                          with(with(strength("stepped"), "equipment", {"step"}), "harder", "higher"),
                                          with(with(strength("higher", "variant"), "equipment", {"step"}), "harder", "hops"),
                                          with(with(strength("hops", "variant"), "impact", true), "equipment", json::array()),
                                      }),
                                      "c.json");
  const Ladders ladders(c);
  const Ladder ladder = ladders.ladder_of(*c.find("stepped"));
  REQUIRE(ladder.size() == 4);
  Profile no_step = person(40);
  no_step.equipment = std::vector<std::string>{"chair"};
  SECTION("an adult without the step starts one rung down, and the reason names the step") {
    const StartingRung start = starting_rung(ladder, {}, no_step);
    REQUIRE(start.exercise != nullptr);
    CHECK(start.exercise->id == "floor");
    CHECK(contains(start.why, "needs step"));
  }
  SECTION("with the step, the source rung") {
    const StartingRung start = starting_rung(ladder, {}, person(40));
    REQUIRE(start.exercise != nullptr);
    CHECK(start.exercise->id == "stepped");
  }
  SECTION("nothing at or below the start fits: no rung, never the impact rung above") {
    Catalogue only_step = c;
    only_step.exercises[0].equipment = {"step"};
    const Ladders index(only_step);
    const StartingRung start = starting_rung(index.ladder_of(*only_step.find("stepped")), {}, no_step);
    CHECK(start.exercise == nullptr);
    CHECK(contains(start.why, "needs step"));
  }
}

// ---------------------------------------------------------------- loader

TEST_CASE("ladders: the loader accepts a well-formed ladder (control)", "[ladders][errors]") {
  CHECK_NOTHROW(parse_catalogue(catalogue_text({with(strength("a", "variant"), "harder", "b"),
                                                with(strength("b"), "harder", "c"), strength("c", "variant")}),
                                "ok.json"));
}

TEST_CASE("ladders: broken ladders are refused at their JSON pointer", "[ladders][errors]") {
  SECTION("an unknown harder rung, with the closest id") {
    one_error({with(strength("side-plank"), "harder", "side-plank-lift"), strength("side-plank-lifts", "alternative")},
              "/exercises/0/harder", "unknown exercise id \"side-plank-lift\"; did you mean \"side-plank-lifts\"?");
  }
  SECTION("its own harder rung") {
    one_error({with(strength("a"), "harder", "a")}, "/exercises/0/harder", "its own harder rung");
  }
  SECTION("a rung of another category") {
    json stretch = strength("b", "variant");
    stretch["category"] = "stretch";
    stretch["dose"] = {{"hold_seconds", {{"min", 120}, {"max", 150}}}};
    const auto errors = errors_of({with(strength("a"), "harder", "b"), stretch});
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].place == "/exercises/0/harder");
    CHECK(contains(errors[0].message, "share one category"));
  }
  SECTION("two rungs below one (one rung per position)") {
    one_error({with(strength("a", "variant"), "harder", "c"), with(strength("b", "variant"), "harder", "c"),
               strength("c")},
              "/exercises/1/harder", "\"c\" is already the harder rung of \"a\" (/exercises/0/harder)");
  }
  SECTION("a loop") {
    const auto errors = errors_of({strength("x"), with(strength("a"), "harder", "b"),
                                   with(strength("b", "variant"), "harder", "c"),
                                   with(strength("c", "variant"), "harder", "a")});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].place == "/exercises/1/harder");
    CHECK(errors[0].message == "the harder rungs loop: a -> b -> c -> a");
  }
  SECTION("a variant no ladder reaches") {
    one_error({strength("a"), strength("lonely", "variant")}, "/exercises/1/role", "no exercise links to this one");
  }
  SECTION("a ladder of variants only") {
    one_error({with(strength("a", "variant"), "harder", "b"), strength("b", "variant")}, "/exercises/0/harder",
              "has no routine or alternative exercise");
  }
  SECTION("two routine exercises on one ladder") {
    one_error({with(strength("a"), "harder", "b"), strength("b")}, "/exercises/1/role", "one routine or alternative");
  }
  SECTION("impact work below a rung without impact") {
    one_error({with(with(strength("a"), "harder", "b"), "impact", true), strength("b", "variant")}, "/exercises/0/impact",
              "impact work comes last");
  }
}

TEST_CASE("ladders: side texts, muscle groups and the warm-up's dose are checked", "[ladders][errors]") {
  SECTION("an unknown placeholder") {
    one_error({with(strength("a"), "side_text", {{"one", "lie on your {leg} side"}})}, "/exercises/0/side_text/one",
              "{side} and {other}");
  }
  SECTION("a one-side text on bilateral work") {
    json both = with(strength("a"), "laterality", "bilateral");
    one_error({with(both, "side_text", {{"one", "{side} leg"}})}, "/exercises/0/side_text/one", "\"both\"");
  }
  SECTION("a both-legs text on one-side work") {
    one_error({with(strength("a"), "side_text", {{"both", "both feet"}})}, "/exercises/0/side_text/both", "\"one\"");
  }
  SECTION("an unknown side text key") {
    one_error({with(strength("a"), "side_text", {{"left", "x"}})}, "/exercises/0/side_text/left", "unknown field");
  }
  SECTION("muscle groups on a stretch") {
    json stretch = strength("s");
    stretch["category"] = "stretch";
    stretch["dose"] = {{"hold_seconds", {{"min", 120}, {"max", 150}}}};
    one_error({with(stretch, "muscle_groups", {"gluteus medius"})}, "/exercises/0/muscle_groups", "only strength");
  }
  SECTION("a warm-up dosed in reps") {
    one_error({with(strength("w"), "category", "warm_up")}, "/exercises/0/dose/reps", "dosed in \"minutes\"");
  }
  SECTION("a warm-up of 0 minutes") {
    json warm = with(strength("w"), "category", "warm_up");
    warm["dose"] = {{"minutes", {{"min", 0}, {"max", 10}}}};
    one_error({warm}, "/exercises/0/dose/minutes/min", "from 1 to 120");
  }
}
