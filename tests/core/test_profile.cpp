// Profiles: the shipped examples, defaults, command-line overrides and derived values.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/load.hpp"
#include "kneeplan/core/profile.hpp"
#include "run.hpp"

using namespace kneeplan;

namespace {

std::filesystem::path profiles_dir() { return test::source_dir() / "data" / "profiles"; }

Profile load(const std::string& name) {
  const auto path = profiles_dir() / name;
  return parse_profile(read_input_file(path), path.string());
}

std::vector<std::filesystem::path> shipped_profiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(profiles_dir())) {
    if (entry.path().extension() == ".json") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Diagnostic> diagnostics_of(const std::string& text) {
  try {
    (void)parse_profile(text, "p.json");
  } catch (const DataError& error) {
    return error.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("profile: every shipped example profile parses to what its file says", "[profile]") {
  const auto files = shipped_profiles();
  REQUIRE(files.size() >= 3);
  for (const auto& path : files) {
    INFO(path.string());
    const std::string text = read_input_file(path);
    const Profile p = parse_profile(text, path.string());
    const nlohmann::json doc = nlohmann::json::parse(text);
    CHECK(doc.at("format") == "kneeplan.profile/1");
    if (doc.contains("age")) {
      CHECK(p.age == doc["age"].get<int>());
    } else {
      CHECK_FALSE(p.age.has_value());
    }
    CHECK(name_of(p.level) == doc.value("level", "novice"));
    CHECK(name_of(p.side) == doc.value("side", "both"));
    CHECK(p.pain == doc.value("pain", 0));
    CHECK(name_of(p.cause) == doc.value("cause", "none"));
    CHECK(p.symptoms == doc.value("symptoms", std::vector<std::string>{}));
    if (doc.contains("equipment")) {
      REQUIRE(p.equipment.has_value());
      CHECK(*p.equipment == doc["equipment"].get<std::vector<std::string>>());
    } else {
      CHECK_FALSE(p.equipment.has_value());
    }
    CHECK(p.weeks_done == doc.value("weeks_done", 0));
    CHECK(p.height_cm.has_value() == doc.contains("height_cm"));
    CHECK(p.weight_kg.has_value() == doc.contains("weight_kg"));
    CHECK(p.ankle_gap_cm.has_value() == doc.contains("ankle_gap_cm"));
    if (p.height_cm) CHECK(*p.height_cm == Approx(doc["height_cm"].get<double>()));
    if (p.weight_kg) CHECK(*p.weight_kg == Approx(doc["weight_kg"].get<double>()));
    if (p.ankle_gap_cm) CHECK(*p.ankle_gap_cm == Approx(doc["ankle_gap_cm"].get<double>()));
    CHECK(p.cleared_by_clinician == doc.value("cleared_by_clinician", false));
    CHECK(p.minutes_per_day.has_value() == doc.contains("minutes_per_day"));
    if (p.minutes_per_day) CHECK(*p.minutes_per_day == doc["minutes_per_day"].get<int>());
  }
}

TEST_CASE("profile: the three example profiles", "[profile]") {
  SECTION("adult-novice") {
    const Profile p = load("adult-novice.json");
    CHECK(p.age == 34);
    CHECK(p.level == Level::novice);
    CHECK(p.side == Side::both);
    CHECK(p.pain == 2);
    CHECK(p.cause == Cause::none);
    CHECK(p.symptoms.empty());
    REQUIRE(p.equipment.has_value());
    CHECK(p.equipment->size() == kEquipment.size());
    for (const auto item : kEquipment) CHECK(p.has_equipment(item));
    CHECK(p.weeks_done == 0);
    REQUIRE(p.bmi().has_value());
    CHECK(*p.bmi() == Approx(64.0 / (1.68 * 1.68)));
    CHECK(p.ankle_gap_cm == 6.0);
  }
  SECTION("home-no-step") {
    const Profile p = load("home-no-step.json");
    CHECK(p.age == 52);
    CHECK(p.level == Level::intermediate);
    CHECK(p.side == Side::left);
    CHECK(p.pain == 3);
    CHECK(p.weeks_done == 2);
    CHECK_FALSE(p.has_equipment("step"));
    CHECK_FALSE(p.has_equipment("mirror"));
    CHECK(p.has_equipment("chair"));
    CHECK(p.has_equipment("mat"));
    CHECK(p.has_equipment("wall"));
    CHECK(p.has_equipment("foam-roller"));
    CHECK_FALSE(p.bmi().has_value());
  }
  SECTION("older-adult") {
    const Profile p = load("older-adult.json");
    CHECK(p.age == 70);
    CHECK(p.level == Level::novice);
    CHECK(p.side == Side::right);
    CHECK(p.pain == 1);
    CHECK(p.cause == Cause::arthritis);
    CHECK_FALSE(p.has_equipment("mat"));
    CHECK_FALSE(p.has_equipment("step"));
    CHECK(p.has_equipment("wall"));
    CHECK_FALSE(p.cleared_by_clinician);
    CHECK(p.minutes_per_day == 30);
  }
}

TEST_CASE("profile: an empty profile takes the defaults", "[profile]") {
  const Profile p = parse_profile(R"({"format":"kneeplan.profile/1"})", "p.json");
  CHECK_FALSE(p.age.has_value());
  CHECK(p.level == Level::novice);
  CHECK(p.side == Side::both);
  CHECK(p.pain == 0);
  CHECK(p.cause == Cause::none);
  CHECK(p.symptoms.empty());
  CHECK_FALSE(p.equipment.has_value());
  CHECK(p.weeks_done == 0);
  CHECK_FALSE(p.height_cm.has_value());
  CHECK_FALSE(p.weight_kg.has_value());
  CHECK_FALSE(p.ankle_gap_cm.has_value());
  CHECK_FALSE(p.cleared_by_clinician);
  CHECK_FALSE(p.minutes_per_day.has_value());
  CHECK_FALSE(p.bmi().has_value());
  // A default-constructed Profile agrees.
  const Profile d;
  CHECK(d.level == p.level);
  CHECK(d.side == p.side);
  CHECK(d.pain == p.pain);
  CHECK_FALSE(d.equipment.has_value());
}

TEST_CASE("profile: an empty equipment list means no equipment, not everything", "[profile]") {
  const Profile p = parse_profile(R"({"format":"kneeplan.profile/1","equipment":[]})", "p.json");
  REQUIRE(p.equipment.has_value());
  for (const auto item : kEquipment) CHECK_FALSE(p.has_equipment(item));
}

TEST_CASE("profile: apply_overrides replaces only the given fields", "[profile]") {
  const Profile original = load("adult-novice.json");

  SECTION("no overrides: nothing changes") {
    Profile p = original;
    apply_overrides(p, ProfileOverrides{});
    CHECK(p.age == original.age);
    CHECK(p.level == original.level);
    CHECK(p.side == original.side);
    CHECK(p.pain == original.pain);
    CHECK(p.cause == original.cause);
    CHECK(p.symptoms == original.symptoms);
    CHECK(p.equipment == original.equipment);
    CHECK(p.weeks_done == original.weeks_done);
    CHECK(p.height_cm == original.height_cm);
    CHECK(p.weight_kg == original.weight_kg);
    CHECK(p.ankle_gap_cm == original.ankle_gap_cm);
    CHECK(p.cleared_by_clinician == original.cleared_by_clinician);
    CHECK(p.minutes_per_day == original.minutes_per_day);
  }
  SECTION("some overrides: those change, the rest stay") {
    Profile p = original;
    ProfileOverrides o;
    o.pain = 5;
    o.side = Side::right;
    o.equipment = std::vector<std::string>{"chair"};
    o.weight_kg = 80.0;
    apply_overrides(p, o);
    CHECK(p.pain == 5);
    CHECK(p.side == Side::right);
    CHECK(p.equipment == std::optional<std::vector<std::string>>{std::vector<std::string>{"chair"}});
    CHECK(p.weight_kg == 80.0);
    CHECK(p.age == original.age);
    CHECK(p.level == original.level);
    CHECK(p.cause == original.cause);
    CHECK(p.symptoms == original.symptoms);
    CHECK(p.weeks_done == original.weeks_done);
    CHECK(p.height_cm == original.height_cm);
    CHECK(p.ankle_gap_cm == original.ankle_gap_cm);
  }
  SECTION("every field can be overridden") {
    Profile p = original;
    ProfileOverrides o;
    o.age = 70;
    o.level = Level::advanced;
    o.side = Side::left;
    o.pain = 9;
    o.cause = Cause::injury;
    o.symptoms = std::vector<std::string>{"locking"};
    o.equipment = std::vector<std::string>{};
    o.weeks_done = 12;
    o.height_cm = 190.0;
    o.weight_kg = 90.0;
    o.ankle_gap_cm = 3.5;
    o.cleared_by_clinician = true;
    o.minutes_per_day = 25;
    apply_overrides(p, o);
    CHECK(p.age == 70);
    CHECK(p.level == Level::advanced);
    CHECK(p.side == Side::left);
    CHECK(p.pain == 9);
    CHECK(p.cause == Cause::injury);
    CHECK(p.symptoms == std::vector<std::string>{"locking"});
    REQUIRE(p.equipment.has_value());
    CHECK(p.equipment->empty());
    CHECK(p.weeks_done == 12);
    CHECK(p.height_cm == 190.0);
    CHECK(p.weight_kg == 90.0);
    CHECK(p.ankle_gap_cm == 3.5);
    CHECK(p.cleared_by_clinician);
    CHECK(p.minutes_per_day == 25);
  }
  SECTION("--cleared can only grant clearance") {
    Profile cleared = original;
    cleared.cleared_by_clinician = true;
    ProfileOverrides none;
    REQUIRE_FALSE(none.cleared_by_clinician);
    apply_overrides(cleared, none);
    CHECK(cleared.cleared_by_clinician);

    Profile not_cleared = original;
    not_cleared.cleared_by_clinician = false;
    ProfileOverrides grant;
    grant.cleared_by_clinician = true;
    apply_overrides(not_cleared, grant);
    CHECK(not_cleared.cleared_by_clinician);
  }
  SECTION("an override to zero or empty still replaces") {
    Profile p = original;
    p.symptoms = {"night-pain"};
    ProfileOverrides o;
    o.pain = 0;
    o.symptoms = std::vector<std::string>{};
    apply_overrides(p, o);
    CHECK(p.pain == 0);
    CHECK(p.symptoms.empty());
  }
}

TEST_CASE("profile: bmi() needs both height and weight", "[profile]") {
  Profile p;
  CHECK_FALSE(p.bmi().has_value());
  p.height_cm = 180;
  CHECK_FALSE(p.bmi().has_value());
  p.weight_kg = 81;
  REQUIRE(p.bmi().has_value());
  CHECK(*p.bmi() == Approx(25.0));  // 81 / 1.8^2
  p.height_cm = 200;
  p.weight_kg = 120;
  CHECK(*p.bmi() == Approx(30.0));
  p.height_cm.reset();
  CHECK_FALSE(p.bmi().has_value());
}

TEST_CASE("profile: has_equipment with unset equipment means everything", "[profile]") {
  Profile p;
  REQUIRE_FALSE(p.equipment.has_value());
  for (const auto item : kEquipment) {
    INFO(item);
    CHECK(p.has_equipment(item));
  }
  p.equipment = std::vector<std::string>{"chair", "wall"};
  for (const auto item : kEquipment) {
    INFO(item);
    CHECK(p.has_equipment(item) == (item == "chair" || item == "wall"));
  }
}

TEST_CASE("profile: has_symptom looks for the exact name", "[profile]") {
  Profile p;
  p.symptoms = {"night-pain"};
  CHECK(p.has_symptom("night-pain"));
  CHECK_FALSE(p.has_symptom("night"));
  CHECK_FALSE(p.has_symptom("buckling"));
}

TEST_CASE("profile: bad values are refused at their JSON pointer", "[profile][errors]") {
  struct Case {
    std::string text;
    std::string place;
  };
  const std::vector<Case> cases{
      {R"({"format":"kneeplan.profile/1","age":121})", "/age"},
      {R"({"format":"kneeplan.profile/1","pain":11})", "/pain"},
      {R"({"format":"kneeplan.profile/1","level":"expert"})", "/level"},
      {R"({"format":"kneeplan.profile/1","symptoms":["buckling","headache"]})", "/symptoms/1"},
      {R"({"format":"kneeplan.profile/1","equipment":["chair","chair"]})", "/equipment/1"},
      {R"({"format":"kneeplan.profile/1","height_cm":30})", "/height_cm"},
      {R"({"format":"kneeplan.profile/1","cleared_by_clinician":"yes"})", "/cleared_by_clinician"},
      {R"({"format":"kneeplan.profile/1","colour":"red"})", "/colour"},
      {R"({"format":"kneeplan.profile/2"})", "/format"},
      {R"({"format":"kneeplan.profile/1","minutes_per_day":0})", "/minutes_per_day"},
      {R"({"format":"kneeplan.profile/1","minutes_per_day":601})", "/minutes_per_day"},
      {R"({"format":"kneeplan.profile/1","minutes_per_day":20.5})", "/minutes_per_day"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto d = diagnostics_of(c.text);
    REQUIRE(d.size() == 1);
    CHECK(d[0].place == c.place);
    CHECK(d[0].file == "p.json");
  }
}
