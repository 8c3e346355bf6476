// End to end: `plan` and `export` through the built binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "golden.hpp"
#include "run.hpp"

using kneeplan::test::check_golden;
using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::RunOptions;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;
using kneeplan::test::write_file;

namespace {
const std::string kStart = "2026-11-23";  // a Monday
std::string example_profile() { return (source_dir() / "data/profiles/adult-novice.json").string(); }

RunOptions with_env(std::map<std::string, std::string> env) {
  RunOptions options;
  options.env = std::move(env);
  return options;
}
}  // namespace

TEST_CASE("plan prints a 4-week plan for the example profile", "[cli][plan]") {
  const auto result = run_kneeplan({"plan", "--profile", example_profile(), "--start", kStart});
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out.find("Week 4") != std::string::npos);
  CHECK(result.out.find("Week 5") == std::string::npos);
  CHECK(result.out.find("\x1b[") == std::string::npos);  // not a terminal: no colour
  for (const char* exercise : {"Warm-up", "Side step-up", "Stationary lunge", "Single-leg bridge", "Side plank",
                               "Leg muscles stretch", "Seated thigh stretch", "Buttock and thigh stretch",
                               "Thigh foam-roll massage"}) {
    CHECK(result.out.find(exercise) != std::string::npos);
  }
}

TEST_CASE("plan's text fits 80 columns and matches the golden file", "[cli][plan]") {
  const auto result = run_kneeplan({"plan", "--profile", example_profile(), "--start", kStart, "--weeks", "1"});
  REQUIRE(result.exit_code == 0);
  std::size_t start = 0;
  while (start < result.out.size()) {
    const auto end = result.out.find('\n', start);
    const std::string line = result.out.substr(start, end - start);
    INFO(line);
    // Count characters, not bytes.
    const auto characters = std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; });
    CHECK(characters <= 80);
    start = end + 1;
  }
  check_golden("plan-adult-novice-1-week.txt", result.out);
}

TEST_CASE("colour only when forced, never with NO_COLOR", "[cli][plan]") {
  const std::vector<std::string> args{"plan", "--start", kStart, "--weeks", "1"};
  CHECK(run_kneeplan(args, with_env({{"CLICOLOR_FORCE", "1"}})).out.find("\x1b[") != std::string::npos);
  CHECK(run_kneeplan(args, with_env({{"CLICOLOR_FORCE", "1"}, {"NO_COLOR", "1"}})).out.find("\x1b[") ==
        std::string::npos);
  // Colour never goes into a file.
  const auto dir = scratch_dir();
  const auto file = (dir / "plan.txt").string();
  auto with_output = args;
  with_output.insert(with_output.end(), {"-o", file});
  REQUIRE(run_kneeplan(with_output, with_env({{"CLICOLOR_FORCE", "1"}})).exit_code == 0);
  CHECK(read_file(file).find("\x1b[") == std::string::npos);
}

TEST_CASE("export is deterministic and matches the golden file", "[cli][export]") {
  const std::vector<std::string> args{"export", "--profile", example_profile(), "--start", kStart, "--weeks", "1"};
  const auto first = run_kneeplan(args);
  const auto second = run_kneeplan(args);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
  const auto plan = nlohmann::json::parse(first.out);
  CHECK(plan["format"] == "kneeplan.plan/2");
  CHECK(plan["options"]["start"] == kStart);
  check_golden("export-adult-novice-1-week.json", first.out);
}

TEST_CASE("plan --format json equals export, and markdown is markdown", "[cli][plan]") {
  const std::vector<std::string> common{"--start", kStart, "--weeks", "2", "--side", "left"};
  auto plan_args = std::vector<std::string>{"plan", "--format", "json"};
  auto export_args = std::vector<std::string>{"export"};
  plan_args.insert(plan_args.end(), common.begin(), common.end());
  export_args.insert(export_args.end(), common.begin(), common.end());
  CHECK(run_kneeplan(plan_args).out == run_kneeplan(export_args).out);

  auto markdown_args = std::vector<std::string>{"plan", "--format", "markdown"};
  markdown_args.insert(markdown_args.end(), common.begin(), common.end());
  const auto markdown = run_kneeplan(markdown_args);
  REQUIRE(markdown.exit_code == 0);
  CHECK(markdown.out.rfind("# ", 0) == 0);
  CHECK(markdown.out.find("| Exercise | Dose |") != std::string::npos);
}

