// End to end: the calendar and the handout through the built binary.
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden.hpp"
#include "run.hpp"

using kneeplan::test::check_golden;
using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::RunOptions;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;

namespace {
const std::string kStart = "2026-11-23";  // a Monday
std::string example_profile() { return (source_dir() / "data/profiles/adult-novice.json").string(); }

RunOptions with_env(std::map<std::string, std::string> env) {
  RunOptions options;
  options.env = std::move(env);
  return options;
}
}  // namespace

TEST_CASE("plan --format ics matches the golden calendar, byte for byte", "[cli][ics]") {
  const std::vector<std::string> args{"plan",   "--profile", example_profile(), "--start", kStart, "--weeks",
                                      "1",      "--format",  "ics",             "--at",    "07:30"};
  const auto first = run_kneeplan(args);
  REQUIRE(first.exit_code == 0);
  CHECK(first.err.empty());
  CHECK(run_kneeplan(args).out == first.out);
  // SOURCE_DATE_EPOCH set to the same moment changes nothing.
  CHECK(run_kneeplan(args, with_env({{"SOURCE_DATE_EPOCH", "1795392000"}})).out == first.out);
  check_golden("plan-adult-novice-1-week.ics", first.out);
}

TEST_CASE("plan -o picks the format from the file's extension unless --format says otherwise", "[cli][ics][html]") {
  const auto dir = scratch_dir();
  const std::vector<std::string> common{"--start", kStart, "--weeks", "1"};
  auto plan_to = [&](const std::string& name, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"plan", "-o", (dir / name).string()};
    args.insert(args.end(), common.begin(), common.end());
    args.insert(args.end(), extra.begin(), extra.end());
    REQUIRE(run_kneeplan(args).exit_code == 0);
    return read_file(dir / name);
  };
  auto plan_stdout = [&](const std::string& format) {
    std::vector<std::string> args{"plan", "--format", format};
    args.insert(args.end(), common.begin(), common.end());
    return run_kneeplan(args).out;
  };
  CHECK(plan_to("plan.ics") == plan_stdout("ics"));
  CHECK(plan_to("PLAN.HTML") == plan_stdout("html"));
  CHECK(plan_to("plan.md") == plan_stdout("markdown"));
  CHECK(plan_to("plan.json") == plan_stdout("json"));
  CHECK(plan_to("plan.txt") == plan_stdout("text"));
  CHECK(plan_to("plan") == plan_stdout("text"));
  CHECK(plan_to("plan.ics", {"--format", "markdown"}) == plan_stdout("markdown"));

  // export writes JSON or a calendar; a name it has no format for gets JSON.
  std::vector<std::string> export_args{"export", "-o", (dir / "export.md").string()};
  export_args.insert(export_args.end(), common.begin(), common.end());
  REQUIRE(run_kneeplan(export_args).exit_code == 0);
  CHECK(read_file(dir / "export.md") == plan_stdout("json"));
  std::vector<std::string> export_ics{"export", "--format", "ics"};
  export_ics.insert(export_ics.end(), common.begin(), common.end());
  CHECK(run_kneeplan(export_ics).out == plan_stdout("ics"));
  const auto html = run_kneeplan({"export", "--format", "html"});
  CHECK(html.exit_code == 2);
  CHECK(html.out.empty());
}

TEST_CASE("calendar flags are checked, and refused for other formats", "[cli][ics]") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"plan", "--at", "7:30", "--format", "ics"}, "--at: expected a time of day as HH:MM (00:00-23:59), found 7:30"},
      {{"plan", "--at", "24:00", "--format", "ics"}, "found 24:00"},
      {{"plan", "--remind", "-5", "--format", "ics"}, "--remind: expected minutes from 0 to 10080, or none"},
      {{"plan", "--remind", "soon", "--format", "ics"}, "found soon"},
      {{"plan", "--at", "07:30"}, "--at applies to calendar files only; add --format ics"},
      {{"plan", "--rest-events", "--format", "html"}, "--rest-events applies to calendar files only"},
      {{"export", "--remind", "10"}, "--remind applies to calendar files only"},
  };
  for (const auto& c : cases) {
    INFO(c.args.back());
    const auto result = run_kneeplan(c.args);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("SOURCE_DATE_EPOCH sets DTSTAMP, and a bad one is a usage error", "[cli][ics]") {
  const std::vector<std::string> args{"plan", "--format", "ics", "--start", kStart, "--weeks", "1"};
  const auto stamped = run_kneeplan(args, with_env({{"SOURCE_DATE_EPOCH", "1700000000"}}));
  REQUIRE(stamped.exit_code == 0);
  CHECK(stamped.out.find("DTSTAMP:20231114T221320Z\r\n") != std::string::npos);
  CHECK(stamped.out.find("DTSTAMP:20261123T000000Z") == std::string::npos);
  CHECK(run_kneeplan(args).out.find("DTSTAMP:20261123T000000Z\r\n") != std::string::npos);
  for (const char* bad : {"yesterday", "-1", "1e9", "99999999999999999999"}) {
    INFO(bad);
    const auto result = run_kneeplan(args, with_env({{"SOURCE_DATE_EPOCH", bad}}));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC") != std::string::npos);
  }
}

TEST_CASE("a withheld plan writes no calendar or handout", "[cli][ics][html]") {
  const auto dir = scratch_dir();
  for (const char* name : {"plan.ics", "plan.html"}) {
    const auto result = run_kneeplan({"plan", "--age", "15", "-o", (dir / name).string()});
    CHECK(result.exit_code == 3);
    CHECK_FALSE(std::filesystem::exists(dir / name));
  }
}

TEST_CASE("the handout and the Markdown hold the same exercise cards", "[cli][html]") {
  const std::vector<std::string> common{"--start", kStart, "--weeks", "4"};
  std::vector<std::string> html_args{"plan", "--format", "html"};
  std::vector<std::string> markdown_args{"plan", "--format", "markdown"};
  html_args.insert(html_args.end(), common.begin(), common.end());
  markdown_args.insert(markdown_args.end(), common.begin(), common.end());
  const auto html = run_kneeplan(html_args);
  const auto markdown = run_kneeplan(markdown_args);
  REQUIRE(html.exit_code == 0);
  REQUIRE(markdown.exit_code == 0);
  // The novice plan adds a set in week 3: both say so on the card, in the same words.
  for (const char* text : {"How to do each exercise", "1 x 8-12 reps (weeks 1-2); 2 x 8-12 reps (weeks 3-4)",
                           "3 days a week", "6 days a week", "60 s between sets"}) {
    INFO(text);
    CHECK(html.out.find(text) != std::string::npos);
    CHECK(markdown.out.find(text) != std::string::npos);
  }
}
