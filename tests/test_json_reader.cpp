// Limits that keep a huge broken file from costing unbounded memory or output.
#include <catch2/catch.hpp>

#include <string>

#include "diagnostics_of.hpp"
#include "kneeplan/catalogue.hpp"
#include "kneeplan/safety.hpp"

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
