// `kneeplan progress` over a journal built with `kneeplan log`.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "run.hpp"

using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::RunOptions;
using kneeplan::test::scratch_dir;

namespace {

struct Journal {
  std::string path = (scratch_dir() / "journal.db").string();

  void log(const std::vector<std::string>& more) const {
    std::vector<std::string> args{"--journal", path, "log", "--no-saved-profile"};
    args.insert(args.end(), more.begin(), more.end());
    const auto result = run_kneeplan(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }

  kneeplan::test::RunResult progress(const std::vector<std::string>& more, const RunOptions& options = {}) const {
    std::vector<std::string> args{"--journal", path, "progress", "--no-saved-profile", "--date", "2026-11-11"};
    args.insert(args.end(), more.begin(), more.end());
    return run_kneeplan(args, options);
  }
};

// Three weeks of side plank up to Wednesday 11-11: the week of 10-26 every
// training day, the week of 11-02 with Thursday missed, this week Monday and
// Tuesday; pain in the left knee only.
Journal three_weeks() {
  Journal journal;
  const std::vector<std::string> days{"2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30",
                                      "2026-10-31", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-06",
                                      "2026-11-07", "2026-11-09", "2026-11-10"};
  for (const auto& date : days) {
    const char* done = date < "2026-11-02" ? "side-plank=left:1x8,right:1x8" : "side-plank=left:1x10,right:1x10";
    journal.log({"--date", date, "--done", done});
  }
  journal.log({"--date", "2026-11-03", "--pain-during", "3", "--knee", "left"});
  journal.log({"--date", "2026-11-10", "--pain-during", "1", "--knee", "left"});
  return journal;
}

}  // namespace

TEST_CASE("progress --json: adherence, streak, pain per knee and doses from the journal", "[progress][cli]") {
  const Journal journal = three_weeks();
  const auto result = journal.progress({"--json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["weeks"].size() == 3);
  CHECK(json["weeks"][0]["monday"] == "2026-10-26");
  CHECK(json["weeks"][0]["sessions_done"] == 6);
  CHECK(json["weeks"][0]["sessions_planned"] == 6);
  CHECK(json["weeks"][1]["sessions_done"] == 5);
  CHECK(json["weeks"][2]["sessions_done"] == 2);
  CHECK(json["weeks"][2]["sessions_planned"] == 3);  // Monday to Wednesday, today
  // Thursday 11-05 was missed: 11-06, 11-07, 11-09, 11-10; today not done yet does not break it.
  CHECK(json["streak"] == 4);
  CHECK(json["weeks"][0]["worst_pain"]["left"].is_null());
  CHECK(json["weeks"][1]["worst_pain"]["left"] == 3);
  CHECK(json["weeks"][1]["worst_pain"]["right"].is_null());
  CHECK(json["weeks"][2]["worst_pain"]["left"] == 1);
  const auto& exercises = json["exercises"];
  REQUIRE(exercises.size() == 2);
  CHECK(exercises[0]["side"] == "left");
  CHECK(exercises[0]["weeks"][0]["amount"] == 8);
  CHECK(exercises[0]["weeks"][2]["amount"] == 10);
  CHECK(exercises[0]["weeks"][2]["date"] == "2026-11-10");
  CHECK_FALSE(json["next"].empty());

  const auto window = journal.progress({"--json", "--weeks", "1"});
  REQUIRE(window.exit_code == 0);
  CHECK(nlohmann::json::parse(window.out)["weeks"].size() == 1);
  // Decimal, as every numeric flag: a leading zero is not octal ("08" would not parse as octal).
  const auto zero_led = journal.progress({"--json", "--weeks", "08"});
  INFO(zero_led.err);
  REQUIRE(zero_led.exit_code == 0);
  CHECK(nlohmann::json::parse(zero_led.out)["weeks"].size() == 3);
}

TEST_CASE("progress text: block sparklines in UTF-8, ASCII in the C locale", "[progress][cli]") {
  const Journal journal = three_weeks();
  const auto utf8 = journal.progress({});
  REQUIRE(utf8.exit_code == 0);
  CHECK(utf8.out.find("left   knee   ▃▂  - 3 1") != std::string::npos);
  CHECK(utf8.out.find("Streak: 4 planned sessions done in a row") != std::string::npos);

  RunOptions c_locale;
  c_locale.env.emplace("LC_ALL", "C");
  const auto plain = journal.progress({}, c_locale);
  REQUIRE(plain.exit_code == 0);
  CHECK(std::all_of(plain.out.begin(), plain.out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  CHECK(plain.out.find("left   knee   ._  - 3 1") != std::string::npos);
}

TEST_CASE("progress --format svg -o writes the chart", "[progress][cli]") {
  const Journal journal = three_weeks();
  const auto file = scratch_dir() / "progress.svg";
  const auto result = journal.progress({"--format", "svg", "-o", file.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.empty());
  const std::string svg = read_file(file);
  CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
  CHECK(svg.find("Week of 2026-11-02: 5 of 6 planned sessions done") != std::string::npos);
}

TEST_CASE("progress without a journal says to log first, and --json with --format svg is a usage error",
          "[progress][cli]") {
  const Journal none;
  const auto missing = none.progress({});
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.empty());
  CHECK(missing.err.find("kneeplan log") != std::string::npos);

  const Journal journal = three_weeks();
  CHECK(journal.progress({"--json", "--format", "svg"}).exit_code == 2);
}