TEST_CASE("export -o writes the file atomically and - means stdout", "[cli][export][output]") {
  const auto dir = scratch_dir();
  const auto file = (dir / "plan.json").string();
  const std::vector<std::string> args{"export", "--start", kStart};
  const auto to_stdout = run_kneeplan(args);
  REQUIRE(to_stdout.exit_code == 0);

  auto to_file = args;
  to_file.insert(to_file.end(), {"-o", file});
  const auto written = run_kneeplan(to_file);
  REQUIRE(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(read_file(file) == to_stdout.out);
  // Only the result is left in the directory: no temporary files.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);

  auto dash = args;
  dash.insert(dash.end(), {"-o", "-"});
  CHECK(run_kneeplan(dash).out == to_stdout.out);
}

TEST_CASE("an existing output file is only replaced by a complete plan", "[cli][export][output]") {
  const auto dir = scratch_dir();
  const auto file = dir / "plan.json";
  write_file(file, "previous plan\n");
  const auto bad_profile = dir / "profile.json";
  write_file(bad_profile, R"({"format": "kneeplan.profile/1", "pain": "high"})");

  const auto failed = run_kneeplan({"export", "--profile", bad_profile.string(), "-o", file.string()});
  CHECK(failed.exit_code == 1);
  CHECK(read_file(file) == "previous plan\n");

  const auto withheld = run_kneeplan({"export", "--age", "12", "-o", file.string()});
  CHECK(withheld.exit_code == 3);
  CHECK(read_file(file) == "previous plan\n");

  const auto replaced = run_kneeplan({"export", "--start", kStart, "-o", file.string()});
  REQUIRE(replaced.exit_code == 0);
  CHECK(nlohmann::json::parse(read_file(file))["format"] == "kneeplan.plan/2");
}

TEST_CASE("write failures are clear errors with exit 1", "[cli][output]") {
  SECTION("stdout is a full disk") {
    RunOptions full_disk;
    full_disk.stdout_path = "/dev/full";
    const auto result = run_kneeplan({"export", "--start", kStart}, full_disk);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("kneeplan: <stdout>: cannot write") != std::string::npos);
  }
  SECTION("the directory is read-only") {
    const auto dir = scratch_dir();
    const auto target = dir / "plan.json";
    std::filesystem::permissions(dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                          std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                                          std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    RunOptions unprivileged;  // root may write anywhere; nobody may not
    unprivileged.as_nobody = true;
    const auto result = run_kneeplan({"export", "--start", kStart, "-o", target.string()}, unprivileged);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(target.string() + ": cannot write: Permission denied") != std::string::npos);
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 0);
  }
  SECTION("the directory does not exist") {
    const auto target = (scratch_dir() / "missing" / "plan.json").string();
    const auto result = run_kneeplan({"export", "--start", kStart, "-o", target});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(target) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(target));
  }
}

TEST_CASE("wrong flag values are usage errors (exit 2) naming the flag", "[cli][plan]") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"--weeks", "0"}, {"--weeks", "53"},        {"--pain", "11"},       {"--pain", "-1"},
      {"--side", "up"}, {"--start", "2026-02-30"}, {"--rest-day", "funday"}, {"--level", "expert"},
      {"--age", "121"}, {"--symptom", "sneezing"}, {"--equipment", "bench"}, {"--format", "pdf"},
  };
  for (const auto& [flag, value] : cases) {
    INFO(flag << " " << value);
    const auto result = run_kneeplan({"plan", flag, value});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find(flag) != std::string::npos);
  }
  // Known names are listed so the person can pick one.
  CHECK(run_kneeplan({"plan", "--symptom", "sneezing"}).err.find("night-pain") != std::string::npos);
}

TEST_CASE("a missing or broken profile file exits 1 naming the file and the place", "[cli][plan]") {
  const auto dir = scratch_dir();
  const auto missing = (dir / "nope.json").string();
  const auto result = run_kneeplan({"plan", "--profile", missing});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "kneeplan: " + missing + ": no such file; check the path\n");

  const auto broken = dir / "broken.json";
  write_file(broken, "{\n  \"format\": \"kneeplan.profile/1\",\n  \"pain\": 4,,\n}\n");
  const auto syntax = run_kneeplan({"plan", "--profile", broken.string()});
  CHECK(syntax.exit_code == 1);
  CHECK(syntax.err.rfind("kneeplan: " + broken.string() + ":3:", 0) == 0);
  CHECK(syntax.out.empty());
}

TEST_CASE("flags override the profile file", "[cli][plan]") {
  const auto result = run_kneeplan({"export", "--profile", example_profile(), "--side", "right", "--level",
                                    "advanced", "--start", kStart, "--weeks", "1"});
  REQUIRE(result.exit_code == 0);
  const auto plan = nlohmann::json::parse(result.out);
  CHECK(plan["profile"]["side"] == "right");
  CHECK(plan["profile"]["level"] == "advanced");
  CHECK(plan["profile"]["age"] == 34);  // from the file
}

