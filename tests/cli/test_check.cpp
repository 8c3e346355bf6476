// End to end: `check` and the safety gate in front of `plan` and `export`.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "run.hpp"

using kneeplan::test::run_kneeplan;
using kneeplan::test::scratch_dir;

TEST_CASE("check exits 0 when nothing is above caution", "[cli][check]") {
  const auto clean = run_kneeplan({"check", "--age", "30"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("not-a-diagnosis") != std::string::npos);
  const auto caution = run_kneeplan({"check", "--age", "30", "--pain", "5"});
  CHECK(caution.exit_code == 0);
  CHECK(caution.out.find("moderate-pain") != std::string::npos);
}

TEST_CASE("check exits 3 for refer and urgent findings, most severe first", "[cli][check]") {
  const auto refer = run_kneeplan({"check", "--age", "15"});
  CHECK(refer.exit_code == 3);
  CHECK(refer.out.find("under-18") != std::string::npos);
  CHECK(refer.out.find("emergency") == std::string::npos);

  const auto urgent = run_kneeplan({"check", "--age", "15", "--symptom", "buckling", "--pain", "5"});
  CHECK(urgent.exit_code == 3);
  const auto at_urgent = urgent.out.find("symptom-buckling");
  const auto at_refer = urgent.out.find("under-18");
  const auto at_caution = urgent.out.find("moderate-pain");
  REQUIRE(at_urgent != std::string::npos);
  REQUIRE(at_refer != std::string::npos);
  REQUIRE(at_caution != std::string::npos);
  CHECK(at_urgent < at_refer);
  CHECK(at_refer < at_caution);
  // Urgent findings end with the emergency-number line.
  CHECK(urgent.out.find("emergency number") != std::string::npos);

  // Clearance does not change check's verdict on refer findings.
  CHECK(run_kneeplan({"check", "--age", "15", "--cleared"}).exit_code == 3);
}

TEST_CASE("check --json prints the findings", "[cli][check]") {
  const auto result = run_kneeplan({"check", "--json", "--symptom", "locking"});
  CHECK(result.exit_code == 3);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["format"] == "kneeplan.findings/1");
  CHECK(json["plan_allowed"] == false);
  CHECK(json["findings"][0]["id"] == "symptom-locking");
  CHECK(json["findings"][0]["severity"] == "urgent");
  CHECK(json["emergency"].is_string());

  const auto clean = nlohmann::json::parse(run_kneeplan({"check", "--json"}).out);
  CHECK(clean["plan_allowed"] == true);
  CHECK(clean["emergency"].is_null());
}

TEST_CASE("plan and export withhold the plan for refer and urgent findings", "[cli][gate]") {
  for (const std::string command : {"plan", "export"}) {
    INFO(command);
    const auto refer = run_kneeplan({command, "--pain", "8"});
    CHECK(refer.exit_code == 3);
    CHECK(refer.out.empty());
    CHECK(refer.err.find("severe-pain") != std::string::npos);
    CHECK(refer.err.find("--cleared") != std::string::npos);

    const auto urgent = run_kneeplan({command, "--symptom", "cannot-bear-weight", "--cleared"});
    CHECK(urgent.exit_code == 3);
    CHECK(urgent.out.empty());
    CHECK(urgent.err.find("symptom-cannot-bear-weight") != std::string::npos);
  }
  const auto dir = scratch_dir();
  const auto file = dir / "plan.json";
  CHECK(run_kneeplan({"export", "--cause", "injury", "-o", file.string()}).exit_code == 3);
  CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("clearance lets a refer profile have a plan, with the findings kept", "[cli][gate]") {
  const auto result = run_kneeplan({"export", "--age", "16", "--cleared", "--pain", "5", "--start", "2026-11-23"});
  REQUIRE(result.exit_code == 0);
  const auto plan = nlohmann::json::parse(result.out);
  std::vector<std::string> ids;
  for (const auto& warning : plan["warnings"]) ids.push_back(warning["id"]);
  CHECK(std::find(ids.begin(), ids.end(), "under-18") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "moderate-pain") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "not-a-diagnosis") != ids.end());
  CHECK(plan["profile"]["cleared_by_clinician"] == true);

  const auto text = run_kneeplan({"plan", "--age", "16", "--cleared", "--start", "2026-11-23", "--weeks", "1"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Refer") < text.out.find("Week 1"));  // shown above the plan
}
