// End to end: `exercises`, `exercises show`, `validate`, and the built-in
// catalogue against the shipped file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "data.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "run.hpp"

using kneeplan::test::builtin_catalogue;
using kneeplan::test::run_kneeplan;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;
using nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs of whitespace as one space, so wrapped lines read as the original text.
std::string squeezed(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// How `exercises show` words the dose of an exercise.
std::string dose_words(const kneeplan::Exercise& e) {
  using kneeplan::Category;
  switch (e.category) {
    case Category::strength:
      return std::to_string(e.reps.min) + "-" + std::to_string(e.reps.max) + " reps";
    case Category::stretch:
      return "hold " + std::to_string(e.hold_seconds.min) + "-" + std::to_string(e.hold_seconds.max) + " s";
    case Category::foam_roll:
      return std::to_string(e.passes.size()) + " lines x " + std::to_string(e.passes.front().seconds) + " s";
    case Category::warm_up:
      return std::to_string(e.minutes.min) + "-" + std::to_string(e.minutes.max) + " min";
  }
  return {};
}

std::vector<std::string> ids_in(const json& list) {
  std::vector<std::string> ids;
  for (const auto& e : list) ids.push_back(e.at("id").get<std::string>());
  return ids;
}

json list_json(const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"exercises", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_kneeplan(args);
  INFO("kneeplan exercises --json ...: " << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  return json::parse(result.out);
}

std::string shipped(const std::string& relative) { return (source_dir() / relative).string(); }

}  // namespace

TEST_CASE("exercises: --json lists every exercise with every catalogue field", "[cli][exercises]") {
  const auto& catalogue = builtin_catalogue();
  const json list = list_json();
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 20);
  REQUIRE(list.size() == catalogue.exercises.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = catalogue.exercises[i];
    const json& item = list[i];
    INFO("exercise " << e.id);
    for (const char* key : {"id", "name", "category", "role", "targets", "equipment", "laterality", "dose", "steps",
                            "cues", "alternatives", "source"}) {
      INFO("field " << key);
      CHECK(item.contains(key));
    }
    CHECK(item.value("id", "") == e.id);
    CHECK(item.value("name", "") == e.name);
    CHECK(item.value("category", "") == kneeplan::name_of(e.category));
    CHECK(item.value("role", "") == kneeplan::name_of(e.role));
    CHECK(item.value("laterality", "") == kneeplan::name_of(e.laterality));
    CHECK(item.value("targets", std::vector<std::string>{}) == e.targets);
    CHECK(item.value("equipment", std::vector<std::string>{"?"}) == e.equipment);
    CHECK(item.value("steps", std::vector<std::string>{}) == e.steps);
    CHECK(item.value("cues", std::vector<std::string>{}) == e.cues);
    CHECK(item.value("alternatives", std::vector<std::string>{"?"}) == e.alternatives);
    CHECK(item.value("source", "") == e.source);
    if (e.mechanic == kneeplan::Mechanic::unspecified) {
      CHECK_FALSE(item.contains("mechanic"));
    } else {
      CHECK(item.value("mechanic", "") == kneeplan::name_of(e.mechanic));
    }
    // Ladder and scheduling members appear exactly when the catalogue gives them.
    CHECK(item.value("muscle_groups", std::vector<std::string>{}) == e.muscle_groups);
    CHECK(item.value("harder", "") == e.harder);
    CHECK(item.value("impact", false) == e.impact);
    CHECK(item.contains("impact") == e.impact);
    CHECK(item.contains("side_text") == !(e.side_text == kneeplan::SideText{}));
    // The dose has exactly the one member the category takes.
    const json& dose = item.at("dose");
    REQUIRE(dose.size() == 1);
    switch (e.category) {
      case kneeplan::Category::strength:
        CHECK(dose.at("reps") == json{{"min", e.reps.min}, {"max", e.reps.max}});
        break;
      case kneeplan::Category::stretch:
        CHECK(dose.at("hold_seconds") == json{{"min", e.hold_seconds.min}, {"max", e.hold_seconds.max}});
        break;
      case kneeplan::Category::foam_roll:
        REQUIRE(dose.at("passes").size() == e.passes.size());
        for (std::size_t k = 0; k < e.passes.size(); ++k) {
          CHECK(dose["passes"][k] == json{{"area", e.passes[k].area}, {"seconds", e.passes[k].seconds}});
        }
        break;
      case kneeplan::Category::warm_up:
        CHECK(dose.at("minutes") == json{{"min", e.minutes.min}, {"max", e.minutes.max}});
        break;
    }
  }
}

