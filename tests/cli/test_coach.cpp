// End to end: a journal built with `kneeplan log` over simulated weeks, and
// what `plan`, `export`, `check` and `today` make of it each week.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run.hpp"

using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;

namespace {

struct Journal {
  std::string path = (scratch_dir() / "journal.db").string();

  void log(const std::string& date, const std::string& plank, const std::vector<std::string>& more = {}) const {
    std::vector<std::string> args{"--journal", path, "log", "--no-saved-profile", "--date", date, "--done",
                                  "side-plank=" + plank};
    args.insert(args.end(), more.begin(), more.end());
    const auto result = run_kneeplan(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }

  nlohmann::json plan(const std::string& start, int expected_exit = 0,
                      const std::vector<std::string>& more = {}) const {
    std::vector<std::string> args{"--journal", path, "export", "--no-saved-profile", "--start", start, "--weeks", "1"};
    args.insert(args.end(), more.begin(), more.end());
    const auto result = run_kneeplan(args);
    INFO(result.err);
    REQUIRE(result.exit_code == expected_exit);
    return expected_exit == 0 ? nlohmann::json::parse(result.out) : nlohmann::json{{"stderr", result.err}};
  }
};

// The sets per side in the plan's first week of the side plank's ladder, on
// whichever rung the plan has (pain moves a person to an easier one).
std::map<std::string, int> plank_sets(const nlohmann::json& plan) {
  std::map<std::string, int> sets;
  for (const auto& day : plan["weeks"][0]["days"]) {
    for (const auto& item : day["items"]) {
      if (item.value("ladder", "") != "side-plank") continue;
      for (const auto& side : item["sides"]) sets[side.get<std::string>()] = item["sets"].get<int>();
    }
  }
  return sets;
}

bool decided(const nlohmann::json& plan, const std::string& words) {
  if (!plan.contains("decisions")) return false;
  for (const auto& decision : plan["decisions"]) {
    if (decision["text"].get<std::string>().find(words) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Six weeks of logged sessions: the plan follows the journal week by week", "[cli][coach]") {
  const Journal journal;
  const std::vector<std::string> easy{"--pain-during", "1", "--pain-before", "0", "--pain-next-day", "0"};

  // Week 1: one set of 10 each side, little pain.
  for (const char* date : {"2026-10-05", "2026-10-07", "2026-10-09"}) journal.log(date, "left:1x10,right:1x10", easy);
  auto plan = journal.plan("2026-10-12");
  CHECK(plank_sets(plan) == std::map<std::string, int>{{"left", 1}, {"right", 1}});
  CHECK(decided(plan, "1 week done since the first session, on 10-05"));
  CHECK(plan["profile"]["weeks_done"] == 1);

  // Week 2: 2 reps over the range on the left only, twice in a row.
  for (const char* date : {"2026-10-12", "2026-10-14"}) journal.log(date, "left:1x14,right:1x12", easy);
  plan = journal.plan("2026-10-19");
  CHECK(plank_sets(plan) == std::map<std::string, int>{{"left", 2}, {"right", 1}});
  CHECK(decided(plan, "Side plank, left: 2 reps over the range in the last set on 10-12 and 10-14: next set count "
                      "(2 sets)"));

  // Week 3: too much pain during, twice in a row: the worst score is the pain
  // now, and moderate pain keeps strength at the fewest sets.
  const std::vector<std::string> sore{"--pain-during", "6", "--pain-before", "0", "--pain-next-day", "0"};
  for (const char* date : {"2026-10-19", "2026-10-21"}) journal.log(date, "left:2x10,right:1x10", sore);
  plan = journal.plan("2026-10-26");
  CHECK(plank_sets(plan) == std::map<std::string, int>{{"left", 1}, {"right", 1}});
  CHECK(plan["profile"]["pain"] == 6);
  CHECK(decided(plan, "strength stays at the fewest sets while the moderate-pain finding applies (knee pain 6 now)"));
  CHECK(decided(plan, "worst weekly pain rose (1, then 6"));
  // With the pain given as 3 (a flag wins), the pain-monitoring model steps the left side down a set.
  plan = journal.plan("2026-10-26", 0, {"--pain", "3"});
  CHECK(decided(plan, "Side plank, left: pain 6 during on 10-19; pain 6 during on 10-21: one set fewer (1 set)"));

  // Week 4: easy sessions, but a score of 1 after the last one; 4 weeks done: see a doctor first.
  for (const char* date : {"2026-10-26", "2026-10-28"}) journal.log(date, "1x10", easy);
  journal.log("2026-10-30", "1x10", {"--pain-during", "1", "--pain-after", "1"});
  const auto refused = journal.plan("2026-11-02", 3);
  CHECK(refused["stderr"].get<std::string>().find("4 weeks done since the first session") != std::string::npos);
  CHECK(refused["stderr"].get<std::string>().find("no plan given") != std::string::npos);
  // Flags still win over the journal.
  plan = journal.plan("2026-11-02", 0, {"--pain", "0"});
  CHECK(plan["profile"]["weeks_done"] == 4);
  CHECK(plan["profile"]["pain"] == 0);

  // Weeks 5 and 6: no sessions. The count starts again.
  plan = journal.plan("2026-11-16");
  CHECK(decided(plan, "no session since 10-30, 14 days or more: the routine starts again from week 1"));
  CHECK(plan["profile"]["weeks_done"] == 0);
  CHECK(plank_sets(plan) == std::map<std::string, int>{{"left", 1}, {"right", 1}});

  // Same journal, same inputs, same --start: the same bytes.
  const std::vector<std::string> args{"--journal", journal.path, "plan", "--no-saved-profile", "--start", "2026-10-19"};
  const auto first = run_kneeplan(args);
  CHECK(first.exit_code == 0);
  CHECK(first.out.find("From your journal") != std::string::npos);
  CHECK(run_kneeplan(args).out == first.out);
}

TEST_CASE("check reads the journal: a logged red flag counts until it is marked gone", "[cli][coach]") {
  const Journal journal;
  journal.log("2026-10-05", "1x10", {"--symptom", "locking"});
  const std::vector<std::string> check{"--journal", journal.path, "check", "--no-saved-profile"};
  auto result = run_kneeplan(check);
  CHECK(result.exit_code == 3);
  CHECK(result.out.find("From your journal: locking logged on 10-05") != std::string::npos);
  journal.log("2026-10-07", "1x10", {"--symptom-gone", "locking"});
  result = run_kneeplan(check);
  CHECK(result.out.find("locking") == std::string::npos);
}

TEST_CASE("plan, export, check and today never create a journal", "[cli][coach]") {
  const auto missing = scratch_dir() / "none.db";
  for (const char* command : {"plan", "export", "check", "today"}) {
    const auto result = run_kneeplan({"--journal", missing.string(), command, "--no-saved-profile"});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("no journal here") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(missing));
  }
  const auto result = run_kneeplan({"plan", "--no-saved-profile", "--maintenance"});
  CHECK(result.exit_code == 2);
}

TEST_CASE("today: the session with dose, sides, cue and what is logged, and the rest day shows tomorrow", "[cli][coach]") {
  const Journal journal;
  // Holds and roll passes too: the coach reads only repetitions, today shows all.
  journal.log("2026-10-07", "left:1x11,right:1x9", {"--done", "leg-muscles-stretch=1x30", "--done", "thigh-foam-roll=1x4"});
  const auto day = run_kneeplan({"--journal", journal.path, "today", "--no-saved-profile", "--date", "2026-10-07"});
  REQUIRE(day.exit_code == 0);
  CHECK(day.out.find("Today, Wed 2026-10-07") != std::string::npos);
  CHECK(day.out.find("Side plank") != std::string::npos);
  CHECK(day.out.find("Logged today: left 11 reps, right 9 reps") != std::string::npos);
  CHECK(day.out.find("Logged today: left 30 s, right 30 s") != std::string::npos);
  CHECK(day.out.find("Logged today: left 4 passes, right 4 passes") != std::string::npos);
  CHECK(day.out.find(" min)") != std::string::npos);

  const auto rest = run_kneeplan({"today", "--no-saved-profile", "--date", "2026-10-11"});
  REQUIRE(rest.exit_code == 0);
  CHECK(rest.out.find("rest day") != std::string::npos);
  CHECK(rest.out.find("Tomorrow, Mon 2026-10-12") != std::string::npos);

  const auto json = run_kneeplan({"today", "--no-saved-profile", "--date", "2026-10-11", "--json"});
  REQUIRE(json.exit_code == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed["today"]["rest"] == true);
  CHECK(parsed["next"]["date"] == "2026-10-12");
  CHECK_FALSE(parsed["next"]["items"].empty());
}

TEST_CASE("A rung earned in the log is the one plan and today show, their lines in line within 80 columns",
          "[cli][coach]") {
  const Journal journal;
  // The single-leg bridge's ladder: 2-for-2 at the novice's top set count on both sides.
  for (const std::string date : {"2026-11-16", "2026-11-18"}) {
    journal.log(date, "left:1x10,right:1x10", {"--done", "single-leg-bridge=left:3x14,right:3x14"});
  }
  const auto plan = journal.plan("2026-11-23");
  CHECK(decided(plan, "next rung: Single-leg bridge with a hold"));
  const auto text = run_kneeplan({"--journal", journal.path, "today", "--no-saved-profile", "--date", "2026-11-23"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Single-leg bridge with a hold") != std::string::npos);
  // Every item line: within 80 columns, and its dose in the same column as the others'.
  std::istringstream lines(text.out);
  std::set<std::size_t> dose_columns;
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(line.size() <= 80);
    if (line.size() > 5 && line[4] == '.' && std::isdigit(static_cast<unsigned char>(line[3]))) {
      const auto gap = line.find("  ", 6);  // the name's column ends in two spaces at least
      REQUIRE(gap != std::string::npos);
      dose_columns.insert(line.find_first_not_of(' ', gap));
    }
  }
  CHECK(dose_columns.size() == 1);
}

TEST_CASE("README's coach rules table is the one the program prints", "[cli][coach][readme]") {
  const std::string readme = read_file(source_dir() / "README.md");
  const auto from = readme.find("<!-- coach-rules:begin -->\n");
  const auto to = readme.find("<!-- coach-rules:end -->");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const std::string table = readme.substr(from + 27, to - from - 27);
  const auto listed = run_kneeplan({"plan", "--list-coach-rules"});
  REQUIRE(listed.exit_code == 0);
  CHECK(table == listed.out);
}
