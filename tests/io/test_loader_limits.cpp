// Loaders on huge or hostile inputs: past the diagnostic cap problems are only
// counted; "did you mean" looks each unknown id up once, within a bounded
// amount of work; echoed values are cut short.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "diagnostics_of.hpp"
#include "kneeplan/io/load.hpp"

using namespace kneeplan;

namespace {

nlohmann::json stretch_json(const std::string& id, std::vector<std::string> alternatives = {}) {
  return {{"id", id},
          {"name", id},
          {"category", "stretch"},
          {"targets", {"calves"}},
          {"equipment", nlohmann::json::array()},
          {"laterality", "bilateral"},
          {"dose", {{"hold_seconds", {{"min", 30}, {"max", 40}}}}},
          {"steps", {"Hold."}},
          {"cues", nlohmann::json::array()},
          {"alternatives", alternatives},
          {"source", "test"}};
}

std::string catalogue_text(const std::vector<nlohmann::json>& exercises) {
  return nlohmann::json{{"format", "kneeplan.catalogue/1"}, {"exercises", exercises}}.dump();
}

bool suggests(const Diagnostic& d) { return d.message.find("did you mean") != std::string::npos; }

}  // namespace

TEST_CASE("loader limits: a million and a half unknown keys give 100 problems and a count", "[json_reader][limits]") {
  std::string text = R"({"format": "kneeplan.profile/1")";
  constexpr int kKeys = 1'500'000;
  text.reserve(static_cast<std::size_t>(kKeys) * 10);
  for (int i = 0; i < kKeys; ++i) {
    std::string key = "_";  // no known field starts so
    for (int n = i; n > 0 || key.size() == 1; n /= 36) key += "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36];
    text += ",\"" + key + "\":0";
  }
  text += "}";
  REQUIRE(text.size() <= kMaxInputBytes);
  const auto diagnostics = test::diagnostics_of([&] { return parse_profile(text, "keys.json"); });
  REQUIRE(diagnostics.size() == 101);
  CHECK(diagnostics[0].place == "/_0");
  CHECK(diagnostics[99].place == "/_r2");  // 99 in base 36, lowest digit first
  CHECK(diagnostics.back().message == "1499900 more problems not shown; fix these first");
}

TEST_CASE("loader limits: suggestions for unknown ids take bounded work, once per id", "[catalogue][limits]") {
  // 20,000 ids; 60 alternatives that are each one letter off a different id,
  // then the first of them in 40 more exercises.
  constexpr int kIds = 20'000;
  std::vector<nlohmann::json> exercises;
  std::vector<std::string> typos;
  for (int i = 0; i < 60; ++i) typos.push_back("stretch-number-" + std::to_string(1000 + i) + "x");
  exercises.push_back(stretch_json("first", typos));
  for (int i = 0; i < 40; ++i) exercises.push_back(stretch_json("again-" + std::to_string(i), {typos.front()}));
  for (int i = 1; i < kIds - 40; ++i) exercises.push_back(stretch_json("stretch-number-" + std::to_string(i)));

  const auto diagnostics = test::diagnostics_of([&] { return parse_catalogue(catalogue_text(exercises), "c.json"); });
  REQUIRE(diagnostics.size() == 100);
  // The first unknown ids get their suggestion; after a fixed amount of work the others do not.
  CHECK(diagnostics.front().message ==
        "unknown exercise id \"stretch-number-1000x\"; did you mean \"stretch-number-1000\"?");
  std::size_t suggested = 0;
  while (suggested < 60 && suggests(diagnostics[suggested])) ++suggested;
  CHECK(suggested > 0);
  CHECK(suggested < 60);
  for (std::size_t i = suggested; i < 60; ++i) {
    INFO(diagnostics[i].message);
    CHECK_FALSE(suggests(diagnostics[i]));
    CHECK(diagnostics[i].message.starts_with("unknown exercise id \"stretch-number-"));
  }
  // A repeated id had its suggestion looked up once: it still carries it.
  for (std::size_t i = 60; i < 100; ++i) CHECK(diagnostics[i].message == diagnostics.front().message);
}

TEST_CASE("loader limits: a million unknown alternatives stay 100 problems", "[catalogue][limits]") {
  std::vector<nlohmann::json> exercises;
  for (int i = 0; i < 1000; ++i) {
    std::vector<std::string> unknown;
    for (int k = 0; k < 1000; ++k) unknown.push_back("u" + std::to_string(i) + "-" + std::to_string(k));
    exercises.push_back(stretch_json("e" + std::to_string(i), unknown));
  }
  const auto text = catalogue_text(exercises);
  REQUIRE(text.size() <= kMaxInputBytes);
  const auto diagnostics = test::diagnostics_of([&] { return parse_catalogue(text, "c.json"); });
  REQUIRE(diagnostics.size() == 101);
  CHECK(diagnostics.back().message == "999900 more problems not shown; fix these first");
}

TEST_CASE("loader limits: numbers are echoed as written", "[json_reader][messages]") {
  const auto message_for = [](const std::string& member) {
    const auto diagnostics = test::diagnostics_of(
        [&] { return parse_profile(R"({"format": "kneeplan.profile/1", )" + member + "}", "p.json"); });
    REQUIRE(diagnostics.size() == 1);
    return diagnostics.front().message;
  };
  CHECK(message_for(R"("age": 18.0)") == "expected a whole number from 0 to 120, found the number 18.0; write it as 18");
  CHECK(message_for(R"("age": 1.8e1)") == "expected a whole number from 0 to 120, found the number 1.8e1");
  CHECK(message_for(R"("age": 1e-400)") == "expected a whole number from 0 to 120, found the number 1e-400");
  CHECK(message_for(R"("age": 17.99999999999999999)") ==
        "expected a whole number from 0 to 120, found the number 17.99999999999999999");
  CHECK(message_for(R"("pain": -0.0)") == "expected a whole number from 0 to 10, found the number -0.0; write it as -0");
  CHECK(message_for(R"("weight_kg": 400.0000000000001)") ==
        "expected a number from 2 to 400, found the number 400.0000000000001");
  CHECK(message_for(R"("height_cm": 1e-400)") == "expected a number from 40 to 250, found the number 1e-400");
  const std::string digits(100, '7');
  CHECK(message_for(R"("age": 0.)" + digits) ==
        "expected a whole number from 0 to 120, found the number 0." + std::string(38, '7') + "…");
}