TEST_CASE("exercises: --category keeps one category", "[cli][exercises]") {
  const std::vector<std::string> stretches{"leg-muscles-stretch", "thigh-stretch", "buttock-thigh-stretch"};
  CHECK(ids_in(list_json({"--category", "stretch"})) == stretches);

  const auto text = run_kneeplan({"exercises", "--category", "stretch"});
  REQUIRE(text.exit_code == 0);
  for (const auto& id : stretches) CHECK(contains(text.out, id));
  for (const auto& e : builtin_catalogue().exercises) {
    if (e.category == kneeplan::Category::stretch) continue;
    INFO("exercise " << e.id);
    CHECK_FALSE(contains(text.out, e.id));
    CHECK_FALSE(contains(text.out, e.name));
  }
  CHECK(contains(text.out, "Stretch"));
  CHECK_FALSE(contains(text.out, "Strength"));
  CHECK_FALSE(contains(text.out, "Foam roll"));

  CHECK(ids_in(list_json({"--category", "foam_roll"})) == std::vector<std::string>{"thigh-foam-roll", "wall-foam-roll"});
  const auto strength_count = std::count_if(builtin_catalogue().exercises.begin(), builtin_catalogue().exercises.end(),
                                            [](const auto& e) { return e.category == kneeplan::Category::strength; });
  CHECK(ids_in(list_json({"--category", "strength"})).size() == static_cast<std::size_t>(strength_count));
}

TEST_CASE("exercises: --equipment keeps what the equipment allows", "[cli][exercises]") {
  std::vector<std::string> needing_nothing;
  for (const auto& e : builtin_catalogue().exercises) {
    if (e.equipment.empty()) needing_nothing.push_back(e.id);
  }
  REQUIRE_FALSE(needing_nothing.empty());
  const json none = list_json({"--equipment", "none"});
  CHECK(ids_in(none) == needing_nothing);
  for (const auto& e : none) CHECK(e.at("equipment").empty());

  const auto text = run_kneeplan({"exercises", "--equipment", "none"});
  REQUIRE(text.exit_code == 0);
  // Floor work needs a floor only; a step is still equipment.
  CHECK(contains(text.out, "stationary-lunge"));
  CHECK(contains(text.out, "side-plank"));
  CHECK(contains(text.out, "single-leg-bridge"));
  CHECK(contains(text.out, "buttock-thigh-stretch"));
  CHECK_FALSE(contains(text.out, "side-step-up"));

  // Chair and mat: everything needing only those, nothing needing more.
  const json chair_mat = list_json({"--equipment", "chair", "--equipment", "mat"});
  std::vector<std::string> expected;
  for (const auto& e : builtin_catalogue().exercises) {
    if (std::all_of(e.equipment.begin(), e.equipment.end(),
                    [](const std::string& item) { return item == "chair" || item == "mat"; })) {
      expected.push_back(e.id);
    }
  }
  CHECK(ids_in(chair_mat) == expected);
  CHECK(std::find(expected.begin(), expected.end(), "side-step-up") == expected.end());

  // Filters combine.
  CHECK(ids_in(list_json({"--category", "stretch", "--equipment", "chair"})) ==
        std::vector<std::string>{"leg-muscles-stretch", "thigh-stretch", "buttock-thigh-stretch"});
  CHECK(ids_in(list_json({"--category", "stretch", "--equipment", "none"})) ==
        std::vector<std::string>{"buttock-thigh-stretch"});
}