TEST_CASE("rest day and start date are honoured", "[cli][plan]") {
  const auto result = run_kneeplan({"export", "--start", "2026-11-25", "--rest-day", "Thursday", "--weeks", "2"});
  REQUIRE(result.exit_code == 0);
  const auto plan = nlohmann::json::parse(result.out);
  CHECK(plan["weeks"][0]["days"][0]["date"] == "2026-11-25");
  CHECK(plan["weeks"][0]["days"][0]["weekday"] == "wednesday");
  for (const auto& week : plan["weeks"]) {
    for (const auto& day : week["days"]) CHECK(day["rest"] == (day["weekday"] == "thursday"));
  }
}

TEST_CASE("a repeated flag value counts once", "[cli][plan]") {
  const auto result = run_kneeplan({"export", "--start", kStart, "--weeks", "1", "--equipment", "chair", "--equipment",
                                    "chair", "--symptom", "night-pain", "--symptom", "night-pain", "--cleared"});
  REQUIRE(result.exit_code == 0);
  const auto profile = nlohmann::json::parse(result.out)["profile"];
  CHECK(profile["equipment"] == nlohmann::json::array({"chair"}));
  CHECK(profile["symptoms"] == nlohmann::json::array({"night-pain"}));
}

TEST_CASE("a plan must end by 9999-12-31 so every date reads YYYY-MM-DD", "[cli][plan]") {
  const auto late = run_kneeplan({"export", "--start", "9999-12-31", "--weeks", "2"});
  CHECK(late.exit_code == 2);
  CHECK(late.out.empty());
  CHECK(late.err.find("9999-12-31") != std::string::npos);
  CHECK(run_kneeplan({"export", "--start", "9999-12-25", "--weeks", "1"}).exit_code == 0);
}

TEST_CASE("moderate pain holds strength at the fewest sets, and lower pain progresses to the checkpoint", "[cli][plan]") {
  const auto strength_sets = [](const nlohmann::json& plan) {
    std::set<int> sets;
    for (const auto& week : plan["weeks"]) {
      for (const auto& day : week["days"]) {
        for (const auto& item : day["items"]) {
          if (item["category"] == "strength") sets.insert(item["sets"].get<int>());
        }
      }
    }
    return sets;
  };
  const auto export_with_pain = [](const std::string& pain) {
    const auto result = run_kneeplan({"export", "--start", kStart, "--weeks", "6", "--level", "novice", "--pain", pain});
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
  };
  const auto held = export_with_pain("5");
  CHECK(strength_sets(held) == std::set<int>{1});
  bool warned = false;
  for (const auto& warning : held["warnings"]) warned = warned || warning["id"] == "moderate-pain";
  CHECK(warned);
  // Mild pain progresses, but only up to the 4-week checkpoint, where the plan stops.
  const auto mild = export_with_pain("3");
  CHECK(strength_sets(mild) == std::set<int>{1, 2});
  CHECK(mild["weeks"].size() == 4);
  CHECK(strength_sets(export_with_pain("0")) == std::set<int>{1, 2, 3});
}

