// Limits that keep a huge broken file from costing unbounded memory or output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "kneeplan/io/load.hpp"
#include "diagnostics_of.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

using namespace kneeplan;

TEST_CASE("json reader: diagnostics stop at 100 and count the rest", "[json_reader]") {
  std::string text = R"({"format": "kneeplan.catalogue/1", "exercises": [)";
  for (int i = 0; i < 500; ++i) text += i == 0 ? "{}" : ", {}";
  text += "]}";
  const auto diagnostics = test::diagnostics_of([&] { return parse_catalogue(text, "big.json"); });
  REQUIRE(diagnostics.size() == 101);
  CHECK(diagnostics[0].place == "/exercises/0/id");
  CHECK(diagnostics.back().place.empty());
  // 500 exercises x 11 missing required fields, 100 of them shown.
  CHECK(diagnostics.back().message == "5400 more problems not shown; fix these first");
}

TEST_CASE("json reader: a long list still finds its duplicate", "[json_reader]") {
  std::string targets;
  for (int i = 0; i < 20000; ++i) targets += "\"m" + std::to_string(i) + "\", ";
  targets += "\"m7\"";
  const std::string text = R"({"format": "kneeplan.catalogue/1", "exercises": [{"id": "x", "name": "X",
    "category": "strength", "targets": [)" + targets + R"(], "equipment": [], "laterality": "per_side",
    "dose": {"reps": {"min": 8, "max": 12}}, "steps": ["s"], "cues": [], "alternatives": [], "source": "t"}]})";
  const auto diagnostics = test::diagnostics_of([&] { return parse_catalogue(text, "c.json"); });
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].place == "/exercises/0/targets/20000");
  CHECK(diagnostics[0].message == "\"m7\" is listed twice");
}

TEST_CASE("json reader: safety files hold at most 10000 rules", "[json_reader]") {
  std::string text = R"({"format": "kneeplan.safety/1", "emergency": "e", "rules": [)";
  for (int i = 0; i < 10001; ++i) text += i == 0 ? "{}" : ",{}";
  text += "]}";
  const auto diagnostics = test::diagnostics_of([&] { return parse_safety_rules(text, "s.json"); });
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "expected at most 10000 rules, found 10001");
}

TEST_CASE("json reader: strings arrive decoded, with escapes and UTF-8 intact", "[json_reader]") {
  const std::string text = R"({"format": "kneeplan.catalogue/1", "exercises": [{"id": "x", "name": "Say \"hi\" \u00e9 \t ✓",
    "category": "strength", "targets": ["a\/b"], "equipment": [], "laterality": "per_side",
    "dose": {"reps": {"min": 8, "max": 12}}, "steps": ["", "s"], "cues": [], "alternatives": [], "source": "t"}]})";
  // The empty step is refused; everything before it must have been read right.
  const auto diagnostics = test::diagnostics_of([&] { return parse_catalogue(text, "c.json"); });
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].place == "/exercises/0/steps/0");
  std::string fixed = text;
  fixed.replace(fixed.find(R"(["", "s"])"), 9, R"(["s"])");
  const Catalogue catalogue = parse_catalogue(fixed, "c.json");
  REQUIRE(catalogue.exercises.size() == 1);
  CHECK(catalogue.exercises[0].name == "Say \"hi\" \u00e9 \t \u2713");
  CHECK(catalogue.exercises[0].targets == std::vector<std::string>{"a/b"});
}

TEST_CASE("json reader: unknown fields are reported in the order the file has them", "[json_reader]") {
  const std::string text = R"({"format": "kneeplan.profile/1", "zebra": 1, "level": "novice", "apple": 2})";
  const auto diagnostics = test::diagnostics_of([&] { return parse_profile(text, "p.json"); });
  const auto at = test::places(diagnostics);
  const auto zebra = std::find(at.begin(), at.end(), "/zebra");
  const auto apple = std::find(at.begin(), at.end(), "/apple");
  REQUIRE(zebra != at.end());
  REQUIRE(apple != at.end());
  CHECK(zebra < apple);
}

TEST_CASE("json reader: a duplicate key is found however deep, and named by its pointer", "[json_reader]") {
  const std::string text = R"({"format": "kneeplan.catalogue/1", "exercises": [{}, {"dose": {"reps": {"min": 1, "max": 2, "min": 3}}}]})";
  const auto diagnostics = test::diagnostics_of([&] { return parse_catalogue(text, "c.json"); });
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].place == "/exercises/1/dose/reps/min");
  CHECK(diagnostics[0].message == "duplicate key \"min\"; each key may appear once");
}