TEST_CASE("exercises: show prints every exercise in full", "[cli][exercises]") {
  for (const auto& e : builtin_catalogue().exercises) {
    INFO("exercise " << e.id);
    const auto result = run_kneeplan({"exercises", "show", e.id});
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const std::string out = squeezed(result.out);
    CHECK(contains(out, e.name + " (" + e.id + ")"));
    CHECK(contains(out, "Equipment: " + (e.equipment.empty() ? std::string("none") : joined(e.equipment))));
    CHECK(contains(out, "Dose: " + dose_words(e)));
    for (const auto& pass : e.passes) CHECK(contains(out, pass.area + ": " + std::to_string(pass.seconds) + " s"));
    CHECK(contains(out, "Alternatives: " + (e.alternatives.empty() ? std::string("none") : joined(e.alternatives))));
    for (std::size_t i = 0; i < e.steps.size(); ++i) {
      INFO("step " << i + 1);
      CHECK(contains(out, std::to_string(i + 1) + ". " + e.steps[i]));
    }
    for (const auto& cue : e.cues) CHECK(contains(out, "- " + cue));
    CHECK(contains(out, "Source: " + e.source));
    // Rungs show their ladder, this one marked.
    if (!e.harder.empty() || e.role == kneeplan::Role::variant) {
      CHECK(contains(out, "Ladder: rung "));
      CHECK(contains(out, "[" + e.id + "]"));
      if (!e.harder.empty()) CHECK(contains(out, "[" + e.id + "] -> " + e.harder));
    } else {
      CHECK_FALSE(contains(out, "Ladder:"));
    }
  }
  // The side plank's ladder, easiest first.
  const auto plank = run_kneeplan({"exercises", "show", "side-plank"});
  CHECK(contains(squeezed(plank.out),
                 "Ladder: rung 2 of 3, easiest first: side-plank-from-knees -> [side-plank] -> side-plank-leg-lift"));
}

TEST_CASE("exercises: show --json is the listed element", "[cli][exercises]") {
  const json list = list_json();
  for (const auto& item : list) {
    const std::string id = item.at("id").get<std::string>();
    INFO("exercise " << id);
    const auto result = run_kneeplan({"exercises", "show", id, "--json"});
    REQUIRE(result.exit_code == 0);
    CHECK(json::parse(result.out) == item);
  }
  // --json before `show` means the same.
  const auto before = run_kneeplan({"exercises", "--json", "show", "side-plank"});
  const auto after = run_kneeplan({"exercises", "show", "side-plank", "--json"});
  CHECK(before.exit_code == 0);
  CHECK(before.out == after.out);
}

TEST_CASE("exercises: show with an unknown id suggests the near one", "[cli][exercises]") {
  const auto result = run_kneeplan({"exercises", "show", "side-plnk"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(contains(result.err, "side-plnk"));
  CHECK(contains(result.err, "side-plank"));
  CHECK(contains(result.err, "did you mean"));

  const auto far = run_kneeplan({"exercises", "show", "zzzzzzzzzzzz", "--json"});
  CHECK(far.exit_code == 2);
  CHECK(far.out.empty());
  CHECK_FALSE(contains(far.err, "did you mean"));
}

TEST_CASE("exercises: rejects an unknown category or equipment", "[cli][exercises]") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"exercises", "--category", "bogus"},
        std::vector<std::string>{"exercises", "--equipment", "barbell"},
        std::vector<std::string>{"exercises", "show"}}) {
    const auto result = run_kneeplan(args);
    INFO(args.back());
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK_FALSE(result.err.empty());
  }
}