namespace {
nlohmann::json export_plan(std::vector<std::string> args) {
  args.insert(args.begin(), {"export", "--start", kStart});
  const auto result = run_kneeplan(args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string squeezed(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}
}  // namespace

TEST_CASE("plan --equipment none: strength on strength days and a stretch every training day", "[cli][plan]") {
  for (const char* level : {"novice", "intermediate", "advanced"}) {
    INFO(level);
    const auto plan = export_plan({"--equipment", "none", "--level", level});
    int strength_days = 0;
    for (const auto& week : plan["weeks"]) {
      for (const auto& day : week["days"]) {
        if (day["rest"]) continue;
        int stretches = 0;
        int strength = 0;
        for (const auto& item : day["items"]) {
          stretches += item["category"] == "stretch" ? 1 : 0;
          strength += item["category"] == "strength" ? 1 : 0;
          CHECK(plan["exercises"][item["exercise"].get<std::string>()]["equipment"].empty());
        }
        CHECK(stretches >= 1);
        if (strength > 0) {
          ++strength_days;
          CHECK(strength == 3);  // lunge, bridge and side plank: hip and thigh
          CHECK(day["items"][0]["exercise"] == "warm-up");
        }
      }
    }
    CHECK(strength_days == 3 * 4);
  }
}

TEST_CASE("plan: the older-adult example gets hip and thigh work on supported rungs", "[cli][plan]") {
  const auto plan = export_plan({"--profile", (source_dir() / "data/profiles/older-adult.json").string()});
  std::map<std::string, std::set<std::string>> by_ladder;
  for (const auto& week : plan["weeks"]) {
    for (const auto& day : week["days"]) {
      for (const auto& item : day["items"]) {
        if (item["category"] != "strength") continue;
        CHECK(item["rung"] == 1);
        by_ladder[item["ladder"].get<std::string>()].insert(item["exercise"].get<std::string>());
      }
    }
  }
  // Hip: side plank and bridge; thigh: the lunge as a supported split squat.
  CHECK(by_ladder["side-plank"] == std::set<std::string>{"side-plank-from-knees"});
  CHECK(by_ladder["single-leg-bridge"] == std::set<std::string>{"two-leg-bridge"});
  CHECK(by_ladder["stationary-lunge"] == std::set<std::string>{"supported-split-squat"});
  REQUIRE(plan["rungs"].size() == 3);
  for (const auto& choice : plan["rungs"]) CHECK(choice["why"].get<std::string>().find("supported start") != std::string::npos);
  // Its 30 minutes a day hold.
  CHECK(plan["budget"]["minutes"] == 30);
  CHECK(plan["budget"]["fits"] == true);
  for (const auto& week : plan["weeks"]) {
    for (const auto& day : week["days"]) CHECK(day["minutes"].get<int>() <= 30);
  }
}

TEST_CASE("plan: the default 4-week text is under 200 lines of 80 columns, each cue once per exercise", "[cli][plan]") {
  const auto result = run_kneeplan({"plan", "--profile", example_profile(), "--start", kStart});
  REQUIRE(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  CHECK(lines.size() < 200);
  for (const auto& line : lines) {
    INFO(line);
    CHECK(std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; }) <= 80);
  }
  const auto plan = export_plan({"--profile", example_profile()});
  std::map<std::string, std::size_t> cues;  // cue -> planned exercises that have it
  for (const auto& [id, entry] : plan["exercises"].items()) {
    if (!entry["planned"]) continue;
    for (const auto& cue : entry["cues"]) ++cues[cue.get<std::string>()];
  }
  REQUIRE(cues.size() > 5);
  const std::string flat = squeezed(result.out);
  for (const auto& [cue, exercises] : cues) {
    INFO(cue);
    std::size_t seen = 0;
    for (auto at = flat.find(cue); at != std::string::npos; at = flat.find(cue, at + 1)) ++seen;
    CHECK(seen == exercises);
  }
}

TEST_CASE("plan --minutes fits every training day, and too few minutes is a usage error naming the smallest",
          "[cli][plan][budget]") {
  const auto plan = export_plan({"--minutes", "25"});
  for (const auto& week : plan["weeks"]) {
    for (const auto& day : week["days"]) CHECK(day["minutes"].get<int>() <= 25);
  }
  CHECK(plan["profile"]["minutes_per_day"] == 25);
  const int smallest = plan["budget"]["smallest"].get<int>();
  REQUIRE(smallest > 1);
  CHECK(export_plan({"--minutes", std::to_string(smallest)})["budget"]["fits"] == true);

  const auto dir = scratch_dir();
  const auto file = (dir / "plan.txt").string();
  const auto small = run_kneeplan({"plan", "--start", kStart, "--minutes", std::to_string(smallest - 1), "-o", file});
  CHECK(small.exit_code == 2);
  CHECK(small.out.empty());
  CHECK(small.err.find("--minutes " + std::to_string(smallest - 1)) != std::string::npos);
  CHECK(small.err.find("Give " + std::to_string(smallest) + " or more minutes") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(file));

  // From a profile file, the message names the field and the file.
  const auto profile = dir / "short.json";
  write_file(profile, R"({"format": "kneeplan.profile/1", "minutes_per_day": 3})");
  const auto from_file = run_kneeplan({"export", "--start", kStart, "--profile", profile.string()});
  CHECK(from_file.exit_code == 2);
  CHECK(from_file.err.find("minutes_per_day 3 in " + profile.string()) != std::string::npos);
  // Out of range is refused by the flag itself.
  CHECK(run_kneeplan({"plan", "--minutes", "0"}).exit_code == 2);
  CHECK(run_kneeplan({"plan", "--minutes", "601"}).exit_code == 2);
}

TEST_CASE("plan --detail full prints every day, and an unknown detail is a usage error", "[cli][plan]") {
  const auto summary = run_kneeplan({"plan", "--start", kStart, "--weeks", "2"});
  const auto full = run_kneeplan({"plan", "--start", kStart, "--weeks", "2", "--detail", "full"});
  REQUIRE(summary.exit_code == 0);
  REQUIRE(full.exit_code == 0);
  CHECK(full.out.find("Tue 2026-12-01  (") != std::string::npos);
  CHECK(summary.out.find("Tue 2026-12-01  (") == std::string::npos);
  CHECK(full.out.size() > summary.out.size());
  const auto markdown = run_kneeplan({"plan", "--start", kStart, "--weeks", "2", "--format", "markdown", "--detail", "full"});
  REQUIRE(markdown.exit_code == 0);
  CHECK(markdown.out.find("### Tue 2026-12-01 (") != std::string::npos);
  const auto bad = run_kneeplan({"plan", "--detail", "everything"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--detail") != std::string::npos);
}