TEST_CASE("exercises: the built-in catalogue is the shipped data/catalogue.json", "[cli][exercises]") {
  const std::string file = shipped("data/catalogue.json");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"exercises"},
                                               std::vector<std::string>{"exercises", "--json"},
                                               std::vector<std::string>{"exercises", "show", "thigh-foam-roll"},
                                               std::vector<std::string>{"export", "--start", "2026-11-23"},
                                               std::vector<std::string>{"export", "--start", "2026-11-23", "--level",
                                                                        "advanced", "--equipment", "chair"}}) {
    std::vector<std::string> with_file = args;
    with_file.insert(with_file.end(), {"--catalogue", file});
    const auto builtin = run_kneeplan(args);
    const auto from_file = run_kneeplan(with_file);
    INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
    CHECK(builtin.exit_code == 0);
    CHECK(from_file.exit_code == 0);
    CHECK_FALSE(builtin.out.empty());
    CHECK(builtin.out == from_file.out);
  }
  // The other built-in data files are the shipped ones too.
  const auto builtin = run_kneeplan({"export", "--start", "2026-11-23", "--level", "intermediate"});
  const auto from_files = run_kneeplan({"export", "--start", "2026-11-23", "--level", "intermediate", "--guidelines",
                                        shipped("data/guidelines.json"), "--safety", shipped("data/safety.json")});
  CHECK(builtin.exit_code == 0);
  CHECK(builtin.out == from_files.out);
}

TEST_CASE("exercises: validate accepts the shipped catalogue", "[cli][validate]") {
  const std::string file = shipped("data/catalogue.json");
  const auto result = run_kneeplan({"validate", file});
  CHECK(result.exit_code == 0);
  CHECK(result.out == file + ": valid kneeplan.catalogue/1\n");
  CHECK(result.err.empty());
}

TEST_CASE("exercises: validate accepts every shipped data file", "[cli][validate]") {
  std::vector<std::pair<std::string, std::string>> files{{shipped("data/catalogue.json"), "kneeplan.catalogue/1"},
                                                         {shipped("data/guidelines.json"), "kneeplan.guidelines/2"},
                                                         {shipped("data/safety.json"), "kneeplan.safety/1"}};
  std::set<std::filesystem::path> profiles;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "data" / "profiles")) {
    if (entry.path().extension() == ".json") profiles.insert(entry.path());
  }
  REQUIRE_FALSE(profiles.empty());
  for (const auto& path : profiles) files.emplace_back(path.string(), "kneeplan.profile/1");

  std::vector<std::string> args{"validate"};
  std::string expected;
  for (const auto& [file, format] : files) {
    args.push_back(file);
    expected += file + ": valid " + format + "\n";
  }
  const auto result = run_kneeplan(args);
  CHECK(result.exit_code == 0);
  CHECK(result.out == expected);
  CHECK(result.err.empty());
}

TEST_CASE("exercises: validate reports the good file even when another is bad", "[cli][validate]") {
  const auto dir = scratch_dir();
  const std::string bad = (dir / "bad-catalogue.json").string();
  json broken = json::parse(kneeplan::test::read_file(source_dir() / "data" / "catalogue.json"));
  broken["exercises"][3]["id"] = "side_plank";
  broken["exercises"][0]["alternatives"] = {"stationary-lunj"};
  kneeplan::test::write_file(bad, broken.dump(2));
  const std::string good = shipped("data/catalogue.json");

  for (const auto& order : {std::vector<std::string>{"validate", good, bad},
                            std::vector<std::string>{"validate", bad, good}}) {
    const auto result = run_kneeplan(order);
    CHECK(result.exit_code == 1);
    CHECK(result.out == good + ": valid kneeplan.catalogue/1\n");
    CHECK_FALSE(contains(result.out, bad));
    // Every problem of the bad file, each with its pointer.
    CHECK(contains(result.err, bad + ": /exercises/3/id: "));
    CHECK(contains(result.err, bad + ": /exercises/0/alternatives/0: "));
    CHECK(contains(result.err, "did you mean \"stationary-lunge\""));
    CHECK_FALSE(contains(result.err, good));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("exercises --ladders lists every ladder, easiest rung first", "[cli][exercises]") {
  const auto result = run_kneeplan({"exercises", "--ladders"});
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "| Side plank | Side plank from the knees -> **Side plank** -> Side plank with top-leg lift |"));
  CHECK(contains(result.out, "Small side hops (impact)"));
  CHECK_FALSE(contains(result.out, "| Seated thigh stretch |"));  // no ladder of one
  CHECK(run_kneeplan({"exercises", "--ladders", "--json"}).exit_code == 2);
}
